"""The address filter and Retry-After, unit-tested on literal addresses: nothing here connects anywhere."""
import asyncio
from collections import Counter
from datetime import datetime, timezone
from types import SimpleNamespace

import ipaddress
import pytest
from scrapy import Request
from scrapy.http import Response
from scrapy.settings import Settings

from crawler.middlewares import (PrivateAddressMiddleware, RefusedAddress, RefusedOffsite, RetryAfterMiddleware,
                                 is_internal, retry_after_seconds)
from crawler.sources import parse_sources


class Stats(Counter):
    def inc_value(self, key, count=1):
        self[key] += count


def crawler(*domains: str, settings: dict | None = None):
    first = f"[{domains[0]}]" if ":" in domains[0] else domains[0]
    tables = [{"name": "site", "start_urls": [f"http://{first}/"], "allowed_domains": list(domains)}]
    sources = {s.name: s for s in parse_sources({"source": tables})}
    spider = SimpleNamespace(sources=sources, allowed_domains=list(domains))
    return SimpleNamespace(spider=spider, stats=Stats(), settings=Settings(settings or {}))


def request(url: str, source: str | None = "site") -> Request:
    return Request(url, meta={"source": source} if source else {})


def run(coro):
    return asyncio.run(coro)


@pytest.mark.parametrize("address", ["10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "127.0.0.1",
                                     "0.0.0.0", "100.64.0.1", "224.0.0.251", "::1", "fe80::1", "fc00::1",
                                     "::ffff:127.0.0.1", "::ffff:10.0.0.1", "ff02::1"])
def test_non_public_addresses_are_internal(address):
    assert is_internal(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "1.1.1.1", "2606:4700::1111"])
def test_public_addresses_are_not(address):
    assert not is_internal(ipaddress.ip_address(address))


@pytest.mark.parametrize("host", ["10.0.0.1", "169.254.169.254", "[::1]", "127.0.0.1", "[::ffff:7f00:1]"])
def test_a_literal_private_address_the_sources_do_not_name_is_refused(host):
    c = crawler("news.example")
    middleware = PrivateAddressMiddleware(c)
    with pytest.raises(RefusedOffsite):  # a request of the source: not one of its hosts
        run(middleware.process_request(request(f"http://{host}/latest/")))
    with pytest.raises(RefusedAddress):  # a request of no source (robots.txt, another component): not public
        run(middleware.process_request(request(f"http://{host}/latest/", source=None)))
    assert c.stats["newsdb/refused_private_address"] == 1 and c.stats["newsdb/refused_offsite"] == 1


def test_an_ip_is_not_a_subdomain_of_a_shorter_one():
    source = parse_sources({"source": [{"name": "s", "start_urls": ["http://0.0.1/"]}]})[0]
    assert source.allows_host("http://0.0.1/") and not source.allows_host("http://10.0.0.1/")


@pytest.mark.parametrize("host", ["10.0.0.1", "169.254.169.254", "::1", "127.0.0.1"])
def test_a_private_address_the_source_names_exactly_is_allowed(host):
    middleware = PrivateAddressMiddleware(crawler(host))
    url_host = f"[{host}]" if ":" in host else host
    assert run(middleware.process_request(request(f"http://{url_host}:8080/news/"))) is None


def test_a_name_that_resolves_to_a_private_address_is_refused_unless_named(monkeypatch):
    c = crawler("example.org")
    middleware = PrivateAddressMiddleware(c)

    async def resolve(host):
        return ipaddress.ip_address("169.254.169.254")  # what a rebinding or internal DNS name answers

    monkeypatch.setattr(middleware, "_resolve", resolve)
    with pytest.raises(RefusedAddress):
        run(middleware.process_request(request("http://metadata.example.org/latest/meta-data/")))
    assert run(middleware.process_request(request("http://example.org/"))) is None  # named exactly


def test_a_public_address_passes(monkeypatch):
    middleware = PrivateAddressMiddleware(crawler("example.org"))

    async def resolve(host):
        return ipaddress.ip_address("93.184.216.34")

    monkeypatch.setattr(middleware, "_resolve", resolve)
    assert run(middleware.process_request(request("http://www.example.org/a.html"))) is None


def test_a_request_off_its_sources_hosts_is_refused():
    c = crawler("127.0.0.2")
    with pytest.raises(RefusedOffsite):
        run(PrivateAddressMiddleware(c).process_request(request("http://127.0.0.9:8000/refresh")))
    assert c.stats["newsdb/refused_offsite"] == 1


def test_robots_txt_requests_without_a_source_go_to_named_hosts_only():
    middleware = PrivateAddressMiddleware(crawler("127.0.0.2"))
    assert run(middleware.process_request(request("http://127.0.0.2:8000/robots.txt", None))) is None
    with pytest.raises(RefusedAddress):
        run(middleware.process_request(request("http://127.0.0.9:8000/robots.txt", None)))


def test_retry_after_reads_seconds_and_dates():
    now = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
    assert retry_after_seconds(b"120") == 120
    assert retry_after_seconds("Sun, 01 Mar 2026 12:00:30 GMT", now) == 30
    assert retry_after_seconds("Sun, 01 Mar 2026 11:00:00 GMT", now) == 0
    assert retry_after_seconds(b"soon") is None and retry_after_seconds(None) is None


def test_a_retry_after_beyond_the_cap_is_not_retried_tonight():
    c = crawler("example.org", settings={"NEWSDB_RETRY_AFTER_MAX": 30, "RETRY_TIMES": 2})
    req = request("http://example.org/busy")
    response = Response(req.url, status=429, headers={"Retry-After": "86400"}, request=req)
    assert run(RetryAfterMiddleware(c).process_response(req, response)) is response
    assert req.meta["dont_retry"] and c.stats["newsdb/retry_after_too_long"] == 1


def test_other_statuses_and_no_header_pass_at_once():
    c = crawler("example.org", settings={"RETRY_TIMES": 2})
    middleware = RetryAfterMiddleware(c)
    req = request("http://example.org/x")
    for response in (Response(req.url, status=500, headers={"Retry-After": "5"}), Response(req.url, status=429)):
        assert run(middleware.process_response(req, response)) is response
    assert not c.stats and "dont_retry" not in req.meta
