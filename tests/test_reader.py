"""Reading articles: header, dates, decoding, and cleaning that never moves an offset."""
import re

import pytest

from quotetrack.clean import clean
from quotetrack.errors import ReadError
from quotetrack.reader import article_from_text, decode, parse_date, read_article

from .conftest import SEED

HEADER = "---\n# {title}\n{author}\n{outlet}\n{date}\n---\n\n{body}"
SEED_LIKE_BODY = "Talks were held on March 27-28. A law in force from April 1, 2007 changed it.\n"


def meta(a):
    return (a.title, a.author, a.outlet, a.place, a.date, a.date_raw)


# ---------------------------------------------------------------------- header
@pytest.mark.parametrize("text, expected", [
    (HEADER.format(title="Talks Resume.", author="Jane Doe", outlet="The Planet, Metropolis",
                   date="2/4/2007", body=SEED_LIKE_BODY),
     ("Talks Resume", "Jane Doe", "The Planet", "Metropolis", "2007-04-02", "2/4/2007")),
    (HEADER.format(title="Talks Resume", author="Jane Doe", outlet="Reuters, Moscow, Russia",
                   date="April 2, 2007", body="Body.\n"),
     ("Talks Resume", "Jane Doe", "Reuters", "Moscow, Russia", "2007-04-02", "April 2, 2007")),
    (HEADER.format(title="Talks Resume", author="Jane Doe", outlet="Reuters",
                   date="2007-04-02", body="Body.\n"),
     ("Talks Resume", "Jane Doe", "Reuters", None, "2007-04-02", "2007-04-02")),
    # the date line may come anywhere in the header
    ("---\n# Talks Resume\n2007-04-02\nJane Doe\nReuters, Moscow\n---\nBody.\n",
     ("Talks Resume", "Jane Doe", "Reuters", "Moscow", "2007-04-02", "2007-04-02")),
    # an unreadable date keeps its raw value
    (HEADER.format(title="T", author="Jane Doe", outlet="Reuters, Moscow", date="31/31/2007", body="B.\n"),
     ("T", "Jane Doe", "Reuters", "Moscow", None, "31/31/2007")),
    (HEADER.format(title="T", author="Jane Doe", outlet="Reuters, Moscow", date="sometime in spring", body="B.\n"),
     ("T", "Jane Doe", "Reuters", "Moscow", None, "sometime in spring")),
    # CRLF line ends
    ("---\r\n# Talks Resume\r\nJane Doe\r\nReuters, Moscow\r\n2007-04-02\r\n---\r\nBody.\r\n",
     ("Talks Resume", "Jane Doe", "Reuters", "Moscow", "2007-04-02", "2007-04-02")),
    # no header: the first non-empty line is the title, nothing else is invented
    ("\n\nTalks Resume In Moscow\nThe body starts here.\n",
     ("Talks Resume In Moscow", None, None, None, None, None)),
    ("A title line\n---\nnot a header\n---\n", ("A title line", None, None, None, None, None)),
])
def test_header(text, expected):
    assert meta(article_from_text(text, "a.txt")) == expected


@pytest.mark.parametrize("first_line, title", [
    ("x" * 200, "x" * 200),                                   # headline length: whole
    ("Talks resume, " * 20, ("Talks resume, " * 14).rstrip(" ,") + "…"),  # whole words, no comma before …
    ("x" * 5000, "x" * 200 + "…"),                            # one long word is cut
])
def test_a_first_line_that_is_a_paragraph_gives_a_headline_length_title(first_line, title):
    a = article_from_text(first_line + "\n\nBody.\n", "a.txt")
    assert a.title == title and a.text.startswith(first_line)


