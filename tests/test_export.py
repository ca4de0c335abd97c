"""``quotetrack export``: every format parsed back with a real parser."""
import csv
import json
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
from click.testing import CliRunner

from quotetrack.citations import author_names, bibtex_fields, render, tex
from quotetrack.cli import main

from .conftest import SEED

SCHEMA = json.loads((Path(__file__).parent / "data" / "csl-data.json").read_text())


def export(db, *args):
    r = CliRunner().invoke(main, ["export", *args, "--db", db])
    assert r.exit_code == 0, r.output
    return r.stdout


def records(db, *args):
    return json.loads(export(db, *args, "--format", "json"))


def test_a_csv_file_for_a_spreadsheet_runs_no_formula():
    import io

    from quotetrack.citations import write_csv

    hostile = {**TRICKY, "quote": '=HYPERLINK("http://evil","click")', "speaker": "+cmd", "article": "-1", "role": "@x"}
    for spreadsheet, mark in ((True, "'"), (False, "")):
        buf = io.StringIO(newline="")
        write_csv([hostile], buf, spreadsheet)
        (row,) = csv.DictReader(io.StringIO(buf.getvalue()))
        assert (row["quote"], row["speaker"], row["article"], row["role"]) == (
            mark + hostile["quote"], mark + "+cmd", mark + "-1", mark + "@x")
        assert row["outlet"] == TRICKY["outlet"]  # nothing else changes


def test_every_citation_carries_what_a_writer_needs(seed_db):
    cites = records(seed_db, "--relayed-by", "Itar-Tass", "--kind", "direct", "--kind", "mixed")
    assert [(c["quote"], c["speaker"], c["role"], c["attribution"]) for c in cites] == [
        ("I am grateful to the president of Azerbaijan for using any opportunity for meeting,", "Vladimir Putin",
         "Russian leader", "quoted by Itar-Tass, as reported by EurasiaNet"),
        ("always was a welcome guest.", "Vladimir Putin", "Russian leader",
         "quoted by Itar-Tass, as reported by EurasiaNet")]
    c = cites[0]
    assert (c["article"], c["author"], c["outlet"], c["relayed_by"], c["date"], c["path"], c["start"], c["end"]) == (
        "Russia Moves To Repair Ties With Azerbaijan", "Sergei Blagov", "EurasiaNet", "Itar-Tass", "2007-04-02",
        str(SEED), 356, 439)
    text = Path(c["path"]).read_text(encoding="utf-8")
    assert text[c["start"]:c["end"]] == c["quote"]


def test_order_is_speaker_date_article_offset_and_keys_are_stable(cross_db):
    cites = records(cross_db)
    order = [(c["speaker"], c["date"]) for c in cites]
    assert order == sorted(order, key=lambda o: (o[0] is None, o[0] or "", o[1] or ""))
    keys = [c["key"] for c in cites]
    assert len(set(keys)) == len(keys)
    by_id = {c["quote_id"]: c["key"] for c in cites}
    some = records(cross_db, "--outlet", "APA")
    assert some and all(by_id[c["quote_id"]] == c["key"] for c in some)
    assert export(cross_db, "--format", "bibtex") == export(cross_db, "--format", "bibtex")


def test_csv_round_trips(cross_db, tmp_path):
    out = tmp_path / "q.csv"
    CliRunner().invoke(main, ["export", "--format", "csv", "-o", str(out), "--db", cross_db])
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes spreadsheets read UTF-8
    with open(out, encoding="utf-8-sig", newline="") as f:
        got = list(csv.DictReader(f))
    want = records(cross_db)
    assert [{k: str(v) if v is not None else "" for k, v in c.items()} for c in want] == got
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tmp-")]


TRICKY = {"key": "smith2007a-abc123", "quote": 'He said {braces}, 100% "quoted" & \\back_slash ~ # $ ^',
          "speaker": "Ilham Əliyev", "role": "Président", "kind": "direct",
          "attribution": "quoted by Agence France-Presse, as reported by Müller Zeitung",
          "outlet": "Müller Zeitung", "relayed_by": "Agence France-Presse", "article": "Ünïcode {title} 50%",
          "author": "Zoë O'Brien", "date": "2007-04-02", "url": "https://example.org/a?b=1&c=2%20", "path": None,
          "start": 5, "end": 60, "quote_id": 1, "group_id": 1}


