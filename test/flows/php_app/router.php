<?php
// A real PHP login with PHP's own sessions, for the --active tests (test/cli/flow-active-php.test.ts):
//
//   PHP_APP_REGENERATE=1 PHP_APP_LOGOUT=destroy php -S 127.0.0.1:<port> \
//     -d session.use_strict_mode=0 -d session.save_path=<dir> test/flows/php_app/router.php
//
// User "demo", password "php-demo-pass-7". session.use_strict_mode (php.ini) decides whether PHP
// takes a session id it never issued; PHP_APP_REGENERATE=1 calls session_regenerate_id(true) at
// login; PHP_APP_LOGOUT is "destroy" (session_destroy() and the cookie deleted) or "clear-cookie"
// (the cookie deleted, the session left in its file: the logout bug). PHP_APP_REQUEST_LOG, if set,
// names a file that gets one line per request (the tests count requests with it).

const USER = 'demo';
const PASSWORD = 'php-demo-pass-7';

$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$method = $_SERVER['REQUEST_METHOD'];
if (getenv('PHP_APP_REQUEST_LOG')) file_put_contents(getenv('PHP_APP_REQUEST_LOG'), "$method $path\n", FILE_APPEND | LOCK_EX);
session_start();

function page(string $title, string $body): void {
    header('Content-Type: text/html; charset=utf-8');
    echo "<!doctype html><title>$title</title>$body";
}

function see_other(string $to): void {
    header("Location: $to", true, 303);
}

function delete_session_cookie(): void {
    $params = session_get_cookie_params();
    setcookie(session_name(), '', ['expires' => time() - 3600, 'path' => $params['path']]);
}

if ($path === '/login' && $method === 'GET') {
    page('Log in', '<h1>Log in</h1><form method="post" action="/login" id="login">'
        . '<input name="username" value="demo"><input name="password" type="password"><button>Log in</button></form>');
} elseif ($path === '/login' && $method === 'POST') {
    if (($_POST['username'] ?? '') !== USER || ($_POST['password'] ?? '') !== PASSWORD) {
        http_response_code(401);
        page('Log in', '<p>Wrong user name or password.</p>');
    } else {
        if (getenv('PHP_APP_REGENERATE') === '1') session_regenerate_id(true);
        $_SESSION['user'] = USER;
        see_other('/profile');
    }
} elseif ($path === '/profile') {
    if (isset($_SESSION['user'])) page('Profile', '<p>Logged in as ' . htmlspecialchars($_SESSION['user']) . '</p>'
        . '<form method="post" action="/logout" id="logout"><button>Log out</button></form>');
    else see_other('/login');
} elseif ($path === '/logout' && $method === 'POST') {
    if (getenv('PHP_APP_LOGOUT') === 'clear-cookie') {
        delete_session_cookie();
    } else {
        $_SESSION = [];
        session_destroy();
        delete_session_cookie();
    }
    see_other('/login');
} else {
    http_response_code(404);
    page('Not found', '<p>Not found</p>');
}
