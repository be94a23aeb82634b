"""A crawl's record: per-source counters from Scrapy stats, field coverage, and health flags."""
from __future__ import annotations

import json

from pipelines.schema import RUN_COUNTERS

FIELDS = ("title", "published", "author", "body")


def source_counters(stats: dict, source: str) -> dict:
    """The RUN_COUNTERS of one source (or of the whole run when source is None) from Scrapy stats."""
    prefix = f"newsdb/source/{source}/" if source else "newsdb/"
    get = lambda key: stats.get(prefix + key, 0)  # noqa: E731
    errors = {k.split("/http_errors/", 1)[1]: v for k, v in stats.items()
              if k.startswith(prefix + "http_errors/")}
    row = {name: get(name) for name in RUN_COUNTERS if name != "http_errors"}
    row["http_errors"] = json.dumps(errors, sort_keys=True)
    return row


def coverage(stats: dict, source: str) -> dict:
    """Share of the source's new and updated articles that have each field."""
    prefix = f"newsdb/source/{source}/"
    written = stats.get(prefix + "articles_new", 0) + stats.get(prefix + "articles_updated", 0)
    return {f"coverage_{f}": (stats.get(prefix + f"with_{f}", 0) / written if written else None) for f in FIELDS}


def health_flags(row: dict, history: list[dict], empty_runs: int = 3, drop: float = 0.5) -> list[str]:
    """Why a source looks broken this run, judged against its earlier runs (newest first)."""
    flags = []
    recent = [row, *history][:empty_runs]
    if len(recent) == empty_runs and all(r["articles_new"] == 0 for r in recent):
        flags.append(f"no new articles in {empty_runs} runs")
    written = row["articles_new"] + row["articles_updated"]
    if row["dropped_empty"] and row["dropped_empty"] >= written:
        flags.append(f"{row['dropped_empty']} article pages had no body: has the layout changed?")
    for field in FIELDS:
        now = row.get(f"coverage_{field}")
        before = [h[f"coverage_{field}"] for h in history if h.get(f"coverage_{field}") is not None]
        if now is not None and written >= 2 and before and sum(before) / len(before) - now >= drop:
            flags.append(f"{field} found on {now:.0%} of articles, {sum(before) / len(before):.0%} before")
    return flags


def source_status(row: dict, stats: dict, source: str) -> str:
    if stats.get(f"newsdb/source/{source}/entry_point_errors", 0):
        return "errors"
    return "flagged" if json.loads(row["flags"]) else "ok"


def run_status(reason: str, source_rows: list[dict]) -> str:
    """ok, source_errors, flagged, budget_spent, or Scrapy's reason for ending otherwise."""
    if reason == "closespider_timeout":
        return "budget_spent"
    if reason != "finished":
        return reason
    statuses = {r["status"] for r in source_rows}
    return "source_errors" if "errors" in statuses else "flagged" if "flagged" in statuses else "ok"
