#!/bin/sh
# The hunt tests' intermittent commit probe, run in a worktree at the commit: "broken" in the upstream
# file "content" fails about half the time, drawn from a seeded pseudo-random sequence kept in the
# file "flaky-commit-seed" beside this script.
here=$(dirname "$0")
x=$(cat "$here/flaky-commit-seed" 2>/dev/null || echo 4242)
x=$(( (x * 1103515245 + 12345) % 2147483648 ))
echo "$x" > "$here/flaky-commit-seed"
[ -n "$HUNT_RUN_LOG" ] && echo "commit $VIRT_REGRESS_COMMIT" >> "$HUNT_RUN_LOG"
if grep -q broken content && [ $(( (x / 65536) % 2 )) -eq 0 ]; then exit 1; fi
exit 0
