"""PolNeAR gold and scoring for quote and claim attribution.

Reads a corpus in PolNeAR's layout::

    CORPUS_DIR/text/NAME.txt
    CORPUS_DIR/attributions/NAME_ANNOTATOR.ann     (BRAT standoff; the first file in sorted order is used)
    CORPUS_DIR/../metadata.tsv                     (filename and publisher columns, optional)

and turns every annotated attribution into gold: a *claim* (content = the union of its
pieces, source spans, cue spans) and, when the content contains quotation marks, one
*direct quote* per quoted segment (the text between an opening mark and its closing mark).

Scoring conventions (the same as the project's reference scorer):

- Spans are trimmed of quote marks and whitespace at both edges before matching.
- overlap = shared characters / the longer of the two spans; for a claim the gold span is
  the union of its pieces, so the words between the pieces of ``"...," he said, "..."`` do
  not count.
- Matching is one-to-one and greedy: all (prediction, gold) pairs of a file are taken in
  order of decreasing overlap (ties by prediction, then gold order); thresholds 0.3 and 0.8.
- Speaker, over pairs matched at 0.3 whose gold has a source; right when one rule fires:
  ``mention`` the predicted speaker mention overlaps a gold source span;
  ``name`` a name token of the predicted speaker (longer than 2 characters, not a title or
  stopword, possessive 's dropped) is a name token of a gold source span;
  ``linked`` every gold source span is a pronoun or a description (no capitalised word
  except a sentence-initial function word, e.g. "he", "the campaign spokesman"), and the
  nearest proper-noun mention before it -- within its own paragraph and the one before, and
  counting only names that end in the surname of a person the article's annotators marked as
  a source -- ends in the predicted speaker's surname, without a conflicting first name
  ("Bill Clinton" does not link to "Hillary Clinton").
  "Canonical name right" counts the ``name`` and ``linked`` rules only.
- End-to-end: a true positive is a quote matched at 0.3 with a right speaker; gold quotes
  without a source, and predictions matched to them, are left out.
"""
from __future__ import annotations

import collections
import csv
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

THRESHOLDS = (0.3, 0.8)
QUOTE_CHARS = "\"“”‘’'«»„"
DOUBLE_MARKS = "\"“”„«»"
STOP = set("""a an the and or of in on at to for by with from as is was be been are were
his her its their our my your he she it they we i you him them us this that these those
who whom which what said says say told tells according also but not no mr mrs ms miss dr
sen senator rep representative gov governor president pres vice gen general col lt sgt
rev jr sr former secretary spokesman spokeswoman spokesperson chairman chairwoman chair
mayor judge justice prof professor sir lord lady dame st mister madam
campaign official officials aide aides adviser advisers advisor source sources people
group party committee team staff member members leader leaders office department
state states united national american""".split())  # titles and generic role words

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_ANN_LINE = re.compile(r"[TE]\d+\t")


# ---------------------------------------------------------------- records
@dataclass
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Attribution:
    """One annotated attribution (a claim): content pieces, source and cue spans."""

    file: str
    id: str
    content: list[Span]
    source: list[Span]
    cue: list[Span]
    direct: bool = False  # the content contains quotation marks

    @property
    def pieces(self) -> list[tuple[int, int]]:
        return [(c.start, c.end) for c in self.content]


@dataclass
class GoldQuote:
    """One quoted segment of an attribution's content."""

    file: str
    start: int
    end: int
    text: str
    attribution: str
    kind: str  # "direct" (the whole content is quoted) or "mixed"
    source: list[Span]
    cue: list[Span]
    flags: list[str] = field(default_factory=list)


@dataclass
class Document:
    name: str  # NAME.txt
    text: str
    annotator: str
    publisher: str
    attributions: list[Attribution]
    quotes: list[GoldQuote]

    @property
    def words(self) -> int:
        return len(self.text.split())


class CorpusError(Exception):
    """A corpus directory or annotation file that cannot be read."""


