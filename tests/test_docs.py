"""The README documents every command, and every command documents itself."""
import re
import sqlite3

import pytest
from click.testing import CliRunner

from quotetrack.cli import main

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_has_help_and_a_readme_entry(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert len((main.commands[name].help or "").split()) >= 5, f"{name} has no real help text"
    assert re.search(rf"quotetrack {name}\b", README), f"README does not show `quotetrack {name}`"


def test_readme_names_the_two_setup_commands_and_ci_runs_the_test_one():
    assert "make demo" in README and "make test" in README
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


def test_readme_has_no_unfilled_sections():
    assert not re.search(r"\b[A-Z]+_TABLE\b|TODO|TBD", README)


def test_readme_library_example_runs(tmp_path, monkeypatch, extractor, capsys):
    code = re.search(r"```python\n(.*?)```", README, re.S).group(1)
    (tmp_path / "fixtures").symlink_to(ROOT / "fixtures")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "direct Vladimir Putin Itar-Tass I am grateful to the president of Azerbaijan" in out
    assert (tmp_path / "quotes.db").exists()


def test_readme_demo_shows_the_speakers_the_demo_prints(cross_db):
    shown = re.search(r"quotetrack speakers --db demo.db --top 10 --format table\n(.*?)\n\.venv/bin/quotetrack search",
                      README, re.S).group(1)
    result = CliRunner().invoke(main, ["speakers", "--db", cross_db, "--top", "10", "--format", "table"])
    assert result.exit_code == 0
    assert result.output.strip() == shown.strip()


def test_readme_demo_counts_what_the_demo_stores(cross_db):
    """The ingest line of the README's demo: articles, quotes, claims and speakers stored."""
    articles, quotes, claims, speakers = map(int, re.search(
        r"ingest: (\d+) articles added.*?; (\d+) quotes, (\d+) claims, (\d+) new speakers", README).groups())
    with sqlite3.connect(cross_db) as db:
        assert db.execute("SELECT count(*) FROM article").fetchone()[0] == articles
        assert db.execute("SELECT count(*) FROM quote WHERE kind != 'indirect'").fetchone()[0] == quotes
        assert db.execute("SELECT count(*) FROM quote WHERE kind = 'indirect'").fetchone()[0] == claims
        assert db.execute("SELECT count(*) FROM speaker").fetchone()[0] == speakers


def test_readme_extract_table_is_the_real_output(extractor, monkeypatch):
    block = re.search(r"\$ (quotetrack extract fixtures/\S+ --no-claims --format table) \| head -12\n(.*?)```",
                      README, re.S)
    monkeypatch.setenv("COLUMNS", "120")  # what a pipe gets
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, block.group(1).split()[1:])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:12] == block.group(2).splitlines()
