"""The article-vs-index gate's URL shapes."""
import pytest

from pipelines.classify import is_listing_url


@pytest.mark.parametrize("path", [
    "/", "/news/", "/news/2025/", "/2025/02/", "/tag/ai.html", "/news/list_2.html", "/about", "/about.html",
    "/category/tech.html", "/page/2/", "/author/daniel-hart.html", "/list/1.html", "/channel/keji.html",
    "/index.html", "/search", "/ear-candy/",
])
def test_listing_urls(path: str) -> None:
    assert is_listing_url(path)


@pytest.mark.parametrize("path", [
    "/2012/05/31/das-ministerium-fur-club-kultur-informiert/",          # WordPress article with a trailing slash
    "/inhalte/aktuelles/entwicklung-der-waldorfschule-ermoeglicht/index.html",
    "/index.php/2014/03/20/endlich-wird-es-spannend/",
    "/news/2025/0214/1024.html", "/story/battery-recyclers-lithium-race", "/p/8h3k2.html",
    "/top-10-women-talking-sports/", "/news/about-the-new-chip-rules.html",
])
def test_article_urls(path: str) -> None:
    assert not is_listing_url(path)


def test_listing_queries() -> None:
    assert is_listing_url("/search", "q=AI") and is_listing_url("/news.php", "page=2")
    assert not is_listing_url("/portal.php", "mod=view&aid=23448")
