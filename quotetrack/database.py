"""Opening the database: the engine, SQLite settings, write transactions and migrations.

SQLite gets WAL (a reader never blocks the writer), a busy timeout (a second writer waits
instead of failing), foreign keys, and ``BEGIN IMMEDIATE`` for write transactions, so that a
writer takes its lock before reading and two ingests into one file take turns per article.

The schema is versioned by named, ordered migration steps recorded in ``schema_migration``
and run whenever a database is opened. ``models.py`` always describes the newest schema: an
empty database is created from it in one go and stamped with every step; an existing one
runs the steps it lacks, each written to upgrade from the version before it. A database that
records a step this program does not know was written by a newer quotetrack and is refused.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlmodel import SQLModel

from . import models
from .errors import QuotetrackError, check_db_file
from .grouping import shingles

BUSY_TIMEOUT_S = 60.0
BUSY_TIMEOUT_ENV = "QUOTETRACK_BUSY_TIMEOUT"
_WRITE = "quotetrack_write"


def default_busy_timeout() -> float:
    """How long a writer waits for another one: $QUOTETRACK_BUSY_TIMEOUT seconds, else 60."""
    value = os.environ.get(BUSY_TIMEOUT_ENV)
    if not value:
        return BUSY_TIMEOUT_S
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < 1e6:
        raise QuotetrackError(f"{BUSY_TIMEOUT_ENV}={value}: expected a number of seconds")
    return seconds


def database_url(db: str) -> str:
    """A file path or a SQLAlchemy URL -> a SQLAlchemy URL (``:memory:`` for a private one)."""
    if "://" in db:
        return db
    check_db_file(db)
    if db == ":memory:":
        return "sqlite://"
    return "sqlite:///" + str(Path(db).expanduser().resolve())


def label(engine: Engine) -> str:
    """How messages name the database: its file, else its URL without the password."""
    return engine.url.database if is_sqlite(engine) and engine.url.database else engine.url.render_as_string()


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def create_db_engine(db: str, busy_timeout: float | None = None) -> Engine:
    """An engine for ``db`` with quotetrack's connection settings; creates a missing folder.

    ``busy_timeout`` (seconds) defaults to ``default_busy_timeout()``.
    """
    if busy_timeout is None:
        busy_timeout = default_busy_timeout()
    url = database_url(db)
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:") \
                and not parsed.database.startswith("file:"):  # a SQLite URI names an existing file
            folder = Path(parsed.database).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise QuotetrackError(f"{db}: cannot create the folder {folder}: {exc.strerror or exc}")
        engine = create_engine(url, connect_args={"timeout": busy_timeout}
                               if parsed.get_backend_name() == "sqlite" else {})
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise QuotetrackError(f"{db}: not a usable database URL ({exc})")
    if is_sqlite(engine):
        _sqlite_settings(engine, busy_timeout)
    return engine


def _sqlite_settings(engine: Engine, busy_timeout: float) -> None:
    @event.listens_for(engine, "connect")
    def connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" event below starts transactions
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA cache_size = -65536")  # 64 MiB: a large database's index pages stay cached
        cur.close()

    @event.listens_for(engine, "begin")
    def begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")


def _describe(exc: Exception, db: str) -> str:
    """One line that says what is wrong with the database, never SQLite's raw wording alone."""
    orig = getattr(exc, "orig", None)
    msg = str(orig) if orig is not None else str(exc)
    low = msg.lower()
    if "file is not a database" in low or "not a database" in low:
        return f"{db}: not a SQLite database (or it is damaged)"
    if "locked" in low or "busy" in low:
        return f"{db}: database is locked by another writer; tried for a while, try again later"
    if "readonly" in low or "read-only" in low:
        return f"{db}: database is read-only (check the file's and its folder's permissions)"
    if "unable to open" in low:
        return f"{db}: cannot open the database file"
    if "disk i/o" in low or "disk is full" in low:
        return f"{db}: disk error ({msg})"
    return f"{db}: database error: {msg}"


@contextmanager
def db_errors(db: str) -> Iterator[None]:
    """Turn driver errors into one-line QuotetrackErrors that name the database."""
    try:
        yield
    except (DBAPIError, sqlite3.Error) as exc:  # the driver's own, from raw connections
        raise QuotetrackError(_describe(exc, db)) from None


