"""The quote database as a library, with hand-made quotes (no spaCy model needed)."""
import sqlite3
from dataclasses import replace

import pytest

from quotetrack.database import MIGRATIONS
from quotetrack.errors import QuotetrackError
from quotetrack.records import Article, Quote, Span
from quotetrack.store import content_hash, open_db


def article(text, outlet="Daily Planet", date="2007-03-28", quotes=()):
    """An article and its quotes from (quote text, speaker, kind, relaying outlet) tuples."""
    art = Article(text=text, path=f"{outlet}.txt", outlet=outlet, date=date)
    out = []
    for qt, speaker, kind, relay in quotes:
        i = text.index(qt)
        out.append(Quote(qt, i, i + len(qt), speaker=speaker, speaker_kind=kind,
                         outlet=relay or outlet, relayed=relay is not None))
    return art, out


@pytest.fixture
def store(tmp_path):
    with open_db(str(tmp_path / "q.db")) as s:
        yield s


def rows(store, sql, *args):
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql, args).all()]


def speaker_of(store, quote_text):
    return rows(store, "SELECT s.name FROM quote q JOIN speaker s ON s.id = q.speaker_id WHERE q.text = ?",
                quote_text)[0][0]


# ---- schema --------------------------------------------------------------------------------

def test_new_database_records_every_migration_and_uses_wal(tmp_path):
    path = tmp_path / "sub" / "dir" / "q.db"  # a missing folder is created
    open_db(str(path)).close()
    con = sqlite3.connect(path)
    assert [r[0] for r in con.execute("SELECT name FROM schema_migration")] == [m.__name__ for m in MIGRATIONS]
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_reopening_runs_no_migration_twice(tmp_path):
    for _ in range(2):
        open_db(str(tmp_path / "q.db")).close()
    con = sqlite3.connect(tmp_path / "q.db")
    assert con.execute("SELECT count(*) FROM schema_migration").fetchone()[0] == len(MIGRATIONS)


def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "q.db"
    open_db(str(path)).close()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO schema_migration (name, applied_at) VALUES ('m999_future', '2030-01-01')")
    con.commit()
    before = path.read_bytes()
    with pytest.raises(QuotetrackError, match="newer quotetrack"):
        open_db(str(path))
    assert path.read_bytes() == before


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_bytes(b"this is no database at all" * 200), "not a SQLite database"),
    (lambda p: sqlite3.connect(p).execute("CREATE TABLE invoices (id INTEGER)").connection.commit(),
     "not a quotetrack database"),
])
def test_foreign_files_are_refused(tmp_path, make, message):
    path = tmp_path / "other.db"
    make(path)
    with pytest.raises(QuotetrackError, match=message):
        open_db(str(path))


def test_fts_index_follows_inserts_and_replacements(store):
    art, quotes = article('He said "the wound does not heal" today.',
                          quotes=[("the wound does not heal", "Sergei Mironov", "person", None)])
    store.add_article(art, quotes)
    store.add_article(art, quotes, force=True)
    assert rows(store, "SELECT rowid FROM quote_fts WHERE quote_fts MATCH 'wound'") == rows(store, "SELECT id FROM quote")
    assert rows(store, "SELECT count(*) FROM quote") == [(1,)]


# ---- articles ------------------------------------------------------------------------------

def test_same_text_is_skipped_and_force_replaces_in_place(store):
    art, quotes = article('Putin said "we are friends" here.', quotes=[("we are friends", "Vladimir Putin", "person", None)])
    first = store.add_article(art, quotes)
    assert (first.status, first.quotes) == ("added", 1)
    again = store.add_article(Article(text=art.text + "\n", outlet="Other"), quotes)
    assert (again.status, again.article_id) == ("skipped", first.article_id)
    forced = store.add_article(art, quotes, force=True)
    assert (forced.status, forced.article_id) == ("replaced", first.article_id)
    assert store.counts()["quotes"] == 1
    assert rows(store, "SELECT quote_count, article_count FROM quote_group") == [(1, 1)]


def test_replacing_an_article_leaves_its_speakers_roles_counted_once(store):
    art, [quote] = article('President Putin said "we are friends" here.',
                           quotes=[("we are friends", "Vladimir Putin", "person", None)])
    quote = replace(quote, speaker_role="President")
    store.add_article(art, [quote])
    for _ in range(2):
        store.add_article(art, [quote], force=True)
    assert rows(store, "SELECT role, count FROM speaker_role") == [("President", 1)]


