"""One generic spider: feeds, sitemaps and listing pages of every source in the sources file.

Discovery only: it finds pages and hands each fetched page to the pipelines. What earlier runs stored
(crawler/seen.py) lets it skip settled articles and ask feeds, sitemaps and listings "changed since?".
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from datetime import datetime, timedelta, timezone
from urllib.parse import urljoin, urlparse, urlsplit
from xml.sax import SAXParseException

import charset_normalizer
import feedparser
import parsel
import scrapy
from lxml import etree
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.http import TextResponse
from scrapy.linkextractors import IGNORED_EXTENSIONS
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.response import get_base_url
from scrapy.utils.sitemap import Sitemap
from w3lib.encoding import html_to_unicode
from w3lib.html import strip_html5_whitespace
from w3lib.url import safe_url_string

from crawler.items import PageItem, PageVisit
from crawler.middlewares import SkippedTrap, count
from crawler.seen import SeenPages
from crawler.sources import Source, load_sources
from crawler.traps import TrapWatch
from pipelines.meta import parse_date
from pipelines.urls import canonical_url

FEED_PRIORITY, LISTING_PRIORITY, ARTICLE_PRIORITY = 30, 0, 20
REDIRECTS = [301, 302, 303, 307, 308]


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(self, sources: str | None = None, source: str | list[str] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.sources_path = sources
        self.only = source.split(",") if isinstance(source, str) else source
        self.sources: dict[str, Source] = {}
        self.scheduled: Counter[str] = Counter()  # requests per source, for max_pages
        self.seen_this_run: set[str] = set()  # canonical URLs already requested this run
        self.settled: set[str] = set()  # stored articles not fetched again this run
        self.requested_raw: set[str] = set()  # links as found whose canonical URL is in seen_this_run
        self.link_verdicts: dict[str, dict[str, bool]] = {}  # per source: absolute link -> followable
        self.traps = TrapWatch(0)  # from_crawler: after NEWSDB_TRAP_AFTER barren listing pages of one shape

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        loaded = load_sources(spider.sources_path or settings.get("NEWSDB_SOURCES"), spider.only)
        spider.sources = {s.name: s for s in loaded}
        spider.allowed_domains = sorted({d for s in loaded for d in s.allowed_domains})
        spider.stored = SeenPages(settings.get("NEWSDB_DB"), settings.getfloat("NEWSDB_RECHECK_HOURS", 24))
        days = settings.getfloat("NEWSDB_MAX_ENTRY_AGE_DAYS", 0)
        spider.oldest_entry = datetime.now(timezone.utc) - timedelta(days=days) if days > 0 else None
        spider.traps = TrapWatch(settings.getint("NEWSDB_TRAP_AFTER", 0))
        return spider

    def closed(self, reason):
        self.stored.close()

    async def start(self):
        for source in self.sources.values():
            for urls, kind, priority in ((source.feeds, "feed", FEED_PRIORITY), (source.sitemaps, "sitemap", FEED_PRIORITY),
                                         (source.start_urls, "page", LISTING_PRIORITY)):
                for url in urls:
                    yield self._request(source, canonical_url(url), kind, priority)

    def parse(self, response, source_name: str, kind: str, hint_title=None, hint_date=None):
        """Every response comes here first: 304s and redirects are handled alike for all kinds of page."""
        source = self.sources[source_name]
        self._count(source, "pages_fetched")
        if response.status == 304:  # unchanged: it still stands for the links it had
            self._count(source, "not_modified")
            yield from self._follow_links(source, self.stored.links(canonical_url(response.url)))
        elif response.status in REDIRECTS:
            yield from self._redirected(source, response, kind, hint_title, hint_date)
        elif kind == "feed":
            yield from self._visited(source, response, "feed", self._feed_links(source, response))
        elif kind == "sitemap":
            yield from self._visited(source, response, "sitemap", self._sitemap_links(source, response))
        else:
            yield from self._page(source, response, hint_title, hint_date)

    # -- discovery: each turns a response into links [url, kind, date hint, title hint] ---------------

    def _feed_links(self, source: Source, response) -> list[list]:
        self._check_xml(source, response)
        feed = feedparser.parse(response.body, sanitize_html=False, resolve_relative_uris=False)
        if feed.bozo and not feed.entries:
            self._broken(source, response, "bad_feed", feed.get("bozo_exception"))
        elif isinstance(feed.get("bozo_exception"), SAXParseException):  # entries salvaged by the loose parser
            self._broken(source, response, "feed_malformed", feed.bozo_exception)
        links = [[_join(response, e.link), "page", e.get("updated") or e.get("published"), e.get("title")]
                 for e in feed.entries if e.get("link")]
        return [link for link in links if link[0]]

    def _sitemap_links(self, source: Source, response) -> list[list]:
        body = response.body
        try:
            if gzip_magic_number(response):
                body = gunzip(body, max_size=self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
            self._check_xml(source, response, body)
            sitemap = Sitemap(body)  # lxml in recover mode, entities never expanded
            error = _xml_error(body)
            if error:  # what was salvaged is still followed
                self._broken(source, response, "sitemap_malformed", error)
            if sitemap.type not in ("urlset", "sitemapindex"):
                raise ValueError(f"not a sitemap: root element {sitemap.type!r}")
            kind = "sitemap" if sitemap.type == "sitemapindex" else "page"
            return [[e["loc"], kind, e.get("lastmod"), None] for e in sitemap if e.get("loc")]
        except Exception as e:  # gzip and lxml raise many types on junk; a bad sitemap must not stop the crawl
            self._broken(source, response, "bad_sitemap", e)
            return []

    def _check_xml(self, source: Source, response, body: bytes | None = None) -> None:
        """Count what the lenient parsers forgive: entity declarations (billion laughs, external
        entities): neither feedparser's loose parser nor the sitemap parser expands them."""
        body = response.body if body is None else body
        if b"<!ENTITY" in body[:65536]:
            self._broken(source, response, "xml_entities_ignored", "DTD declares entities")

    def _page(self, source: Source, response, hint_title, hint_date):
        if not isinstance(response, TextResponse):
            self._count(source, "not_text")
            return
        junk = _junk_body(response.body)
        if junk:  # served as text/html, but nothing an HTML parser should see
            self._count(source, junk)
            return
        links = [[url, "page", None, None] for url in self._page_links(source, response)]
        if source.looks_like_article(response.url) is False:
            followed = list(self._visited(source, response, "listing", links))
            self._judge_listing(source, response.url, followed)
            yield from followed
            return
        # the pipelines decide what this page is, and record it: a page not yet stored must not get a 304 next time
        yield self._item(source, response, hint_title, hint_date, links)
        yield from self._follow_links(source, links)

    def _page_links(self, source: Source, response: TextResponse) -> list[str]:
        """The page's followable links, in page order, once each: what Scrapy's
        LinkExtractor(deny=source.deny_url_patterns) returns (<a>/<area> hrefs, joined with <base> and
        the page URL, its schemes, its IGNORED_EXTENSIONS), filtered by source.may_follow. Menus and
        sidebars repeat on every page, so hrefs are resolved once per page and the verdict on an
        absolute URL is kept across pages (bounded)."""
        base_url, page_url, encoding = get_base_url(response), response.url, response.encoding
        joined = _joined_links(base_url, page_url, encoding)
        verdicts = self.link_verdicts.setdefault(source.name, {})
        if len(verdicts) > MAX_CACHED_VERDICTS:
            verdicts.clear()
        hrefs: set[str] = set()
        out: list[str] = []
        found: set[str] = set()
        for el in _tree(response).iter(*LINK_TAGS):
            href = el.get("href")
            if href is None or href in hrefs:
                continue
            hrefs.add(href)
            url = _absolute(href, base_url, page_url, encoding, joined)
            if url is None or url in found:
                continue
            found.add(url)
            allowed = verdicts.get(url)
            if allowed is None:
                allowed = verdicts[url] = _extractable(url, source) and source.may_follow(url)
            if allowed:
                out.append(url)
        return out

    def _judge_listing(self, source: Source, url: str, followed: list) -> None:
        """Tell the trap watch whether this listing page led to a new article (or a page that may be one)."""
        fruitful = any(isinstance(out, scrapy.Request) and out.cb_kwargs.get("kind") == "page"
                       and source.looks_like_article(out.url) is not False for out in followed)
        if self.traps.record(source.name, url, fruitful):
            self._count(source, "trap_shapes")
            self.logger.info("%s: listing pages shaped like %s lead to no new article: the rest are skipped",
                             source.name, url)

    def _redirected(self, source: Source, response, kind: str, hint_title, hint_date):
        """Follow a redirect ourselves, so its target passes the same host, seen and budget checks."""
        location = response.headers.get(b"Location")
        if not location:
            return
        target = _join(response, location.decode("latin-1"))
        if target is None:
            self._count(source, "bad_link")
            return
        if canonical_url(target) in self.seen_this_run:  # a loop, or a page reached another way
            self._count(source, "redirect_to_seen")
        yield from self._visited(source, response, "redirect", [[target, kind, hint_date, hint_title]])

    # -- following ---------------------------------------------------------------------------------

    def _visited(self, source: Source, response, kind: str, links: list[list]):
        yield PageVisit(url=canonical_url(response.url), source=source.name, kind=kind,
                        etag=_header(response, b"ETag"), last_modified=_header(response, b"Last-Modified"),
                        links=links)
        yield from self._follow_links(source, links)

    def _follow_links(self, source: Source, links: list[list]):
        for url, kind, date, title in links:
            if kind == "page" and self._too_old(date):
                self._count(source, "skipped_old_entry")
                continue
            if url in self.requested_raw:  # requested already: a menu link seen on an earlier page
                continue
            priority = ARTICLE_PRIORITY if date or source.looks_like_article(url) else LISTING_PRIORITY
            hints = {"hint_title": title, "hint_date": date} if kind == "page" else {}
            yield from self._follow(source, url, kind, priority, hints, updated=date)

    def _follow(self, source: Source, url: str, kind: str, priority: int, hints: dict, updated=None):
        raw = url
        try:
            url = _canonical(url)
        except ValueError:  # "http://[::1", a port out of range: one bad link must not lose the page's others
            self._count(source, "bad_link")
            return
        if url in self.seen_this_run:
            self.requested_raw.add(raw)
            return
        if not source.allows_host(url) or source.is_denied(url):
            self._count(source, "link_offsite_or_denied")
            return
        if url in self.settled and not updated:
            return
        if self.stored.is_settled(url, updated):  # asked again when a feed or sitemap says "updated"
            if url not in self.settled:
                self._count(source, "skipped_seen")
            self.settled.add(url)
            return
        if self.scheduled[source.name] >= source.max_pages:
            self._count(source, "max_pages_reached")
            return
        self.requested_raw.add(raw)
        yield self._request(source, url, kind, priority, hints)

    def _too_old(self, date: str | None) -> bool:
        if not (self.oldest_entry and date):
            return False
        moment = parse_date(date)
        if moment is None:
            return False
        return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)) < self.oldest_entry

    def _request(self, source: Source, url: str, kind: str, priority: int, hints: dict | None = None):
        self.seen_this_run.add(url)
        self.scheduled[source.name] += 1
        return scrapy.Request(url, callback=self.parse, cb_kwargs={"source_name": source.name, "kind": kind, **(hints or {})},
                              priority=priority, errback=self._on_error, headers=self.stored.validators(url),
                              meta={"source": source.name, "handle_httpstatus_list": [304, *REDIRECTS]})

    # -- items and counters -----------------------------------------------------------------------

    def _item(self, source: Source, response: TextResponse, hint_title, hint_date, links) -> PageItem:
        html, encoding = response.text, response.encoding
        if source.encoding:
            html, encoding = response.body.decode(source.encoding, errors="replace"), source.encoding
        elif _undecodable(response.body, html):
            detected, text = html_to_unicode(None, response.body, auto_detect_fun=_detect)
            if "\ufffd" not in text:  # the header lied: BOM, <meta> or the bytes themselves say better
                html, encoding = text, detected
                self._count(source, "charset_redetected")
        return PageItem(url=response.url, requested_url=response.request.url, source=source.name, html=html,
                        encoding=encoding, hint_title=hint_title, hint_date=hint_date, links=links,
                        etag=_header(response, b"ETag"), last_modified=_header(response, b"Last-Modified"))

    def _broken(self, source: Source, response, key: str, error) -> None:
        self._count(source, key)
        self.logger.warning("%s: unreadable %s: %s", source.name, response.url, error)

    def _on_error(self, failure):
        source = self.sources.get(failure.request.meta.get("source"))
        if source is None or failure.check(SkippedTrap):  # a trap's page: counted as trap_pages_skipped
            return
        name = _failure_name(failure)
        self._count(source, f"http_errors/{name}")
        if failure.request.url in self._entry_points(source):
            self._count(source, "entry_point_errors")
        self.logger.warning("%s: %s failed: %s", source.name, failure.request.url, name)

    def _entry_points(self, source: Source) -> set[str]:
        return {canonical_url(u) for u in (*source.feeds, *source.sitemaps, *source.start_urls)}

    def _count(self, source: Source, key: str) -> None:
        count(self.crawler.stats, source.name, key)


