"""Article or index page? A gate over URL patterns, page type, structured data, URL shape, text and links."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from pipelines import clean, meta

ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenews", "analysisnewsarticle",
                 "opinionnewsarticle", "report", "techarticle", "liveblogposting"}
# Path segments that name a listing (a tag, a category, an author, page 2...), not a single article.
LISTING_WORD = (r"tags?|topics?|category|categories|channel|author|authors|search|archives?|page|about|contact|"
                r"list|lists|index|sitemap|login|register")
LISTING_SEGMENT = re.compile(rf"^(?:{LISTING_WORD})(?:[_.-]|$)", re.IGNORECASE)
LISTING_QUERY = re.compile(r"(?:^|&)(?:page|p|tag|q|s)=", re.IGNORECASE)
# Front controllers and directory indexes: "index.php/2014/03/20/slug/", "/slug/index.html".
FRONT_CONTROLLER = re.compile(r"^(?:index|default)\.(?:php|html?|aspx?|jsp)$", re.IGNORECASE)
# URL shapes typical of single articles: a date, a long numeric id, or a long slug.
ARTICLE_URL = re.compile(r"(/20\d\d[/-]?\d\d[/-]?\d\d|/20\d\d/\d{1,2}/|\d{4,}|/[\w-]*[a-z][\w-]*-[\w-]+-[\w-]+)",
                         re.IGNORECASE)
# A last segment that reads like a headline: three or more words joined by - or _, one of them a word.
SLUG = re.compile(r"^[^\W_]+(?:[-_][^\W_]+){2,}(?:\.\w{2,5})?$")
SLUG_WORD = re.compile(r"^[^\W\d_]{2}")  # two of its parts must be words: "list_3_2.html" is a page of a list
MIN_BODY_CHARS = 280  # after cleaning; CJK characters count double (denser script)
# A page the URL patterns or the page type call an article may be a short news brief: enough if it
# has this much text in at least MIN_SHORT_PARAGRAPHS prose paragraphs (a paywall teaser has one).
MIN_SHORT_BODY_CHARS = 200
MIN_SHORT_PARAGRAPHS = 2
MAX_LINK_DENSITY = 0.55


def classify_page(tree, doc, url: str, body: str, source: dict, lines: list[str] | None = None) -> tuple[str, str | None]:
    """Article-vs-index gate: URL patterns, page type, structured data, URL shape, body length, link density.
    `lines` is meta.visible_lines(tree) when the caller has it (saves walking the page again)."""
    parts = urlsplit(url)
    path = parts.path or "/"
    patterns = source.get("article_url_patterns") or []
    by_pattern = any(re.search(p, url) for p in patterns) if patterns else None
    marked = _marked_as_article(tree, doc)
    if path == "/" and not marked:
        return "not_article", "home page"
    if by_pattern is False:
        return "not_article", "url does not match article_url_patterns"
    if by_pattern is None and not marked and is_listing_url(path, parts.query):
        return "not_article", "listing url"
    if _link_density(tree, lines) > MAX_LINK_DENSITY and not (marked or by_pattern):
        return "not_article", "link density"
    if _weighted_length(body) < MIN_BODY_CHARS and not ((marked or by_pattern) and _is_brief(body)):
        looks = marked or by_pattern or bool(ARTICLE_URL.search(path))
        return ("empty", "no body after cleaning") if looks else ("not_article", "too little text")
    return "article", None


def is_listing_url(path: str, query: str = "") -> bool:
    """A URL shaped like a listing: a listing word as a folder or as the page ("/tag/ai.html", "/about",
    "/news/list_2.html"), a page/tag/search query, or a folder URL whose last segment is not a slug
    ("/news/", but not "/2012/05/31/das-ministerium-informiert/")."""
    if LISTING_QUERY.search(query or ""):
        return True
    segments = [s for s in path.split("/") if s and not FRONT_CONTROLLER.match(s)]
    if not segments:
        return True
    *folders, last = segments
    if any(LISTING_SEGMENT.match(s) for s in folders):
        return True
    if _is_slug(last):  # "/news/about-the-new-chip-rules.html" is a headline, not the about page
        return False
    folder_like = path.endswith("/") or bool(FRONT_CONTROLLER.match(path.rsplit("/", 1)[-1]))
    return folder_like or bool(LISTING_SEGMENT.match(last))


def _is_slug(segment: str) -> bool:
    """A path segment that reads like a headline ("about-the-new-chip-rules.html")."""
    if not SLUG.match(segment):
        return False
    parts = re.split(r"[-_]", re.sub(r"\.\w{2,5}$", "", segment))
    return sum(bool(SLUG_WORD.match(p)) for p in parts) >= 2


def _marked_as_article(tree, doc) -> bool:
    if doc is not None and (doc.pagetype or "").lower() in ARTICLE_TYPES:
        return True
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        for t in re.findall(r'"@type"\s*:\s*(?:\[\s*)?"([^"]+)"', script):
            if t.lower() in ARTICLE_TYPES:
                return True
    return False


def _link_density(tree, lines: list[str] | None = None) -> float:
    """Share of the page's visible text that sits inside links: listings are mostly links."""
    body = tree.find("body") if tree.find("body") is not None else tree
    # the head holds no visible text, so the whole page's lines are the body's
    total = len("".join(meta.visible_lines(body) if lines is None else lines))
    linked = sum(len(" ".join(a.text_content().split())) for a in body.iter("a"))
    return linked / total if total else 0.0  # no text at all is an empty page, not a list of links


def _is_brief(body: str) -> bool:
    """A short story: a few prose paragraphs, not a lone teaser or leftover labels."""
    prose = sum(clean.is_prose(p) for p in body.split("\n\n"))
    return prose >= MIN_SHORT_PARAGRAPHS and _weighted_length(body) >= MIN_SHORT_BODY_CHARS


def _weighted_length(text: str) -> int:
    cjk = len(re.findall(r"[\u3400-\u9fff]", text))
    return len(text) + cjk
