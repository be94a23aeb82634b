"""Serve the realistic sample aggregator sites under ``tests/sites`` on loopback addresses.

Each site is a folder ``tests/sites/<name>/`` holding

* ``site.toml`` -- ``host`` (its own loopback address, e.g. ``"127.0.0.2"``, because
  Scrapy's offsite filter ignores ports), optional ``[[redirect]]`` and ``[[trap]]`` tables;
* ``source.toml`` -- the newsdb ``[[source]]`` table for the site, with placeholders;
* ``public/`` -- the files served.

Placeholders replaced at serve time in text files (on bytes, so GBK pages stay GBK):
``__BASE__`` (``http://HOST:PORT``), ``__HOST__``, ``__PORT__`` and ``__BASE_<site>__`` (the
base URL of another sample site; ``http://127.0.0.9:1`` when that site is not served).

Stdlib only: used by tests, ``newsdb demo`` and benchmarks::

    with SampleSites() as sites:
        sites.base_urls["globalnewshub"]   # 'http://127.0.0.2:41025'
        sites.write_sources(tmp / "sources.toml")
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import html
import posixpath
import threading
import tomllib
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

DEFAULT_ROOT = Path(__file__).resolve().parent.parent / "tests" / "sites"
UNSERVED_BASE = "http://127.0.0.9:1"

TEXT_EXTENSIONS = {".html", ".htm", ".xml", ".txt", ".rss", ".atom"}
CONTENT_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xml": "application/xml",
    ".rss": "application/xml",
    ".atom": "application/atom+xml",
    ".txt": "text/plain",
    ".css": "text/css",
    ".js": "application/javascript",
    ".json": "application/json",
    ".png": "image/png",
    ".gif": "image/gif",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
}

__all__ = ["SampleSites", "Site", "DEFAULT_ROOT", "site_names"]


def site_names(root: Path = DEFAULT_ROOT) -> list[str]:
    """Names of all sample sites under ``root`` (folders with a ``site.toml``), sorted."""
    return sorted(p.parent.name for p in Path(root).glob("*/site.toml"))


class Site:
    """One sample site: its config, files and (once started) its HTTP server."""

    def __init__(self, name: str, folder: Path, port: int = 0) -> None:
        self.name = name
        self.folder = folder
        self.public = (folder / "public").resolve()
        with open(folder / "site.toml", "rb") as fh:
            self.config: dict[str, Any] = tomllib.load(fh)
        self.host: str = self.config.get("host", "127.0.0.1")
        self.requested_port = port
        self.port: int = port
        self.redirects: list[dict[str, Any]] = list(self.config.get("redirect", []))
        self.traps: list[dict[str, Any]] = list(self.config.get("trap", []))
        self.server: ThreadingHTTPServer | None = None
        self.thread: threading.Thread | None = None
        self.replacements: list[tuple[bytes, bytes]] = []

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def fill(self, data: bytes) -> bytes:
        """Replace the placeholders in ``data`` (bytes in any ASCII-compatible encoding)."""
        if b"__" not in data:
            return data
        for old, new in self.replacements:
            data = data.replace(old, new)
        return data

    def fill_str(self, text: str) -> str:
        return self.fill(text.encode("utf-8")).decode("utf-8")


class SampleSites:
    """Context manager serving the sample sites, one ``ThreadingHTTPServer`` per site.

    ``base_urls`` maps site name to ``"http://HOST:PORT"`` (no trailing slash) and ``requests``
    logs every request as ``(site, method, path_with_query, status)``.
    """

    def __init__(
        self,
        root: Path = DEFAULT_ROOT,
        port: int = 0,
        names: list[str] | None = None,
    ) -> None:
        self.root = Path(root)
        self.port = port
        all_names = site_names(self.root)
        if names is None:
            names = all_names
        unknown = sorted(set(names) - set(all_names))
        if unknown:
            raise ValueError(f"unknown sample site(s): {', '.join(unknown)}")
        self.sites: dict[str, Site] = {n: Site(n, self.root / n, port) for n in names}
        # Sites that exist but are not served: their hosts are still known for __BASE_x__.
        self._other_hosts: dict[str, str] = {}
        for n in all_names:
            if n not in self.sites:
                with open(self.root / n / "site.toml", "rb") as fh:
                    self._other_hosts[n] = tomllib.load(fh).get("host", "127.0.0.1")
        self.base_urls: dict[str, str] = {}
        self.requests: list[tuple[str, str, str, int]] = []
        self._lock = threading.Lock()

    # -- lifecycle -----------------------------------------------------------------------
    def __enter__(self) -> "SampleSites":
        try:
            for site in self.sites.values():
                handler = type(f"Handler_{site.name}", (_Handler,), {"site": site, "owner": self})
                site.server = ThreadingHTTPServer((site.host, site.requested_port), handler)
                site.server.daemon_threads = True
                site.port = site.server.server_address[1]
                self.base_urls[site.name] = site.base_url
            for site in self.sites.values():
                site.replacements = self._replacements(site)
                site.thread = threading.Thread(
                    target=site.server.serve_forever,  # type: ignore[union-attr]
                    kwargs={"poll_interval": 0.1},
                    name=f"sample-site-{site.name}",
                    daemon=True,
                )
                site.thread.start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        for site in self.sites.values():
            if site.server is not None:
                if site.thread is not None:
                    site.server.shutdown()
                site.server.server_close()
                site.server = None
            if site.thread is not None:
                site.thread.join(timeout=5)
                site.thread = None

    def _replacements(self, site: Site) -> list[tuple[bytes, bytes]]:
        pairs: list[tuple[str, str]] = []
        for name, other in self.sites.items():
            pairs.append((f"__BASE_{name}__", other.base_url))
        for name, host in self._other_hosts.items():
            pairs.append((f"__BASE_{name}__", f"http://{host}:{self.port}" if self.port else UNSERVED_BASE))
        pairs += [("__BASE__", site.base_url), ("__HOST__", site.host), ("__PORT__", str(site.port))]
        return [(a.encode("ascii"), b.encode("ascii")) for a, b in pairs]

    # -- helpers -------------------------------------------------------------------------
    def log(self, site: str, method: str, path: str, status: int) -> None:
        with self._lock:
            self.requests.append((site, method, path, status))

    def url(self, site: str, path: str = "/") -> str:
        """Absolute URL of ``path`` on ``site``."""
        return self.base_urls[site] + path

    def source_toml(self, site: str) -> str:
        """The ``source.toml`` of ``site`` with its placeholders filled in."""
        text = (self.root / site / "source.toml").read_text("utf-8")
        return self.sites[site].fill_str(text)

    def write_sources(self, path: Path) -> Path:
        """Write a ``sources.toml`` with one ``[[source]]`` per served site; return ``path``."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        parts = ["# Sample aggregator sites served by newsdb.sample_sites.SampleSites\n"]
        parts += [self.source_toml(name).rstrip() + "\n" for name in self.sites]
        path.write_text("\n".join(parts), "utf-8")
        return path


