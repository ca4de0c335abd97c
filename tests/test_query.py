"""The query library: database opening, name keys, and the full-text plans agreeing."""
import sqlite3

import pytest

from quotetrack import query
from quotetrack.check import score, tokens
from quotetrack.query import Filters, QueryError, open_quotes


def test_schema_version_matches_the_migrations():
    from quotetrack.database import MIGRATIONS

    assert query.SCHEMA_VERSION == len(MIGRATIONS)


@pytest.mark.parametrize("name", ["The Moscow Times", "ITAR-TASS", "Itar-Tass", "Əzərbaycan TV", "the the", "APA"])
def test_outlet_key_is_the_key_outlets_are_stored_under(name):
    from quotetrack.outlets import outlet_key

    assert query.outlet_key(name) == outlet_key(name)


def test_other_databases_and_files_are_refused(tmp_path):
    with pytest.raises(QueryError, match="need a SQLite database"):
        open_quotes("postgresql://localhost/quotes")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(QueryError, match="not a quotetrack database"):
        open_quotes(str(other))
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(QueryError, match="not a readable SQLite database"):
        open_quotes(str(junk))


def test_sqlite_url_opens_read_only(cross_db):
    with open_quotes("sqlite:///" + cross_db) as qdb:
        assert next(qdb.search(Filters(text="blackmail")))["speaker"] == "Ilham Aliyev"
        with pytest.raises(QueryError, match="readonly|read-only|query_only"):
            list(qdb.rows("DELETE FROM quote"))


def test_filters_take_what_a_caller_naturally_writes(cross_db):
    with open_quotes(cross_db) as qdb:
        every = [r["id"] for r in qdb.search(Filters(kinds=("mixed",), since="2007"), limit=None)]
        assert len(every) > 1
        assert [r["id"] for r in qdb.search(Filters(kinds="mixed", since=2007), limit=None)] == every
        assert [r["id"] for r in qdb.select(Filters(kinds=("mixed",), since="2007"), "q.id AS id",
                                            query.NEWEST_FIRST)] == every


@pytest.mark.parametrize("text", ["Azerbaijan", "heal*", '"welcome guest"', "Russia OR Baku", "the"])
@pytest.mark.parametrize("filters", [{}, {"speaker": "Mironov"}, {"outlet": "EurasiaNet", "kinds": ("mixed",)}])
def test_every_full_text_plan_gives_the_same_rows(cross_db, monkeypatch, text, filters):
    with open_quotes(cross_db) as qdb:
        f = Filters(text=text, **filters)
        results = []
        for sort, cap in ((10**9, 10**9), (0, 10**9), (0, 0)):  # sort all, walk with a set, ask per quote
            monkeypatch.setattr(query, "FTS_SORT", sort)
            monkeypatch.setattr(query, "FTS_CAP", cap)
            results.append([r["id"] for r in qdb.search(f, limit=5)])
        everything = [r["id"] for r in qdb.select(f, "q.id AS id", query.NEWEST_FIRST)]
    assert results[0] == results[1] == results[2] == everything[:5]


def test_fragment_and_variant_scores():
    assert score(tokens("commercial blackmail"), tokens("commercial blackmail."))[0] == 100
    assert score(tokens("commercial blackmail"), tokens('would not tolerate "commercial blackmail"'))[0] == 100
    assert score(tokens("Nothing will change in the life of Azerbaijanis"),
                 tokens("Nothing will change in the lives of Azerbaijanis in Russia"))[0] >= 85
    assert score(tokens("the zeppelin has landed"), tokens("We had a fruitful exchange"))[0] < 85