def test_paths_may_be_path_objects(tmp_path):
    from pathlib import Path

    from quotetrack.query import open_quotes

    art, quotes = article('Putin said "we are friends" here.', quotes=[("we are friends", "Vladimir Putin", "person", None)])
    with open_db(tmp_path / "p.db") as s:
        s.add_article(replace(art, path=Path("a.txt")), quotes)
    [row] = open_quotes(tmp_path / "p.db").speaker("putin").recent
    assert (row["quote"], row["path"]) == ("we are friends", "a.txt")


def test_quotes_may_come_from_a_generator(store):
    art, quotes = article('Putin said "we are friends" here.', quotes=[("we are friends", "Vladimir Putin", "person", None)])
    assert store.add_article(art, (q for q in quotes)).quotes == 1
    assert rows(store, "SELECT text FROM quote") == [("we are friends",)]


def test_offsets_must_match_the_article_text(store):
    art = Article(text="Putin said hello.")
    with pytest.raises(QuotetrackError, match="do not match"):
        store.add_article(art, [Quote("hello", 0, 5, speaker="Putin")])
    assert store.counts()["articles"] == 0  # nothing of the article was kept


@pytest.mark.parametrize("change, message", [
    ({"speaker_mention": Span("Putin", 500, 505)}, "speaker mention offsets 500:505 do not match its text"),
    ({"cue": Span("", -5, -1)}, "cue offsets -5:-1 do not match its text"),
    ({"sentence": Span("Putin says", 0, 10)}, "sentence offsets 0:10 do not match its text"),
    ({"start": 16, "end": 16, "text": ""}, "quote offsets 16:16 do not match its text"),
    ({"kind": "bogus"}, "quote kind 'bogus' is none of direct, mixed, indirect"),
])
def test_every_span_of_a_quote_must_slice_the_article_text(store, change, message):
    text = 'Putin said: "hello."'
    good = Quote("hello.", 13, 19, kind="direct", speaker="Putin", speaker_mention=Span("Putin", 0, 5),
                 cue=Span("said", 6, 10), sentence=Span.of(text, 0, len(text)))
    store.add_article(Article(text=text + " Again.", path="ok.txt"), [good])  # the same spans are right here
    with pytest.raises(QuotetrackError) as err:
        store.add_article(Article(text=text, path="a.txt"), [replace(good, **change)])
    assert str(err.value) == f"a.txt: {message}"
    assert store.counts()["articles"] == 1  # nothing of the article was kept


def test_stored_offsets_slice_the_stored_text(store):
    art, quotes = article('Əliyev said: "we will not tolerate commercial blackmail."',
                          quotes=[("we will not tolerate commercial blackmail.", "Əliyev", "person", None)])
    store.add_article(art, quotes)
    ((text, start, end, quote),) = rows(store, 'SELECT a.text, q.start, q."end", q.text FROM quote q JOIN article a ON a.id = q.article_id')
    assert text[start:end] == quote
    assert rows(store, "SELECT content_hash FROM article") == [(content_hash(art.text),)]


# ---- speakers ------------------------------------------------------------------------------

def test_one_person_under_many_names(store):
    for i, name in enumerate(["Putin", "Vladimir Putin", "Vladimir V. Putin", "President Putin", "PUTIN"]):
        text = f'{name} said "statement number {i} was made" on day {i}.'
        store.add_article(*article(text, quotes=[(f"statement number {i} was made", name, "person", None)]))
    assert rows(store, "SELECT name FROM speaker") == [("Vladimir Putin",)]


def test_people_sharing_a_surname_stay_apart_and_a_bare_surname_follows_its_article(store):
    store.add_article(*article('Bill Clinton said "the economy comes first" in Ohio.',
                               quotes=[("the economy comes first", "Bill Clinton", "person", None)]))
    store.add_article(*article('Hillary Clinton said "we keep fighting for votes" in Texas.',
                               quotes=[("we keep fighting for votes", "Hillary Clinton", "person", None)]))
    store.add_article(*article('Hillary Clinton toured Houston. Clinton said "every vote counts here" later.',
                               quotes=[("every vote counts here", "Clinton", "person", None)]))
    store.add_article(*article('Clinton said "nobody knows which one" today.',
                               quotes=[("nobody knows which one", "Clinton", "person", None)]))
    assert speaker_of(store, "the economy comes first") == "Bill Clinton"
    assert speaker_of(store, "we keep fighting for votes") == "Hillary Clinton"
    assert speaker_of(store, "every vote counts here") == "Hillary Clinton"
    assert speaker_of(store, "nobody knows which one") == "Clinton"  # ambiguous: kept apart