# ---------------------------------------------------------------- BRAT
def read_ann(path) -> tuple[dict, list]:
    """BRAT standoff -> ({T id: (type, [(start, end), ...])}, [(E id, type, [(role, T id), ...])])."""
    spans, events = {}, []
    with open(path, encoding="utf-8", newline="") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not _ANN_LINE.match(line):
                continue  # notes, relations, or the rest of a span text that holds a newline
            parts = line.split("\t")
            if line[0] == "T":
                typ, _, offsets = parts[1].partition(" ")
                try:
                    pieces = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";")]
                except ValueError:
                    raise CorpusError(f"{path}:{n}: bad offsets {offsets!r}")
                spans[parts[0]] = (typ, pieces)
            else:
                args = parts[1].split()
                typ = args[0].split(":")[0]
                roles = [tuple(a.split(":", 1)) for a in args[1:] if ":" in a]
                events.append((parts[0], typ, roles))
    return spans, events


def _spans(text, pieces) -> list[Span]:
    return [Span(s, e, text[s:e]) for s, e in sorted(pieces)]


def attributions_from_ann(name: str, text: str, spans: dict, events: list) -> list[Attribution]:
    """Every Attribution event (with or without a Source) of one file, in file order."""
    out = []
    for eid, typ, roles in events:
        if not typ.startswith("Attribution"):
            continue
        parts = collections.defaultdict(list)
        for role, tid in roles:
            if tid in spans:
                parts[re.sub(r"\d+$", "", role)].extend(spans[tid][1])
        a = Attribution(name, eid, _spans(text, parts["Content"]), _spans(text, parts["Source"]),
                        _spans(text, parts["Cue"]))
        out.append(a)
    return out


# ---------------------------------------------------------------- quoted segments
def _is_apostrophe(text: str, i: int) -> bool:
    """A ’ or ' between letters (don’t, Putin’s) or before a digit (’90s) is an apostrophe."""
    left = text[i - 1] if i > 0 else " "
    right = text[i + 1] if i + 1 < len(text) else " "
    return (left.isalnum() and right.isalnum()) or (right.isdigit() and not left.isalnum())


_OPENERS_BEFORE = set("([{—–-/" + QUOTE_CHARS)
_CLOSERS_AFTER = set(")]}.,;:!?—–-/…" + QUOTE_CHARS)


def _marks(text: str, pieces: list[tuple[int, int]]):
    """Quote marks inside the pieces -> [(offset, length, kind, glyph, can_open, can_close, piece index)].

    ``''`` (two straight single marks) is one double mark; apostrophes are left out. A mark
    can open when it follows whitespace or an opening bracket/dash/mark and is followed by
    text; it can close when it follows text and is followed by whitespace or punctuation.
    """
    out = []
    for n, (s, e) in enumerate(pieces):
        i = s - 1 if s > 0 and text[s - 1:s + 1] in ("''", "‘‘", "’’") else s  # a piece may start inside ''
        while i < e:
            ch = text[i]
            if ch not in QUOTE_CHARS:
                i += 1
                continue
            size = 2 if text[i:i + 2] in ("''", "‘‘", "’’") else 1
            kind = "double" if ch in DOUBLE_MARKS or size == 2 else "single"
            if kind == "single" and _is_apostrophe(text, i):
                i += 1
                continue
            left = text[i - 1] if i > 0 else " "
            right = text[i + size] if i + size < len(text) else " "
            can_open = (left.isspace() or left in _OPENERS_BEFORE) and not right.isspace()
            can_close = (right.isspace() or right in _CLOSERS_AFTER) and not left.isspace()
            glyph = "open" if ch in "“„«‘" else "close" if ch in "”»’" else "straight"
            out.append((i, size, kind, glyph, can_open, can_close, n))
            i += size
    return out


def _closes(glyph: str, can_open: bool, can_close: bool) -> bool:
    """Does a mark close the quote of its kind that is open?"""
    if glyph == "open":
        return can_close and not can_open  # Mostly False.“
    return can_close or not can_open


