"""Grouping the same quote across articles, in all its wordings, without comparing all pairs.

A quote's text is normalised to its words (case, accents, quote marks, dashes, punctuation
and whitespace do not count). Exact matches are found by a hash of those words; fragments
and near-identical wordings through an index of word pairs (``group_shingle``): the groups
that share the most pairs with the new quote are the only ones compared, word by word, with
rapidfuzz. Each lookup reads at most ``POSTINGS`` rows per word pair, so the cost of placing
a quote does not grow with the size of the database.

Within a group each wording is related to the first report's: "original", "partial" (a
fragment of an original or extended wording), "extended" (contains the original), or
"variant" (a word changed, dropped or added: someone changed the wording).
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein
from sqlalchemy import Connection, delete, func, select, update

from . import rawdb
from .models import GroupShingle, Quote, QuoteGroup, Wording
from .names import fold

FREE_WORDS = 4  # shorter quotes ("fruitful exchange") join only quotes of the same speaker
VARIANT_SHARE = 0.2  # a variant may differ in one word in five (at least one word)
POSTINGS = 64  # rows read per word pair
CANDIDATES = 8  # groups compared word by word
WORDINGS_PER_GROUP = 64

STOPWORDS = frozenset("""a an the and or but if of to in on at by for with from as is are was were be been
being it its this that these those i we you he she they them his her our their my your not no
do does did will would can could should has have had there here so than then""".split())

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def words(text: str) -> list[str]:
    """The comparable words of a quote: casefolded, accents and punctuation dropped."""
    return [w.replace("’", "'") for w in _WORD.findall(fold(text))]


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big", signed=True)


def norm_hash(ws: list[str]) -> int:
    return _hash64(" ".join(ws))


def shingles(ws: list[str]) -> set[int]:
    """Hashes of the word pairs (a lone word for one-word quotes), pairs of stopwords left out."""
    if len(ws) == 1:
        return {_hash64(ws[0])}
    pairs = [(a, b) for a, b in zip(ws, ws[1:])]
    kept = [p for p in pairs if not (p[0] in STOPWORDS and p[1] in STOPWORDS)] or pairs
    return {_hash64(a + " " + b) for a, b in kept}


def _contains(outer: list[str], inner: list[str]) -> bool:
    return f" {' '.join(inner)} " in f" {' '.join(outer)} "


def _allowed(n: int) -> int:
    return max(1, round(VARIANT_SHARE * n))


def _window_distance(short: list[str], long: list[str], allowed: int) -> int:
    """Fewest word edits that turn ``short`` into some stretch of ``long`` (``allowed + 1`` if more)."""
    # Each word of ``short`` that ``long`` lacks (counting repeats) costs an edit against any
    # stretch of it: when that alone is too many, no stretch needs comparing.
    have = Counter(long)
    missing = 0
    for w in short:
        if have[w] > 0:
            have[w] -= 1
        else:
            missing += 1
    if missing > allowed:
        return allowed + 1
    best = allowed + 1
    n = len(short)
    for size in range(max(1, n - allowed), n + allowed + 1):
        for i in range(0, len(long) - size + 1):
            d = Levenshtein.distance(short, long[i:i + size], score_cutoff=best - 1)
            if d < best:
                best = d
                if d == 0:
                    return 0
    return best


def relation(new: list[str], old: list[str]) -> tuple[str, int] | None:
    """How wording ``new`` relates to ``old``: (same|partial|extended|variant, word edits) or None."""
    if new == old:
        return "same", 0
    if _contains(old, new):
        return "partial", 0
    if _contains(new, old):
        return "extended", 0
    n = min(len(new), len(old))
    if n < FREE_WORDS:
        return None
    allowed = _allowed(n)
    d = Levenshtein.distance(new, old, score_cutoff=allowed)
    if d <= allowed:
        return "variant", d
    short, long = (new, old) if len(new) < len(old) else (old, new)
    d = _window_distance(short, long, allowed)
    return ("variant", d) if d <= allowed else None


_RANK = {"same": 0, "partial": 1, "extended": 1, "variant": 2}


@dataclass
class Placement:
    """Where one quote goes: its group and wording, and whether either is new."""

    group_id: int
    wording_id: int
    new_group: bool = False
    new_wording: bool = False


class Grouper:
    """Places the quotes of one article, inside the article's write transaction."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.cur = rawdb.cursor(conn)
        self.pending: dict[int, set[int]] = {}  # group -> speakers of this article's quotes
        self._person: dict[int, bool] = {}  # speaker -> a named person? (asked once per article)

    def _speaker_in_group(self, group_id: int, speaker_id: int | None) -> bool:
        if speaker_id is None:
            return False
        if speaker_id in self.pending.get(group_id, ()):
            return True
        return self.cur.execute("SELECT id FROM quote WHERE group_id = ? AND speaker_id = ? LIMIT 1",
                                (group_id, speaker_id)).fetchone() is not None

    def _someone_else_said_it(self, group_id: int, speaker_id: int | None) -> bool:
        """Does the group hold the words of another named person, and none of this one's? Two
        people saying the same or nearly the same words ("We will not raise taxes", "They will
        raise taxes") made two statements, not two wordings of one."""
        if speaker_id is None or self._speaker_in_group(group_id, speaker_id) or not self._is_person(speaker_id):
            return False
        if any(self._is_person(other) for other in self.pending.get(group_id, ()) if other != speaker_id):
            return True
        return self.cur.execute("SELECT 1 FROM quote q JOIN speaker s ON s.id = q.speaker_id WHERE q.group_id = ? "
                                "AND s.kind = 'person' AND q.speaker_id != ? LIMIT 1",
                                (group_id, speaker_id)).fetchone() is not None

    def _is_person(self, speaker_id: int) -> bool:
        if speaker_id not in self._person:
            row = self.cur.execute("SELECT kind FROM speaker WHERE id = ?", (speaker_id,)).fetchone()
            self._person[speaker_id] = row is not None and row[0] == "person"
        return self._person[speaker_id]

    def place(self, text: str, speaker_id: int | None) -> Placement | None:
        """Find or make the group of a quote; None for a quote without words."""
        ws = words(text)
        if not ws:
            return None
        h = norm_hash(ws)
        norm = " ".join(ws)
        placement = self._exact(norm, h, len(ws), speaker_id) or self._similar(ws, speaker_id)
        if placement is None:
            gid = rawdb.insert(self.cur, "quote_group", {"text": text.strip(), "quote_count": 0, "article_count": 0,
                                                         "wording_count": 0})
            placement = Placement(gid, 0, new_group=True)
        if not placement.wording_id:
            placement.wording_id = rawdb.insert(self.cur, "wording", {
                "group_id": placement.group_id, "text": text.strip(), "norm": norm, "norm_hash": h,
                "relation": "original", "word_count": len(ws)})
            placement.new_wording = True
            self._index(placement.group_id, ws)
        if speaker_id is not None:
            self.pending.setdefault(placement.group_id, set()).add(speaker_id)
        return placement

    def _exact(self, norm: str, h: int, n: int, speaker_id: int | None) -> Placement | None:
        rows = self.cur.execute("SELECT id, group_id FROM wording WHERE norm_hash = ? AND norm = ? LIMIT ?",
                                (h, norm, WORDINGS_PER_GROUP)).fetchall()
        for wid, gid in rows:
            if (n >= FREE_WORDS or self._speaker_in_group(gid, speaker_id)) \
                    and not self._someone_else_said_it(gid, speaker_id):
                return Placement(gid, wid)
        return None

    def _similar(self, ws: list[str], speaker_id: int | None) -> Placement | None:
        votes: Counter = Counter()
        for s in shingles(ws):
            votes.update(gid for gid, in self.cur.execute(
                "SELECT group_id FROM group_shingle WHERE hash = ? ORDER BY group_id DESC LIMIT ?", (s, POSTINGS)))
        best = None
        for gid, _ in votes.most_common(CANDIDATES):
            if self._someone_else_said_it(gid, speaker_id):
                continue
            for wid, norm in self.cur.execute("SELECT id, norm FROM wording WHERE group_id = ? ORDER BY id LIMIT ?",
                                              (gid, WORDINGS_PER_GROUP)).fetchall():
                old = norm.split()
                rel = relation(ws, old)
                if rel is None:
                    continue
                if min(len(ws), len(old)) < FREE_WORDS and not self._speaker_in_group(gid, speaker_id):
                    continue
                score = (_RANK[rel[0]], rel[1], -votes[gid])
                if best is None or score < best[0]:
                    best = (score, gid, wid if rel[0] == "same" else 0)
        return Placement(best[1], best[2]) if best else None

    def _index(self, group_id: int, ws: list[str]) -> None:
        have = {h for h, in self.cur.execute("SELECT hash FROM group_shingle WHERE group_id = ?", (group_id,))}
        rawdb.insert_many(self.cur, "group_shingle", [{"hash": s, "group_id": group_id} for s in shingles(ws) - have])


