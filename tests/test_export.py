"""`newsdb export`: whole tables out as CSV, JSON and NDJSON, equal to what the database holds."""
import csv
import io
import json
import sqlite3

import pytest

from pipelines.schema import ARTICLE_COLUMNS, open_db
from tests.conftest import run_newsdb


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "news.db"
    rows = [{"url": f"http://a.example/{i}", "source": "alpha" if i % 3 else "beta", "title": f"Story {i}",
             "body": f"Paragraph one of {i}.\n\nParagraph two, with a comma and \"quotes\".", "tags": '["x", "y"]',
             "first_seen_at": f"2025-02-{10 + i % 5:02d}T08:00:00+00:00", "duplicate_of": 1 if i % 4 == 0 and i else None}
            for i in range(1, 301)]
    rows.append({"url": "http://a.example/formula", "source": "alpha", "title": "=HYPERLINK(\"http://evil\")",
                 "body": "@SUM(1+1)", "first_seen_at": "2025-02-11T00:00:00+00:00"})
    database = open_db(path)
    database["articles"].insert_all(rows)
    database.close()
    return path


def table(db, where="1=1"):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = [dict(r) for r in conn.execute(f"select * from articles where {where} order by id")]
    conn.close()
    return rows


def export(db, *args):
    result = run_newsdb("export", "--db", str(db), *args)
    assert result.returncode == 0, result.stderr
    return result


def test_ndjson_and_json_equal_the_table(db):
    ndjson = [json.loads(line) for line in export(db, "--format", "ndjson").stdout.splitlines()]
    assert ndjson == table(db)
    assert json.loads(export(db, "--format", "json").stdout) == table(db)


def test_csv_equals_the_table_and_neutralises_formulas(db, tmp_path):
    out = tmp_path / "all.csv"
    result = export(db, "--format", "csv", "-o", str(out))
    assert f"exported {len(table(db))} articles" in result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0]) == list(ARTICLE_COLUMNS)
    expected = [{k: "" if v is None else str(v) for k, v in r.items()} for r in table(db)]
    formula = expected[-1]
    formula.update(title="'" + formula["title"], body="'" + formula["body"])
    assert rows == expected
    raw = list(csv.DictReader(io.StringIO(export(db, "--format", "csv", "--no-formula-escape").stdout)))
    assert raw[-1]["title"].startswith("=HYPERLINK")


def test_filters(db):
    only = [json.loads(line) for line in export(db, "--format", "ndjson", "--source", "beta", "--since", "2025-02-13",
                                                "--no-duplicates").stdout.splitlines()]
    assert only == table(db, "source = 'beta' and first_seen_at >= '2025-02-13' and duplicate_of is null")
    assert 0 < len(only) < 100


def test_missing_database_is_a_clear_error(tmp_path):
    result = run_newsdb("export", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 2 and "no database" in result.stderr
