"""The quote database as a library: open it, add articles with their quotes, count what it holds.

    store = open_db("quotes.db")
    result = store.add_article(article, quotes)   # one transaction: all of it or nothing
    result.status                                 # "added", "skipped" or "replaced"

An article is identified by the hash of its text, so adding the same text again is skipped;
``force=True`` replaces its quotes in the same transaction. Speaker linking (``speakers``)
and quote grouping (``grouping``) happen inside that transaction too, so a crash or a kill
never leaves half an article, and a concurrent writer waits for its turn.

Claims (kind "indirect": reported speech without quote marks) are stored, linked to their
speakers and indexed for search like quotes, but they join no quote group: a group gathers
one quoted wording across articles, and a paraphrase around it is not a wording of it.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import Engine, delete, func, select

from . import corrections, models, rawdb
from .database import create_db_engine, db_errors, label, migrate, write_transaction
from .errors import QuotetrackError
from .grouping import Grouper, refresh_groups, update_groups
from .outlets import resolve_outlet
from .records import KINDS, Article, Quote
from .speakers import SpeakerLinker


def content_hash(text: str) -> str:
    """The identity of an article: its text with line endings and outer whitespace evened out."""
    canonical = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass
class AddResult:
    """What ``Store.add_article`` did."""

    status: str  # added | skipped | replaced
    article_id: int
    quotes: int = 0  # direct and mixed
    claims: int = 0  # indirect
    new_speakers: int = 0
    new_groups: int = 0


class Store:
    """A quote database: an engine migrated to the newest schema, and the writes on it."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.name = label(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def article_id(self, text: str) -> int | None:
        """The id of the stored article with this text, if any."""
        with db_errors(self.name), self.engine.connect() as conn, rawdb.driver_errors():
            row = rawdb.cursor(conn).execute("SELECT id FROM article WHERE content_hash = ?",
                                             (content_hash(text),)).fetchone()
            return row[0] if row else None

    def add_article(self, article: Article, quotes: Iterable[Quote], force: bool = False) -> AddResult:
        """Store one article and its quotes atomically; skip it if its text is already stored."""
        quotes = list(quotes)  # a generator would be spent by the checks before it is stored
        for q in quotes:
            _check_true_to_text(article, q)
        h = content_hash(article.text)
        with write_transaction(self.engine) as conn, rawdb.driver_errors():
            cur = rawdb.cursor(conn)
            row = cur.execute("SELECT id FROM article WHERE content_hash = ?", (h,)).fetchone()
            old = row[0] if row else None
            if old is not None and not force:
                return AddResult("skipped", old)
            values = _article_row(article, h)
            values["outlet_id"] = resolve_outlet(conn, article.outlet)
            if old is not None:
                _remove_quotes(conn, old)
                columns = ", ".join(f'"{c}" = :{c}' for c in values)
                cur.execute(f"UPDATE article SET {columns} WHERE id = :id", {**values, "id": old})
                article_id = old
            else:
                article_id = rawdb.insert(cur, "article", values)
            linker = SpeakerLinker(conn, article_id, article.text)
            grouper = Grouper(conn)
            outlets: dict = {}
            rows, placements = [], []
            for position, q in enumerate(quotes):
                speaker_id = linker.link(q.speaker, q.speaker_kind, q.speaker_role)
                relay = resolve_outlet(conn, q.outlet, outlets) if q.relayed else None
                placement = grouper.place(q.text, speaker_id) if q.kind != "indirect" else None
                placements.append(placement)
                rows.append(_quote_row(q, article_id, position, article.date, speaker_id,
                                       values["outlet_id"], relay, placement))
            if rows:
                rawdb.insert_many(cur, "quote", rows)
                ids = dict(cur.execute("SELECT position, id FROM quote WHERE article_id = ?", (article_id,)))
                update_groups(conn, [(ids[i], p, article.date) for i, p in enumerate(placements) if p])
            claims = sum(1 for q in quotes if q.kind == "indirect")
            cur.execute("UPDATE article SET quote_count = ?, claim_count = ? WHERE id = ?",
                        (len(rows) - claims, claims, article_id))
            return AddResult("replaced" if old is not None else "added", article_id, len(rows) - claims, claims,
                             linker.created, sum(1 for p in placements if p and p.new_group))

    def merge_speakers(self, names: list[str], into: str) -> str:
        """Make the speakers ``names`` one speaker called ``into``; -> what was done."""
        return self._correct(corrections.merge, list(names), into)

    def rename_speaker(self, old: str, new: str) -> str:
        return self._correct(corrections.rename, old, new)

    def add_speaker_alias(self, name: str, alias: str) -> str:
        return self._correct(corrections.add_alias, name, alias)

    def split_speaker(self, name: str, aliases: list[str]) -> str:
        """Give the quotes ``name`` got under ``aliases`` a speaker of their own."""
        return self._correct(corrections.split, name, list(aliases))

    def _correct(self, action, *args) -> str:
        with write_transaction(self.engine) as conn, rawdb.driver_errors():
            return action(conn, *args)

    def counts(self) -> dict[str, int]:
        """How many articles, quotes (direct, mixed), claims, named speakers, outlets and groups it holds."""
        tables = {"articles": models.Article, "outlets": models.Outlet, "groups": models.QuoteGroup}
        with db_errors(self.name), self.engine.connect() as conn:
            out = {k: conn.scalar(select(func.count()).select_from(t)) for k, t in tables.items()}
            claim = models.Quote.kind == "indirect"
            out["quotes"] = conn.scalar(select(func.count()).select_from(models.Quote).where(~claim))
            out["claims"] = conn.scalar(select(func.count()).select_from(models.Quote).where(claim))
            out["speakers"] = conn.scalar(select(func.count()).select_from(models.Speaker)
                                          .where(models.Speaker.kind != "unnamed"))
        return out


