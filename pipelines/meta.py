"""Find article metadata (date, credited outlet, author, tags, category, language) in a parsed page.

Pure functions over an lxml tree and its visible lines; nothing here raises on odd pages.
"""
from __future__ import annotations

import email.utils
import html
import json
import re
import warnings
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Any, Iterator, Sequence

from dateutil import parser as dateutil_parser
from lxml import etree

from pipelines.clean import normalise_ws

# ---------------------------------------------------------------- visible text

_INVISIBLE = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg",
              "iframe", "object", "canvas", "select", "option", "datalist"}
_BLOCK = {"address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl",
          "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
          "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
          "table", "tbody", "thead", "tfoot", "td", "th", "tr", "ul", "body", "html", "caption",
          "center", "menu", "legend"}


def visible_lines(tree: Any) -> list[str]:
    """The page's visible text, one line per block element, whitespace-normalised, no empties."""
    parts: list[str] = []
    walker = etree.iterwalk(tree, events=("start", "end", "comment", "pi"))  # in C: no recursion limit
    for event, el in walker:
        if event == "start":
            tag = el.tag.lower()
            if tag in _INVISIBLE:
                walker.skip_subtree()  # its end event still comes, with its tail
                continue
            if tag in _BLOCK:
                parts.append("\n")
            if el.text:
                parts.append(el.text)
            continue
        if event == "end" and el.tag.lower() in _BLOCK:
            parts.append("\n")
        if el.tail and el is not tree:  # after an element, a comment or a processing instruction
            parts.append(el.tail)
    return [line for line in (normalise_ws(x) for x in "".join(parts).split("\n")) if line]


# ---------------------------------------------------------------- dates

_MONTHS = ("jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
           "july|august|september|october|november|december")
