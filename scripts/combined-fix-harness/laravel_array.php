<?php
// Reads the combined fix for Laravel (argv[1], entries of config/session.php) as PHP, inside the
// array the file returns, and prints that array as JSON: the block must be valid PHP whose keys
// are Laravel's own. (Laravel itself is not in Debian.)
$entries = file_get_contents($argv[1]);
$config = eval('return [' . $entries . "\n];");
echo json_encode(['producer' => 'PHP ' . PHP_VERSION . ' (parsed as config/session.php)', 'config' => $config]);
