#!/usr/bin/env bash
# Two `uppsikt serve` on one PostgreSQL database behave as one: a session begun on one is
# valid on the other, signing out on one ends it on both, and sign-in throttling counts the
# failures made on both. Usage (ctest, with the postgres fixture): two_instances.sh BIN
set -euo pipefail
BIN=$(realpath "$1")
TMP=$(mktemp -d /tmp/uppsikt-two.XXXXXX)
cd "$(dirname "$0")"
source ./lib.sh
PID_A= PID_B=
cleanup() {
  for pid in $PID_A $PID_B; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  drop_schema
  rm -rf -- "$TMP"
}
trap cleanup EXIT

DB=$(new_schema)
PASSWORD=ett-langt-losenord-for-testet
echo "$PASSWORD" | "$BIN" init --db "$DB" --admin-email admin@example.se --admin-name "Ada Admin" \
  --password-stdin >/dev/null 2>&1 || fail "uppsikt init on PostgreSQL"
start_server A "$DB"
start_server B "$DB"
A=http://127.0.0.1:$PORT_A
B=http://127.0.0.1:$PORT_B

status=$(sign_in "$PORT_A" "$TMP/jar" admin@example.se "$PASSWORD")
[ "$status" = 303 ] || [ "$status" = 302 ] || fail "sign-in on A gave $status"
ok "signed in on A"

# Alternate: every page on either server sees the session.
for i in $(seq 10); do
  for base in "$A" "$B"; do
    status=$(curl -s -b "$TMP/jar" -o "$TMP/page.html" -w '%{http_code}' "$base/")
    [ "$status" = 200 ] || fail "request $i to $base gave $status"
    grep -q 'Ada Admin' "$TMP/page.html" || fail "request $i to $base is not signed in"
  done
done
ok "20 requests alternating between A and B, all signed in"

# Sign out on B; A no longer knows the session.
curl -s -b "$TMP/jar" -o "$TMP/home.html" "$B/"
status=$(curl -s -b "$TMP/jar" -c "$TMP/jar" -o /dev/null -w '%{http_code}' \
  --data-urlencode "_csrf=$(csrf_of "$TMP/home.html")" "$B/logga-ut")
[ "$status" = 303 ] || [ "$status" = 302 ] || fail "sign-out on B gave $status"
status=$(curl -s -b "$TMP/jar" -o /dev/null -w '%{http_code}|%{redirect_url}' "$A/")
[[ "$status" == 30[23]\|*logga-in ]] || fail "after sign-out on B, A gave $status"
ok "signed out on B, A sends to the sign-in page"

# Throttling: failures alternate between the servers; the account is refused on both.
refused_after=
for i in $(seq 14); do
  base_port=$PORT_A; ((i % 2)) || base_port=$PORT_B
  status=$(sign_in "$base_port" "$TMP/jar.$i" admin@example.se fel-losenord)
  if [ "$status" = 429 ]; then refused_after=$((i - 1)); break; fi
  [ "$status" = 200 ] || fail "failed sign-in $i gave $status"
done
[ -n "$refused_after" ] || fail "14 failed sign-ins alternating between A and B were never refused"
[ "$refused_after" -le 10 ] || fail "refused only after $refused_after failures"
for port in "$PORT_A" "$PORT_B"; do
  status=$(sign_in "$port" "$TMP/jar.x" admin@example.se "$PASSWORD")
  [ "$status" = 429 ] || fail "the throttled account could sign in on port $port ($status)"
done
ok "throttled after $refused_after failures split over A and B, on both"
echo "two instances: all passed"
