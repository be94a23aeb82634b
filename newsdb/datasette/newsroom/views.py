"""Routes under ``/<db>/-/`` and the template variables of the front and article pages."""
from __future__ import annotations

import json
import re
import urllib.parse
from pathlib import Path

from datasette.database import QueryInterrupted
from datasette.utils import tilde_decode, urlsafe_components
from datasette.utils.asgi import NotFound, Response

from . import data, health, text
from .chart import chart_svg

CSS_FILE = Path(__file__).resolve().parent.parent / "static" / "newsroom.css"
CSS_PATH = "/-/newsdb/newsroom.css"
ARTICLES = "articles"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SEARCH_FIELDS = ("q", "source", "language", "since", "until")


# --- shared -----------------------------------------------------------------------------------


async def articles_db(datasette, request):
    """The database named in the URL, if the actor may see its articles table; else 404/403."""
    name = tilde_decode(request.url_vars["database"])
    try:
        db = datasette.get_database(name)
    except KeyError:
        raise NotFound(f"Database not found: {name}")
    await datasette.ensure_permissions(
        request.actor,
        [("view-table", (name, ARTICLES)), ("view-database", name), "view-instance"],
    )
    if not await db.table_exists(ARTICLES):
        raise NotFound(f"{name} is not a newsdb database: it has no articles table")
    return db


def links(datasette, database: str) -> dict:
    """URLs the newsroom templates link to."""
    base = datasette.urls.database(database)
    return {
        "front": base,
        "search": f"{base}/-/search",
        "stories": f"{base}/-/stories",
        "health": f"{base}/-/health",
        "feed": datasette.urls.query(database, "feed", format="atom"),
        "articles": datasette.urls.table(database, ARTICLES),
    }


def article_url(datasette, database: str, article_id) -> str:
    return datasette.urls.row(database, ARTICLES, str(article_id))


def filter_url(datasette, database: str, column: str, value) -> str:
    base = datasette.urls.table(database, ARTICLES)
    return f"{base}?{urllib.parse.urlencode({column: value})}"


def tag_url(datasette, database: str, tag: str) -> str:
    base = datasette.urls.table(database, ARTICLES)
    return f"{base}?tags__arraycontains={urllib.parse.quote(tag, safe='')}"


async def page(datasette, request, template: str, database: str, **context) -> Response:
    context = {"database": database, "nd": links(datasette, database), **context}
    html = await datasette.render_template(template, context, request=request)
    return Response.html(html)


def stylesheet() -> Response:
    return Response(CSS_FILE.read_text(encoding="utf-8"), content_type="text/css; charset=utf-8",
                    headers={"Cache-Control": "max-age=3600"})


# --- front page (the database page) -----------------------------------------------------------


def story_item(datasette, database: str, row: dict) -> dict:
    return {**row, "href": article_url(datasette, database, row["id"]),
            "snippet": text.one_line(row.get("body"), 220)}


async def front_vars(datasette, database: str) -> dict:
    db = datasette.get_database(database)
    if not await db.table_exists(ARTICLES):
        return {}
    counts = await data.source_counts(db)
    days, series = await data.chart_data(db, [row["source"] for row in counts])
    latest = await data.latest_stories(db)
    for row in counts:
        row["href"] = filter_url(datasette, database, "source", row["source"])
    return {
        "newsroom": links(datasette, database),
        "nd_latest": [story_item(datasette, database, row) for row in latest],
        "nd_counts": counts,
        "nd_chart": chart_svg(days, series),
        "nd_days": days,
    }


# --- article page (the row page of articles) --------------------------------------------------


def meta_items(datasette, database: str, row: dict) -> list[dict]:
    """The meta line: (label, value, link to the articles with the same value)."""
    items = []
    for column, label in (("source", "Source"), ("published", "Published"), ("author", "By"),
                          ("original_source", "Originally from"), ("category", "Category"),
                          ("language", "Language")):
        value = row.get(column)
        if value not in (None, ""):
            href = None if column == "published" else filter_url(datasette, database, column, value)
            shown = str(value).replace("T", " ", 1) if column == "published" else value
            items.append({"label": label, "value": shown, "href": href, "column": column})
    return items