_TIME = r"(?:\s*(?:T|,?\s)\s*\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|JST|HKT|SGT))?)?"
# One regex per family, used to find a date inside a longer line of visible text.
_DATE_IN_TEXT = re.compile(
    r"(?:\d{4}-\d{1,2}-\d{1,2}" + _TIME + r")"
    r"|(?:\d{4}/\d{1,2}/\d{1,2}" + _TIME + r")"
    r"|(?:\d{4}\.\d{1,2}\.\d{1,2}" + _TIME + r")"
    r"|(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日" + _TIME + r")"
    r"|(?:(?:" + _MONTHS + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}" + _TIME + r")"
    r"|(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:" + _MONTHS + r")\.?,?\s+\d{4}" + _TIME + r")",
    re.IGNORECASE,
)
_SLASH_OR_DOT = re.compile(
    r"^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_CHINESE = re.compile(
    r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$")
_HAS_MONTH_NAME = re.compile(r"\b(?:" + _MONTHS + r")\b", re.IGNORECASE)
_DATE_LABEL = re.compile(
    r"(?:发布时间|发布日期|发表时间|发表于|发布于|时间|日期|published(?: on)?|posted(?: on)?|"
    r"date)\s*[:：]?\s*", re.IGNORECASE)
_UPDATED_LABEL = (r"(?:更新时间|更新于|最后更新|修改时间|(?:last )?(?:updated|modified|edited)(?: on| at)?|"
                  r"本帖最后由.{1,30}?于|last edited by .{1,40}? (?:on|at))"
                  r"\s*[:：]?\s*")
_UPDATED_DATE = re.compile(_UPDATED_LABEL + "(?:" + _DATE_IN_TEXT.pattern + ")", re.IGNORECASE)
_URL_DATE = re.compile(
    r"(?<!\d)(\d{4})[/_-]?(\d{2})[/_-]?(\d{2})(?!\d)|/(\d{4})(\d{2})/t?(\d{2})\b|/t(\d{4})(\d{2})(\d{2})_")
MIN_YEAR = 1970
TEXT_DATE_LINES = 80  # "near the top": dates further down are related-article lists, comments
NEAR_TITLE_LINES = 6  # a byline sits this close to the headline


def _ints(*groups: str | None) -> list[int]:
    """Regex groups as ints, missing ones as 0."""
    return [int(g) if g else 0 for g in groups]


def _parse_formats(value: str) -> datetime | None:
    """Parse the supported formats, most specific first; None when none fits."""
    try:  # Python 3.11 reads every ISO 8601 form here, "Z" included
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    for pattern in (_SLASH_OR_DOT, _CHINESE):
        m = pattern.match(value)
        if m:
            y, mo, d, h, mi, s = _ints(*m.groups())
            return datetime(y, mo, d, h, mi, s)
    if re.match(r"^[A-Za-z]{3},?\s+\d{1,2}\s+[A-Za-z]{3}\s+\d{4}", value):  # RFC 822 feed dates
        return email.utils.parsedate_to_datetime(value)
    # month names only with day and year: dateutil fills a missing day from today
    value = re.sub(r"^[a-z]+day,?\s+", "", value, flags=re.IGNORECASE)
    if _HAS_MONTH_NAME.search(value) and _DATE_IN_TEXT.fullmatch(value):
        with warnings.catch_warnings():  # unknown tz abbreviations warn and come back naive
            warnings.simplefilter("ignore")
            return dateutil_parser.parse(value)
    return None


def _is_future(dt: datetime, now: datetime | None) -> bool:
    """Later than now plus one day; naive values compare as wall-clock (the day absorbs the offset)."""
    now = now or datetime.now(timezone.utc)
    if dt.tzinfo is None or now.tzinfo is None:
        dt = dt.astimezone(timezone.utc).replace(tzinfo=None) if dt.tzinfo else dt
        now = now.astimezone(timezone.utc).replace(tzinfo=None) if now.tzinfo else now
    return dt > now + timedelta(days=1)


def parse_date(value: str, now: datetime | None = None) -> datetime | None:
    """A datetime from one date string (aware when it has an offset); None for garbage or future."""
    value = normalise_ws(str(value or ""))
    if not value or len(value) > 64:
        return None
    try:
        dt = _parse_formats(value)
    except (ValueError, TypeError, OverflowError, IndexError):
        return None
    if dt is None or dt.year < MIN_YEAR:
        return None
    if dt.tzinfo is not None and dt.utcoffset() is None:
        dt = dt.replace(tzinfo=None)
    return None if _is_future(dt, now) else dt


def _iso(dt: datetime) -> str:
    """ISO 8601 to the second, with the offset when the datetime has one."""
    return dt.replace(microsecond=0).isoformat(timespec="seconds")


def find_date(text: str, now: datetime | None = None) -> datetime | None:
    """The first parseable, non-future date inside a line of text."""
    for m in _DATE_IN_TEXT.finditer(text):
        candidate = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", m.group(0).strip())
        dt = parse_date(candidate, now)
        if dt is not None:
            return dt
    return None


def _date_from_url(url: str, now: datetime | None) -> datetime | None:
    """A date in the URL path: /2025/02/14/, /2025-02-14/, /20250214/, /202502/t20250214_1.html."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url or "", flags=re.IGNORECASE)
    for m in _URL_DATE.finditer(path):
        y, mo, d = _ints(*[g for g in m.groups() if g is not None][:3])
        try:
            dt = datetime(y, mo, d)
        except ValueError:
            continue
        if dt.year >= MIN_YEAR and not _is_future(dt, now):
            return dt
    return None


# ---------------------------------------------------------------- JSON-LD and meta tags

_ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "techarticle",
                  "scholarlyarticle", "socialmediaposting", "liveblogposting", "report"}


def _json_ld_nodes(tree: Any) -> Iterator[dict]:
    """Every object in every JSON-LD block, walking @graph and lists; malformed blocks are skipped."""
    for script in tree.xpath('//script[contains(translate(@type,"LDJSON","ldjson"),"ld+json")]'):
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*(?://)?\s*<!\[CDATA\[|(?://)?\s*\]\]>\s*$", "", raw)
        try:
            data = json.loads(raw)
        except ValueError:
            try:  # a common breakage: raw newlines or tabs inside strings
                data = json.loads(raw, strict=False)
            except ValueError:
                continue
        stack = [data]
        while stack:  # every nested object: @graph, lists, mainEntity, isPartOf...
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(reversed(node))
            elif isinstance(node, dict):
                yield node
                stack.extend(v for v in reversed(list(node.values())) if isinstance(v, (dict, list)))


def _types(node: dict) -> set[str]:
    """The node's @type values, lower-cased."""
    t = node.get("@type", ())
    return {str(x).lower() for x in ([t] if isinstance(t, str) else t if isinstance(t, list) else [])}


def _json_ld_values(tree: Any, key: str) -> list[Any]:
    """Values of `key`, article-typed nodes first (a page's WebPage node may carry other dates)."""
    nodes = list(_json_ld_nodes(tree))
    ordered = [n for n in nodes if _types(n) & _ARTICLE_TYPES] + [n for n in nodes if not _types(n) & _ARTICLE_TYPES]
    return [n[key] for n in ordered if n.get(key) not in (None, "", [])]


def _json_ld_raw_dates(tree: Any) -> list[str]:
    """datePublished strings pulled by regex from JSON-LD blocks too broken to parse."""
    out = []
    for script in tree.xpath('//script[contains(translate(@type,"LDJSON","ldjson"),"ld+json")]'):
        out += re.findall(r'"datePublished"\s*:\s*"([^"]{6,40})"', script.text or "")
    return out


_DATE_META = ("article:published_time", "og:published_time", "og:article:published_time",
              "article:published", "pubdate", "publishdate", "publish_date", "publish-date",
              "publication_date", "datepublished", "date", "dc.date.issued", "dcterms.issued",
              "dc.date", "dcterms.date", "sailthru.date", "parsely-pub-date", "weibo:article:create_at")


def _meta_values(tree: Any, names: Sequence[str]) -> list[str]:
    """content of <meta> tags whose name/property/itemprop is in `names`, in `names` order."""
    found: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        content = normalise_ws(el.get("content") or "")
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (el.get(attr) or "").strip().lower()
            if key and content:
                found.setdefault(key, []).append(content)
    return [v for name in names for v in found.get(name, [])]


def _html_date_values(tree: Any) -> list[str]:
    """<time pubdate datetime>, itemprop=datePublished elements (datetime, content, or text)."""
    out = []
    for el in tree.xpath('//time[@pubdate] | //*[@itemprop="datePublished"]'):
        out.append(el.get("datetime") or el.get("content") or normalise_ws(el.text_content()))
    # then the first machine-readable <time> of the article itself (not of a sidebar list)
    out += tree.xpath('(//article//time[@datetime] | //main//time[@datetime] | //header//time[@datetime])[1]/@datetime')
    return out


def published_date(tree: Any, lines: Sequence[str], url: str, hint: Any = None, fallback: str | None = None,
                   now: datetime | None = None, title: str | None = None) -> tuple[str | None, str | None]:
    """(ISO date, where it came from): JSON-LD, meta, text by the headline, feed hint, URL, trafilatura.

    A structured date keeps the wall clock the page shows next to the headline: a UTC value becomes
    the same moment at the page's offset, a bare day gains the time printed on the page.
    """
    shown = _date_from_lines(lines, now, title)
    near = _near_title(lines, title)
    json_ld = [v for v in _json_ld_values(tree, "datePublished") if isinstance(v, str)]
    meta = _meta_values(tree, _DATE_META) + _html_date_values(tree)
    for origin, values in (("json-ld", json_ld + _json_ld_raw_dates(tree)), ("meta", meta)):
        for value in values:
            dt = parse_date(value, now)
            if dt:
                has_time = ":" in value
                clock = shown or (None if has_time else _yearless_shown(near, dt))
                return _iso(_on_page_clock(dt, clock, has_time=has_time)), origin
    # The page's own words come before the feed's: a page reached from a listing has no feed date,
    # and a crawl must store the same date however it reached the page.
    if shown:
        return _iso(shown), "text"
    if hint is not None:
        dt = hint if isinstance(hint, datetime) else parse_date(str(hint), now)
        if dt and not _is_future(dt, now):
            return _iso(dt), "feed"
    dt = _date_from_url(url, now)
    if dt:
        return _iso(dt), "url"
    dt = parse_date(fallback, now) if fallback else None
    return (_iso(dt), "trafilatura") if dt else (None, None)


# "02-12 10:45", "2月12日 10:45": a day and time without the year (mobile pages, recent stories)
_YEARLESS = re.compile(r"(?<![\d/.-])(\d{1,2})(?:[-/.]|\s*月\s*)(\d{1,2})日?\s+(\d{1,2})[:：](\d{2})(?![\d:])")


def _yearless_shown(lines: Sequence[str], day: datetime) -> datetime | None:
    """The time printed beside `day` when the page shows it without the year, from the first line
    that has that month and day with a time."""
    for line in lines:
        for m in _YEARLESS.finditer(line):
            month, mday, hour, minute = map(int, m.groups())
            if (month, mday) == (day.month, day.day) and hour < 24 and minute < 60:
                return day.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return None


MAX_UTC_OFFSET = timedelta(hours=14)


def _on_page_clock(dt: datetime, shown: datetime | None, has_time: bool) -> datetime:
    """`dt` as the page shows it: at the offset between it and the shown wall-clock time (same moment),
    or the shown time when `dt` is only a day and the page prints that day with a time."""
    if shown is None or shown.tzinfo is not None or (shown.hour, shown.minute) == (0, 0):
        return dt
    if not has_time:
        return shown if shown.date() == dt.date() else dt
    if dt.tzinfo is None:
        return dt
    offset = shown - dt.astimezone(timezone.utc).replace(tzinfo=None, second=0, microsecond=0)
    if abs(offset) > MAX_UTC_OFFSET or offset.total_seconds() % 900:  # offsets are whole quarter hours
        return dt
    return dt.astimezone(timezone(offset))


def _near_title(lines: Sequence[str], title: str | None) -> list[str]:
    """The top lines, those just below the headline first, then those just above it (bylines sit
    by the headline; a "today is ..." date sits in the page header)."""
    top = [line for line in lines[:TEXT_DATE_LINES] if len(line) <= 300]
    key = normalise_ws(title or "").casefold()
    at = next((i for i, line in enumerate(top) if key and line.casefold().startswith(key)
               and len(line) <= len(key) + 40), None)
    if at is None:
        return top
    near = top[at:at + NEAR_TITLE_LINES] + top[max(0, at - NEAR_TITLE_LINES):at][::-1]
    return near + [line for line in top if line not in near]


def _date_from_lines(lines: Sequence[str], now: datetime | None, title: str | None = None) -> datetime | None:
    """A labelled date ("发布时间：", "Published:") by the headline, else the first date there;
    dates labelled as updates ("Last updated:", "更新时间：") are not publication dates."""
    candidates = [_UPDATED_DATE.sub(" ", line) for line in _near_title(lines, title)]
    for line in candidates:
        for m in _DATE_LABEL.finditer(line):
            dt = find_date(line[m.end():m.end() + 60], now)
            if dt and _DATE_IN_TEXT.match(line[m.end():m.end() + 60]):
                return dt
    for line in candidates:
        dt = find_date(line, now)
        if dt:
            return dt
    return None


# ---------------------------------------------------------------- credited outlet, author

# Labels with a colon may sit mid-line ("发布时间：... 来源：新华网"); phrases only open a line, so
# "...originally published on other editions of CNET..." in a legal notice is not a credit.
_SOURCE_LABEL = re.compile(
    r"(?:(?:文章|新闻|信息|稿件|内容|本文)?来源\s*[:：]|来自\s*[:：]|(?<![A-Za-z])(?:source|via)\s*[:：]|"
    r"(?:本文)?转载自\s*[:：]?|^(?:本文)?转自\s*[:：]?|"
    r"^originally (?:published|appeared) (?:by|in|on|at)\s+|"
    r"^(?:reposted|reprinted|republished|reproduced) (?:from|courtesy of)\s+|"
    r"(?:^|©\s*)provided by\s+|^continue reading (?:on|at)\s+|^read (?:the )?(?:full|original) (?:story|article) (?:on|at)\s+|"
    r"^this article was (?:reprinted|republished|reproduced|originally published) (?:from|by|in|on)\s+)",
    re.IGNORECASE)
_NEXT_LABEL = re.compile(
    r"(?:作者|编辑|责任编辑|责编|记者|时间|发布时间|日期|浏览|阅读|点击|字号|来源|分享|"
    r"(?<![A-Za-z])(?:author|editor|by|date|published|posted|updated|time|views?|share|source)\b\s*[:：]?)",
    re.IGNORECASE)
_VALUE_END = re.compile(r"[,，;；。!！?？|｜()（）\[\]【】<>《》\"“”•]|\.(?:\s|$)|\s[-–—/·]\s|\s{2,}")
_NOT_AN_OUTLET = re.compile(
    r"^(?:this site|this website|our site|the internet|internet|web|online|网络|互联网|本站|本网|"
    r"本网站|本平台|原创|网友投稿|网友|unknown|未知|n/?a|none|admin)$", re.IGNORECASE)
_AUTHOR_LABEL = re.compile(
    # Chinese labels need their colon: "版权归原作者所有" and "记者了解到" are sentences, not bylines
    r"(?:(?:作者|撰文|撰稿|记者)\s*[:：丨|]|文\s*/|(?<![A-Za-z])(?:author|written by|story by|reporter)(?![A-Za-z])\s*[:：]?|^by\s)\s*",
    re.IGNORECASE)
_BYLINE_PREFIX = re.compile(r"^(?:view all posts by|posted by|written by|(?:story|words|text|reporting) by|by|von|"
                            r"author\s*[:：]?)\s+", re.IGNORECASE)
MAX_NAME_CHARS = 60


def _clip(value: str) -> str:
    """Trim punctuation and clip to MAX_NAME_CHARS at a word boundary."""
    value = value.strip(" :：,，.;；-–—|·/›»>•")
    if len(value) > MAX_NAME_CHARS:
        cut = value[:MAX_NAME_CHARS]
        value = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return value


def _label_value(text: str) -> str:
    """The value after a label, stopped at the next label, a date, or clause punctuation."""
    stops = [m.start() for m in (_NEXT_LABEL.search(text), _DATE_IN_TEXT.search(text), _VALUE_END.search(text)) if m]
    stops += [m.start() for m in re.finditer(r"\d{4}[-/.年]\d{1,2}", text)][:1]
    return _clip(text[: min(stops)] if stops else text)


def _site_names(tree: Any) -> set[str]:
    """The aggregator's own names (og:site_name, application-name), case-folded."""
    return {v.casefold() for v in _meta_values(tree, ("og:site_name", "application-name", "twitter:site"))}


def _ok_outlet(value: str, own: set[str]) -> bool:
    """A plausible outlet name: non-empty, not "this site"/"网络", not the aggregator itself."""
    return bool(value) and not _NOT_AN_OUTLET.match(value) and value.casefold().lstrip("@") not in own


def original_source(tree: Any, lines: Sequence[str]) -> str | None:
    """The outlet the aggregator credits ("Source: Reuters", "来源：新华网"), or None."""
    own = _site_names(tree)
    for line in lines:
        if len(line) > 300:  # labels live in short meta lines, not in prose paragraphs
            continue
        for m in _SOURCE_LABEL.finditer(line):
            value = _label_value(line[m.end():].lstrip(" :："))
            if _ok_outlet(value, own):
                return value
    for value in _meta_values(tree, ("source", "article:source", "og:source", "original-source", "citation_publisher")):
        value = _clip(value)
        if _ok_outlet(value, own) and not value.lower().startswith("http"):
            return value
    return None


def _names(value: Any) -> list[str]:
    """Author names from a JSON-LD author value: string, {"name"}, or a list of either."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


# Site accounts, not people: "admin", "adminPosted on" (two inline elements glued), "小编".
_ACCOUNT = re.compile(r"^(?:admin|administrator|webmaster|site ?admin|staff|editor|anonymous|管理员|小编|网站编辑|佚名|匿名)"
                      r"(?-i:(?![a-z]))|^[\u4e00-\u9fff]{0,6}小编$",
                      re.IGNORECASE)


def _ok_person(value: str, own: set[str]) -> bool:
    """A plausible author: short, not a URL, not the site, not a site account."""
    return bool(value) and len(value) <= MAX_NAME_CHARS and not value.lower().startswith(("http", "www.")) \
        and value.casefold() not in own and not _NOT_AN_OUTLET.match(value) and not _ACCOUNT.match(value)


def author(tree: Any, lines: Sequence[str], fallback: str | None = None, not_: str | None = None) -> str | None:
    """Author from JSON-LD, meta/rel=author, a "作者："/"By" line, else trafilatura's; never `not_`
    (the credited outlet) or a site account such as "admin"."""
    own = _site_names(tree) | ({not_.casefold()} if not_ else set())
    # "Discuz! X3.4" -> "discuz": a CMS's own credit ("Discuz! Team", "Discuz Team") is not a byline
    software = [w for g in _meta_values(tree, ("generator",)) for w in re.findall(r"^[^\W\d_]{3,}", g.casefold())]
    candidates = [n for v in _json_ld_values(tree, "author") for n in _names(v)]
    candidates += [v for v in _meta_values(tree, ("author", "article:author", "dc.creator", "byl", "parsely-author",
                                                   "sailthru.author")) if not any(w in v.casefold() for w in software)]
    candidates += [normalise_ws(el.text_content()) for el in tree.xpath('//*[@rel="author" or @itemprop="author"]')]
    for value in candidates:
        value = _clip(_BYLINE_PREFIX.sub("", normalise_ws(html.unescape(value))))
        if _ok_person(value, own):
            return value
    for line in lines[:TEXT_DATE_LINES]:
        if len(line) > 200:
            continue
        m = _AUTHOR_LABEL.search(line)
        if m:
            value = _label_value(line[m.end():])
            if _ok_person(value, own):
                return value
    fallback = _clip(_BYLINE_PREFIX.sub("", normalise_ws(fallback or "")))
    made_by_software = any(w in fallback.casefold() for w in software)
    names_outlet = bool(not_) and not_.casefold() in fallback.casefold()  # "Source Pine Valley Gazette"
    return fallback if _ok_person(fallback, own) and not made_by_software and not names_outlet else None


# ---------------------------------------------------------------- tags, category

_TAG_LABEL_PATTERN = r"(?:tags?|keywords?|标签|关键词|关键字|tag标签)\s*[:：]"
_TAG_LINE = re.compile(rf"^{_TAG_LABEL_PATTERN}\s*(.+)$", re.IGNORECASE)
_TAG_SPLIT = re.compile(r"\s*[,，、;；|｜/]\s*")
MAX_TAG_CHARS = 40


def _words(text: str) -> list[str]:
    """Lower-cased word/ideograph tokens, punctuation ignored (for prefix-of-title tests)."""
    return re.findall(r"[\u3400-\u9fff]|[^\W_]+", text.casefold())


def _split_tags(value: Any) -> list[str]:
    """A tag value (list or delimited string) as separate tags; CJK lists may be space-separated."""
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _split_tags(v)]
    if not isinstance(value, str):
        return []
    parts = _TAG_SPLIT.split(normalise_ws(value))
    if len(parts) == 1 and re.search(r"[\u3400-\u9fff]", parts[0]) and " " in parts[0]:
        parts = parts[0].split(" ")
    return [p.strip(" #＃") for p in parts]


def _title(tree: Any) -> str:
    """The page title: og:title, else <title>, else the first h1."""
    for value in _meta_values(tree, ("og:title", "twitter:title")):
        return value
    for xpath in ("//title", "//h1"):
        els = tree.xpath(xpath)
        if els:
            return normalise_ws(els[0].text_content())
    return ""


def _linked_tags(tree: Any, lines: Sequence[str] = ()) -> list[str]:
    """The link texts of a "Tags: <a>..</a> <a>..</a>" block: links say where one tag ends. With the
    page's visible lines given, a page none of whose lines holds a "Tags:" label is not searched."""
    text = "\n".join(lines) if lines else _ALL_TEXT(tree)
    words = _TAG_WORD_IN_LINE.findall(text)  # (word as spelt, what follows it if a label's colon)
    if lines and not any(colon for _, colon in words):
        return []
    holders = _label_holders(tree, tuple(sorted({word for word, _ in words})))
    for el in tree.iter("div", "p", "span", "li", "dd", "section", "footer"):
        if el not in holders:  # its text cannot open with a label: not worth reading it whole
            continue
        text = normalise_ws(el.text_content())
        if len(text) <= 300 and _TAG_LINE.match(text):
            names = [normalise_ws(a.text_content()) for a in el.iter("a")]
            if names:
                return [n for n in names if n]
    return []


# A tag label word, and the colon that makes it a label (_TAG_LABEL_PATTERN, one search for both;
# "\s" stays within a line, as lines are whitespace-normalised)
_TAG_WORD_IN_LINE = re.compile(r"(tag|keyword|标签|关键词|关键字)((?<=[gd])s?[^\S\n]*[:：]|[^\S\n]*[:：])?", re.IGNORECASE)
_ALL_TEXT = etree.XPath("string()")


@lru_cache(maxsize=64)
def _text_nodes_holding(spellings: tuple[str, ...]) -> etree.XPath:
    """The text and tail nodes containing any of these spellings (letters only, so safe to quote)."""
    return etree.XPath("//text()[" + " or ".join(f"contains(., '{s}')" for s in spellings) + "]")


def _label_holders(tree: Any, spellings: tuple[str, ...]) -> set:
    """The elements holding a text with a tag label word in it (as spelt on the page), and their
    ancestors. XPath finds the texts in C: a Python walk of every element cost ~1 ms a page."""
    holders: set = set()
    if not spellings:
        return holders
    for node in _text_nodes_holding(spellings)(tree):
        holder = node.getparent()
        if node.is_tail:  # a tail is text inside its element's parent
            holder = holder.getparent()
        while holder is not None and holder not in holders:
            holders.add(holder)
            holder = holder.getparent()
    return holders


def _is_run_of(words: list[str], title_words: list[str]) -> bool:
    """True when `words` appear together, in order, in the title."""
    n = len(words)
    return any(title_words[i:i + n] == words for i in range(len(title_words) - n + 1))


def tags(tree: Any, lines: Sequence[str], fallback: Any = None) -> list[str]:
    """Tags from meta keywords/article:tag, JSON-LD keywords, "Tags:" lines, trafilatura; deduped."""
    title_words = _words(_title(tree))
    raw: list[str] = []
    raw += _split_tags(_meta_values(tree, ("article:tag", "keywords", "news_keywords")))
    raw += _split_tags(_json_ld_values(tree, "keywords")[:1])
    linked = _linked_tags(tree, lines)
    raw += linked
    for line in lines if not linked else ():
        m = _TAG_LINE.match(line)
        if m and len(line) <= 300:
            raw += _split_tags(m.group(1))
    raw += _split_tags(fallback or [])
    out, seen = [], set()
    for tag in raw:
        words = _words(tag)
        if not tag or len(tag) > MAX_TAG_CHARS or tag.casefold() in seen or not words:
            continue
        if len(words) >= 5 and _is_run_of(words, title_words):  # junk tag cut from the title
            continue
        seen.add(tag.casefold())
        out.append(tag)
    return out


_BREADCRUMB_SPLIT = re.compile(r"\s*(?:>>|>|›|»|＞|→|/|\\)\s*")
_BREADCRUMB_START = re.compile(
    r"^(?:(?:当前位置|您的位置|你的位置|您现在的位置|所在位置|位置|current location|you are here|location)\s*[:：]\s*)?"
    r"(?:home|homepage|首页|主页|网站首页)\s*(?:>>|>|›|»|＞|→|/)", re.IGNORECASE)
_GENERIC_CRUMB = re.compile(r"^(?:正文|内容|详情|详细内容|查看内容|文章|门户|article|details?|content|news|新闻|资讯|home|"
                            r"首页|主页|portal)$", re.IGNORECASE)


def _breadcrumb_items(tree: Any, lines: Sequence[str]) -> list[str]:
    """Breadcrumb items after the home link: from an element with a breadcrumb class, else from a
    "Home > ..." line."""
    for el in tree.xpath('//*[contains(@class,"breadcrumb") or contains(@id,"breadcrumb") or contains(@class,"crumb")]'):
        entries = el.xpath(".//a | .//li[not(.//a)] | .//span[not(.//a) and not(.//span)]")
        texts = [normalise_ws(e.text_content()) for e in entries]
        texts = [t for t in texts if t and not _BREADCRUMB_SPLIT.fullmatch(t)]
        if len(texts) >= 2:  # a trail, even when it repeats its section ("Money › Money")
            inner = [normalise_ws(e.text_content()) for e in entries if not _is_home_link(e)]
            return [t for t in dict.fromkeys(inner) if t and not _BREADCRUMB_SPLIT.fullmatch(t)]
    for el in tree.xpath("//div[a][count(a) >= 2] | //p[a][count(a) >= 2] | //nav[a][count(a) >= 2]"):
        trail = _trail(el)
        if trail is not None:
            return trail
    for line in lines[:TEXT_DATE_LINES]:
        if _BREADCRUMB_START.match(line) and len(line) <= 200:
            text = re.sub(r"^[^:：]*[:：]\s*", "", line) if re.match(r"^[^>›»＞]*[:：]", line) else line
            return [i for i in _BREADCRUMB_SPLIT.split(text) if i][1:]
    return []


def _trail(el: Any) -> list[str] | None:
    """The crumbs of "Site › Section › Sub › 查看内容" (first link to the home page, only separators
    between the links), without the home link; None when the element is not such a trail."""
    links = el.findall("a")
    if not _is_home_link(links[0]):
        return None
    between = "".join([(el.text or "")] + [a.tail or "" for a in links[:-1]])
    between += "".join(normalise_ws(c.text_content()) for c in el if c.tag != "a")
    if re.sub(r"[\s›»>＞→/|·]+", "", between) or not re.search(r"[›»>＞→/]", between):
        return None  # "Home | App | About us" is a menu: a trail has arrows
    tail = normalise_ws(links[-1].tail or "").strip("›»>＞→/ ")
    items = [normalise_ws(a.text_content()) for a in links[1:]] + ([tail] if tail else [])
    return [i for i in items if i]


def _is_home_link(el: Any) -> bool:
    """A crumb that leads to the home page: href "/", "/en-us/", the site root, or a "Home" label."""
    path = re.sub(r"^[a-z]+://[^/]+", "", (el.get("href") or "").strip(), flags=re.IGNORECASE)
    home = el.tag == "a" and re.fullmatch(r"\.?/?(?:[a-z]{2}(?:[-_][a-z]{2})?/?)?(?:index\.\w+)?", path, re.IGNORECASE)
    return bool(home) or bool(_GENERIC_CRUMB.match(normalise_ws(el.text_content())))


def _looks_like_title(item: str, title: str) -> bool:
    """A crumb that is (part of) the page title, or too long to be a section name."""
    words = " ".join(_words(item))
    cjk = bool(re.search(r"[\u3400-\u9fff]", item))
    too_long = len(item) > 15 if cjk else (len(item) > 40 or len(words.split()) > 5)
    as_words = lambda text: f" {text} "  # whole words: "local" is not part of "... for Local News"
    long_crumb = len(words.split()) > (MAX_CJK_SECTION_CHARS if cjk else 3)  # "江城新闻" is a section name
    return too_long or bool(title and (words == title or long_crumb) and (as_words(words) in as_words(title) or as_words(title) in as_words(words)))


MAX_CJK_SECTION_CHARS = 6
_TITLE_PARTS = re.compile(r"\s*(?:_|｜|\s[-|–—]\s)\s*")


# class="channel-chip", "article-category", "kicker": one element naming the story's section
# ("m-channels", "category-list" are menus of every section)
_SECTION_CLASS = re.compile(r"(?:^|[-_])(?:category|channel|kicker|column|section-name)(?:[-_](?:chip|name|tag|label|title))?$",
                            re.IGNORECASE)


def _labelled_section(tree: Any) -> str | None:
    """The text of the first short element whose class says it names the section."""
    for el in tree.xpath("//body//*[@class]"):
        if el.tag in ("nav", "ul", "ol", "select") or len(el.xpath(".//a")) > 1:
            continue
        if any(_SECTION_CLASS.search(c) for c in el.get("class").split()):
            text = normalise_ws(el.text_content())
            cjk = bool(re.search(r"[\u3400-\u9fff]", text))
            if text and (len(text) <= MAX_CJK_SECTION_CHARS if cjk else len(text.split()) <= 3) \
                    and not _GENERIC_CRUMB.match(text):
                return _clip(text)
    return None


def _title_section(tree: Any) -> str | None:
    """The section in a "Headline_Section_Site" <title> (a common CMS default): the part after the
    page's headline when at least one more part (the site) follows it and it is short."""
    titles = [normalise_ws(t.text_content()) for t in tree.xpath("//title")[:1]]
    parts = [p for p in _TITLE_PARTS.split(titles[0])] if titles else []
    if len(parts) < 3:
        return None
    headings = {normalise_ws(h.text_content()) for h in tree.xpath("//h1 | //h2")}
    section = parts[1]
    cjk = bool(re.search(r"[\u3400-\u9fff]", section))
    short = len(section) <= MAX_CJK_SECTION_CHARS if cjk else 0 < len(section.split()) <= 3
    if parts[0] in headings and short and not _GENERIC_CRUMB.match(section):
        return _clip(section)
    return None


def category(tree: Any, lines: Sequence[str], fallback: Any = None) -> str | None:
    """Section from article:section, JSON-LD articleSection, the breadcrumb, else trafilatura's."""
    for value in _meta_values(tree, ("article:section", "og:article:section", "section")):
        return _clip(value)
    for value in _json_ld_values(tree, "articleSection"):
        value = value[0] if isinstance(value, list) and value else value
        if isinstance(value, str) and value.strip():
            return _clip(value)
    title = " ".join(_words(_title(tree)))
    for item in reversed(_breadcrumb_items(tree, lines)):
        if _GENERIC_CRUMB.match(item) or _looks_like_title(item, title):
            continue  # the last crumb is often the article title itself, or "正文"
        return _clip(item)
    section = _labelled_section(tree) or _title_section(tree)
    if section:
        return section
    if isinstance(fallback, (list, tuple)):
        fallback = next((f for f in fallback if isinstance(f, str) and f.strip()), None)
    return _clip(fallback) if isinstance(fallback, str) and fallback.strip() else None


# ---------------------------------------------------------------- language

_CJK_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
MIN_LANGID_LETTERS = 40  # below this py3langid guesses; the declared lang attribute is better
LANGID_SAMPLE_CHARS = 600  # the opening of a story tells its language as well as all of it, at a fraction of the cost


def _normalise_lang(declared: str | None) -> str | None:
    """"en-US" -> "en", "zh_Hans_CN" -> "zh"; None for empty or non-alphabetic values."""
    code = re.split(r"[-_]", (declared or "").strip().lower())[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def detect_language(text: str, declared: str | None = None) -> str | None:
    """ISO 639-1 code: script shares for zh/ja/ko, py3langid for long text, else `declared`."""
    text = (text or "")[:LANGID_SAMPLE_CHARS]
    letters = sum(ch.isalpha() for ch in text)
    if letters:
        cjk, kana, hangul = (len(p.findall(text)) for p in (_CJK_IDEOGRAPH, _KANA, _HANGUL))
        if kana > 0.1 * letters:
            return "ja"
        if hangul > 0.2 * letters:
            return "ko"
        if cjk > 0.2 * letters:
            return "zh"
    if letters >= MIN_LANGID_LETTERS:
        import py3langid  # imported lazily: loading its model takes a moment

        return py3langid.classify(text)[0]
    return _normalise_lang(declared)

