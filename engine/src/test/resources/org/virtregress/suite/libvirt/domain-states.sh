#!/bin/sh
# TAP check of libvirt domain states: domain-states.sh URI DOMAIN=STATE...
# Lists the domains of the connection, then checks each expected state with virsh domstate.
uri="$1"
shift
echo "1..$(($# + 1))"
if list=$(virsh -c "$uri" list --all --name 2>&1); then
  echo "ok 1 - virsh lists the domains of $uri"
  echo "$list" | sed -e '/^$/d' -e 's/^/# domain: /'
else
  echo "not ok 1 - virsh lists the domains of $uri"
  echo "$list" | sed -e 's/^/# /'
fi
n=1
for expectation in "$@"; do
  n=$((n + 1))
  domain="${expectation%%=*}"
  want="${expectation#*=}"
  if got=$(virsh -c "$uri" domstate "$domain" 2>&1 | sed -e '/^$/d'); [ "$got" = "$want" ]; then
    echo "ok $n - domain $domain is $want"
  else
    echo "not ok $n - domain $domain is $want"
    echo "  ---"
    echo "  message: \"domain $domain is '$got', expected '$want'\""
    echo "  ..."
  fi
done