class _Handler(BaseHTTPRequestHandler):
    site: Site
    owner: SampleSites
    _logged: bool = False
    server_version = "nginx/1.24.0"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    # -- dispatch ------------------------------------------------------------------------
    def _serve(self, head: bool) -> None:
        self._logged = False
        try:
            self._dispatch(head)
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception:  # a bug in a trap or a config: answer 500 instead of a traceback
            if not self._logged:
                self._send(500, b"Internal Server Error", "text/plain", head)
        finally:
            if not self._logged:
                self.owner.log(self.site.name, self.command, self.path, 500)

    def _dispatch(self, head: bool) -> int:
        raw = self.path
        if raw.startswith(("http://", "https://")):  # absolute-form request target
            parts = urlsplit(raw)
            raw = parts.path + ("?" + parts.query if parts.query else "")
        path, _, query = raw.partition("?")
        path = path.split("#", 1)[0] or "/"

        for rule in self.site.redirects:
            src = rule["from"]
            if (src == raw) if "?" in src else (src == path):
                target = self.site.fill_str(rule["to"])
                if target.startswith("/"):
                    target = self.site.base_url + target
                return self._send(int(rule.get("status", 301)), b"", "text/html", head,
                                  extra={"Location": target})

        for trap in self.site.traps:
            if path.startswith(trap["prefix"]):
                page = _render_trap(trap, path, self.site)
                if page is not None:
                    return self._send(200, page.encode("utf-8"), "text/html; charset=utf-8", head)

        decoded = unquote(path)
        rel = posixpath.normpath(decoded).lstrip("/")
        if rel in ("", "."):
            rel = ""
        candidate = (self.site.public / rel).resolve()
        if candidate != self.site.public and self.site.public not in candidate.parents:
            return self._not_found(head)
        if candidate.is_dir():
            if not decoded.endswith("/"):
                return self._send(301, b"", "text/html", head,
                                  extra={"Location": self.site.base_url + path + "/"})
            candidate = candidate / "index.html"
        elif not candidate.is_file() and candidate.with_name(candidate.name + ".html").is_file():
            candidate = candidate.with_name(candidate.name + ".html")  # try_files $uri $uri.html
        if not candidate.is_file():
            return self._not_found(head)

        ext = "." + candidate.name.rsplit(".", 1)[-1].lower() if "." in candidate.name else ""
        body = candidate.read_bytes()
        if ext in TEXT_EXTENSIONS:
            body = self.site.fill(body)
        ctype = CONTENT_TYPES.get(ext, "application/octet-stream")
        return self._send_file(body, ctype, head, candidate.stat().st_mtime)

    def _send_file(self, body: bytes, ctype: str, head: bool, mtime: float) -> int:
        """A static file with validators, answering conditional requests with 304 as real servers do."""
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        validators = {"ETag": etag, "Last-Modified": formatdate(int(mtime), usegmt=True)}
        if_none_match = self.headers.get("If-None-Match")
        since = self.headers.get("If-Modified-Since")
        if if_none_match is not None:
            unchanged = etag in [tag.strip() for tag in if_none_match.split(",")]
        else:
            unchanged = since is not None and _not_after(int(mtime), since)
        if unchanged:
            return self._send(304, b"", ctype, True, extra=validators)
        return self._send(200, body, ctype, head, extra=validators)

    def _not_found(self, head: bool) -> int:
        body = (b"<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found"
                b"</h1></center><hr><center>nginx</center></body></html>")
        return self._send(404, body, "text/html", head)

    def _send(self, status: int, body: bytes, ctype: str, head: bool,
              extra: dict[str, str] | None = None) -> int:
        # Log before answering, so a client that has its response always finds it in the log.
        self.owner.log(self.site.name, self.command, self.path, status)
        self._logged = True
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if not head and body:
            self.wfile.write(body)
        return status


