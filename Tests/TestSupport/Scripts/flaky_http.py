#!/usr/bin/env python3
"""Fault injection for the S3 client's retries: answers the first N requests with STATUS (a
503 or 429 S3 error), every later one with 200 and an empty body, and counts them.

Usage: flaky_http.py PORT FAILURES STATUS COUNTFILE
"""
import http.server
import sys

port, failures, status, count_file = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
seen = 0


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def answer(self):
        global seen
        seen += 1
        with open(count_file, "w") as f:
            f.write(str(seen))
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        if seen <= failures:
            body = b"<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>"
            self.send_response(status)
        else:
            body = b""
            self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = answer

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
