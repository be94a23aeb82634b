"""Remove aggregator boilerplate from extracted article paragraphs (pure functions, rules as data)."""
from __future__ import annotations

import hashlib
import re
import tomllib
from re import _constants, _parser  # the regex parser: a pattern's anchors and greatest match width
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

RULES_PATH = Path(__file__).with_name("rules") / "boilerplate.toml"
SECTIONS = ("drop_paragraph", "cut_from", "strip_prefix", "strip_suffix", "strip_inline", "drop_trailing")

# A summary box shorter than this is not treated as a copy of a later paragraph: short lines
# ("Yes.", a subheading) may legitimately start a later paragraph.
MIN_SUMMARY_CHARS = 30
MIN_SUMMARY_CJK_CHARS = 15
# A title shorter than this is not stripped from the start of a paragraph: short titles are
# often the natural first words of the lead sentence.
MIN_TITLE_WORDS = 5
MIN_TITLE_CJK_CHARS = 8
# Shortest paragraph that counts as prose after a footer marker (related-headline lists are shorter);
# Chinese packs about twice the meaning per character.
MIN_PROSE_CHARS = 80
HEADER_LINES = 4  # how far down the headline may stand below header labels
MIN_PROSE_CJK_CHARS = 40

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TRAILING_PUNCT = " \t.。!！?？:：;；,，、…-–—|·"
_ELLIPSIS = re.compile(r"(?:\.{3}|…+)\s*$")
_SITE_SEPARATOR = re.compile(r"^\s*[-|_–—:：·｜]\s*(?P<site>.{1,40})$")
_DATEISH = re.compile(r"^\s*\d{1,4}[-/.年月]")
_CJK_LEAD = re.compile(r"^\s*(?:[\d（(【\[「“\"]|近日|日前|据|记者|新华社|本报|中新网|央视网|人民网)")


@dataclass(frozen=True)
class Rules:
    """Compiled boilerplate rules, one tuple of patterns per section of boilerplate.toml."""

    drop_paragraph: tuple[re.Pattern[str], ...]
    cut_from: tuple[re.Pattern[str], ...]
    strip_prefix: tuple[re.Pattern[str], ...]
    strip_suffix: tuple[re.Pattern[str], ...]
    strip_inline: tuple[re.Pattern[str], ...]
    drop_trailing: tuple[re.Pattern[str], ...]


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    """Compile one rule case-insensitively; a bad pattern names itself in the ValueError."""
    if not isinstance(pattern, str):
        raise ValueError(f"rule in {where} is not a string: {pattern!r}")
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"invalid regex {pattern!r} in {where}: {exc}") from exc


def _compile_file(path: Path) -> Rules:
    """Read and compile a rules file: each section is a table of named lists of regexes."""
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    unknown = set(data) - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown section(s) in {path.name}: {sorted(unknown)}")
    sections = {}
    for section in SECTIONS:
        groups = data.get(section, {})
        sections[section] = tuple(
            _compile(p, f"{path.name} [{section}].{name}")
            for name, patterns in groups.items()
            for p in patterns
        )
    return Rules(**sections)


@lru_cache(maxsize=4)
def _file_rules(path: Path = RULES_PATH) -> Rules:
    """The compiled rules of a file, cached so the defaults are compiled once per process."""
    return _compile_file(path)


@lru_cache(maxsize=256)
def _with_extra(base: Rules, extra: tuple[str, ...]) -> Rules:
    """`base` plus per-source drop_paragraph patterns (cached: sources repeat)."""
    compiled = tuple(_compile(p, "per-source boilerplate_patterns") for p in extra)
    return Rules(
        drop_paragraph=base.drop_paragraph + compiled,
        cut_from=base.cut_from,
        strip_prefix=base.strip_prefix,
        strip_suffix=base.strip_suffix,
        strip_inline=base.strip_inline,
        drop_trailing=base.drop_trailing,
    )


def load_rules(extra: Sequence[str] = (), path: Path | None = None) -> Rules:
    """The rules file's rules plus `extra` drop_paragraph regexes; ValueError names a bad pattern."""
    base = _file_rules(path or RULES_PATH)
    return _with_extra(base, tuple(extra)) if extra else base


def normalise_ws(text: str) -> str:
    """Collapse all whitespace runs (including NBSP and ideographic space) to one space."""
    return " ".join(text.split())  # str.split() splits on exactly the characters re's \s matches


def _key(text: str) -> str:
    """Comparison key: case-folded, whitespace-normalised, trailing punctuation dropped."""
    return normalise_ws(text).casefold().rstrip(_TRAILING_PUNCT)


def _is_cjk(text: str) -> bool:
    """True when the text has CJK ideographs (spacing rules differ)."""
    return bool(_CJK.search(text))


