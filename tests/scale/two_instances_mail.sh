#!/usr/bin/env bash
# Two `uppsikt serve` on one PostgreSQL database send a round's mail once: a round of 500 units
# (each with one respondent, every twentieth with a second one, and one person answering for three
# units) is opened on one server while both send to one real SMTP server
# (tests/support/smtp_sink.py, aiosmtpd). Every respondent gets exactly one "round opened"
# message per unit, nothing is missing, nothing comes twice, both servers took part in sending,
# and each outbox row was claimed once. Usage (ctest, with the postgres fixture):
#
#   two_instances_mail.sh BIN
#
# By hand: scripts/test-postgres start DIR; UPPSIKT_TEST_POSTGRESQL_FILE=DIR/url two_instances_mail.sh
# BIN; scripts/test-postgres stop DIR.
set -euo pipefail
BIN=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d /tmp/uppsikt-two-mail.XXXXXX)
UNITS=500
PY=/usr/bin/python3  # Debian's, which has aiosmtpd
cd "$HERE"
source ./lib.sh
PID_A= PID_B= SINK=
cleanup() {
  for pid in $PID_A $PID_B $SINK; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  drop_schema
  rm -rf -- "$TMP"
}
trap cleanup EXIT
started=$SECONDS
sql() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$DB" -c "$1"; }

new_schema DB
PASSWORD=ett-langt-losenord-for-testet
echo "$PASSWORD" | "$BIN" init --db "$DB" --admin-email admin@example.se --admin-name "Ada Admin" \
  --password-stdin >/dev/null 2>&1 || fail "uppsikt init on PostgreSQL"
# The units under the administrator's organisation, and their respondents (people who have not
# signed in yet: a password hash that matches nothing).
sql "INSERT INTO units (parent_id, name, kind)
       SELECT (SELECT id FROM units WHERE parent_id IS NULL), 'Förvaltning ' || lpad(i::text, 3, '0'), 'forvaltning'
       FROM generate_series(1, $UNITS) i;
     INSERT INTO users (email, name, password_hash, created_at)
       SELECT 'svarande' || i || '@example.se', 'Svarande ' || i, '!', '2026-01-01T00:00:00Z' FROM generate_series(1, $UNITS) i
       UNION ALL SELECT 'ersattare' || i || '@example.se', 'Ersättare ' || i, '!', '2026-01-01T00:00:00Z'
         FROM generate_series(20, $UNITS, 20) i
       UNION ALL SELECT 'asa.oberg@example.se', 'Åsa Öberg', '!', '2026-01-01T00:00:00Z';
     INSERT INTO grants (user_id, role, unit_id)
       SELECT p.id, 'respondent', u.id FROM users p JOIN units u
         ON u.name = 'Förvaltning ' || lpad(substring(p.email FROM '[0-9]+')::text, 3, '0')
       UNION ALL SELECT p.id, 'respondent', u.id FROM users p JOIN units u ON u.name IN
         ('Förvaltning 001', 'Förvaltning 002', 'Förvaltning 003') WHERE p.email = 'asa.oberg@example.se'" \
  || fail "adding the units and their respondents"
EXPECTED=$(sql "SELECT COUNT(*) FROM grants WHERE role = 'respondent'")
ok "$UNITS units with $EXPECTED respondents' grants ($((SECONDS - started)) s)"

SMTP_PORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$TMP/smtp"
"$PY" "$HERE/../support/smtp_sink.py" "$SMTP_PORT" "$TMP/smtp" >"$TMP/smtp.log" 2>&1 &
SINK=$!
for _ in $(seq 200); do [ -e "$TMP/smtp/ready" ] && break; sleep 0.05; done
[ -e "$TMP/smtp/ready" ] || { cat "$TMP/smtp.log"; fail "the SMTP server did not start"; }

