"""The tables of the quote database, as SQLModel classes.

These classes always describe the newest schema; ``database.py`` creates them in an empty
database and upgrades older ones step by step. Every column a query filters on has an index,
most of them composite with the date so that "X's quotes, newest first" is an index walk.

Offsets (``start``/``end`` and the ``*_start``/``*_end`` of mentions, cues and sentences) are
Python string indices into ``Article.text``: ``article.text[q.start:q.end] == q.text``.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import BigInteger, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

SPEAKER_KINDS = ("person", "organisation", "unnamed")
WORDING_RELATIONS = ("original", "partial", "extended", "variant")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class SchemaMigration(SQLModel, table=True):
    """One applied migration step; the set of names is the schema version."""

    __tablename__ = "schema_migration"
    name: str = Field(primary_key=True)
    applied_at: datetime = Field(default_factory=utcnow)


class Outlet(SQLModel, table=True):
    """A publisher or agency: the outlet of an article, or the one a quote is relayed from."""

    __tablename__ = "outlet"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    key: str = Field(unique=True)  # names.name_key(name)
    kind: str | None = None  # agency | newspaper | broadcaster | magazine | website | ...
    # Kept in step with the article and quote tables by triggers (database.COUNTER_SQL):
    article_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    quote_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})  # every quote it published
    relayed_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})  # ... crediting another outlet
    credited_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})  # others' quotes credited to it


class OutletAlias(SQLModel, table=True):
    """Another name of an outlet ("TASS" for "Itar-Tass"); keys are unique across outlets."""

    __tablename__ = "outlet_alias"
    key: str = Field(primary_key=True)
    alias: str
    outlet_id: int = Field(foreign_key="outlet.id", index=True)
    source: str = "seen"  # seen | known | user


class Speaker(SQLModel, table=True):
    """A person or organisation quoted somewhere, or an unnamed source of one article."""

    __tablename__ = "speaker"
    id: int | None = Field(default=None, primary_key=True)
    name: str  # canonical: the fullest name seen, unless a user chose one
    key: str = Field(index=True)  # names.name_key(name)
    surname_key: str | None = Field(default=None, index=True)  # persons only
    given_key: str | None = None  # given names without initials, persons only
    kind: str = "person"
    article_id: int | None = Field(default=None, foreign_key="article.id", index=True)  # unnamed only
    name_locked: bool = False  # set by a rename: later ingests keep this name
    created_at: datetime = Field(default_factory=utcnow)
    # Kept in step with the quote table by triggers (database.COUNTER_SQL), never written by code:
    quote_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})  # direct and mixed
    claim_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})  # indirect
    article_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})  # with either
    first_date: str | None = None  # of either
    last_date: str | None = None


class SpeakerYear(SQLModel, table=True):
    """A speaker's quotes and claims in one year (of the quotes' dates); kept by triggers."""

    __tablename__ = "speaker_year"
    speaker_id: int = Field(primary_key=True)
    year: str = Field(primary_key=True)
    quotes: int = 0  # direct and mixed
    claims: int = 0  # indirect


class SpeakerOutlet(SQLModel, table=True):
    """A speaker's quotes and claims as published by one outlet (``relay`` false) or as credited
    to it by another outlet's article (``relay`` true); kept by triggers."""

    __tablename__ = "speaker_outlet"
    speaker_id: int = Field(primary_key=True)
    relay: bool = Field(primary_key=True)
    outlet_id: int = Field(primary_key=True)
    quotes: int = 0
    claims: int = 0


class SpeakerAlias(SQLModel, table=True):
    """A name that means one speaker; the key is unique, so a name leads to one speaker only.

    ``source`` is "seen" for names taken from articles and "user" for corrections, which
    later ingests obey.
    """

    __tablename__ = "speaker_alias"
    key: str = Field(primary_key=True)
    alias: str
    speaker_id: int = Field(foreign_key="speaker.id", index=True)
    source: str = "seen"


class SpeakerRole(SQLModel, table=True):
    """A role an article gave the speaker ("Russian leader"), with how often it was seen."""

    __tablename__ = "speaker_role"
    speaker_id: int = Field(foreign_key="speaker.id", primary_key=True)
    role: str = Field(primary_key=True)
    count: int = 1