def test_a_text_on_one_line_is_not_repeated_as_every_record_s_title(tmp_path):
    import json

    from click.testing import CliRunner

    from quotetrack.cli import main

    f = tmp_path / "one-line.txt"
    f.write_text('Trump said "yes." ' * 300, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(f), "--no-claims", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 300 and {r["text"] for r in rows} == {"yes."}
    assert rows[0]["article"]["title"] == ('Trump said "yes." ' * 11).strip() + "…"


def test_header_offsets_and_outlet_override():
    text = HEADER.format(title="T", author="Jane Doe", outlet="Reuters, Moscow", date="2007-04-02", body="Body.\n")
    a = article_from_text(text, "a.txt", outlet="The Daily Planet")
    assert a.outlet == "The Daily Planet" and a.place == "Moscow"
    assert a.text == text  # kept exactly: offsets index the whole file
    assert text[a.body_start:].lstrip() == "Body.\n"
    assert article_from_text("Title\n\nBody.\n").body_start == 0


def test_seed_header():
    a = read_article(SEED)
    assert meta(a) == ("Russia Moves To Repair Ties With Azerbaijan", "Sergei Blagov", "EurasiaNet", "NY",
                       "2007-04-02", "2/4/2007")


# ---------------------------------------------------------------------- dates
@pytest.mark.parametrize("raw, order, body, expected", [
    # the body decides an ambiguous date: published on or after the events it reports
    ("2/4/2007", "auto", SEED_LIKE_BODY, "2007-04-02"),
    ("4/2/2007", "auto", SEED_LIKE_BODY, "2007-04-02"),
    ("2/4/2007", "auto", "It happened on January 15.", "2007-02-04"),
    ("2/4/2007", "auto", "", "2007-02-04"),  # nothing to decide: month first
    ("13/4/2007", "auto", "", "2007-04-13"),  # only one reading is a date
    ("2/4/07", "auto", "", "2007-02-04"),
    # an explicit order wins over the body
    ("2/4/2007", "mdy", SEED_LIKE_BODY, "2007-02-04"),
    ("2/4/2007", "dmy", "", "2007-04-02"),
    ("13/4/2007", "mdy", "", None),
    ("07/4/2", "ymd", "", "2007-04-02"),
    ("2007/4/2", "dmy", "", "2007-04-02"),  # a leading four-digit year is always y/m/d
    # ISO and written dates
    ("2007-04-02", "auto", "", "2007-04-02"),
    ("2007-04-02T10:30:00Z", "auto", "", "2007-04-02"),
    ("April 2, 2007", "auto", "", "2007-04-02"),
    ("Apr. 2, 2007", "auto", "", "2007-04-02"),
    ("Monday, April 2, 2007", "auto", "", "2007-04-02"),
    ("2 April 2007", "auto", "", "2007-04-02"),
    # not dates, or incomplete ones: None, never a guess
    ("2/30/2007", "auto", "", None),
    ("2007-02-30", "auto", "", None),
    ("0000-01-01", "auto", "", None),  # a four-digit year is that year: there is no year 0
    ("February 30, 2007", "auto", "", None),
    ("April 2007", "auto", "", None),
    ("April 2", "auto", "", None),
    ("yesterday", "auto", "", None),
    ("", "auto", "", None),
    (None, "auto", "", None),
])
def test_parse_date(raw, order, body, expected):
    assert parse_date(raw, order, body) == expected


def test_date_order_is_checked():
    with pytest.raises(ValueError, match="auto, mdy, dmy, ymd"):
        parse_date("2/4/2007", "dym")


@pytest.mark.parametrize("order, expected", [("auto", "2007-04-02"), ("mdy", "2007-02-04"), ("dmy", "2007-04-02")])
def test_date_order_option(order, expected):
    text = HEADER.format(title="T", author="A", outlet="O, P", date="2/4/2007", body=SEED_LIKE_BODY)
    a = article_from_text(text, "a.txt", date_order=order)
    assert (a.date, a.date_raw) == (expected, "2/4/2007")


# ---------------------------------------------------------------------- decoding
SAMPLE = "Le président a déclaré: « l’été sera très chaud » à Montréal, où les élèves étaient déçus."


@pytest.mark.parametrize("data, text, encoding", [
    (SAMPLE.encode("utf-8"), SAMPLE, "utf-8"),
    (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), SAMPLE, "utf-8-sig"),
    (SAMPLE.encode("utf-16"), SAMPLE, "utf-16"),
    (SAMPLE.encode("utf-16-be"), None, None),  # NUL bytes and no byte-order mark: refused
    ("Le président a déclaré que l'été était très chaud à Montréal, où les élèves étaient déçus.".encode("latin-1"),
     "Le président a déclaré que l'été était très chaud à Montréal, où les élèves étaient déçus.", "cp1252"),
    ("The mayor said “no” – it’s over, and the café closed.".encode("cp1252"),
     "The mayor said “no” – it’s over, and the café closed.", "cp1252"),
    ("Der Bürgermeister sagte, die Straße werde größer.".encode("latin-1"),
     "Der Bürgermeister sagte, die Straße werde größer.", "cp1252"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", None, None),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00", None, None),
    (b"", None, None),
    (b"  \n\t\n", None, None),
])
def test_decode(data, text, encoding):
    if text is None:
        with pytest.raises(ReadError, match=r"^scan\.bin: "):
            decode(data, "scan.bin")
    else:
        assert decode(data, "a.txt") == (text, encoding)


