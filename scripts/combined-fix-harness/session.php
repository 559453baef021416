<?php
// Served by `php -n -c <the combined php.ini> -S`: starts a session as a login would, and sends
// the HSTS header the block's comment asks for.
header('Strict-Transport-Security: max-age=31536000; includeSubDomains');
session_start();
$_SESSION['user'] = 'demo';
echo 'ok';
