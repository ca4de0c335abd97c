"""Small typed records that travel between the stages: reading, extraction, storage, output.

Every offset is a Python string index into ``Article.text``, the whole text as it was read
and decoded; ``article.text[q.start:q.end] == q.text`` holds for every quote.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

KINDS = ("direct", "mixed", "indirect")


@dataclass(frozen=True)
class Span:
    """A piece of the article text: ``article.text[start:end] == text``."""

    text: str
    start: int
    end: int

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(text[start:end], start, end)


@dataclass
class Article:
    """One article as read: its full text and the metadata of its header or page."""

    text: str
    path: str | None = None
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    place: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) when the raw date could be read
    date_raw: str | None = None
    url: str | None = None
    body_start: int = 0  # where the body begins, after any header
    encoding: str = "utf-8"
    format: str = "text"  # text | html | json

    def meta(self) -> dict:
        """The article fields every quote record repeats."""
        return {"title": self.title, "author": self.author, "outlet": self.outlet,
                "date": self.date, "date_raw": self.date_raw}


@dataclass
class Quote:
    """One attributed quotation or claim found in an article."""

    text: str
    start: int
    end: int
    kind: str = "direct"  # direct | mixed | indirect
    speaker: str | None = None  # canonical name: the fullest the article uses
    speaker_mention: Span | None = None  # the mention the attribution rests on
    speaker_role: str | None = None  # "Russian leader", "Azerbaijani President", ...
    speaker_kind: str | None = None  # person | organisation | unnamed
    cue: Span | None = None
    outlet: str | None = None  # relaying outlet when relayed, else the article's outlet
    relayed: bool = False
    confidence: float = 1.0
    sieve: str | None = None  # the rule that named the speaker
    flags: list[str] = field(default_factory=list)  # e.g. "unclosed", "scare"
    sentence: Span | None = None  # the sentence (or paragraph) around the quote

    def to_dict(self, file: str | None = None, article: Article | None = None) -> dict:
        """The documented JSON record of ``quotetrack extract``."""
        d = asdict(self)
        out = {"file": file, **{k: d[k] for k in (
            "text", "start", "end", "kind", "speaker", "speaker_mention", "speaker_role",
            "speaker_kind", "cue", "outlet", "relayed", "confidence", "sieve", "flags")}}
        out["sentence"] = d["sentence"]["text"] if d["sentence"] else None
        if article is not None:
            out["article"] = article.meta()
        return out
