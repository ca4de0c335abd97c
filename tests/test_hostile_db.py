"""Hostile databases: a missing folder, a read-only file, a file that is not SQLite, a newer
schema, a writer holding the lock. Each is one line and exit code 2, and nothing is damaged."""
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from click.testing import CliRunner

from quotetrack.cli import main

from .test_ingest import intact, query

ARTICLE = 'Talks\n\n"We will talk again soon," Jan Nowak said on Friday.\n'
OTHER = 'Rates\n\n"Rates stay where they are," Anna Kowalska said on Monday.\n'


@pytest.fixture
def articles(tmp_path):
    (tmp_path / "one.txt").write_text(ARTICLE)
    (tmp_path / "two.txt").write_text(OTHER)
    return tmp_path / "one.txt", tmp_path / "two.txt"


def ingest(path, db):
    return CliRunner().invoke(main, ["ingest", str(path), "--db", str(db), "--workers", "1"])


@pytest.fixture
def stored(extractor, tmp_path, articles):
    """A database holding the first article."""
    db = tmp_path / "q.db"
    assert ingest(articles[0], db).exit_code == 0
    return db


def fails_with(result, message):
    assert (result.exit_code, result.stderr) == (2, f"Error: {message}\n")


@pytest.mark.parametrize("command", [["ingest", "ARTICLE"], ["speakers"], ["search", "talk"], ["export"]])
def test_a_folder_or_nothing_given_as_the_database_is_refused_by_name(tmp_path, articles, command):
    (tmp_path / "dir.db").mkdir()
    args = [str(articles[0]) if a == "ARTICLE" else a for a in command]
    fails_with(CliRunner().invoke(main, [*args, "--db", str(tmp_path / "dir.db")]),
               f"{tmp_path / 'dir.db'}: is a folder, not a database file")
    fails_with(CliRunner().invoke(main, [*args, "--db", ""]), "'': not a database file")


def test_a_missing_folder_is_created(extractor, tmp_path, articles):
    db = tmp_path / "new" / "deeper" / "q.db"
    assert ingest(articles[0], db).exit_code == 0
    intact(db)
    assert query(db, "SELECT text FROM quote") == [("We will talk again soon,",)]


def test_a_folder_that_cannot_be_created(tmp_path, articles):
    (tmp_path / "plain").write_text("a file, not a folder")
    result = ingest(articles[0], tmp_path / "plain" / "q.db")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {tmp_path / 'plain' / 'q.db'}: cannot create the folder {tmp_path / 'plain'}")
    assert result.stderr.count("\n") == 1


def test_a_read_only_database_is_refused_and_left_as_it_was(stored, articles):
    # Permission bits do not stop root; SQLite's read-only open mode stops everyone.
    url = f"sqlite:///file:{stored}?mode=ro&uri=true"
    fails_with(ingest(articles[1], url),
               f"file:{stored}: database is read-only (check the file's and its folder's permissions)")
    assert query(stored, "SELECT count(*) FROM article") == [(1,)]
    intact(stored)


@pytest.mark.parametrize("content", [b"not a database, just text\n" * 100,
                                     b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16,
                                     b"SQLite format 3\x00" + b"\xff" * 4000])
def test_a_file_that_is_not_sqlite_is_refused_and_not_touched(tmp_path, articles, content):
    db = tmp_path / "q.db"
    db.write_bytes(content)
    fails_with(ingest(articles[0], db), f"{db}: not a SQLite database (or it is damaged)")
    assert db.read_bytes() == content


def test_a_database_of_something_else_is_refused(tmp_path, articles):
    db = tmp_path / "other.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL)")
    con.commit()
    con.close()
    fails_with(ingest(articles[0], db), f"{db}: a database of something else (tables: invoice), "
                                        "not a quotetrack database; choose another --db")
    assert query(db, "SELECT name FROM sqlite_master") == [("invoice",)]


@pytest.mark.parametrize("change, message", [
    ("DELETE FROM schema_migration",  # tables, but no record of quotetrack's first step
     "a database of something else (tables: article, group_shingle, outlet, outlet_alias, quote), "
     "not a quotetrack database; choose another --db"),
    ("INSERT INTO schema_migration (name, applied_at) VALUES ('m999_future', '2030-01-01')",
     "the database was written by a newer quotetrack (schema step m999_future); upgrade quotetrack to use it"),
])
def test_a_schema_this_version_cannot_use_is_refused_and_not_touched(stored, articles, change, message):
    con = sqlite3.connect(stored)
    con.execute(change)
    con.execute("PRAGMA journal_mode = DELETE")  # so that a switch to WAL would show in the file
    con.commit()
    con.close()
    before = stored.read_bytes()
    fails_with(ingest(articles[1], stored), f"{stored}: {message}")
    assert query(stored, "SELECT count(*) FROM article") == [(1,)]
    assert stored.read_bytes() == before


