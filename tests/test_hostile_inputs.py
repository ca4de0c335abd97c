"""Hostile inputs through ``quotetrack ingest``: every bad file is one line on stderr naming
it and its problem, the rest of the batch is stored, and the database stays intact."""
import codecs
import json
import os
import pathlib

import pytest
from click.testing import CliRunner

from quotetrack.cli import main
from quotetrack.errors import ReadError
from quotetrack.sources import MAX_ARTICLE_CHARS

from .test_ingest import intact, query

GOOD = '---\n# Budget\nAnna Nowak\nCity Tribune, Warsaw\nMarch 3, 2007\n---\n\n"The budget will pass," Kowalska said.\n'
LATIN1 = 'Cafés\n\n"Le café de René est fermé," Anna Kowalska said on Monday.\n'
CP1252 = 'Cafés\n\n\u201cIt\u2019s the café\u2019s fault,\u201d Zoë Müller said on Tuesday.\n'
UTF16 = 'Talks\n\n"We will talk again in Kraków," Jan Nowak said.\n'
DAMAGED = 'Déjà vu\n\n"Déjà vu," René said.'.encode()  # then a cut-off character
HUGE = "Huge\n\n" + "All work and no play. " * (50 * 2**20 // 22)  # 50 MB
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 4


def ingest(*args):
    return CliRunner().invoke(main, ["ingest", *map(str, args), "--workers", "1"], catch_exceptions=False)


def no_traceback(result):
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr


@pytest.fixture(scope="module")
def batch(extractor, tmp_path_factory):
    """One folder full of hostile files beside good ones, ingested in one run."""
    tmp = tmp_path_factory.mktemp("hostile")
    feed = tmp / "in"
    feed.mkdir()
    (feed / "good.txt").write_text(GOOD)
    (feed / "empty.txt").write_bytes(b"")
    (feed / "blank.txt").write_bytes(b"  \n\t\r\n \n")
    (feed / "late-nul.txt").write_bytes(b"Title\n\nSome text. " * 8000 + b"\x00\x00\x00 and more")
    (feed / "latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    (feed / "cp1252.txt").write_bytes(CP1252.encode("cp1252"))
    (feed / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + UTF16.encode("utf-16-le"))
    (feed / "damaged.txt").write_bytes(DAMAGED + b"\xe2\x80 and more.\n")
    (feed / "unbalanced.txt").write_text(
        "Marks\n\n" + "\u201cword " * 10_000 + "\n\n\u201cAfter the storm we rebuild,\u201d Jan Nowak said.\n")
    (feed / "scripts.html").write_text("<html><head><style>p{color:red}</style><script>var q = '\"x\"';</script>"
                                       "</head><body><script>document.write('\"hi\"')</script></body></html>")
    (feed / "truncated.html").write_text(
        "<html><head><title>Rates</title></head><body><article><p>\u201cWe will not raise rates this year,\u201d "
        "Anna Kowalska, the central bank governor, told reporters in Warsaw on Monday morning.</p><p>The bank "
        "has kept its main rate unchanged since March and analysts expect")
    (feed / "feed.jsonl").write_text("\n".join([
        json.dumps({"text": '"Line one stands," Jan Nowak said.', "outlet": "PAP"}),
        '{"text": "broken',
        json.dumps({"title": "no text here"}),
        json.dumps({"text": 42}),
        json.dumps({"text": '"Line five stands," Jan Nowak said.', "outlet": "PAP"})]) + "\n")
    (feed / "huge.txt").write_bytes(HUGE.encode())
    (feed / "folder.txt").mkdir()  # a directory named like a file is a folder to walk
    (feed / "folder.txt" / "inside.txt").write_text('Inside\n\n"Folders are walked," Jan Nowak said.\n')
    os.symlink(feed, feed / "folder.txt" / "loop")  # a link back up: walked once only
    os.mkfifo(feed / "pipe.txt")  # opening it would wait for a writer forever
    (feed / "locked.txt").write_text('Locked\n\n"Nobody reads this," Jan Nowak said.\n')
    image = tmp / "photo.png"
    image.write_bytes(PNG)
    db = tmp / "q.db"
    locked = str(feed / "locked.txt")
    real_open = pathlib.Path.open

    def open_(self, *args, **kwargs):  # tests run as root, whom no permission bit stops
        if str(self) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real_open(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pathlib.Path, "open", open_)
        result = ingest(feed, image, tmp / "missing.txt", "--db", db)
    return feed, db, result


def test_every_bad_input_is_one_line_naming_it_and_its_problem(batch):
    feed, db, result = batch
    assert result.exit_code == 1
    no_traceback(result)
    *errors, summary = result.stderr.splitlines()
    f = lambda name: f"{feed / name}: "  # noqa: E731
    assert sorted(errors) == sorted([
        f("blank.txt") + "file has only whitespace",
        f("damaged.txt") + f"invalid UTF-8 at byte {len(DAMAGED)} of a file that is otherwise UTF-8 "
                           "(repair the file there, or give --encoding)",
        f("empty.txt") + "empty file",
        f("feed.jsonl") + "line 2: invalid JSON (Unterminated string starting at: line 1 column 10 (char 9))",
        f("feed.jsonl") + 'line 3: record has no "text"',
        f("feed.jsonl") + 'line 4: record "text" is empty or not a string',
        f("huge.txt") + f"article too long ({len(HUGE):,} characters; the limit is {MAX_ARTICLE_CHARS:,}): "
                        "split it into articles",
        f("late-nul.txt") + "binary file (NUL bytes), not text",
        f("locked.txt") + "permission denied",
        f("pipe.txt") + "not a regular file (a pipe, socket or device), skipped",
        f("scripts.html") + "no article text found in the HTML page",
        f"{feed.parent / 'photo.png'}: binary file (NUL bytes), not text",
        f"{feed.parent / 'missing.txt'}: no such file or folder",
    ])
    assert summary.startswith("ingest: 9 articles added, 0 skipped, 13 failed; ")


def test_the_rest_of_the_batch_is_stored_and_the_database_is_intact(batch):
    feed, db, _ = batch
    stored = [os.path.relpath(p, feed) for p, in query(db, "SELECT path FROM article ORDER BY path")]
    assert stored == ["cp1252.txt", "feed.jsonl:1", "feed.jsonl:5", "folder.txt/inside.txt", "good.txt",
                      "latin1.txt", "truncated.html", "unbalanced.txt", "utf16.txt"]
    intact(db)
    rows = query(db, 'SELECT a.text, q.start, q."end", q.text FROM quote q JOIN article a ON a.id = q.article_id')
    assert rows and all(text[s:e] == quote for text, s, e, quote in rows)


@pytest.mark.parametrize("name, encoding, text, quote", [
    ("latin1.txt", "cp1252", LATIN1, "Le café de René est fermé,"),
    ("cp1252.txt", "cp1252", CP1252, "It\u2019s the café\u2019s fault,"),
    ("utf16.txt", "utf-16", UTF16, "We will talk again in Kraków,"),
])
def test_legacy_encodings_are_decoded_right(batch, name, encoding, text, quote):
    feed, db, _ = batch
    (aid, enc, stored), = query(db, "SELECT id, encoding, text FROM article WHERE path = ?", str(feed / name))
    assert (enc, stored) == (encoding, text)
    assert (quote,) in query(db, "SELECT text FROM quote WHERE article_id = ?", aid)


def test_quotes_after_ten_thousand_unclosed_marks_are_found(batch):
    feed, db, _ = batch
    texts = [t for t, in query(db, "SELECT q.text FROM quote q JOIN article a ON a.id = q.article_id "
                                   "WHERE a.path = ? ORDER BY q.start", str(feed / "unbalanced.txt"))]
    assert texts[-1] == "After the storm we rebuild,"


def test_truncated_html_keeps_what_it_has(batch):
    _, db, _ = batch
    assert query(db, "SELECT q.text FROM quote q JOIN article a ON a.id = q.article_id WHERE a.format = 'html'") == [
        ("We will not raise rates this year,",)]


def test_a_rerun_adds_only_what_failed_before_and_can_now_be_read(batch):
    feed, db, _ = batch
    (articles, quotes), = query(db, "SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM quote)")
    result = ingest(feed, "--db", db)  # locked.txt is readable now
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("ingest: 1 article added, 9 skipped, 10 failed; 1 quote,")
    assert query(db, "SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM quote)") == [
        (articles + 1, quotes + 1)]
    intact(db)


def test_one_megabyte_paragraph_is_stored_with_exact_offsets(extractor, tmp_path):
    # Long words keep the parse (spaCy's cost, per token) short; the code under test sees a
    # million characters without a line break, cut into parts at spaces.
    words = ["parliamentarians", "interministerial", "reconstruction", "infrastructure", "representatives"]
    sentence = " ".join(words[i % 5] for i in range(3, 18)) + ". "
    half = sentence * (510_000 // len(sentence))
    body = half + '"We will not give up," Anna Kowalska said. ' + half
    path = tmp_path / "paragraph.txt"
    path.write_text("Paragraph\n\n" + body)
    assert len(body) > 1_000_000 and "\n" not in body
    result = ingest(path, "--db", tmp_path / "q.db")
    assert result.exit_code == 0, result.stderr
    db = tmp_path / "q.db"
    (text, s, e, quote), = query(db, 'SELECT a.text, q.start, q."end", q.text FROM quote q '
                                     "JOIN article a ON a.id = q.article_id WHERE q.kind != 'indirect'")
    assert (quote, text[s:e]) == ("We will not give up,", "We will not give up,")
    intact(db)


def test_extract_reads_a_folder_a_page_and_stdin_as_ingest_does(extractor, tmp_path):
    feed = tmp_path / "in"
    feed.mkdir()
    (feed / "note.txt").write_text(GOOD)
    (feed / "page.html").write_text(
        "<html><head><title>Harbor</title></head><body><article><h1>Harbor plan</h1><p>&ldquo;We will rebuild "
        "the harbor,&rdquo; Mayor Anna Kowalska said on Monday.</p><p>The council meets again next week to "
        "vote on the money for the work on the harbor.</p></article></body></html>")
    result = CliRunner().invoke(main, ["extract", str(feed), "-", "--format", "jsonl", "--no-claims"],
                                input=UTF16)
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(os.path.basename(r["file"]), r["text"], r["speaker"]) for r in rows] == [
        ("note.txt", "The budget will pass,", "Kowalska"),
        ("page.html", "We will rebuild the harbor,", "Anna Kowalska"),  # not the page's markup
        ("<stdin>", "We will talk again in Kraków,", "Jan Nowak")]


def test_extract_of_an_empty_folder_says_so(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == f"quotetrack: {tmp_path}: no article files in this folder (see --include)\n"
    assert result.stdout == ""


def test_ingest_counts_every_bad_record_of_a_dump_it_names_in_few_lines(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(json.dumps({"id": i}) for i in range(25)))
    result = ingest(dump, "--db", tmp_path / "q.db")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[-2] == f"{dump}: 15 more bad lines not shown" and len(lines) == 12
    assert lines[-1].startswith("ingest: 0 articles added, 0 skipped, 25 failed;")


def test_json_nested_too_deeply_is_bad_json_not_a_crash(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    array = tmp_path / "deep.json"
    array.write_text(deep)
    lines = tmp_path / "feed.jsonl"
    lines.write_text(json.dumps({"text": '"Line one stands," Jan Nowak said.'}) + '\n{"text": ' + deep + "}\n")
    unnamed = tmp_path / "export"  # no suffix: the first character says JSON
    unnamed.write_text('{"text": ' + deep + "}")
    result = ingest(array, lines, unnamed, "--db", tmp_path / "q.db")
    assert result.exit_code == 1
    no_traceback(result)
    *errors, summary = result.stderr.splitlines()
    assert sorted(errors) == [f"{array}: invalid JSON (nested too deeply)",
                              f"{unnamed}: invalid JSON (nested too deeply)",
                              f"{lines}: line 2: invalid JSON (nested too deeply)"]
    assert summary.startswith("ingest: 1 article added, 0 skipped, 3 failed; 1 quote, 0 claims,")


def test_a_phrase_the_parser_heads_with_punctuation_does_not_lose_the_article(extractor):
    from quotetrack.reader import article_from_text

    article = article_from_text("te2/42007 /s saying  Smi", "fuzz.txt")  # found by fuzzing
    quotes = extractor.extract(article)
    assert all(article.text[q.start:q.end] == q.text for q in quotes)


def test_an_endless_device_named_as_a_file_is_read_no_further_than_the_limit(tmp_path, monkeypatch):
    import quotetrack.reader as reader

    monkeypatch.setattr(reader, "MAX_BYTES", 2**20)
    endless = tmp_path / "zeros.txt"
    endless.symlink_to("/dev/zero")  # stat says 0 bytes; reading would never end
    with pytest.raises(ReadError) as err:
        reader.read_article(endless)
    assert str(err.value) == f"{endless}: file too large (over the limit of 1 MiB)"


def test_a_pipe_a_pattern_finds_is_skipped_as_in_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text('A\n\n"Patterns are read," Jan Nowak said.\n')
    os.mkfifo(tmp_path / "b.txt")  # opening it would wait for a writer forever
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "*.txt"), "--format", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr == f"quotetrack: {tmp_path / 'b.txt'}: not a regular file (a pipe, socket or device), skipped\n"
    assert [json.loads(x)["text"] for x in result.stdout.splitlines()] == ["Patterns are read,"]


def test_file_names_that_are_not_utf8_or_hold_a_newline_are_stored_and_named_in_one_line(tmp_path):
    feed = tmp_path / "in"
    feed.mkdir()
    (feed / "aa.txt").write_text('A\n\n"First in the folder," Jan Nowak said.\n')
    odd = os.path.join(os.fsencode(feed), b"bad\xffname.txt")  # a Latin-1 name on a UTF-8 system
    with open(odd, "w") as fh:
        fh.write('B\n\n"Named in Latin-1," Jan Nowak said.\n')
    (feed / "empty\nname.txt").write_bytes(b"")
    (feed / "zz.txt").write_text('Z\n\n"Last in the folder," Jan Nowak said.\n')
    db = tmp_path / "q.db"
    result = ingest(feed, "--db", db)
    assert result.exit_code == 1
    no_traceback(result)
    assert result.stderr.splitlines()[0] == f"{feed}/empty\\nname.txt: empty file"
    assert result.stderr.splitlines()[1].startswith("ingest: 3 articles added, 0 skipped, 1 failed;")
    rows = CliRunner().invoke(main, ["search", "--db", str(db), "--format", "json"]).stdout
    assert sorted(r["path"].rsplit("/", 1)[-1] for r in json.loads(rows)) == ["aa.txt", "bad\\xffname.txt", "zz.txt"]


def test_a_json_record_holding_half_a_character_is_refused_alone(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "He said \\"\\ud800 hello\\" to Bob Smith."}\n'
                    '{"text": "\\"We will win,\\" Jan Nowak said.", "title": "\\udcff"}\n'
                    + json.dumps({"text": '"Line three stands," Jan Nowak said.'}) + "\n")
    result = ingest(feed, "--db", tmp_path / "q.db")
    assert result.exit_code == 1
    no_traceback(result)
    *errors, summary = result.stderr.splitlines()
    assert errors == [f'{feed}: line 1: record "text" holds \\ud800, half of a character',
                      f'{feed}: line 2: record "title" holds \\udcff, half of a character']
    assert summary.startswith("ingest: 1 article added, 0 skipped, 2 failed;")


def test_jsonl_strings_may_hold_line_separators(tmp_path):
    feed = tmp_path / "feed.jsonl"  # json.dumps(..., ensure_ascii=False) writes U+2028 as it is
    feed.write_text("\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in [
        '"We will win\u2028this fight," Jan Nowak said.', '"The second\u0085stands," Ann Lee said.']) + "\n",
        encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(feed), "--no-claims", "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(x) for x in result.stdout.split("\n") if x]
    assert [(r["file"], r["text"], r["speaker"]) for r in rows] == [
        (f"{feed}:1", "We will win\u2028this fight,", "Jan Nowak"), (f"{feed}:2", "The second\u0085stands,", "Ann Lee")]


def test_a_missing_outlet_list_stops_the_run_once_before_any_parse(tmp_path, monkeypatch):
    from quotetrack.lexicon import gazetteer

    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f'Article {n}\n\n"We will win," Jan Nowak said.\n')
    missing = tmp_path / "my-outlets.tsv"
    monkeypatch.setenv("QUOTETRACK_OUTLETS", str(missing))
    gazetteer.cache_clear()  # loaded once per process: load it again with the setting
    db = tmp_path / "q.db"
    try:
        results = [CliRunner().invoke(main, ["extract", str(tmp_path)]),
                   CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(db), "--workers", "1"])]
    finally:
        monkeypatch.delenv("QUOTETRACK_OUTLETS")
        gazetteer.cache_clear()
    for result in results:
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr == (f"Error: {missing}: cannot read the outlet list of $QUOTETRACK_OUTLETS "
                                 f"([Errno 2] No such file or directory: '{missing}')\n")
    assert not db.exists()  # no empty database left behind