def _decode(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value.startswith(r"\textbackslash{}", i):
            out.append("\\")
            i += len(r"\textbackslash{}")
        elif value.startswith((r"\^{}", r"\~{}"), i):
            out.append(value[i + 1])
            i += 4
        elif value[i] == "\\":
            out.append(value[i + 1])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def test_bibtex_parses_back_with_every_field_intact():
    lib = bibtexparser.parse_string(render([TRICKY], "bibtex"))
    assert not lib.failed_blocks
    (entry,) = lib.entries
    assert (entry.entry_type, entry.key) == ("article", TRICKY["key"])
    assert {f.key: _decode(f.value) for f in entry.fields} == bibtex_fields(TRICKY)
    assert tex("a%b{c}") == r"a\%b\{c\}"


def test_bibtex_of_the_fixtures(cross_db):
    lib = bibtexparser.parse_string(export(cross_db, "--format", "bibtex"))
    assert not lib.failed_blocks
    cites = records(cross_db)
    assert [e.key for e in lib.entries] == [c["key"] for c in cites]
    for e, c in zip(lib.entries, cites):
        assert _decode(e.fields_dict["quote"].value) == " ".join(c["quote"].split())
        assert _decode(e.fields_dict["journal"].value) == c["outlet"]


def test_ris_as_reference_managers_read_it(cross_db):
    entries = rispy.loads(render([TRICKY], "ris"))
    (e,) = entries
    assert (e["type_of_reference"], e["id"], e["authors"], e["title"], e["secondary_title"], e["year"],
            e["date"], e["urls"], e["abstract"], e["custom1"], e["custom2"], e["custom3"], e["custom4"]) == (
        "NEWS", TRICKY["key"], ["O'Brien, Zoë"], TRICKY["article"], "Müller Zeitung", "2007", "2007/04/02",
        [TRICKY["url"]], TRICKY["quote"], "Ilham Əliyev", "Président", "Agence France-Presse", "5-60")
    fixtures = rispy.loads(export(cross_db, "--format", "ris"))
    assert [f["id"] for f in fixtures] == [c["key"] for c in records(cross_db)]


@pytest.mark.parametrize("byline, names", [
    ("Jane Doe and John Smith", [{"family": "Doe", "given": "Jane"}, {"family": "Smith", "given": "John"}]),
    ("By Jane Doe", [{"family": "Doe", "given": "Jane"}]),
    ("Smith, John", [{"family": "Smith", "given": "John"}]),
    ("Doe, Jane; Smith, John", [{"family": "Doe", "given": "Jane"}, {"family": "Smith", "given": "John"}]),
    ("Jane Doe, John Smith & Ann Lee", [{"family": "Doe", "given": "Jane"}, {"family": "Smith", "given": "John"},
                                        {"family": "Lee", "given": "Ann"}]),
    ("Mary-Jane van der Berg", [{"family": "van der Berg", "given": "Mary-Jane"}]),
    ("The Associated Press", [{"literal": "The Associated Press"}]),
    ("Staff correspondent", [{"literal": "Staff correspondent"}]),
    ("Reuters", [{"literal": "Reuters"}]),
    ("Jane\nDoe", [{"family": "Doe", "given": "Jane"}]),
])
def test_a_byline_is_read_as_its_authors(byline, names):
    assert author_names(byline) == names


def test_every_format_names_each_author():
    two = {**TRICKY, "author": "By Jane Doe and The Associated Press"}
    assert "  author = {Doe, Jane and {The Associated Press}}," in render([two], "bibtex")
    assert rispy.loads(render([two], "ris"))[0]["authors"] == ["Doe, Jane", "The Associated Press"]
    assert json.loads(render([two], "csl-json"))[0]["author"] == [{"family": "Doe", "given": "Jane"},
                                                                  {"literal": "The Associated Press"}]
    assert "Doe, J., & The Associated Press. (2007, April 2)." in render([two], "text")


def test_csl_json_validates_and_formats(cross_db):
    items = json.loads(export(cross_db, "--format", "csl-json"))
    jsonschema.validate(items, SCHEMA)
    jsonschema.validate(json.loads(render([TRICKY], "csl-json")), SCHEMA)
    assert items[0]["type"] == "article-newspaper" and items[0]["custom"]["quote"]


@pytest.mark.parametrize("style, reference", [
    ("apa", "Blagov, S. (2007, April 2). Russia Moves To Repair Ties With Azerbaijan. EurasiaNet."),
    ("harvard", "Blagov, S. (2007) “Russia Moves To Repair Ties With Azerbaijan”, EurasiaNet, 2 April."),
    ("ieee", "[1]S. Blagov, “Russia Moves To Repair Ties With Azerbaijan”, EurasiaNet, Apr. 02, 2007."),
    # the Chicago and MLA styles keep the given name whole, and an article has no edition
    ("chicago", "Blagov, Sergei. 2007. “Russia Moves To Repair Ties With Azerbaijan”. EurasiaNet, April 2."),
    ("mla", "Blagov, Sergei. “Russia Moves To Repair Ties With Azerbaijan”. EurasiaNet, 2 Apr. 2007."),
])
def test_text_is_formatted_by_the_csl_style(seed_db, style, reference):
    out = export(seed_db, "blackmail", "--format", "text", "--style", style)
    lines = out.splitlines()
    assert "commercial blackmail" in lines[0] and "Ilham Aliyev" in lines[0]
    assert lines[1].strip() == reference


def test_unknown_style_and_no_match(seed_db, tmp_path):
    r = CliRunner().invoke(main, ["export", "--format", "text", "--style", "../../etc/passwd", "--db", seed_db])
    assert r.exit_code == 2 and "style name" in r.stderr
    r = CliRunner().invoke(main, ["export", "--format", "text", "--style", "no-such-style", "--db", seed_db])
    assert r.exit_code == 2 and "no such CSL style" in r.stderr
    out = tmp_path / "none.csv"
    r = CliRunner().invoke(main, ["export", "zeppelin", "-o", str(out), "--db", seed_db])
    assert r.exit_code == 1 and not out.exists()


def test_a_style_citeproc_cannot_format_is_one_line_and_no_file(seed_db, tmp_path):
    out = tmp_path / "refs.txt"
    r = CliRunner().invoke(main, ["export", "--format", "text", "--style", "henoch", "-o", str(out), "--db", seed_db])
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: --style 'henoch': citeproc-py cannot format with this style (AttributeError: ")
    assert r.stderr.count("\n") == 1 and not out.exists()


@pytest.mark.parametrize("changes, ends", [
    ({"url": "https://Example.com/News/Story-ABC"}, "Characters 5–60 of https://Example.com/News/Story-ABC.\n"),
    ({"url": None, "path": "News/Reuters-UK.txt"}, "Characters 5–60 of News/Reuters-UK.txt.\n"),
    ({"url": None, "path": None}, "Characters 5–60.\n"),
])
def test_markdown_keeps_where_a_quote_is_as_written(changes, ends):
    assert render([{**TRICKY, **changes}], "markdown").endswith(ends)


def test_markdown_keeps_one_citation_to_one_item_and_links_only_the_web():
    claim = {**TRICKY, "quote": "leave the disputed\n\nterritory &copy; now", "url": "javascript:alert(1)"}
    md = render([claim], "markdown")
    assert md.count("\n") == 1 and "“leave the disputed territory \\&copy; now”" in md
    assert "](" not in md and "*Ünïcode {title} 50%*" in md  # the title, not linked


def test_markdown_and_jsonl(seed_db):
    md = export(seed_db, "blackmail", "--kind", "mixed", "--format", "markdown").splitlines()
    assert md[0].startswith("- “commercial blackmail.” — Ilham Aliyev (Azerbaijani President), "
                            "as reported by EurasiaNet. *Russia Moves To Repair Ties With Azerbaijan*")
    lines = [json.loads(x) for x in export(seed_db, "--format", "jsonl").splitlines()]
    assert lines == records(seed_db)


def test_output_to_a_missing_folder_or_a_full_disk_is_one_line(seed_db, tmp_path):
    missing = tmp_path / "no" / "such" / "x.csv"
    r = CliRunner().invoke(main, ["export", "-o", str(missing), "--db", seed_db])
    assert (r.exit_code, r.stderr) == (2, f"Error: {missing}: cannot write here (no such folder)\n")
    import subprocess
    import sys

    with open("/dev/full", "w") as full:  # a disk with no room left
        p = subprocess.run([sys.executable, "-m", "quotetrack", "export", "--db", seed_db],
                           stdout=full, stderr=subprocess.PIPE, text=True)
    assert (p.returncode, p.stderr) == (2, "Error: cannot write the output (No space left on device)\n")


def test_output_to_a_pipe_writes_into_it_and_leaves_it_a_pipe(seed_db, tmp_path):
    import os
    import stat
    import threading

    fifo = tmp_path / "reader"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    r = CliRunner().invoke(main, ["export", "--format", "jsonl", "-o", str(fifo), "--db", seed_db])
    reader.join(timeout=10)
    assert r.exit_code == 0, r.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # not replaced by a file
    assert [json.loads(x) for x in got[0].splitlines()] == records(seed_db)