def _opens_fresh(glyph: str, kind: str, can_open: bool, can_close: bool) -> bool:
    """Does a mark open a quote when none of its kind is open?"""
    if glyph == "open":
        return can_open or not can_close
    if glyph == "straight" and kind == "double":
        return can_open or not can_close
    if glyph == "close":
        return not can_close  # ”Mr. Trump ... or ” … what I learned at a paragraph start
    return can_open and not can_close  # 'Terrifying.'


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Shrink [s, e) past quote marks and whitespace at both edges."""
    while s < e and (text[s].isspace() or text[s] in QUOTE_CHARS):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in QUOTE_CHARS):
        e -= 1
    return s, e


def quote_segments(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int, list[str]]]:
    """The outermost quoted segments inside a content made of ``pieces`` -> [(start, end, flags)].

    Marks are read in order across the pieces (a quote may run over the gap between two
    pieces). Double marks (straight, curly, low, guillemets, ``''``) and single marks count;
    apostrophes do not. Whether a mark opens or closes depends on its shape and on its
    neighbours (``”Mr. Trump`` at a paragraph start opens). Marks nested in an open quote stay
    inside it. Segments are trimmed of quote marks and whitespace at their edges. Flags:
    ``unopened`` a closing mark with nothing open before it in its piece (the segment starts
    at the piece; ``open_outside`` when the character before the piece is a quote mark);
    ``paragraph`` a quote left open at a paragraph end and reopened by the next paragraph
    (the multi-paragraph convention: the segment ends at its paragraph end); ``unclosed`` a
    quote still open at the end of the content (the segment ends there).
    """
    pieces = sorted((s, e) for s, e in pieces if e > s)
    segs = []
    stack: list[tuple[str, int, int]] = []  # (kind, offset of the opening mark, its length)
    piece_has_segment = set()

    def add(s, e, flags):
        s, e = trim(text, s, e)
        if e > s:
            segs.append((s, e, flags))

    for i, size, kind, glyph, can_open, can_close, n in _marks(text, pieces):
        is_open = any(k == kind for k, _, _ in stack)
        if is_open and _closes(glyph, can_open, can_close):
            while stack[-1][0] != kind:
                stack.pop()  # an unclosed single inside a double: an apostrophe or a typo
            _, o, osize = stack.pop()
            if not stack:
                add(o + osize, i, [])
                piece_has_segment.add(n)
        elif is_open and kind == "double" and len(stack) == 1 and "\n" in text[stack[0][1]:i]:
            _, o, osize = stack.pop()  # reopened in a later paragraph
            add(o + osize, text.index("\n", o), ["paragraph"])
            stack.append((kind, i, size))
        elif is_open or _opens_fresh(glyph, kind, can_open, can_close):
            stack.append((kind, i, size))
        elif not stack and kind == "double" and n not in piece_has_segment and glyph != "open" and can_close:
            ps = pieces[n][0]
            flags = ["open_outside"] if ps > 0 and text[ps - 1] in QUOTE_CHARS else []
            add(ps, i, flags + ["unopened"])
            piece_has_segment.add(n)
    if stack:
        _, o, osize = stack[0]
        add(o + osize, pieces[-1][1], ["unclosed"])
    return segs


def _has_letters(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def quotes_of(doc_text: str, a: Attribution) -> list[GoldQuote]:
    """The gold direct-quote segments of an attribution; kind ``direct`` when no word of the
    content lies outside its quoted segments, else ``mixed``."""
    segs = quote_segments(doc_text, a.pieces)
    if not segs:
        return []
    outside = []
    for s, e in a.pieces:
        cuts = [(max(s, qs), min(e, qe)) for qs, qe, _ in segs if qs < e and qe > s]
        pos = s
        for cs, ce in sorted(cuts):
            outside.append(doc_text[pos:cs])
            pos = max(pos, ce)
        outside.append(doc_text[pos:e])
    kind = "mixed" if _has_letters("".join(outside)) else "direct"
    return [GoldQuote(a.file, s, e, doc_text[s:e], a.id, kind, a.source, a.cue, f) for s, e, f in segs]


# ---------------------------------------------------------------- corpus
def read_metadata(corpus_dir) -> dict[str, dict]:
    """metadata.tsv one level above the corpus (or inside it) -> {NAME.txt: row}."""
    for path in (Path(corpus_dir).resolve().parent / "metadata.tsv", Path(corpus_dir) / "metadata.tsv"):
        if path.is_file():
            with open(path, encoding="utf-8", newline="") as fh:
                return {r["filename"] + ".txt": r for r in csv.DictReader(fh, delimiter="\t") if r.get("filename")}
    return {}


def read_text(path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        text = fh.read()
    return text[1:] if text.startswith("\ufeff") else text


def load_corpus(corpus_dir) -> list[Document]:
    """Every NAME.txt of CORPUS_DIR/text with its gold, in name order."""
    tdir, adir = Path(corpus_dir) / "text", Path(corpus_dir) / "attributions"
    if not Path(corpus_dir).is_dir():
        raise CorpusError(f"{corpus_dir}: no such folder")
    if not tdir.is_dir() or not adir.is_dir():
        raise CorpusError(f"{corpus_dir}: expected PolNeAR's layout, text/NAME.txt and "
                          "attributions/NAME_ANNOTATOR.ann")
    meta = read_metadata(corpus_dir)
    anns = collections.defaultdict(list)
    for p in sorted(adir.glob("*.ann")):
        stem, _, annotator = p.stem.rpartition("_")
        anns[stem].append((p, annotator))
    docs = []
    for tp in sorted(tdir.glob("*.txt")):
        text = read_text(tp)
        found = anns.get(tp.stem)
        if found:
            path, annotator = found[0]
            spans, events = read_ann(path)
            attrs = attributions_from_ann(tp.name, text, spans, events)
        else:
            annotator, attrs = "", []
        for a in attrs:
            a.direct = bool(quote_segments(text, a.pieces))
        quotes = [q for a in attrs for q in quotes_of(text, a)]
        publisher = meta.get(tp.name, {}).get("publisher") or tp.name.split("_")[0]
        docs.append(Document(tp.name, text, annotator, publisher, attrs, quotes))
    if not docs:
        raise CorpusError(f"{tdir}: no .txt files")
    return docs


def gold_rows(docs: list[Document]) -> tuple[list[dict], list[dict]]:
    """(direct-quote rows, attribution rows) in the layout of the reference export."""
    quotes, claims = [], []
    for d in docs:
        for q in d.quotes:
            row = {"file": d.name, "start": q.start, "end": q.end, "text": q.text, "attribution": q.attribution,
                   "annotator": d.annotator, "publisher": d.publisher, "kind": q.kind,
                   "source": [s.to_dict() for s in q.source], "cue": [c.to_dict() for c in q.cue]}
            if q.flags:
                row["flags"] = q.flags
            quotes.append(row)
        for a in d.attributions:
            claims.append({"file": d.name, "attribution": a.id, "annotator": d.annotator, "publisher": d.publisher,
                           "direct": a.direct, "content": [c.to_dict() for c in a.content],
                           "source": [s.to_dict() for s in a.source], "cue": [c.to_dict() for c in a.cue]})
    return quotes, claims


# ---------------------------------------------------------------- predictions
def file_key(name) -> str:
    """A prediction's "file" -> NAME.txt (directories dropped)."""
    name = os.path.basename(str(name))
    return name if name.endswith(".txt") else name + ".txt"


