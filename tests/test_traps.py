"""crawler/traps.py: which listing pages' URL shapes are traps."""
from crawler.traps import TrapWatch, url_shape

DAY = "http://a.example/archive/2025-02-{:02d}.html"
LIST = "http://a.example/news/list_{}.html"


def test_pages_that_differ_only_in_digits_share_a_shape():
    assert url_shape(DAY.format(13)) == url_shape(DAY.format(1)) == "http://a.example/archive/#-#-#.html"
    assert url_shape(LIST.format(2)) == url_shape(LIST.format(17))
    assert url_shape("http://a.example/archive/2025-02-13/tech.html") != url_shape(DAY.format(13))
    assert url_shape("http://a.example/?page=2") == "http://a.example/?page=#"


def test_a_shape_is_a_trap_after_enough_barren_pages_and_only_then():
    watch = TrapWatch(after=3)
    for day in (1, 2):
        watch.record("a", DAY.format(day), found_new_articles=False)
    assert not watch.is_trap("a", DAY.format(20))
    watch.record("a", DAY.format(3), found_new_articles=False)
    assert watch.is_trap("a", DAY.format(20)) and watch.is_trap("a", DAY.format(1))
    assert not watch.is_trap("b", DAY.format(20))  # each source's own verdicts
    assert not watch.is_trap("a", LIST.format(2))


def test_a_shape_that_once_led_to_a_new_article_is_never_a_trap():
    watch = TrapWatch(after=2)
    watch.record("a", LIST.format(1), found_new_articles=True)
    for page in range(2, 30):  # deep pages of a pagination, their stories already fetched
        watch.record("a", LIST.format(page), found_new_articles=False)
    assert not watch.is_trap("a", LIST.format(31))


def test_after_zero_turns_the_watch_off():
    watch = TrapWatch(after=0)
    for day in range(1, 20):
        watch.record("a", DAY.format(day), found_new_articles=False)
    assert not watch.is_trap("a", DAY.format(25))
