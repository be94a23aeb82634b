"""Escaping helpers for crawled text: every value is escaped before it is wrapped in a tag."""
from __future__ import annotations

import json
import re
import urllib.parse
from typing import Any

from markupsafe import Markup, escape

# Search snippets mark matches with two private-use characters (SQL: char(57344),
# char(57345)), never with HTML, so the text can be escaped before <mark> is added.
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
_MARKED = re.compile(f"{MARK_OPEN}(.*?){MARK_CLOSE}", re.DOTALL)
_PARAGRAPH_SPLIT = re.compile(r"\n[ \t\r\f\v]*\n")
_UNSAFE_IN_URL = re.compile(r"[\s\x00-\x1f\x7f]")


def highlight(snippet: Any) -> Markup:
    """Escaped snippet text with the marked matches wrapped in <mark>."""
    text = "" if snippet is None else str(snippet)
    out, last = [], 0
    for match in _MARKED.finditer(text):
        out.append(escape(_unmarked(text[last:match.start()])))
        out.append(Markup("<mark>{}</mark>").format(_unmarked(match.group(1))))
        last = match.end()
    out.append(escape(_unmarked(text[last:])))
    return Markup("").join(out)


def _unmarked(text: str) -> str:
    return text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")


def paragraphs(body: Any) -> list[str]:
    """The body's paragraphs (separated by a blank line), stripped, empty ones dropped."""
    if not isinstance(body, str):
        return []
    parts = _PARAGRAPH_SPLIT.split(body.replace("\r\n", "\n"))
    return [part.strip() for part in parts if part.strip()]


def parse_tags(value: Any) -> list[str]:
    """The tags column (a JSON array of strings) as a list; anything else gives []."""
    try:
        tags = json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return []
    if not isinstance(tags, list):
        return []
    return [tag for tag in tags if isinstance(tag, str) and tag.strip()]


def is_http_url(value: Any) -> bool:
    """True for an http(s) URL with a host and no whitespace or control characters."""
    if not isinstance(value, str):
        return False
    lowered = value.lower()
    if not (lowered.startswith("http://") or lowered.startswith("https://")):
        return False
    if _UNSAFE_IN_URL.search(value):
        return False
    try:
        parsed = urllib.parse.urlsplit(value)
    except ValueError:
        return False
    return parsed.scheme.lower() in ("http", "https") and bool(parsed.netloc)


def safe_url(value: Any) -> str | None:
    """The URL if it may become a link (http/https only), else None."""
    value = value.strip() if isinstance(value, str) else value
    return value if is_http_url(value) else None


def one_line(text: Any, limit: int = 0) -> str:
    """Whitespace collapsed to single spaces, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(str(text or "").split())
    if limit and len(flat) > limit:
        return flat[: limit - 1].rstrip() + "\u2026"
    return flat


def query_string(**params: Any) -> str:
    """``?a=1&b=2`` from the non-empty params (empty string when none)."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return "?" + urllib.parse.urlencode(kept) if kept else ""