def load_jsonl(path) -> tuple[list[dict], int]:
    """-> (rows, number of lines that are not JSON objects)."""
    rows, bad = [], 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                bad += 1
                continue
            if isinstance(row, dict):
                rows.append(row)
            else:
                bad += 1
    return rows, bad


def prepare(docs: list[Document], rows: list[dict], *, keep_indirect: bool) -> tuple[dict, collections.Counter]:
    """Prediction rows -> ({NAME.txt: [row with "span" (trimmed start, end)]}, notes).

    Rows for files outside the corpus are ignored; so are "indirect" rows unless kept.
    A row whose offsets are not inside its text can never match; a row whose "text" is not
    the text at its offsets is counted as ``text_differs_from_offsets``.
    """
    texts = {d.name: d.text for d in docs}
    preds, notes = collections.defaultdict(list), collections.Counter()
    for row in rows:
        f = file_key(row.get("file", ""))
        if f not in texts:
            notes["ignored_unknown_file"] += 1
            continue
        if row.get("kind") == "indirect" and not keep_indirect:
            notes["ignored_indirect"] += 1
            continue
        s, e, text = row.get("start"), row.get("end"), texts[f]
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            notes["invalid_span"] += 1
            s = e = 0
        else:
            if isinstance(row.get("text"), str) and row["text"] != text[s:e]:
                notes["text_differs_from_offsets"] += 1
            s, e = trim(text, s, e)
        preds[f].append(dict(row, span=(s, e)))
    return preds, notes


