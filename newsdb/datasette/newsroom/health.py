"""Source health: per-source numbers of the last runs, field coverage, and which sources to look at.

Per-source run numbers come from the ``stats`` JSON of ``crawl_runs`` (keys
``newsdb/source/<name>/<counter>``: ``articles_new`` (``new`` in older runs),
``articles_duplicate``, ``http_errors/<status or exception>``, ...). Older runs, or runs recorded by another version,
may lack them: a number that cannot be known is ``None`` (shown as "?"), never 0.

The flag rule (a source is listed first, with its reasons, when any holds):

- its last ``QUIET_RUNS`` finished runs all added no new article (only runs whose
  per-source "new" count is known are counted; a run of that source alone falls back
  to the run's ``articles_new``);
- a core field is filled in less than ``MIN_COVERAGE`` of its articles: title,
  published or body. Author is shown but not judged: many aggregators drop bylines.
"""
from __future__ import annotations

import json
from typing import Any

QUIET_RUNS = 2
MIN_COVERAGE = 0.8
JUDGED_FIELDS = ("title", "published", "body")
COVERAGE_FIELDS = ("title", "published", "author", "body")
RUNS_SHOWN = 5
# Per-source stats counters, under the names of this and of earlier crawler versions.
NEW_COUNTERS = ("articles_new", "new")
DUPLICATE_COUNTERS = ("articles_duplicate", "duplicate")
# Counters of failed requests and pages (``entry_point_errors`` repeats some http_errors).
ERROR_COUNTERS = ("extract_errors", "bad_feed", "bad_sitemap")
ERROR_PREFIXES = ("http_errors/", "error/")


def _json(value: Any, default: Any) -> Any:
    if not isinstance(value, str) or not value:
        return default
    try:
        parsed = json.loads(value)
    except ValueError:
        return default
    return parsed if isinstance(parsed, type(default)) else default


def run_sources(run: dict) -> list[str]:
    """The sources a run crawled: its ``sources`` column, else the sources named in its stats."""
    names = [n for n in _json(run.get("sources"), []) if isinstance(n, str)]
    if names:
        return names
    found = []
    for key in _json(run.get("stats"), {}):
        parts = key.split("/")
        if len(parts) >= 4 and parts[:2] == ["newsdb", "source"] and parts[2] not in found:
            found.append(parts[2])
    return found


def source_numbers(run: dict, source: str) -> dict:
    """new / duplicate / errors of one source in one run (None when the run does not say).

    Scrapy records a counter only once it is incremented, so in a run that keeps
    per-source counters at all, a missing counter of a source is 0.
    """
    stats = _json(run.get("stats"), {})
    prefix = f"newsdb/source/{source}/"
    counters = {k[len(prefix):]: v for k, v in stats.items() if k.startswith(prefix)}
    if any(key.startswith("newsdb/source/") for key in stats):
        errors = sum(v for k, v in counters.items()
                     if isinstance(v, (int, float)) and (k in ERROR_COUNTERS or k.startswith(ERROR_PREFIXES)))
        new, duplicate = _first(counters, NEW_COUNTERS), _first(counters, DUPLICATE_COUNTERS)
    else:  # an older run: only run-wide numbers, which are the source's when it ran alone
        alone = run_sources(run) == [source]
        new = run.get("articles_new") if alone else None
        duplicate = errors = None
    return {"run_id": run.get("id"), "started_at": run.get("started_at"), "status": run.get("status"),
            "new": new, "duplicate": duplicate, "errors": errors}


def _first(counters: dict, names: tuple[str, ...]) -> int:
    return next((counters[name] for name in names if name in counters), 0)


def runs_by_source(runs: list[dict]) -> dict[str, list[dict]]:
    """{source: [its numbers in each run, newest run first]} from runs given newest first."""
    out: dict[str, list[dict]] = {}
    for run in runs:
        for source in run_sources(run):
            out.setdefault(source, []).append(source_numbers(run, source))
    return out


def coverage_reasons(coverage: dict) -> list[str]:
    if not coverage.get("articles"):
        return ["no articles stored"]
    return [f"{field} in {coverage[field]:.0%} of articles"
            for field in JUDGED_FIELDS if (coverage.get(field) or 0) < MIN_COVERAGE]


def quiet_reason(runs: list[dict]) -> list[str]:
    finished = [r for r in runs if r["status"] != "running"]
    latest = finished[:QUIET_RUNS]
    if not latest or any(r["new"] is None for r in latest):
        return []
    if all(r["new"] == 0 for r in latest):
        return [f"no new article in the last {len(latest)} run{'s' if len(latest) > 1 else ''}"]
    return []


def health_rows(runs: list[dict], coverage: list[dict]) -> list[dict]:
    """One row per source: coverage, last runs, flag reasons; flagged sources first."""
    per_source = runs_by_source(runs)
    by_name = {row["source"]: row for row in coverage}
    rows = []
    for name in sorted(set(per_source) | set(by_name)):
        cov = by_name.get(name) or {"source": name, "articles": 0}
        source_runs = per_source.get(name, [])
        reasons = quiet_reason(source_runs) + coverage_reasons(cov)
        rows.append({"source": name, "coverage": cov, "runs": source_runs[:RUNS_SHOWN],
                     "reasons": reasons, "flagged": bool(reasons)})
    rows.sort(key=lambda row: (not row["flagged"], row["source"]))
    return rows