def test_case_and_accents_do_not_split_a_speaker(store):
    store.add_article(*article('Ilham Aliyev said "relations are stable" today.',
                               quotes=[("relations are stable", "Ilham Aliyev", "person", None)]))
    store.add_article(*article('Əliyev said "the talks were fruitful" today.',
                               quotes=[("the talks were fruitful", "Əliyev", "person", None)]))
    store.add_article(*article('ILHAM ƏLIYEV said "we are ready to talk" today.',
                               quotes=[("we are ready to talk", "ILHAM ƏLIYEV", "person", None)]))
    assert rows(store, "SELECT name FROM speaker") == [("Ilham Aliyev",)]


def test_unnamed_sources_never_merge_across_articles_but_organisations_do(store):
    for day in (1, 2):
        text = f'A senior official said "talks went well on day {day}". Gazprom said "prices rise on day {day}".'
        store.add_article(*article(text, quotes=[(f"talks went well on day {day}", "a senior official", "unnamed", None),
                                                 (f"prices rise on day {day}", "Gazprom", "organisation", None)]))
    assert rows(store, "SELECT kind, count(*) FROM speaker GROUP BY kind ORDER BY kind") == [
        ("organisation", 1), ("unnamed", 2)]
    assert store.counts()["speakers"] == 1


# ---- quote groups --------------------------------------------------------------------------

FULL = "The lack of a Karabakh settlement is a wound that does not heal"


def test_exact_partial_and_variant_wordings_form_one_group(store):
    store.add_article(*article(f'Mironov said "{FULL}," in Baku.', outlet="APA", date="2007-03-28",
                               quotes=[(FULL, "Sergei Mironov", "person", None)]))
    store.add_article(*article('He called it a "wound that does not heal."', outlet="EurasiaNet", date="2007-04-02",
                               quotes=[("wound that does not heal.", "Sergei Mironov", "person", None)]))
    store.add_article(*article('Mironov: "the lack of a Karabakh settlement is a wound which does not heal"',
                               outlet="Caspian Daily", date="2007-03-29",
                               quotes=[("the lack of a Karabakh settlement is a wound which does not heal",
                                        "Sergei Mironov", "person", None)]))
    store.add_article(*article(f'“{FULL.upper()} — ” he said.', outlet="Interfax", date="2007-03-30",
                               quotes=[(FULL.upper() + " — ", "Mironov", "person", None)]))
    assert rows(store, "SELECT text, quote_count, article_count, wording_count, first_date FROM quote_group") == [
        (FULL, 4, 4, 3, "2007-03-28")]
    assert sorted(rows(store, "SELECT relation, text FROM wording")) == [
        ("original", FULL), ("partial", "wound that does not heal."),
        ("variant", "the lack of a Karabakh settlement is a wound which does not heal")]
    first = rows(store, "SELECT o.name FROM quote_group g JOIN quote q ON q.id = g.first_quote_id "
                        "JOIN outlet o ON o.id = q.outlet_id")
    assert first == [("APA",)]


def test_a_later_found_earlier_report_becomes_the_original(store):
    store.add_article(*article('He called it a "wound that does not heal."', date="2007-04-02",
                               quotes=[("wound that does not heal.", "Sergei Mironov", "person", None)]))
    store.add_article(*article(f'Mironov said "{FULL}," in Baku.', date="2007-03-28",
                               quotes=[(FULL, "Sergei Mironov", "person", None)]))
    assert sorted(rows(store, "SELECT relation, word_count FROM wording")) == [("original", 13), ("partial", 5)]
    assert rows(store, "SELECT text, first_date FROM quote_group") == [(FULL, "2007-03-28")]


def test_short_quotes_join_only_quotes_of_the_same_speaker(store):
    store.add_article(*article('Aliyev spoke of "commercial blackmail" then.',
                               quotes=[("commercial blackmail", "Ilham Aliyev", "person", None)]))
    store.add_article(*article('Aliyev said Baku would resist "commercial blackmail."',
                               quotes=[("commercial blackmail.", "Ilham Aliyev", "person", None)]))
    store.add_article(*article('Miller denounced "commercial blackmail" too.',
                               quotes=[("commercial blackmail", "Alexei Miller", "person", None)]))
    assert rows(store, "SELECT quote_count FROM quote_group ORDER BY id") == [(2,), (1,)]


def test_different_statements_stay_in_different_groups(store):
    store.add_article(*article('Putin said "we will never accept these terms of trade" then.',
                               quotes=[("we will never accept these terms of trade", "Vladimir Putin", "person", None)]))
    store.add_article(*article('Putin said "we are ready to discuss all terms of the deal" then.',
                               quotes=[("we are ready to discuss all terms of the deal", "Vladimir Putin", "person", None)]))
    assert store.counts()["groups"] == 2