def _locked(exc: DBAPIError) -> bool:
    return "locked" in str(exc.orig).lower() or "busy" in str(exc.orig).lower()


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed whole when the block ends, rolled back on any error.

    On SQLite it begins with ``BEGIN IMMEDIATE``. While another writer holds the lock it
    waits up to the busy timeout, in short naps rather than inside SQLite, so that Ctrl-C
    stops the wait at once.
    """
    db = label(engine)
    with db_errors(db), engine.connect() as conn:
        conn.execution_options(**{_WRITE: True})
        with _begin(conn) if is_sqlite(engine) else conn.begin():
            yield conn


def _begin(conn: Connection):
    raw = conn.connection.dbapi_connection
    timeout_ms = raw.execute("PRAGMA busy_timeout").fetchone()[0]
    deadline = time.monotonic() + timeout_ms / 1000
    raw.execute("PRAGMA busy_timeout = 0")
    try:
        while True:
            try:
                return conn.begin()
            except DBAPIError as exc:
                if not _locked(exc) or time.monotonic() >= deadline:
                    raise
                conn.rollback()
                time.sleep(0.05)
    finally:
        with contextlib.suppress(Exception):  # Ctrl-C in BEGIN can leave the connection closed
            raw.execute(f"PRAGMA busy_timeout = {timeout_ms}")


# ---- schema -----------------------------------------------------------------------------

FTS_SQL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS quote_fts USING fts5("
    "text, content='quote', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS quote_fts_insert AFTER INSERT ON quote BEGIN "
    "INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS quote_fts_delete AFTER DELETE ON quote BEGIN "
    "INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS quote_fts_update AFTER UPDATE OF text ON quote BEGIN "
    "INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text); END",
)



def _quote_added(r: str) -> str:
    """Trigger statements counting quote row ``r`` ("new" or "old" of an update) in."""
    q, c = f"({r}.kind IS NOT 'indirect')", f"({r}.kind IS 'indirect')"
    return f"""
    UPDATE speaker SET quote_count = quote_count + {q}, claim_count = claim_count + {c},
        first_date = CASE WHEN {r}.date < first_date OR first_date IS NULL THEN {r}.date ELSE first_date END,
        last_date = CASE WHEN {r}.date > last_date OR last_date IS NULL THEN {r}.date ELSE last_date END
        WHERE id = {r}.speaker_id;
    INSERT INTO speaker_year (speaker_id, year, quotes, claims)
        SELECT {r}.speaker_id, substr({r}.date, 1, 4), {q}, {c}
            WHERE {r}.speaker_id IS NOT NULL AND {r}.date IS NOT NULL
        ON CONFLICT DO UPDATE SET quotes = quotes + excluded.quotes, claims = claims + excluded.claims;
    INSERT INTO speaker_outlet (speaker_id, relay, outlet_id, quotes, claims)
        SELECT {r}.speaker_id, 0, {r}.outlet_id, {q}, {c} WHERE {r}.speaker_id IS NOT NULL AND {r}.outlet_id IS NOT NULL
        UNION ALL
        SELECT {r}.speaker_id, 1, {r}.relay_outlet_id, {q}, {c}
            WHERE {r}.speaker_id IS NOT NULL AND {r}.relay_outlet_id IS NOT NULL
        ON CONFLICT DO UPDATE SET quotes = quotes + excluded.quotes, claims = claims + excluded.claims;
    UPDATE outlet SET quote_count = quote_count + 1,
        relayed_count = relayed_count + ({r}.relay_outlet_id IS NOT NULL AND {r}.relay_outlet_id != {r}.outlet_id)
        WHERE id = {r}.outlet_id;
    UPDATE outlet SET credited_count = credited_count + 1
        WHERE id = {r}.relay_outlet_id AND {r}.outlet_id IS NOT {r}.relay_outlet_id;"""


def _quote_removed(r: str) -> str:
    """Trigger statements counting quote row ``r`` out, run after the row left (or changed)."""
    q, c = f"({r}.kind IS NOT 'indirect')", f"({r}.kind IS 'indirect')"
    return f"""
    UPDATE speaker SET quote_count = quote_count - {q}, claim_count = claim_count - {c},
        first_date = CASE WHEN {r}.date = first_date
            THEN (SELECT MIN(date) FROM quote WHERE speaker_id = {r}.speaker_id) ELSE first_date END,
        last_date = CASE WHEN {r}.date = last_date
            THEN (SELECT MAX(date) FROM quote WHERE speaker_id = {r}.speaker_id) ELSE last_date END
        WHERE id = {r}.speaker_id;
    UPDATE speaker_year SET quotes = quotes - {q}, claims = claims - {c}
        WHERE speaker_id = {r}.speaker_id AND year = substr({r}.date, 1, 4);
    DELETE FROM speaker_year WHERE speaker_id = {r}.speaker_id AND year = substr({r}.date, 1, 4)
        AND quotes = 0 AND claims = 0;
    UPDATE speaker_outlet SET quotes = quotes - {q}, claims = claims - {c} WHERE speaker_id = {r}.speaker_id
        AND ((relay = 0 AND outlet_id = {r}.outlet_id) OR (relay = 1 AND outlet_id = {r}.relay_outlet_id));
    DELETE FROM speaker_outlet WHERE speaker_id = {r}.speaker_id AND quotes = 0 AND claims = 0
        AND ((relay = 0 AND outlet_id = {r}.outlet_id) OR (relay = 1 AND outlet_id = {r}.relay_outlet_id));
    UPDATE outlet SET quote_count = quote_count - 1,
        relayed_count = relayed_count - ({r}.relay_outlet_id IS NOT NULL AND {r}.relay_outlet_id != {r}.outlet_id)
        WHERE id = {r}.outlet_id;
    UPDATE outlet SET credited_count = credited_count - 1
        WHERE id = {r}.relay_outlet_id AND {r}.outlet_id IS NOT {r}.relay_outlet_id;"""


# A speaker's articles: counted in when their first quote in an article arrives, out when the last leaves.
_ARTICLE_IN = """
    UPDATE speaker SET article_count = article_count + 1 WHERE id = new.speaker_id AND NOT EXISTS (
        SELECT 1 FROM quote WHERE article_id = new.article_id AND speaker_id = new.speaker_id AND id != new.id);"""
_ARTICLE_OUT = """
    UPDATE speaker SET article_count = article_count - 1 WHERE id = old.speaker_id AND NOT EXISTS (
        SELECT 1 FROM quote WHERE article_id = old.article_id AND speaker_id = old.speaker_id);"""

COUNTER_SQL = (
    f"CREATE TRIGGER IF NOT EXISTS quote_counts_insert AFTER INSERT ON quote BEGIN"
    f"{_quote_added('new')}{_ARTICLE_IN} END",
    f"CREATE TRIGGER IF NOT EXISTS quote_counts_delete AFTER DELETE ON quote BEGIN"
    f"{_quote_removed('old')}{_ARTICLE_OUT} END",
    f"CREATE TRIGGER IF NOT EXISTS quote_counts_update AFTER UPDATE OF speaker_id, kind, date, outlet_id, "
    f"relay_outlet_id ON quote BEGIN{_quote_removed('old')}{_quote_added('new')} END",
    f"CREATE TRIGGER IF NOT EXISTS quote_articles_update AFTER UPDATE OF speaker_id, article_id ON quote "
    f"WHEN old.speaker_id IS NOT new.speaker_id OR old.article_id IS NOT new.article_id BEGIN"
    f"{_ARTICLE_OUT}{_ARTICLE_IN} END",
    "CREATE TRIGGER IF NOT EXISTS article_counts_insert AFTER INSERT ON article BEGIN "
    "UPDATE outlet SET article_count = article_count + 1 WHERE id = new.outlet_id; END",
    "CREATE TRIGGER IF NOT EXISTS article_counts_delete AFTER DELETE ON article BEGIN "
    "UPDATE outlet SET article_count = article_count - 1 WHERE id = old.outlet_id; END",
    "CREATE TRIGGER IF NOT EXISTS article_counts_update AFTER UPDATE OF outlet_id ON article "
    "WHEN old.outlet_id IS NOT new.outlet_id BEGIN "
    "UPDATE outlet SET article_count = article_count - 1 WHERE id = old.outlet_id; "
    "UPDATE outlet SET article_count = article_count + 1 WHERE id = new.outlet_id; END",
)


# Every counter counted from the quote and article tables, for counters at zero and empty
# tallies: m003 on an existing database, and the synthetic benchmark database after its bulk
# load (done with the triggers off). One copy of the quote columns needed, then set-based.
COUNT_SQL = (
    """CREATE TEMP TABLE counted_quote AS SELECT speaker_id, article_id, outlet_id, relay_outlet_id, date,
           kind = 'indirect' AS claim FROM quote NOT INDEXED""",
    """UPDATE speaker SET quote_count = c.quotes, claim_count = c.claims, article_count = c.articles,
           first_date = c.first, last_date = c.last
       FROM (SELECT speaker_id, SUM(NOT claim) AS quotes, SUM(claim) AS claims, MIN(date) AS first,
                    MAX(date) AS last, COUNT(DISTINCT article_id) AS articles
             FROM temp.counted_quote WHERE speaker_id IS NOT NULL GROUP BY speaker_id) c
       WHERE c.speaker_id = speaker.id""",
    """INSERT INTO speaker_year (speaker_id, year, quotes, claims)
       SELECT speaker_id, substr(date, 1, 4), SUM(NOT claim), SUM(claim) FROM temp.counted_quote
       WHERE speaker_id IS NOT NULL AND date IS NOT NULL GROUP BY 1, 2""",
    """INSERT INTO speaker_outlet (speaker_id, relay, outlet_id, quotes, claims)
       SELECT speaker_id, 0, outlet_id, SUM(NOT claim), SUM(claim) FROM temp.counted_quote
       WHERE speaker_id IS NOT NULL AND outlet_id IS NOT NULL GROUP BY speaker_id, outlet_id
       UNION ALL
       SELECT speaker_id, 1, relay_outlet_id, SUM(NOT claim), SUM(claim) FROM temp.counted_quote
       WHERE speaker_id IS NOT NULL AND relay_outlet_id IS NOT NULL GROUP BY speaker_id, relay_outlet_id""",
    """UPDATE outlet SET quote_count = c.quotes, relayed_count = c.relayed
       FROM (SELECT outlet_id, COUNT(*) AS quotes,
                    SUM(relay_outlet_id IS NOT NULL AND relay_outlet_id != outlet_id) AS relayed
             FROM temp.counted_quote WHERE outlet_id IS NOT NULL GROUP BY outlet_id) c
       WHERE c.outlet_id = outlet.id""",
    """UPDATE outlet SET credited_count = c.credited
       FROM (SELECT relay_outlet_id, COUNT(*) AS credited FROM temp.counted_quote
             WHERE relay_outlet_id IS NOT NULL AND outlet_id IS NOT relay_outlet_id GROUP BY relay_outlet_id) c
       WHERE c.relay_outlet_id = outlet.id""",
    "UPDATE outlet SET article_count = (SELECT COUNT(*) FROM article WHERE outlet_id = outlet.id)",
    "DROP TABLE temp.counted_quote",
)
COUNTER_TRIGGERS = tuple(sql.split()[5] for sql in COUNTER_SQL)


def create_schema(conn: Connection) -> None:
    """The newest schema: every table of ``models``, and on SQLite the full-text index and the
    triggers that keep the counters."""
    SQLModel.metadata.create_all(conn, tables=[m.__table__ for m in models.TABLES])
    if conn.dialect.name == "sqlite":
        for sql in FTS_SQL + COUNTER_SQL:
            conn.exec_driver_sql(sql)


def m001_initial(conn: Connection) -> None:
    """Version 1: articles, outlets, speakers, quotes, groups, wordings, shingles, FTS5."""
    create_schema(conn)


def m002_claims_apart(conn: Connection) -> None:
    """Version 2: claims (kind "indirect") counted apart from quotes and taken out of quote groups.

    ``article.claim_count`` is added and both counts are recounted; a claim's group and wording
    are cleared, and the groups it was in are recounted, losing the wordings only claims had.
    Set-based: a handful of statements over all affected groups at once, then one pass in
    Python over their wordings (relations, display text, word-pair shingles) written back
    with ``executemany``; the result is that of ``grouping.refresh_groups`` on each group.
    """
    run = conn.exec_driver_sql
    run("ALTER TABLE article ADD COLUMN claim_count INTEGER NOT NULL DEFAULT 0")
    run("CREATE TEMP TABLE m002_group (id INTEGER PRIMARY KEY)")
    run("INSERT INTO m002_group SELECT DISTINCT group_id FROM quote WHERE kind = 'indirect' AND group_id IS NOT NULL")
    run("UPDATE quote SET group_id = NULL, wording_id = NULL WHERE kind = 'indirect'")
    run("CREATE TEMP TABLE m002_empty (id INTEGER PRIMARY KEY)")
    run("INSERT INTO m002_empty SELECT id FROM m002_group g "
        "WHERE NOT EXISTS (SELECT 1 FROM quote WHERE group_id = g.id)")
    for table, column in (("group_shingle", "group_id"), ("wording", "group_id"), ("quote_group", "id")):
        run(f"DELETE FROM {table} WHERE {column} IN (SELECT id FROM m002_empty)")
    run("DELETE FROM m002_group WHERE id IN (SELECT id FROM m002_empty)")
    run("""UPDATE quote_group SET
             quote_count = (SELECT COUNT(*) FROM quote q WHERE q.group_id = quote_group.id),
             article_count = (SELECT COUNT(DISTINCT q.article_id) FROM quote q WHERE q.group_id = quote_group.id),
             first_quote_id = (SELECT q.id FROM quote q WHERE q.group_id = quote_group.id
                               ORDER BY q.date IS NULL, q.date, q.id LIMIT 1)
           WHERE id IN (SELECT id FROM m002_group)""")
    run("UPDATE quote_group SET first_date = (SELECT date FROM quote WHERE id = quote_group.first_quote_id) "
        "WHERE id IN (SELECT id FROM m002_group)")
    run("CREATE TEMP TABLE m002_dropped (id INTEGER PRIMARY KEY)")
    unused = ("FROM wording w WHERE w.group_id IN (SELECT id FROM m002_group) AND NOT EXISTS "
              "(SELECT 1 FROM quote q WHERE q.wording_id = w.id AND q.group_id = w.group_id)")
    run(f"INSERT OR IGNORE INTO m002_dropped SELECT w.group_id {unused}")
    run(f"DELETE FROM wording WHERE id IN (SELECT w.id {unused})")
    _m002_wordings(conn)
    run("CREATE TEMP TABLE m002_count (article_id INTEGER PRIMARY KEY, quotes INTEGER, claims INTEGER)")
    run("INSERT INTO m002_count SELECT article_id, SUM(kind != 'indirect'), SUM(kind = 'indirect') "
        "FROM quote GROUP BY article_id")
    run("""UPDATE article SET quote_count = COALESCE(c.quotes, 0), claim_count = COALESCE(c.claims, 0)
           FROM (SELECT a.id, n.quotes, n.claims FROM article a LEFT JOIN m002_count n ON n.article_id = a.id) c
           WHERE c.id = article.id AND (article.quote_count IS NOT COALESCE(c.quotes, 0)
                                        OR article.claim_count IS NOT COALESCE(c.claims, 0))""")
    for table in ("m002_group", "m002_empty", "m002_dropped", "m002_count"):
        run(f"DROP TABLE temp.{table}")


def _m002_wordings(conn: Connection) -> None:
    """For m002's groups: wording relations to the first report, display text and wording count,
    and the shingles of the groups that lost wordings, as ``grouping`` computes them."""
    from .grouping import _relations

    run = conn.exec_driver_sql
    rows = run("""SELECT w.group_id, w.id, w.norm, w.text, w.relation, g.first_quote_id,
                         (SELECT q.wording_id FROM quote q WHERE q.id = g.first_quote_id),
                         w.group_id IN (SELECT id FROM temp.m002_dropped)
                  FROM wording w JOIN quote_group g ON g.id = w.group_id
                  WHERE w.group_id IN (SELECT id FROM temp.m002_group) ORDER BY w.group_id, w.id""").all()
    relations, groups, shingled = [], [], []
    at = 0
    while at < len(rows):
        end = at
        while end < len(rows) and rows[end][0] == rows[at][0]:
            end += 1
        group = rows[at:end]
        gid, reference = group[0][0], group[0][6] if group[0][5] else None
        rel = _relations([(r[1], r[2].split()) for r in group], reference)
        relations += [(rel[r[1]], r[1]) for r in group if r[4] != rel[r[1]]]
        full = [r for r in group if rel[r[1]] in ("original", "extended")] or group
        text = max(full, key=lambda r: (len(r[2].split()), r[1] == reference))[3]
        groups.append((text, len(group), gid))
        if group[0][7]:
            have: set[int] = set()
            for r in group:
                have |= shingles(r[2].split())
            shingled += [(h, gid) for h in have]
        at = end
    raw = conn.connection.driver_connection
    raw.executemany("UPDATE wording SET relation = ? WHERE id = ?", relations)
    raw.executemany("UPDATE quote_group SET text = ?, wording_count = ? WHERE id = ?", groups)
    run("DELETE FROM group_shingle WHERE group_id IN (SELECT id FROM temp.m002_dropped)")
    raw.executemany("INSERT INTO group_shingle (hash, group_id) VALUES (?, ?)", shingled)


def m003_counters(conn: Connection) -> None:
    """Version 3: counters kept by triggers, so that listings and profiles read a few rows.

    Speakers get their quote, claim and article counts and first and last date; outlets their
    article count and the quotes they published, relayed and were credited with;
    ``speaker_year`` and ``speaker_outlet`` hold a speaker's counts by year and by outlet.
    ``ix_speaker_rank`` orders speakers by quotes. Everything is counted by ``COUNT_SQL``.
    """
    run = conn.exec_driver_sql
    for table, column, kind in (
            ("speaker", "quote_count", "INTEGER NOT NULL DEFAULT 0"),
            ("speaker", "claim_count", "INTEGER NOT NULL DEFAULT 0"),
            ("speaker", "article_count", "INTEGER NOT NULL DEFAULT 0"),
            ("speaker", "first_date", "VARCHAR"), ("speaker", "last_date", "VARCHAR"),
            ("outlet", "article_count", "INTEGER NOT NULL DEFAULT 0"),
            ("outlet", "quote_count", "INTEGER NOT NULL DEFAULT 0"),
            ("outlet", "relayed_count", "INTEGER NOT NULL DEFAULT 0"),
            ("outlet", "credited_count", "INTEGER NOT NULL DEFAULT 0")):
        run(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
    SQLModel.metadata.create_all(conn, tables=[models.SpeakerYear.__table__, models.SpeakerOutlet.__table__])
    for sql in COUNT_SQL:
        run(sql)
    models.SPEAKER_RANK.create(conn)
    for sql in COUNTER_SQL:
        run(sql)


MIGRATIONS: tuple[Callable[[Connection], None], ...] = (m001_initial, m002_claims_apart, m003_counters)


def _applied(conn: Connection) -> list[str] | None:
    """Applied step names, or None when the database has no quotetrack schema yet."""
    if not inspect(conn).has_table("schema_migration"):
        return None
    return list(conn.scalars(select(models.SchemaMigration.name)))


def _pending(conn: Connection, db: str) -> list[str] | None:
    """Steps still to run, or None for an empty database; refuses foreign or newer schemas."""
    applied = _applied(conn)
    known = [m.__name__ for m in MIGRATIONS]
    others = [t for t in inspect(conn).get_table_names() if not t.startswith("sqlite_") and t != "schema_migration"]
    if (applied is None or known[0] not in applied) and others:
        # tables, but not from quotetrack's first step: another program's, or a damaged record
        raise QuotetrackError(f"{db}: a database of something else (tables: {', '.join(sorted(others)[:5])}), "
                              "not a quotetrack database; choose another --db")
    if applied is None:
        return None
    unknown = sorted(set(applied) - set(known))
    if unknown:
        raise QuotetrackError(f"{db}: the database was written by a newer quotetrack (schema step "
                              f"{unknown[-1]}); upgrade quotetrack to use it")
    return [name for name in known if name not in applied]


def migrate(engine: Engine) -> list[str]:
    """Bring the database to the newest schema; -> the names of the steps run now.

    Reads first, so that an up-to-date database can be opened read-only; writes, when needed,
    happen in one transaction, so a failed step leaves the database as it was.
    """
    db = label(engine)
    with db_errors(db):
        with engine.connect() as conn:
            pending = _pending(conn, db)
        if pending == []:
            return []
        if is_sqlite(engine):
            mode = _use_wal(engine)
            if mode not in ("wal", "memory"):
                raise QuotetrackError(f"{db}: cannot switch the database to WAL mode (got {mode})")
        with write_transaction(engine) as conn:
            pending = _pending(conn, db)  # another process may have migrated meanwhile
            if pending is None:
                create_schema(conn)
                done = [m.__name__ for m in MIGRATIONS]
            else:
                for step in MIGRATIONS:
                    if step.__name__ in pending:
                        step(conn)
                done = pending or []
            for name in done:
                conn.execute(models.SchemaMigration.__table__.insert().values(name=name, applied_at=models.utcnow()))
            if is_sqlite(engine):
                conn.exec_driver_sql(f"PRAGMA user_version = {len(MIGRATIONS)}")
        return done


def _use_wal(engine: Engine) -> str:
    """Switch the file to WAL, outside any transaction as SQLite requires; -> the mode now.

    SQLite answers "locked" at once, busy timeout or not, while another process creates the
    same new database, so the switch is retried for as long as that timeout allows.
    """
    deadline = time.monotonic() + default_busy_timeout()
    while True:
        raw = engine.raw_connection()
        try:
            return raw.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                raise
        finally:
            raw.close()
        time.sleep(0.05)


def schema_version(engine: Engine) -> list[str]:
    """The applied migration steps, oldest first."""
    with engine.connect() as conn:
        return _applied(conn) or []

