#!/usr/bin/env bash
# Durability: a client streams answer saves to `uppsikt serve` over HTTP (signed in, with
# _csrf, each save a distinct text with Swedish letters) while the server is killed with
# SIGKILL at random moments and restarted. Afterwards every save that got HTTP 200 must be in
# the database with its exact text: in the audit trail (written in the save's transaction) and,
# for the last one of each question, in the answer itself, unless a later save whose reply was
# lost won. On SQLite, PRAGMA integrity_check must say ok.
#
#   durability.sh BIN sqlite|postgresql    (ctest; postgresql needs the postgres fixture)
# env: DURABILITY_KILLS (4), DURABILITY_SEED (random; printed, to repeat a run)
set -euo pipefail
BIN=$(realpath "$1")
BACKEND=$2
KILLS=${DURABILITY_KILLS:-4}
SEED=${DURABILITY_SEED:-$(( $(date +%s) % 32768 ))}
RANDOM=$SEED
TMP=$(mktemp -d /tmp/uppsikt-durability.XXXXXX)
cd "$(dirname "$0")"
source ./lib.sh
PID_S= CLIENT=
cleanup() {
  touch "$TMP/stop"
  [ -n "$CLIENT" ] && wait $CLIENT 2>/dev/null
  [ -n "$PID_S" ] && kill -9 "$PID_S" 2>/dev/null && wait "$PID_S" 2>/dev/null
  drop_schema
  rm -rf -- "$TMP"
}
trap cleanup EXIT
echo "seed $SEED ($BACKEND, $KILLS kills)"

case $BACKEND in
  sqlite) DB=$TMP/demo.db ;;
  postgresql) new_schema DB ;;
  *) fail "unknown backend '$BACKEND' (sqlite or postgresql)" ;;
esac
"$BIN" demo --db "$DB" >"$TMP/demo.out" 2>&1 || { cat "$TMP/demo.out"; fail "uppsikt demo"; }

start_server S "$DB"
PORT=$PORT_S
BASE=http://127.0.0.1:$PORT
status=$(sign_in "$PORT" "$TMP/jar" svarande@demo.uppsikt.se demo-respondent)
[ "$status" = 303 ] || [ "$status" = 302 ] || fail "sign-in gave $status"

