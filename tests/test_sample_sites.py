"""The sample aggregator sites and their server (no Scrapy involved)."""
from __future__ import annotations

import html
import json
import re
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from newsdb.sample_sites import DEFAULT_ROOT, SampleSites, site_names

EXPECTED = json.loads((DEFAULT_ROOT / "expected.json").read_text("utf-8"))
ALLOWED_SOURCE_KEYS = {
    "name", "start_urls", "feeds", "sitemaps", "allowed_domains", "article_url_patterns",
    "follow_url_patterns", "deny_url_patterns", "max_pages", "encoding", "boilerplate", "prune_xpath",
}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[override]
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """(status, headers, body) without following redirects."""
    req = urllib.request.Request(url, method=method)
    try:
        with _opener.open(req, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


@pytest.fixture(scope="module")
def sites():
    with SampleSites() as s:
        yield s


def test_sites_and_hosts(sites):
    assert set(sites.base_urls) == {"globalnewshub", "zixun", "worldbrief"} == set(site_names())
    hosts = {name: url.split("//")[1].split(":")[0] for name, url in sites.base_urls.items()}
    assert hosts == {"globalnewshub": "127.0.0.2", "zixun": "127.0.0.3", "worldbrief": "127.0.0.4"}
    for url in sites.base_urls.values():
        assert re.fullmatch(r"http://127\.0\.0\.\d+:\d+", url)


def test_base_placeholder_replaced(sites):
    base = sites.base_urls["globalnewshub"]
    status, headers, body = fetch(base + "/news/2025/0214/1024.html")
    assert status == 200
    assert headers["Content-Type"] == "text/html"
    text = body.decode("utf-8")
    assert "__BASE__" not in text and "__PORT__" not in text and "__HOST__" not in text
    assert f'<link rel="canonical" href="{base}/news/2025/0214/1024.html">' in text
    assert "Lean AI Models Put Chip Export Controls to the Test" in text
    # another sample site's base URL is filled in too
    assert sites.base_urls["worldbrief"] + "/" in text
    status, _, body = fetch(base + "/rss.xml")
    assert status == 200 and f"<link>{base}/news/2025/0214/1024.html?utm_source=rss" in body.decode()


def test_gbk_page(sites):
    status, headers, body = fetch(sites.base_urls["zixun"] + "/a/20250212/51227.html")
    assert status == 200
    assert headers["Content-Type"] == "text/html"  # charset only in <meta>
    assert b"charset=gb2312" in body[:600]
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    text = body.decode("gbk")
    assert "春节假期消费数据亮眼 服务消费成新增长点" in text
    assert "来源：" in text and "免责声明：本文来源于网络" in text
    # declared gb2312 but holds a GBK-only character: decoders must treat gb2312 as GBK/GB18030
    assert "经济学者周堃认为" in text
    with pytest.raises(UnicodeDecodeError):
        body.decode("gb2312")
    status, headers, body = fetch(sites.base_urls["zixun"] + "/html/2025-02/11/content_51221.htm")
    assert b'<meta charset="gbk">' in body[:600]
    assert "博物馆研究馆员张镕介绍" in body.decode("gbk")
    raw = b"".join(p.read_bytes() for p in (DEFAULT_ROOT / "zixun" / "public").rglob("*.htm*"))
    for check in EXPECTED["gbk_check"]:
        assert check.encode("gbk") in raw
        with pytest.raises(UnicodeEncodeError):
            check.encode("gb2312")


@pytest.mark.parametrize(
    "site,path,status,location",
    [
        ("globalnewshub", "/n/1012.html", 301, "{base}/news/2025/0211/1012.html"),
        ("globalnewshub", "/go/1021", 302, "{base}/news/2025/0212/1021.html"),
        ("globalnewshub", "/out/partner", 302, "http://127.0.0.9:{port}/partner/welcome.html"),
        ("globalnewshub", "/news/", 301, "{base}/news/list_1.html"),
        ("zixun", "/show.php?id=51230", 301, "{base}/a/20250213/51230.html"),
    ],
)
def test_redirects(sites, site, path, status, location):
    base = sites.base_urls[site]
    got, headers, _ = fetch(base + path)
    assert got == status
    assert headers["Location"] == location.format(base=base, port=base.rsplit(":", 1)[1])


def test_query_and_fragment_variants_serve_same_file(sites):
    base = sites.base_urls["globalnewshub"]
    _, _, plain = fetch(base + "/news/2025/0212/1016.html")
    _, _, tracked = fetch(base + "/news/2025/0212/1016.html?utm_source=rss&utm_medium=feed")
    assert plain == tracked
    # the show.php redirect matches its query; other queries on that path are a plain 404
    assert fetch(sites.base_urls["zixun"] + "/show.php?id=1")[0] == 404


def test_calendar_trap(sites):
    base = sites.base_urls["globalnewshub"]
    status, headers, body = fetch(base + "/archive/")
    assert status == 200
    text = body.decode("utf-8")
    assert 'href="/archive/2025-02-13.html"' in text and 'href="/archive/2025-02-15.html"' in text
    # follow "previous day" a few times: every page is generated and links further back
    day = "2025-02-13"
    for expected_prev in ("2025-02-12", "2025-02-11", "2025-02-10"):
        status, _, body = fetch(f"{base}/archive/{day}.html")
        assert status == 200
        page = body.decode("utf-8")
        assert f'href="/archive/{expected_prev}.html"' in page
        assert f'href="/archive/{day}/tech.html"' in page
        day = expected_prev
    far = fetch(base + "/archive/1999-12-31/sports.html")
    assert far[0] == 200 and b'href="/archive/2000-01-01/sports.html"' in far[2]
    month = fetch(base + "/archive/2025-02.html")[2].decode()
    assert month.count('href="/archive/2025-02-') >= 28
    # looks like a listing: many links, little text
    visible = re.sub(r"<[^>]+>", " ", page)
    assert page.count("<a ") >= 10 and len(" ".join(visible.split())) < 800
    assert fetch(base + "/archive/2025-02-30.html")[0] == 404
    assert fetch(base + "/archive/notadate.html")[0] == 404


def test_robots_and_content_types(sites):
    base = sites.base_urls["globalnewshub"]
    status, headers, body = fetch(base + "/robots.txt")
    assert status == 200 and headers["Content-Type"] == "text/plain"
    assert f"Sitemap: {base}/sitemap_index.xml" in body.decode() and "Disallow: /search" in body.decode()
    assert fetch(base + "/sitemap_index.xml")[1]["Content-Type"] == "application/xml"
    zbase = sites.base_urls["zixun"]
    assert f"Sitemap: {zbase}/sitemap.xml" in fetch(zbase + "/robots.txt")[2].decode()
    assert fetch(zbase + "/atom.xml")[1]["Content-Type"] == "application/xml"
    assert fetch(sites.base_urls["worldbrief"] + "/robots.txt")[0] == 200
    assert fetch(base + "/static/img/logo.png")[1]["Content-Type"] == "image/png"


def test_missing_is_404_and_no_escape(sites):
    base = sites.base_urls["globalnewshub"]
    assert fetch(base + "/news/2025/0214/9999.html")[0] == 404
    assert fetch(base + "/../site.toml")[0] == 404
    assert fetch(base + "/%2e%2e/site.toml")[0] == 404


def test_head(sites):
    status, headers, body = fetch(sites.base_urls["worldbrief"] + "/p/8h3k2.html", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 1000


def test_every_expected_path_answers_200(sites):
    for entry in EXPECTED["articles"] + EXPECTED["non_articles"]:
        status, headers, body = fetch(sites.base_urls[entry["site"]] + entry["path"])
        assert status == 200, entry
        assert headers["Content-Type"] == "text/html", entry
        assert b"__BASE" not in body, entry


def test_expected_articles_match_pages(sites):
    for art in EXPECTED["articles"]:
        _, _, body = fetch(sites.base_urls[art["site"]] + art["path"])
        text = html.unescape(body.decode("gb18030" if art["site"] == "zixun" else "utf-8"))
        assert art["title"] in text, art["path"]
        for sentence in [art["first_paragraph"], art["last_paragraph"], *art["body_contains"]]:
            assert sentence in text, (art["path"], sentence)
        for bp in EXPECTED["boilerplate"]:
            for sentence in [art["first_paragraph"], art["last_paragraph"], *art["body_contains"]]:
                assert bp not in sentence
        if art["duplicate_of"]:
            assert any(a["site"] == art["duplicate_of"]["site"] and a["path"] == art["duplicate_of"]["path"]
                       for a in EXPECTED["articles"])
    # every site has boilerplate the extractor must remove
    all_text = html.unescape("".join(
        fetch(sites.base_urls[a["site"]] + a["path"])[2].decode("gb18030" if a["site"] == "zixun" else "utf-8")
        for a in EXPECTED["articles"]))
    assert all(bp in all_text for bp in EXPECTED["boilerplate"])


def test_sources_toml(sites, tmp_path: Path):
    path = sites.write_sources(tmp_path / "sources.toml")
    data = tomllib.loads(path.read_text("utf-8"))
    by_name = {s["name"]: s for s in data["source"]}
    assert set(by_name) == set(sites.base_urls)
    for name, src in by_name.items():
        assert set(src) <= ALLOWED_SOURCE_KEYS
        assert "__" not in json.dumps(src)
        assert all(u.startswith(sites.base_urls[name]) for u in src["start_urls"] + src.get("feeds", []) + src.get("sitemaps", []))
        for pattern in src.get("article_url_patterns", []) + src.get("deny_url_patterns", []) + src.get("boilerplate", []):
            re.compile(pattern)
    assert set(by_name["worldbrief"]) == {"name", "start_urls", "allowed_domains"}
    arts = [a for a in EXPECTED["articles"] if a["site"] in ("globalnewshub", "zixun")]
    for art in arts:
        url = sites.base_urls[art["site"]] + art["path"]
        assert any(re.search(p, url) for p in by_name[art["site"]]["article_url_patterns"]), url


def test_request_log(sites):
    base = sites.base_urls["zixun"]
    fetch(base + "/list/2.html?from=test-log")
    fetch(base + "/no/such/page.html")
    assert ("zixun", "GET", "/list/2.html?from=test-log", 200) in sites.requests
    assert ("zixun", "GET", "/no/such/page.html", 404) in sites.requests


def test_fixed_port_and_subset():
    with SampleSites(names=["worldbrief"]) as probe:
        port = int(probe.base_urls["worldbrief"].rsplit(":", 1)[1])
    with SampleSites(port=port, names=["worldbrief", "zixun"]) as s:
        assert s.base_urls == {"worldbrief": f"http://127.0.0.4:{port}", "zixun": f"http://127.0.0.3:{port}"}
        status, _, body = fetch(s.base_urls["worldbrief"] + "/")
        assert status == 200
        # the unserved site's placeholder is still replaced (same port, its own host)
        assert b"__BASE" not in fetch(s.base_urls["zixun"] + "/")[2]
    with pytest.raises(ValueError):
        SampleSites(names=["nope"])


def test_sites_small():
    total = sum(p.stat().st_size for p in DEFAULT_ROOT.rglob("*") if p.is_file())
    assert total < 1_000_000
