#!/bin/sh
# The hunt tests' commit probe, run in a worktree at the commit: the upstream file "content" holds
# what the package would install; "broken" fails.
[ -n "$HUNT_RUN_LOG" ] && echo "commit $VIRT_REGRESS_COMMIT" >> "$HUNT_RUN_LOG"
if [ -n "$HUNT_KILL_DIR" ] && [ -f "$HUNT_KILL_DIR/kill-COMMIT" ] && [ ! -f "$HUNT_KILL_DIR/killed-COMMIT" ]; then
  touch "$HUNT_KILL_DIR/killed-COMMIT"
  kill -9 "$(cat "$HUNT_KILL_DIR/pid")"
  exit 0
fi
if grep -q broken content; then exit 1; fi
exit 0
