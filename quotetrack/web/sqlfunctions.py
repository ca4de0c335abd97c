"""SQL functions the web pages and canned queries call, so that they match names and quotes
the way the rest of quotetrack does (case, accents, titles, aliases, fragments).

They are plain Python functions registered on every read connection of the served database;
each takes and returns SQLite values and never raises on odd input (NULL, empty strings).
"""
from __future__ import annotations

import re
import sqlite3

from ..names import fold, name_key, person_name
from ..outlets import outlet_key

_WORD = re.compile(r"\w+")
# Candidates taken from the full-text index before the word-overlap test; enough for any
# quote carried by many articles, small enough to stay fast on a large database.
CANDIDATES = 500
MIN_OVERLAP = 0.6


def speaker_fits(query: str | None, key: str | None, surname_key: str | None, given_key: str | None) -> int:
    """1 when the name a user typed can mean this speaker: the same name, or the surname with
    no given name that contradicts it ("Putin", "President Putin", "V. Putin")."""
    if not query or not key:
        return 0
    if name_key(query) == key:
        return 1
    person = person_name(query)
    if person is None or not surname_key or person.surname != surname_key:
        return 0
    return 1 if person.compatible(given_key) else 0


def words(text: str | None) -> list[str]:
    """Folded words of a text, as the full-text index sees them."""
    return _WORD.findall(fold(text or ""))


def fts_any(text: str | None) -> str:
    """An FTS5 query matching any word of ``text``; every word is quoted, so no operator or
    syntax error can come from user input. Empty when the text has no words."""
    return " OR ".join(f'"{w}"' for w in dict.fromkeys(words(text)))


def overlap(query: str | None, quote: str | None) -> float:
    """How well ``quote`` answers ``query``: the larger of the share of the query's words
    found in the quote (a fragment or a slightly changed wording was asked) and the share of
    the quote's words found in the query (the quote is a fragment of what was asked)."""
    asked, said = set(words(query)), set(words(quote))
    if not asked or not said:
        return 0.0
    common = len(asked & said)
    return max(common / len(asked), common / len(said))


def register(conn: sqlite3.Connection) -> None:
    """Make the functions above callable from SQL as ``qt_*``."""
    conn.create_function("qt_name_key", 1, lambda s: name_key(s or ""), deterministic=True)
    conn.create_function("qt_outlet_key", 1, lambda s: outlet_key(s or ""), deterministic=True)
    conn.create_function("qt_speaker_fits", 4, speaker_fits, deterministic=True)
    conn.create_function("qt_fts_any", 1, fts_any, deterministic=True)
    conn.create_function("qt_overlap", 2, overlap, deterministic=True)
