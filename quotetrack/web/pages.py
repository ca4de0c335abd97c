"""What the plugin's own pages show: an article with its quotes marked at their offsets, a
quote group with its wordings side by side, a speaker's profile.

The ``*_context`` coroutines read the database through Datasette and return plain values for
the templates; ``mark_spans`` and ``word_diff`` are pure functions. Nothing here builds HTML:
the templates do, with Jinja's autoescaping, so article text and quotes always show as text.
"""
from __future__ import annotations

import difflib
from bisect import bisect_right
from dataclasses import dataclass

from .sqlfunctions import words


class Missing(LookupError):
    """No row with the id a page was asked for."""


@dataclass(frozen=True)
class Segment:
    """A run of article text: plain (``kind`` None), or a quote, a claim, a speaker's name or a cue.

    A claim that contains a quote is cut into pieces around it; ``anchor`` is set on the
    first piece only, which carries the claim's id in the page.
    """

    text: str
    kind: str | None = None
    quote: dict | None = None
    anchor: bool = True


class _Disjoint:
    """Spans that never overlap, kept in order, so that a new one is checked in log time: an
    article page with tens of thousands of quotes and claims renders in a moment."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return (i >= 0 and self.ends[i] > start) or (i + 1 < len(self.starts) and self.starts[i + 1] < end)

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)

    def outside(self, start: int, end: int) -> list[tuple[int, int]]:
        """The stretches of start:end that no span covers."""
        out, at = [], start
        i = max(0, bisect_right(self.starts, start) - 1)
        while i < len(self.starts) and self.starts[i] < end:
            s, e = self.starts[i], self.ends[i]
            if e > at:
                if s > at:
                    out.append((at, s))
                at = max(at, e)
            i += 1
        if at < end:
            out.append((at, end))
        return out


def mark_spans(text: str, quotes: list[dict]) -> list[Segment]:
    """Cut ``text`` into segments at the quotes' and claims' offsets and their speakers' names and cues.

    Quotes win over claims, and both over names and cues: a claim is marked around the quotes
    inside it. A span that is out of range or overlaps one already placed is left unmarked
    rather than breaking the text.
    """
    spans = []
    for q in quotes:
        spans.append((0 if q.get("kind") != "indirect" else 1, q.get("start"), q.get("end"),
                      "quote" if q.get("kind") != "indirect" else "claim", q))
    for q in quotes:
        spans.append((2, q.get("mention_start"), q.get("mention_end"), "mention", q))
        spans.append((2, q.get("cue_start"), q.get("cue_end"), "cue", q))
    placed: list[tuple[int, int, str, dict, bool]] = []
    quoted, taken = _Disjoint(), _Disjoint()  # the quotes; everything placed
    for _, start, end, kind, q in sorted(spans, key=lambda s: (s[0], s[1] if s[1] is not None else -1)):
        if start is None or end is None or not 0 <= start < end <= len(text):
            continue
        if kind == "claim":
            pieces = quoted.outside(start, end)
            if pieces and not any(taken.overlaps(ps, pe) for ps, pe in pieces):
                placed.extend((ps, pe, kind, q, i == 0) for i, (ps, pe) in enumerate(pieces))
                for ps, pe in pieces:
                    taken.add(ps, pe)
            continue
        if taken.overlaps(start, end):
            continue
        placed.append((start, end, kind, q, True))
        taken.add(start, end)
        if kind == "quote":
            quoted.add(start, end)
    placed.sort(key=lambda s: s[0])
    segments, at = [], 0
    for start, end, kind, q, anchor in placed:
        if start > at:
            segments.append(Segment(text[at:start]))
        segments.append(Segment(text[start:end], kind, q, anchor))
        at = end
    if at < len(text):
        segments.append(Segment(text[at:]))
    return segments


def word_diff(base: str, wording: str, relation: str) -> list[tuple[str, str]]:
    """The words of ``wording`` as (word, state) with state "same", "added" or "dropped",
    compared with ``base`` (the first report's wording) word by word, ignoring case, accents
    and punctuation. Dropped words are shown for variants only: a partial quote drops words by
    definition, and an extended one only adds."""
    mine, theirs = wording.split(), base.split()

    def key(token: str) -> str:
        return " ".join(words(token)) or token

    matcher = difflib.SequenceMatcher(a=[key(t) for t in theirs], b=[key(t) for t in mine], autojunk=False)
    out: list[tuple[str, str]] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.extend((t, "same") for t in mine[b1:b2])
            continue
        if op in ("replace", "delete") and relation == "variant":
            out.extend((t, "dropped") for t in theirs[a1:a2])
        if op in ("replace", "insert"):
            out.extend((t, "same" if relation == "partial" else "added") for t in mine[b1:b2])
    return out


_QUOTE_ROWS = """
select q.id, q.article_id, q.position, q.text, q.start, q."end", q.kind, q.date, q.speaker_id,
  q.speaker_role, q.mention_text, q.mention_start, q.mention_end, q.cue_text, q.cue_start, q.cue_end,
  q.confidence, q.group_id, q.wording_id, q.relayed,
  s.name as speaker, o.name as outlet, q.outlet_id, r.name as relay, q.relay_outlet_id,
  coalesce(a.title, a.path, 'article ' || a.id) as article_title,
  g.article_count as group_articles, g.wording_count as group_wordings
from quote q
join article a on a.id = q.article_id
left join speaker s on s.id = q.speaker_id
left join outlet o on o.id = q.outlet_id
left join outlet r on r.id = q.relay_outlet_id
left join quote_group g on g.id = q.group_id
"""


async def _rows(db, sql: str, params=()) -> list[dict]:
    return [dict(r) for r in (await db.execute(sql, params)).rows]


async def _one(db, sql: str, params, what: str) -> dict:
    rows = await _rows(db, sql, params)
    if not rows:
        raise Missing(f"{what} not found")
    return rows[0]


async def article_context(db, article_id: int) -> dict:
    article = await _one(db, """
        select a.*, o.name as outlet from article a left join outlet o on o.id = a.outlet_id
        where a.id = ?""", (article_id,), f"article {article_id}")
    quotes = await _rows(db, _QUOTE_ROWS + " where q.article_id = ? order by q.position", (article_id,))
    return {"article": article, "quotes": quotes, "segments": mark_spans(article["text"], quotes)}


async def group_context(db, group_id: int) -> dict:
    group = await _one(db, "select * from quote_group where id = ?", (group_id,), f"quote group {group_id}")
    wordings = await _rows(db, """
        select * from wording where group_id = ?
        order by relation = 'original' desc, relation = 'extended' desc, relation = 'partial' desc, id""",
        (group_id,))
    quotes = await _rows(db, _QUOTE_ROWS + " where q.group_id = ? order by q.date, q.id", (group_id,))
    base = next((w["text"] for w in wordings if w["relation"] == "original"), group["text"])
    columns = []
    for w in wordings:
        carriers = [q for q in quotes if q["wording_id"] == w["id"]]
        columns.append({"wording": w, "words": word_diff(base, w["text"], w["relation"]), "quotes": carriers})
    first = next((q for q in quotes if q["id"] == group["first_quote_id"]), quotes[0] if quotes else None)
    speakers = list(dict.fromkeys(q["speaker"] for q in quotes if q["speaker"]))
    return {"group": group, "columns": columns, "quotes": quotes, "first": first, "speakers": speakers}


async def speaker_context(db, speaker_id: int) -> dict:
    speaker = await _one(db, "select * from speaker where id = ?", (speaker_id,), f"speaker {speaker_id}")
    aliases = await _rows(db, "select alias, source from speaker_alias where speaker_id = ? order by alias",
                          (speaker_id,))
    roles = await _rows(db, "select role, count from speaker_role where speaker_id = ? order by count desc, role",
                        (speaker_id,))
    quotes = await _rows(db, _QUOTE_ROWS + " where q.speaker_id = ? order by q.date desc, q.article_id, q.position",
                         (speaker_id,))
    outlets = await _rows(db, """
        select o.id, o.name, count(*) as quotes, count(distinct q.article_id) as articles
        from quote q join outlet o on o.id = q.outlet_id where q.speaker_id = ?
        group by o.id order by quotes desc, o.name""", (speaker_id,))
    relays = await _rows(db, """
        select o.id, o.name, count(*) as quotes
        from quote q join outlet o on o.id = q.relay_outlet_id where q.speaker_id = ?
        group by o.id order by quotes desc, o.name""", (speaker_id,))
    dates = [q["date"] for q in quotes if q["date"]]
    return {
        "speaker": speaker, "aliases": aliases, "roles": roles, "quotes": quotes,
        "outlets": outlets, "relays": relays,
        "articles": len({q["article_id"] for q in quotes}),
        "first_date": min(dates) if dates else None, "last_date": max(dates) if dates else None,
    }
