"""Finding quoted spans in raw text, before any parsing.

Pairs quote marks by their type and their surroundings, in one pass over the text:
straight ``"`` and doubled ``''`` (as in some wire and newspaper archives), curly ``“ ”``,
low-high ``„ “`` / ``„ ”``, guillemets ``« »``, and single ``‘ ’`` and ``'`` (a ``’`` or
``'`` between letters or before a digit is an apostrophe, never a mark; the ``"`` of 6'3" is
inches; a straight ``"`` that can only close, with nothing open, is a stray mark). Marks
nested inside an open quote stay inside it; a paragraph may open with a wrongly curled ``”``. A quote that is still open at the end of its
paragraph is closed there and flagged ``unclosed``, unless the next paragraph reopens with
a mark of the same kind (the multi-paragraph convention), in which case the piece is
flagged ``continues`` and the next piece ``continued``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

DOUBLE_OPEN = "“„"
DOUBLE_CLOSE = "”"
GUILLEMETS = "«»"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
ALL_MARKS = '"“”„«»‘’\''
_MARK_RE = re.compile("''|[\"“”„«»‘’']")
_OPENERS_BEFORE = set(" \t\n\r([{—–-/\u00a0" + ALL_MARKS)
_CLOSERS_AFTER = set(" \t\n\r)]}.,;:!?—–-/…\u00a0" + ALL_MARKS)


@dataclass
class QuoteSpan:
    """The text between an opening mark and its closing mark (marks excluded)."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when recovered at a paragraph end
    mark: str  # the opening mark character
    flags: list[str] = field(default_factory=list)


_SENTENCE_END = tuple('.!?:"”’)]…')


def line_breaks_paragraphs(text: str) -> bool:
    """Does a single line break end a paragraph? Yes in a text without blank lines, and in one
    whose lines, blank lines or not, end where sentences end (one paragraph per line); no in
    a hard-wrapped text, whose lines end mid-sentence."""
    if not re.search(r"\n[ \t\r]*\n", text):
        return True
    lines = text.split("\n")
    ends = [line.rstrip() for line, nxt in zip(lines, lines[1:]) if line.strip() and nxt.strip()]
    return len(ends) >= 2 and sum(e.endswith(_SENTENCE_END) for e in ends) >= 0.8 * len(ends)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blank lines separate paragraphs, and so do single line
    breaks where ``line_breaks_paragraphs`` says so."""
    sep = re.compile(r"\n\s*" if line_breaks_paragraphs(text) else r"\n[ \t\r\f\v\u00a0]*\n\s*")
    out, pos = [], 0
    for m in sep.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _kind(ch: str) -> str:
    if ch in "‘’'":
        return "single"
    if ch in GUILLEMETS:
        return "guillemet"
    return "double"


def _is_apostrophe(text: str, i: int) -> bool:
    left = text[i - 1] if i > 0 else " "
    right = text[i + 1] if i + 1 < len(text) else " "
    if text[i] != "‘" and left.isalnum() and right.isalnum():
        return True  # don’t, Putin’s, rock’n’roll
    if _ELIDED_YEAR.match(text, i + 1) and not left.isalnum():
        return True  # ’90s, '07 (also the wrongly curled ‘90s); never '2008
    if right in "nN" and text[i + 2:i + 3] in ("’", "'") and not left.isalnum():
        return True  # the first mark of rock ’n’ roll
    if left in "nN" and i >= 2 and text[i - 2] in "‘’'" and not right.isalnum() \
            and (i < 3 or not text[i - 3].isalnum()):
        return True  # its second mark
    return False


def _plural_possessive(text: str, i: int, p_end: int) -> bool:
    """Is the mark inside an open single quote the apostrophe of a plural possessive ('The
    workers' offer is fair,' she said)? It is when a word goes on after it and the next mark
    closes rather than opens ('the workers' and left. She said 'fine' has one that opens)."""
    if not _after_s_before_a_word(text, i):
        return False
    for m in _MARK_RE.finditer(text, i + 1, p_end):
        j = m.start()
        if _kind(m.group()) != "single" or _is_apostrophe(text, j) or _after_s_before_a_word(text, j):
            continue  # another possessive ("'The Simpsons' as a child, her parents' friends said")
        return not text[j - 1].isspace()
    return False


def _after_s_before_a_word(text: str, i: int) -> bool:
    return text[i - 1:i] in ("s", "S") and re.match(r" [a-z0-9]", text[i + 1:i + 3]) is not None


_ELIDED_YEAR = re.compile(r"\d\d(?!\d)")
_FEET_INCHES = re.compile(r"(?<![\w.])\d['’]\d{1,2}$")


def _opens_paragraph(text: str, p_start: int, i: int) -> bool:
    """Is ``i`` the paragraph's first visible character (invisible format marks aside)?"""
    return all(unicodedata.category(c) == "Cf" for c in text[p_start:i])


def scan(text: str) -> list[QuoteSpan]:
    """All outermost quoted spans of ``text``, in order. Never raises; linear in len(text)."""
    spans: list[QuoteSpan] = []
    pending_continue = None  # kind of a quote that ran over the previous paragraph end
    for p_start, p_end in paragraphs(text):
        pending_continue = _scan_paragraph(text, p_start, p_end, spans, pending_continue)
    return spans


