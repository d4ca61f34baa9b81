#!/usr/bin/python3
"""A real SMTP server for the tests: aiosmtpd on 127.0.0.1:PORT, each accepted message parsed
with Python's email package and written to DIR as N.json (headers decoded, both parts).
Recipients starting with "okand@" are refused with 550, those starting with "senare@" with 451.
Writes DIR/ready once it listens; runs until SIGTERM."""
import json
import os
import signal
import sys
import threading
from email import policy
from email.parser import BytesParser

from aiosmtpd.controller import Controller


class Capture:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("okand@"):
            return "550 5.1.1 Mottagaren finns inte"
        if address.startswith("senare@"):
            return "451 4.3.0 Försök senare"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = BytesParser(policy=policy.default).parsebytes(raw)
        text = message.get_body(("plain",))
        html = message.get_body(("html",))
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "subject": str(message["subject"]),
            "from": str(message["from"]),
            "to": str(message["to"]),
            "message_id": str(message["message-id"]),
            "date": str(message["date"]),
            "auto_submitted": str(message["auto-submitted"]),
            "content_type": message.get_content_type(),
            "text": text.get_content() if text else "",
            "html": html.get_content() if html else "",
            "raw": raw.decode("ascii", "replace"),
        }
        with self.lock:
            self.count += 1
            name = os.path.join(self.directory, "%06d.json" % self.count)
        with open(name + ".tmp", "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.rename(name + ".tmp", name)
        return "250 2.0.0 Mottaget"


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Capture(directory), hostname="127.0.0.1", port=port)
    controller.start()
    open(os.path.join(directory, "ready"), "w").close()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
