"""Headlines in title case, read as the sentences they are.

"Pence Endorses Paul Ryan With Trump's Blessing": the tagger takes every capitalised word
for a name, so the headline has no verb and no claim. The parser is given the headline in
sentence case instead ("Pence endorses Paul Ryan with Trump's Blessing"); only common words
are lowered (function words and the reporting and stance verbs), so names keep their
capitals, and the text keeps its length, so every offset still points into the article.
A headline opened by a label ("Rush Limbaugh: ...") is left as it is: the label names
the source, and a verb found in the rest would compete with it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from .claims import HEADLINE_LABEL, claim_verbs
from .lexicon import cues

WORD = re.compile(r"[A-Za-z][\w'’-]*")
TITLE_SHARE = 0.6  # a headline is in title case when this share of its words is capitalised


@lru_cache(maxsize=1)
def common_words() -> frozenset:
    found = cues()
    return frozenset(STOP_WORDS) | set(claim_verbs()) | set(found.verbs) | set(found.beliefs)


def sentence_case(text: str) -> str:
    """``text`` with its first line in sentence case when that line is a title-case headline."""
    lead = len(text) - len(text.lstrip())  # blank lines, or a header blanked, before it
    end = text.find("\n", lead)
    end = len(text) if end < 0 else end
    line = text[:end]
    words = list(WORD.finditer(line))
    if len(words) < 3 or sum(w.group()[0].isupper() for w in words) < TITLE_SHARE * len(words) \
            or HEADLINE_LABEL.match(line):
        return text
    common = common_words()
    out = list(line)
    for w in words[1:]:
        word, low = w.group(), w.group().lower()
        if word[0].isupper() and len(low) == len(word) and (low in common or low.rstrip("s") in common):
            out[w.start():w.end()] = low
    return "".join(out) + text[end:]
