"""A hostile news site on 127.0.0.7: four real articles among every kind of junk a crawler meets.

    with HostileSite(canary_base="http://127.0.0.9:PORT", xxe_file=path) as site:
        site.url("/")                     # http://127.0.0.7:PORT/
        site.sources_toml()               # the [[source]] table for newsdb
        site.requests                     # [(path, status, monotonic time)], every request answered

ARTICLES maps each real article's path to a phrase its stored title must contain. Everything else is junk:
nothing from it may be stored. `canary_base` is a host the source does not name (a second loopback
address): redirects and entities point there, so a test can prove the crawler never went.
Stdlib only; generated at start (the gzip bomb takes about a second).
"""
from __future__ import annotations

import random
import socket
import struct
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOST = "127.0.0.7"
MB = 1 << 20

ARTICLES = {
    "/news/2026/0301/harbour-ferry.html": "Harbour Ferry",
    "/news/2026/0302/gbk-rail.html": "城际铁路",
    "/news/2026/0303/cafe-latin1.html": "Café",
    "/news/2026/0304/bom-library.html": "图书馆",
}

# -- the real articles ------------------------------------------------------------------------------------


def _article(title: str, date: str, lang: str, paragraphs: list[str], charset_meta: str = "", extra: str = "") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head>{charset_meta}<title>{title} - Hostile Wire</title>\n'
            f'<meta property="og:type" content="article"><meta property="article:published_time" content="{date}">\n'
            '</head><body><div class="nav"><a href="/">Home</a> <a href="/news/">News</a></div>\n'
            f'<div class="article"><h1>{title}</h1><div class="info">{date[:10]}</div>\n{body}\n{extra}</div>\n'
            '<div class="footer"><p>Copyright 2026 Hostile Wire. All Rights Reserved.</p></div></body></html>\n')


# Malformed on purpose: unclosed <p> and <b>, stray closers, an unquoted attribute; the text is a story.
HARBOUR = _article("Harbour Ferry Keeps Its Winter Timetable After Residents Campaign", "2026-03-01T08:00:00+00:00", "en", [
    "The harbour authority said on Sunday that the evening ferry to the outer islands will keep running through "
    "the winter months for the first time, after a long campaign by residents and shop owners</span>",
    "Operators had cut the service every November since 2009, arguing that too few passengers used it in the cold "
    "season. <b>Ticket data from last year showed the opposite</div>, the authority said in a statement",
    "Island schools had asked for the change because teachers who live on the mainland could not reach early "
    "classes, and two grocers said they lost a third of their winter trade when the boats stopped</td></tr>",
    "The extended timetable starts next month and will be reviewed in the spring, when the authority expects "
    "to publish passenger numbers for every sailing"], '<meta charset=utf-8>').replace("</p>", "", 3)

GBK_RAIL = _article("城际铁路新线开通首日客流超过预期", "2026-03-02T09:30:00+08:00", "zh", [
    "新建城际铁路周一正式开通运营，首日共发送旅客约四万两千人次，超过运营方此前预计的三万人次。",
    "据铁路部门介绍，新线全长一百二十公里，设站九座，最高时速二百五十公里，沿线城市之间的通行时间缩短了一半以上。",
    "不少乘客表示，过去往返两地需要换乘长途汽车，如今坐上高铁四十分钟就能到达，周末探亲和通勤都方便了许多。",
    "运营方称，将根据客流情况在节假日加开列车，并计划年底前在部分车站增设自助售票机和换乘指引。"])

CAFE = _article("Café Owners Win Fight Over Pavement Terraces", "2026-03-03T10:00:00+01:00", "en", [
    "Owners of cafés along the old quay have won their dispute with the city over pavement terraces, after a "
    "court ruled on Tuesday that the new fees were applied without the required consultation.",
    "The city had tripled the charge for outdoor seating last spring. Several owners, among them the proprietor of "
    "the Brasserie Müller and the crêperie next door, said the fees would have forced them to close the terraces.",
    "The ruling means the old fees apply until a new consultation is held. The city said it would not appeal "
    "and would invite traders to a first meeting next month.",
    "Traders welcomed the decision but said the summer season was already being planned, and that any new "
    "charge should be known well before the terraces open in April."])

