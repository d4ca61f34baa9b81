#!/usr/bin/python3
"""A SAML 2.0 identity provider for the tests, on loopback: Debian's pysaml2 (python3-pysaml2,
signing with xmlsec1) answering Uppsikt's AuthnRequests (HTTP-Redirect) with a Response by
HTTP-POST, as a real IdP would.

There is no login page: the test says beforehand who signs in next and how the answer is
spoiled, with GET /next?user=…&email=…&name=…&groups=a,b&mode=… where mode is
  ok              Response and Assertion signed
  unsigned        nothing signed
  wrong_audience  signed, for another service provider
  expired         signed, its lifetime over ten minutes ago
GET /sso answers with the auto-posting form (its HTML), which the test posts itself.
GET /slo takes a LogoutRequest (HTTP-Redirect), answers with a signed LogoutResponse by
redirect to the SP's single logout address, and remembers the request: GET /last-logout gives
its NameID, SessionIndex and whether the request was signed, as JSON. GET /slo with a
LogoutResponse (to a request of ours) remembers its status in /last-logout's "answer".
GET /start-logout?user=…&sp=ENTITY signs that person out as if they had done so at the IdP: a
signed LogoutRequest by redirect to the SP.
The SP's metadata is read from --sp-metadata (Uppsikt's URL) at the first request; the IdP's
own is written to --metadata-out and served at /metadata.

Usage: saml_idp.py --port P --key idp.key --cert idp.crt --sp-metadata URL --metadata-out FILE
Prints "ready" on stdout when it listens.
"""
import argparse
import json
import sys
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.assertion import Policy
from saml2.config import IdPConfig
from saml2.metadata import create_metadata_string
from saml2.saml import AUTHN_PASSWORD, NAMEID_FORMAT_PERSISTENT, NameID
from saml2.server import Server
from saml2.xmldsig import SIG_RSA_SHA256

OTHER_SP = "https://annan-tjanst.example.se/saml"


class OtherAudience(Policy):
    """Conditions naming another service provider as the audience."""

    def conditions(self, sp_entity_id):
        return super().conditions(OTHER_SP)


def policy(kind=Policy, minutes=5):
    return kind({"default": {"lifetime": {"minutes": minutes}, "attribute_restrictions": None}})


def make_idp(base, key, cert):
    config = IdPConfig()
    config.load({
        "entityid": base + "/idp",
        "xmlsec_binary": "/usr/bin/xmlsec1",
        "key_file": key,
        "cert_file": cert,
        "service": {"idp": {
            "endpoints": {"single_sign_on_service": [(base + "/sso", BINDING_HTTP_REDIRECT)],
                          "single_logout_service": [(base + "/slo", BINDING_HTTP_REDIRECT)]},
            "name_id_format": [NAMEID_FORMAT_PERSISTENT],
            "policy": {"default": {"lifetime": {"minutes": 5}, "attribute_restrictions": None}},
        }},
        "metadata": {},
    })
    return Server(config=config)


class State:
    def __init__(self, idp, sp_metadata_url):
        self.idp = idp
        self.sp_metadata_url = sp_metadata_url
        self.sp_loaded = False
        self.lock = threading.Lock()
        self.next = {"user": "anna", "email": "anna@example.se", "name": "Anna", "groups": "", "mode": "ok"}
        self.last_logout = {}
        self.issued = {}  # user -> the NameID of their last assertion

    def load_sp(self):
        if not self.sp_loaded:
            xml = urllib.request.urlopen(self.sp_metadata_url, timeout=5).read().decode()
            self.idp.metadata.load("inline", xml)
            self.sp_loaded = True


def respond(state, query):
    request = state.idp.parse_authn_request(query["SAMLRequest"][0], BINDING_HTTP_REDIRECT)
    args = state.idp.response_args(request.message)
    who = dict(state.next)
    mode = who["mode"]
    identity = {"mail": [who["email"]], "displayName": [who["name"]],
                "groups": [g for g in who["groups"].split(",") if g]}
    state.issued[who["user"]] = NameID(format=NAMEID_FORMAT_PERSISTENT, text=who["user"])
    signed = mode != "unsigned"
    extra = {}
    if mode == "expired":
        extra["release_policy"] = policy(minutes=-10)
    if mode == "wrong_audience":
        extra["release_policy"] = policy(OtherAudience)
    response = state.idp.create_authn_response(
        identity, userid=who["user"], name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text=who["user"]),
        authn={"class_ref": AUTHN_PASSWORD}, sign_response=signed, sign_assertion=signed, **args, **extra)
    http = state.idp.apply_binding(BINDING_HTTP_POST, str(response), args["destination"],
                                   query.get("RelayState", [""])[0], response=True)
    return http["data"]


