"""The SQL behind the newsroom pages that is not a canned query (those live in metadata.yml)."""
from __future__ import annotations

import datetime as dt

from .chart import day_range

LATEST_STORIES = """
select a.id, a.published, a.source, a.title, a.language,
  (select count(*) from articles r where r.duplicate_of = a.id) as reprints,
  substr(a.body, 1, 600) as body
from articles a
where a.duplicate_of is null
order by a.published desc, a.id desc
limit :limit
"""

SOURCE_COUNTS = """
select source, count(*) as articles, sum(duplicate_of is null) as originals,
  max(published) as latest
from articles
group by source
order by articles desc, source
"""

# date(max(published)) reads the published index; future dates are capped at today.
LAST_DAY = "select min(date(max(published)), date('now')) from articles"

PER_DAY = """
select source, date(published) as day, count(*) as n
from articles
where published >= :first_text and date(published) between :first and :last
group by source, day
"""

ARTICLE = "select * from articles where id = :id"

OTHER_COPIES = """
select id, source, title, published, url, duplicate_of
from articles
where (id = :root or duplicate_of = :root) and id != :id
order by published, id
"""

RECENT_RUNS = """
select id, started_at, finished_at, status, sources, articles_new, stats
from crawl_runs
order by id desc
limit :limit
"""

DISTINCT = {
    "source": "select distinct source from articles where source is not null order by source",
    "language": "select distinct language from articles where language is not null order by language",
}


async def rows(db, sql: str, params: dict | None = None) -> list[dict]:
    result = await db.execute(sql, params or {})
    return [dict(row) for row in result.rows]


async def latest_stories(db, limit: int = 15) -> list[dict]:
    return await rows(db, LATEST_STORIES, {"limit": limit})


async def source_counts(db) -> list[dict]:
    return await rows(db, SOURCE_COUNTS)


async def chart_data(db, sources: list[str], days: int = 30) -> tuple[list[str], dict]:
    """(days, {source: {day: count}}) for the ``days`` days ending on the newest day."""
    last = (await db.execute(LAST_DAY)).first()[0] or dt.date.today().isoformat()
    window = day_range(last, days)
    # a day earlier as text, so offsets east of UTC still fall inside the index range
    first_text = (dt.date.fromisoformat(window[0]) - dt.timedelta(days=1)).isoformat()
    series: dict[str, dict[str, int]] = {source: {} for source in sources}
    params = {"first": window[0], "last": window[-1], "first_text": first_text}
    for row in await rows(db, PER_DAY, params):
        series.setdefault(row["source"], {})[row["day"]] = row["n"]
    return window, series


async def article(db, article_id) -> dict | None:
    found = await rows(db, ARTICLE, {"id": article_id})
    return found[0] if found else None


async def other_copies(db, row: dict) -> list[dict]:
    root = row.get("duplicate_of") or row["id"]
    return await rows(db, OTHER_COPIES, {"root": root, "id": row["id"]})


async def recent_runs(db, limit: int = 50) -> list[dict]:
    if not await db.table_exists("crawl_runs"):
        return []
    return await rows(db, RECENT_RUNS, {"limit": limit})


async def distinct_values(db, column: str) -> list[str]:
    return [row[column] for row in await rows(db, DISTINCT[column])]


async def canned(datasette, db, name: str, params: dict, actor=None) -> list[dict]:
    """Run the canned query ``name`` of ``db`` (defined in metadata.yml) with ``params``."""
    query = await datasette.get_canned_query(db.name, name, actor)
    if query is None:
        return []
    return await rows(db, query["sql"], params)
