#!/usr/bin/python3
"""A webhook receiver for the tests: an HTTP server on 127.0.0.1:PORT that checks each POST's
Standard Webhooks signature itself (Python's hmac and base64, independent of Uppsikt's code)
with the key in the file DIR/secret once it exists, and writes each request to DIR as N.json:
path, webhook-id, webhook-timestamp, whether the signature held, and the payload.
A path ending in /fel answers 500 to the first request of each webhook-id, then 200.
Writes DIR/ready once it listens; runs until SIGTERM."""
import base64
import hashlib
import hmac
import json
import os
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, directory = int(sys.argv[1]), sys.argv[2]
lock = threading.Lock()
count = 0
failed_once = set()


def signature_holds(headers, body):
    try:
        with open(os.path.join(directory, "secret")) as f:
            secret = f.read().strip()
    except OSError:
        return False
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    given = [s.split(",", 1)[1] for s in headers.get("webhook-signature", "").split() if s.startswith("v1,")]
    return any(hmac.compare_digest(expected, g) for g in given)


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        global count
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        message_id = self.headers.get("webhook-id", "")
        fail = self.path.endswith("/fel") and message_id not in failed_once
        with lock:
            if fail:
                failed_once.add(message_id)
            count += 1
            record = {"path": self.path, "status": 500 if fail else 200, "id": message_id,
                      "timestamp": self.headers.get("webhook-timestamp", ""),
                      "content_type": self.headers.get("content-type", ""),
                      "signature_holds": signature_holds(self.headers, body),
                      "payload": json.loads(body or b"null")}
            with open(os.path.join(directory, f"{count:05d}.json"), "w") as f:
                json.dump(record, f, ensure_ascii=False)
        self.send_response(500 if fail else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
signal.signal(signal.SIGTERM, lambda *a: threading.Thread(target=server.shutdown).start())
open(os.path.join(directory, "ready"), "w").close()
server.serve_forever()
