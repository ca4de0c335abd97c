"""Search strings and names that are FTS5 or SQL syntax: answered as text or refused in one
clear line (exit 2), never a raw SQLite error, never a change to the database."""
import pytest
from click.testing import CliRunner

from quotetrack.cli import main

from .test_ingest import intact, query

HOSTILE = ['"', "*", "NEAR(", "' OR 1=1 --", "%", "_", "a\"b", "NOT", "(", "text:x", "Pu%n", "%tin", "P_tin",
           "'; DROP TABLE quote; --", "\x00", "\\"]
# "Pu%n" and "P_tin" would find Putin if % and _ were LIKE wildcards ("Put" does, by design:
# a name may be given by its beginning).
RAW = ("sqlite", "OperationalError", "Traceback", "unknown special query", "database error")


def invoke(db, *args):
    return CliRunner().invoke(main, [*args, "--db", db])


def answered_or_refused(result):
    assert result.exit_code in (0, 1, 2), result.output
    assert not any(word in result.stderr for word in RAW), result.stderr
    if result.exit_code == 2:
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: ")


def test_the_database_holds_quotes(cross_db):
    assert query(cross_db, "SELECT count(*) FROM quote")[0][0] > 10


@pytest.mark.parametrize("text", HOSTILE)
def test_search_text(cross_db, text):
    result = invoke(cross_db, "search", text, "--format", "jsonl")
    answered_or_refused(result)
    if result.exit_code == 2:
        assert result.stderr.startswith("Error: cannot parse the full-text query ")
    assert result.stdout.count("\n") < query(cross_db, "SELECT count(*) FROM quote")[0][0]


@pytest.mark.parametrize("option", ["--speaker", "--outlet", "--relayed-by"])
@pytest.mark.parametrize("name", HOSTILE)
def test_search_filters_with_hostile_names_match_nothing(cross_db, option, name):
    result = invoke(cross_db, "search", option, name, "--format", "jsonl")
    answered_or_refused(result)
    assert result.exit_code in (1, 2) and result.stdout == ""


@pytest.mark.parametrize("command", ["speaker", "outlet"])
@pytest.mark.parametrize("name", HOSTILE)
def test_profiles_of_hostile_names_are_not_found(cross_db, command, name):
    result = invoke(cross_db, command, name, "--format", "json")
    answered_or_refused(result)
    assert result.exit_code in (1, 2) and result.stdout == ""


@pytest.mark.parametrize("text", HOSTILE)
def test_check_hostile_text(cross_db, text):
    answered_or_refused(invoke(cross_db, "check", text))


def test_wildcards_and_injections_changed_nothing(cross_db):
    before = query(cross_db, "SELECT (SELECT count(*) FROM quote), (SELECT count(*) FROM article)")
    for text in HOSTILE:
        invoke(cross_db, "search", text)
    assert query(cross_db, "SELECT (SELECT count(*) FROM quote), (SELECT count(*) FROM article)") == before
    intact(cross_db)


@pytest.mark.parametrize("args, shown", [
    (["search", "caf\udce9"], "TEXT"),               # a Latin-1 "café" typed into a UTF-8 terminal
    (["search", "--speaker", "\udcff"], "--speaker"),
    (["check", "\udcff"], "TEXT"),
    (["rename", "Vladimir Putin", "Put\udcffin"], "NEW"),
])
def test_arguments_that_are_not_utf8_are_refused_in_one_line(cross_db, args, shown):
    before = query(cross_db, "SELECT id, name FROM speaker ORDER BY id")
    r = invoke(cross_db, *args)
    assert (r.exit_code, r.stderr) == (2, f"Error: {shown}: the argument holds bytes that are not UTF-8 text\n")
    assert query(cross_db, "SELECT id, name FROM speaker ORDER BY id") == before
