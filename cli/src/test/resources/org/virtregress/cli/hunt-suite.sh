#!/bin/sh
# The hunt tests' guest suite (TAP): reads what the packages installed into the probe's root.
# "broken" in a content file fails check 1, "crash" fails check 2 (another failure).
root="${VIRT_REGRESS_ROOT:-/}"
qemu=$(cat "$root/usr/share/vrqemu/content" 2>/dev/null)
bios=$(cat "$root/usr/share/vrbios/content" 2>/dev/null)
[ -n "$HUNT_RUN_LOG" ] && echo "suite vrqemu=$qemu vrbios=$bios" >> "$HUNT_RUN_LOG"
if [ -n "$HUNT_KILL_DIR" ] && [ -f "$HUNT_KILL_DIR/state.json" ]; then
  level=$(grep -o '"level" *: *"[A-Z]*"' "$HUNT_KILL_DIR/state.json" | grep -o '[A-Z][A-Z]*')
  if [ -n "$level" ] && [ -f "$HUNT_KILL_DIR/kill-$level" ] && [ ! -f "$HUNT_KILL_DIR/killed-$level" ]; then
    touch "$HUNT_KILL_DIR/killed-$level"
    kill -9 "$(cat "$HUNT_KILL_DIR/pid")"
    exit 0
  fi
fi
echo "1..2"
case "$qemu $bios" in
  *broken*) echo "not ok 1 - guest boots" ;;
  *) echo "ok 1 - guest boots" ;;
esac
case "$qemu $bios" in
  *crash*) echo "not ok 2 - guest shuts down" ;;
  *) echo "ok 2 - guest shuts down" ;;
esac