def test_two_people_saying_nearly_the_same_words_made_two_statements(store):
    store.add_article(*article('"We will not raise taxes on working families this year," Osborne said.',
                               quotes=[("We will not raise taxes on working families this year,",
                                        "George Osborne", "person", None)]))
    store.add_article(*article('"They will raise taxes on working families this year," Miliband said.',
                               outlet="BBC", quotes=[("They will raise taxes on working families this year,",
                                                      "Ed Miliband", "person", None)]))
    store.add_article(*article('"This is a historic election," Kerry said.', date="2008-11-04",
                               quotes=[("This is a historic election,", "John Kerry", "person", None)]))
    store.add_article(*article('"This is a historic election," Johnson said.', date="2011-05-05",
                               quotes=[("This is a historic election,", "Alan Johnson", "person", None)]))
    # the same words again from the same person, in another outlet, do join
    store.add_article(*article('Osborne said: "We will not raise taxes on working families this year."',
                               outlet="Reuters", quotes=[("We will not raise taxes on working families this year.",
                                                          "George Osborne", "person", None)]))
    assert store.counts()["groups"] == 4
    assert sorted(rows(store, "SELECT quote_count FROM quote_group")) == [(1,), (1,), (1,), (2,)]


def test_forced_reingest_recounts_groups_and_drops_orphans(store):
    a1 = article(f'Mironov said "{FULL}" in Baku.', quotes=[(FULL, "Sergei Mironov", "person", None)])
    a2 = article('He called it a "wound that does not heal."', date="2007-04-02",
                 quotes=[("wound that does not heal.", "Sergei Mironov", "person", None)])
    store.add_article(*a1)
    store.add_article(*a2)
    store.add_article(a2[0], [], force=True)  # the quote is gone from the new extraction
    assert rows(store, "SELECT quote_count, article_count, wording_count FROM quote_group") == [(1, 1, 1)]
    assert rows(store, "SELECT relation FROM wording") == [("original",)]


CLAIMED = "Aliyev warned that Azerbaijan would not tolerate \u201ccommercial blackmail.\u201d"


def quote_and_claim(text=CLAIMED):
    """An article with the quote "commercial blackmail" inside Aliyev's claim that contains it."""
    art = Article(text=text, path="apa.txt", outlet="APA", date="2007-01-10")
    q, c = text.index("commercial"), text.index("that")
    return art, [Quote(text[c:], c, len(text), kind="indirect", speaker="Ilham Aliyev", speaker_kind="person"),
                 Quote("commercial blackmail.", q, q + 21, kind="mixed", speaker="Ilham Aliyev",
                       speaker_kind="person")]


def test_claims_are_stored_and_searchable_but_join_no_quote_group(store):
    result = store.add_article(*quote_and_claim())
    assert (result.quotes, result.claims, result.new_groups) == (1, 1, 1)
    assert rows(store, "SELECT kind, group_id IS NULL, wording_id IS NULL FROM quote ORDER BY kind") == [
        ("indirect", 1, 1), ("mixed", 0, 0)]
    assert rows(store, "SELECT text, quote_count FROM quote_group") == [("commercial blackmail.", 1)]
    assert rows(store, "SELECT q.kind FROM quote_fts f JOIN quote q ON q.id = f.rowid "
                       "WHERE quote_fts MATCH 'tolerate'") == [("indirect",)]
    assert rows(store, "SELECT quote_count, claim_count FROM article") == [(1, 1)]
    assert {k: store.counts()[k] for k in ("quotes", "claims", "groups")} == {"quotes": 1, "claims": 1, "groups": 1}
    store.add_article(*quote_and_claim(), force=True)
    assert rows(store, "SELECT quote_count, claim_count FROM article") == [(1, 1)]
    assert rows(store, "SELECT count(*) FROM quote WHERE group_id IS NOT NULL") == [(1,)]


