from datetime import datetime, timedelta, timezone

from crawler.seen import SeenPages
from pipelines.schema import open_db
from pipelines.store import write_batch

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)


def stored(db_path, url, published):
    db = open_db(db_path)
    write_batch(db, [{"url": url, "source": "s", "title": "t", "body": "b", "published": published,
                      "content_hash": url, "requested_url": url + "?from=feed"}])
    write_batch(db, [{"url": "http://a/go/1", "source": "s", "kind": "redirect", "links": [[url, "page", None, None]]}])
    db.close()


def test_old_articles_are_settled_young_ones_are_rechecked(tmp_path):
    db = tmp_path / "news.db"
    stored(db, "http://a/old", "2025-02-01T08:00:00+08:00")
    stored(db, "http://a/young", (NOW - timedelta(hours=3)).isoformat())
    seen = SeenPages(db, recheck_hours=24)
    assert seen.is_settled("http://a/old", now=NOW)
    assert not seen.is_settled("http://a/young", now=NOW)
    assert not seen.is_settled("http://a/never-seen", now=NOW)


def test_redirects_and_updated_hints(tmp_path):
    db = tmp_path / "news.db"
    stored(db, "http://a/old", "2025-02-01T08:00:00+08:00")
    seen = SeenPages(db)
    assert seen.is_settled("http://a/go/1", now=NOW)  # a redirect to a stored article
    assert seen.is_settled("http://a/old", "2025-02-02T00:00:00Z", now=NOW)  # updated before we fetched it
    later = (datetime.now(timezone.utc) + timedelta(minutes=1)).isoformat()
    assert not seen.is_settled("http://a/old", later, now=NOW)  # the sitemap says it changed since


def test_validators_and_links_only_for_non_articles(tmp_path):
    db = tmp_path / "news.db"
    database = open_db(db)
    write_batch(database, [{"url": "http://a/feed", "source": "s", "kind": "feed", "etag": '"v1"',
                            "last_modified": "Sat, 01 Feb 2025 00:00:00 GMT", "links": [["http://a/1", "page", None, None]]}])
    seen = SeenPages(db)
    assert seen.validators("http://a/feed") == {"If-None-Match": '"v1"', "If-Modified-Since": "Sat, 01 Feb 2025 00:00:00 GMT"}
    assert seen.links("http://a/feed") == [["http://a/1", "page", None, None]]
    assert seen.validators("http://a/1") == {}