BOM_LIBRARY = _article("市图书馆延长夜间开放时间", "2026-03-04T18:00:00+08:00", "zh", [
    "市图书馆宣布，从下月起工作日夜间开放时间将延长至晚上十点，周末全天开放，以满足学生和上班族的阅读需求。",
    "图书馆负责人说，去年读者调查显示，超过六成受访者希望下班后还能到馆学习，延长开放后将增加自习座位三百个。",
    "夜间时段将安排志愿者协助借还图书，并开放电子阅览室和儿童绘本区，部分讲座也会调整到晚上举行。",
    "市民可通过图书馆官方网站预约座位，预约系统将在本月底上线试运行。"], '<meta charset="gbk">')


# -- junk ---------------------------------------------------------------------------------------------------

UNCLOSED = ('<html><head><title>Broken page<body><div><div><span>Menu</div></span></span></td></tr></table>'
            '<p>Short <b>bold <i>italic <a href="/news/">News</a> </html></html></body><div>')
NESTING_BOMB = "<html><body>" + ("<div><span><b><i><font><table><tr><td>" * 50) + "deep" + "</td></tr></table></font></i></b></span></div>" * 10 + "</body></html>"
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n") + bytes(range(256)) * 64
# Many tiny elements: legal HTML that costs trafilatura seconds per megabyte (the extraction timeout's case).
SLOW = "<html><head><title>Tag cloud</title></head><body>" + "<span>a</span>" * 150_000 + "</body></html>"

BILLION_LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
                  + ']>\n')


def _feed_bomb() -> str:
    return (BILLION_LAUGHS + '<rss version="2.0"><channel><title>&lol9;</title>'
            '<item><title>&lol9;</title><link>/news/2026/0301/harbour-ferry.html</link></item></channel></rss>')


def _sitemap_bomb() -> str:
    return (BILLION_LAUGHS + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            '<url><loc>/&lol9;</loc></url></urlset>')


def _xxe(kind: str, xxe_file: str) -> str:
    """External entities naming a local file whose content is a URL on the canary host: resolving one
    would send the crawler there, or put the file's text into the database."""
    dtd = f'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{xxe_file}">]>\n'
    if kind == "feed":
        return (dtd + '<rss version="2.0"><channel><title>Wire</title><item><title>&xxe;</title>'
                '<link>&xxe;</link></item></channel></rss>')
    return dtd + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&xxe;</loc></url></urlset>'


