"""Page -> article: trafilatura, then aggregator cleaning and metadata. Pure functions plus a thin pipeline."""
from __future__ import annotations

import asyncio
import copy
import json
import logging
import multiprocessing
import os
import re
import resource
import signal
import threading
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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
    doc = _trafilatura(_prepared(html, tree), url, list(source.get("prune_xpath") or []) or None)
    lines = meta.visible_lines(tree)
    title = _title(tree, doc, hints)
    rules = clean.load_rules(tuple(source.get("boilerplate") or ()))
    paragraphs = resegment((doc.text if doc else "").split("\n"), lines)
    paragraphs = clean.clean_paragraphs(paragraphs, title, rules)
    body = clean.normalise_body(paragraphs)
    kind, reason = classify_page(tree, doc, url, body, source, lines)
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


_TABLE_ROW = re.compile(r"^\|\s*(?P<inner>.*?)\s*\|$")


def resegment(paragraphs: list[str], page_lines: list[str]) -> list[str]:
    """Cut each extracted paragraph that is a run of the page's own blocks (a story in one table cell,
    a short story trafilatura glued into one line) back into those blocks; others stay as they are."""
    starts: dict[str, list[int]] = {}  # a line's first character -> where such lines are, in page order
    for i, line in enumerate(page_lines):
        starts.setdefault(line[:1], []).append(i)
    out: list[str] = []
    for paragraph in paragraphs:
        text = clean.normalise_ws(paragraph)
        row = _TABLE_ROW.match(text)
        blocks = (_blocks_of(row.group("inner"), page_lines, starts) if row else None) \
            or _blocks_of(text, page_lines, starts)
        out += blocks or [paragraph]
    return out


MIN_BLOCK_CHARS = 2


def _blocks_of(text: str, page_lines: list[str], starts: dict[str, list[int]]) -> list[str] | None:
    """`text` as consecutive page lines that cover it exactly, two or more of them prose, else None.
    `starts` indexes the lines by first character: only lines opening like `text` can open it."""
    for start in starts.get(text[:1], ()) if text else ():
        first = page_lines[start]
        if len(first) < MIN_BLOCK_CHARS or not text.startswith(first) or len(first) == len(text):
            continue
        blocks, pos = [first], len(first)
        for line in page_lines[start + 1:]:
            rest = text[pos:].lstrip()
            if not rest or not rest.startswith(line):
                break
            blocks.append(line)
            pos = len(text) - len(rest) + len(line)
        if not text[pos:].strip() and sum(map(clean.is_prose, blocks)) >= 2:  # a story, not a footer row
            return blocks
    return None


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


def _prepared(html: str, parsed=None) -> str:
    """The page as trafilatura should see it: layout tables as divs, collapsed story text shown.
    The input is returned untouched when there is nothing to change. `parsed` is _parse(html) when
    the caller has it: it is only read (a copy is changed), so the page is not parsed again."""
    tree = _parse(html) if parsed is None else parsed
    if tree is None:
        return html
    if parsed is not None:
        if not _needs_preparing(tree):
            return html
        tree = copy.deepcopy(tree)
    changed = _unwrap_layout_tables(tree) + _show_collapsed_text(tree) + _sections_as_paragraphs(tree)
    return lxml.html.tostring(tree, encoding="unicode") if changed else html


def _needs_preparing(tree) -> bool:
    """Whether _prepared would change the page: the three rewrites below, asked without changing it.
    Each decides on what the ones before it leave alone (a table becomes a div or figure, both block
    tags to _sections_as_paragraphs; styles and paragraphs stay), so asking the unchanged tree suffices."""
    return (any(_is_layout_table(t) for t in tree.iter("table")) or bool(_collapsed_blocks(tree))
            or bool(_leaf_sections(tree)))


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


_BLOCK_CHILD = ("div", "p", "section", "article", "table", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5",
                "h6", "blockquote", "pre", "figure", "header", "footer", "nav", "aside", "form", "dl")


def _sections_as_paragraphs(tree) -> int:
    """Turn a <section> that holds only inline text (WeChat-editor markup: section > span) into a <p>,
    so trafilatura keeps its short lines (list items, lead-ins) as it keeps paragraphs."""
    leaves = _leaf_sections(tree)
    for section in leaves:
        section.tag = "p"
    return len(leaves)


