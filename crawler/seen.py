"""What earlier runs left in the database, as the spider needs it: stored articles and page validators.

Reads only; the store pipeline is the one writer. State lives in the `pages` and `articles` tables,
where a user can see it in Datasette and reset it with `newsdb reset-seen`.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

from pipelines.meta import parse_date
from pipelines.schema import open_db
from pipelines.urls import canonical_url


class SeenPages:
    def __init__(self, db_path: str | Path, recheck_hours: float = 24.0):
        open_db(db_path).close()  # the first run creates the schema
        self.conn = sqlite3.connect(f"file:{Path(db_path).resolve()}?mode=ro", uri=True, check_same_thread=False)
        self.conn.execute("PRAGMA busy_timeout=30000")
        self.recheck = timedelta(hours=recheck_hours)

    def close(self) -> None:
        self.conn.close()

    def is_settled(self, url: str, updated_hint: str | None = None, now: datetime | None = None,
                   hops: int = 5) -> bool:
        """True when url is (or redirects to) a stored article past the re-check window, not updated since."""
        page = self.conn.execute("select kind, links from pages where url = ?", [url]).fetchone()
        if page and page[0] == "redirect" and hops and json.loads(page[1] or "[]"):
            target = json.loads(page[1])[0][0]
            return self.is_settled(canonical_url(target), updated_hint, now, hops - 1)
        row = self.conn.execute(
            "select a.published, a.first_seen_at, a.fetched_at from pages p join articles a on a.id = p.article_id "
            "where p.url = ? and p.kind = 'article'", [url]).fetchone()
        if row is None:
            return False
        published, first_seen, fetched = row
        now = now or datetime.now(timezone.utc)
        born = _aware(parse_date(published or "") or parse_date(first_seen or ""))
        if born is None or now - born < self.recheck:
            return False  # a young story: corrections come in its first hours
        updated = _aware(parse_date(updated_hint)) if updated_hint else None
        fetched_at = _aware(parse_date(fetched or ""))
        return not (updated and fetched_at and updated > fetched_at)

    def validators(self, url: str) -> dict[str, str]:
        """Conditional request headers from the last fetch of a feed, sitemap or listing page."""
        row = self.conn.execute("select etag, last_modified from pages where url = ? and kind != 'article'",
                                [url]).fetchone()
        headers = {}
        if row and row[0]:
            headers["If-None-Match"] = row[0]
        if row and row[1]:
            headers["If-Modified-Since"] = row[1]
        return headers

    def links(self, url: str) -> list[list]:
        """The links a page had when it was last read: what an unchanged (304) page still stands for."""
        row = self.conn.execute("select links from pages where url = ?", [url]).fetchone()
        return json.loads(row[0]) if row and row[0] else []


def _aware(moment: datetime | None) -> datetime | None:
    """Naive times are taken as UTC: off by a few hours at most, which a re-check window absorbs."""
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