LINK_TAGS = ("a", "area", "{http://www.w3.org/1999/xhtml}a", "{http://www.w3.org/1999/xhtml}area")
LINK_SCHEMES = {"http", "https", "file", "ftp"}  # scrapy.linkextractors._is_valid_url
# Scrapy's url_has_any_extension(urlparse(url), IGNORED_EXTENSIONS) as one regex
IGNORED_EXTENSION = re.compile(r"\.(?:%s)\Z" % "|".join(map(re.escape, IGNORED_EXTENSIONS)))
MAX_CACHED_VERDICTS = MAX_CACHED_LINKS = 100_000
MAX_CACHED_ORIGINS = 256


@lru_cache(maxsize=100_000)
def _canonical(url: str) -> str:
    """canonical_url, remembered: the links of menus and sidebars come back on every page."""
    return canonical_url(url)


# An href whose absolute URL depends on the origins of the base and page URLs only, not on their paths:
# root-relative, or protocol-relative or absolute with a host ("//" alone takes the base's path; tabs
# and newlines, which urlsplit drops, could make "/\t/" one). Menus and sidebars are made of these.
ORIGIN_RELATIVE = re.compile(r"(?:/(?!/)|//[^/?#\s]|https?://[^/?#\s])[^\t\n\r]*\Z")
_joined: dict[tuple, dict[str, str | None]] = {}  # (base origin, page origin, encoding) -> raw href -> URL