def _leaf_sections(tree) -> list:
    return [s for s in tree.iter("section")
            if not s.xpath("|".join(f".//{tag}" for tag in _BLOCK_CHILD)) and s.text_content().strip()]


_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _show_collapsed_text(tree) -> int:
    """Show the rest of a story folded behind "Continue reading": a hidden block of paragraphs
    whose parent also holds visible paragraphs (a hidden menu, dialog or template is left alone)."""
    collapsed = _collapsed_blocks(tree)
    for el in collapsed:
        el.set("style", _HIDDEN.sub("", el.get("style")))
    return len(collapsed)


def _collapsed_blocks(tree) -> list:
    """The hidden blocks _show_collapsed_text shows (each decided on its own style and paragraphs)."""
    found = []
    for el in tree.xpath("//*[@style][.//p]"):
        parent = el.getparent()
        if parent is None or not _HIDDEN.search(el.get("style", "")):
            continue
        visible = [p for p in parent.iter("p") if not any(a is el for a in p.iterancestors())]
        if visible and any(len(" ".join(p.text_content().split())) >= 60 for p in el.iter("p")):
            found.append(el)
    return found


# lxml.html's parser picks each element's class in Python, every time Python touches an element (~2,000
# times a page); every element as a plain HtmlElement, picked in C, is all extraction needs
_PARSER = lxml.html.HTMLParser()
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity))


def _parse(html: str):
    if not html or not html.strip():
        return None
    try:
        # lxml refuses str input that declares an encoding; it is already decoded
        html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
        tree = lxml.html.fromstring(html, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None
    # a fragment that is only a comment ("&nbsp<!") parses to the comment itself: no page to read
    return tree if isinstance(tree.tag, str) else None


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
        try:
            candidate = canonical_url(urljoin(url, href.strip()))
        except ValueError:  # an unparseable link (e.g. "http://[::1") is the page's mistake: ignore it
            break
        parts = urlsplit(candidate)
        if parts.hostname == urlsplit(url).hostname and parts.path not in ("", "/"):
            return candidate
    return canonical_url(url)


class ExtractTimeout(Exception):
    """extract_page ran past NEWSDB_EXTRACT_TIMEOUT on one page."""


def _on_alarm(signum, frame):
    raise ExtractTimeout()


def extract_with_timeout(seconds: float, html: str, url: str, source: dict | None = None, hints: dict | None = None) -> dict:
    """extract_page under a SIGALRM deadline. Pool workers run tasks on their main thread, where the
    alarm can interrupt the Python code of lxml/trafilatura; off the main thread there is no deadline
    (signals go to the main thread only), and a single C call (one huge parse) is not cut short."""
    return _with_timeout(seconds, extract_page, html, url, source, hints)


def extract_and_sign(seconds: float, html: str, url: str, source: dict | None = None, hints: dict | None = None) -> dict:
    """What ExtractPipeline's workers run: extract_with_timeout, plus an article's MinHash signature
    (article["minhash"]: dedupe.to_bytes of dedupe.signature(body), None for a body too short to compare),
    computed here under the same deadline so the Scrapy process does not spend its CPU on it."""
    return _with_timeout(seconds, _extract_signed, html, url, source, hints)


def _extract_signed(html: str, url: str, source: dict | None, hints: dict | None) -> dict:
    from pipelines.dedupe import signature, to_bytes  # numpy, datasketch, scipy: only where signing happens

    result = extract_page(html, url, source, hints)
    if result["kind"] == "article":
        mh = signature(result["article"]["body"])
        result["article"]["minhash"] = to_bytes(mh) if mh else None
    return result


def _with_timeout(seconds: float, func, *args) -> dict:
    if not seconds or threading.current_thread() is not threading.main_thread():
        return func(*args)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return func(*args)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


WARM_UP_TEXT = "A first page loads what extraction needs, before any page's clock runs."
WARM_UP_PAGE = ("<html><head><title>Warm-up</title></head><body><h1>Warm-up story</h1>"
                + f"<p>{WARM_UP_TEXT}</p>" * 5 + "</body></html>")


def start_worker(max_memory_mb: int) -> None:
    """Pool worker start-up: cap its memory, so a page that needs gigabytes fails alone (MemoryError or a
    parse error, counted in extract_errors) instead of taking the machine; then load what extraction
    loads lazily (seconds), so the first real page's timeout is not spent on it."""
    if max_memory_mb:
        limit = max_memory_mb << 20
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))  # heap and anonymous maps, not shared code
    extract_page(WARM_UP_PAGE, "http://localhost/warm-up.html")
    # the warm-up page is no article, so its language is never asked: py3langid's model (0.4 s) loads here
    meta.detect_language(WARM_UP_TEXT)


