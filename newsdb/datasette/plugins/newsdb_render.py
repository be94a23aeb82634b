"""Datasette plugin for newsdb: render crawled values safely and readably.

Nothing that came from a crawled page is ever emitted as live HTML: every value is
escaped with ``markupsafe.escape`` before it is wrapped in the few tags built here.

- ``articles.body`` on a row page: escaped ``<p>`` paragraphs (paragraphs are
  separated by a blank line; single newlines become ``<br>``). On table and query
  pages Datasette's default (escaped, truncated) rendering is kept.
- ``tags`` (a JSON array of strings): escaped links to the articles table filtered
  by that tag (``?tags__arraycontains=<tag>``).
- ``duplicate_of`` on row and query pages: a link to the original's row page (table
  pages keep Datasette's own foreign-key link, labelled with the original's title).
- ``snippet`` on query pages (the ``search`` query): escaped, with the matches that
  the query marks with U+E000/U+E001 wrapped in ``<mark>``.
- ``url`` / ``fetched_url``: an escaped link with ``rel="nofollow noopener
  noreferrer"``, only for http(s) URLs; anything else (``javascript:``, ``data:``,
  ...) falls back to Datasette's plain escaped text.

A wrapper around each database's ``execute`` adds a primary-key tie-breaker to
the first page of sorted table pages (see ``add_tiebreak``: a Datasette 0.65.5
keyset-pagination bug that repeats and drops rows otherwise).

The ASGI wrapper also adds ``_size=max`` to streamed CSV requests that lack ``_size``.

Datasette 0.65 does not pass the request to ``render_cell``, so an ``asgi_wrapper``
records the request path in a context variable to tell row pages from table pages.
"""
from __future__ import annotations

import contextvars
import json
import re
import urllib.parse

from datasette import hookimpl
from datasette.utils import truncate_url
from markupsafe import Markup, escape

from newsdb.datasette.newsroom.text import MARK_OPEN, highlight, is_http_url

ARTICLES = "articles"
URL_COLUMNS = {"url", "fetched_url"}
LINK_REL = "nofollow noopener noreferrer"

_request_path: contextvars.ContextVar[str] = contextvars.ContextVar(
    "newsdb_request_path", default=""
)
_PARAGRAPH_SPLIT = re.compile(r"\n[ \t\r\f\v]*\n")


# --- keyset pagination tie-breaker ------------------------------------------------
#
# Datasette 0.65.5 sorts the FIRST page of a sorted table by the sort column only
# ("order by published desc limit 51") but every later page (`_next=`) by the sort
# column plus the primary key ("order by published desc, id") with a keyset
# condition that assumes that order. Rows that tie on the sort column come back in
# index order on page 1 (rowid descending, or by the second column of a composite
# index), so whenever a tie group straddles the page-1 boundary rows are repeated and
# others never shown: on 60k articles, paging the default view (sort_desc published)
# returned 60213 rows of which 59928 distinct, `_sort=source` lost ~5000 rows, and
# `.csv?_stream=on` repeated 356 rows. Articles without a date (published NULL) form
# one big tie group. The fix: append the same primary key tie-breaker to the page-1
# query of the tables below, so that every page uses one order.
TIEBREAK_PK = {"articles": "id", "crawl_runs": "id"}
_TABLE_PAGE_SQL = re.compile(
    r"^(?P<head>select .+? from \[?(?P<table>\w+)\]? (?:where .+)?"
    r"order by \[?(?P<column>\w+)\]?(?: desc)?) (?P<tail>limit \d+)$",
    re.DOTALL,
)


def add_tiebreak(sql: str) -> str:
    """Add the primary key to the ORDER BY of a Datasette table-page query if missing."""
    if not isinstance(sql, str) or not sql.startswith("select "):
        return sql
    match = _TABLE_PAGE_SQL.match(sql)
    if not match:
        return sql
    pk = TIEBREAK_PK.get(match["table"])
    if pk is None or match["column"] == pk:
        return sql
    return f"{match['head']}, {pk} {match['tail']}"


def _install_tiebreak(datasette) -> None:
    for db in list(datasette.databases.values()):
        if getattr(db, "_newsdb_tiebreak", False):
            continue
        original = db.execute

        async def execute(sql, *args, _original=original, **kwargs):
            return await _original(add_tiebreak(sql), *args, **kwargs)

        db.execute = execute
        db._newsdb_tiebreak = True


