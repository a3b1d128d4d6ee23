#!/bin/sh
# prints one result, then hangs in a child process
echo "1..2"
echo "ok 1 - before the hang"
sleep 600
echo "ok 2 - never printed"