# ---- group summaries ---------------------------------------------------------------------

def _relations(wordings: list[tuple[int, list[str]]], reference: int | None) -> dict[int, str]:
    """Each wording's relation to the reference wording (the first report's)."""
    ref = next((ws for wid, ws in wordings if wid == reference), None)
    if ref is None:
        return {wid: "original" for wid, _ in wordings}
    out = {}
    for wid, ws in wordings:
        if wid == reference or ws == ref:
            out[wid] = "original"
        elif _contains(ws, ref):
            out[wid] = "extended"
    fuller = [ws for wid, ws in wordings if wid in out]
    for wid, ws in wordings:
        if wid not in out:
            out[wid] = "partial" if any(_contains(f, ws) for f in fuller) else "variant"
    return out


def _first_key(date: str | None, quote_id: int) -> tuple:
    return (date is None, date or "", quote_id)


def update_groups(conn: Connection, placed: list[tuple[int, Placement, str | None]]) -> None:
    """After one article's quotes are inserted: counts, first report, wording relations.

    ``placed`` holds (quote id, placement, article date) for every grouped quote of the
    article. Counts are updated by addition; only the touched groups' wordings are read.
    """
    cur = rawdb.cursor(conn)
    by_group: dict[int, list[tuple[int, Placement, str | None]]] = {}
    for item in placed:
        by_group.setdefault(item[1].group_id, []).append(item)
    for gid, items in by_group.items():
        first_quote_id, first_date = cur.execute("SELECT first_quote_id, first_date FROM quote_group WHERE id = ?",
                                                 (gid,)).fetchone()
        first = min(items, key=lambda it: _first_key(it[2], it[0]))
        if first_quote_id is None or _first_key(first[2], first[0]) < _first_key(first_date, first_quote_id):
            first_quote_id, first_date = first[0], first[2]
        cur.execute("UPDATE quote_group SET quote_count = quote_count + ?, article_count = article_count + 1, "
                    "first_quote_id = ?, first_date = ? WHERE id = ?", (len(items), first_quote_id, first_date, gid))
        _summarise_wordings(cur, gid, first_quote_id)