def _remove_quotes(conn, article_id: int) -> None:
    """Delete an article's quotes (for ``force``) and what only they used."""
    groups = set(conn.scalars(select(models.Quote.group_id).where(models.Quote.article_id == article_id,
                                                                  models.Quote.group_id.is_not(None))))
    speakers = set(conn.scalars(select(models.Quote.speaker_id).where(models.Quote.article_id == article_id,
                                                                      models.Quote.speaker_id.is_not(None))))
    conn.execute(delete(models.Quote).where(models.Quote.article_id == article_id))
    unnamed = select(models.Speaker.id).where(models.Speaker.article_id == article_id)
    conn.execute(delete(models.SpeakerRole).where(models.SpeakerRole.speaker_id.in_(unnamed)))
    conn.execute(delete(models.Speaker).where(models.Speaker.article_id == article_id))
    for speaker_id in speakers:  # the roles the removed quotes gave go with them
        corrections.recount_roles(conn, speaker_id)
    refresh_groups(conn, groups)


def _article_row(article: Article, h: str) -> dict:
    path = os.fspath(article.path) if article.path is not None else None
    return {"content_hash": h, "path": path, "url": article.url, "title": article.title,
            "author": article.author, "place": article.place, "date": article.date,
            "date_raw": article.date_raw, "text": article.text, "body_start": article.body_start,
            "encoding": article.encoding, "format": article.format, "quote_count": 0, "claim_count": 0,
            "ingested_at": rawdb.stamp(models.utcnow())}


def _quote_row(q: Quote, article_id, position, date, speaker_id, outlet_id, relay_id, placement) -> dict:
    def span(s, prefix):
        return {f"{prefix}_text": s.text if s else None, f"{prefix}_start": s.start if s else None,
                f"{prefix}_end": s.end if s else None}

    return {"article_id": article_id, "position": position, "text": q.text, "start": q.start, "end": q.end,
            "kind": q.kind, "date": date, "speaker_id": speaker_id, "speaker_name": q.speaker,
            "speaker_kind": q.speaker_kind, "speaker_role": q.speaker_role,
            **span(q.speaker_mention, "mention"), **span(q.cue, "cue"), **span(q.sentence, "sentence"),
            "outlet_id": outlet_id, "relay_outlet_id": relay_id, "relayed": bool(q.relayed),
            "confidence": float(q.confidence), "sieve": q.sieve, "flags": json.dumps(list(q.flags or [])),
            "group_id": placement.group_id if placement else None,
            "wording_id": placement.wording_id if placement else None}


def open_db(db: str | os.PathLike) -> Store:
    """Open (creating or upgrading) the database at a path or SQLAlchemy URL."""
    engine = create_db_engine(os.fspath(db))
    try:
        migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)


def _check_true_to_text(article: Article, q: Quote) -> None:
    """Every stored span slices exactly from the stored text: the quote, and its speaker's
    name, cue and sentence when it has them; and its kind is one the database knows."""
    text = article.text
    spans = [("quote", q)] + [(what, span) for what, span in (("speaker mention", q.speaker_mention),
                                                               ("cue", q.cue), ("sentence", q.sentence)) if span]
    for what, span in spans:
        if not (0 <= span.start <= span.end <= len(text)) or text[span.start:span.end] != span.text \
                or what == "quote" and span.start == span.end:
            raise QuotetrackError(f"{article.path}: {what} offsets {span.start}:{span.end} do not match its text")
    if q.kind not in KINDS:
        raise QuotetrackError(f"{article.path}: quote kind {q.kind!r} is none of {', '.join(KINDS)}")
