#!/bin/sh
# A TAP suite with one steady, one flaky and one broken case. With an argument it runs only the
# case of that name (how the runner reruns a failed case). The flaky case fails on its first run
# in a working directory and passes afterwards: it counts its runs in a file there.
only="$1"
run() {
  name="$1"
  case "$name" in
    steady) return 0 ;;
    flaky)
      count=$(cat flaky.count 2>/dev/null || echo 0)
      count=$((count + 1))
      echo "$count" > flaky.count
      [ "$count" -ge 2 ] ;;
    broken) echo "# disk image checksum mismatch at offset $$"; return 1 ;;
  esac
}
if [ -n "$only" ]; then set -- "$only"; else set -- steady flaky broken; fi
echo "1..$#"
n=0
for name in "$@"; do
  n=$((n + 1))
  out=$(run "$name")
  if [ $? -eq 0 ]; then echo "ok $n - $name"; else echo "not ok $n - $name"; [ -n "$out" ] && echo "$out"; fi
done