# ---------------------------------------------------------------- matching
def overlap(a: tuple[int, int], pieces: list[tuple[int, int]]) -> float:
    """Shared characters of span ``a`` and a gold span made of disjoint ``pieces``, over the
    longer of the two."""
    inter = sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in pieces)
    return inter / max(a[1] - a[0], sum(e - s for s, e in pieces), 1)


def match(pred_spans: list[tuple[int, int]], gold_pieces: list[list[tuple[int, int]]],
          threshold: float) -> dict[int, tuple[int, float]]:
    """One-to-one greedy matching, best overlap first -> {prediction index: (gold index, overlap)}."""
    cands = []
    for i, p in enumerate(pred_spans):
        for j, g in enumerate(gold_pieces):
            ov = overlap(p, g)
            if ov >= threshold and ov > 0:
                cands.append((-ov, i, j))
    cands.sort()
    used_g, out = set(), {}
    for neg, i, j in cands:
        if i not in out and j not in used_g:
            used_g.add(j)
            out[i] = (j, -neg)
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "tp": tp, "fp": n_pred - tp, "fn": n_gold - tp}


# ---------------------------------------------------------------- speakers
PRONOUNS = set("i me my we us our he him his she her it its they them their you your who whom".split())


def words(s) -> list[str]:
    return [w.lower() for w in _WORD.findall(s if isinstance(s, str) else "")]


def name_tokens(s) -> list[str]:
    """Tokens of a name that can identify a person: possessive dropped, titles, stopwords and
    tokens of two letters or fewer left out."""
    toks = [re.sub(r"['’]s$", "", w) for w in words(s)]
    return [w for w in toks if len(w) > 2 and w not in STOP]


def source_type(text: str) -> str:
    """"pronoun", "description" (no capitalised word that is not a function word or title)
    or "name"."""
    ws = _WORD.findall(text)
    if ws and all(w.lower() in PRONOUNS for w in ws):
        return "pronoun"
    if any(w[0].isupper() and w.lower() not in STOP for w in ws):
        return "name"
    return "description"


_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w’'.-]*(?:[ \t]+(?:[A-Z][\w’'.-]*|de|van|von|la|al|bin))*")


def paragraph_window(text: str, pos: int) -> int:
    """Start of the paragraph before the one holding ``pos`` (a line break ends a paragraph)."""
    start = text.rfind("\n", 0, pos)
    if start <= 0:
        return 0
    while start > 0 and text[start - 1].isspace():
        start -= 1
    prev = text.rfind("\n", 0, start)
    return prev + 1


def linked_name(doc: Document, source: Span, named: set[str]) -> list[str] | None:
    """The nearest proper-noun mention before a pronoun/description ``source``, within its
    paragraph and the previous one, whose last word is the surname of a named source of the
    article -> its name words (e.g. ["Hillary", "Clinton"]), or None."""
    lo = paragraph_window(doc.text, source.start)
    found = None
    for m in _CAPITALISED_RUN.finditer(doc.text, lo, source.start):
        ws = [re.sub(r"['’]s$", "", w).rstrip(".") for w in m.group().split()]
        ws = [w for w in ws if w and w.lower() not in STOP]
        if ws and ws[-1].lower() in named:
            found = ws
    return found


