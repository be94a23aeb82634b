import pytest

from pipelines.urls import canonical_url

SAME = [
    "http://news.example.com/a/1.html",
    "HTTP://News.Example.COM/a/1.html",
    "http://news.example.com:80/a/1.html",
    "http://news.example.com/a/1.html#comments",
    "http://news.example.com/a/1.html?utm_source=rss&utm_medium=feed",
    "http://news.example.com/a/1.html?fbclid=abc",
    "http://news.example.com/a/1.html?ref=home&from=timeline",
    "http://news.example.com/a/1.html?",
]


@pytest.mark.parametrize("spelling", SAME)
def test_spellings_collapse(spelling):
    assert canonical_url(spelling) == "http://news.example.com/a/1.html"


def test_meaningful_query_kept_and_sorted():
    assert canonical_url("https://x.org/read?id=7&page=2&utm_campaign=z") == "https://x.org/read?id=7&page=2"
    assert canonical_url("https://x.org/read?page=2&id=7") == "https://x.org/read?id=7&page=2"


def test_non_default_port_and_path_kept():
    assert canonical_url("http://127.0.0.2:8780/News/A.html") == "http://127.0.0.2:8780/News/A.html"
    assert canonical_url("https://x.org") == "https://x.org/"


def test_unicode_paths_are_percent_encoded_once():
    once = canonical_url("http://x.com/新闻/a b.html")
    assert once == "http://x.com/%E6%96%B0%E9%97%BB/a%20b.html"
    assert canonical_url(once) == once
