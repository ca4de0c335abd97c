"""Fixed SQL strings on the SQLite driver connection, for the writes of an ingest.

Storing one article runs a few hundred small statements (speaker and outlet lookups, word-pair
postings for grouping, inserts). Built and compiled by SQLAlchemy each time they cost more than
SQLite's work on them, so the hot path runs prepared SQL text on the DB-API cursor of the same
connection, inside the same transaction. ``models`` stays the definition of the schema: these
helpers take table names and column values, and write values the way SQLAlchemy would.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from datetime import datetime
from typing import Iterator

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError


def cursor(conn: Connection) -> sqlite3.Cursor:
    """A cursor on the driver connection behind ``conn`` (its open transaction included)."""
    return conn.connection.driver_connection.cursor()


@contextmanager
def driver_errors() -> Iterator[None]:
    """Errors of the driver cursor raised as SQLAlchemy's, so that ``database.db_errors`` and
    callers that handle ``DBAPIError`` treat them like any other database error."""
    try:
        yield
    except sqlite3.Error as exc:
        raise DBAPIError.instance(None, None, exc, sqlite3.Error) from exc


def stamp(value: datetime) -> str:
    """A datetime as SQLAlchemy's SQLite ``DATETIME`` stores it."""
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


_INSERTS: dict[tuple[str, tuple[str, ...]], str] = {}


def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    """``INSERT INTO table (columns) VALUES (:columns)``, built once per table and column set."""
    sql = _INSERTS.get((table, columns))
    if sql is None:
        names = ", ".join(f'"{c}"' for c in columns)
        sql = _INSERTS[(table, columns)] = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join(":" + c for c in columns)})'
    return sql


def insert(cur: sqlite3.Cursor, table: str, values: dict) -> int:
    """Insert one row; -> its rowid."""
    cur.execute(insert_sql(table, tuple(values)), values)
    return cur.lastrowid


def insert_many(cur: sqlite3.Cursor, table: str, rows: list[dict]) -> None:
    """Insert rows that all have the same columns."""
    if rows:
        cur.executemany(insert_sql(table, tuple(rows[0])), rows)
