#!/usr/bin/env python3
"""Serves dist/ on 127.0.0.1 with headers that let the browser cache the page (issue 12).

The assets keep fixed names, so they are sent with `Cache-Control: no-cache`: the browser keeps
them and revalidates with If-Modified-Since, which http.server answers with 304. A wasm module
that comes back from the HTTP cache is one Chromium can take its compiled code for from its
code cache, so a second visit skips compiling it. `.wasm` goes as application/wasm (streaming
compilation). usage: serve.py PORT DIR (PORT 0: any free port, printed on stdout)
"""
import functools
import http.server
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript"}

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    handler = functools.partial(Handler, directory=directory)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as httpd:
        # the port actually bound (PORT 0 picks a free one: the page tests do)
        print(f"serving {directory} on http://127.0.0.1:{httpd.server_address[1]}/", flush=True)
        httpd.serve_forever()


if __name__ == "__main__":
    main()