async def article_vars(datasette, database: str, request) -> dict:
    pks = urlsafe_components(request.url_vars.get("pks", ""))
    if len(pks) != 1:
        return {}
    db = datasette.get_database(database)
    row = await data.article(db, pks[0])
    if row is None:
        return {}
    others = await data.other_copies(db, row)
    for other in others:
        other["href"] = article_url(datasette, database, other["id"])
    original = row.get("duplicate_of")
    return {"nd_article": {
        "row": row,
        "meta": meta_items(datasette, database, row),
        "paragraphs": text.paragraphs(row.get("body")),
        "tags": [{"tag": t, "href": tag_url(datasette, database, t)} for t in text.parse_tags(row.get("tags"))],
        "link": text.safe_url(row.get("url")),
        "others": others,
        "original_href": article_url(datasette, database, original) if original else None,
    }, "newsroom": links(datasette, database)}


# --- search ---------------------------------------------------------------------------------


def search_params(request) -> dict:
    params = {key: (request.args.get(key) or "").strip() for key in SEARCH_FIELDS}
    for key in ("since", "until"):
        if not _DATE.match(params[key]):
            params[key] = ""
    return params


async def search_page(datasette, request):
    db = await articles_db(datasette, request)
    params = search_params(request)
    results, too_slow = [], False
    if params["q"]:
        try:
            results = await data.canned(datasette, db, "search", params, request.actor)
        except QueryInterrupted:  # a 1-2 character Chinese word reads every article: past the time limit
            too_slow = True
    for row in results:
        row["href"] = article_url(datasette, db.name, row["id"])
        row["snippet_html"] = text.highlight(text.one_line(row.get("snippet")))
    query = text.query_string(**params)
    return await page(
        datasette, request, "newsroom_search.html", db.name,
        params=params, results=results, searched=bool(params["q"]), too_slow=too_slow,
        sources=await data.distinct_values(db, "source"),
        languages=await data.distinct_values(db, "language"),
        json_url=datasette.urls.query(db.name, "search", format="json") + query,
        csv_url=datasette.urls.query(db.name, "search", format="csv") + query,
        feed_url=datasette.urls.query(db.name, "feed", format="atom")
        + text.query_string(q=params["q"], source=params["source"]),
    )


# --- story clusters -------------------------------------------------------------------------


def parse_members(value) -> list[dict]:
    """The members JSON of a story_clusters row: copies with an integer id."""
    try:
        members = json.loads(value) if isinstance(value, str) else []
    except ValueError:
        return []
    return [m for m in members if isinstance(m, dict) and isinstance(m.get("id"), int)]


async def stories_page(datasette, request):
    db = await articles_db(datasette, request)
    clusters = await data.canned(datasette, db, "story_clusters", {}, request.actor)
    for cluster in clusters:
        members = sorted(parse_members(cluster.get("members")),
                         key=lambda m: (m["id"] != cluster["id"], m.get("published") or "", m["id"]))
        for member in members:
            member["href"] = article_url(datasette, db.name, member["id"])
        cluster["members"] = members
        cluster["href"] = article_url(datasette, db.name, cluster["id"])
    return await page(
        datasette, request, "newsroom_stories.html", db.name, clusters=clusters,
        json_url=datasette.urls.query(db.name, "story_clusters", format="json"),
        csv_url=datasette.urls.query(db.name, "story_clusters", format="csv"),
    )


# --- source health --------------------------------------------------------------------------


async def health_page(datasette, request):
    db = await articles_db(datasette, request)
    coverage = await data.canned(datasette, db, "source_coverage", {}, request.actor)
    rows = health.health_rows(await data.recent_runs(db), coverage)
    for row in rows:
        row["href"] = filter_url(datasette, db.name, "source", row["source"])
    return await page(
        datasette, request, "newsroom_health.html", db.name, sources=rows,
        rule={"quiet_runs": health.QUIET_RUNS, "min_coverage": health.MIN_COVERAGE,
              "fields": health.JUDGED_FIELDS},
        coverage_fields=health.COVERAGE_FIELDS,
        runs_url=datasette.urls.table(db.name, "crawl_runs"),
        json_url=datasette.urls.query(db.name, "source_coverage", format="json"),
        csv_url=datasette.urls.query(db.name, "source_coverage", format="csv"),
    )