def _scan_paragraph(text, p_start, p_end, spans, continued_kind):
    """Scan one paragraph into ``spans``; -> the kind of a quote that runs on, or None.

    A straight ``'`` that opens a quote is tentative: when it is still open at the paragraph
    end it was an apostrophe after all ('Nam, 'til, 'em), so it is dropped and the quotes
    closed inside it are kept as if it had never opened.
    """
    stack: list[tuple[str, int, str, int]] = []  # (kind, mark offset, char, content start)
    counts = {"single": 0, "double": 0, "guillemet": 0}  # open marks of each kind in the stack
    firm = 0  # open marks in the stack that are not tentative
    candidates: list[QuoteSpan] = []  # closed while only tentative marks stayed open
    # the offset of a mark that reopens the quote the previous paragraph left open
    reopen_at = p_start if continued_kind and text[p_start:p_start + 1] in ALL_MARKS \
        and _kind(text[p_start]) == continued_kind else -1

    def tentative(entry) -> bool:
        return entry[2] == "'" and entry[1] != reopen_at

    def push(entry):
        nonlocal firm
        stack.append(entry)
        counts[entry[0]] += 1
        firm += not tentative(entry)

    def pop():
        nonlocal firm
        entry = stack.pop()
        counts[entry[0]] -= 1
        firm -= not tentative(entry)
        return entry

    for m in _MARK_RE.finditer(text, p_start, p_end):
        i, ch = m.start(), m.group()
        if ch == "''":
            ch = '"'  # a doubled apostrophe is a straight double quote mark
        if ch in '"”' and _FEET_INCHES.search(text, max(p_start, i - 4), i):
            continue  # 6'3", 5’2”: inches, not a mark
        left = text[i - 1] if i > p_start else " "
        right = text[m.end()] if m.end() < p_end else " "
        can_open = left in _OPENERS_BEFORE and not right.isspace()
        can_close = right in _CLOSERS_AFTER and not left.isspace()
        kind = _kind(ch)
        if kind == "single":
            if _is_apostrophe(text, i) or counts["single"] and _plural_possessive(text, i, p_end):
                continue
            if counts["single"] and ch in "’'" and (can_close or not can_open):
                while stack and stack[-1][0] != "single":
                    pop()
                action = "close"
            elif can_open and ch in "‘'" or (ch == "’" and can_open and not can_close and not stack):
                action = "open"
            else:
                continue
        elif kind == "guillemet":
            if ch == "«":
                action = "open" if can_open or not can_close else None
            else:
                action = "close" if counts["guillemet"] else None
            if action is None:
                continue
        else:  # double
            open_double = counts["double"] > 0
            if ch in DOUBLE_OPEN and ch != "“":
                action = "open"  # „
            elif ch == "“":
                low_open = bool(stack) and stack[-1][2] == "„"
                action = "close" if open_double and (low_open or (can_close and not can_open)) else "open"
            elif ch == "”":
                action = "close" if open_double else (
                    "open" if can_open and not can_close or _opens_paragraph(text, p_start, i)
                    and "”" in text[m.end():p_end]
                    else None)  # a paragraph may open with a wrongly curled ”
            else:  # straight "
                if open_double and (can_close or not can_open):
                    action = "close"
                elif can_open or not stack and not can_close:
                    action = "open"
                else:
                    action = "close" if open_double else None
            if action is None:
                continue
            if action == "close":
                while stack and stack[-1][0] != "double":
                    pop()  # unclosed singles inside were apostrophes or typos
        if action == "open":
            push((kind, i, ch, m.end()))
            continue
        # close: pop to the matching open mark
        while stack and stack[-1][0] != kind:
            pop()
        if not stack:
            continue
        _, o, och, c = pop()
        if not stack:
            span = _span(text, c, i, o, i, och)
            if o == reopen_at:
                span.flags.append("continued")
            if span.end > span.start:  # “” quotes nothing
                spans.append(span)
            candidates.clear()  # they were nested inside this quote
        elif not firm:
            while candidates and candidates[-1].open_mark > o:
                candidates.pop()  # nested inside this one
            candidates.append(_span(text, c, i, o, i, och))
    if not stack:
        return None
    first_firm = next((k for k, entry in enumerate(stack) if not tentative(entry)), None)
    if first_firm != 0 and not (first_firm is None and _next_paragraph_opens(text, p_end, "single")):
        spans.extend(candidates)  # the tentative marks below them were apostrophes
        if first_firm is None:
            return None
    kind, o, och, c = stack[first_firm or 0]
    end = p_end
    while end > c and text[end - 1].isspace():
        end -= 1
    span = _span(text, c, end, o, None, och)
    if o == reopen_at:
        span.flags.append("continued")
    nxt = _next_paragraph_opens(text, p_end, kind)
    span.flags.append("continues" if nxt else "unclosed")
    if span.end > span.start:
        spans.append(span)
    return kind if nxt else None


def _span(text: str, start: int, end: int, open_mark: int, close_mark: int | None, mark: str) -> QuoteSpan:
    """A span without the spaces just inside its marks (« oui »)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, open_mark, close_mark, mark)


def _next_paragraph_opens(text: str, p_end: int, kind: str) -> bool:
    """Does the paragraph after ``p_end`` begin with an opening mark of ``kind``?"""
    i = p_end
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    if i >= n or i == p_end:
        return False
    ch = text[i]
    return ch in ALL_MARKS and _kind(ch) == kind and ch not in "”»’"