# Each server its own sender address, so that the SMTP server's envelopes say who sent what.
MAIL=(--smtp-url "smtp://127.0.0.1:$SMTP_PORT" --public-url https://uppsikt.example.se)
start_server A "$DB" 0 "${MAIL[@]}" --mail-from "Uppsikt A <noreply-a@example.se>"
start_server B "$DB" 0 "${MAIL[@]}" --mail-from "Uppsikt B <noreply-b@example.se>"
A=http://127.0.0.1:$PORT_A

status=$(sign_in "$PORT_A" "$TMP/jar" admin@example.se "$PASSWORD")
[ "$status" = 303 ] || fail "sign-in on A gave $status"
curl -s -b "$TMP/jar" -o "$TMP/new.html" "$A/omgangar/ny"
CSRF=$(csrf_of "$TMP/new.html")
[ -n "$CSRF" ] || fail "no form on the page for a new round"
# The round as the coordinator builds it: its units, one question; the deadline far enough
# ahead that no scheduled reminder is due.
sql "SELECT 'enheter=' || id FROM units WHERE name LIKE 'Förvaltning %' ORDER BY id" >"$TMP/units.form"
location=$(curl -s -b "$TMP/jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "_csrf=$CSRF" \
  --data-urlencode "namn=Uppföljning $(date +%Y)" --data-urlencode "ar=$(date +%Y)" \
  --data-urlencode "sista-svarsdag=$(date -d '+90 days' +%F)" \
  --data-binary "$(paste -sd '&' "$TMP/units.form")" "$A/omgangar")
ROUND=$(sed -n 's|.*/omgangar/\([0-9]*\)/bygg.*|\1|p' <<<"$location")
[ -n "$ROUND" ] || fail "creating the round went to '$location'"
status=$(curl -s -b "$TMP/jar" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$CSRF" \
  --data-urlencode "fraga=Har ni arbetat med målen?" "$A/omgangar/$ROUND/fragor")
[ "$status" = 303 ] || fail "adding the question gave $status"
[ "$(sql "SELECT COUNT(*) FROM responses WHERE round_id = $ROUND")" = "$UNITS" ] || fail "the round does not have $UNITS units"

opened=$SECONDS
status=$(curl -s -b "$TMP/jar" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$CSRF" \
  --data-urlencode "bekrafta=ja" "$A/omgangar/$ROUND/oppna")
[ "$status" = 303 ] || fail "opening the round gave $status"
queued=$(sql "SELECT COUNT(*) FROM outbox WHERE kind = 'round_opened'")
[ "$queued" = "$EXPECTED" ] || fail "opening queued $queued messages, not $EXPECTED"
ok "round of $UNITS units opened on A: $queued messages queued"

for _ in $(seq 1200); do
  [ "$(sql "SELECT COUNT(*) FROM outbox WHERE status <> 'sent'")" = 0 ] && break
  sleep 0.1
done
left=$(sql "SELECT COUNT(*) FROM outbox WHERE status <> 'sent'")
[ "$left" = 0 ] || fail "$left messages not sent after 120 s: $(sql "SELECT string_agg(status || ' ' || n, ', ')
  FROM (SELECT status, COUNT(*) n FROM outbox GROUP BY status) s")"
drained=$((SECONDS - opened))
for pid in $PID_A $PID_B; do kill -TERM "$pid"; wait "$pid" || fail "a server did not stop cleanly"; done
PID_A= PID_B=
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE attempts <> 1")" = 0 ] \
  || fail "outbox rows claimed more than once: $(sql "SELECT string_agg(id || ':' || attempts, ' ') FROM outbox WHERE attempts <> 1")"
ok "outbox drained by A and B in $drained s, every row claimed once and marked sent"

# What should have arrived: one message per respondent and unit, with the unit's answer link.
sql "SELECT p.email || ' ' || g.unit_id FROM grants g JOIN users p ON p.id = g.user_id WHERE g.role = 'respondent'" \
  >"$TMP/expected"
"$PY" - "$TMP/smtp" "$TMP/expected" "$ROUND" <<'PY' || fail "what the SMTP server received"
import collections, json, pathlib, re, sys
directory, expected_file, round_id = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
expected = collections.Counter(tuple(line.split()) for line in open(expected_file) if line.strip())
received, senders = collections.Counter(), collections.Counter()
for f in sorted(directory.glob("*.json")):
    record = json.loads(f.read_text())
    link = re.search(rf"https://uppsikt\.example\.se/omgangar/{round_id}/svar/(\d+)", record["text"])
    assert link, f"{f.name}: no answer link in {record['text']!r}"
    assert len(record["rcpt_tos"]) == 1, f"{f.name}: several recipients {record['rcpt_tos']}"
    received[(record["rcpt_tos"][0], link.group(1))] += 1
    senders[record["mail_from"]] += 1
missing = sorted(set(expected) - set(received))
unexpected = sorted(set(received) - set(expected))
twice = sorted(k for k, n in received.items() if n > 1)
assert not missing, f"{len(missing)} never received, e.g. {missing[:5]}"
assert not unexpected, f"{len(unexpected)} received that nobody should have, e.g. {unexpected[:5]}"
assert not twice, f"{len(twice)} received more than once, e.g. {twice[:5]}"
assert sum(received.values()) == sum(expected.values()), (sum(received.values()), sum(expected.values()))
a, b = senders["noreply-a@example.se"], senders["noreply-b@example.se"]
assert a > 0 and b > 0, f"not both servers sent: {dict(senders)}"
print(f"ok   {sum(received.values())} messages received, each respondent once per unit; A sent {a}, B sent {b}")
PY
echo "two instances mail: all passed in $((SECONDS - started)) s"
