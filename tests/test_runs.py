import json

from pipelines.runs import coverage, health_flags, run_status, source_counters

STATS = {
    "newsdb/source/a/pages_fetched": 10, "newsdb/source/a/not_modified": 4, "newsdb/source/a/articles_new": 4,
    "newsdb/source/a/with_title": 4, "newsdb/source/a/with_author": 1, "newsdb/source/a/with_body": 4,
    "newsdb/source/a/http_errors/404": 2, "newsdb/pages_fetched": 10, "newsdb/http_errors/404": 2,
}


def row(**counts):
    base = {"articles_new": 0, "articles_updated": 0, "dropped_empty": 0}
    return {**base, **{f"coverage_{f}": None for f in ("title", "published", "author", "body")}, **counts}


def test_counters_and_coverage_from_stats():
    counters = source_counters(STATS, "a")
    assert (counters["pages_fetched"], counters["not_modified"], counters["articles_new"]) == (10, 4, 4)
    assert json.loads(counters["http_errors"]) == {"404": 2}
    assert source_counters(STATS, None)["pages_fetched"] == 10
    assert coverage(STATS, "a") == {"coverage_title": 1.0, "coverage_published": 0.0, "coverage_author": 0.25,
                                    "coverage_body": 1.0}
    assert coverage(STATS, "b")["coverage_title"] is None


def test_no_new_articles_for_n_runs():
    assert health_flags(row(), [row(), row()], empty_runs=3) == ["no new articles in 3 runs"]
    assert health_flags(row(), [row(), row(articles_new=1)], empty_runs=3) == []
    assert health_flags(row(), [row()], empty_runs=3) == []  # not enough history yet


def test_empty_article_pages_and_coverage_drop():
    assert "layout" in health_flags(row(dropped_empty=5, articles_new=1), [])[0]
    history = [row(articles_new=5, coverage_author=0.9), row(articles_new=4, coverage_author=1.0)]
    flags = health_flags(row(articles_new=6, coverage_author=0.1), history)
    assert flags == ["author found on 10% of articles, 95% before"]
    assert health_flags(row(articles_new=6, coverage_author=0.7), history) == []


def test_run_status():
    assert run_status("finished", [{"status": "ok"}, {"status": "flagged"}]) == "flagged"
    assert run_status("finished", [{"status": "errors"}, {"status": "flagged"}]) == "source_errors"
    assert run_status("closespider_timeout", [{"status": "ok"}]) == "budget_spent"
    assert run_status("shutdown", []) == "shutdown"
