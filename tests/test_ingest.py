"""``quotetrack ingest`` and the speaker corrections through the real command line."""
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from quotetrack.cli import main

from .conftest import FIXTURES, ROOT


@pytest.fixture
def run(extractor, tmp_path, monkeypatch):
    """Invoke the CLI in-process on a database in a temporary folder (model loaded once)."""
    monkeypatch.setenv("QUOTETRACK_DB", str(tmp_path / "q.db"))

    def invoke(*args):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    return invoke


@pytest.fixture(scope="module")
def fixtures_db(extractor, tmp_path_factory):
    """The bundled fixtures ingested once; tests only read it."""
    db = tmp_path_factory.mktemp("fixtures") / "q.db"
    result = CliRunner().invoke(main, ["ingest", str(FIXTURES), "--db", str(db), "--workers", "1"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db, result


def query(db, sql, *args):
    con = sqlite3.connect(db)
    try:
        return [tuple(r) for r in con.execute(sql, args)]
    finally:
        con.close()


def intact(db):
    """Integrity of the file and of the full-text index; no article stored twice or in part;
    quotes and claims counted apart, and claims in no quote group."""
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    query(db, "INSERT INTO quote_fts(quote_fts) VALUES ('integrity-check')")
    assert query(db, "SELECT count(*) FROM quote_fts") == query(db, "SELECT count(*) FROM quote")
    assert query(db, "SELECT count(*) - count(DISTINCT content_hash) FROM article") == [(0,)]
    assert query(db, "SELECT count(*) FROM article a WHERE a.quote_count != (SELECT count(*) FROM quote q "
                     "WHERE q.article_id = a.id AND q.kind != 'indirect') OR a.claim_count != "
                     "(SELECT count(*) FROM quote q WHERE q.article_id = a.id AND q.kind = 'indirect')") == [(0,)]
    assert query(db, "SELECT count(*) FROM quote WHERE kind = 'indirect' AND "
                     "(group_id IS NOT NULL OR wording_id IS NOT NULL)") == [(0,)]


def kinds(db):
    """(quotes, claims) stored: direct and mixed, and indirect."""
    return query(db, "SELECT count(*) FILTER (WHERE kind != 'indirect'), count(*) FILTER (WHERE kind = 'indirect') "
                     "FROM quote")[0]


# ---- the fixtures --------------------------------------------------------------------------

def test_ingest_summary_and_counts(fixtures_db):
    db, result = fixtures_db
    assert result.stdout == ""
    line, = result.stderr.splitlines()
    quotes, claims = kinds(db)
    assert line.startswith(f"ingest: 8 articles added, 0 skipped, 0 failed; {quotes} quotes, {claims} claims, ")
    assert quotes > 0 and claims > 0
    assert query(db, "SELECT count(*) FROM article") == [(8,)]
    intact(db)


def test_speakers_are_linked_across_articles(fixtures_db):
    db, _ = fixtures_db
    assert query(db, "SELECT s.name, count(*) FROM quote q JOIN speaker s ON s.id = q.speaker_id "
                     "WHERE q.kind != 'indirect' GROUP BY s.id ORDER BY s.name") == [
        ("Bill Clinton", 1), ("Hillary Clinton", 2), ("Ilham Aliyev", 7), ("Sergei Mironov", 8),
        ("Vladimir Putin", 4)]
    assert query(db, "SELECT s.name FROM quote q JOIN speaker s ON s.id = q.speaker_id "
                     "WHERE q.speaker_name = 'Əliyev'") == [("Ilham Aliyev",)]


def group_of(db, fragment):
    (gid,) = query(db, "SELECT group_id FROM quote WHERE text LIKE ? AND kind != 'indirect' LIMIT 1",
                   f"%{fragment}%")[0]
    return gid


def carried(db, gid):
    """(outlet, relaying outlet, wording relation) of every quote of a group, by date."""
    return query(db, "SELECT o.name, r.name, w.relation FROM quote q JOIN outlet o ON o.id = q.outlet_id "
                     "LEFT JOIN outlet r ON r.id = q.relay_outlet_id JOIN wording w ON w.id = q.wording_id "
                     "WHERE q.group_id = ? ORDER BY q.date, q.id", gid)


def test_one_statement_reported_by_three_outlets_in_two_wordings(fixtures_db):
    db, _ = fixtures_db
    gid = group_of(db, "Nothing will change")
    assert carried(db, gid) == [("APA", None, "original"), ("Caspian Daily", None, "variant"),
                                ("EurasiaNet", None, "original")]
    assert query(db, "SELECT text FROM wording WHERE group_id = ? AND relation = 'variant'", gid) == [
        ("Nothing will change in the life of Azerbaijanis in Russia,",)]


def test_a_partial_quote_joins_the_fuller_one(fixtures_db):
    db, _ = fixtures_db
    gid = group_of(db, "wound that does not heal")
    assert query(db, "SELECT text, article_count, first_date FROM quote_group WHERE id = ?", gid) == [
        ("The lack of a Karabakh settlement is a wound that does not heal,", 3, "2007-03-28")]
    assert carried(db, gid) == [("APA", None, "original"), ("Caspian Daily", None, "partial"),
                                ("EurasiaNet", None, "partial")]


def test_relays_and_the_first_report(fixtures_db):
    db, _ = fixtures_db
    gid = group_of(db, "I am grateful to the president")
    assert carried(db, gid) == [("Itar-Tass", None, "original"), ("Moscow Times", "Itar-Tass", "variant"),
                                ("EurasiaNet", "Itar-Tass", "original")]
    assert query(db, "SELECT a.path LIKE '%itar-tass%' FROM quote_group g JOIN quote q ON q.id = g.first_quote_id "
                     "JOIN article a ON a.id = q.article_id WHERE g.id = ?", gid) == [(1,)]


def test_people_sharing_a_surname_keep_their_own_quotes(fixtures_db):
    db, _ = fixtures_db
    gid = group_of(db, "keep fighting for every")
    assert query(db, "SELECT DISTINCT s.name FROM quote q JOIN speaker s ON s.id = q.speaker_id "
                     "WHERE q.group_id = ?", gid) == [("Hillary Clinton",)]
    assert carried(db, gid) == [("Reuters", None, "original"), ("Houston Herald", None, "variant")]


def test_html_quotes_index_the_stored_extracted_text(fixtures_db):
    db, _ = fixtures_db
    rows = query(db, 'SELECT a.text, q.start, q."end", q.text FROM quote q JOIN article a ON a.id = q.article_id')
    assert all(text[s:e] == quote for text, s, e, quote in rows)
    assert query(db, "SELECT count(*) FROM quote q JOIN article a ON a.id = q.article_id "
                     "WHERE a.format = 'html' AND a.text NOT LIKE '%<%' AND q.kind != 'indirect'") == [(3,)]


# ---- re-runs, failures ---------------------------------------------------------------------

def test_reingest_skips_and_force_replaces(run, tmp_path):
    first = run("ingest", str(FIXTURES / "cross"), "--workers", "1")
    before = query(tmp_path / "q.db", "SELECT id, text FROM quote ORDER BY id")
    again = run("ingest", str(FIXTURES / "cross"), "--workers", "1")
    assert (first.exit_code, again.exit_code) == (0, 0)
    assert again.stderr.startswith("ingest: 0 articles added, 7 skipped, 0 failed; 0 quotes, 0 claims,")
    claims = kinds(tmp_path / "q.db")[1]
    forced = run("ingest", str(FIXTURES / "cross"), "--workers", "1", "--force")
    assert forced.stderr.startswith(f"ingest: 0 articles added, 7 replaced, 0 skipped, 0 failed; "
                                    f"13 quotes, {claims} claims,")
    after = query(tmp_path / "q.db", "SELECT text FROM quote ORDER BY id")
    assert after == [(t,) for _, t in before] and kinds(tmp_path / "q.db") == (13, claims)
    intact(tmp_path / "q.db")


def test_bad_inputs_are_reported_and_the_rest_is_stored(run, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": 'Putin said "we will talk again soon" on Friday.', "outlet": "AP"})
                    + "\n{broken\n")
    result = run("ingest", str(feed), str(tmp_path / "missing.txt"), "--workers", "1")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{feed}: line 2: invalid JSON")
    assert lines[1] == f"{tmp_path / 'missing.txt'}: no such file or folder"
    assert lines[2].startswith(f"ingest: 1 article added, 0 skipped, 2 failed; 1 quote, "
                               f"{kinds(tmp_path / 'q.db')[1]} claims,")
    assert query(tmp_path / "q.db", "SELECT text FROM quote WHERE kind != 'indirect'") == [("we will talk again soon",)]


def test_a_mistyped_path_creates_no_database(run, tmp_path):
    result = run("ingest", str(tmp_path / "artcles"), "--db", str(tmp_path / "new.db"))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{tmp_path / 'artcles'}: no such file or folder"
    assert result.stderr.splitlines()[1].startswith("ingest: 0 articles added, 0 skipped, 1 failed;")
    assert not (tmp_path / "new.db").exists()


def test_a_database_is_still_checked_and_made_when_inputs_hold_nothing(run, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database, just text" * 100)
    refused = run("ingest", str(tmp_path / "artcles"), "--db", str(bad))
    assert (refused.exit_code, refused.stderr) == (2, f"Error: {bad}: not a SQLite database (or it is damaged)\n")
    (tmp_path / "none.json").write_text("[]")
    made = run("ingest", str(tmp_path / "none.json"), "--db", str(tmp_path / "made.db"))
    assert made.exit_code == 0 and (tmp_path / "made.db").exists()
    assert query(tmp_path / "made.db", "SELECT count(*) FROM article") == [(0,)]


def test_an_unusable_database_is_one_line_and_exit_2(run, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database, just text" * 100)
    result = run("ingest", str(FIXTURES / "cross"), "--db", str(bad))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {bad}: not a SQLite database (or it is damaged)\n"


def test_corrections_from_the_command_line(run, tmp_path):
    assert run("ingest", str(FIXTURES / "cross"), "--workers", "1").exit_code == 0
    ambiguous = run("rename", "Clinton", "Someone")
    assert ambiguous.exit_code == 2
    assert ambiguous.stderr == ("Error: 'Clinton' may mean several speakers (Hillary Clinton; Bill Clinton); "
                                "give the full name\n")
    assert run("alias", "aliyev", "Ilham Heydar oglu Aliyev").stdout == \
        "'Ilham Heydar oglu Aliyev' now means 'Ilham Aliyev'\n"
    assert run("rename", "Putin", "Vladimir Vladimirovich Putin").stdout == \
        "renamed 'Vladimir Putin' to 'Vladimir Vladimirovich Putin'\n"
    db = tmp_path / "q.db"
    claims = dict(query(db, "SELECT s.name, count(*) FROM quote q JOIN speaker s ON s.id = q.speaker_id "
                            "WHERE q.kind = 'indirect' GROUP BY s.id"))
    plural = lambda n: "1 claim" if n == 1 else f"{n} claims"
    assert run("merge", "Bill Clinton", "Hillary Clinton", "--into", "The Clintons").stdout == \
        f"merged 1 speaker into 'The Clintons' (2 quotes, {plural(claims.get('Hillary Clinton', 0))} moved)\n"
    roles = lambda name: query(db, "SELECT r.role, r.count FROM speaker_role r JOIN speaker s ON s.id = r.speaker_id "
                                   "WHERE s.name = ? ORDER BY r.role", name)  # noqa: E731
    merged = roles("The Clintons")
    assert run("split", "The Clintons", "Bill Clinton").stdout == \
        f"split 'Bill Clinton' off 'The Clintons' (1 quote, {plural(claims.get('Bill Clinton', 0))} moved)\n"
    assert roles("Bill Clinton") == [("President", 1)]  # his role went with his quote
    assert sorted(roles("The Clintons") + roles("Bill Clinton")) == sorted(merged)
    assert query(db, "SELECT DISTINCT s.name FROM speaker s JOIN quote q ON q.speaker_id = s.id "
                     "WHERE s.kind = 'person' AND q.kind != 'indirect' ORDER BY s.name") == [
        ("Bill Clinton",), ("Ilham Aliyev",), ("Sergei Mironov",), ("The Clintons",),
        ("Vladimir Vladimirovich Putin",)]
    run("ingest", str(FIXTURES), "--workers", "1", "--include", "eurasianet-*")
    assert query(db, "SELECT DISTINCT s.name FROM quote q JOIN speaker s ON s.id = q.speaker_id "
                     "WHERE q.speaker_name = 'Vladimir Putin'") == [("Vladimir Vladimirovich Putin",)]


@pytest.mark.parametrize("args, name", [(["rename", "Putin", ""], ""), (["rename", "Putin", "  "], "  "),
                                        (["alias", "Putin", "?!"], "?!"), (["split", "Putin", " "], " "),
                                        (["merge", "Putin", "Aliyev", "--into", ""], "")])
def test_a_name_with_nothing_to_match_on_is_refused(run, tmp_path, args, name):
    assert run("ingest", str(FIXTURES / "cross"), "--workers", "1").exit_code == 0
    before = query(tmp_path / "q.db", "SELECT id, name FROM speaker ORDER BY id")
    r = run(*args)
    assert (r.exit_code, r.stderr) == (2, f"Error: {name!r} has no letters to match on\n")
    assert query(tmp_path / "q.db", "SELECT id, name FROM speaker ORDER BY id") == before


# ---- faults: kill and concurrency (real processes) -----------------------------------------

def write_articles(folder, numbers):
    folder.mkdir(parents=True, exist_ok=True)
    for i in numbers:
        (folder / f"report-{i:03d}.txt").write_text(
            f"---\n# Budget report {i}\nReporter {i}\nCity Tribune, Warsaw\nMarch {1 + i % 28}, 2007\n---\n\n"
            f'"The budget for project {i} will be approved next week," Finance Minister Anna Kowalska said '
            f'on Monday.\n\n"We expect growth of {i} percent this year," Kowalska told reporters.\n')


def ingest_process(db, folder, workers=1):
    return subprocess.Popen([sys.executable, "-m", "quotetrack", "ingest", str(folder), "--db", str(db),
                             "--workers", str(workers)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def count(db, table="article"):
    try:
        return query(db, f"SELECT count(*) FROM {table}")[0][0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_killed_ingest_leaves_no_partial_article_and_a_rerun_finishes(tmp_path):
    total = 200
    write_articles(tmp_path / "in", range(total))
    db = tmp_path / "q.db"
    proc = ingest_process(db, tmp_path / "in")
    deadline = time.monotonic() + 120
    while count(db) < 5 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored = count(db)
    assert 5 <= stored < total, "the ingest was not killed halfway"
    intact(db)
    assert kinds(db)[0] == 2 * stored
    rerun = ingest_process(db, tmp_path / "in")
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert f"{total - stored} articles added, {stored} skipped, 0 failed" in err
    assert (count(db), kinds(db)[0]) == (total, 2 * total)
    intact(db)


def test_two_concurrent_ingests_into_one_database_both_finish(tmp_path):
    write_articles(tmp_path / "a", range(0, 40))
    write_articles(tmp_path / "b", range(25, 65))  # 15 articles in both
    db = tmp_path / "q.db"
    procs = [ingest_process(db, tmp_path / "a", workers=2), ingest_process(db, tmp_path / "b", workers=1)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    added = sum(int(re.search(r"(\d+) articles? added", err).group(1)) for _, err in results)
    assert added == 65
    assert (count(db), kinds(db)[0]) == (65, 130)
    # one speaker row, although both runs met her for the first time in parallel
    assert query(db, "SELECT count(*) FROM speaker WHERE name = 'Anna Kowalska'") == [(1,)]
    intact(db)