def _joined_links(base_url: str, page_url: str, encoding: str) -> dict[str, str | None]:
    """The absolute URLs of origin-relative hrefs already resolved for pages of these origins."""
    key = (_origin(base_url), _origin(page_url), encoding)
    joined = _joined.get(key)
    if joined is None:
        if len(_joined) >= MAX_CACHED_ORIGINS:
            _joined.clear()
        joined = _joined[key] = {}
    return joined


def _absolute(href: str, base_url: str, page_url: str, encoding: str, joined: dict[str, str | None]) -> str | None:
    """An href made absolute as Scrapy's link extractor makes it, or None for a bogus one. `joined` is
    _joined_links() for this page: an origin-relative href is resolved once for all pages sharing it."""
    try:
        return joined[href]
    except KeyError:
        pass
    stripped = strip_html5_whitespace(href)
    url = _join_link(stripped, base_url, page_url, encoding)
    if ORIGIN_RELATIVE.match(stripped):
        if len(joined) >= MAX_CACHED_LINKS:
            joined.clear()
        joined[href] = url
    return url


def _join_link(href: str, base_url: str, page_url: str, encoding: str) -> str | None:
    """scrapy.linkextractors.lxmlhtml.LxmlParserLinkExtractor._extract_links, for one stripped href."""
    try:
        url = safe_url_string(urljoin(base_url, href), encoding=encoding)
    except ValueError:
        return None
    return urljoin(page_url, url)


