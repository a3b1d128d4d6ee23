#!/bin/sh
# exits 0 without reporting anything
echo "all good, trust me"
