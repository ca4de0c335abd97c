"""Outlets in the database: one row per news organisation, whatever name an article uses.

Names are resolved through the bundled gazetteer (``lexicon.gazetteer``) first, so "TASS",
"ITAR-TASS" and "Itar-Tass" are one outlet with the gazetteer's kind; any other name becomes
an outlet of its own, its kind guessed from its words.
"""
from __future__ import annotations

import re

from sqlalchemy import Connection

from . import rawdb
from .lexicon import gazetteer
from .names import name_key

_KIND_WORDS = (
    ("agency", re.compile(r"\b(news agency|agency|press service|wire)\b", re.I)),
    ("broadcaster", re.compile(r"\b(tv|television|radio|broadcast\w*|channel)\b", re.I)),
    ("newspaper", re.compile(r"\b(times|post|journal|herald|gazette|tribune|daily|telegraph|guardian)\b", re.I)),
    ("website", re.compile(r"\.(com|net|org|info|ru|az|co\.uk)\b|\bnet$", re.I)),
)


def outlet_key(name: str) -> str:
    """The comparison form of an outlet name: folded words without a leading "the"."""
    key = name_key(name)
    return key[4:] if key.startswith("the ") else key


def guess_kind(name: str) -> str | None:
    for kind, pattern in _KIND_WORDS:
        if pattern.search(name):
            return kind
    return None


def resolve_outlet(conn: Connection, name: str | None, cache: dict | None = None) -> int | None:
    """The id of the outlet ``name`` means, creating it (with its known aliases) if new."""
    if not name or not name.strip():
        return None
    key = outlet_key(name)
    if not key:
        return None
    if cache is not None and key in cache:
        return cache[key]
    cur = rawdb.cursor(conn)
    found = _one(cur, "SELECT outlet_id FROM outlet_alias WHERE key = ?", key)
    if found is None:
        known = gazetteer().lookup(name.strip())
        canonical = known.name if known else name.strip()
        ckey = outlet_key(canonical)
        found = _one(cur, "SELECT id FROM outlet WHERE key = ?", ckey)
        if found is None:
            kind = known.kind if known else guess_kind(canonical)
            found = rawdb.insert(cur, "outlet", {"name": canonical, "key": ckey, "kind": kind})
            aliases = {ckey: canonical}
            if known:
                aliases.update({outlet_key(a): a for a, o in gazetteer().by_alias.items() if o is known})
            for akey, alias in aliases.items():
                if akey and not _one(cur, "SELECT key FROM outlet_alias WHERE key = ?", akey):
                    rawdb.insert(cur, "outlet_alias", {"key": akey, "alias": alias, "outlet_id": found,
                                                       "source": "known" if known else "seen"})
        if not _one(cur, "SELECT key FROM outlet_alias WHERE key = ?", key):
            rawdb.insert(cur, "outlet_alias", {"key": key, "alias": name.strip(), "outlet_id": found, "source": "seen"})
    if cache is not None:
        cache[key] = found
    return found


def _one(cur, sql: str, value):
    row = cur.execute(sql, (value,)).fetchone()
    return row[0] if row else None
