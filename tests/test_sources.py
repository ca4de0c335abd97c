"""Paths, folders, globs, stdin and the HTML/JSON/JSONL formats, read into articles."""
import io
import json
import os

import pytest

from quotetrack.errors import ReadError
from quotetrack.sources import expand, iter_articles, read_path, sniff

from .conftest import FIXTURES

CROSS = FIXTURES / "cross"


def split(items):
    items = list(items)
    return [i for i in items if not isinstance(i, ReadError)], [str(i) for i in items if isinstance(i, ReadError)]


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "a.txt").write_text("First\n\nBody one.")
    (tmp_path / "notes.csv").write_text("x,y")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nNo.")
    sub = tmp_path / "sub" / "deeper"
    sub.mkdir(parents=True)
    (sub / "b.txt").write_text("Second\n\nBody two.")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "c.txt").write_text("Third\n\nBody three.")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")  # a folder link back up: walked once only
    return tmp_path


def rel(paths, root):
    return [os.path.relpath(p, root) for p in paths]


def test_folders_are_walked_recursively_in_order_with_known_suffixes(tree):
    assert rel(expand([str(tree)]), tree) == ["a.txt", "drafts/c.txt", "sub/deeper/b.txt"]


def test_include_and_exclude_globs(tree):
    assert rel(expand([str(tree)], include=["*.csv"]), tree) == ["notes.csv"]
    assert rel(expand([str(tree)], exclude=["drafts"]), tree) == ["a.txt", "sub/deeper/b.txt"]
    assert rel(expand([str(tree)], exclude=["sub/*/b.txt"]), tree) == ["a.txt", "drafts/c.txt"]


def test_globs_and_missing_paths(tree):
    found = list(expand([str(tree / "**" / "*.txt"), str(tree / "nothing-*.txt"), str(tree / "gone.txt")]))
    assert rel([f for f in found if isinstance(f, str)], tree) == ["a.txt", "drafts/c.txt", "sub/deeper/b.txt"]
    assert [str(e) for e in found if isinstance(e, ReadError)] == [
        f"{tree / 'nothing-*.txt'}: no file matches this pattern", f"{tree / 'gone.txt'}: no such file or folder"]


def test_an_explicit_file_is_read_whatever_its_suffix(tree):
    arts, errors = split(iter_articles([str(tree / "notes.csv")]))
    assert [a.text for a in arts] == ["x,y"] and errors == []


def test_jsonl_bad_lines_are_reported_by_number_and_good_lines_kept(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([
        json.dumps({"text": "One.", "title": "T1", "outlet": "Reuters", "date": "2007-03-28", "url": "https://x/1"}),
        '{"text": "broken',
        json.dumps({"title": "no text"}),
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "Two.", "date": "28 March 2007"}),
    ]))
    arts, errors = split(iter_articles([str(path)], date_order="dmy"))
    assert [(a.text, a.title, a.outlet, a.date, a.url, a.path) for a in arts] == [
        ("One.", "T1", "Reuters", "2007-03-28", "https://x/1", f"{path}:1"),
        ("Two.", None, None, "2007-03-28", None, f"{path}:6")]
    assert errors[0].startswith(f"{path}: line 2: invalid JSON")
    assert errors[1:] == [f'{path}: line 3: record has no "text"',
                          f"{path}: line 5: a record must be a JSON object, not list"]


def test_a_file_of_other_records_is_reported_in_a_few_lines(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join([json.dumps({"id": i}) for i in range(25)] + [json.dumps({"text": "Last."})]))
    arts, errors = split(iter_articles([str(path)]))
    assert [a.path for a in arts] == [f"{path}:26"]
    assert errors == [f'{path}: line {n}: record has no "text"' for n in range(1, 11)] + [
        f"{path}: 15 more bad lines not shown"]
    array = tmp_path / "dump.json"
    array.write_text(json.dumps([{"id": i} for i in range(12)]))
    assert split(iter_articles([str(array)]))[1][-1] == f"{array}: 2 more bad records not shown"


def test_an_empty_folder_is_reported(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    assert split(iter_articles([str(tmp_path)])) == (
        [], [f"{tmp_path}: no article files in this folder (see --include)"])


def test_json_arrays_and_the_outlet_option(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"text": "A.", "outlet": "AP"}, {"text": ""}]))
    arts, errors = split(iter_articles([str(path)], outlet="Reuters"))
    assert [(a.text, a.outlet, a.path) for a in arts] == [("A.", "Reuters", f"{path}[0]")]
    assert errors == [f'{path}[1]: record "text" is empty or not a string']


def test_html_main_text_and_metadata():
    page = CROSS / "caspian-daily-2007-03-29-mironov.html"
    (art,) = read_path(str(page))
    assert (art.title, art.author, art.outlet, art.date, art.url, art.format) == (
        "Mironov reassures Azerbaijanis in Russia", "Leyla Mammadova", "Caspian Daily", "2007-03-29",
        "https://caspian-daily.example/2007/03/29/mironov-reassures", "html")
    assert '"Nothing will change in the life of Azerbaijanis in Russia," Mironov said' in art.text
    assert "tracker" not in art.text and "Copyright" not in art.text and "font-family" not in art.text


def test_html_without_an_article_is_an_error(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><script>var a = 1;</script><style>p{}</style></head><body></body></html>")
    (err,) = read_path(str(page))
    assert str(err) == f"{page}: no article text found in the HTML page"


def test_stdin_is_sniffed(monkeypatch):
    records = json.dumps({"text": "From a pipe."}) + "\n" + json.dumps({"text": "Second."}) + "\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(records.encode())))
    arts, errors = split(iter_articles(["-"]))
    assert [(a.text, a.path) for a in arts] == [("From a pipe.", "<stdin>:1"), ("Second.", "<stdin>:2")]


@pytest.mark.parametrize("text, fmt", [
    ("<!DOCTYPE html><p>x</p>", "html"), ('[{"text": "x"}]', "json"), ('{"text": "x"}\n{"text": "y"}', "jsonl"),
    ('{\n  "text": "x"\n}', "json"), ("Plain words.", "text"),
])
def test_sniffing_without_a_suffix(text, fmt):
    assert sniff("-", text) == fmt


def test_unreadable_inputs_become_errors_and_the_rest_is_read(tmp_path):
    (tmp_path / "good.txt").write_text("Good\n\nA body.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    arts, errors = split(iter_articles([str(tmp_path)]))
    assert [os.path.basename(a.path) for a in arts] == ["good.txt"]
    assert errors == [f"{tmp_path / 'binary.txt'}: binary file (NUL bytes), not text",
                      f"{tmp_path / 'empty.txt'}: empty file"]
