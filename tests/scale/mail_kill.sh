#!/usr/bin/env bash
# Mail survives kill -9: 240 messages wait in the outbox of a SQLite database; `uppsikt serve`
# sends them to a real SMTP server (tests/support/smtp_sink.py, aiosmtpd) and is killed with
# SIGKILL three times while sending, then restarted. A killed server's claims run out after 15
# minutes; the test makes them run out at once (claimed_until cleared), as time would.
# (The demo's round also has its scheduled reminders queued by the server; they are left out.)
# Afterwards every message has reached the SMTP server and is marked sent, and a message was
# received twice at most once per kill: only the one between the server's acceptance and the
# row's update.
#
#   mail_kill.sh BIN
set -euo pipefail
BIN=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d /tmp/uppsikt-mail-kill.XXXXXX)
MESSAGES=240
KILLS=3
PY=/usr/bin/python3  # Debian's, which has aiosmtpd
PID= SINK=
fail() { echo "FAIL $*"; [ -f "$TMP/serve.err" ] && tail -n 5 "$TMP/serve.err"; exit 1; }
ok() { echo "ok   $*"; }
cleanup() {
  [ -n "$PID" ] && kill -9 "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
  [ -n "$SINK" ] && kill "$SINK" 2>/dev/null && wait "$SINK" 2>/dev/null
  rm -rf -- "$TMP"
}
trap cleanup EXIT
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
received() { find "$TMP/smtp" -name '*.json' | wc -l; }
db() {
  "$PY" -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); r = c.execute(sys.argv[2]).fetchall(); c.commit(); r and print(r[0][0])' \
    "$TMP/demo.db" "$1"
}

"$BIN" demo --db "$TMP/demo.db" >"$TMP/demo.out" 2>&1 || { cat "$TMP/demo.out"; fail "uppsikt demo"; }
db "INSERT INTO outbox (channel, kind, recipient, recipient_name, subject, text_body, status, created_at, next_attempt_at)
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $MESSAGES)
    SELECT 'mail', 'reminder', 'mottagare' || i || '@example.se', 'Åsa Öberg', 'Påminnelse ' || i,
           'Lämna in uppföljningen.', 'queued', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    FROM n"
[ "$(db "SELECT COUNT(*) FROM outbox WHERE status = 'queued'")" = "$MESSAGES" ] || fail "the outbox was not filled"

SMTP_PORT=$(free_port)
mkdir -p "$TMP/smtp"
"$PY" "$HERE/../support/smtp_sink.py" "$SMTP_PORT" "$TMP/smtp" >"$TMP/smtp.log" 2>&1 &
SINK=$!
for _ in $(seq 200); do [ -e "$TMP/smtp/ready" ] && break; sleep 0.05; done
[ -e "$TMP/smtp/ready" ] || { cat "$TMP/smtp.log"; fail "the SMTP server did not start"; }

serve() {
  "$BIN" serve --db "$TMP/demo.db" --port 0 --smtp-url "smtp://127.0.0.1:$SMTP_PORT" \
    --public-url http://localhost >"$TMP/serve.out" 2>"$TMP/serve.err" &
  PID=$!
}

for kill in $(seq "$KILLS"); do
  want=$(( kill * MESSAGES / (KILLS + 1) ))
  serve
  for _ in $(seq 600); do [ "$(received)" -ge "$want" ] && break; sleep 0.05; done
  [ "$(received)" -ge "$want" ] || fail "only $(received) messages reached the SMTP server before kill $kill"
  kill -9 "$PID"; wait "$PID" 2>/dev/null || true; PID=
  db "UPDATE outbox SET claimed_until = '' WHERE status = 'queued'"
  ok "kill -9 $kill after $(received) messages received, $(db "SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND recipient LIKE 'mottagare%'") marked sent"
done

serve
for _ in $(seq 600); do
  [ "$(db "SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND recipient LIKE 'mottagare%'")" = "$MESSAGES" ] && break
  sleep 0.1
done
kill -TERM "$PID"; wait "$PID" || fail "serve did not stop cleanly"; PID=
[ "$(db "SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND recipient LIKE 'mottagare%'")" = "$MESSAGES" ] \
  || fail "not all sent after the restart: $(db "SELECT group_concat(status || ' ' || n) FROM (SELECT status, COUNT(*) n FROM outbox WHERE recipient LIKE 'mottagare%' GROUP BY status)")"
ok "after the restart all $MESSAGES messages are marked sent"

"$PY" - "$TMP/smtp" "$MESSAGES" "$KILLS" <<'PY' || fail "what the SMTP server received"
import collections, json, pathlib, sys
directory, messages, kills = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
counts = collections.Counter(r for f in directory.glob("*.json") for r in json.loads(f.read_text())["rcpt_tos"]
                             if r.startswith("mottagare"))
missing = [i for i in range(1, messages + 1) if counts[f"mottagare{i}@example.se"] == 0]
twice = sorted(r for r, n in counts.items() if n > 1)
assert not missing, f"never received: {missing[:10]}"
assert max(counts.values()) <= 2, f"received three times or more: {counts.most_common(3)}"
assert len(twice) <= kills, f"{len(twice)} messages received twice after {kills} kills: {twice}"
print(f"ok   every message received; received twice: {len(twice)} (at most one per kill): {twice}")
PY