def _summarise_wordings(cur: sqlite3.Cursor, gid: int, first_quote: int | None) -> None:
    """Relations of a group's wordings to its first report, its display text and wording count."""
    reference = None
    if first_quote:
        row = cur.execute("SELECT wording_id FROM quote WHERE id = ?", (first_quote,)).fetchone()
        reference = row[0] if row else None
    rows = cur.execute("SELECT id, norm, text, relation FROM wording WHERE group_id = ? ORDER BY id",
                       (gid,)).fetchall()
    rel = _relations([(wid, norm.split()) for wid, norm, _, _ in rows], reference)
    changed = [(rel[wid], wid) for wid, _, _, relation_now in rows if relation_now != rel[wid]]
    if changed:
        cur.executemany("UPDATE wording SET relation = ? WHERE id = ?", changed)
    full = [r for r in rows if rel[r[0]] in ("original", "extended")] or rows
    text = max(full, key=lambda r: (len(r[1].split()), r[0] == reference))[2]
    cur.execute("UPDATE quote_group SET text = ?, wording_count = ? WHERE id = ?", (text, len(rows), gid))


def refresh_groups(conn: Connection, group_ids) -> None:
    """Recount groups from their quotes after quotes were removed; drop what is left empty."""
    for gid in set(group_ids):
        count, articles = conn.execute(select(func.count(Quote.id), func.count(Quote.article_id.distinct()))
                                       .where(Quote.group_id == gid)).one()
        if not count:
            conn.execute(delete(GroupShingle).where(GroupShingle.group_id == gid))
            conn.execute(delete(Wording).where(Wording.group_id == gid))
            conn.execute(delete(QuoteGroup).where(QuoteGroup.id == gid))
            continue
        first = conn.execute(select(Quote.id, Quote.date).where(Quote.group_id == gid)
                             .order_by(Quote.date.is_(None), Quote.date, Quote.id).limit(1)).one()
        used = select(Quote.wording_id).where(Quote.group_id == gid, Quote.wording_id.is_not(None))
        dropped = conn.execute(delete(Wording).where(Wording.group_id == gid, Wording.id.not_in(used))).rowcount
        if dropped:
            conn.execute(delete(GroupShingle).where(GroupShingle.group_id == gid))
            have: set[int] = set()
            for norm in conn.scalars(select(Wording.norm).where(Wording.group_id == gid)):
                have |= shingles(norm.split())
            conn.execute(GroupShingle.__table__.insert(), [{"hash": s, "group_id": gid} for s in have])
        conn.execute(update(QuoteGroup).where(QuoteGroup.id == gid).values(
            quote_count=count, article_count=articles, first_quote_id=first.id, first_date=first.date))
        _summarise_wordings(rawdb.cursor(conn), gid, first.id)