def head_surname(text: str) -> str | None:
    """The last word of the first proper name in a source: "Rep. Elijah Cummings of
    Maryland, the panel's ranking Democrat" -> "cummings"."""
    for m in _CAPITALISED_RUN.finditer(text):
        ws = [re.sub(r"['’]s$", "", w).rstrip(".") for w in m.group().split()]
        ws = [w.lower() for w in ws if w and w.lower() not in STOP]
        if ws:
            return ws[-1]
    return None


def named_tokens(doc: Document) -> set[str]:
    """Surnames (head_surname) of the article's annotated sources that are names."""
    return {head_surname(s.text) for a in doc.attributions for s in a.source
            if source_type(s.text) == "name"} - {None}


def speaker_rules(pred: dict, sources: list[Span], doc: Document, named: set[str]) -> set[str]:
    """The rules that say the predicted speaker is right for a gold item with ``sources``."""
    fired = set()
    m = pred.get("speaker_mention")
    if isinstance(m, dict) and isinstance(m.get("start"), int) and isinstance(m.get("end"), int):
        if any(min(m["end"], s.end) > max(m["start"], s.start) for s in sources):
            fired.add("mention")
    toks = name_tokens(pred.get("speaker"))
    if toks and any(t in set(name_tokens(s.text)) for s in sources for t in toks):
        fired.add("name")
    if toks and all(source_type(s.text) != "name" for s in sources):
        given = set(toks[:-1])
        for s in sources:
            ws = linked_name(doc, s, named)
            if ws and ws[-1].lower() == toks[-1]:
                names = {w.lower() for w in ws[:-1]}
                if not (given and names and not names & given):
                    fired.add("linked")
                    break
    return fired


# ---------------------------------------------------------------- scoring
@dataclass
class Pair:
    """A prediction matched at 0.3 to a gold item, with the speaker judgement."""

    file: str
    pred: int
    gold: int
    overlap: float
    judged: bool  # the gold item has a source
    rules: set[str] = field(default_factory=set)

    @property
    def right(self) -> bool:
        return bool(self.rules)


@dataclass
class Scored:
    """The figures of one unit (quotes or claims) and what they were computed from."""

    unit: str
    figures: dict
    golds: dict[str, list]  # NAME.txt -> gold items (GoldQuote or Attribution)
    preds: dict[str, list[dict]]
    matches: dict[float, dict[str, dict[int, tuple[int, float]]]]
    pairs: list[Pair]


def _gold_pieces(item, text: str) -> list[tuple[int, int]]:
    if isinstance(item, GoldQuote):
        return [(item.start, item.end)]
    pieces = (trim(text, s, e) for s, e in item.pieces)
    return sorted((s, e) for s, e in pieces if e > s)