@lru_cache(maxsize=1024)
def _origin(url: str) -> str:
    """scheme://host:port of a URL with a host; else the whole URL (then its path may matter too)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else url


def _extractable(url: str, source: Source) -> bool:
    """What LinkExtractor(deny=source.deny_url_patterns) keeps: a known scheme, not denied, no
    ignored file extension."""
    if url.split("://", 1)[0] not in LINK_SCHEMES or source.is_denied(url):
        return False
    return not IGNORED_EXTENSION.search(urlparse(url).path.lower())


def _header(response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _join(response, href: str) -> str | None:
    """The absolute URL of a link, or None when it cannot be parsed (an unbalanced IPv6 bracket)."""
    try:
        return canonical_url(response.urljoin(href))
    except ValueError:
        return None


def _failure_name(failure) -> str:
    """What crawl_runs.http_errors calls a failed request: its HTTP status, a name for the refusals that
    share Scrapy's IgnoreRequest, or the exception's class name (TimeoutError, ResponseFailed, ...)."""
    if failure.check(HttpError):
        return str(failure.value.response.status)
    message = str(failure.value)
    if failure.check(DownloadCancelledError) or "DOWNLOAD_MAXSIZE" in message:
        return "too_large"  # over DOWNLOAD_MAXSIZE, announced, streamed or unpacked (a gzip bomb)
    if type(failure.value) is IgnoreRequest and "robots.txt" in message:
        return "robots_txt"
    return failure.type.__name__


def _tree(response: TextResponse):
    """The page's lxml tree, parsed as `response.selector` parses it but not cached on the response:
    the cached selector refers back to its response, a cycle that only the garbage collector frees, so
    every page's body, text and tree would stay in memory until its next run."""
    return parsel.Selector(text=response.text, type="html", base_url=response.url).root


def _junk_body(body: bytes) -> str | None:
    """Why a body served as text is not a page: empty, a PDF or other binary (NUL bytes, which no
    HTML text has; UTF-16 pages start with a BOM and are left alone)."""
    if not body.strip():
        return "empty_body"
    head = body[:4096]
    if head.startswith(b"%PDF-") or (b"\0" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return "binary_body"
    return None


def _undecodable(body: bytes, text: str) -> bool:
    """More than a stray byte or two came out as U+FFFD: the declared charset is wrong."""
    return text.count("\ufffd") > 3 + body.count("\ufffd".encode())


def _detect(body: bytes) -> str | None:
    match = charset_normalizer.from_bytes(body).best()
    return match.encoding if match else None


def _xml_error(body: bytes) -> str | None:
    """Why body is not well-formed XML, or None. A strict parse that neither expands entities nor
    reaches the network, only to report what the recovering parser glossed over."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as e:
        return str(e)
    return None