def _not_after(mtime: int, http_date: str) -> bool:
    try:
        return mtime <= parsedate_to_datetime(http_date).timestamp()
    except (TypeError, ValueError):
        return False


# -- traps: endless generated URL spaces -----------------------------------------------------

def _render_trap(trap: dict[str, Any], path: str, site: Site) -> str | None:
    kind = trap.get("kind", "calendar")
    if kind == "calendar":
        return _calendar_page(trap, path, site)
    raise ValueError(f"unknown trap kind {kind!r} in {site.name}/site.toml")


_CHANNELS = ("world", "tech", "business", "sports")


def _calendar_page(trap: dict[str, Any], path: str, site: Site) -> str | None:
    """A calendar archive: ``PREFIX``, ``PREFIX YYYY-MM-DD.html``, ``PREFIX YYYY-MM-DD/<channel>.html``
    and ``PREFIX YYYY-MM.html``. Every page links to its neighbours, so the space never ends."""
    prefix = trap["prefix"]
    rest = path[len(prefix):]
    start = _dt.date.fromisoformat(trap.get("start", "2025-02-14"))
    channel = None
    try:
        if rest == "":
            day, month = start, None
        elif rest.endswith(".html") and len(rest) == len("YYYY-MM.html"):
            day, month = None, _dt.date.fromisoformat(rest[:7] + "-01")
        elif rest.endswith(".html") and len(rest) == len("YYYY-MM-DD.html"):
            day, month = _dt.date.fromisoformat(rest[:10]), None
        elif rest.count("/") == 1:
            d, ch = rest.split("/")
            if not ch.endswith(".html") or ch[:-5] not in _CHANNELS:
                return None
            day, month, channel = _dt.date.fromisoformat(d), None, ch[:-5]
        else:
            return None
    except ValueError:
        return None

    def a(href: str, text: str) -> str:
        return f'<li><a href="{html.escape(href)}">{html.escape(text)}</a></li>'

    links: list[str] = []
    one = _dt.timedelta(days=1)
    if month is not None:
        title = f"Archive for {month:%B %Y}"
        prev_m = (month - one).replace(day=1)
        next_m = (month + 32 * one).replace(day=1)
        links.append(a(f"{prefix}{prev_m:%Y-%m}.html", f"« {prev_m:%B %Y}"))
        links.append(a(f"{prefix}{next_m:%Y-%m}.html", f"{next_m:%B %Y} »"))
        d = month
        while d.month == month.month:
            links.append(a(f"{prefix}{d.isoformat()}.html", f"{d:%a %d %b %Y}"))
            d += one
    else:
        assert day is not None
        label = f" — {channel.title()}" if channel else ""
        title = f"News archive {day.isoformat()}{label}"
        suffix = f"/{channel}.html" if channel else ".html"
        for delta, text in ((-1, "« Previous day"), (1, "Next day »")):
            other = day + delta * one
            links.append(a(f"{prefix}{other.isoformat()}{suffix}", f"{text} ({other.isoformat()})"))
        links.append(a(f"{prefix}{day:%Y-%m}.html", f"All of {day:%B %Y}"))
        for ch in _CHANNELS:
            links.append(a(f"{prefix}{day.isoformat()}/{ch}.html", f"{ch.title()} — {day:%d %b}"))
        links.append(a(f"{prefix}{(day - 7 * one).isoformat()}.html", "One week earlier"))
        links.append(a(f"{prefix}{(day - 365 * one).isoformat()}.html", "One year earlier"))
    nav = "".join(a(h, t) for h, t in (("/", "Home"), ("/news/list_1.html", "News list"),
                                          (prefix, "Archive"), ("/about.html", "About us")))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)} - {html.escape(site.name)}</title>"
        '<meta name="robots" content="noindex,follow"></head><body>'
        f'<ul class="nav">{nav}</ul><div class="crumb"><a href="/">Home</a> &gt; '
        f'<a href="{prefix}">Archive</a></div><h1>{html.escape(title)}</h1>'
        '<p class="empty">No stories were filed for this date.</p>'
        f'<ul class="archive-links">{"".join(links)}</ul>'
        "<footer>Copyright @ 2007~2025 All Rights Reserved.</footer></body></html>\n"
    )