def score_unit(unit: str, docs: list[Document], golds: dict, preds: dict, gold_kind) -> Scored:
    """P/R/F1 at each threshold, recall by gold kind, precision by predicted kind, speaker
    accuracy (by rule, sieve and gold source type) and end-to-end F1."""
    n_gold = sum(len(golds[d.name]) for d in docs)
    n_pred = sum(len(preds[d.name]) for d in docs)
    fig: dict = {f"gold_{unit}": n_gold, "files": len(docs), "predictions": n_pred}
    matches = {}
    for thr in THRESHOLDS:
        m = matches[thr] = {}
        by_kind, hit_kind = collections.Counter(), collections.Counter()
        for d in docs:
            pieces = [_gold_pieces(g, d.text) for g in golds[d.name]]
            m[d.name] = match([p["span"] for p in preds[d.name]], pieces, thr)
            hit = {j for j, _ in m[d.name].values()}
            for j, g in enumerate(golds[d.name]):
                by_kind[gold_kind(g)] += 1
                hit_kind[gold_kind(g)] += j in hit
        res = prf(sum(len(x) for x in m.values()), n_pred, n_gold)
        res["recall_by_gold_kind"] = {k: round(hit_kind[k] / by_kind[k], 4) for k in sorted(by_kind)}
        kinds, hits = collections.Counter(), collections.Counter()
        for d in docs:
            for i, p in enumerate(preds[d.name]):
                k = p.get("kind") or "?"
                kinds[k] += 1
                hits[k] += i in m[d.name]
        res["precision_by_pred_kind"] = {k: round(hits[k] / kinds[k], 4) for k in sorted(kinds)}
        fig[f"{unit}@{thr}"] = res

    pairs = []
    for d in docs:
        named = named_tokens(d)
        for i, (j, ov) in sorted(matches[0.3][d.name].items()):
            g = golds[d.name][j]
            pair = Pair(d.name, i, j, ov, bool(g.source))
            if g.source:
                pair.rules = speaker_rules(preds[d.name][i], g.source, d, named)
            pairs.append(pair)
    judged = [p for p in pairs if p.judged]
    rate = lambda n, of: round(n / of, 4) if of else 0.0
    fires = collections.Counter(r for p in judged for r in p.rules)
    only = collections.Counter(next(iter(p.rules)) for p in judged if len(p.rules) == 1)
    by_sieve, by_source = collections.defaultdict(collections.Counter), collections.defaultdict(collections.Counter)
    for p in judged:
        pred, g = preds[p.file][p.pred], golds[p.file][p.gold]
        for table, key in ((by_sieve, str(pred.get("sieve") or "(none)")),
                           (by_source, max((source_type(s.text) for s in g.source), key=("name", "description", "pronoun").index))):
            table[key]["judged"] += 1
            table[key]["right"] += p.right
            table[key]["canonical"] += bool(p.rules & {"name", "linked"})
    breakdown = lambda t: {k: {"judged": c["judged"], "accuracy": rate(c["right"], c["judged"]),
                               "canonical_name": rate(c["canonical"], c["judged"])}
                           for k, c in sorted(t.items(), key=lambda kv: -kv[1]["judged"])}
    right = sum(p.right for p in judged)
    fig["speaker@0.3"] = {
        "matched_pairs": len(pairs), "judged": len(judged), "gold_without_source": len(pairs) - len(judged),
        "rules": {r: {"fires": fires[r], "only": only[r], "rate": rate(fires[r], len(judged))}
                  for r in ("mention", "name", "linked")},
        "accuracy": rate(right, len(judged)),
        "accuracy_canonical_name": rate(sum(bool(p.rules & {"name", "linked"}) for p in judged), len(judged)),
        "by_sieve": breakdown(by_sieve), "by_gold_source": breakdown(by_source)}
    n_gold_src = sum(1 for d in docs for g in golds[d.name] if g.source)
    fig["end_to_end@0.3"] = prf(right, n_pred - (len(pairs) - len(judged)), n_gold_src)
    return Scored(unit, fig, golds, preds, matches, pairs)


def score_quotes(docs: list[Document], rows: list[dict]) -> Scored:
    """Direct quotes: predictions of kind direct/mixed against the gold quoted segments."""
    preds, notes = prepare(docs, rows, keep_indirect=False)
    golds = {d.name: d.quotes for d in docs}
    s = score_unit("quotes", docs, golds, preds, lambda g: g.kind)
    s.figures.update(sorted(notes.items()))
    return s


def score_claims(docs: list[Document], rows: list[dict]) -> Scored:
    """Claims: every prediction against every attribution with a content; recall split by
    whether the content has quote marks ("direct") or not ("indirect")."""
    preds, notes = prepare(docs, rows, keep_indirect=True)
    golds = {d.name: [a for a in d.attributions if _gold_pieces(a, d.text)] for d in docs}
    s = score_unit("claims", docs, golds, preds, lambda a: "direct" if a.direct else "indirect")
    s.figures.update(sorted(notes.items()))
    without = sum(len(d.attributions) - len(golds[d.name]) for d in docs)
    if without:
        s.figures["gold_without_content"] = without
    return s
