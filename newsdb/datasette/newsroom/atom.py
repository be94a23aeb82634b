"""An Atom 1.0 (RFC 4287) renderer for queries returning ``atom_*`` columns.

Same column contract as the datasette-atom plugin (``atom_id``, ``atom_title``,
``atom_updated`` required; ``atom_link``, ``atom_content``, ``atom_author_name`` optional),
written here because datasette-atom 0.9 answers 500 when a filter matches no row
(``max()`` of no dates), when crawled text holds a control character (lxml refuses it)
and when a date has no UTC offset. This one escapes through ElementTree, drops the
characters XML cannot carry, links only http(s) URLs, and sends plain-text content only.
"""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from datasette.utils.asgi import Response

from .text import safe_url

ATOM_NS = "http://www.w3.org/2005/Atom"
REQUIRED = {"atom_id", "atom_title", "atom_updated"}
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
EPOCH = "1970-01-01T00:00:00Z"


def can_render(columns) -> bool:
    return REQUIRED.issubset(columns or [])


def xml_text(value) -> str:
    return _NOT_XML.sub("", "" if value is None else str(value))


def atom_date(value) -> str | None:
    """RFC 3339 in UTC; naive times are taken as UTC; None when unparsable."""
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _add(parent, tag: str, text=None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def _entry(feed, row: dict) -> str:
    entry = _add(feed, "entry")
    _add(entry, "id", row["atom_id"])
    _add(entry, "title", row["atom_title"] or "(untitled)")
    updated = atom_date(row["atom_updated"]) or EPOCH
    _add(entry, "updated", updated)
    link = safe_url(row.get("atom_link"))
    if link:
        _add(entry, "link", href=link, rel="alternate")
    if row.get("atom_author_name"):
        _add(_add(entry, "author"), "name", row["atom_author_name"])
    if row.get("atom_content"):
        _add(entry, "content", row["atom_content"], type="text")
    return updated


def atom_feed(rows: list[dict], title: str, feed_id: str, self_url: str) -> bytes:
    """The feed document for ``rows`` (dicts with the atom_* columns), newest first."""
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    _add(feed, "id", feed_id)
    _add(feed, "title", title)
    updated = _add(feed, "updated")
    _add(feed, "link", href=self_url, rel="self")
    _add(_add(feed, "author"), "name", "newsdb")
    _add(feed, "generator", "newsdb")
    dates = [_entry(feed, row) for row in rows]
    updated.text = max(dates, default=EPOCH)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def feed_title(datasette, database: str, query_name, request) -> str:
    title = "newsdb"
    if query_name:
        queries = datasette.metadata("queries", database=database) or {}
        title = (queries.get(query_name) or {}).get("title") or query_name
    filters = [f"{key}: {request.args.get(key)}" for key in ("source", "q") if request.args.get(key)]
    return f"{title} ({', '.join(filters)})" if filters else title


def render_atom(datasette, request, columns, rows, database, query_name):
    if not can_render(columns):
        return Response.text("The query must return atom_id, atom_title and atom_updated", status=400)
    records = [dict(zip(columns, row)) for row in rows]
    body = atom_feed(records, feed_title(datasette, database, query_name, request),
                     request.url, request.url)
    return Response(body, content_type="application/atom+xml; charset=utf-8")