@hookimpl
def startup(datasette):
    _install_tiebreak(datasette)


@hookimpl
def asgi_wrapper(datasette):
    _install_tiebreak(datasette)

    def wrap(app):
        async def newsdb_path_recorder(scope, receive, send):
            path = scope.get("path", "") if scope.get("type") == "http" else ""
            if path.endswith(".csv"):
                scope = _stream_in_big_pages(scope)
            token = _request_path.set(path)
            try:
                await app(scope, receive, send)
            finally:
                _request_path.reset(token)

        return newsdb_path_recorder

    return wrap


def _stream_in_big_pages(scope):
    """`.csv?_stream=on` without `_size` fetches default_page_size rows per query
    (about 12x slower than max_returned_rows per query): add `_size=max`, as
    Datasette's own export form does."""
    query = scope.get("query_string", b"").decode("latin-1")
    args = urllib.parse.parse_qs(query, keep_blank_values=True)
    if args.get("_stream", [""])[0] and "_size" not in args:
        query = (query + "&" if query else "") + "_size=max"
        scope = dict(scope, query_string=query.encode("latin-1"))
    return scope


def _on_row_page(datasette, database: str, table: str) -> bool:
    """True when the current request is the HTML row page of database/table."""
    path = _request_path.get()
    if not path or not database:
        return False
    try:
        prefix = str(datasette.urls.table(database, table)) + "/"
    except Exception:  # unknown database: be conservative
        return False
    if not path.startswith(prefix):
        return False
    rest = path[len(prefix):]
    return bool(rest) and "/" not in rest


def render_body(text: str) -> Markup:
    paragraphs = [p.strip() for p in _PARAGRAPH_SPLIT.split(text.replace("\r\n", "\n"))]
    html = []
    for paragraph in paragraphs:
        if not paragraph:
            continue
        lines = [escape(line) for line in paragraph.split("\n")]
        html.append(Markup("<p>") + Markup("<br>\n").join(lines) + Markup("</p>"))
    return Markup('<div class="newsdb-body">') + Markup("\n").join(html) + Markup("</div>")


def render_link(url: str, max_text: int = 0) -> Markup:
    text = truncate_url(url, max_text) if max_text else url
    return Markup('<a href="{}" rel="{}">{}</a>').format(url, LINK_REL, text)


def render_tags(datasette, database: str, value: str) -> Markup | None:
    try:
        tags = json.loads(value)
    except (TypeError, ValueError):
        return None
    if not isinstance(tags, list) or not tags:
        return None
    if not all(isinstance(tag, str) for tag in tags):
        return None
    base = str(datasette.urls.table(database, ARTICLES))
    links = [
        Markup('<a href="{}">{}</a>').format(
            base + "?tags__arraycontains=" + urllib.parse.quote(tag, safe=""), tag
        )
        for tag in tags
    ]
    return Markup('<span class="newsdb-tags">') + Markup(", ").join(links) + Markup("</span>")


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    # table is None on query pages (canned queries): columns named like the
    # articles columns get the same link treatment there.
    if table not in (ARTICLES, None):
        return None
    if column == "duplicate_of" and isinstance(value, int) and not isinstance(value, bool):
        # Table pages expand the foreign key themselves (value is then a dict with the
        # label); row and query pages get the plain id, so link it to the original.
        return Markup('<a href="{}/{}">{}</a>').format(
            str(datasette.urls.table(database, ARTICLES)), value, value
        )
    if not isinstance(value, str) or not value:
        return None
    if column == "snippet" and table is None and MARK_OPEN in value:
        return highlight(value)  # the search query's matches, escaped then marked
    if column == "body" and table == ARTICLES:
        if _on_row_page(datasette, database, ARTICLES):
            return render_body(value)
        return None  # Datasette's default: escaped and truncated
    if column == "tags":
        return render_tags(datasette, database, value)
    if column in URL_COLUMNS:
        value = value.strip()
        if not is_http_url(value):
            return None  # Datasette's default plain (escaped) text
        if _on_row_page(datasette, database, ARTICLES):
            return render_link(value)
        return render_link(value, datasette.setting("truncate_cells_html") or 0)
    return None
