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


@pytest.mark.parametrize("path", ["/a/caijing/list_3_2.html", "/news/page_2_1.html", "/list-12-3.html"])
def test_numbered_list_pages_are_not_slugs(path: str) -> None:
    assert is_listing_url(path)


def _brief(body: str, source: dict) -> str:
    import lxml.html

    from pipelines.classify import classify_page
    tree = lxml.html.fromstring(f"<html><body><p>{body}</p></body></html>")
    return classify_page(tree, None, "http://www.example.cn/article-23409-1.html", body, source)[0]


def test_a_short_brief_is_an_article_when_the_url_patterns_say_so() -> None:
    brief = "\n\n".join(["从本周起，市图书馆每周二至周五的开放时间延长至晚上9点，方便上班族和学生下班、放学后到馆阅读。",
                         "图书馆负责人表示，夜间开放期间，自习区、少儿阅览区和报刊区均正常开放，借还书服务也照常提供。",
                         "今后，图书馆还将根据读者需求，适时推出夜间讲座。"])
    patterns = {"article_url_patterns": [r"/article-\d+-\d+\.html$"]}
    assert _brief(brief, patterns) == "article"
    assert _brief(brief, {}) == "empty"  # no pattern, no page type: a short text is not enough
    teaser = "订阅后即可阅读全文。本文为付费内容，开通会员后可以查看完整报道和更多深度分析文章。"
    assert _brief(teaser, patterns) == "empty"  # one paragraph is a teaser, not a brief
