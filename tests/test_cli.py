"""The `newsdb` command as a user runs it."""
import json

from tests.conftest import SITES, run_newsdb

GBK_PAGE = SITES / "zixun" / "public" / "a" / "20250212" / "51227.html"


def test_extract_file_decodes_gbk_from_meta_and_prints_json(expected):
    result = run_newsdb("extract", str(GBK_PAGE), "--url", "http://127.0.0.3/a/20250212/51227.html")
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    article = json.loads(line)
    truth = next(a for a in expected["articles"] if a["path"] == "/a/20250212/51227.html")
    assert article["title"] == truth["title"]
    assert article["language"] == "zh"
    assert article["url"] == "http://127.0.0.3/a/20250212/51227.html"
    assert any(text in article["body"] for text in expected["gbk_check"])


def test_extract_url_matches_what_the_crawl_stored(crawled, sample_sites, expected):
    import sqlite3

    truth = expected["articles"][0]
    url = sample_sites.base_urls[truth["site"]] + truth["path"]
    result = run_newsdb("extract", url, "--source", truth["site"], "--sources", str(crawled[0].parent / "x"),
                        timeout=60)
    assert result.returncode == 2 and "not found" in result.stderr  # a missing sources file is a clear error
    db, _ = crawled
    conn = sqlite3.connect(db)
    body, title = conn.execute("select body, title from articles where url = ?", [url]).fetchone()
    conn.close()
    sources = sample_sites.write_sources(db.parent / "cli-sources.toml")
    article = json.loads(run_newsdb("extract", url, "--source", truth["site"], "--sources", str(sources)).stdout)
    assert (article["title"], article["body"]) == (title, body)


def test_extract_reports_non_articles_and_missing_files(tmp_path):
    listing = SITES / "globalnewshub" / "public" / "news" / "list_1.html"
    result = run_newsdb("extract", str(listing), "--url", "http://127.0.0.2/news/list_1.html")
    assert result.returncode == 0 and result.stdout == ""
    assert "not stored (not_article" in result.stderr
    result = run_newsdb("extract", str(tmp_path / "nope.html"))
    assert result.returncode == 1 and "cannot read" in result.stderr