QUEUED_PER_WORKER = 6  # pages handed to the pool per worker: the one it works on and a few more, so it does not idle while the Scrapy process is busy (a batch written, a burst of responses)


class ExtractPipeline:
    """Runs extract_page in a process pool so extraction uses every core while Scrapy keeps downloading."""

    def __init__(self, crawler):
        self.crawler = crawler
        workers = crawler.settings.get("NEWSDB_EXTRACT_WORKERS")
        self.workers = (os.cpu_count() or 1) if workers is None else int(workers)
        self.timeout = crawler.settings.getfloat("NEWSDB_EXTRACT_TIMEOUT", 20.0)
        self.pool: ProcessPoolExecutor | None = None
        self.stuck = False  # a worker outlived its alarm (stuck in C code): do not wait for it at the end

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None):
        if self.workers > 0:
            # one page queued behind each page in work, so a worker never idles waiting for the Scrapy process
            self.in_flight = asyncio.Semaphore(self.workers * QUEUED_PER_WORKER)
            self._start_pool()

    def _start_pool(self) -> None:
        context = multiprocessing.get_context("forkserver")
        # workers start with trafilatura and the signing code loaded (shared by all of them)
        context.set_forkserver_preload(["pipelines.extract", "pipelines.dedupe"])
        memory = self.crawler.settings.getint("NEWSDB_EXTRACT_MAX_MEMORY_MB", 1024)
        self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context,
                                        initializer=start_worker, initargs=(memory,))

    def close_spider(self, spider=None):
        if self.pool:
            if self.stuck:
                for process in list(getattr(self.pool, "_processes", {}).values()):
                    process.terminate()
            self.pool.shutdown(wait=not self.stuck, cancel_futures=True)

    async def process_item(self, item):
        if not isinstance(item, PageItem):  # page visits go straight to the store
            return item
        spider = self.crawler.spider
        source = spider.sources[item["source"]].to_dict()
        hints = {"hint_title": item.get("hint_title"), "hint_date": item.get("hint_date")}
        args = (self.timeout, item["html"], item["url"], source, hints)
        stats = self.crawler.stats
        try:
            result = await self._extract(args)
        except (ExtractTimeout, asyncio.TimeoutError):  # a pathological page: count it, go on
            stats.inc_value("newsdb/extract_timeouts")
            stats.inc_value(f"newsdb/source/{item['source']}/extract_timeouts")
            raise DropItem(f"extraction took over {self.timeout:g} s: {item['url']}", log_level="WARNING") from None
        except Exception as e:  # one bad page must not stop the crawl: count it, name it, go on
            stats.inc_value("newsdb/extract_errors")
            stats.inc_value(f"newsdb/source/{item['source']}/extract_errors")
            raise DropItem(f"extraction failed: {type(e).__name__}: {e}: {item['url']}", log_level="ERROR") from None
        if result["kind"] != "article":
            return self._not_stored(item, result)
        item["article"] = {**result["article"], "requested_url": item["requested_url"]}
        item["html"] = None  # the pipelines after this one need only the article
        return item

    async def _extract(self, args: tuple) -> dict:
        if not self.pool:
            return extract_and_sign(*args)
        async with self.in_flight:
            future = asyncio.get_running_loop().run_in_executor(self.pool, extract_and_sign, *args)
            if not self.timeout:
                return await future
            try:  # the worker's alarm ends a slow page; this is the backstop for one stuck in C code
                return await asyncio.wait_for(future, self.timeout * (QUEUED_PER_WORKER + 1) + 5)
            except asyncio.TimeoutError:
                self.stuck = True
                raise
            except BrokenProcessPool:  # a worker died (killed, crashed in C): the pool is unusable, replace it
                self.crawler.stats.inc_value("newsdb/extract_pool_restarts")
                self.pool.shutdown(wait=False, cancel_futures=True)
                self._start_pool()
                raise

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
