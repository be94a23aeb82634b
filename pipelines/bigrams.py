"""Chinese and Japanese text as the runs of two, three and four characters the n-gram search index holds.

These scripts put no spaces between words for the words index to split on, and most Chinese words have
two characters: fewer than the trigram index can match. So each run of such characters is indexed as its
overlapping pairs, triples and quadruples ("中国经济" -> "中国 国经 经济 中国经 国经济 中国经济"), and a
query of two to four such characters, most Chinese words, is one of them: a lookup of one token, whose
postings are just the articles' ids (the index keeps no positions). The index is contentless
(articles_bigrams, named for its first contents, pipelines/schema.py), written by pipelines/store.py
beside each article.
"""
from __future__ import annotations

import re

# Chinese (CJK ideographs and compatibility ideographs) and Japanese kana: the characters the search
# routes to the trigram and n-gram indexes (newsdb/datasette/search_plan.py uses the same class)
IDEOGRAPHIC = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
SIZES = (2, 3, 4)  # the lengths of the runs indexed: a query of one of these is one token
_RUN = re.compile(f"[{IDEOGRAPHIC}]{{{min(SIZES)},}}")
# a text the index holds as one token: a search for it (fullmatch) is a lookup of that token
NGRAM = re.compile(f"[{IDEOGRAPHIC}]{{{min(SIZES)},{max(SIZES)}}}")


def cjk_ngrams(text: str | None) -> str:
    """The runs of 2, 3 and 4 characters within every run of Chinese or Japanese characters, space-separated."""
    grams = []
    for run in _RUN.findall(text or ""):
        for size in SIZES:
            grams += [run[i:i + size] for i in range(len(run) - size + 1)]
    return " ".join(grams)


def article_text(title: str | None, body: str | None) -> str:
    """What the n-gram index holds for an article: the n-grams of its title and body."""
    return cjk_ngrams(f"{title or ''}\n{body or ''}")
