"""The runs of Chinese and Japanese characters the n-gram search index holds."""
from __future__ import annotations

from pipelines.bigrams import article_text, cjk_ngrams


def test_each_run_gives_its_pairs_triples_and_quadruples():
    assert cjk_ngrams("中国经济") == "中国 国经 经济 中国经 国经济 中国经济"
    assert cjk_ngrams("新闻") == "新闻"


def test_latin_text_and_single_characters_give_none_and_runs_do_not_cross_them():
    assert cjk_ngrams("GDP grew 5% in 2024") == ""
    assert cjk_ngrams("中 国") == ""
    assert cjk_ngrams("中国GDP经济") == "中国 经济"
    assert cjk_ngrams(None) == ""


def test_kana_are_indexed_like_ideographs():
    assert cjk_ngrams("ニュース") == "ニュ ュー ース ニュー ュース ニュース"


def test_an_article_is_its_title_and_body_apart():
    assert article_text("新闻", "报道") == "新闻 报道"  # no run across the title's end
