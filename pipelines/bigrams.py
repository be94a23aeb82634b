"""Chinese and Japanese text as the overlapping character pairs the bigram search index holds.

Most Chinese words have two characters: fewer than the trigram index can match, and these scripts put no
spaces between words for the words index to split on. So each run of such characters is indexed as its
pairs ("中国经济" -> "中国 国经 经济"), and a two-character query is one of them. The index is contentless
(articles_bigrams, pipelines/schema.py), written by pipelines/store.py beside each article.
"""
from __future__ import annotations

import re

# Chinese (CJK ideographs and compatibility ideographs) and Japanese kana: the characters the search
# routes to the trigram and bigram indexes (newsdb/datasette/search_plan.py uses the same class)
IDEOGRAPHIC = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
_RUN = re.compile(f"[{IDEOGRAPHIC}]{{2,}}")


def cjk_bigrams(text: str | None) -> str:
    """The character pairs of every run of two or more Chinese or Japanese characters, space-separated."""
    pairs = []
    for run in _RUN.findall(text or ""):
        pairs += [run[i:i + 2] for i in range(len(run) - 1)]
    return " ".join(pairs)


def article_text(title: str | None, body: str | None) -> str:
    """What the bigram index holds for an article: the pairs of its title and body."""
    return cjk_bigrams(f"{title or ''}\n{body or ''}")
