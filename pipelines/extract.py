"""Page -> article: trafilatura, then aggregator cleaning and metadata. Pure functions plus a thin pipeline."""
from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from lxml import etree
from scrapy.exceptions import DropItem

from pipelines import clean, meta
from pipelines.classify import classify_page
from pipelines.urls import canonical_url

def extract_article(html: str, url: str, source: dict | None = None) -> dict | None:
    """The article newsdb would store for this page, or None for a non-article or empty page."""
    result = extract_page(html, url, source)
    return result["article"] if result["kind"] == "article" else None


def extract_page(html: str, url: str, source: dict | None = None, hints: dict | None = None) -> dict:
    """Classify and extract one page: {"kind": "article"|"not_article"|"empty", "article"?, "reason"?}."""
    source = source or {}
    hints = hints or {}
    tree = _parse(html)
    if tree is None:
        return {"kind": "not_article", "reason": "unparseable"}
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=True, include_tables=True,
        prune_xpath=list(source.get("prune_xpath") or []) or None, deduplicate=False)
    lines = meta.visible_lines(tree)
    title = _title(tree, doc, hints)
    rules = clean.load_rules(tuple(source.get("boilerplate") or ()))
    paragraphs = clean.clean_paragraphs((doc.text if doc else "").split("\n"), title, rules)
    body = clean.normalise_body(paragraphs)
    kind, reason = classify_page(tree, doc, url, body, source)
    if kind != "article":
        return {"kind": kind, "reason": reason}
    return {"kind": "article", "article": _article(tree, doc, lines, url, source, hints, title, body)}


def _article(tree, doc, lines, url, source, hints, title, body) -> dict:
    published, published_from = meta.published_date(tree, lines, url, hint=hints.get("hint_date"), fallback=doc.date)
    declared = doc.language or tree.get("lang") or tree.get("xml:lang")
    return {
        "url": _canonical(tree, url),
        "fetched_url": url,
        "source": source.get("name"),
        "title": title,
        "body": body,
        "published": published,
        "published_from": published_from,
        "author": meta.author(tree, lines, fallback=doc.author),
        "original_source": meta.original_source(tree, lines),
        "category": meta.category(tree, lines, fallback=doc.categories),
        "tags": meta.tags(tree, lines, fallback=doc.tags),
        "language": meta.detect_language(f"{title}\n{body}", declared=declared),
        "site_name": doc.sitename,
        "description": doc.description,
        "comments": doc.comments or None,
        "content_hash": clean.content_hash(body),
    }


def _parse(html: str):
    if not html or not html.strip():
        return None
    try:
        # lxml refuses str input that declares an encoding; it is already decoded
        html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
        return lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _title(tree, doc, hints: dict) -> str | None:
    """The headline: the page's single <h1> when there is one, else trafilatura's, else the feed's."""
    h1s = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    h1s = [h for h in h1s if len(h) >= 4]
    if len(h1s) == 1:
        return h1s[0]
    title = (doc.title if doc else None) or hints.get("hint_title")
    return " ".join(title.split()) if title else None


def _canonical(tree, url: str) -> str:
    """The page's own <link rel=canonical> when it stays on the same host, else the fetched URL, canonicalised."""
    for href in tree.xpath('//link[@rel="canonical"]/@href')[:1]:
        candidate = canonical_url(urljoin(url, href.strip()))
        parts = urlsplit(candidate)
        if parts.hostname == urlsplit(url).hostname and parts.path not in ("", "/"):
            return candidate
    return canonical_url(url)


class ExtractPipeline:
    """Runs extract_page in a process pool so extraction uses every core while Scrapy keeps downloading."""

    def __init__(self, crawler):
        self.crawler = crawler
        workers = crawler.settings.get("NEWSDB_EXTRACT_WORKERS")
        self.workers = (os.cpu_count() or 1) if workers is None else int(workers)
        self.pool: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None):
        if self.workers > 0:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["pipelines.extract"])  # workers start with trafilatura loaded
            self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)

    def close_spider(self, spider=None):
        if self.pool:
            self.pool.shutdown(cancel_futures=True)

    async def process_item(self, item):
        spider = self.crawler.spider
        source = spider.sources[item["source"]].to_dict()
        hints = {"hint_title": item.get("hint_title"), "hint_date": item.get("hint_date")}
        args = (item["html"], item["url"], source, hints)
        stats = self.crawler.stats
        try:
            if self.pool:
                result = await asyncio.get_running_loop().run_in_executor(self.pool, extract_page, *args)
            else:
                result = extract_page(*args)
        except Exception as e:  # one bad page must not stop the crawl: count it, name it, go on
            stats.inc_value("newsdb/extract_errors")
            stats.inc_value(f"newsdb/source/{item['source']}/extract_errors")
            raise DropItem(f"extraction failed: {type(e).__name__}: {e}: {item['url']}", log_level="ERROR") from None
        if result["kind"] != "article":
            key = "dropped_empty" if result["kind"] == "empty" else "dropped_not_article"
            stats.inc_value(f"newsdb/{key}")
            stats.inc_value(f"newsdb/source/{item['source']}/{key}")
            raise DropItem(f"{result['kind']}: {result.get('reason')}: {item['url']}", log_level="DEBUG")
        item["article"] = result["article"]
        item["html"] = None  # the pipelines after this one need only the article
        return item


def to_json_line(article: dict) -> str:
    return json.dumps(article, ensure_ascii=False, sort_keys=True)
