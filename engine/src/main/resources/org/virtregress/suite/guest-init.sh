#!/bin/busybox sh
# /init of a guest boot test: mounts the kernel file systems, runs the checks and prints TAP
# between two marker lines on the console, then powers the guest off.
/bin/busybox mkdir -p /proc /sys /dev /tmp /sbin /usr/bin /usr/sbin
/bin/busybox mount -t proc proc /proc
/bin/busybox --install -s
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root TERM=dumb

only=""
for arg in $(cat /proc/cmdline); do
  case "$arg" in
    virt_regress.only=*) only="${arg#virt_regress.only=}" ;;
  esac
done

selected=""
for check in @CHECKS@; do
  if [ -z "$only" ] || [ "${check##*/}" = "$only" ]; then
    selected="$selected $check"
  fi
done
set -- $selected

echo "@BEGIN@"
echo "TAP version 13"
echo "1..$#"
n=0
for check in "$@"; do
  n=$((n + 1))
  name="${check##*/}"
  if [ ! -x "$check" ]; then
    echo "not ok $n - $name"
    echo "# $check is missing or not executable"
    continue
  fi
  "$check" >/tmp/check.out 2>&1 </dev/null
  status=$?
  if [ "$status" -eq 0 ]; then
    echo "ok $n - $name"
  elif [ "$status" -eq 77 ]; then
    echo "ok $n - $name # SKIP $(head -n 1 /tmp/check.out)"
    continue
  else
    echo "not ok $n - $name"
  fi
  sed -e 's/^/# /' /tmp/check.out | head -n 200
  if [ "$status" -ne 0 ]; then
    echo "# exit status $status"
  fi
done
echo "@END@"
poweroff -f