class Article(SQLModel, table=True):
    """One ingested article with its full text as read; quotes' offsets index ``text``."""

    __tablename__ = "article"
    id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(unique=True)
    path: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    outlet_id: int | None = Field(default=None, foreign_key="outlet.id", index=True)
    place: str | None = None
    date: str | None = Field(default=None, index=True)  # ISO 8601
    date_raw: str | None = None
    text: str = Field(sa_column=Column(Text, nullable=False))
    body_start: int = 0
    encoding: str | None = None
    format: str | None = None  # text | html | json
    quote_count: int = 0  # direct and mixed
    claim_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})  # indirect
    ingested_at: datetime = Field(default_factory=utcnow)


class QuoteGroup(SQLModel, table=True):
    """The same quote as carried by one or more articles, in one or more wordings.

    ``text`` is the fullest wording that is not a variant; ``first_*`` name the earliest
    report by article date (then by ingest order).
    """

    __tablename__ = "quote_group"
    id: int | None = Field(default=None, primary_key=True)
    text: str
    quote_count: int = 0
    article_count: int = 0
    wording_count: int = 0
    first_quote_id: int | None = None
    first_date: str | None = Field(default=None, index=True)


class Wording(SQLModel, table=True):
    """One wording of a group, after normalisation, and how it relates to the first report.

    ``relation``: "original" (the wording of the first report), "partial" (a fragment of it),
    "extended" (contains it), "variant" (words changed, dropped or added).
    """

    __tablename__ = "wording"
    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="quote_group.id", index=True)
    text: str  # as first seen
    norm: str
    norm_hash: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    relation: str = "original"
    word_count: int = 0


class GroupShingle(SQLModel, table=True):
    """Word-pair hashes of every wording: the candidate index that keeps grouping fast."""

    __tablename__ = "group_shingle"
    __table_args__ = (Index("ix_group_shingle_group", "group_id"),)
    hash: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    group_id: int = Field(foreign_key="quote_group.id", primary_key=True)


class Quote(SQLModel, table=True):
    """One attributed quotation or claim in one article.

    ``kind`` "direct" and "mixed" are quotations and belong to a ``QuoteGroup``; "indirect"
    rows are claims (reported speech without quote marks) and have no group or wording.
    """

    __tablename__ = "quote"
    __table_args__ = (
        Index("ix_quote_speaker_date", "speaker_id", "date"),
        Index("ix_quote_outlet_date", "outlet_id", "date"),
        Index("ix_quote_relay_outlet_date", "relay_outlet_id", "date"),
        Index("ix_quote_group_date", "group_id", "date"),
        UniqueConstraint("article_id", "position", name="uq_quote_article_position"),
    )
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id")  # leads uq_quote_article_position
    position: int  # order in the article
    text: str
    start: int
    end: int
    kind: str = Field(default="direct", index=True)
    date: str | None = Field(default=None, index=True)  # the article's date, for range filters
    speaker_id: int | None = Field(default=None, foreign_key="speaker.id")
    speaker_name: str | None = None  # the name as the extractor gave it
    speaker_kind: str | None = None
    speaker_role: str | None = None
    mention_text: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    cue_text: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    outlet_id: int | None = Field(default=None, foreign_key="outlet.id")  # the article's outlet
    relay_outlet_id: int | None = Field(default=None, foreign_key="outlet.id")  # the outlet relayed
    relayed: bool = False
    confidence: float = 1.0
    sieve: str | None = None
    flags: str | None = None  # JSON list
    sentence_text: str | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None
    group_id: int | None = Field(default=None, foreign_key="quote_group.id")
    wording_id: int | None = Field(default=None, foreign_key="wording.id", index=True)


# "speakers --top N": the most quoted first is an index walk.
SPEAKER_RANK = Index("ix_speaker_rank", Speaker.__table__.c.quote_count.desc(),
                     Speaker.__table__.c.claim_count.desc(), Speaker.__table__.c.name)

TABLES = [SchemaMigration, Outlet, OutletAlias, Article, Speaker, SpeakerAlias, SpeakerRole, SpeakerYear,
          SpeakerOutlet, QuoteGroup, Wording, GroupShingle, Quote]
