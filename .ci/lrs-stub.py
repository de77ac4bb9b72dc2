#!/usr/bin/env python3
"""A stub xAPI LRS for the tests of `cares lrs push` (standard library only).

    lrs-stub.py --port-file F --log FILE --script 429,503,200   answer POSTs with these statuses in turn
                                                             (the last one repeats); 401 and 400
                                                             carry a JSON {"detail": ...} message,
                                                             3xx a Location header
    lrs-stub.py ... --tls                                    serve HTTPS with .ci/lrs-test-tls.crt, a
                                                             self-signed certificate nothing trusts
                                                             (its key is public: for tests only)
    lrs-stub.py --port-file F --forward URL --stop-after N   forward POST /statements to a real LRS;
                                                             after N forwarded requests, stop
                                                             listening (as a server that went down)

It prints nothing; it writes its port to --port-file once listening, and with --log appends one
JSON line per request (method, path, headers, body). --port reuses a port after a restart.
"""
import argparse
import json
import sys
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer

MESSAGES = {
    400: "Statement is not valid\x1b[31m\n" + "x" * 400,
    401: "Invalid authentication credentials",
    429: "Too many requests",
    503: "Service unavailable",
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--log")
    parser.add_argument("--script", default="200")
    parser.add_argument("--forward")
    parser.add_argument("--stop-after", type=int, default=-1)
    parser.add_argument("--tls", action="store_true")
    args = parser.parse_args()
    script = [int(s) for s in args.script.split(",")]
    state = {"posts": 0}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_):
            pass

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if args.log:
                with open(args.log, "a") as log:
                    log.write(json.dumps({"method": "POST", "path": self.path, "headers": dict(self.headers),
                                          "body": body.decode("utf-8", "replace")}) + "\n")
            index = state["posts"]
            state["posts"] += 1
            if args.forward:
                self.forward(body)
                if args.stop_after >= 0 and state["posts"] >= args.stop_after:
                    server.shutdown_requested = True
                return
            status = script[min(index, len(script) - 1)]
            payload = b"" if status == 204 else json.dumps(
                {"detail": MESSAGES.get(status, "ok")} if status >= 400 else []).encode()
            self.send_response(status)
            if status == 429:
                self.send_header("Retry-After", "0")
            if 300 <= status < 400:
                self.send_header("Location", "https://lrs.example.org/xAPI/statements")
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def forward(self, body):
            headers = {k: v for k, v in self.headers.items() if k.lower() in
                       ("authorization", "content-type", "x-experience-api-version")}
            request = urllib.request.Request(args.forward.rstrip("/") + "/statements", data=body,
                                             headers=headers, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    status, payload = response.status, response.read()
            except urllib.error.HTTPError as error:
                status, payload = error.code, error.read()
            except (urllib.error.URLError, OSError):
                status, payload = 502, json.dumps({"detail": "the LRS behind this gateway is down"}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    server = HTTPServer(("127.0.0.1", args.port), Handler)
    if args.tls:
        import os.path
        import ssl
        here = os.path.dirname(os.path.abspath(__file__))
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(os.path.join(here, "lrs-test-tls.crt"), os.path.join(here, "lrs-test-tls.key"))
        server.socket = context.wrap_socket(server.socket, server_side=True)
    server.shutdown_requested = False
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    import os
    os.replace(args.port_file + ".tmp", args.port_file)
    while not server.shutdown_requested:
        server.handle_request()
    server.server_close()
    sys.exit(0)


if __name__ == "__main__":
    main()
