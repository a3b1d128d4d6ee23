#!/bin/sh
# A suite that leaves processes behind the way guest suites do: a child in a session of its own
# (setsid), one under nohup in a subshell (its parent gone), and a loop that keeps forking, then hangs.
echo "1..2"
echo "# run $VIRT_REGRESS_RUN"
setsid sleep 300 >/dev/null 2>&1 </dev/null &
(nohup sleep 301 >/dev/null 2>&1 </dev/null &)
(i=0; while [ $i -lt 100000 ]; do (sleep 302 &); sleep 0.05; i=$((i+1)); done) &
echo "ok 1 - guest started"
sleep 300
echo "ok 2 - never reached"
