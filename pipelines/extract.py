"""Page -> article: trafilatura, then aggregator cleaning and metadata. Pure functions plus a thin pipeline."""
from __future__ import annotations

import asyncio
import json
import logging
import multiprocessing
import os
import re
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document
from scrapy.exceptions import DropItem

from crawler.items import PageItem, PageVisit
from pipelines import clean, meta
from pipelines.classify import classify_page
from pipelines.urls import canonical_url

logger = logging.getLogger(__name__)

MAX_CAPTION_CHARS = 250


def extract_article(html: str, url: str, source: dict | None = None) -> dict | None:
    """The article newsdb would store for this page, or None for a non-article or empty page."""
    result = extract_page(html, url, source)
    return result["article"] if result["kind"] == "article" else None


def extract_page(html: str, url: str, source: dict | None = None, hints: dict | None = None,
                 *, gate: bool = True) -> dict:
    """Classify and extract one page: {"kind": "article"|"not_article"|"empty", "article"?, "reason"?}.

    With gate=False the article is extracted whatever the classification says (kind and reason still
    tell what the gate decided): for measuring extraction on pages that are not news articles.
    """
    source = source or {}
    hints = hints or {}
    html = unicodedata.normalize("NFC", html or "")  # "u" + combining diaeresis -> "ü", as searches expect
    tree = _parse(html)
    if tree is None:
        return {"kind": "not_article", "reason": "unparseable"}
    doc = _trafilatura(_prepared(html), url, list(source.get("prune_xpath") or []) or None)
    lines = meta.visible_lines(tree)
    title = _title(tree, doc, hints)
    rules = clean.load_rules(tuple(source.get("boilerplate") or ()))
    paragraphs = clean.clean_paragraphs((doc.text if doc else "").split("\n"), title, rules)
    body = clean.normalise_body(paragraphs)
    kind, reason = classify_page(tree, doc, url, body, source)
    if kind != "article" and gate:
        return {"kind": kind, "reason": reason}
    return {"kind": kind, "reason": reason, "article": _article(tree, doc, lines, url, source, hints, title, body)}


def _article(tree, doc, lines, url, source, hints, title, body) -> dict:
    doc = doc or Document()  # trafilatura found nothing (only reached with gate=False)
    published, published_from = meta.published_date(tree, lines, url, hint=hints.get("hint_date"),
                                                     fallback=doc.date, title=title)
    declared = doc.language or tree.get("lang") or tree.get("xml:lang")
    credited = meta.original_source(tree, lines)  # an outlet, so never the author as well
    return {
        "url": _canonical(tree, url),
        "fetched_url": url,
        "source": source.get("name"),
        "title": title,
        "body": body,
        "published": published,
        "published_from": published_from,
        "author": meta.author(tree, lines, fallback=doc.author, not_=credited),
        "original_source": credited,
        "category": meta.category(tree, lines, fallback=doc.categories),
        "tags": meta.tags(tree, lines, fallback=doc.tags),
        "language": meta.detect_language(f"{title}\n{body}", declared=declared),
        "site_name": doc.sitename,
        "description": doc.description,
        "comments": doc.comments or None,
        "content_hash": clean.content_hash(body),
    }


BLOB_SHARE = 0.7  # one line holding this much of a long text is a page dump, not paragraphs
MIN_BLOB_CHARS = 300


def _trafilatura(html: str, url: str, prune_xpath: list[str] | None):
    """trafilatura's document; when its text is one run-on block (its whole-page fallback on a short
    story), the recall-favouring extraction, which keeps the story's paragraphs, if it has more."""
    options = dict(url=url, with_metadata=True, include_comments=True, include_tables=True,
                   prune_xpath=prune_xpath, deduplicate=False)
    doc = trafilatura.bare_extraction(html, **options)
    if doc is None or not _is_blob(doc.text or ""):
        return doc
    again = trafilatura.bare_extraction(html, favor_recall=True, **options)
    if again is None or len((again.text or "").splitlines()) <= len((doc.text or "").splitlines()):
        return doc
    # the same story cut into paragraphs, not the story plus page furniture the default left out
    return again if len(again.text or "") <= len(doc.text or "") else doc


def _is_blob(text: str) -> bool:
    """Most of a long text on one line."""
    lines = [line for line in text.splitlines() if line.strip()]
    total = sum(len(line) for line in lines)
    return total >= MIN_BLOB_CHARS and max(len(line) for line in lines) >= BLOB_SHARE * total


def _is_layout_table(table) -> bool:
    """A table used for page layout: it holds other tables, headings or forms, or stacks blocks in a
    single column (a lone cell is left alone: trafilatura reads a story kept in one cell well)."""
    if table.xpath(".//table | .//h1 | .//h2 | .//h3 | .//form"):
        return True
    rows = table.xpath("./tr | ./tbody/tr | ./thead/tr | ./tfoot/tr")
    if any(len(row.xpath("./td | ./th")) >= 2 for row in rows):
        return False
    return len(rows) >= 2 or len(table.xpath(".//p")) >= 2  # a lone cell of paragraphs is a frame too


