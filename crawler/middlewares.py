"""Downloader middlewares that keep hostile pages and servers from steering the crawler.

- PrivateAddressMiddleware: no request reaches a loopback, private, link-local, multicast or otherwise
  non-public address unless the source names that exact host in allowed_domains, and no request leaves
  its source's hosts (meta refreshes and other redirects included).
- TrapMiddleware: a listing page is not fetched once its URL shape is a trap (crawler/traps.py).
- RetryAfterMiddleware: a 429 or 503 with Retry-After is retried after that wait, not at once; a wait
  longer than NEWSDB_RETRY_AFTER_MAX is not retried at all in this run.
"""
from __future__ import annotations

import ipaddress
import logging
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.error import DNSLookupError

logger = logging.getLogger(__name__)

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class RefusedAddress(IgnoreRequest):
    """The request's host is, or resolves to, a non-public address the source does not name."""


class RefusedOffsite(IgnoreRequest):
    """The request left its source's hosts (a meta refresh or a redirect the spider did not check)."""


class SkippedTrap(IgnoreRequest):
    """A listing page of a URL shape that led to no new article this run (crawler/traps.py)."""


def count(stats, source: str | None, key: str) -> None:
    """A newsdb counter of the run (``newsdb/KEY``) and of the source (``newsdb/source/NAME/KEY``)."""
    stats.inc_value(f"newsdb/{key}")
    if source:
        stats.inc_value(f"newsdb/source/{source}/{key}")


def ip_literal(host: str) -> Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def is_internal(address: Address) -> bool:
    """True for every address that is not on the public internet: loopback, RFC 1918, link-local
    (169.254.169.254 is the cloud metadata service), CGNAT, unspecified, reserved, and multicast."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    return not address.is_global or address.is_multicast


class PrivateAddressMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_request(self, request):
        host = (urlparse_cached(request).hostname or "").lower()
        source = self._source(request)
        if source is not None and not source.allows_host(request.url):
            self._count(request, "refused_offsite")
            raise RefusedOffsite(f"refused {request.url}: {host} is not a host of source {source.name}")
        if host in self._named_hosts(source):
            return None  # the owner listed this very host: an intranet site is their call
        address = ip_literal(host) or await self._resolve(host)
        if address is not None and is_internal(address):
            self._count(request, "refused_private_address")
            raise RefusedAddress(f"refused {request.url}: {host} is {address}, a non-public address "
                                 "not named in the source's allowed_domains")
        return None

    def _source(self, request):
        sources = getattr(self.crawler.spider, "sources", None) or {}
        return sources.get(request.meta.get("source"))

    def _named_hosts(self, source) -> set[str]:
        # requests of no source (robots.txt) go to hosts of some source: any listed host is named
        if source is not None:
            return set(source.allowed_domains)
        return set(getattr(self.crawler.spider, "allowed_domains", None) or ())

    async def _resolve(self, host: str) -> Address | None:
        """The address the download will connect to. reactor.resolve goes through Scrapy's caching
        resolver, so the connection that follows uses this same answer (no second lookup to rebind)."""
        from twisted.internet import reactor  # imported late: importing it installs one

        try:
            return ip_literal(await maybe_deferred_to_future(reactor.resolve(host)))
        except DNSLookupError:
            return None  # the download fails on the same lookup and is counted as DNSLookupError

    def _count(self, request, key: str) -> None:
        count(self.crawler.stats, request.meta.get("source"), key)
        logger.warning("%s: %s", key.replace("_", " "), request.url)


class TrapMiddleware:
    """Checked when a request is about to be fetched, not when its link is found: a calendar's links are
    all found (and scheduled) long before the first of its pages is judged."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request):
        spider = self.crawler.spider
        source = (getattr(spider, "sources", None) or {}).get(request.meta.get("source"))
        traps = getattr(spider, "traps", None)
        if source is None or traps is None or not request.meta.get("depth") or request.cb_kwargs.get("kind") != "page":
            return None  # an entry point, a feed or a sitemap
        if source.looks_like_article(request.url) is False and traps.is_trap(source.name, request.url):
            count(self.crawler.stats, source.name, "trap_pages_skipped")
            logger.debug("skipped, a trap's page: %s", request.url)
            raise SkippedTrap(f"skipped {request.url}: listing pages of its shape lead to no new article")
        return None


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return max(0.0, (moment - (now or datetime.now(timezone.utc))).total_seconds())


class RetryAfterMiddleware:
    """Sits just inside RetryMiddleware (its process_response runs first) and makes the retry wait.

    Only the request that was told to wait waits (its download slot is held meanwhile); the host's other
    requests go on at the throttled pace.
    """

    STATUSES = (429, 503)

    def __init__(self, crawler):
        self.crawler = crawler
        self.max_wait = crawler.settings.getfloat("NEWSDB_RETRY_AFTER_MAX", 30.0)
        self.retry_times = crawler.settings.getint("RETRY_TIMES")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_response(self, request, response):
        if response.status not in self.STATUSES or request.meta.get("dont_retry"):
            return response
        delay = retry_after_seconds(response.headers.get(b"Retry-After"))
        if delay is None:
            return response
        stats = self.crawler.stats
        if delay > self.max_wait:  # "come back tomorrow": give up on it for this run, politely
            stats.inc_value("newsdb/retry_after_too_long")
            request.meta["dont_retry"] = True
            return response
        if request.meta.get("retry_times", 0) >= request.meta.get("max_retry_times", self.retry_times):
            return response  # RetryMiddleware gives up on this one: no point waiting
        stats.inc_value("newsdb/retry_after_waited")
        from twisted.internet import reactor, task

        await maybe_deferred_to_future(task.deferLater(reactor, delay, lambda: None))
        return response