def gzip_bomb(megabytes: int = 2048) -> bytes:
    """A valid gzip stream of `megabytes` MB of zeros, about 1 KB on the wire per MB: one deflate segment,
    fully flushed so it does not depend on what came before, repeated."""
    zeros = b"\0" * MB
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    segment = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(zeros, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + segment * megabytes + deflate.flush() + struct.pack("<II", crc, (megabytes * MB) & 0xFFFFFFFF)


HOME_LINKS = [*ARTICLES, "/junk/unclosed.html", "/junk/nesting.html", "/junk/binary.html", "/junk/report.html",
              "/junk/empty.html", "/junk/huge.html", "/junk/huge-stream.html", "/junk/gzip-bomb.html",
              "/junk/trickle.html", "/junk/reset.html", "/junk/tag-cloud.html", "/loop/a", "/loop/self",
              "/out/partner", "/junk/refresh.html", "/status/403.html", "/status/404.html", "/status/429.html",
              "/status/429-tomorrow.html", "/status/500.html", "/status/503.html", "/busy/list.html",
              "/private/leak.html", "/gen/1.html"]


class HostileSite:
    def __init__(self, canary_base: str, xxe_file: str, host: str = HOST):
        self.canary_base = canary_base
        self.xxe_file = xxe_file
        self.host = host
        self.requests: list[tuple[str, int, float]] = []
        self._lock = threading.Lock()
        self._hits: dict[str, int] = {}
        self.server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def sources_toml(self, name: str = "hostile", max_pages: int = 150) -> str:
        b = self.base_url
        return (f'[[source]]\nname = "{name}"\nstart_urls = ["{b}/"]\n'
                f'feeds = ["{b}/feed-bomb.xml", "{b}/feed-xxe.xml", "{b}/feed-broken.xml"]\n'
                f'sitemaps = ["{b}/sitemap-bomb.xml", "{b}/sitemap-xxe.xml", "{b}/sitemap-broken.xml"]\n'
                f'allowed_domains = ["{self.host}"]\nmax_pages = {max_pages}\n')

    def __enter__(self) -> "HostileSite":
        self.bomb = gzip_bomb()
        handler = type("HostileHandler", (_Handler,), {"site": self})
        self.server = ThreadingHTTPServer((self.host, 0), handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def hit(self, path: str) -> int:
        """How many times path was asked for before (for pages that change their answer)."""
        with self._lock:
            self._hits[path] = self._hits.get(path, 0) + 1
            return self._hits[path] - 1

    def log(self, path: str, status: int) -> None:
        with self._lock:
            self.requests.append((path, status, time.monotonic()))


class _Handler(BaseHTTPRequestHandler):
    site: HostileSite
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        try:
            self.route(path)
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass  # the crawler hung up: that is what it should do with most of these

    def send(self, status: int, body: bytes = b"", ctype: str = "text/html", headers: dict | None = None,
             length: bool = True) -> None:
        self.site.log(self.path, status)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, target: str, status: int = 302) -> None:
        self.send(status, headers={"Location": target})

    def route(self, path: str) -> None:  # noqa: C901 - one branch per hostile case reads best as a list
        site = self.site
        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path in ("/", "/news/"):
            links = "".join(f'<li><a href="{href}">Story {i}</a></li>' for i, href in enumerate(HOME_LINKS))
            return self.send(200, f"<html><head><meta charset='utf-8'><title>Hostile Wire</title></head><body>"
                                  f"<h2>Latest</h2><ul>{links}</ul></body></html>".encode())
        # the real articles, each with a charset trap
        if path == "/news/2026/0301/harbour-ferry.html":
            return self.send(200, HARBOUR.encode("utf-8"))
        if path == "/news/2026/0302/gbk-rail.html":  # GBK bytes, no charset anywhere
            return self.send(200, GBK_RAIL.encode("gbk"), "text/html")
        if path == "/news/2026/0303/cafe-latin1.html":  # the header says UTF-8, the bytes are Latin-1
            return self.send(200, CAFE.encode("latin-1"), "text/html; charset=utf-8")
        if path == "/news/2026/0304/bom-library.html":  # a UTF-8 BOM; the meta tag says GBK
            return self.send(200, b"\xef\xbb\xbf" + BOM_LIBRARY.encode("utf-8"), "text/html")
        if path == "/private/leak.html":  # forbidden by robots.txt: a story that must never be fetched
            return self.send(200, HARBOUR.replace("Harbour Ferry", "Private Leak").encode())
        # junk
        if path == "/junk/unclosed.html":
            return self.send(200, UNCLOSED.encode())
        if path == "/junk/nesting.html":
            return self.send(200, NESTING_BOMB.encode())
        if path == "/junk/binary.html":
            return self.send(200, random.Random(5).randbytes(64 * 1024))
        if path == "/junk/report.html":
            return self.send(200, PDF)
        if path == "/junk/empty.html":
            return self.send(200, b"")
        if path == "/junk/huge.html":  # 20 MB, announced by Content-Length
            return self.send(200, b"<html><body>" + b"<p>filler text</p>" * (20 * MB // 18))
        if path == "/junk/huge-stream.html":  # 20 MB, no Content-Length: the size shows only while reading
            return self.stream(b"<p>filler text</p>" * 4096, 20 * MB)
        if path == "/junk/gzip-bomb.html":  # 2 MB on the wire, 2 GB unpacked
            return self.send(200, site.bomb, headers={"Content-Encoding": "gzip"})
        if path == "/junk/trickle.html":  # one byte a second, forever (as far as the crawler can wait)
            return self.trickle()
        if path == "/junk/reset.html":  # a connection reset mid-body
            return self.reset()
        if path == "/junk/tag-cloud.html":  # slow to extract
            return self.send(200, SLOW.encode())
        if path == "/junk/refresh.html":  # a meta refresh to a host the source does not name
            return self.send(200, f'<html><head><meta http-equiv="refresh" content="0; url={site.canary_base}/refresh">'
                                  '</head><body>Moved</body></html>'.encode())
        if path == "/loop/a":
            return self.redirect("/loop/b")
        if path == "/loop/b":
            return self.redirect(site.base_url + "/loop/a", 301)
        if path == "/loop/self":
            return self.redirect("/loop/self")
        if path == "/out/partner":
            return self.redirect(site.canary_base + "/stolen")
        if path.startswith("/status/"):
            return self.status(path)
        if path == "/busy/list.html":  # 429 once, then the page: a polite crawler waits and comes back
            if site.hit(path) == 0:
                return self.send(429, b"slow down", headers={"Retry-After": "1"})
            return self.send(200, b"<html><body><p>Nothing new.</p><a href='/'>Home</a></body></html>")
        if path.startswith("/gen/"):  # endless: every page links to two more
            n = int("".join(c for c in path if c.isdigit()) or 1)
            return self.send(200, f"<html><body><h2>Page {n}</h2><a href='/gen/{2 * n}.html'>next</a> "
                                  f"<a href='/gen/{2 * n + 1}.html'>more</a></body></html>".encode())
        if path == "/feed-bomb.xml":
            return self.send(200, _feed_bomb().encode(), "application/rss+xml")
        if path == "/feed-xxe.xml":
            return self.send(200, _xxe("feed", site.xxe_file).encode(), "application/rss+xml")
        if path == "/feed-broken.xml":
            return self.send(200, b"<?xml version='1.0'?><rss><channel><item><title>Cut <link>", "application/rss+xml")
        if path == "/sitemap-bomb.xml":
            return self.send(200, _sitemap_bomb().encode(), "application/xml")
        if path == "/sitemap-xxe.xml":
            return self.send(200, _xxe("sitemap", site.xxe_file).encode(), "application/xml")
        if path == "/sitemap-broken.xml":
            return self.send(200, f"<urlset><url><loc>http://[::1</loc></url><url><loc>{site.base_url}/news/"
                                  "2026/0301/harbour-ferry.html</loc></url><url><loc>/news/2026/03".encode(),
                             "application/xml")
        return self.send(404, b"<html><body>Not found</body></html>")

    def status(self, path: str) -> None:
        code = int(path.split("/")[2][:3])
        headers = {"503": {"Retry-After": "1"}, "429": {"Retry-After": "1"}}.get(str(code), {})
        if path.endswith("429-tomorrow.html"):
            headers = {"Retry-After": "86400"}
        self.send(code, f"<html><body>Error {code}</body></html>".encode(), headers=headers)

    def stream(self, chunk: bytes, total: int) -> None:
        self.site.log(self.path, 200)
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        for _ in range(total // len(chunk)):
            self.wfile.write(chunk)

    def trickle(self) -> None:
        self.site.log(self.path, 200)
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "120")
        self.end_headers()
        for _ in range(120):  # the server gives up after two minutes, the crawler must much sooner
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(1)

    def reset(self) -> None:
        self.site.log(self.path, 200)
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "50000")
        self.end_headers()
        self.wfile.write(b"<html><body><p>" + b"partial " * 600)
        self.wfile.flush()
        # SO_LINGER 0: close() sends RST instead of FIN
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True


class CanaryServer:
    """A host the source does not name: records every request that reaches it (there must be none)."""

    def __init__(self, host: str = "127.0.0.9"):
        self.host = host
        self.requests: list[str] = []

    def __enter__(self) -> "CanaryServer":
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                owner.requests.append(self.path)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer((self.host, 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
        return self

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.server.server_address[1]}"

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
