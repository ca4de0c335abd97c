"""The parts of the web interface that need no browser: the `serve` command's errors, the
SQL functions behind the canned queries, and how article text and wordings are cut up."""
import sqlite3
import sys

import pytest
from click.testing import CliRunner

from quotetrack.cli import main
from quotetrack.web.pages import Segment, mark_spans, word_diff
from quotetrack.web.sqlfunctions import fts_any, overlap, register, speaker_fits


def test_serve_without_datasette_names_the_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "datasette", None)  # as if not installed: importing it fails
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 2
    assert "pip install 'quotetrack[web]'" in result.output


@pytest.mark.parametrize("make, message", [
    (lambda p: None, "no database there"),
    (lambda p: p.write_bytes(b"not a database at all, just some bytes" * 40), "not a readable SQLite database"),
    (lambda p: sqlite3.connect(p).execute("create table notes (x)").connection.commit(), "not a quotetrack database"),
])
def test_serve_refuses_what_it_cannot_serve(tmp_path, make, message):
    db = tmp_path / "q.db"
    make(db)
    result = CliRunner().invoke(main, ["serve", "--db", str(db)])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_serve_says_a_port_in_use_before_claiming_to_serve(seed_db):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--db", seed_db, "--port", str(port)])
    assert (result.exit_code, result.stderr) == (2, f"Error: cannot listen on 127.0.0.1:{port}: Address already in use\n")


def test_an_ipv6_address_is_written_in_brackets():
    from quotetrack.web.serve import _authority

    assert (_authority("::1", 8001), _authority("127.0.0.1", 8001)) == ("[::1]:8001", "127.0.0.1:8001")


def test_serve_refuses_a_database_url():
    result = CliRunner().invoke(main, ["serve", "--db", "postgresql://localhost/quotes"])
    assert result.exit_code == 2
    assert "needs a SQLite database file" in result.output


@pytest.mark.parametrize("typed, key, surname, given, fits", [
    ("putin", "vladimir putin", "putin", "vladimir", 1),
    ("President Vladimir V. Putin", "vladimir putin", "putin", "vladimir", 1),
    ("V. Putin", "vladimir putin", "putin", "vladimir", 1),
    ("Əliyev", "ilham aliyev", "aliyev", "ilham", 1),
    ("Bill Clinton", "hillary clinton", "clinton", "hillary", 0),
    ("Clinton", "hillary clinton", "clinton", "hillary", 1),
    ("Mironov", "vladimir putin", "putin", "vladimir", 0),
    ("", "vladimir putin", "putin", "vladimir", 0),
    (None, "vladimir putin", "putin", "vladimir", 0),
])
def test_speaker_fits(typed, key, surname, given, fits):
    assert speaker_fits(typed, key, surname, given) == fits


