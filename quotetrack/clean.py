"""Cleaning an article for parsing without moving a single offset.

Every change replaces characters one for one (by spaces, a newline pair by two spaces, a
dash by an em dash, a no-break space by a space), so an index into the cleaned text is an
index into the original text:

- editorial notes such as ``[For background see the Eurasia Insight archive]`` are blanked;
- embedded markup such as ``<tweet tweet-id="...">`` is blanked, attribute values included,
  so they are neither parsed nor taken for quotes;
- a ``---`` header is blanked but for the words of its ``# Title`` line, which is parsed as
  a headline like the first line of a text without a header;
- a wire service's dateline opening one of the body's first paragraphs (``WASHINGTON, Dec.
  8 (Reuters) —``) is blanked: it names where and through whom the story came, not who said
  anything;
- a nickname between a first name and a surname (``Robert "Bobby" Scott``) is blanked, marks
  and all: it is part of a name, not a quote;
- a run of 200 or more characters without a space (a data blob, a row of brackets) is blanked
  but for the quote marks at its ends: no word is that long, and spaCy's tokenizer takes time
  quadratic in a token's length;
- a Windows line end (``\r\n``) reads as a space and a line break, and an old Mac one
  (``\r``) as a line break, so paragraphs are found whatever the line ends;
- emoji are blanked: the tagger takes "🇺🇸" after "Joe Biden" for part of the name;
- a paragraph break inside a sentence ("the disputed\\n\\nterritory") is joined;
- a horizontal bar or figure dash used as a dash (``―``, ``‒``) reads as an em dash, which the
  tagger knows (it takes ``―`` for a noun, even a sentence's subject), and a no-break space
  as a space (the tokenizer makes it a token of its own, splitting "Sen. Bernie Sanders").
"""
from __future__ import annotations

import re

from .lexicon import gazetteer
from .reader import header_title
from .people import NOT_NAMES, first_name_gender
from .quotemarks import ALL_MARKS

_NOTE = re.compile(r"\[(?:for (?:background|more)|see also|editor'?s note|photo|video|audio|click|read more)[^\]\n]{0,300}\]", re.I)
# a double-quoted attribute value may hold a line break (tweet-date="January 19, 2016\n")
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"<>]{0,300}\"|'[^'\n]*'|[^\s>\"']+))?)*\s*/?>")
_WIRE_DATELINE = re.compile(
    r"[ \t]*[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]*)*"   # the place, in capitals
    r"(?:,[ \t]+[A-Z][\w.'’]*(?:[ \t]+[\w.'’]+)?){0,3}"       # ", Mass.", ", Dec. 11"
    r"[ \t]*\((?P<agency>[A-Za-z][\w.&'’ -]{0,40})\)[ \t]*[-—–]{1,2}[ \t]*")
_NICKNAME = re.compile(r"\b([A-Z][a-z]+) ([\"“][A-Z][\w.'’-]*[\"”]) (?=([A-Z][a-z]+))")
_LONG_RUN = re.compile(r"(?<!\S)\S{200,}")
_AS_THE_TAGGER_KNOWS = str.maketrans("―‒\u00a0", "—— ")
_CARRIAGE_RETURN = re.compile(r"\r\n?")
_LINE_END = re.compile(r"[\r\n]")
# pictographs, flags (regional indicators and tag sequences), dingbats and their joiners
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0E\uFE0F\u200D\U000E0020-\U000E007F]")
_MIDSENTENCE_BREAK = re.compile(r"(?<=[a-z,])([ \t]*\n[ \t]*\n[ \t]*)(?=[a-z])")


def _blank(m: re.Match) -> str:
    return re.sub(r"[^\n]", " ", m.group())


def _blank_but_end_marks(m: re.Match) -> str:
    """The run blanked but for up to three quote marks at either end, which may open or close
    a quote around it."""
    run = m.group()
    lead = len(run) - len(run.lstrip(ALL_MARKS))
    trail = len(run) - len(run.rstrip(ALL_MARKS))
    lead, trail = min(lead, 3), min(trail, 3)
    return run[:lead] + " " * (len(run) - lead - trail) + run[len(run) - trail:]


def _nickname(m: re.Match) -> str:
    """A one-word quote between a first name and a surname, blanked; any other match as it is
    ("called Clinton "Crooked" Tuesday" keeps its quote)."""
    if not first_name_gender(m.group(1)) or m.group(3).lower() in NOT_NAMES:
        return m.group()
    return f"{m.group(1)} {' ' * len(m.group(2))} "


def clean(text: str, body_start: int = 0) -> str:
    """The text with notes and markup blanked and split sentences joined; same length.
    ``body_start``: where the body begins, after any header (a dateline opens the body)."""
    out = _CARRIAGE_RETURN.sub(lambda m: " \n" if m.group() == "\r\n" else "\n", text)
    out = _NOTE.sub(_blank, out)
    out = _TAG.sub(_blank, out)
    out = _LONG_RUN.sub(_blank_but_end_marks, out)
    out = _NICKNAME.sub(_nickname, out)
    out = _EMOJI.sub(" ", out)
    out = _MIDSENTENCE_BREAK.sub(lambda m: " " * len(m.group(1)), out)
    dateline = wire_dateline(text, body_start)  # after the joins: "Title\n\n(blank) iPhone maker" is no sentence
    if dateline:
        out = out[:dateline.start()] + " " * (dateline.end() - dateline.start()) + out[dateline.end():]
    out = out.translate(_AS_THE_TAGGER_KNOWS)
    if body_start:
        out = _blank_header(out, text, body_start)
    assert len(out) == len(text)
    return out


def _blank_header(out: str, text: str, body_start: int) -> str:
    """The header blanked but for its title's words and the line breaks, so the title is
    parsed, and read as a headline, as a first line without a header is."""
    title = header_title(text) or (0, 0)
    head = "".join(c if c == "\n" or title[0] <= i < title[1] else " " for i, c in enumerate(out[:body_start]))
    return head + out[body_start:]


def wire_dateline(text: str, start: int = 0) -> re.Match | None:
    """A wire dateline opening one of the first three paragraphs from ``start``
    ("WASHINGTON (AP) — ..."), its agency in the group "agency": a news organisation the
    gazetteer knows or a short name in capitals, not "JUAN GONZALEZ (voiceover) -"."""
    pos = start
    for _ in range(3):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        m = _WIRE_DATELINE.match(text, pos)
        if m and (re.fullmatch(r"[A-Z]{2,6}", m.group("agency")) or gazetteer().lookup(m.group("agency"))):
            return m
        line_end = _LINE_END.search(text, pos)  # "\r" too: old Mac line ends
        if line_end is None:
            return None
        pos = line_end.start()
    return None