def _is_photo_box(table) -> bool:
    """A layout table that only frames a picture and a short caption."""
    text = " ".join(table.text_content().split())
    return bool(table.xpath(".//img")) and not table.xpath(".//p | .//table | .//h1 | .//h2 | .//h3") \
        and len(text) <= MAX_CAPTION_CHARS


def _prepared(html: str) -> str:
    """The page as trafilatura should see it: layout tables as divs, collapsed story text shown.
    The input is returned untouched when there is nothing to change."""
    tree = _parse(html)
    if tree is None:
        return html
    changed = _unwrap_layout_tables(tree) + _show_collapsed_text(tree)
    return lxml.html.tostring(tree, encoding="unicode") if changed else html


def _unwrap_layout_tables(tree) -> int:
    """Turn layout tables into divs, so trafilatura finds the story in them as it would in a modern
    page (instead of keeping the whole page as table rows); data tables stay. Returns how many."""
    layout = [t for t in tree.iter("table") if _is_layout_table(t)]
    for table in layout:
        if _is_photo_box(table):  # a picture and its caption: trafilatura leaves figures out
            table.tag = "figure"
            continue
        for row in table.xpath("./tr | ./tbody/tr | ./thead/tr | ./tfoot/tr"):
            for cell in row.xpath("./td | ./th"):
                cell.tag = "div"
            row.tag = "div"
        for group in table.xpath("./tbody | ./thead | ./tfoot"):
            group.tag = "div"
        table.tag = "div"
    return len(layout)


_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _show_collapsed_text(tree) -> int:
    """Show the rest of a story folded behind "Continue reading": a hidden block of paragraphs
    whose parent also holds visible paragraphs (a hidden menu, dialog or template is left alone)."""
    shown = 0
    for el in tree.xpath("//*[@style][.//p]"):
        parent = el.getparent()
        if parent is None or not _HIDDEN.search(el.get("style", "")):
            continue
        visible = [p for p in parent.iter("p") if not any(a is el for a in p.iterancestors())]
        if visible and any(len(" ".join(p.text_content().split())) >= 60 for p in el.iter("p")):
            el.set("style", _HIDDEN.sub("", el.get("style")))
            shown += 1
    return shown


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
    """The headline: the page's single <h1>; else the heading that opens the page title ("Headline_
    Section_Site"); else trafilatura's title, else the feed's."""
    h1s = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    h1s = [h for h in h1s if len(h) >= 4]
    if len(h1s) == 1:
        return h1s[0]
    title = (doc.title if doc else None) or hints.get("hint_title")
    title = " ".join(title.split()) if title else None
    return _heading_opening(tree, title) or title


_TITLE_SEPARATOR = re.compile(r"^\s*(?:[-_|–—:：·｜]|&gt;)")


def _heading_opening(tree, page_title: str | None) -> str | None:
    """The longest h1-h3 whose text is the page title or opens it before a separator."""
    if not page_title:
        return None
    found = None
    for h in tree.xpath("//h1 | //h2 | //h3"):
        text = " ".join(h.text_content().split())
        rest = page_title[len(text):] if len(text) >= 4 and page_title.startswith(text) else None
        if rest is not None and (not rest or _TITLE_SEPARATOR.match(rest)) and len(text) > len(found or ""):
            found = text
    return found


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
        if not isinstance(item, PageItem):  # page visits go straight to the store
            return item
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
            return self._not_stored(item, result)
        item["article"] = {**result["article"], "requested_url": item["requested_url"]}
        item["html"] = None  # the pipelines after this one need only the article
        return item

    def _not_stored(self, item, result: dict) -> PageVisit:
        """Count the page, and hand the store a visit record instead: what it was and where it links to."""
        key = "dropped_empty" if result["kind"] == "empty" else "dropped_not_article"
        self.crawler.stats.inc_value(f"newsdb/{key}")
        self.crawler.stats.inc_value(f"newsdb/source/{item['source']}/{key}")
        logger.debug("not stored: %s: %s: %s", result["kind"], result.get("reason"), item["url"])
        listing = result["kind"] == "not_article"  # an empty article page is asked for again in full
        return PageVisit(url=canonical_url(item["url"]), source=item["source"], kind="listing" if listing else "empty",
                         etag=item.get("etag") if listing else None, links=item.get("links") or [],
                         last_modified=item.get("last_modified") if listing else None)


def to_json_line(article: dict) -> str:
    return json.dumps(article, ensure_ascii=False, sort_keys=True)