def test_upgrading_takes_claims_out_of_the_groups_an_older_version_put_them_in(tmp_path):
    """A version-1 database, whose ingest grouped claims like quotes, is upgraded in place."""
    path = tmp_path / "q.db"
    with open_db(str(path)) as s:
        s.add_article(*quote_and_claim())
    con = sqlite3.connect(path)
    (gid,) = con.execute("SELECT group_id FROM quote WHERE kind = 'mixed'").fetchone()
    con.execute("INSERT INTO wording (group_id, text, norm, norm_hash, relation, word_count) "
                "VALUES (?, 'that Azerbaijan ...', 'that azerbaijan', 1, 'extended', 2)", (gid,))
    con.execute("UPDATE quote SET group_id = ?, wording_id = last_insert_rowid() WHERE kind = 'indirect'", (gid,))
    con.execute("UPDATE quote_group SET text = 'that Azerbaijan ...', quote_count = 2, wording_count = 2")
    con.execute("UPDATE article SET quote_count = 2")
    con.execute("ALTER TABLE article DROP COLUMN claim_count")
    con.execute("DELETE FROM schema_migration WHERE name = 'm002_claims_apart'")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    with open_db(str(path)) as s:
        assert rows(s, "SELECT text, quote_count, wording_count FROM quote_group") == [
            ("commercial blackmail.", 1, 1)]
        assert rows(s, "SELECT text FROM wording") == [("commercial blackmail.",)]
        assert rows(s, "SELECT count(*) FROM quote WHERE kind = 'indirect' AND group_id IS NULL") == [(1,)]
        assert rows(s, "SELECT quote_count, claim_count FROM article") == [(1, 1)]
        assert [r[0] for r in rows(s, "SELECT name FROM schema_migration")] == [m.__name__ for m in MIGRATIONS]


def test_relays_are_stored_with_the_relaying_outlet(store):
    store.add_article(*article('"We are grateful for every meeting," Itar-Tass quoted Putin as saying.',
                               outlet="The Moscow Times",
                               quotes=[("We are grateful for every meeting,", "Putin", "person", "ITAR-TASS")]))
    assert rows(store, "SELECT o.name, o.kind, r.name, r.kind, q.relayed FROM quote q "
                       "JOIN outlet o ON o.id = q.outlet_id JOIN outlet r ON r.id = q.relay_outlet_id") == [
        ("Moscow Times", "newspaper", "Itar-Tass", "agency", 1)]


# ---- corrections ---------------------------------------------------------------------------

def test_corrections_move_quotes_and_are_obeyed_by_later_ingests(store):
    store.add_article(*article('Bill Clinton said "the economy comes first" in Ohio.',
                               quotes=[("the economy comes first", "Bill Clinton", "person", None)]))
    store.add_article(*article('William J. Clinton said "jobs matter most of all" in Iowa.',
                               quotes=[("jobs matter most of all", "William J. Clinton", "person", None)]))
    assert store.counts()["speakers"] == 2
    assert store.merge_speakers(["William Clinton"], into="Bill Clinton") == \
        "merged 1 speaker into 'Bill Clinton' (1 quote, 0 claims moved)"
    store.add_article(*article('William Clinton said "trade must be fair" in Maine.',
                               quotes=[("trade must be fair", "William Clinton", "person", None)]))
    assert speaker_of(store, "trade must be fair") == "Bill Clinton"

    store.rename_speaker("Bill Clinton", "Bill Clinton (42nd president)")
    store.add_article(*article('Bill Clinton said "schools need money" in Utah.',
                               quotes=[("schools need money", "Bill Clinton", "person", None)]))
    assert speaker_of(store, "schools need money") == "Bill Clinton (42nd president)"

    store.add_speaker_alias("Bill Clinton", "Slick Willie")
    store.add_article(*article('Slick Willie said "I never inhaled at all" once.',
                               quotes=[("I never inhaled at all", "Slick Willie", "person", None)]))
    assert speaker_of(store, "I never inhaled at all") == "Bill Clinton (42nd president)"

    assert store.split_speaker("Bill Clinton", ["William Clinton"]) == \
        "split 'William Clinton' off 'Bill Clinton (42nd president)' (2 quotes, 0 claims moved)"
    assert speaker_of(store, "jobs matter most of all") == "William Clinton"
    store.add_article(*article('William Clinton said "taxes will fall soon" in Ohio.',
                               quotes=[("taxes will fall soon", "William Clinton", "person", None)]))
    assert speaker_of(store, "taxes will fall soon") == "William Clinton"


def test_ambiguous_and_unknown_names_are_refused(store):
    for first in ("Bill", "Hillary"):
        store.add_article(*article(f'{first} Clinton said "{first} speaks today" here.',
                                   quotes=[(f"{first} speaks today", f"{first} Clinton", "person", None)]))
    with pytest.raises(QuotetrackError, match="several speakers .*Bill Clinton; Hillary Clinton"):
        store.rename_speaker("Clinton", "X")
    with pytest.raises(QuotetrackError, match="no speaker named 'Obama'"):
        store.add_speaker_alias("Obama", "Barry")
    with pytest.raises(QuotetrackError, match="already belongs to the speaker 'Hillary Clinton'"):
        store.add_speaker_alias("Bill Clinton", "Hillary Clinton")