# The respondent's answer page, from the list of their follow-ups.
curl -s -b "$TMP/jar" -o "$TMP/mine.html" "$BASE/mina-uppfoljningar"
PAGE=$(grep -o '/omgangar/[0-9]*/svar/[0-9]*' "$TMP/mine.html" | head -n 1)
[ -n "$PAGE" ] || fail "no answer page in /mina-uppfoljningar"
curl -s -b "$TMP/jar" -o "$TMP/page.html" "$BASE$PAGE"
CSRF=$(csrf_of "$TMP/page.html")
mapfile -t QUESTIONS < <(sed -n 's/.*name="version-\([0-9]*\)".*/\1/p' "$TMP/page.html")
((${#QUESTIONS[@]} > 0)) || fail "the answer page $PAGE has no editable question"
ok "signed in as the respondent; $PAGE has ${#QUESTIONS[@]} questions"

# Client C of CLIENTS: saves its share of the questions one after the other with the version it
# last saw; writes "i<TAB>question<TAB>text" to sent.C before each request and to acked.C after
# a 200. When a request fails (the server is down) or conflicts (an unacknowledged save was
# committed), it reads the versions again from the page.
CLIENTS=3
client() {
  local c=$1
  declare -A version
  read_versions() {
    until curl -sf -b "$TMP/jar" -o "$TMP/client.$c.html" "$BASE$PAGE"; do
      [ -e "$TMP/stop" ] && return 1
      sleep 0.02
    done
    local q v
    while read -r q v; do version[$q]=$v; done \
      < <(sed -n 's/.*name="version-\([0-9]*\)" value="\([0-9]*\)".*/\1 \2/p' "$TMP/client.$c.html")
  }
  read_versions || return 0
  local i=$c q text reply idx mine=()
  for idx in "${!QUESTIONS[@]}"; do ((idx % CLIENTS != c)) || mine+=("${QUESTIONS[idx]}"); done
  while [ ! -e "$TMP/stop" ]; do
    i=$((i + CLIENTS))
    q=${mine[$((i / CLIENTS % ${#mine[@]}))]}
    text="Sparning $i: vi följer upp målen för år $((2020 + i % 7)) — åäö ÅÄÖ é ü «$RANDOM»"
    printf '%s\t%s\t%s\n' "$i" "$q" "$text" >>"$TMP/sent.$c"
    reply=$(curl -s -m 5 -b "$TMP/jar" -H 'Accept: application/json' -w '\n%{http_code}' \
      --data-urlencode "_csrf=$CSRF" --data-urlencode "version-$q=${version[$q]:-0}" \
      --data-urlencode "kommentar-$q=$text" "$BASE$PAGE") || reply=
    if [ "${reply##*$'\n'}" = 200 ] && [[ $reply == *'"status":"saved"'* ]]; then
      printf '%s\t%s\t%s\n' "$i" "$q" "$text" >>"$TMP/acked.$c"
      version[$q]=$(sed -n 's/.*"version":\([0-9]*\).*/\1/p' <<<"$reply")
    else
      read_versions || return 0
    fi
  done
}
for c in $(seq 0 $((CLIENTS - 1))); do
  : >"$TMP/sent.$c"
  : >"$TMP/acked.$c"
  client "$c" &
  CLIENT="$CLIENT $!"
done
acked() { cat "$TMP"/acked.* | wc -l; }

# Kill the server at random moments and start it again on the same port: after 3–9 more
# saves were acknowledged (so that a slow, busy machine still saves between kills) and then a
# random 0–0.4 s, mostly in the middle of a request.
for k in $(seq "$KILLS"); do
  target=$(($(acked) + 3 + RANDOM % 7))
  for _ in $(seq 1200); do (($(acked) >= target)) && break; sleep 0.05; done
  (($(acked) >= target)) || fail "no saves acknowledged for a minute after restart $((k - 1))"
  sleep "0.$((RANDOM % 4))$((RANDOM % 10))"
  kill -9 "$PID_S"
  wait "$PID_S" 2>/dev/null || true
  before=$(acked)
  start_server S "$DB" "$PORT"
  echo "     kill $k after $before acknowledged saves"
done
sleep 1
kill -9 "$PID_S"
wait "$PID_S" 2>/dev/null || true
PID_S=
touch "$TMP/stop"
wait $CLIENT || true
CLIENT=
cat "$TMP"/sent.* >"$TMP/sent"
cat "$TMP"/acked.* >"$TMP/acked"
ACKED=$(wc -l <"$TMP/acked")
((ACKED >= 20)) || fail "only $ACKED saves were acknowledged"
ok "$ACKED of $(wc -l <"$TMP/sent") saves acknowledged across $KILLS kills with SIGKILL"

# What the database holds, read directly: "question<TAB>comment" of the answers, and the
# comment of every answer_save in the audit trail (texts hold no quote, backslash or tab).
unit=${PAGE##*/}
round=${PAGE#/omgangar/}
round=${round%%/*}
answers_sql="SELECT a.question_id, a.comment FROM answers a JOIN responses r ON r.id = a.response_id
  WHERE r.round_id = $round AND r.unit_id = $unit"
audit_sql="SELECT after_json FROM audit WHERE action = 'answer_save'"
if [ "$BACKEND" = sqlite ]; then
  check=$(sqlite3 "$DB" 'PRAGMA integrity_check')
  [ "$check" = ok ] || fail "PRAGMA integrity_check: $check"
  ok "PRAGMA integrity_check: ok"
  sqlite3 -separator $'\t' "$DB" "$answers_sql" >"$TMP/answers"
  sqlite3 "$DB" "$audit_sql" >"$TMP/audit"
else
  psql -X -q -A -t -F $'\t' -d "$DB" -c "$answers_sql" >"$TMP/answers"
  psql -X -q -A -t -d "$DB" -c "$audit_sql" >"$TMP/audit"
fi
sed -n 's/.*"comment":"\([^"]*\)".*/\1/p' "$TMP/audit" | sort >"$TMP/audited"
cut -f3 "$TMP/acked" | sort >"$TMP/acked.texts"
missing=$(comm -23 "$TMP/acked.texts" "$TMP/audited" | wc -l)
[ "$missing" = 0 ] || { comm -23 "$TMP/acked.texts" "$TMP/audited" | head -n 5; fail "$missing acknowledged saves are lost"; }
ok "all $ACKED acknowledged saves are in the audit trail with their exact text"

# Each question's answer: its last acknowledged text, or a text sent after it (reply lost).
lost=$(awk -F'\t' '
  FILENAME == ARGV[1] { last[$2] = $1; text[$2] = $3; next }
  FILENAME == ARGV[2] { sent[$2, $3] = $1; next }
  $1 in last && !($1 SUBSEP $2 in sent && sent[$1, $2] >= last[$1]) {
    printf "question %s holds \"%s\", last acknowledged \"%s\"\n", $1, $2, text[$1] }
' "$TMP/acked" "$TMP/sent" "$TMP/answers")
[ -z "$lost" ] || { echo "$lost"; fail "answers do not hold their last acknowledged save"; }
for q in $(cut -f2 "$TMP/acked" | sort -u); do
  grep -q "^$q"$'\t' "$TMP/answers" || fail "question $q has no answer after acknowledged saves"
done
ok "every answer holds its last acknowledged text (or a later one whose reply was lost)"
echo "durability ($BACKEND): $ACKED acknowledged saves checked, all present"
