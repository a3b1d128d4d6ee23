#!/usr/bin/env python3
"""Serves a directory on 127.0.0.1 with ETag / If-None-Match / If-Modified-Since support and logs
each request as 'path status bytes' to a file, so the benchmark can count what each client fetched.

usage: serve.py DIR LOGFILE PORTFILE
"""
import hashlib
import http.server
import os
import sys
from email.utils import formatdate, parsedate_to_datetime


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        path = os.path.join(ROOT, self.path.split("?")[0].lstrip("/"))
        path = os.path.realpath(path)
        if not path.startswith(ROOT) or not os.path.isfile(path):
            self.finish_with(404, b"")
            return
        stat = os.stat(path)
        etag = '"%x-%x"' % (int(stat.st_mtime_ns), stat.st_size)
        modified = formatdate(stat.st_mtime, usegmt=True)
        if self.headers.get("If-None-Match") == etag or (
                self.headers.get("If-Modified-Since") and not self.headers.get("If-None-Match")
                and parsedate_to_datetime(self.headers["If-Modified-Since"]).timestamp() >= int(stat.st_mtime)):
            self.finish_with(304, b"", etag, modified)
            return
        with open(path, "rb") as f:
            self.finish_with(200, f.read(), etag, modified)

    def finish_with(self, status, body, etag=None, modified=None):
        self.send_response(status)
        if etag:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status == 200:
            self.wfile.write(body)
        with open(LOG, "a") as log:
            log.write(f"{self.path} {status} {len(body) if status == 200 else 0}\n")

    def log_message(self, *args):
        pass


ROOT = os.path.realpath(sys.argv[1])
LOG = sys.argv[2]
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[3], "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
