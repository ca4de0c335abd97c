"""From articles to attributed quotes: cleaning, scanning, parsing, attribution.

``Extractor.extract_many`` spreads articles over worker processes, each loading the spaCy
pipeline once and sending back only the small ``Quote`` records, never parsed documents.
"""
from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import re
import signal
import sys
from typing import Iterable, Iterator

from . import nlp as nlp_mod
from .attribution import ArticleParse, Attributor
from .claims import find_claims, voice_quotes
from .clean import clean
from .quotemarks import paragraphs, scan
from .errors import ExtractError
from .headline import sentence_case
from .lexicon import gazetteer
from .reader import article_from_text, half_character
from .records import Article, Quote

# Longer texts are parsed in parts that end at paragraph breaks (sentences never cross a
# paragraph break, so this costs no accuracy) to keep the memory of a parse batch bounded.
PART_CHARS = 10_000
HIDDEN_FLAGS = {"scare", "title"}
# marked text that nobody said: a transcript's stage direction ("(CROSSTALK)", "[APPLAUSE]"),
# a byline's sign-off ("Follow Pam Key on Twitter @pamkeyNEN")
NOT_SPOKEN = re.compile(r"[(\[][A-Z][A-Z .-]*[)\]]\.?|Follow [^\n]{1,60} on Twitter,? @\w+\.?")


def _says_something(text: str) -> bool:
    """Quoted text with a word or a number in it that is not a stage direction or a sign-off;
    marks around marks ("“‘’”") are no quote."""
    return any(ch.isalnum() for ch in text) and not NOT_SPOKEN.fullmatch(text.strip())


def parts(text: str, limit: int = PART_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces of at most ``limit`` characters, cut at paragraph ends when possible."""
    out, start = [], 0
    n = len(text)
    while n - start > limit:
        cut = text.rfind("\n", start + limit // 2, start + limit)
        if cut <= start:
            cut = text.rfind(" ", start + limit // 2, start + limit)
        cut = cut + 1 if cut > start else start + limit
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


class Extractor:
    """Finds and attributes the quotes of articles with one loaded spaCy pipeline."""

    def __init__(self, model: str | None = None, *, show_all: bool = False, batch_size: int = 16,
                 claims: bool = True):
        self.model = model
        self.show_all = show_all
        self.claims = claims  # also reported speech without quote marks (kind "indirect")
        self.batch_size = batch_size
        self._nlp = None

    @property
    def nlp(self):
        if self._nlp is None:
            gazetteer()  # a bad $QUOTETRACK_OUTLETS stops the run here, not article by article
            self._nlp = nlp_mod.load(self.model)
        return self._nlp

    def extract(self, article: Article | str) -> list[Quote]:
        """The quotes and claims of one article; a string is read as a file's text would be
        (a header, or a first line that is the title; a leading byte order mark dropped, so
        offsets index the string without it)."""
        if isinstance(article, str):
            article = article_from_text(article)
        result = next(self._run([article]))[1]
        if isinstance(result, ExtractError):
            raise result
        return result

    def extract_many(self, articles: Iterable[Article], workers: int = 1,
                     batch_size: int | None = None) -> Iterator[tuple[Article, list[Quote]]]:
        """(article, quotes) for every article, in order; ``workers`` processes parse in parallel.

        When attribution fails on an article, its ``quotes`` is the ``ExtractError`` instead.
        """
        batch_size = batch_size or self.batch_size
        workers = min(workers, os.cpu_count() or 1)  # each loads its own model: more only cost memory
        if workers <= 1:
            yield from self._run(articles, batch_size)
            return
        self.nlp  # fail here, in the parent, with a clear message if the model is missing
        ctx = mp.get_context("spawn" if os.name == "nt" else "fork")
        chunk = []
        init = (self.model, self.show_all, batch_size, self.claims, os.getpid())
        with ctx.Pool(workers, initializer=_init_worker, initargs=init) as pool:
            pending = []
            for art in articles:
                chunk.append(art)
                if len(chunk) >= batch_size:
                    pending.append((chunk, pool.apply_async(_work, (chunk,))))
                    chunk = []
                    while len(pending) > workers * 2:
                        done_chunk, res = pending.pop(0)
                        yield from zip(done_chunk, res.get())
            if chunk:
                pending.append((chunk, pool.apply_async(_work, (chunk,))))
            for done_chunk, res in pending:
                yield from zip(done_chunk, res.get())

    def _run(self, articles: Iterable[Article], batch_size: int | None = None):
        """Parse in batches with ``nlp.pipe`` and attribute each article as its parts arrive."""
        def units():
            for art in articles:
                problem = _unparsable(art.text)
                if problem:  # an empty stand-in keeps its place in the batch
                    yield "", (art, None, 0, True, problem)
                    continue
                cleaned = clean(art.text, art.body_start)
                pieces = parts(cleaned)
                for k, (s, e) in enumerate(pieces):
                    piece = sentence_case(cleaned[s:e]) if k == 0 else cleaned[s:e]
                    yield piece, (art, cleaned, s, k == len(pieces) - 1, None)

        docs = []
        for doc, (art, cleaned, offset, last, problem) in self.nlp.pipe(units(), as_tuples=True,
                                                                        batch_size=batch_size or self.batch_size):
            docs.append((offset, doc))
            if last:
                if problem:
                    result = ExtractError(art.path or "<text>", problem)
                else:
                    try:
                        result = self._attribute(art, cleaned, docs)
                    except Exception as exc:  # one article's failure must not stop the batch
                        result = ExtractError(art.path or "<text>", f"{type(exc).__name__}: {exc}")
                yield art, result
                docs = []

    def _attribute(self, article: Article, cleaned: str, docs) -> list[Quote]:
        spans = [s for s in scan(cleaned) if _says_something(cleaned[s.start:s.end])]
        parse = ArticleParse(article, docs, spans, cleaned)
        attributor = Attributor(parse, paragraphs(cleaned))
        found = attributor.backfill([attributor.attribute(span) for span in spans])
        if not self.claims:
            return [q for q in found if self.show_all or not HIDDEN_FLAGS & set(q.flags)]
        claims, restating = find_claims(parse, attributor, [q for q in found if not HIDDEN_FLAGS & set(q.flags)])
        absorbed = {id(c) for c in voice_quotes(found, claims + restating)}
        claims = [c for c in claims if id(c) not in absorbed]
        quotes = [q for q in found if self.show_all or not HIDDEN_FLAGS & set(q.flags)]
        return sorted(quotes + claims, key=lambda q: (q.start, q.end))


def _unparsable(text) -> str | None:
    """Why a text cannot be parsed at all ("half of a character": a lone UTF-16 surrogate,
    which a JSON string can carry), or None."""
    if not isinstance(text, str):
        return f"the text is {type(text).__name__}, not a string"
    bad = half_character(text)
    return f"the text holds {bad}, half of a character" if bad else None


_worker: Extractor | None = None


def _init_worker(model, show_all, batch_size, claims=True, parent=None):
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it ends the pool
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # how the pool ends a worker
    _die_with_parent(parent)
    _worker = Extractor(model, show_all=show_all, batch_size=batch_size, claims=claims)
    _worker.nlp


PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int | None) -> None:
    """Ask Linux to end this worker when the parent dies (``kill -9`` gives it no time to end
    the pool), rather than leave it to fail on a broken pipe; a parent gone before the request
    took effect ends it at once."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            return
        if parent is not None and os.getppid() != parent:
            os._exit(0)


def _work(chunk: list[Article]) -> list[list[Quote]]:
    return [quotes for _, quotes in _worker._run(chunk)]