def _strip_affixes(paragraph: str, rules: Rules) -> str:
    """Remove labels such as "摘要：" from the start, credits such as "（责任编辑：X）" from the end, and
    bracketed picture credits from anywhere."""
    chars = set(paragraph)  # a rule's guard is checked against the text before any rule changed it
    for _, guard, pattern in _with_longest(rules.strip_inline):
        if guard is None or not guard.isdisjoint(chars):
            paragraph = pattern.sub(" ", paragraph).strip()
    for _, guard, pattern in _with_longest(rules.strip_prefix):
        if guard is None or not guard.isdisjoint(chars):
            paragraph = pattern.sub("", paragraph, count=1)
    for _, guard, pattern in _with_longest(rules.strip_suffix):
        if guard is None or not guard.isdisjoint(chars):
            paragraph = pattern.sub("", paragraph, count=1)
    return paragraph.strip()


def _is_title(paragraph: str, title_key: str) -> bool:
    """The paragraph is the title, maybe with trailing punctuation or " - Site Name" after it."""
    key = _key(paragraph)
    if key == title_key:
        return True
    if not key.startswith(title_key):
        return False
    rest = key[len(title_key):]
    site = _SITE_SEPARATOR.match(rest)
    # a site name is short and is not a sentence
    return bool(site) and not re.search(r"[.!?。！？]", site.group("site"))


def _strip_title(paragraph: str, title: str) -> str:
    """Drop the title from the start of a paragraph that runs on into text (summary boxes, headers)."""
    if not title or not paragraph.casefold().startswith(title.casefold()):
        return paragraph
    rest = paragraph[len(title):]
    if not rest.strip(_TRAILING_PUNCT):
        return paragraph
    if _is_cjk(title):
        long_enough = len(title) >= MIN_TITLE_CJK_CHARS
        joint = title[-1] in "？！。?!" or rest[0].isspace() or bool(_CJK_LEAD.match(rest))
    else:
        long_enough = len(title.split()) >= MIN_TITLE_WORDS
        # "...LandscapeOn February": two blocks glued together, never natural prose
        glued = title[-1].isalnum() and (rest[0].isupper() or rest[0].isdigit())
        spaced = rest[0].isspace() and (rest.lstrip()[:1].isupper() or bool(_DATEISH.match(rest)))
        joint = glued or title[-1] in "?!.:" or (spaced and len(title.split()) >= 6)
    if not (long_enough and joint):
        return paragraph
    return rest.lstrip(" \t-–—|:：·,，")


def _summary_key(paragraph: str) -> str:
    """Key for the prefix test: a truncated summary ends in "..." which the full text lacks."""
    return _ELLIPSIS.sub("", normalise_ws(paragraph)).casefold().rstrip(_TRAILING_PUNCT)


def _drop_summaries(paragraphs: Sequence[str]) -> list[str]:
    """Drop each paragraph that is a prefix of a later, longer one (a summary box)."""
    later_keys = [normalise_ws(p).casefold() for p in paragraphs]
    return [p for i, p in enumerate(paragraphs) if not _is_summary_of_later(_summary_key(p), later_keys[i + 1:])]


def _is_summary_of_later(key: str, later_keys: Sequence[str]) -> bool:
    minimum = MIN_SUMMARY_CJK_CHARS if _is_cjk(key) else MIN_SUMMARY_CHARS
    if len(key) < minimum:
        return False
    return any(len(later) > len(key) and later.startswith(key) for later in later_keys)


def _cut_index(paragraphs: Sequence[str], rules: Rules) -> int:
    """Index where the footer starts, or len(paragraphs) when there is none.

    A footer marker only counts in the last part of the body: there must be real text before it,
    and what follows it must be short (less text than precedes it) or contain no prose paragraph,
    so "Disclaimer:" in paragraph 2 of a long article does not throw the article away.
    """
    lengths = [len(p) for p in paragraphs]
    for i in range(1, len(paragraphs)):
        if not _matches(paragraphs[i], rules.cut_from):
            continue
        before, after = sum(lengths[:i]), sum(lengths[i + 1:])
        if after <= before or not any(is_prose(p) for p in paragraphs[i + 1:]):
            return i
    return len(paragraphs)


def is_prose(paragraph: str) -> bool:
    """Long enough to be article text rather than a headline, label or button."""
    return len(paragraph) >= (MIN_PROSE_CJK_CHARS if _is_cjk(paragraph) else MIN_PROSE_CHARS)


