"""The counters kept by triggers (migration m003) always equal a count of the rows they stand for."""
import sqlite3

import pytest

from quotetrack.query import open_quotes
from quotetrack.records import Article, Quote
from quotetrack.store import open_db

KEPT = {
    "speaker counters": (
        "SELECT id, quote_count, claim_count, article_count, first_date, last_date FROM speaker "
        "WHERE quote_count OR claim_count OR article_count OR first_date IS NOT NULL",
        "SELECT speaker_id, SUM(kind != 'indirect'), SUM(kind = 'indirect'), COUNT(DISTINCT article_id), "
        "MIN(date), MAX(date) FROM quote WHERE speaker_id IS NOT NULL GROUP BY speaker_id"),
    "speaker_year": (
        "SELECT speaker_id, year, quotes, claims FROM speaker_year",
        "SELECT speaker_id, substr(date, 1, 4), SUM(kind != 'indirect'), SUM(kind = 'indirect') FROM quote "
        "WHERE speaker_id IS NOT NULL AND date IS NOT NULL GROUP BY 1, 2"),
    "speaker_outlet": (
        "SELECT speaker_id, relay, outlet_id, quotes, claims FROM speaker_outlet",
        "SELECT speaker_id, 0, outlet_id, SUM(kind != 'indirect'), SUM(kind = 'indirect') FROM quote "
        "WHERE speaker_id IS NOT NULL AND outlet_id IS NOT NULL GROUP BY 1, 3 UNION ALL "
        "SELECT speaker_id, 1, relay_outlet_id, SUM(kind != 'indirect'), SUM(kind = 'indirect') FROM quote "
        "WHERE speaker_id IS NOT NULL AND relay_outlet_id IS NOT NULL GROUP BY 1, 3"),
    "outlet counters": (
        "SELECT id, article_count, quote_count, relayed_count, credited_count FROM outlet",
        "SELECT o.id, (SELECT COUNT(*) FROM article WHERE outlet_id = o.id), "
        "(SELECT COUNT(*) FROM quote WHERE outlet_id = o.id), "
        "(SELECT COUNT(*) FROM quote WHERE outlet_id = o.id AND relay_outlet_id != outlet_id), "
        "(SELECT COUNT(*) FROM quote WHERE relay_outlet_id = o.id AND outlet_id IS NOT relay_outlet_id) "
        "FROM outlet o"),
}


def assert_counters_kept(path):
    con = sqlite3.connect(path)
    try:
        for what, (kept, counted) in KEPT.items():
            assert sorted(con.execute(kept).fetchall()) == sorted(con.execute(counted).fetchall()), what
    finally:
        con.close()


def article(text, outlet, date, quotes):
    """An article and its quotes from (quote text, speaker, kind, relaying outlet) tuples."""
    art = Article(text=text, path=f"{outlet}-{date}.txt", outlet=outlet, date=date)
    out = []
    for qt, speaker, kind, relay in quotes:
        i = text.index(qt)
        out.append(Quote(qt, i, i + len(qt), kind=kind, speaker=speaker, speaker_kind="person",
                         outlet=relay or outlet, relayed=relay is not None))
    return art, out


ARTICLES = [
    article('"We will not yield," Vladimir Putin said. He said that talks would go on. "Never," Putin added.',
            "The Moscow Times", "2007-03-28",
            [("We will not yield,", "Vladimir Putin", "direct", "ITAR-TASS"),
             ("talks would go on", "Vladimir Putin", "indirect", None),
             ("Never,", "Putin", "direct", None)]),
    article('"Prices must be fair," Ilham Aliyev said in Baku.', "APA", "2006-12-30",
            [("Prices must be fair,", "Ilham Aliyev", "mixed", None)]),
    article('"We will not yield," Putin told Itar-Tass. Aliyev said that gas would flow.', "Itar-Tass", "2008-01-02",
            [("We will not yield,", "Putin", "direct", None),
             ("gas would flow", "Ilham Aliyev", "indirect", "Reuters")]),
    article('"Bread is cheap," William Clinton said.', "Daily Planet", None,
            [("Bread is cheap,", "William Clinton", "direct", None)]),
    article('"Bread is dear," Bill Clinton said.', "Daily Planet", "2001-05-05",
            [("Bread is dear,", "Bill Clinton", "direct", "AP")]),
]


@pytest.fixture
def path(tmp_path):
    p = str(tmp_path / "q.db")
    with open_db(p) as store:
        for art, quotes in ARTICLES:
            store.add_article(art, quotes)
    return p


def test_counters_follow_ingest(path):
    assert_counters_kept(path)
    con = sqlite3.connect(path)
    assert con.execute("SELECT quote_count, claim_count, article_count, first_date, last_date FROM speaker "
                       "WHERE name = 'Vladimir Putin'").fetchone() == (3, 1, 2, "2007-03-28", "2008-01-02")