HOLD_LOCK = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("INSERT INTO outlet (name, key, kind) VALUES ('Lock Holder', 'lock holder', 'website')")
print("locked", flush=True)
sys.stdin.readline()
con.execute(sys.argv[2])
"""


def hold_lock(db, then):
    """Another process holding the write lock until told to ``then`` (COMMIT or ROLLBACK)."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db), then], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "locked\n"
    return proc


def test_a_locked_database_is_waited_for_then_refused_clearly(stored, articles, monkeypatch):
    monkeypatch.setenv("QUOTETRACK_BUSY_TIMEOUT", "0.5")
    holder = hold_lock(stored, "ROLLBACK")
    try:
        started = time.monotonic()
        result = ingest(articles[1], stored)
        waited = time.monotonic() - started
    finally:
        holder.communicate("\n", timeout=30)
    fails_with(result, f"{stored}: database is locked by another writer; tried for a while, try again later")
    assert 0.5 <= waited < 2.5  # the timeout is the whole wait, not the wait of each of several tries
    assert query(stored, "SELECT count(*) FROM article") == [(1,)]
    intact(stored)
    again = ingest(articles[1], stored)  # the lock is gone: the same command now succeeds
    assert again.exit_code == 0
    assert query(stored, "SELECT count(*) FROM article") == [(2,)]


def test_a_writer_that_lets_go_in_time_is_waited_for(stored, articles, monkeypatch):
    monkeypatch.setenv("QUOTETRACK_BUSY_TIMEOUT", "30")
    holder = hold_lock(stored, "COMMIT")
    release = threading.Timer(1.0, holder.stdin.close)  # the holder commits when its input ends
    release.start()
    started = time.monotonic()
    result = ingest(articles[1], stored)
    waited = time.monotonic() - started
    holder.wait(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert waited >= 1.0
    assert query(stored, "SELECT count(*) FROM article") == [(2,)]
    intact(stored)


def test_a_busy_timeout_that_is_not_a_number(stored, articles, monkeypatch):
    monkeypatch.setenv("QUOTETRACK_BUSY_TIMEOUT", "soon")
    fails_with(ingest(articles[1], stored), "QUOTETRACK_BUSY_TIMEOUT=soon: expected a number of seconds")


class _LockedNow:
    """A raw connection on which SQLite answers "locked" at once to the switch to WAL, as it
    does while another process is creating the same new database; ``refusals`` counts them."""

    def __init__(self, real, refusals, times):
        self.real, self.refusals, self.times = real, refusals, times

    def execute(self, sql, *args):
        if "journal_mode" in sql and len(self.refusals) < self.times:
            self.refusals.append(sql)
            raise sqlite3.OperationalError("database is locked")
        return self.real.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_a_database_another_process_is_creating_is_waited_for(tmp_path, monkeypatch):
    from quotetrack import database

    engine = database.create_db_engine(str(tmp_path / "q.db"))
    real, refusals = engine.raw_connection, []
    monkeypatch.setattr(engine, "raw_connection", lambda: _LockedNow(real(), refusals, 3))
    assert database.migrate(engine)  # every step ran, after three refusals
    assert len(refusals) == 3
    intact(tmp_path / "q.db")


def test_a_database_that_stays_locked_is_refused_in_one_line(tmp_path, monkeypatch):
    from quotetrack import database
    from quotetrack.errors import QuotetrackError

    monkeypatch.setenv("QUOTETRACK_BUSY_TIMEOUT", "0.2")
    engine = database.create_db_engine(str(tmp_path / "q.db"))
    real = engine.raw_connection
    monkeypatch.setattr(engine, "raw_connection", lambda: _LockedNow(real(), [], 10**9))
    with pytest.raises(QuotetrackError) as refused:
        database.migrate(engine)
    assert str(refused.value) == f"{tmp_path / 'q.db'}: database is locked by another writer; tried for a while, " \
                                 "try again later"
