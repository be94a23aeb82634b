"""Serve the generated bench sites from their own process, fast: files are read once into memory,
`__BASE__` is filled at load, every answer is a dict lookup (HTTP/1.1 keep-alive, ETag and
Last-Modified with 304s, HEAD). One threaded stdlib server per site, each on its loopback host.

Started by bench/run.py and bench/scale.py as a subprocess; prints one JSON line
`{"base_urls": {...}, "sources": PATH}` when it is listening, then serves until killed.

`GET /__bench__/stats?since=T` (any site) answers `{"requests": n, "first_after": t, "cpu_seconds": s}`:
the number of requests so far, the arrival time (time.time()) of the first request at or after T,
and this process's CPU time, so a benchmark can time "start to first request" and see what the
server itself cost.
"""
from __future__ import annotations

import argparse
import bisect
import json
import resource
import socket
import sys
import threading
import time
import tomllib
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

TYPES = {".html": "text/html", ".htm": "text/html", ".xml": "application/xml", ".txt": "text/plain"}
STARTED = int(time.time())


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.times: list[float] = []

    def hit(self) -> None:
        t = time.time()
        with self.lock:
            self.times.append(t)

    def report(self, since: float) -> dict:
        with self.lock:
            i = bisect.bisect_left(self.times, since)
            first = self.times[i] if i < len(self.times) else None
            n = len(self.times)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return {"requests": n, "first_after": first, "cpu_seconds": usage.ru_utime + usage.ru_stime}


def load_site(public: Path, base: str) -> dict[str, tuple[bytes, str, str]]:
    """path -> (body, content type, etag); text files get their placeholders filled."""
    files = {}
    for path in public.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if b"__BASE__" in data:
            data = data.replace(b"__BASE__", base.encode())
        rel = "/" + path.relative_to(public).as_posix()
        files[rel] = (data, TYPES.get(path.suffix, "application/octet-stream"), f'"{len(data):x}-{hash(data) & 0xffffff:x}"')
    if "/index.html" in files:
        files["/"] = files["/index.html"]
    return files


def make_handler(files: dict, stats: Stats):
    last_modified = formatdate(STARTED, usegmt=True)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "nginx/1.24.0"

        def log_message(self, *args):  # quiet
            pass

        def setup(self):
            super().setup()
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def do_HEAD(self):
            self._answer(head=True)

        def do_GET(self):
            self._answer(head=False)

        def _answer(self, head: bool):
            stats.hit()
            parts = urlsplit(self.path)
            if parts.path == "/__bench__/stats":
                since = float(parse_qs(parts.query).get("since", ["0"])[0])
                return self._send(200, json.dumps(stats.report(since)).encode(), "application/json", head)
            found = files.get(unquote(parts.path))
            if found is None:
                return self._send(404, b"<html><body><h1>404 Not Found</h1></body></html>", "text/html", head)
            body, ctype, etag = found
            validators = {"ETag": etag, "Last-Modified": last_modified}
            inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
            if (inm and inm == etag) or (not inm and ims and _not_after(STARTED, ims)):
                return self._send(304, b"", ctype, True, validators)
            return self._send(200, body, ctype, head, validators)

        def _send(self, status, body, ctype, head, extra=None):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            if not head and body:  # headers and body in one write: no Nagle/delayed-ACK stall
                self._headers_buffer.append(b"\r\n" + body)
                self.flush_headers()
            else:
                self.end_headers()

    return Handler


def _not_after(mtime: int, http_date: str) -> bool:
    try:
        return mtime <= parsedate_to_datetime(http_date).timestamp()
    except (TypeError, ValueError):
        return False


def serve(root: Path, sources_out: Path | None, port: int = 0) -> None:
    stats = Stats()
    servers, base_urls, sources = [], {}, []
    for folder in sorted(p.parent for p in root.glob("*/site.toml")):
        config = tomllib.loads((folder / "site.toml").read_text("utf-8"))
        server = ThreadingHTTPServer((config["host"], port), BaseHTTPRequestHandler, bind_and_activate=False)
        server.daemon_threads = True
        server.request_queue_size = 128  # listen()'s backlog: set before it is called (the default is 5)
        server.server_bind()
        server.server_activate()
        base = f"http://{config['host']}:{server.server_address[1]}"
        server.RequestHandlerClass = make_handler(load_site(folder / "public", base), stats)
        servers.append(server)
        base_urls[folder.name] = base
        sources.append((folder / "source.toml").read_text("utf-8").replace("__BASE__", base))
    if sources_out:
        sources_out.parent.mkdir(parents=True, exist_ok=True)
        sources_out.write_text("# newsdb benchmark sites (bench/serve.py)\n" + "\n".join(sources), "utf-8")
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps({"base_urls": base_urls, "sources": str(sources_out) if sources_out else None}), flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="serve the generated bench sites")
    parser.add_argument("--root", type=Path, default=Path("data/bench/sites"))
    parser.add_argument("--sources-out", type=Path)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    serve(args.root, args.sources_out, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
