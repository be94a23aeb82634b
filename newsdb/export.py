"""`newsdb export`: every matching article, streamed from SQLite to CSV, JSON or NDJSON."""
from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Iterator, TextIO

from pipelines.schema import ARTICLE_COLUMNS

FORMATS = ("csv", "json", "ndjson")
# A cell starting with one of these is a formula to a spreadsheet: =HYPERLINK(...), +cmd|..., @SUM(...)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def select_articles(db: Path, since: str | None = None, sources: list[str] | None = None,
                    no_duplicates: bool = False) -> Iterator[dict]:
    """Matching articles in id order, one row at a time: memory stays flat whatever the table's size."""
    where, params = [], []
    if since:
        where.append("first_seen_at >= ?")
        params.append(since)
    if sources:
        where.append(f"source in ({', '.join('?' for _ in sources)})")
        params += sources
    if no_duplicates:
        where.append("duplicate_of is null")
    sql = f"select {', '.join(f'[{c}]' for c in ARTICLE_COLUMNS)} from articles"
    sql += f" where {' and '.join(where)}" if where else ""
    conn = sqlite3.connect(f"file:{db.resolve()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        for row in conn.execute(sql + " order by id", params):
            yield dict(row)
    finally:
        conn.close()


def neutralise_formula(value):
    """Prefix a quote so a spreadsheet shows the text instead of running it."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write(rows: Iterator[dict], out: TextIO, fmt: str, escape_formulas: bool = True) -> int:
    """Write rows in fmt; returns how many were written."""
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(ARTICLE_COLUMNS))
        writer.writeheader()
        for row in rows:
            writer.writerow({k: neutralise_formula(v) for k, v in row.items()} if escape_formulas else row)
            count += 1
    elif fmt == "ndjson":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    else:  # one JSON array, written element by element
        out.write("[")
        for row in rows:
            out.write(("," if count else "") + "\n" + json.dumps(row, ensure_ascii=False))
            count += 1
        out.write("\n]\n")
    return count
