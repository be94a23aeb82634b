"""The spider's handling of one response, on a real Scrapy crawler and spider (crawler/spiders/news.py)."""
from __future__ import annotations

import gc
import weakref

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler.items import PageItem
from crawler.spiders.news import NewsSpider

SOURCES = """
[[source]]
name = "wire"
start_urls = ["http://wire.test/"]
allowed_domains = ["wire.test"]
article_url_patterns = ['/news/\\d+\\.html']
"""
PAGE = (b"<html><head><title>Story</title></head><body><a href='/news/2.html'>next</a>"
        b"<a href='/news/3.html'>other</a><a href='http://elsewhere.test/x.html'>off</a>"
        + b"<p>Paragraph of the story.</p>" * 200 + b"</body></html>")


@pytest.fixture
def spider(tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(SOURCES, "utf-8")
    crawler = get_crawler(NewsSpider, settings_dict={"NEWSDB_DB": str(tmp_path / "news.db")})
    spider = NewsSpider.from_crawler(crawler, sources=str(sources))
    yield spider
    spider.closed("finished")


def response(url: str) -> HtmlResponse:
    request = Request(url, cb_kwargs={"source_name": "wire", "kind": "page"})
    return HtmlResponse(url=url, body=PAGE, encoding="utf-8", request=request)


def test_an_article_page_gives_its_item_and_its_links(spider):
    out = list(spider.parse(response("http://wire.test/news/1.html"), source_name="wire", kind="page"))
    items = [o for o in out if isinstance(o, PageItem)]
    assert [i["url"] for i in items] == ["http://wire.test/news/1.html"]
    assert sorted(o.url for o in out if isinstance(o, Request)) == [
        "http://wire.test/news/2.html", "http://wire.test/news/3.html"]


def test_a_response_is_freed_as_soon_as_the_spider_is_done_with_it(spider):
    """No reference cycle through the page: its body, text and parsed tree go with the last reference,
    not at the garbage collector's next run (which a crawl delays: crawler/gc_tuning.py)."""
    page = response("http://wire.test/news/1.html")
    gone = weakref.ref(page)
    out = list(spider.parse(page, source_name="wire", kind="page"))
    assert out
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        del page, out
        assert gone() is None
    finally:
        if was_enabled:
            gc.enable()
