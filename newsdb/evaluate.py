"""`make eval`: how well newsdb extracts articles, measured next to plain trafilatura.

Two tables: the labelled aggregator corpus (tests/corpus/truth.json) and the real-world regression
set (../shared/corpora/trafilatura-realworld). The README section "Measuring extraction" defines
every number printed here.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable

import trafilatura
from w3lib.encoding import html_to_unicode

from pipelines.clean import normalise_ws
from pipelines.extract import extract_page

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
SHARED = ROOT.parent / "shared"
REALWORLD = SHARED / "corpora" / "trafilatura-realworld"
SYSTEMS = ("newsdb", "trafilatura")
FIELDS = ("title", "published", "author", "original_source", "category", "tags", "language")

# The bar (issue 3). Checked by bar_failures(), asserted by tests/test_evaluate.py.
MIN_BODY_F1 = 0.98
MIN_PUBLISHED = 0.98

# ---------------------------------------------------------------- tokens and F1

# One token per CJK ideograph or kana (those scripts have no spaces), else one per run of letters/digits.
_CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK_CHARS}]|[^\W_{_CJK_CHARS}]+")


def tokens(text: str | None) -> list[str]:
    """Case-folded tokens: words for latin text, single characters for Chinese/Japanese; no punctuation."""
    return _TOKEN.findall((text or "").casefold())


def overlap(extracted: str | None, truth: str | None) -> tuple[int, int, int]:
    """(tokens in common as bags, extracted tokens, truth tokens)."""
    got, want = Counter(tokens(extracted)), Counter(tokens(truth))
    return sum((got & want).values()), sum(got.values()), sum(want.values())


def prf(common: int, extracted: int, truth: int) -> tuple[float, float, float]:
    """Precision, recall, F1 from token counts; nothing extracted of nothing expected is perfect."""
    precision = common / extracted if extracted else float(truth == 0)
    recall = common / truth if truth else float(extracted == 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def f1(extracted: str | None, truth: str | None) -> float:
    """Token-level F1 of one extracted body against one truth text."""
    return prf(*overlap(extracted, truth))[2]


# ---------------------------------------------------------------- decoding and the two extractors

def decode(raw: bytes) -> str:
    """Bytes to text as Scrapy does without a Content-Type header: BOM, then <meta charset>, then UTF-8."""
    return html_to_unicode(None, raw)[1]


def run_newsdb(html: str, url: str, source: dict | None, gate: bool = True) -> dict:
    """What newsdb stores for the page (stored=False and empty fields for a page it does not store)."""
    result = extract_page(html, url, source, gate=gate)
    article = result.get("article") or {}
    out = {"stored": result["kind"] == "article", "reason": result.get("reason")}
    out.update({f: article.get(f) for f in (*FIELDS, "body", "comments")})
    return out


def run_trafilatura(html: str, url: str) -> dict:
    """Plain trafilatura: extract() for the body, bare_extraction() metadata for the other columns."""
    body = trafilatura.extract(html, url=url) or ""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    get = (lambda name: getattr(doc, name, None)) if doc is not None else (lambda name: None)
    categories = get("categories") or []
    return {"stored": bool(body.strip()), "reason": None, "body": body, "comments": None,
            "title": get("title"), "published": get("date"), "author": get("author"),
            "original_source": None, "category": categories[0] if categories else None,
            "tags": get("tags") or [], "language": get("language")}


# ---------------------------------------------------------------- field comparisons

def _norm(value: Any) -> str:
    return normalise_ws(str(value)) if value not in (None, "") else ""


def same_text(got: Any, want: Any) -> bool:
    """Equal after whitespace normalisation; missing and empty are the same."""
    return _norm(got) == _norm(want)


def same_tags(got: Iterable[str] | None, want: Iterable[str] | None) -> bool:
    """Set equality of whitespace-normalised tags."""
    return {_norm(t) for t in got or ()} - {""} == {_norm(t) for t in want or ()} - {""}


def parse_offset(value: str | None) -> timezone | None:
    """"+08:00" / "-0500" / "UTC" -> a timezone; None when absent."""
    if not value:
        return None
    if value.strip().upper() in ("Z", "UTC", "GMT"):
        return timezone.utc
    m = re.fullmatch(r"\s*(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})?\s*", value, re.IGNORECASE)
    if not m:
        raise ValueError(f"bad utc_offset {value!r}")
    delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
    return timezone(delta if m.group(1) == "+" else -delta)


def same_published(got: str | None, want: str | None, tz: timezone | None = None) -> bool:
    """Same minute (or day, when the truth has no time) in the page's wall clock.

    An aware stored value is converted to `tz` (the truth's UTC offset) when one is given; otherwise
    its own wall-clock time, as printed, is compared.
    """
    want = _norm(want)
    if not want or not got:
        return not want and not got
    try:
        moment = datetime.fromisoformat(str(got).strip())
    except ValueError:
        return False
    if moment.tzinfo is not None and tz is not None:
        moment = moment.astimezone(tz)
    return moment.strftime("%Y-%m-%d %H:%M" if " " in want else "%Y-%m-%d") == want


def field_hits(got: dict, truth: dict, tz: timezone | None) -> dict[str, bool]:
    """Which of the truth's fields the extraction got right."""
    hits = {name: same_text(got.get(name), truth.get(name)) for name in FIELDS}
    hits["published"] = same_published(got.get("published"), truth.get("published"), tz)
    hits["tags"] = same_tags(got.get("tags"), truth.get("tags"))
    hits["language"] = _norm(got.get("language")).lower() == _norm(truth.get("language")).lower()
    return hits


def leaks(body: str | None, boilerplate: Iterable[str]) -> list[str]:
    """The truth's boilerplate strings that appear in the body (whitespace-normalised)."""
    text = _norm(body)
    return [s for s in boilerplate if _norm(s) and _norm(s) in text]


# ---------------------------------------------------------------- the labelled corpus

@dataclass
class Tally:
    """Running totals for one system over the corpus."""

    common: int = 0
    extracted: int = 0
    truth: int = 0
    leaks: int = 0
    articles: int = 0
    not_articles: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    hits: Counter = field(default_factory=Counter)
    templates: dict[str, list[int]] = field(default_factory=dict)  # template -> [common, extracted, truth]

    def add_article(self, template: str, counts: tuple[int, int, int], hits: dict, leaked: int, stored: bool):
        self.articles += 1
        self.common, self.extracted, self.truth = (a + b for a, b in zip((self.common, self.extracted, self.truth), counts))
        row = self.templates.setdefault(template, [0, 0, 0])
        row[:] = [a + b for a, b in zip(row, counts)]
        self.hits.update(name for name, ok in hits.items() if ok)
        self.leaks += leaked
        self.false_negatives += not stored

    def add_not_article(self, template: str, stored: bool):
        self.not_articles += 1
        self.templates.setdefault(template, [0, 0, 0])
        self.false_positives += stored

    def summary(self) -> dict:
        precision, recall, f = prf(self.common, self.extracted, self.truth)
        n = self.articles or 1
        return {
            "body_precision": precision, "body_recall": recall, "body_f1": f,
            "boilerplate_leaks": self.leaks,
            "accuracy": {name: self.hits[name] / n for name in FIELDS},
            "correct": {name: self.hits[name] for name in FIELDS},
            "articles": self.articles, "not_articles": self.not_articles,
            "false_positives": self.false_positives, "false_negatives": self.false_negatives,
            "template_f1": {t: prf(*c)[2] for t, c in sorted(self.templates.items()) if c[2]},
        }


def load_corpus(corpus: Path) -> tuple[list[dict], dict[str, dict]]:
    """truth.json and the optional templates.json (template -> source config)."""
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    templates_file = corpus / "templates.json"
    templates = json.loads(templates_file.read_text(encoding="utf-8")) if templates_file.is_file() else {}
    return truth, templates


def _source(template: str, templates: dict[str, dict]) -> dict:
    """The template's source config, named after the template."""
    return {"name": template, **(templates.get(template) or {})}


def _tz(entry: dict, source: dict) -> timezone | None:
    return parse_offset(entry.get("utc_offset") or source.get("utc_offset"))


def score_page(entry: dict, got: dict, tz: timezone | None) -> dict:
    """One page's numbers for one system."""
    if entry["kind"] != "article":
        return {"stored": got["stored"], "reason": got.get("reason")}
    body = got["body"] if got["stored"] else ""
    counts = overlap(body, "\n".join(entry.get("paragraphs") or []))
    hits = field_hits(got if got["stored"] else {}, entry, tz)
    return {"stored": got["stored"], "reason": got.get("reason"), "counts": counts, "f1": prf(*counts)[2],
            "hits": hits, "leaks": leaks(body, entry.get("boilerplate") or []),
            "got": {name: got.get(name) for name in FIELDS}}


def evaluate_corpus(corpus: Path) -> dict:
    """Run both systems on every corpus page; totals, per-template F1 and per-page details."""
    truth, templates = load_corpus(corpus)
    tallies = {name: Tally() for name in SYSTEMS}
    pages = []
    for entry in truth:
        html = decode((corpus / entry["file"]).read_bytes())
        source = _source(entry["template"], templates)
        tz = _tz(entry, source)
        outputs = {"newsdb": run_newsdb(html, entry["url"], source), "trafilatura": run_trafilatura(html, entry["url"])}
        page = {"file": entry["file"], "template": entry["template"], "kind": entry["kind"]}
        for name, got in outputs.items():
            scored = page[name] = score_page(entry, got, tz)
            if entry["kind"] == "article":
                tallies[name].add_article(entry["template"], scored["counts"], scored["hits"],
                                          len(scored["leaks"]), got["stored"])
            else:
                tallies[name].add_not_article(entry["template"], got["stored"])
        pages.append(page)
    return {"corpus": str(corpus), "pages": pages, "templates": sorted({e["template"] for e in truth}),
            "systems": {name: t.summary() for name, t in tallies.items()}}


# ---------------------------------------------------------------- the real-world set

def realworld_text(got: dict) -> str:
    """newsdb's extraction for this set: the body plus the separately kept readers' comments."""
    return "\n".join(filter(None, (got.get("body"), got.get("comments"))))


def check_strings(text: str, must_contain: list[str], must_not_contain: list[str]) -> dict:
    """Which must_contain strings are missing and which must_not_contain strings are present."""
    text = _norm(text)
    return {"missing": [s for s in must_contain if _norm(s) not in text],
            "present": [s for s in must_not_contain if _norm(s) in text]}


def evaluate_realworld(folder: Path) -> dict:
    """must_contain kept and must_not_contain avoided, newsdb (gate off) vs trafilatura."""
    expectations = json.loads((folder / "expectations.json").read_text(encoding="utf-8"))
    totals = {"must_contain": 0, "must_not_contain": 0, "gated_articles": 0, "pages": len(expectations)}
    for name in SYSTEMS:
        totals[name] = {"kept": 0, "avoided": 0}
    pages = []
    for entry in expectations:
        html = decode((folder / "html" / entry["file"]).read_bytes())
        ours = run_newsdb(html, entry["url"], None, gate=False)
        texts = {"newsdb": realworld_text(ours), "trafilatura": trafilatura.extract(html, url=entry["url"]) or ""}
        page = {"file": entry["file"], "gate": ours["stored"], "reason": ours["reason"]}
        totals["must_contain"] += len(entry["must_contain"])
        totals["must_not_contain"] += len(entry["must_not_contain"])
        totals["gated_articles"] += ours["stored"]
        for name, text in texts.items():
            page[name] = check_strings(text, entry["must_contain"], entry["must_not_contain"])
            totals[name]["kept"] += len(entry["must_contain"]) - len(page[name]["missing"])
            totals[name]["avoided"] += len(entry["must_not_contain"]) - len(page[name]["present"])
        pages.append(page)
    return {"folder": str(folder), "totals": totals, "pages": pages}


# ---------------------------------------------------------------- the bar

def bar_failures(corpus: dict, realworld: dict | None) -> list[str]:
    """What misses the bar of issue 3 (empty when met)."""
    ours = corpus["systems"]["newsdb"]
    fails = []
    if ours["body_f1"] < MIN_BODY_F1:
        fails.append(f"body F1 {ours['body_f1']:.4f} < {MIN_BODY_F1}")
    if ours["boilerplate_leaks"]:
        fails.append(f"{ours['boilerplate_leaks']} boilerplate leaks")
    for name in ("title", "language"):
        if ours["accuracy"][name] < 1:
            fails.append(f"{name} accuracy {ours['accuracy'][name]:.1%} < 100%")
    if ours["accuracy"]["published"] < MIN_PUBLISHED:
        fails.append(f"published accuracy {ours['accuracy']['published']:.1%} < {MIN_PUBLISHED:.0%}")
    if ours["false_positives"]:
        fails.append(f"{ours['false_positives']} non-articles classified as articles")
    if realworld:
        totals = realworld["totals"]
        if totals["newsdb"]["kept"] < totals["must_contain"]:
            fails.append(f"real-world must_contain kept {totals['newsdb']['kept']}/{totals['must_contain']}")
        if totals["newsdb"]["avoided"] < totals["trafilatura"]["avoided"]:
            fails.append("real-world must_not_contain avoided worse than plain trafilatura")
    return fails


# ---------------------------------------------------------------- printing

def _table(header: list[str], rows: list[list[str]]) -> str:
    """A plain-text table, first column left-aligned, the others right-aligned."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = lambda r: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
    return "\n".join([line(header), "  ".join("-" * w for w in widths), *map(line, rows)])


def _ratio(hits: int, total: int) -> str:
    return f"{hits}/{total} {hits / total:.1%}" if total else "-"


def corpus_table(result: dict) -> str:
    systems = result["systems"]
    n = systems["newsdb"]["articles"]
    rows = [[label] + [f"{systems[s][key]:.4f}" for s in SYSTEMS]
            for label, key in (("body precision", "body_precision"), ("body recall", "body_recall"), ("body F1", "body_f1"))]
    rows.append(["boilerplate leaks"] + [str(systems[s]["boilerplate_leaks"]) for s in SYSTEMS])
    for name in FIELDS:
        unsupported = lambda s: s == "trafilatura" and name == "original_source"
        rows.append([f"{name} accuracy"] + ["n/a" if unsupported(s) else _ratio(systems[s]["correct"][name], n) for s in SYSTEMS])
    rows.append(["non-articles stored (false pos.)"] + [f"{systems[s]['false_positives']}/{systems[s]['not_articles']}" for s in SYSTEMS])
    rows.append(["articles not stored (false neg.)"] + [f"{systems[s]['false_negatives']}/{n}" for s in SYSTEMS])
    for template in result["templates"]:
        scores = [systems[s]["template_f1"].get(template) for s in SYSTEMS]
        if scores[0] is not None:
            rows.append([f"body F1 [{template}]"] + [f"{x:.4f}" for x in scores])
    pages = len(result["pages"])
    title = (f"Labelled corpus {result['corpus']}: {pages} pages, {n} articles, "
             f"{systems['newsdb']['not_articles']} not articles, {len(result['templates'])} templates")
    return title + "\n" + _table(["", *SYSTEMS], rows)


def realworld_table(result: dict) -> str:
    totals = result["totals"]
    rows = [["must_contain kept"] + [_ratio(totals[s]["kept"], totals["must_contain"]) for s in SYSTEMS],
            ["must_not_contain avoided"] + [_ratio(totals[s]["avoided"], totals["must_not_contain"]) for s in SYSTEMS],
            ["pages the gate calls articles"] + [_ratio(totals["gated_articles"], totals["pages"]), "-"]]
    title = (f"Real-world set {result['folder']}: {totals['pages']} pages "
             "(newsdb = body + comments, article gate off)")
    return title + "\n" + _table(["", *SYSTEMS], rows)


def misses(corpus: dict, realworld: dict | None) -> list[str]:
    """newsdb's misses, one line each: pages below F1 1.0, wrong fields, leaks, wrong kind, lost strings."""
    out = []
    for page in corpus["pages"]:
        ours = page["newsdb"]
        if page["kind"] != "article":
            if ours["stored"]:
                out.append(f"{page['file']}: non-article stored")
            continue
        if not ours["stored"]:
            out.append(f"{page['file']}: not stored ({ours['reason']})")
            continue
        if ours["f1"] < 1:
            out.append(f"{page['file']}: body F1 {ours['f1']:.4f}")
        out += [f"{page['file']}: {name} = {ours['got'][name]!r}" for name, ok in ours["hits"].items() if not ok]
        out += [f"{page['file']}: leaks {s!r}" for s in ours["leaks"]]
    for page in (realworld or {}).get("pages", []):
        out += [f"real-world {page['file']}: missing {s!r}" for s in page["newsdb"]["missing"]]
        out += [f"real-world {page['file']}: contains {s!r}" for s in page["newsdb"]["present"]]
    return out


# ---------------------------------------------------------------- command line

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsdb.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with truth.json (default tests/corpus)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every number (and per-page details) here")
    parser.add_argument("--details", action="store_true", help="list newsdb's misses page by page")
    parser.add_argument("--check", action="store_true", help="exit 1 when the bar is not met")
    args = parser.parse_args(argv)
    if not (args.corpus / "truth.json").is_file():
        print(f"error: no labelled corpus at {args.corpus} (truth.json missing)", file=sys.stderr)
        return 2
    corpus = evaluate_corpus(args.corpus)
    print(corpus_table(corpus))
    print()
    realworld = None
    if (REALWORLD / "expectations.json").is_file():
        realworld = evaluate_realworld(REALWORLD)
        print(realworld_table(realworld))
    else:
        print(f"Real-world table skipped: {REALWORLD} is absent (the shared corpora come with CI, not with a clone).")
    fails = bar_failures(corpus, realworld)
    print()
    print("Bar met." if not fails else "Bar NOT met: " + "; ".join(fails))
    if args.details:
        print("\n".join(["", "newsdb misses:", *misses(corpus, realworld)]))
    if args.json:
        args.json.write_text(json.dumps({"corpus": corpus, "realworld": realworld, "bar_failures": fails},
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if args.check and fails else 0


if __name__ == "__main__":
    sys.exit(main())