def logout(state, query):
    """The SP's LogoutRequest taken and answered: the address of the signed LogoutResponse."""
    request = state.idp.parse_logout_request(query["SAMLRequest"][0], BINDING_HTTP_REDIRECT)
    message = request.message
    state.last_logout = {"name_id": message.name_id.text if message.name_id else "",
                         "session_index": [i.text for i in message.session_index],
                         "signed": "Signature" in query and "SigAlg" in query}
    response = state.idp.create_logout_response(message, [BINDING_HTTP_REDIRECT])
    destination = state.idp.metadata.single_logout_service(message.issuer.text, BINDING_HTTP_REDIRECT,
                                                             "spsso")[0]["location"]
    http = state.idp.apply_binding(BINDING_HTTP_REDIRECT, str(response), destination,
                                   query.get("RelayState", [""])[0], response=True, sign=True,
                                   sigalg=SIG_RSA_SHA256)
    return dict(http["headers"])["Location"]


def start_logout(state, query):
    """A LogoutRequest for `user` to the SP `sp`, signed, as the address to send the browser to."""
    sp = query["sp"][0]
    destination = state.idp.metadata.single_logout_service(sp, BINDING_HTTP_REDIRECT, "spsso")[0]["location"]
    _, request = state.idp.create_logout_request(destination, sp, name_id=state.issued[query["user"][0]],
                                                 sign=False)
    http = state.idp.apply_binding(BINDING_HTTP_REDIRECT, str(request), destination, "", sign=True,
                                   sigalg=SIG_RSA_SHA256)
    return dict(http["headers"])["Location"]


def logout_answer(state, query):
    """The SP's LogoutResponse to a request of ours: its status, kept for /last-logout."""
    try:
        response = state.idp.parse_logout_request_response(query["SAMLResponse"][0], BINDING_HTTP_REDIRECT)
        state.last_logout = {"answer": response.response.status.status_code.value}
    except Exception as e:  # pysaml2 raises on a status other than Success
        state.last_logout = {"answer": f"{type(e).__name__}: {e}"}


def handler_for(state):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send(self, status, body, content_type="text/html; charset=utf-8"):
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            query = urllib.parse.parse_qs(url.query, keep_blank_values=True)
            try:
                with state.lock:
                    if url.path == "/next":
                        state.next.update({k: v[0] for k, v in query.items()})
                        return self.send(200, "ok", "text/plain")
                    if url.path == "/metadata":
                        return self.send(200, state.metadata, "application/samlmetadata+xml")
                    if url.path == "/slo" and "SAMLResponse" in query:
                        logout_answer(state, query)
                        return self.send(200, "Utloggad hos identitetsleverantören")
                    if url.path in ("/slo", "/start-logout"):
                        where = logout(state, query) if url.path == "/slo" else start_logout(state, query)
                        self.send_response(303)
                        self.send_header("Location", where)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    if url.path == "/last-logout":
                        return self.send(200, json.dumps(state.last_logout), "application/json")
                    if url.path == "/sso":
                        state.load_sp()
                        return self.send(200, respond(state, query))
                return self.send(404, "not found", "text/plain")
            except Exception as e:  # the test reads why
                return self.send(500, f"{type(e).__name__}: {e}", "text/plain")

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--sp-metadata", required=True)
    parser.add_argument("--metadata-out", required=True)
    a = parser.parse_args()
    idp = make_idp(f"http://127.0.0.1:{a.port}", a.key, a.cert)
    state = State(idp, a.sp_metadata)
    state.metadata = create_metadata_string(None, config=idp.config).decode()
    with open(a.metadata_out, "w") as out:
        out.write(state.metadata)
    server = ThreadingHTTPServer(("127.0.0.1", a.port), handler_for(state))
    print("ready", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
