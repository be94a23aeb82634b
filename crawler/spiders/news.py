"""One generic spider: feeds, sitemaps and listing pages of every source in the sources file."""
from __future__ import annotations

from collections import Counter

import feedparser
import scrapy
from scrapy.http import TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.sitemap import Sitemap

from crawler.items import PageItem
from crawler.sources import Source, load_sources
from pipelines.urls import canonical_url

FEED_PRIORITY, LISTING_PRIORITY, ARTICLE_PRIORITY = 30, 0, 20


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(self, sources: str | None = None, source: str | list[str] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.sources_path = sources
        self.only = source.split(",") if isinstance(source, str) else source
        self.sources: dict[str, Source] = {}
        self.scheduled: Counter[str] = Counter()  # requests per source, for max_pages
        self.seen: set[str] = set()  # canonical URLs already requested this run

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        path = spider.sources_path or crawler.settings.get("NEWSDB_SOURCES")
        loaded = load_sources(path, spider.only)  # raises SourcesError before any request
        spider.sources = {s.name: s for s in loaded}
        spider.allowed_domains = sorted({d for s in loaded for d in s.allowed_domains})
        return spider

    async def start(self):
        for source in self.sources.values():
            for url in source.feeds:
                yield self._request(source, url, self.parse_feed, FEED_PRIORITY)
            for url in source.sitemaps:
                yield self._request(source, url, self.parse_sitemap, FEED_PRIORITY)
            for url in source.start_urls:
                yield self._request(source, url, self.parse_page, LISTING_PRIORITY)

    # -- discovery -------------------------------------------------------------------------------

    def parse_feed(self, response, source_name: str):
        source = self.sources[source_name]
        feed = feedparser.parse(response.body, sanitize_html=False, resolve_relative_uris=False)
        if feed.bozo and not feed.entries:
            self._count(source, "bad_feed")
            self.logger.warning("%s: unreadable feed %s: %s", source.name, response.url, feed.get("bozo_exception"))
            return
        for entry in feed.entries:
            link = entry.get("link")
            if link:
                hints = {"hint_title": entry.get("title"), "hint_date": entry.get("published") or entry.get("updated")}
                yield from self._follow(source, response.urljoin(link), self.parse_page, ARTICLE_PRIORITY, hints)

    def parse_sitemap(self, response, source_name: str):
        source = self.sources[source_name]
        body = response.body
        if gzip_magic_number(response):
            body = gunzip(body, max_size=self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        try:
            sitemap = Sitemap(body)
        except Exception as e:  # lxml raises many types on junk; a bad sitemap must not stop the crawl
            self._count(source, "bad_sitemap")
            self.logger.warning("%s: unreadable sitemap %s: %s", source.name, response.url, e)
            return
        for entry in sitemap:
            loc = entry.get("loc")
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                yield from self._follow(source, loc, self.parse_sitemap, FEED_PRIORITY)
            else:
                yield from self._follow(source, loc, self.parse_page, ARTICLE_PRIORITY, {"hint_date": entry.get("lastmod")})

    def parse_page(self, response, source_name: str, hint_title=None, hint_date=None):
        source = self.sources[source_name]
        if not source.allows_host(response.url):  # a redirect took us off the source's hosts
            self._count(source, "offsite_redirect")
            return
        if not isinstance(response, TextResponse):
            self._count(source, "not_text")
            return
        if source.looks_like_article(response.url) is not False:
            yield self._item(source, response, hint_title, hint_date)
        yield from self._follow_links(source, response)

    def _follow_links(self, source: Source, response: TextResponse):
        # hosts are checked by the source (LinkExtractor's allow_domains would compare host:port)
        extractor = LinkExtractor(deny=source.deny_url_patterns)
        for link in extractor.extract_links(response):
            if source.may_follow(link.url):
                priority = ARTICLE_PRIORITY if source.looks_like_article(link.url) else LISTING_PRIORITY
                yield from self._follow(source, link.url, self.parse_page, priority)

    # -- helpers -----------------------------------------------------------------------------------

    def _item(self, source: Source, response: TextResponse, hint_title, hint_date) -> PageItem:
        html, encoding = response.text, response.encoding
        if source.encoding:
            html, encoding = response.body.decode(source.encoding, errors="replace"), source.encoding
        redirects = response.meta.get("redirect_urls") or [response.url]
        return PageItem(url=response.url, requested_url=redirects[0], source=source.name, html=html,
                        encoding=encoding, hint_title=hint_title, hint_date=hint_date)

    def _follow(self, source: Source, url: str, callback, priority: int, hints: dict | None = None):
        url = canonical_url(url)
        if not source.allows_host(url) or source.is_denied(url):
            self._count(source, "link_offsite_or_denied")
            return
        if url in self.seen:
            return
        if self.scheduled[source.name] >= source.max_pages:
            self._count(source, "max_pages_reached")
            return
        yield self._request(source, url, callback, priority, hints)

    def _request(self, source: Source, url: str, callback, priority: int, hints: dict | None = None):
        self.seen.add(url)
        self.scheduled[source.name] += 1
        kwargs = {"source_name": source.name, **(hints or {})}
        return scrapy.Request(url, callback=callback, cb_kwargs=kwargs, priority=priority,
                              errback=self._on_error, meta={"source": source.name})

    def _on_error(self, failure):
        source = self.sources.get(failure.request.meta.get("source"))
        if source:
            self._count(source, f"error/{failure.type.__name__}")

    def _count(self, source: Source, key: str) -> None:
        self.crawler.stats.inc_value(f"newsdb/{key}")
        self.crawler.stats.inc_value(f"newsdb/source/{source.name}/{key}")
