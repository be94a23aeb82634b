import pytest

from crawler.sources import SourcesError, load_sources, parse_sources


def one(**keys):
    table = {"name": "site", "start_urls": ["https://news.example.com/"], **keys}
    return {"source": [table]}


def test_minimal_source_gets_domains_from_its_urls():
    (source,) = parse_sources(one())
    assert source.allowed_domains == ("news.example.com",)
    assert source.allows_host("https://news.example.com/a.html")
    assert source.allows_host("https://m.news.example.com/a.html")
    assert not source.allows_host("https://evil-news.example.com.attacker.net/")


def test_unknown_key_names_source_and_key():
    with pytest.raises(SourcesError, match=r"'site'.*unknown key.*start_url\b"):
        parse_sources(one(start_url="x"))


def test_bad_regex_names_source_key_and_pattern():
    with pytest.raises(SourcesError, match=r"'site'.*'deny_url_patterns'.*bad regex '\(unclosed'"):
        parse_sources(one(deny_url_patterns=["(unclosed"]))


def test_bad_types_and_values_are_errors():
    with pytest.raises(SourcesError, match="max_pages"):
        parse_sources(one(max_pages=0))
    with pytest.raises(SourcesError, match="encoding"):
        parse_sources(one(encoding="klingon"))
    with pytest.raises(SourcesError, match="'feeds'"):
        parse_sources(one(feeds="ftp://x/feed"))
    with pytest.raises(SourcesError, match="outside allowed_domains"):
        parse_sources(one(allowed_domains=["other.org"]))
    with pytest.raises(SourcesError, match="at least one of"):
        parse_sources({"source": [{"name": "x", "allowed_domains": ["a.org"]}]})


def test_duplicate_names_and_unknown_selection():
    data = {"source": [one()["source"][0], one()["source"][0]]}
    with pytest.raises(SourcesError, match="duplicate"):
        parse_sources(data)
    with pytest.raises(SourcesError, match="no source named"):
        parse_sources(one(), only=["nope"])


def test_url_patterns_decide_articles_and_following():
    (source,) = parse_sources(one(article_url_patterns=[r"/\d+\.html$"], follow_url_patterns=[r"/list_\d+"],
                                  deny_url_patterns=[r"/print/"]))
    assert source.looks_like_article("https://news.example.com/123.html") is True
    assert source.looks_like_article("https://news.example.com/about.html") is False
    assert source.may_follow("https://news.example.com/list_2.html")
    assert source.may_follow("https://news.example.com/9.html")
    assert not source.may_follow("https://news.example.com/about.html")
    assert not source.may_follow("https://news.example.com/print/9.html")
    assert not source.may_follow("https://elsewhere.org/list_2.html")


def test_load_sources_reports_file_errors(tmp_path):
    with pytest.raises(SourcesError, match="not found"):
        load_sources(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[source]\nname=", encoding="utf-8")
    with pytest.raises(SourcesError, match="not valid TOML"):
        load_sources(bad)
