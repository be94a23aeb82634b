"""Property-based fuzzing (hypothesis) of the pure parts a hostile page or a careless sources file feeds:
no exception escapes but the documented ones, and nothing hangs (each test is bounded by its examples)."""
import random
import re
import signal
import string
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.sources import SourcesError, parse_sources
from pipelines.clean import clean_paragraphs, load_rules
from pipelines.extract import ExtractTimeout, extract_page, extract_with_timeout
from pipelines.meta import parse_date
from pipelines.urls import canonical_url

SITES = Path(__file__).resolve().parent / "sites"
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
PER_EXAMPLE_SECONDS = 10  # far above any real page (~10 ms): a hang, not a slow page, trips it


@contextmanager
def no_hang(seconds: float = PER_EXAMPLE_SECONDS):
    """Fail instead of hanging: pytest-timeout would stop the whole run, this names the example."""
    def alarm(signum, frame):
        raise AssertionError(f"took over {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- URLs ----------------------------------------------------------------------------------------------------

URL_PARTS = st.sampled_from(["http://", "https://", "HTTP://", "//", "ftp://", "", "javascript:", "[", "]", ":",
                             "@", "%", "%zz", "%00", "?", "#", "&", "=", "utm_source=x", "..", "/", "\\", " ",
                             "127.0.0.2", "[::1]", ":80", ":65536", ":-1", "例子.中国", "xn--", "\u202e", "\x00"])
URLS = st.lists(st.one_of(URL_PARTS, st.text(max_size=8)), max_size=12).map("".join)


@FUZZ
@given(URLS)
def test_canonical_url_returns_a_string_or_raises_value_error(url):
    with no_hang():
        try:
            result = canonical_url(url)
        except ValueError:  # documented: a URL that cannot be parsed (bad port, unbalanced IPv6 bracket)
            return
    assert isinstance(result, str)
    if re.match(r"^https?://[a-z0-9-]+(\.[a-z0-9-]+)*(:\d+)?/", result):  # a host the spider could follow
        assert canonical_url(result) == result  # idempotent: one spelling per page
    # (not idempotent without a host or with an odd one: "http://\\" -> "http:////" -> "http:///";
    # harmless, since such URLs are never followed: Source.allows_host needs a named host)


# -- cleaning rules ------------------------------------------------------------------------------------------

PARAGRAPH = st.text(alphabet=st.sampled_from(list(string.printable) + list("来源：责任编辑版权所有扫码关注 　\u200b")),
                    max_size=200)


@FUZZ
@given(st.lists(PARAGRAPH, max_size=20), st.one_of(st.none(), PARAGRAPH))
def test_clean_paragraphs_never_raises(paragraphs, title):
    rules = load_rules()
    with no_hang():
        result = clean_paragraphs(paragraphs, title, rules)
    assert all(isinstance(p, str) for p in result)


# -- dates ---------------------------------------------------------------------------------------------------

DATE_PARTS = st.sampled_from(["2025", "-", "02", "/", "31", "T", "25:61:61", "+08:00", "Z", "年", "月", "日", " ",
                              "9999", "0000", "Mon, 30 Feb 2025", "GMT", "1e10", "99999999999999999999", "\x00",
                              "上午", "pm", ".", ",", "+99:99", "1700000000", "PT", "前"])


@FUZZ
@given(st.one_of(st.lists(DATE_PARTS, max_size=12).map("".join), st.text(max_size=80)))
def test_parse_date_returns_a_date_or_none(value):
    with no_hang():
        result = parse_date(value)
    assert result is None or result.year >= 1900


# -- sources files -------------------------------------------------------------------------------------------

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
                    st.sampled_from(["http://a.example/", "http://[::1", "http://a:99999/", "(", "[a-", "gbk",
                                     "no-such-codec", "*?", "http://", "https://b.example/x"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=12)
KEYS = st.sampled_from(["name", "start_urls", "feeds", "sitemaps", "allowed_domains", "article_url_patterns",
                        "follow_url_patterns", "deny_url_patterns", "max_pages", "encoding", "boilerplate",
                        "prune_xpath", "other"])
TABLES = st.dictionaries(KEYS, VALUES, max_size=8)


@FUZZ
@given(st.one_of(st.dictionaries(st.sampled_from(["source", "x"]), st.one_of(VALUES, st.lists(TABLES, max_size=3))),
                 st.builds(lambda ts: {"source": ts}, st.lists(TABLES, min_size=1, max_size=3))))
def test_parse_sources_raises_only_sources_error(data):
    with no_hang():
        try:
            sources = parse_sources(data)
        except SourcesError:
            return
    assert sources and all(s.allowed_domains for s in sources)


# -- extract_page on random and mutated pages ----------------------------------------------------------------

SAMPLE_PAGES = sorted(SITES.glob("*/public/**/*.html"))[:40]
TAGS = ["<div>", "</div>", "<p>", "</p>", "<table><tr><td>", "</td></tr></table>", "<script>", "</script>",
        "<!--", "-->", "<![CDATA[", "]]>", "<?xml version='1.0' encoding='gbk'?>", "<meta charset='utf-16'>",
        "<h1>", "</h1>", "<br/>", "&amp;", "&#0;", "&#xD800;", "&nbsp;", "\x00", "\ufeff", "<a href='javascript:x'>",
        "<link rel='canonical' href='http://[::1]:99/x'>", "<html lang='zz-\x00'>", "<time datetime='99999-99-99'>",
        '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":[{}]}</script>']


def mutate(text: str, rng: random.Random, steps: int) -> str:
    for _ in range(steps):
        if not text:
            text = rng.choice(TAGS)
        i, j = sorted(rng.randrange(len(text) + 1) for _ in range(2))
        action = rng.randrange(5)
        if action == 0:
            text = text[:i] + text[j:]  # cut a piece out
        elif action == 1:
            text = text[:i] + text[i:j] * rng.randint(2, 4) + text[j:]  # repeat a piece
        elif action == 2:
            text = text[:i] + rng.choice(TAGS) + text[i:]  # insert markup
        elif action == 3:
            text = text[:i]  # truncate
        else:
            text = text[:i] + "".join(rng.choice(string.printable + "中文\u00e9") for _ in range(20)) + text[j:]
    return text


def extract(html: str, url: str, source: dict | None = None) -> dict:
    return extract_page(html, url, source)


@pytest.fixture(scope="module")
def pages():
    return [p.read_bytes().decode("utf-8", errors="replace") for p in SAMPLE_PAGES]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
          database=None)
@given(st.integers(0, 10**9), st.integers(1, 12))
def test_extract_page_survives_mutated_sample_pages(pages, seed, steps):
    rng = random.Random(seed)
    html = mutate(rng.choice(pages), rng, steps)
    with no_hang():
        result = extract(html, "http://127.0.0.2/news/2025/0212/1016.html", {"name": "fuzz"})
    assert result["kind"] in ("article", "not_article", "empty")


@settings(max_examples=80, deadline=None, database=None)
@given(st.one_of(st.text(max_size=300), st.lists(st.sampled_from(TAGS + ["text", " ", "段落"]), max_size=60).map("".join)))
def test_extract_page_survives_random_html(html):
    with no_hang():
        result = extract(html, "http://127.0.0.2/a.html")
    assert result["kind"] in ("article", "not_article", "empty")


# -- the per-page extraction timeout -------------------------------------------------------------------------

TAG_CLOUD = "<html><body>" + "<span>a</span>" * 100_000 + "</body></html>"  # ~10 s of trafilatura


def test_a_slow_page_is_cut_short_by_the_extraction_timeout():
    with no_hang(5):
        with pytest.raises(ExtractTimeout):
            extract_with_timeout(0.5, TAG_CLOUD, "http://127.0.0.2/tags.html")
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # the alarm is cleared
    page = "<html><body><h1>Short</h1><p>One paragraph.</p></body></html>"
    assert extract_with_timeout(5, page, "http://127.0.0.2/a.html")["kind"] in ("article", "not_article", "empty")


# found by fuzzing: an unparseable <link rel=canonical> used to raise and drop the whole page
def test_a_broken_canonical_link_does_not_lose_the_article():
    page = (SITES / "globalnewshub/public/news/2025/0212/1016.html").read_text("utf-8")
    page = page.replace("</head>", "<link rel='canonical' href='http://[::1'></head>", 1).replace(
        '<link rel="canonical"', '<link rel="alternate"')
    assert extract_page(page, "http://127.0.0.2/news/2025/0212/1016.html")["kind"] == "article"


# found by fuzzing: a fragment lxml parses to a lone comment used to raise instead of being unparseable
@pytest.mark.parametrize("html", ["&nbsp<!", "<!", " <!-"])
def test_a_page_that_parses_to_a_comment_is_not_an_article(html):
    assert extract_page(html, "http://127.0.0.2/a.html") == {"kind": "not_article", "reason": "unparseable"}