@pytest.mark.parametrize("typed", ['NEAR(a b', '"unbalanced', "a OR", "wound* AND -heal", 'ab"c', "Əliyev's"])
def test_fts_any_never_passes_syntax_through(typed):
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table t using fts5(text, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("insert into t values ('wound that does not heal'), ('Aliyev said')")
    query = fts_any(typed)
    assert query
    conn.execute("select rowid from t where t match ?", (query,)).fetchall()


def test_fts_any_of_no_words_is_empty():
    assert fts_any(" ,.!? *") == "" and fts_any(None) == ""


@pytest.mark.parametrize("asked, quote, at_least, below", [
    ("wound that does not heal", "The lack of a settlement is a wound that does not heal,", 1.0, None),
    ("every vote in this state", "We are going to keep fighting for every single vote in this state,", 1.0, None),
    ("for using every opportunity for meeting", "for using any opportunity for meeting,", 0.8, 1.0),
    ("commercial blackmail", "stable, friendly and cooperative relations,", None, 0.1),
])
def test_overlap(asked, quote, at_least, below):
    score = overlap(asked, quote)
    assert at_least is None or score >= at_least
    assert below is None or score < below


def test_functions_are_registered_for_sql():
    conn = sqlite3.connect(":memory:")
    register(conn)
    assert conn.execute("select qt_name_key('Vladimir V. PUTIN'), qt_outlet_key('The Moscow Times'), "
                        "qt_speaker_fits('putin', 'vladimir putin', 'putin', 'vladimir')").fetchone() == \
        ("vladimir v putin", "moscow times", 1)


TEXT = 'Putin said: "We are friends," adding that "ties <b>grow</b>."'


def _quote(qid, text, **offsets):
    start = TEXT.index(text)
    return {"id": qid, "start": start, "end": start + len(text), **offsets}


def test_mark_spans_cuts_text_at_offsets_and_keeps_all_of_it():
    q1 = _quote(1, "We are friends,", mention_start=0, mention_end=5, cue_start=6, cue_end=10)
    q2 = _quote(2, "ties <b>grow</b>.", cue_start=30, cue_end=36)
    segments = mark_spans(TEXT, [q2, q1])
    assert "".join(s.text for s in segments) == TEXT
    assert [(s.kind, s.text) for s in segments if s.kind] == [
        ("mention", "Putin"), ("cue", "said"), ("quote", "We are friends,"), ("cue", "adding"),
        ("quote", "ties <b>grow</b>.")]


@pytest.mark.parametrize("bad", [
    {"start": 5, "end": 999}, {"start": -1, "end": 3}, {"start": 7, "end": 7}, {"start": None, "end": None},
])
def test_mark_spans_leaves_bad_offsets_unmarked(bad):
    segments = mark_spans(TEXT, [{"id": 1, **bad}])
    assert segments == [Segment(TEXT)]


def test_mark_spans_drops_a_name_inside_a_quote_and_overlapping_quotes():
    q1 = _quote(1, "We are friends,", mention_start=TEXT.index("friends"), mention_end=TEXT.index("friends") + 7)
    q2 = {"id": 2, "start": q1["start"] + 3, "end": q1["end"] + 5}
    segments = mark_spans(TEXT, [q1, q2])
    assert [(s.kind, s.text) for s in segments if s.kind] == [("quote", "We are friends,")]
    assert "".join(s.text for s in segments) == TEXT


def test_mark_spans_marks_a_claim_around_the_quote_inside_it():
    text = "Aliyev warned that Azerbaijan would not tolerate \u201ccommercial blackmail.\u201d Then he left."
    claim = {"id": 1, "kind": "indirect", "start": text.index("that"), "end": text.index("\u201d") + 1,
             "mention_start": 0, "mention_end": 6, "cue_start": 7, "cue_end": 13}
    quote = {"id": 2, "kind": "mixed", "start": text.index("commercial"), "end": text.index("\u201d")}
    segments = mark_spans(text, [claim, quote])
    assert "".join(s.text for s in segments) == text
    assert [(s.kind, s.text, s.anchor) for s in segments if s.kind] == [
        ("mention", "Aliyev", True), ("cue", "warned", True),
        ("claim", "that Azerbaijan would not tolerate \u201c", True), ("quote", "commercial blackmail.", True),
        ("claim", "\u201d", False)]


@pytest.mark.parametrize("base, wording, relation, expected", [
    ("for using any opportunity", "for using every opportunity", "variant",
     [("for", "same"), ("using", "same"), ("any", "dropped"), ("every", "added"), ("opportunity", "same")]),
    ("keep fighting for every single vote", "keep fighting for every vote", "variant",
     [("keep", "same"), ("fighting", "same"), ("for", "same"), ("every", "same"), ("single", "dropped"),
      ("vote", "same")]),
    ("a wound that does not heal,", "wound that does not heal.", "partial",
     [("wound", "same"), ("that", "same"), ("does", "same"), ("not", "same"), ("heal.", "same")]),
    ("fruitful exchange", "We had a fruitful exchange,", "extended",
     [("We", "added"), ("had", "added"), ("a", "added"), ("fruitful", "same"), ("exchange,", "same")]),
    ("Same words.", "same WORDS", "original", [("same", "same"), ("WORDS", "same")]),
])
def test_word_diff(base, wording, relation, expected):
    assert word_diff(base, wording, relation) == expected


def _get(db, *paths):
    """Status and body of pages of the served database, through Datasette's own client."""
    import asyncio

    from quotetrack.web.serve import build_datasette

    ds = build_datasette(db)

    async def fetch():
        return [(r.status_code, r.text) for r in [await ds.client.get(p) for p in paths]]
    return asyncio.run(fetch())


def test_claims_have_an_empty_carried_by_cell_not_raw_json(seed_db):
    (status, body), = _get(seed_db, "/quotetrack/speaker_quotes?speaker=mironov")
    assert status == 200 and body.count(">indirect<") >= 1  # Mironov's claims are listed
    assert "&#34;label&#34;" not in body and '"label"' not in body


def test_a_stored_name_that_looks_like_a_link_object_stays_text(tmp_path):
    import json

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"text": f'"We will build a new bridge for everyone," Bob Smith said. ({n})',
                                          "outlet": outlet})
                              for n, outlet in enumerate(['{"label":"<i>spoof</i>","speaker":1}',
                                                          '{"label":"x","article":"abc","quote":1}'])) + "\n")
    db = tmp_path / "q.db"
    assert CliRunner().invoke(main, ["ingest", str(feed), "--db", str(db), "--workers", "1"]).exit_code == 0
    pages = _get(db, "/quotetrack/speaker_quotes?speaker=smith", "/quotetrack/who_carried?quote=new+bridge+everyone")
    for status, body in pages:
        assert status == 200
        assert "&lt;i&gt;spoof&lt;/i&gt;" in body and "<i>spoof</i>" not in body


@pytest.mark.parametrize("path", ["/-/quotetrack/article/99999", "/-/quotetrack/article/-1", "/-/quotetrack/article/abc",
                                  "/-/quotetrack/article/1'", f"/-/quotetrack/group/{2**63}", "/-/quotetrack/speaker/0",
                                  "/-/quotetrack/nosuch/1"])
def test_a_page_that_is_not_there_is_a_404(seed_db, path):
    (status, _), = _get(seed_db, path)
    assert status == 404
