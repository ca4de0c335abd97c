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

import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import Connection, Engine, create_engine, event, func, inspect, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlmodel import SQLModel

from . import models
from .errors import QuotetrackError
from .grouping import refresh_groups

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
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
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
        cur.close()

    @event.listens_for(engine, "begin")
    def begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")


def _describe(exc: DBAPIError, db: str) -> str:
    """One line that says what is wrong with the database, never SQLite's raw wording alone."""
    msg = str(exc.orig) if exc.orig is not None else str(exc)
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
    except DBAPIError as exc:
        raise QuotetrackError(_describe(exc, db)) from None


def _locked(exc: DBAPIError) -> bool:
    return "locked" in str(exc.orig).lower() or "busy" in str(exc.orig).lower()


@contextmanager
def write_transaction(engine: Engine, attempts: int = 5) -> Iterator[Connection]:
    """One write transaction: committed whole when the block ends, rolled back on any error.

    On SQLite it begins with ``BEGIN IMMEDIATE``; if the busy timeout runs out there (another
    writer held the lock throughout), it retries a few times before giving up.
    """
    db = label(engine)
    with db_errors(db), engine.connect() as conn:
        conn.execution_options(**{_WRITE: True})
        for attempt in range(attempts):
            try:
                trans = conn.begin()
                break
            except DBAPIError as exc:
                if not _locked(exc) or attempt == attempts - 1:
                    raise
                conn.rollback()
                time.sleep(0.2 * (attempt + 1))
        with trans:
            yield conn


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


def create_schema(conn: Connection) -> None:
    """The newest schema: every table of ``models``, and on SQLite the full-text index."""
    SQLModel.metadata.create_all(conn, tables=[m.__table__ for m in models.TABLES])
    if conn.dialect.name == "sqlite":
        for sql in FTS_SQL:
            conn.exec_driver_sql(sql)


def m001_initial(conn: Connection) -> None:
    """Version 1: articles, outlets, speakers, quotes, groups, wordings, shingles, FTS5."""
    create_schema(conn)


def m002_claims_apart(conn: Connection) -> None:
    """Version 2: claims (kind "indirect") counted apart from quotes and taken out of quote groups.

    ``article.claim_count`` is added and both counts are recounted; a claim's group and wording
    are cleared, and the groups it was in are recounted, losing the wordings only claims had.
    """
    Article, Quote = models.Article, models.Quote
    conn.exec_driver_sql("ALTER TABLE article ADD COLUMN claim_count INTEGER NOT NULL DEFAULT 0")
    claim = Quote.kind == "indirect"
    groups = set(conn.scalars(select(Quote.group_id).where(claim, Quote.group_id.is_not(None)).distinct()))
    conn.execute(update(Quote).where(claim).values(group_id=None, wording_id=None))
    refresh_groups(conn, groups)
    for column, which in (("quote_count", ~claim), ("claim_count", claim)):
        n = select(func.count()).select_from(Quote).where(Quote.article_id == Article.id, which).scalar_subquery()
        conn.execute(update(Article).values({column: n}))


MIGRATIONS: tuple[Callable[[Connection], None], ...] = (m001_initial, m002_claims_apart)


def _applied(conn: Connection) -> list[str] | None:
    """Applied step names, or None when the database has no quotetrack schema yet."""
    if not inspect(conn).has_table("schema_migration"):
        return None
    return list(conn.scalars(select(models.SchemaMigration.name)))


def _pending(conn: Connection, db: str) -> list[str] | None:
    """Steps still to run, or None for an empty database; refuses foreign or newer schemas."""
    applied = _applied(conn)
    known = [m.__name__ for m in MIGRATIONS]
    if applied is None:
        others = [t for t in inspect(conn).get_table_names() if not t.startswith("sqlite_")]
        if others:
            raise QuotetrackError(f"{db}: a database of something else (tables: {', '.join(sorted(others)[:5])}), "
                                  "not a quotetrack database; choose another --db")
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
            raw = engine.raw_connection()  # outside any transaction, as SQLite requires
            try:
                mode = raw.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            finally:
                raw.close()
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


def schema_version(engine: Engine) -> list[str]:
    """The applied migration steps, oldest first."""
    with engine.connect() as conn:
        return _applied(conn) or []