def test_counters_follow_replacing_an_article(path):
    art, quotes = ARTICLES[0]
    with open_db(path) as store:
        assert store.add_article(art, quotes[:1], force=True).status == "replaced"
    assert_counters_kept(path)
    art, quotes = ARTICLES[2]
    with open_db(path) as store:
        store.add_article(Article(text=art.text, path=art.path, outlet="APA", date="2009-09-09"), quotes,
                          force=True)
    assert_counters_kept(path)


def test_counters_follow_merging_and_splitting_speakers(path):
    with open_db(path) as store:
        store.merge_speakers(["William Clinton"], into="Bill Clinton")
    assert_counters_kept(path)
    with open_db(path) as store:
        store.split_speaker("Vladimir Putin", ["Putin"])
    assert_counters_kept(path)


def test_counters_follow_deleting_and_editing_rows_by_hand(path):
    con = sqlite3.connect(path)
    con.execute("UPDATE quote SET date = '1999-01-01', kind = 'indirect' WHERE text = 'Never,'")
    con.execute("UPDATE quote SET outlet_id = (SELECT id FROM outlet WHERE name = 'APA'), relay_outlet_id = NULL "
                "WHERE text = 'We will not yield,' AND relayed")
    con.execute("UPDATE quote SET article_id = (SELECT MIN(id) FROM article), position = 99 "
                "WHERE text = 'gas would flow'")
    con.execute("DELETE FROM quote WHERE text = 'Prices must be fair,'")
    con.execute("UPDATE article SET outlet_id = NULL WHERE title IS NULL AND date IS NULL")
    con.commit()
    con.close()
    assert_counters_kept(path)


def test_listings_and_profiles_read_the_counters(path):
    with open_quotes(path) as qdb:
        top = qdb.speakers(top=2)
        assert [(r["speaker"], r["quotes"], r["claims"], r["first"], r["last"]) for r in top] == [
            ("Vladimir Putin", 3, 1, "2007-03-28", "2008-01-02"), ("Ilham Aliyev", 1, 1, "2006-12-30", "2008-01-02")]
        p = qdb.speaker("Putin")
        assert (p.quotes, p.claims, p.articles) == (3, 1, 2)
        assert p.by_year == [{"year": "2007", "quotes": 2, "claims": 1}, {"year": "2008", "quotes": 1, "claims": 0}]
        assert p.outlets == [{"outlet": "Itar-Tass", "quotes": 1, "claims": 0},
                             {"outlet": "Moscow Times", "quotes": 2, "claims": 1}][::-1]
        assert p.relayed_by == [{"outlet": "Itar-Tass", "quotes": 1, "claims": 0}]
        tass = qdb.outlet("TASS")
        assert (tass.articles, tass.own, tass.relayed, tass.credited) == (1, 1, 1, 1)  # gas: from Reuters
        rows = {r["outlet"]: r for r in qdb.outlets()}
        assert (rows["Moscow Times"]["own"], rows["Moscow Times"]["relayed"]) == (2, 1)
        assert rows["Reuters"]["credited"] == 1 and rows["Reuters"]["articles"] == 0


def test_upgrading_counts_what_an_older_version_stored(path):
    """A version-2 database (no counters) is counted by m003 as the triggers would have counted it."""
    con = sqlite3.connect(path)
    expected = {what: sorted(con.execute(kept).fetchall()) for what, (kept, _) in KEPT.items()}
    for trigger in ("quote_counts_insert", "quote_counts_delete", "quote_counts_update", "quote_articles_update",
                    "article_counts_insert", "article_counts_delete", "article_counts_update"):
        con.execute(f"DROP TRIGGER {trigger}")
    con.execute("DROP INDEX ix_speaker_rank")
    con.execute("DROP TABLE speaker_year")
    con.execute("DROP TABLE speaker_outlet")
    for column in ("quote_count", "claim_count", "article_count", "first_date", "last_date"):
        con.execute(f"ALTER TABLE speaker DROP COLUMN {column}")
    for column in ("article_count", "quote_count", "relayed_count", "credited_count"):
        con.execute(f"ALTER TABLE outlet DROP COLUMN {column}")
    con.execute("DELETE FROM schema_migration WHERE name = 'm003_counters'")
    con.execute("PRAGMA user_version = 2")
    con.commit()
    con.close()
    with open_quotes(path) as qdb:  # a query command upgrades the database first
        assert qdb.speakers(top=1)[0]["quotes"] == 3
    con = sqlite3.connect(path)
    assert {what: sorted(con.execute(kept).fetchall()) for what, (kept, _) in KEPT.items()} == expected
    con.close()
    assert_counters_kept(path)