def test_decode_with_given_encoding():
    data = "café".encode("cp1252")
    assert decode(data, "a.txt", "cp1252") == ("café", "cp1252")
    with pytest.raises(ReadError, match="a.txt: cannot decode as utf-8"):
        decode(data, "a.txt", "utf-8")
    with pytest.raises(ReadError, match="a.txt: cannot decode as punycode"):  # a bare UnicodeError
        decode(b"He said hello.\r\n", "a.txt", "punycode")
    with pytest.raises(ReadError, match="a.txt: cannot decode as base64: 'base64' is not a text encoding"):
        decode(b"He said hello.", "a.txt", "base64")
    with pytest.raises(ReadError, match="a.txt: binary file"):  # Latin-1 decodes any bytes, even a program's
        decode(b"\x7fELF\x02\x01\x01\x00\x00\x00" + b"code" * 100, "a.txt", "latin-1")


def test_read_article_files(tmp_path):
    good = tmp_path / "latin.txt"
    good.write_bytes("Titre\n\nLe ministre a dit « très bien » à Montréal.\n".encode("latin-1"))
    a = read_article(good)
    assert (a.title, a.encoding) == ("Titre", "cp1252")
    assert "« très bien »" in a.text

    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00")
    with pytest.raises(ReadError) as err:
        read_article(binary)
    assert str(err.value).startswith(str(binary) + ": binary file")

    with pytest.raises(ReadError, match="no such file"):
        read_article(tmp_path / "missing.txt")
    with pytest.raises(ReadError, match="is a directory"):
        read_article(tmp_path)


