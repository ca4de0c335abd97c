"""Properties of the quote scanner for any text, and of the offsets stored in the database."""
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotetrack import quotemarks
from quotetrack.clean import clean
from quotetrack.quotemarks import ALL_MARKS, scan

from .test_ingest import query

# Text dense in what the scanner looks at: every quote mark, apostrophe contexts, paragraph breaks.
pieces = st.sampled_from(list(ALL_MARKS) + ["''", "a", "Bo", "9", " ", "\n", "\n\n", ".", ",", "—", "(", ")",
                                            "\u00a0", "\r\n", "\t"])
texts = st.one_of(st.lists(pieces, max_size=200).map("".join), st.text(max_size=300))


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_spans_lie_inside_the_text_between_their_marks_and_never_partly_overlap(text):
    spans = scan(text)
    for s in spans:
        assert 0 <= s.open_mark < s.start <= s.end <= len(text)
        assert text[s.open_mark] == s.mark or text[s.open_mark:s.open_mark + 2] == "''"
        assert s.mark in ALL_MARKS
        # the mark, then at most white space (any Unicode space) or the second ' of ''
        assert all(c.isspace() or c == "'" for c in text[s.open_mark + 1:s.start])
        if s.close_mark is not None:
            assert s.end <= s.close_mark < len(text) and text[s.close_mark] in ALL_MARKS
            assert text[s.end:s.close_mark].strip() == ""
    for a, b in zip(spans, spans[1:]):
        assert a.open_mark < b.open_mark
        assert (a.close_mark if a.close_mark is not None else a.end) <= b.open_mark  # outermost only


@settings(max_examples=300, deadline=None)
@given(texts)
def test_cleaning_keeps_every_offset(text):
    assert len(clean(text)) == len(text)


def lines_run(text):
    """Lines of the scanner's own code run while scanning ``text``: a count, not a clock."""
    n = 0
    code_file = quotemarks.__file__

    def tracer(frame, event, arg):
        nonlocal n
        if frame.f_code.co_filename != code_file:
            return None
        if event == "line":
            n += 1
        return tracer

    sys.settrace(tracer)
    try:
        scan(text)
    finally:
        sys.settrace(None)
    return n


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(pieces, min_size=1, max_size=40).map("".join))
def test_work_grows_linearly_with_the_text(unit):
    """Eight times the text costs about eight times the work (a quadratic scanner: sixty-four)."""
    small, large = lines_run(unit * 40), lines_run(unit * 320)
    assert large <= 8 * small * 1.25 + 200


ADVERSARIAL = {
    "10,000 unclosed openers": "\u201cword " * 10_000,
    "closers without openers": "word\u201d " * 10_000,
    "openers then single closers": "\u201ca " * 5_000 + "a\u2019 " * 5_000,
    "guillemets then singles": "\u00aba " * 5_000 + "a' " * 5_000,
    "straight marks in one paragraph": 'He said " and ' * 10_000,
    "nested alternation": "\u201c\u2018\u00ab\u201e" * 5_000,
}


def test_adversarial_texts_cost_linear_work():
    for name, text in ADVERSARIAL.items():
        eighth = text[:len(text) // 8]
        assert lines_run(text) <= 8 * lines_run(eighth) * 1.25 + 200, name


def test_every_stored_quote_slices_from_its_stored_article(cross_db):
    rows = query(cross_db, 'SELECT a.text, q.start, q."end", q.text, q.mention_start, q.mention_end, '
                           "q.mention_text, q.cue_start, q.cue_end, q.cue_text FROM quote q "
                           "JOIN article a ON a.id = q.article_id")
    assert len(rows) > 10
    for text, s, e, quote, ms, me, mention, cs, ce, cue in rows:
        assert text[s:e] == quote
        assert mention is None or text[ms:me] == mention
        assert cue is None or text[cs:ce] == cue