def _matches(paragraph: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    """True when any pattern matches the paragraph (patterns too short to match it whole, or needing a
    character it lacks, are not tried)."""
    n, chars = len(paragraph), set(paragraph)
    for longest, guard, pattern in _with_longest(patterns):
        if n <= longest and (guard is None or not guard.isdisjoint(chars)) and pattern.search(paragraph):
            return True
    return False


_LENGTH_GUARD = re.compile(r"^\^\(\?=\.\{0,(\d+)\}\$\)")  # a rule opening with ^(?=.{0,N}$)


@lru_cache(maxsize=64)
def _with_longest(patterns: tuple[re.Pattern[str], ...]) -> tuple[tuple[float, frozenset[str] | None, re.Pattern[str]], ...]:
    """Each pattern with the longest paragraph it can match: N for a ^(?=.{0,N}$) guard, the pattern's
    own greatest width when it is anchored at both ends, else no limit; and its character guard. Most
    rules are short lines, and running them over every long paragraph of a story was most of the
    cleaning time."""
    return tuple((_longest_match(p), _char_guard(p), p) for p in patterns)


def _char_guard(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Characters one of which is in every text the pattern matches: those a step of the pattern must
    start with, such as "（(" of a bracketed credit. Looking them up in the set of a paragraph's
    characters is far cheaper than letting the rule fail at every position, and most paragraphs have
    none of them. Only caseless characters (CJK, punctuation) are used, so case-insensitive rules need
    no case folding here; None when no step gives such a set."""
    best: set[int] | None = None
    for op, arg in _parser.parse(pattern.pattern, pattern.flags).data:
        chars = _first_chars(op, arg)
        if chars and all(_caseless(chr(c)) for c in chars) and (best is None or len(chars) < len(best)):
            best = chars
    return frozenset(map(chr, best)) if best else None


def _caseless(char: str) -> bool:
    """Matched only by itself, with or without IGNORECASE; not a space, which a rule may put in."""
    return char.lower() == char == char.upper() and not char.isspace()


def _first_chars(op, arg) -> set[int] | None:
    """The characters a required step (a literal, a class of literals, an alternation or group of those,
    or one repeated at least once) can start with; None when it is optional or not that simple."""
    if op is _constants.LITERAL:
        return {arg}
    if op is _constants.IN:
        return {a for o, a in arg} if all(o is _constants.LITERAL for o, a in arg) else None
    if op is _constants.BRANCH:
        sets = [_first_chars(*branch[0]) if branch else None for branch in arg[1]]
        return set().union(*sets) if all(sets) else None
    if op is _constants.SUBPATTERN and arg[3] and not (arg[1] or arg[2]):  # a group that changes no flags
        return _first_chars(*arg[3][0])
    if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) and arg[0] >= 1 and arg[2]:
        return _first_chars(*arg[2][0])
    return None


def _longest_match(pattern: re.Pattern[str]) -> float:
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    # "^a|b$" parses as one top-level alternative: neither anchor then bounds the whole paragraph
    if not parsed.data or parsed.data[0] != (_constants.AT, _constants.AT_BEGINNING):
        return float("inf")
    guard = _LENGTH_GUARD.match(pattern.pattern)
    if guard:
        return int(guard.group(1))
    if parsed.data[-1] == (_constants.AT, _constants.AT_END):  # "$": paragraphs hold no newline to stop before
        width = parsed.getwidth()[1]
        return width if width < _constants.MAXREPEAT else float("inf")
    return float("inf")


def clean_paragraphs(paragraphs: Iterable[str], title: str | None, rules: Rules) -> list[str]:
    """Drop boilerplate, title copies, summary boxes and duplicates; keep order and real text."""
    title = normalise_ws(title or "").rstrip()
    title_key = _key(title)
    kept = [normalise_ws(p) for p in paragraphs]
    kept = [p for p in kept if p]
    kept = kept[: _cut_index(kept, rules)]
    kept = _drop_header_before_title(kept, title_key)
    out: list[str] = []
    for paragraph in kept:
        paragraph = _strip_affixes(paragraph, rules)
        if title_key and _is_title(paragraph, title_key):
            continue
        paragraph = _strip_title(paragraph, title)
        if paragraph and not _matches(paragraph, rules.drop_paragraph):
            out.append(paragraph)
    out = _drop_summaries(out)
    out = _dedupe(out)
    while out and _matches(out[-1], rules.drop_trailing):
        out.pop()
    return out


def _drop_header_before_title(paragraphs: list[str], title_key: str) -> list[str]:
    """Short lines above the headline (kicker, section label, breadcrumb) belong to the page header."""
    for i, paragraph in enumerate(paragraphs[:HEADER_LINES]):
        if title_key and _is_title(paragraph, title_key):
            return paragraphs[i:] if not any(is_prose(p) for p in paragraphs[:i]) else paragraphs
    return paragraphs


def _dedupe(paragraphs: Sequence[str]) -> list[str]:
    """Exact duplicates (case and whitespace aside) after the first are dropped."""
    seen: set[str] = set()
    out = []
    for paragraph in paragraphs:
        key = normalise_ws(paragraph).casefold()
        if key not in seen:
            seen.add(key)
            out.append(paragraph)
    return out


def normalise_body(paragraphs: Iterable[str]) -> str:
    """The stored body: whitespace-normalised non-empty paragraphs separated by a blank line."""
    return "\n\n".join(p for p in (normalise_ws(x) for x in paragraphs) if p)


def content_hash(body: str) -> str:
    """sha1 hex of the whitespace-normalised, lower-cased body (stable across re-wrapping)."""
    return hashlib.sha1(normalise_ws(body).lower().encode("utf-8")).hexdigest()