def test_bom_is_not_in_the_text(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbfTitle\n\nHe said \xe2\x80\x9cyes\xe2\x80\x9d.\n")
    a = read_article(f)
    assert a.title == "Title" and a.text.startswith("Title")
    i = a.text.index("yes")
    assert a.text[i:i + 3] == "yes"


# ---------------------------------------------------------------------- cleaning keeps offsets
@pytest.mark.parametrize("text, gone, kept", [
    ("Prices rose. [For background see the Eurasia Insight archive]. Then they fell.",
     ["[For background", "archive]"], ["Prices rose.", "Then they fell."]),
    ("He said so. [Editor's note: corrected on May 2] And left.", ["Editor", "May 2"], ["He said so.", "And left."]),
    ('Look: <tweet tweet-id="12345" author="x">It is "over"</tweet> now.',
     ["tweet", "12345", "author="], ['It is "over"', "now."]),
    ("The speech <a href='https://example.org/\"q\"'>here</a> ended.", ["href", "example"], ["here", "ended."]),
    ('<tweet tweet-author="@tedcruz" tweet-date="January 19, 2016\n">I love her.<tweet/>',
     ["tweet", "January", '">'], ["I love her."]),
    ("A [bracketed aside] is kept.", [], ["[bracketed aside]"]),
    ('Former Rep. Robert "Bobby" Scott spoke.', ['"Bobby"'], ["Robert", "Scott spoke."]),
    ("Marine John “Tig” Tiegen spoke.", ["“Tig”"], ["Marine John", "Tiegen spoke."]),
    # a quoted word between a surname and a day, or after a common word, is no nickname
    ('Trump called Clinton "Crooked" Tuesday.', [], ['"Crooked" Tuesday']),
    ('They called it "Obamacare" Republicans said.', [], ['"Obamacare"']),
])
def test_clean_blanks_notes_and_markup(text, gone, kept):
    out = clean(text)
    assert len(out) == len(text)
    for piece in gone:
        assert piece not in out
    for piece in kept:
        assert out.index(piece) == text.index(piece)  # nothing moved
    assert [m.start() for m in re.finditer("\n", out)] == [m.start() for m in re.finditer("\n", text)]


def test_clean_blanks_unclosed_markup_without_backtracking():
    """Each attribute could be read two ways; an unclosed tag of many of them must not make
    the matcher try every combination (it would run for years at 60)."""
    import signal

    def hung(*_):
        raise TimeoutError("clean() backtracks")

    text = "<a " + 'b="x" ' * 60 + "is no tag, " + '"but this is a quote," she said.'
    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        out = clean(text)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert out == text


def test_clean_blanks_a_long_run_without_spaces_but_the_quote_marks_at_its_ends():
    blob = "{" + ",".join(f'"k{i}":"v{i}"' for i in range(40)) + "}"
    link = "https://example.org/" + "a" * 200
    text = f'The file held {blob} and "this quote," she said, "see {link}" then {"“‘" * 200}end'
    out = clean(text)
    assert len(out) == len(text)
    assert out.index('"this quote,"') == text.index('"this quote,"')
    assert "k1" not in out and "example" not in out and "end" not in out
    assert out.count("“") + out.count("‘") == 3  # of the 400 opening the last run
    assert out[text.index(link) + len(link)] == '"'  # the closing mark of the quote stays
    assert out.count('"') == 4


def test_clean_reads_a_horizontal_bar_as_a_dash_and_a_no_break_space_as_a_space():
    text = "Taxes ― as was true for years ― Sen.\u00a0Laura Kent said."
    out = clean(text)
    assert out == "Taxes — as was true for years — Sen. Laura Kent said."


def test_clean_joins_a_paragraph_split_mid_sentence():
    text = "They must leave the disputed\n\nterritory to us.\n\nA new paragraph."
    out = clean(text)
    assert len(out) == len(text)
    assert "disputed  territory" in out
    assert "us.\n\nA new" in out  # a real paragraph break stays
    assert out.index("territory") == text.index("territory")


def test_quotes_after_notes_and_markup_slice_the_original(extract_text):
    body = ('The minister spoke. [For background see the archive]. "Prices will fall," the minister said.\n\n'
            '<tweet tweet-id="987">"A tweet, not a quote"</tweet> was posted.\n\n'
            'She said the land was "ours, and the disputed\n\nterritory too," on Monday.')
    text = "Headline\n\n" + body
    quotes = [q for q in extract_text(body) if q.kind != "indirect"]
    assert quotes
    for q in quotes:
        assert text[q.start:q.end] == q.text
    assert quotes[0].text.rstrip(",") == "Prices will fall"
    assert not any("tweet-id" in q.text or q.text == "987" for q in quotes)


def test_a_date_with_a_time_zone_name_is_read_without_a_warning(recwarn):
    assert parse_date("March 27, 2007 10:00 EST") == "2007-03-27"
    assert parse_date("Tue, 27 Mar 2007 10:00:00 PDT") == "2007-03-27"
    assert not recwarn.list  # a warning would print two lines on stderr


def test_a_byte_order_mark_in_given_text_is_not_the_title():
    text = HEADER.format(title="Rail strike", author="Ann Lee", outlet="The Courier, Leeds", date="2007-03-28",
                         body="Talks failed.\n")
    article = article_from_text("\ufeff" + text)
    assert meta(article) == ("Rail strike", "Ann Lee", "The Courier", "Leeds", "2007-03-28", "2007-03-28")
    assert article.text == text


@pytest.mark.parametrize("text, blanked", [
    ("Apple profit falls\n\nSAN FRANCISCO (Reuters) - iPhone maker Apple fell.", "SAN FRANCISCO (Reuters) - "),
    ("Rail strike\r\rLONDON, Dec. 8 (AP) — Talks failed.", "LONDON, Dec. 8 (AP) — "),  # old Mac line ends
    ("Talks\n\nBERLIN (dpa) - Talks failed.", "BERLIN (dpa) - "),
    # not a wire service's dateline: a transcript's label, an expanded acronym, or too far down
    ('Transcript\n\nJUAN GONZALEZ (voiceover) - "We begin today," he said.', None),
    ("Alliance\n\nNATO (North Atlantic Treaty Organization) - allies met.", None),
    ("Talks\n\nOne.\n\nTwo.\n\nThree.\n\nLONDON (AP) - Talks failed.", None),
])
def test_a_wire_dateline_is_blanked_and_nothing_else(text, blanked):
    out = clean(text)
    if blanked is None:
        assert out.replace("\r", "\n").split() == text.replace("\r", "\n").split()
    else:
        start = text.index(blanked)
        assert out[start:start + len(blanked)].strip() == ""
        assert out[:start] == text[:start].replace("\r", "\n")  # the title stays apart from the story
        assert out[start + len(blanked):] == text[start + len(blanked):]


@pytest.mark.parametrize("text, title", [
    ("---\n# Kent: deal is 'not going to change'\nBy Ann Lee\n---\nBody.\n", "Kent: deal is 'not going to change'"),
    ("---\r\n  ##  Harbor vote  \r\nBy Ann Lee\r\n---\r\nBody.\r\n", "Harbor vote"),
    ("---\n#\n# Second line\n---\nBody.\n", None),  # the first "#" line is the title's, empty here
    ("---\nBy Ann Lee\n---\nBody.\n", None),
    ("No header\n\nBody.\n", None),
])
def test_a_headers_title_is_found_where_the_header_holds_it(text, title):
    from quotetrack.reader import header_title, parse_header

    span = header_title(text)
    assert (text[span[0]:span[1]] if span else None) == title
    if text.startswith("---"):
        assert (parse_header(text)[0].get("title") or None) == title
