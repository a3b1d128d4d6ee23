#!/bin/sh
# The benchmark's test: bad (exit 1) when CULPRIT is an ancestor of HEAD, good (exit 0) when not,
# abort (exit 128) when git fails. Appends "start end" in nanoseconds to TIMES for the test time.
culprit="$1"
times="$2"
start=$(date +%s%N)
git merge-base --is-ancestor "$culprit" HEAD
rc=$?
end=$(date +%s%N)
echo "$start $end" >> "$times"
case $rc in
  0) exit 1 ;;
  1) exit 0 ;;
  *) exit 128 ;;
esac
