"""Article or index page? A gate over URL patterns, page type, structured data, URL shape, text and links."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from pipelines import meta

ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenews", "analysisnewsarticle",
                 "opinionnewsarticle", "report", "techarticle", "liveblogposting"}
# URL shapes of pages that list articles rather than being one.
LISTING_URL = re.compile(
    r"(/(tags?|topics?|category|categories|channel|author|authors|search|archives?|page|about|contact|"
    r"list|lists|index|sitemap|login|register)(/|[_.-]|$)|[?&](page|p|tag|q|s)=|/$)", re.IGNORECASE)
# URL shapes typical of single articles: a date, a long numeric id, or a long slug.
ARTICLE_URL = re.compile(r"(/20\d\d[/-]?\d\d[/-]?\d\d|/20\d\d/\d{1,2}/|\d{4,}|/[\w-]*[a-z][\w-]*-[\w-]+-[\w-]+)",
                         re.IGNORECASE)
MIN_BODY_CHARS = 280  # after cleaning; CJK characters count double (denser script)
MAX_LINK_DENSITY = 0.55


def classify_page(tree, doc, url: str, body: str, source: dict) -> tuple[str, str | None]:
    """Article-vs-index gate: URL patterns, page type, structured data, URL shape, body length, link density."""
    parts = urlsplit(url)
    path = parts.path or "/"
    patterns = source.get("article_url_patterns") or []
    by_pattern = any(re.search(p, url) for p in patterns) if patterns else None
    marked = _marked_as_article(tree, doc)
    if path == "/" and not marked:
        return "not_article", "home page"
    if by_pattern is False:
        return "not_article", "url does not match article_url_patterns"
    if by_pattern is None and not marked and LISTING_URL.search(f"{path}?{parts.query}" if parts.query else path):
        return "not_article", "listing url"
    if _link_density(tree) > MAX_LINK_DENSITY and not marked:
        return "not_article", "link density"
    if _weighted_length(body) < MIN_BODY_CHARS:
        looks = marked or by_pattern or bool(ARTICLE_URL.search(path))
        return ("empty", "no body after cleaning") if looks else ("not_article", "too little text")
    return "article", None


def _marked_as_article(tree, doc) -> bool:
    if doc is not None and (doc.pagetype or "").lower() in ARTICLE_TYPES:
        return True
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        for t in re.findall(r'"@type"\s*:\s*(?:\[\s*)?"([^"]+)"', script):
            if t.lower() in ARTICLE_TYPES:
                return True
    return False


def _link_density(tree) -> float:
    """Share of the page's visible text that sits inside links: listings are mostly links."""
    body = tree.find("body") if tree.find("body") is not None else tree
    total = len("".join(meta.visible_lines(body)))
    linked = sum(len(" ".join(a.text_content().split())) for a in body.iter("a"))
    return linked / total if total else 1.0


def _weighted_length(text: str) -> int:
    cjk = len(re.findall(r"[\u3400-\u9fff]", text))
    return len(text) + cjk
