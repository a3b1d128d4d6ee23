#!/bin/sh
# The hunt tests' intermittent guest suite (TAP): "broken" in vrqemu's content fails check 1 about
# half the time, drawn from a seeded pseudo-random sequence kept in the file "flaky-seed" beside
# this script, so that a run of the test sees the same sequence every time.
root="${VIRT_REGRESS_ROOT:-/}"
here=$(dirname "$0")
qemu=$(cat "$root/usr/share/vrqemu/content" 2>/dev/null)
x=$(cat "$here/flaky-seed" 2>/dev/null || echo "${HUNT_SEED:-20261202}")
x=$(( (x * 1103515245 + 12345) % 2147483648 ))
echo "$x" > "$here/flaky-seed"
[ -n "$HUNT_RUN_LOG" ] && echo "suite vrqemu=$qemu" >> "$HUNT_RUN_LOG"
if [ -n "$HUNT_KILL_DIR" ] && [ -f "$HUNT_KILL_DIR/kill-at" ] && [ ! -f "$HUNT_KILL_DIR/killed" ] \
    && [ "$(wc -l < "$HUNT_RUN_LOG")" -ge "$(cat "$HUNT_KILL_DIR/kill-at")" ]; then
  touch "$HUNT_KILL_DIR/killed"
  kill -9 "$(cat "$HUNT_KILL_DIR/pid")"
  exit 0
fi
if [ -n "$HUNT_KILL_DIR" ] && [ -f "$HUNT_KILL_DIR/kill-after-switch" ] && [ ! -f "$HUNT_KILL_DIR/killed" ] \
    && tr -d ' \n' < "$HUNT_KILL_DIR/state.json" 2>/dev/null | grep -q '"switched":\["'; then
  touch "$HUNT_KILL_DIR/killed"
  kill -9 "$(cat "$HUNT_KILL_DIR/pid")"
  exit 0
fi
echo "1..1"
case "$qemu" in
  *broken*)
    if [ $(( (x / 65536) % 2 )) -eq 0 ]; then echo "not ok 1 - guest boots"; else echo "ok 1 - guest boots"; fi ;;
  *) echo "ok 1 - guest boots" ;;
esac
