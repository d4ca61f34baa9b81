#!/usr/bin/env bash
# Two `uppsikt serve` on one PostgreSQL database behave as one: a session begun on one is
# valid on the other, signing out on one ends it on both, sign-in throttling counts the
# failures made on both, and two people saving the same answer from the same version through
# different servers meet the conflict view instead of one silently overwriting the other. Usage (ctest, with the postgres fixture): two_instances.sh BIN
set -euo pipefail
BIN=$(realpath "$1")
TMP=$(mktemp -d /tmp/uppsikt-two.XXXXXX)
cd "$(dirname "$0")"
source ./lib.sh
PID_A= PID_B= PID_C= PID_D=
cleanup() {
  for pid in $PID_A $PID_B $PID_C $PID_D; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  drop_schema
  rm -rf -- "$TMP"
}
trap cleanup EXIT

new_schema DB
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

# The conflict: the demo city on a schema of its own, served by C and D. The respondent (on C)
# and the admin (on D) open the same answer at the same version and both save it.
new_schema DEMO
"$BIN" demo --db "$DEMO" >"$TMP/demo.out" 2>&1 || { cat "$TMP/demo.out"; fail "uppsikt demo on PostgreSQL"; }
start_server C "$DEMO"
start_server D "$DEMO"
[ "$(sign_in "$PORT_C" "$TMP/jar.svea" svarande@demo.uppsikt.se demo-respondent)" = 303 ] || fail "sign-in on C"
[ "$(sign_in "$PORT_D" "$TMP/jar.ada" admin@demo.uppsikt.se demo-admin)" = 303 ] || fail "sign-in on D"
curl -s -b "$TMP/jar.svea" -o "$TMP/mine.html" "http://127.0.0.1:$PORT_C/mina-uppfoljningar"
PAGE=$(grep -o '/omgangar/[0-9]*/svar/[0-9]*' "$TMP/mine.html" | head -n 1)
[ -n "$PAGE" ] || fail "the respondent has no answer page"
curl -s -b "$TMP/jar.svea" -o "$TMP/svea.html" "http://127.0.0.1:$PORT_C$PAGE"
curl -s -b "$TMP/jar.ada" -o "$TMP/ada.html" "http://127.0.0.1:$PORT_D$PAGE"
read -r Q VERSION < <(sed -n 's/.*name="version-\([0-9]*\)" value="\([0-9]*\)".*/\1 \2/p' "$TMP/svea.html" | head -n 1)
[ -n "$Q" ] || fail "no editable question on $PAGE"
grep -q "name=\"version-$Q\" value=\"$VERSION\"" "$TMP/ada.html" || fail "C and D show different versions"
save() {  # save SERVER_PORT JAR CSRF_PAGE TEXT OUT: posts the form; prints the HTTP status
  curl -s -b "$2" -o "$5" -w '%{http_code}' --data-urlencode "_csrf=$(csrf_of "$3")" \
    --data-urlencode "version-$Q=$VERSION" --data-urlencode "kommentar-$Q=$4" "http://127.0.0.1:$1$PAGE"
}
status=$(save "$PORT_C" "$TMP/jar.svea" "$TMP/svea.html" "Sveas svar: målen är nådda." "$TMP/first.html")
[ "$status" = 303 ] || fail "the first save (C) gave $status"
status=$(save "$PORT_D" "$TMP/jar.ada" "$TMP/ada.html" "Adas svar: målen är inte nådda." "$TMP/second.html")
[ "$status" = 409 ] || fail "the second save (D) from the same version gave $status, not the conflict view"
grep -q 'Svaret har ändrats av någon annan' "$TMP/second.html" || fail "the second save did not show the conflict view"
grep -q 'Sveas svar: målen är nådda.' "$TMP/second.html" || fail "the conflict view does not show the saved answer"
grep -q 'Adas svar: målen är inte nådda.' "$TMP/second.html" || fail "the conflict view lost the unsaved answer"
for port in "$PORT_C" "$PORT_D"; do
  curl -s -b "$TMP/jar.svea" -o "$TMP/after.html" "http://127.0.0.1:$port$PAGE"
  grep -q 'Sveas svar: målen är nådda.' "$TMP/after.html" || fail "server $port does not show the first save"
  ! grep -q 'Adas svar' "$TMP/after.html" || fail "the second save overwrote the first (server $port)"
done
ok "same answer saved from the same version on C and then D: D shows the conflict view, nothing overwritten"
echo "two instances: all passed"
