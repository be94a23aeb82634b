"""`make eval` in CI: the labelled corpus and the real-world set must meet the bar of issue 3."""
from __future__ import annotations

import json
from datetime import timedelta, timezone

import pytest

from newsdb import evaluate
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"


# ---------------------------------------------------------------- the definitions, on tiny strings

def test_tokens_are_words_and_single_cjk_characters() -> None:
    assert evaluate.tokens("The U.S. chip-export rules, 2025!") == ["the", "u", "s", "chip", "export", "rules", "2025"]
    assert evaluate.tokens("芯片出口，AI 2025年") == ["芯", "片", "出", "口", "ai", "2025", "年"]


def test_f1_is_bag_of_tokens_overlap() -> None:
    # extracted 4 tokens, truth 3, common 2 ("chips", "fell"; "fell" counted once: bags, not sets)
    common, extracted, truth = evaluate.overlap("Chips fell fell sharply", "chips fell today")
    assert (common, extracted, truth) == (2, 4, 3)
    precision, recall, f1 = evaluate.prf(common, extracted, truth)
    assert (precision, recall) == (0.5, pytest.approx(2 / 3))
    assert f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert evaluate.f1("芯片出口", "芯片进口") == pytest.approx(0.75)
    assert evaluate.f1("", "some text") == 0.0
    assert evaluate.f1("same words", "Same, words.") == 1.0


def test_published_is_compared_in_the_page_wall_clock() -> None:
    assert evaluate.same_published("2025-02-14T14:34:43", "2025-02-14 14:34")
    assert evaluate.same_published("2025-02-14T14:34:43+08:00", "2025-02-14 14:34")  # wall clock as printed
    assert evaluate.same_published("2025-02-14T06:34:00+00:00", "2025-02-14 14:34", timezone(timedelta(hours=8)))
    assert not evaluate.same_published("2025-02-14T06:34:00+00:00", "2025-02-14 14:34")
    assert evaluate.same_published("2025-02-14T00:00:00", "2025-02-14")  # truth without time: the day
    assert not evaluate.same_published("2025-02-14T00:00:00", "2025-02-14 09:00")
    assert not evaluate.same_published(None, "2025-02-14") and evaluate.same_published(None, None)
    assert evaluate.parse_offset("+05:30") == timezone(timedelta(hours=5, minutes=30))


def test_leaks_and_string_checks_ignore_whitespace() -> None:
    assert evaluate.leaks("Body text.\n\nShare  to: WeChat", ["Share to:", "Copyright"]) == ["Share to:"]
    assert evaluate.check_strings("a  b\nc", ["a b c", "d"], ["c", "e"]) == {"missing": ["d"], "present": ["c"]}


def test_missing_corpus_is_an_error(tmp_path, capsys) -> None:
    assert evaluate.main(["--corpus", str(tmp_path)]) != 0
    assert "truth.json" in capsys.readouterr().err


# ---------------------------------------------------------------- the bar, on the real corpus

@pytest.fixture(scope="module")
def corpus_result() -> dict:
    if not (CORPUS / "truth.json").is_file():
        pytest.fail(f"the labelled corpus is missing: {CORPUS / 'truth.json'}")
    return evaluate.evaluate_corpus(CORPUS)


@pytest.fixture(scope="module")
def realworld_result() -> dict:
    if not (evaluate.REALWORLD / "expectations.json").is_file():
        pytest.skip(f"{evaluate.REALWORLD} is absent: the shared corpora come with CI, not with a user's clone")
    return evaluate.evaluate_realworld(evaluate.REALWORLD)


def test_corpus_has_the_promised_shape(corpus_result: dict) -> None:
    ours = corpus_result["systems"]["newsdb"]
    assert ours["articles"] >= 60 and ours["not_articles"] >= 15
    assert len(corpus_result["templates"]) >= 7


def test_corpus_meets_the_bar(corpus_result: dict) -> None:
    fails = evaluate.bar_failures(corpus_result, None)
    assert fails == [], "\n".join(fails + evaluate.misses(corpus_result, None))


def test_every_template_is_extracted_well(corpus_result: dict) -> None:
    # a template far below the average is a regression the average can hide
    low = {t: f for t, f in corpus_result["systems"]["newsdb"]["template_f1"].items() if f < 0.95}
    assert low == {}


def test_newsdb_beats_plain_trafilatura_on_the_corpus(corpus_result: dict) -> None:
    ours, plain = (corpus_result["systems"][s] for s in evaluate.SYSTEMS)
    assert ours["body_f1"] > plain["body_f1"]
    assert ours["boilerplate_leaks"] < plain["boilerplate_leaks"]


def test_realworld_keeps_everything_and_adds_no_furniture(realworld_result: dict) -> None:
    totals = realworld_result["totals"]
    lost = [(p["file"], p["newsdb"]["missing"]) for p in realworld_result["pages"] if p["newsdb"]["missing"]]
    assert totals["newsdb"]["kept"] == totals["must_contain"], lost
    assert totals["newsdb"]["avoided"] >= totals["trafilatura"]["avoided"]


def test_tables_print_and_json_has_every_number(corpus_result: dict, tmp_path) -> None:
    table = evaluate.corpus_table(corpus_result)
    assert "body F1" in table and "newsdb" in table and "trafilatura" in table
    out = tmp_path / "eval.json"
    out.write_text(json.dumps({"corpus": corpus_result}), encoding="utf-8")
    assert json.loads(out.read_text(encoding="utf-8"))["corpus"]["systems"]["newsdb"]["body_f1"] >= 0
