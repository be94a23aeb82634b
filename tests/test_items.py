"""Items as the log shows them: Scrapy prints the item with every dropped page."""
from crawler.items import PageItem, PageVisit


def test_a_page_item_shows_its_source_and_url_not_its_html():
    item = PageItem(url="http://a.test/1.html", source="a", html="<html>" + "<p>story</p>" * 10_000)
    assert repr(item) == "<PageItem a http://a.test/1.html>"
    assert str(item) == repr(item)


def test_a_page_visit_shows_its_kind_and_how_many_links():
    visit = PageVisit(url="http://a.test/", source="a", kind="listing", links=[["http://a.test/1.html", "page", None, None]])
    assert repr(visit) == "<PageVisit listing a http://a.test/ (1 links)>"
