"""Asking the quote database: search with filters, speaker and outlet profiles, checking a quote.

    with open_quotes("quotes.db") as qdb:
        for row in qdb.search(Filters(speaker="putin", relayed_by="TASS")):
            print(row["quote"], row["outlet"])

Reads go through the ``sqlite3`` module with parameterised SQL rather than SQLAlchemy:
importing SQLAlchemy alone takes longer than answering a query on a million quotes, and a
query command should show its first row well within half a second. User text never becomes
SQL: full-text queries are bound to ``MATCH`` and names are turned into keys
(``names.name_key``) that are compared by equality or key ranges, never with ``LIKE``.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Iterator

from .errors import QuotetrackError, check_db_file
from .names import name_key, person_name

SCHEMA_VERSION = 3  # the number of schema steps (database.MIGRATIONS) this SQL was written for
FTS_SORT = 2_000  # up to this many full-text matches, a search sorts them all by date
FTS_CAP = 100_000  # from about this many on, a search asks the index about each quote it walks
PROBE_MS = 0.05  # what asking the index whether one quote matches costs, about (a phrase of common words)
CANDIDATES = 20  # names listed for an ambiguous or unknown name
KINDS = ("direct", "mixed", "indirect")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class QueryError(QuotetrackError):
    """A question the database cannot answer as asked: bad full-text syntax, a bad date."""

    exit_code = 2


class NotFound(QuotetrackError):
    """No speaker or outlet goes by that name; the message suggests near names."""

    exit_code = 1


class AmbiguousName(QuotetrackError):
    """A name that fits several speakers or outlets; ``candidates`` lists them."""

    exit_code = 2

    def __init__(self, what: str, name: str, candidates: list[str]):
        self.candidates = candidates
        super().__init__(f"{what} {name!r} is ambiguous; say which: " + "; ".join(candidates))


@dataclass
class Filters:
    """What ``search`` and ``export`` select; every field is optional and they combine with AND."""

    text: str | None = None  # FTS5 query: words, "phrases", prefix*, AND/OR/NOT, NEAR()
    speaker: str | None = None
    outlet: str | None = None  # the publishing outlet of the article
    relayed_by: str | None = None  # the outlet an article credits for the quote
    since: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, inclusive
    until: str | None = None
    kinds: tuple[str, ...] = ()

    def __post_init__(self):
        """What a caller naturally writes: ``kinds="direct"``, ``since=2007``."""
        if isinstance(self.kinds, str):
            self.kinds = (self.kinds,)
        for field in ("since", "until"):
            if isinstance(getattr(self, field), int):
                setattr(self, field, str(getattr(self, field)))


@dataclass(frozen=True)
class Named:
    """A speaker or outlet a name was resolved to."""

    id: int
    name: str


@dataclass
class SpeakerProfile:
    id: int
    name: str
    kind: str
    aliases: list[str]
    roles: list[dict]  # {"role", "count"}, most frequent first
    quotes: int  # direct and mixed
    claims: int  # indirect
    articles: int  # articles with a quote or claim of theirs; first and last date likewise
    first: str | None
    last: str | None
    by_year: list[dict]  # {"year", "quotes", "claims"}
    outlets: list[dict]  # {"outlet", "quotes", "claims"}: articles' outlets
    relayed_by: list[dict]  # {"outlet", "quotes", "claims"}: outlets credited by them
    recent: list[dict] = field(default_factory=list)  # quote and claim rows, newest first


@dataclass
class OutletProfile:
    id: int
    name: str
    kind: str | None
    aliases: list[str]
    articles: int
    own: int  # quotes it published first-hand
    relayed: int  # quotes it published crediting another outlet
    credited: int  # quotes other outlets' articles credited to it
    recent: list[dict] = field(default_factory=list)  # quote rows with "as", newest first


def outlet_key(name: str) -> str:
    """The key outlet names are stored under: folded words without a leading "the"."""
    key = name_key(name)
    return key[4:] if key.startswith("the ") else key


def sqlite_path(db: str) -> str:
    """The file behind ``--db`` (a path or a ``sqlite:///`` URL); other databases are refused."""
    if "://" not in db:
        return db
    scheme, _, rest = db.partition("://")
    if scheme.split("+")[0] != "sqlite":
        raise QueryError(f"{db}: the query commands need a SQLite database (they use its FTS5 index)")
    return rest[1:] if rest.startswith("/") else (rest or ":memory:")


def check_date(value: str | None, what: str) -> str | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD that names a real day or month: "2020-13-45" would
    otherwise select nothing without a word."""
    if value is None:
        return None
    if not _DATE.fullmatch(value):
        raise QueryError(f"{what} {value!r}: give a date as YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        raise QueryError(f"{what} {value!r}: no such date") from None
    return value


def _fts_error(exc: sqlite3.Error) -> bool:
    msg = str(exc).lower()
    return "fts5" in msg or "no such column" in msg or "unterminated string" in msg or "malformed match" in msg \
        or "unknown special query" in msg  # a bare "*"


def open_quotes(db: str) -> "QuoteDB":
    """Open an existing quote database for reading; an older schema is upgraded first."""
    db = os.fspath(db)
    path = sqlite_path(db)
    check_db_file(path)
    if path != ":memory:" and not os.path.isfile(path):
        raise QueryError(f"{db}: no database here; create one with: quotetrack ingest PATH... --db {db}")
    try:
        conn = sqlite3.connect(path, timeout=60, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        has_schema = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_migration'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise QueryError(f"{db}: not a readable SQLite database ({exc})") from None
    if not has_schema:
        conn.close()
        raise QueryError(f"{db}: not a quotetrack database; create one with: quotetrack ingest PATH... --db {db}")
    if version != SCHEMA_VERSION:
        conn.close()
        _upgrade(db)  # refuses a newer schema with its own message
        conn = sqlite3.connect(path, timeout=60, check_same_thread=False)
        conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA query_only = 1")
    return QuoteDB(conn, db)


def _upgrade(db: str) -> None:
    from .database import create_db_engine, migrate

    engine = create_db_engine(db)
    try:
        migrate(engine)
    finally:
        engine.dispose()


QUOTE_COLUMNS = """q.id AS id, q.text AS quote, COALESCE(s.name, q.speaker_name) AS speaker,
    q.speaker_role AS role, q.kind AS kind, o.name AS outlet, r.name AS relayed_by, q.date AS date,
    a.title AS article, a.author AS author, a.url AS url, a.path AS path, q.article_id AS article_id,
    q.start AS start, q."end" AS "end", q.group_id AS group_id"""
QUOTE_JOINS = """JOIN article a ON a.id = q.article_id
    LEFT JOIN speaker s ON s.id = q.speaker_id
    LEFT JOIN outlet o ON o.id = q.outlet_id
    LEFT JOIN outlet r ON r.id = q.relay_outlet_id"""
NEWEST_FIRST = "q.date DESC, q.id DESC"


class QuoteDB:
    """A read-only view of a quote database; every method answers one kind of question."""

    def __init__(self, conn: sqlite3.Connection, name: str):
        self.conn = conn
        self.name = name

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "QuoteDB":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _errors(self, fts: str | None = None) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            if fts is not None and _fts_error(exc):
                why = "it has no word to look for" if "unknown special query" in str(exc) else str(exc)
                raise QueryError(f"cannot parse the full-text query {fts!r} ({why}); use words, "
                                 '"a phrase", prefix*, AND, OR, NOT') from None
            raise QueryError(f"{self.name}: database error: {exc}") from None

    def rows(self, sql: str, params=(), fts: str | None = None) -> Iterator[dict]:
        """Rows of a parameterised query as dicts, read lazily; errors become QueryErrors."""
        with self._errors(fts):
            cur = self.conn.execute(sql, params)
            while batch := cur.fetchmany(500):
                yield from map(dict, batch)

    def one(self, sql: str, params=()):
        with self._errors():
            return self.conn.execute(sql, params).fetchone()

    # ---- names ------------------------------------------------------------------------------

    def resolve_speaker(self, name: str) -> Named:
        """The one speaker ``name`` means: an alias, the full name, a surname, a name's beginning.

        Case, accents and titles do not matter ("putin", "President Putin", "Əliyev"). A name
        that fits several people raises AmbiguousName with them; one that fits nobody raises
        NotFound with the nearest names.
        """
        key = name_key(name)
        if not key:
            raise QueryError(f"speaker {name!r}: a name needs letters or digits")
        pn = person_name(name)
        for k in dict.fromkeys(filter(None, (key, pn.key if pn else None))):
            row = self.one("SELECT s.id, s.name FROM speaker_alias al JOIN speaker s ON s.id = al.speaker_id "
                           "WHERE al.key = ?", (k,))
            if row:
                return Named(row["id"], row["name"])
        steps = [("SELECT id, name FROM speaker WHERE key = ? AND kind != 'unnamed'", (key,))]
        if pn is not None:
            steps.append(("SELECT id, name, given_key FROM speaker WHERE surname_key = ?", (pn.surname,)))
        steps += [("SELECT id, name FROM speaker WHERE key >= ? AND key < ? AND kind != 'unnamed'",
                   (key, key + "\uffff")),
                  ("SELECT id, name FROM speaker WHERE surname_key >= ? AND surname_key < ?", (key, key + "\uffff"))]
        for sql, params in steps:
            found = [r for r in self.rows(sql + f" ORDER BY id LIMIT {CANDIDATES + 1}", params)
                     if "given_key" not in r or pn.compatible(r["given_key"])]
            if len(found) == 1:
                return Named(found[0]["id"], found[0]["name"])
            if found:
                raise AmbiguousName("speaker", name, self._speaker_labels(found))
        near = self._near("SELECT name, key AS k FROM speaker WHERE kind != 'unnamed' AND key >= ? AND key < ?",
                          "SELECT name, surname_key AS k FROM speaker WHERE surname_key >= ? AND surname_key < ?",
                          key, pn.surname if pn else key)
        raise NotFound(f"no speaker matches {name!r}" + (f"; did you mean: {', '.join(near)}" if near else ""))

    def _speaker_labels(self, rows: list[dict]) -> list[str]:
        out = []
        for r in rows[:CANDIDATES]:
            quotes, claims = self.one("SELECT quote_count, claim_count FROM speaker WHERE id = ?", (r["id"],))
            counts = [f"{quotes} quote{'' if quotes == 1 else 's'}"] + \
                ([f"{claims} claim{'' if claims == 1 else 's'}"] if claims else [])
            out.append(f"{r['name']} ({', '.join(counts)})")
        return out

    def resolve_outlet(self, name: str) -> Named:
        """The one outlet ``name`` means: any of its aliases ("TASS", "Itar-Tass"), or a name's beginning."""
        key = outlet_key(name)
        if not key:
            raise QueryError(f"outlet {name!r}: a name needs letters or digits")
        row = self.one("SELECT o.id, o.name FROM outlet_alias al JOIN outlet o ON o.id = al.outlet_id "
                       "WHERE al.key = ?", (key,))
        if row:
            return Named(row["id"], row["name"])
        found = list(self.rows(f"""SELECT DISTINCT o.id, o.name FROM outlet_alias al JOIN outlet o ON o.id = al.outlet_id
                                   WHERE al.key >= ? AND al.key < ? ORDER BY o.id LIMIT {CANDIDATES + 1}""",
                               (key, key + "\uffff")))
        if len(found) == 1:
            return Named(found[0]["id"], found[0]["name"])
        if found:
            raise AmbiguousName("outlet", name, [r["name"] for r in found[:CANDIDATES]])
        near = self._near("SELECT alias AS name, key AS k FROM outlet_alias WHERE key >= ? AND key < ?", None, key, key)
        raise NotFound(f"no outlet matches {name!r}" + (f"; did you mean: {', '.join(near)}" if near else ""))

    def _near(self, sql: str, surname_sql: str | None, key: str, surname: str) -> list[str]:
        """Names close to a misspelt one, among those sharing its first letter (an index range)."""
        from rapidfuzz import fuzz, process

        pool: dict[str, str] = {}
        for q, k in ((sql, key), (surname_sql, surname)):
            if q and k:
                for r in self.rows(q + " LIMIT 5000", (k[0], k[0] + "\uffff")):
                    pool.setdefault(r["k"], r["name"])
        best = process.extract(key, list(pool), scorer=fuzz.WRatio, limit=5, score_cutoff=75)
        best += process.extract(surname, list(pool), scorer=fuzz.WRatio, limit=5, score_cutoff=75)
        return list(dict.fromkeys(pool[k] for k, _, _ in sorted(best, key=lambda b: -b[1])))[:5]

    # ---- search -----------------------------------------------------------------------------

    def where(self, f: Filters) -> tuple[list[str], list]:
        """SQL conditions on ``quote q`` and their parameters, names resolved to ids."""
        conds, params = [], []
        if f.speaker:
            conds.append("q.speaker_id = ?")
            params.append(self.resolve_speaker(f.speaker).id)
        if f.outlet:
            conds.append("q.outlet_id = ?")
            params.append(self.resolve_outlet(f.outlet).id)
        if f.relayed_by:
            conds.append("q.relay_outlet_id = ?")
            params.append(self.resolve_outlet(f.relayed_by).id)
        if check_date(f.since, "--since"):
            conds.append("q.date >= ?")
            params.append(f.since)
        if check_date(f.until, "--until"):
            conds.append("q.date <= ?")
            params.append(f.until + "\uffff")  # "2007-03" takes in every day of March
        bad = [k for k in f.kinds if k not in KINDS]
        if bad:
            raise QueryError(f"kind {bad[0]!r}: choose from {', '.join(KINDS)}")
        if f.kinds:
            conds.append(f"q.kind IN ({', '.join('?' * len(f.kinds))})")
            params.extend(f.kinds)
        return conds, params

    def _text_condition(self, text: str, limit: int) -> str:
        """How to join the full-text index for one page of newest-first results.

        Few matches are collected and sorted by date. Otherwise the quotes are walked newest
        first (along the date index, or a filter's) and each is tested against the matches:
        collected into a set ("+" keeps SQLite from looking quotes up by those ids), or by
        asking the index about each quote walked (never for a prefix query, too dear per
        quote): when nearly every quote matches (``FTS_CAP``), or when collecting the matches
        would cost more than the ``limit * quotes / matches`` questions (a phrase of common
        words, whose words' whole lists would be read to collect it).

        Matches are counted only up to ``FTS_SORT``; past that, their number is estimated from
        how far into the ids the first ``FTS_SORT`` reached, and the time that took, scaled
        the same way, is what collecting them all would take.
        """
        started = time.perf_counter()
        n, share = self.fts_estimate(text, FTS_SORT)
        if n < FTS_SORT:
            return "q.id IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?)"
        collect_ms = (time.perf_counter() - started) * 1000 / share
        probe_ms = PROBE_MS * limit * self._top_id() / n if n else float("inf")
        if "*" in text or (n < FTS_CAP and collect_ms <= probe_ms):
            return "+q.id IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?)"
        return "EXISTS (SELECT 1 FROM quote_fts WHERE quote_fts MATCH ? AND rowid = q.id)"

    def fts_estimate(self, text: str, counted: int) -> tuple[int, float]:
        """Matches of a full-text query, and the share of quote ids read to count them: exact
        below ``counted`` (share 1), else estimated from the id the ``counted``-th match has
        (the index lists matches by id)."""
        with self._errors(fts=text):
            n, last = self.conn.execute("SELECT COUNT(*), MAX(rowid) FROM (SELECT rowid FROM quote_fts "
                                        "WHERE quote_fts MATCH ? LIMIT ?)", (text, counted)).fetchone()
        if n < counted or not last:
            return n, 1.0
        top = max(self._top_id(), last)
        return n * top // last, last / top

    def _top_id(self) -> int:
        return self.one("SELECT MAX(id) FROM quote")[0] or 0

    def _conditions(self, f: Filters, page: int | None) -> tuple[str, list, str | None]:
        """SQL conditions of the filters; ``page``: the size of a newest-first page, or None."""
        conds, params = self.where(f)
        text = f.text.strip() if f.text else None
        if f.text is not None and not text:
            raise QueryError("the full-text query is empty")
        if text:
            conds.insert(0, self._text_condition(text, page) if page else
                         "q.id IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?)")
            params.insert(0, text)
        return ("WHERE " + " AND ".join(conds) if conds else ""), params, text

    def search(self, f: Filters, limit: int | None = 50) -> Iterator[dict]:
        """The newest ``limit`` quote rows matching every filter (all of them for None).

        The page is chosen on the quote table alone; articles, speakers and outlets are
        joined for those rows only.
        """
        where, params, text = self._conditions(f, page=limit)
        sql = (f"SELECT {QUOTE_COLUMNS} FROM (SELECT q.id FROM quote q {where} ORDER BY {NEWEST_FIRST} LIMIT ?) "
               f"page JOIN quote q ON q.id = page.id {QUOTE_JOINS} ORDER BY {NEWEST_FIRST}")
        return self.rows(sql, params + [-1 if limit is None else limit], fts=text)

    def select(self, f: Filters, columns: str, order: str, joins: str = QUOTE_JOINS) -> Iterator[dict]:
        """Every quote matching the filters, with the columns and order a caller of this package gives."""
        where, params, text = self._conditions(f, page=None)
        return self.rows(f"SELECT {columns} FROM quote q {joins} {where} ORDER BY {order}", params, fts=text)

    # ---- speakers ---------------------------------------------------------------------------

    def speakers(self, top: int | None = None) -> list[dict]:
        """Named speakers by number of quotes (direct and mixed), then of claims (indirect), with
        their commonest role and the first and last date of either.

        Read from the speakers' counters along ``ix_speaker_rank``: ``top`` rows, not every quote.
        """
        sql = """SELECT id, name AS speaker, kind, quote_count AS quotes, claim_count AS claims,
                        first_date AS first, last_date AS last FROM speaker
                 WHERE kind != 'unnamed' AND quote_count + claim_count > 0"""
        if top:  # a walk along the index, stopped after ``top`` rows
            out = list(self.rows(sql + " ORDER BY quote_count DESC, claim_count DESC, name, id LIMIT ?", (top,)))
            roles = self.rows("""SELECT speaker_id, role FROM speaker_role
                                 WHERE speaker_id IN (SELECT value FROM json_each(?))
                                 ORDER BY speaker_id, count DESC, role""", (json.dumps([r["id"] for r in out]),))
        else:  # everyone: reading the table in order and sorting costs less than following the index
            out = list(self.rows(sql + " ORDER BY +quote_count DESC, claim_count DESC, name, id"))
            roles = self.rows("SELECT speaker_id, role FROM speaker_role ORDER BY speaker_id, count DESC, role")
        commonest: dict[int, str] = {}
        for r in roles:
            commonest.setdefault(r["speaker_id"], r["role"])
        return [{"id": r["id"], "speaker": r["speaker"], "kind": r["kind"], "quotes": r["quotes"],
                 "claims": r["claims"], "first": r["first"], "last": r["last"], "role": commonest.get(r["id"])}
                for r in out]

    def speaker(self, name: str, limit: int | None = 20) -> SpeakerProfile:
        """Everything known about one speaker, and their latest quotes.

        The counts are the speaker's counters and their rows in ``speaker_year`` and
        ``speaker_outlet``, kept by the schema's triggers: no quote is read but the latest.
        """
        who = self.resolve_speaker(name)
        sid = who.id
        sp = self.one("SELECT kind, quote_count, claim_count, article_count, first_date, last_date FROM speaker "
                      "WHERE id = ?", (sid,))
        tally: dict[int, list[dict]] = {0: [], 1: []}
        for r in self.rows("""SELECT so.relay AS relay, o.name AS outlet, so.quotes AS quotes, so.claims AS claims
                              FROM speaker_outlet so JOIN outlet o ON o.id = so.outlet_id WHERE so.speaker_id = ?
                              ORDER BY so.quotes DESC, so.claims DESC, o.name""", (sid,)):
            tally[r.pop("relay")].append(r)
        return SpeakerProfile(
            id=sid, name=who.name, kind=sp["kind"],
            aliases=[r["alias"] for r in self.rows("SELECT alias FROM speaker_alias WHERE speaker_id = ? "
                                                   "ORDER BY alias", (sid,))],
            roles=list(self.rows("SELECT role, count FROM speaker_role WHERE speaker_id = ? "
                                 "ORDER BY count DESC, role", (sid,))),
            quotes=sp["quote_count"], claims=sp["claim_count"], articles=sp["article_count"],
            first=sp["first_date"], last=sp["last_date"],
            by_year=list(self.rows("SELECT year, quotes, claims FROM speaker_year WHERE speaker_id = ? ORDER BY year",
                                   (sid,))),
            outlets=tally[0], relayed_by=tally[1],
            recent=list(self.quotes("q.speaker_id = ?", (sid,), limit)))

    def quotes(self, cond: str, params: tuple, limit: int | None, order: str = NEWEST_FIRST) -> Iterator[dict]:
        """Quote rows under a condition written by this package (never by a user)."""
        sql = f"SELECT {QUOTE_COLUMNS} FROM quote q {QUOTE_JOINS} WHERE {cond} ORDER BY {order}"
        return self.rows(sql + (" LIMIT ?" if limit is not None else ""),
                         params + ((limit,) if limit is not None else ()))

    # ---- outlets ----------------------------------------------------------------------------

    def outlets(self) -> list[dict]:
        """Every outlet with its articles and the quotes it published (own, relayed) or was credited with.

        Read from the outlets' counters, kept by the schema's triggers.
        """
        out = list(self.rows("""SELECT id, name AS outlet, kind, article_count AS articles,
                                       quote_count - relayed_count AS own, relayed_count AS relayed,
                                       credited_count AS credited FROM outlet ORDER BY name, id"""))
        out.sort(key=lambda r: (-(r["own"] + r["relayed"] + r["credited"]), r["outlet"], r["id"]))
        return out

    def outlet(self, name: str, limit: int | None = 20) -> OutletProfile:
        """One outlet: what it published first-hand, what it relayed, and what others credited to it."""
        who = self.resolve_outlet(name)
        oid = who.id
        kind, articles, total, relayed, credited = self.one(
            "SELECT kind, article_count, quote_count, relayed_count, credited_count FROM outlet WHERE id = ?", (oid,))
        role = (", CASE WHEN q.outlet_id != ? THEN 'credited' WHEN q.relay_outlet_id != q.outlet_id "
                "THEN 'relayed' ELSE 'own' END AS \"as\"")
        sql = (f"SELECT {QUOTE_COLUMNS}{role} FROM quote q {QUOTE_JOINS} WHERE q.{{col}} = ? ORDER BY {NEWEST_FIRST}"
               + (" LIMIT ?" if limit is not None else ""))
        tail = (limit,) if limit is not None else ()
        merged = list(self.rows(sql.format(col="outlet_id"), (oid, oid) + tail))
        merged += [r for r in self.rows(sql.format(col="relay_outlet_id"), (oid, oid) + tail) if r["as"] == "credited"]
        merged.sort(key=lambda r: (r["date"] is not None, r["date"] or "", r["id"]), reverse=True)
        return OutletProfile(
            id=oid, name=who.name, kind=kind,
            aliases=[r["alias"] for r in self.rows("SELECT alias FROM outlet_alias WHERE outlet_id = ? ORDER BY alias",
                                                   (oid,))],
            articles=articles,
            own=total - relayed, relayed=relayed, credited=credited,
            recent=merged[:limit] if limit is not None else merged)
