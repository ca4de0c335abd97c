"""The query commands through click's CliRunner on databases ingested from fixtures/."""
import json

import pytest
from click.testing import CliRunner

from quotetrack.cli import main


QUOTES = ("--kind", "direct", "--kind", "mixed")  # quotations proper, not reported claims


def run(db, *args):
    return CliRunner().invoke(main, [*args, "--db", db])


def rows(result):
    return [json.loads(line) for line in result.stdout.splitlines()]


def brief(result, *keys):
    return [tuple(r[k] for k in keys) for r in rows(result)]


# ---- the mission's three questions on the seed article ----------------------------------------

def test_quotes_of_mironov(seed_db):
    r = run(seed_db, "search", "--speaker", "mironov", *QUOTES, "--format", "jsonl")
    assert r.exit_code == 0
    assert brief(r, "quote", "speaker", "outlet", "relayed_by") == [
        ("Nothing will change in the lives of Azerbaijanis in Russia,", "Sergei Mironov", "EurasiaNet", None),
        ("Our positions on international problems coincide,", "Sergei Mironov", "EurasiaNet", None),
        ("Russia will do its best to help resolve the issue as soon as possible.", "Sergei Mironov", "EurasiaNet",
         "Azerbaijani television"),
        ("wound that does not heal.", "Sergei Mironov", "EurasiaNet", None),
    ]


@pytest.mark.parametrize("name", ["Itar-Tass", "itar tass", "TASS"])
def test_quotes_itar_tass_reported_are_two_of_putins(seed_db, name):
    r = run(seed_db, "search", "--relayed-by", name, *QUOTES, "--format", "jsonl")
    assert r.exit_code == 0
    assert brief(r, "quote", "speaker", "relayed_by") == [
        ("always was a welcome guest.", "Vladimir Putin", "Itar-Tass"),
        ("I am grateful to the president of Azerbaijan for using any opportunity for meeting,", "Vladimir Putin",
         "Itar-Tass"),
    ]


def test_outlet_itar_tass_on_the_seed_published_nothing_and_was_credited_twice(seed_db):
    r = run(seed_db, "outlet", "Itar-Tass", "--format", "json")
    assert r.exit_code == 0
    p = json.loads(r.stdout)
    assert (p["name"], p["kind"], p["articles"], p["own"], p["relayed"], p["credited"]) == (
        "Itar-Tass", "agency", 0, 0, 0, 2)
    assert [(q["as"], q["speaker"]) for q in p["recent"]] == [("credited", "Vladimir Putin")] * 2


def test_who_carried_commercial_blackmail(seed_db):
    r = run(seed_db, "check", "commercial blackmail", "--format", "json")
    assert r.exit_code == 0
    c = json.loads(r.stdout)
    assert (c["found"], c["speakers"], c["articles"]) == (True, ["Ilham Aliyev"], 1)
    assert "commercial blackmail." in [w["text"] for w in c["wordings"]]
    assert c["outlets"] == [{"outlet": "EurasiaNet", "quotes": c["quotes"]}]
    assert c["relays"] == []
    assert (c["first"]["outlet"], c["first"]["date"], c["first"]["article"]) == (
        "EurasiaNet", "2007-04-02", "Russia Moves To Repair Ties With Azerbaijan")


# ---- search ---------------------------------------------------------------------------------

@pytest.mark.parametrize("query, expected", [
    ("blackmail", ["commercial blackmail."]),
    ('"welcome guest"', ["always was a welcome guest."]),
    ("coincid*", ["Our positions on international problems coincide,"]),
    ("heal NOT karabakh", ["wound that does not heal.", "wound that does not heal"]),
    ("Azerbaijanis", ["Nothing will change in the lives of Azerbaijanis in Russia,",
                      "Nothing will change in the life of Azerbaijanis in Russia,",
                      "Nothing will change in the lives of Azerbaijanis in Russia,"]),
])
def test_full_text_search(cross_db, query, expected):
    r = run(cross_db, "search", query, *QUOTES)
    assert r.exit_code == 0
    assert [q["quote"] for q in rows(r)] == expected


def test_text_and_filters_combine(cross_db):
    r = run(cross_db, "search", "grateful", "--outlet", "moscow times", "--relayed-by", "TASS", *QUOTES)
    assert brief(r, "quote", "date") == [
        ("I am grateful to the president of Azerbaijan for using every opportunity for meeting,", "2007-03-28")]
    r = run(cross_db, "search", "--speaker", "Əliyev", "--since", "2007-03-28", "--until", "2007-03", "--kind", "direct")
    assert brief(r, "quote", "outlet") == [("We had a fruitful exchange,", "APA")]


def test_since_and_until_take_whole_months_and_years(cross_db):
    everything = every(cross_db, *QUOTES)
    for option, value, keep in (("--since", "2008", lambda d: d >= "2008"),
                                ("--until", "2007-03", lambda d: d <= "2007-03-31"),
                                ("--until", "2007-03-27", lambda d: d <= "2007-03-27"),
                                ("--since", "2007-03-28", lambda d: d >= "2007-03-28")):
        got = every(cross_db, option, value, *QUOTES)
        assert got == [q for q in everything if keep(q["date"])] and got, (option, value)
    assert {q["date"] for q in every(cross_db, "--until", "2007-03-27", *QUOTES)} == {"2007-03-27"}


def every(db, *args):
    return rows(run(db, "search", *args, "--limit", "1000"))


def test_limit_and_newest_first(cross_db):
    r = run(cross_db, "search", "--limit", "2", *QUOTES)
    assert brief(r, "date", "speaker") == [("2008-03-01", "Hillary Clinton"), ("2008-02-29", "Hillary Clinton")]


def test_no_result_exits_1(cross_db):
    r = run(cross_db, "search", "zeppelin")
    assert (r.exit_code, r.stdout, r.stderr) == (1, "", "no quotes found\n")


@pytest.mark.parametrize("command, message", [
    ("speakers", "no speakers found"), ("outlets", "no outlets found"), ("search", "no quotes found")])
def test_an_empty_database_says_it_has_nothing(tmp_path, command, message):
    from quotetrack.store import open_db

    open_db(str(tmp_path / "empty.db")).engine.dispose()
    r = run(str(tmp_path / "empty.db"), command, "--format", "jsonl")
    assert (r.exit_code, r.stdout, r.stderr) == (1, "", f"{message}\n")


@pytest.mark.parametrize("query", ['NEAR(', '"unclosed', "' OR 1=1 --", "bogus:column", "AND"])
def test_unparsable_full_text_query_is_one_line_exit_2(cross_db, query):
    r = run(cross_db, "search", query)
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: cannot parse the full-text query")
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr


@pytest.mark.parametrize("name, code, message", [
    ("Putn", 1, "Error: no speaker matches 'Putn'; did you mean: Vladimir Putin\n"),
    ("' OR 1=1 --", 1, "Error: no speaker matches \"' OR 1=1 --\"\n"),
    ("%", 2, "Error: speaker '%': a name needs letters or digits\n"),
    ('"', 2, "Error: speaker '\"': a name needs letters or digits\n"),
    ("_", 2, "Error: speaker '_': a name needs letters or digits\n"),
    ("NEAR(", 1, "Error: no speaker matches 'NEAR('\n"),
])
def test_names_that_are_ambiguous_unknown_or_syntax(cross_db, name, code, message):
    r = run(cross_db, "search", "--speaker", name)
    assert (r.exit_code, r.stderr) == (code, message)


def test_ambiguous_name_lists_candidates_with_their_quotes(cross_db):
    r = run(cross_db, "search", "--speaker", "clinton")
    def counted(name):  # quotes and claims apart, as `speakers` shows them
        kinds = [q["kind"] for q in rows(run(cross_db, "search", "--speaker", name))]
        quotes, claims = len(kinds) - kinds.count("indirect"), kinds.count("indirect")
        return f"{quotes} quote" + ("" if quotes == 1 else "s") + \
            (f", {claims} claim" + ("" if claims == 1 else "s") if claims else "")
    assert (r.exit_code, r.stderr) == (2, "Error: speaker 'clinton' is ambiguous; say which: "
                                          f"Hillary Clinton ({counted('hillary')}); Bill Clinton ({counted('bill clinton')})\n")
    assert "(2 quotes, 1 claim)" in r.stderr  # Hillary Clinton's, in the fixtures


@pytest.mark.parametrize("name, expected", [
    ("putin", "Vladimir Putin"), ("President Putin", "Vladimir Putin"), ("VLADIMIR V. PUTIN", "Vladimir Putin"),
    ("Aliyev", "Ilham Aliyev"), ("Əliyev", "Ilham Aliyev"), ("Hillary Clinton", "Hillary Clinton"),
    ("bill clinton", "Bill Clinton"), ("Mironov", "Sergei Mironov"),
])
def test_names_are_forgiving(cross_db, name, expected):
    r = run(cross_db, "search", "--speaker", name)
    assert r.exit_code == 0
    assert {q["speaker"] for q in rows(r)} == {expected}


def test_bad_date_and_missing_database_exit_2(cross_db, tmp_path):
    r = run(cross_db, "search", "--since", "March 2007")
    assert (r.exit_code, r.stderr) == (2, "Error: --since 'March 2007': give a date as YYYY, YYYY-MM or YYYY-MM-DD\n")
    for day in ("2007-13", "2007-02-30", "2007-00-10"):
        r = run(cross_db, "search", "--until", day)
        assert (r.exit_code, r.stderr) == (2, f"Error: --until {day!r}: no such date\n")
    assert run(cross_db, "search", "--since", "2008-02-29").exit_code == 0  # a leap day
    missing = str(tmp_path / "none.db")
    r = run(missing, "search", "x")
    assert r.exit_code == 2 and "no database here" in r.stderr
    assert not (tmp_path / "none.db").exists()


def test_csv_and_table_formats(cross_db):
    r = run(cross_db, "search", "blackmail", *QUOTES, "--format", "csv")
    assert r.stdout.splitlines() == ["quote,speaker,outlet,relayed_by,date,article",
                                     "commercial blackmail.,Ilham Aliyev,EurasiaNet,,2007-04-02,"
                                     "Russia Moves To Repair Ties With Azerbaijan"]
    r = run(cross_db, "search", "blackmail", *QUOTES, "--format", "table")
    assert r.stdout.splitlines()[0].split() == ["quote", "speaker", "outlet", "relayed", "by", "date", "article"]
    assert "commercial blackmail." in r.stdout.splitlines()[2]


# ---- speakers and outlets --------------------------------------------------------------------

def test_speakers_counts_agree_with_search(cross_db):
    r = run(cross_db, "speakers")
    assert r.exit_code == 0
    got = brief(r, "speaker", "quotes", "claims", "first", "last")
    assert [g[0] for g in got][:5] == ["Sergei Mironov", "Ilham Aliyev", "Vladimir Putin", "Hillary Clinton",
                                       "Bill Clinton"]
    for name, quotes, claims, first, last in got:
        found = every(cross_db, "--speaker", name)
        assert (quotes, claims, first, last) == (
            len(every(cross_db, "--speaker", name, *QUOTES)), len(every(cross_db, "--speaker", name, "--kind", "indirect")),
            found[-1]["date"], found[0]["date"]), name
    assert [g[1:3] for g in got] == sorted((g[1:3] for g in got), reverse=True)
    assert brief(run(cross_db, "speakers", "--top", "1"), "speaker") == [got[0][:1]]


def test_speaker_profile(cross_db):
    p = json.loads(run(cross_db, "speaker", "putin", "--limit", "100", "--format", "json").stdout)
    everything = every(cross_db, "--speaker", "putin")
    claims = len(every(cross_db, "--speaker", "putin", "--kind", "indirect"))
    assert (p["name"], p["quotes"], p["claims"], p["first"], p["last"]) == (
        "Vladimir Putin", len(everything) - claims, claims, "2007-03-27", "2007-04-02")
    assert p["quotes"] == 4
    assert p["articles"] == 3
    assert p["by_year"] == [{"year": "2007", "quotes": 4, "claims": claims}]
    assert {r["role"] for r in p["roles"]} == {"President", "Russian leader"}
    assert p["recent"] == everything
    quotes = [(q["outlet"], q["relayed_by"], q["date"]) for q in p["recent"] if q["kind"] != "indirect"]
    assert quotes == [("EurasiaNet", "Itar-Tass", "2007-04-02"), ("EurasiaNet", "Itar-Tass", "2007-04-02"),
                      ("Moscow Times", "Itar-Tass", "2007-03-28"), ("Itar-Tass", None, "2007-03-27")]
    assert [(o["outlet"], o["quotes"]) for o in p["relayed_by"]] == [("Itar-Tass", 3)]
    table = run(cross_db, "speaker", "putin", "--format", "table").stdout.splitlines()
    assert "speaker:      Vladimir Putin" in table
    assert f"quoted:       4 quotes, {claims} claims in 3 articles, 2007-03-27 to 2007-04-02" in table


def test_a_speaker_of_undated_articles_has_no_dates(tmp_path):
    article = tmp_path / "undated.txt"
    article.write_text("Harbor plans\n\n“We will reopen the harbor,” Mary Jones said.\n", encoding="utf-8")
    db = str(tmp_path / "u.db")
    assert CliRunner().invoke(main, ["ingest", str(article), "--db", db, "--workers", "1"]).exit_code == 0
    table = run(db, "speaker", "Mary Jones", "--format", "table").stdout.splitlines()
    assert "quoted:       1 quote, 0 claims in 1 article, no dates" in table


def test_outlets_counts_agree_with_search(cross_db):
    r = run(cross_db, "outlets")
    assert r.exit_code == 0
    for o in rows(r):
        published = every(cross_db, "--outlet", o["outlet"])
        credited = [q for q in every(cross_db, "--relayed-by", o["outlet"]) if q["outlet"] != o["outlet"]]
        relayed = [q for q in published if q["relayed_by"] not in (None, o["outlet"])]
        assert (o["own"] + o["relayed"], o["relayed"], o["credited"]) == (
            len(published), len(relayed), len(credited)), o["outlet"]
    assert brief(r, "outlet", "articles")[0] == ("EurasiaNet", 1)
    assert ("Azerbaijani television", 0) in brief(r, "outlet", "articles")


def test_outlet_profile_splits_own_relayed_and_credited(cross_db):
    r = run(cross_db, "outlet", "tass", "--format", "jsonl")
    assert r.exit_code == 0
    assert [(q["as"], q["outlet"], q["speaker"], q["date"]) for q in rows(r) if q["kind"] != "indirect"] == [
        ("credited", "EurasiaNet", "Vladimir Putin", "2007-04-02"),
        ("credited", "EurasiaNet", "Vladimir Putin", "2007-04-02"),
        ("credited", "Moscow Times", "Vladimir Putin", "2007-03-28"),
        ("own", "Itar-Tass", "Ilham Aliyev", "2007-03-27"),
        ("own", "Itar-Tass", "Vladimir Putin", "2007-03-27")]
    r = run(cross_db, "outlet", "Moscow Times", "--format", "jsonl")
    assert ("relayed", "Itar-Tass") in brief(r, "as", "relayed_by")


def test_unknown_outlet_exits_1(cross_db):
    r = run(cross_db, "outlet", "Pravda")
    assert r.exit_code == 1 and r.stderr.startswith("Error: no outlet matches 'Pravda'")


# ---- check --------------------------------------------------------------------------------

def test_check_a_changed_wording_finds_the_group_and_its_wordings(cross_db):
    r = run(cross_db, "check", "Nothing is going to change in the lives of Azerbaijanis in Russia", "--format", "json")
    assert r.exit_code == 0
    c = json.loads(r.stdout)
    assert (c["text"], c["speakers"], c["quotes"], c["articles"]) == (
        "Nothing will change in the lives of Azerbaijanis in Russia,", ["Sergei Mironov"], 3, 3)
    assert (c["first"]["outlet"], c["first"]["date"]) == ("APA", "2007-03-28")
    assert [(w["relation"], w["outlets"]) for w in c["wordings"]] == [
        ("original", ["APA", "EurasiaNet"]), ("variant", ["Caspian Daily"])]
    assert [q["outlet"] for q in c["carriers"]] == ["APA", "Caspian Daily", "EurasiaNet"]


def test_check_a_fragment_finds_the_fuller_quote(cross_db):
    c = json.loads(run(cross_db, "check", "settlement is a wound", "--format", "json").stdout)
    assert c["text"] == "The lack of a Karabakh settlement is a wound that does not heal,"
    assert [w["relation"] for w in c["wordings"]][:2] == ["original", "partial"]
    assert [o["outlet"] for o in c["outlets"]] == ["APA", "Caspian Daily", "EurasiaNet"]


def test_check_with_outlet_answers_yes_or_no(cross_db):
    yes = run(cross_db, "check", "grateful to the president of Azerbaijan", "--outlet", "Moscow Times",
              "--format", "table")
    assert yes.exit_code == 0
    assert yes.stdout.splitlines()[0] == "yes: Moscow Times carried this quote"
    assert brief(run(cross_db, "check", "grateful to the president of Azerbaijan", "--outlet", "TASS"),
                 "outlet", "relayed_by") == [("Itar-Tass", None), ("Moscow Times", "Itar-Tass"),
                                             ("EurasiaNet", "Itar-Tass")]
    no = run(cross_db, "check", "commercial blackmail", "--outlet", "APA", "--format", "table")
    assert (no.exit_code, no.stdout.splitlines()[0]) == (1, "no: APA did not carry this quote")


def test_check_unknown_quote_exits_1(cross_db):
    r = run(cross_db, "check", "the zeppelin has landed in Baku")
    assert (r.exit_code, r.stdout, r.stderr) == (1, "", "no one reported this quote\n")
    r = run(cross_db, "check", "...")
    assert r.exit_code == 2


def test_help_documents_exit_codes():
    for command in ("search", "speakers", "speaker", "outlets", "outlet", "check", "export"):
        r = CliRunner().invoke(main, [command, "--help"])
        assert r.exit_code == 0 and "Exit status: 0" in r.output, command


@pytest.mark.parametrize("args", [["search", "--limit"], ["speakers", "--top"], ["speaker", "Putin", "--limit"],
                                  ["outlet", "EurasiaNet", "--limit"]])
def test_a_limit_past_sqlites_integers_means_all(cross_db, args):
    everything = run(cross_db, *args, "1000")
    huge = run(cross_db, *args, str(2**64))
    assert huge.exit_code == 0 and huge.stdout == everything.stdout


def test_check_says_what_a_shorter_first_report_printed(tmp_path):
    from quotetrack.records import Article, Quote
    from quotetrack.store import open_db

    db = tmp_path / "q.db"
    full = "Nothing will change in the lives of ordinary people, and we will keep our promises,"
    short = "Nothing will change in the lives of ordinary people,"
    with open_db(str(db)) as store:
        for text, quote, outlet, date in ((f'"{short}" Putin said.', short, "Moscow Times", "2010-03-02"),
                                          (f'"{full}" Putin said.', full, "The Guardian", "2010-03-05")):
            store.add_article(Article(text=text, path=f"{outlet}.txt", outlet=outlet, date=date),
                              [Quote(quote, 1, 1 + len(quote), speaker="Vladimir Putin", speaker_kind="person",
                                     outlet=outlet)])
    r = run(str(db), "check", "nothing will change in the lives", "--format", "table")
    lines = r.stdout.splitlines()
    assert lines[0] == f"quote:        \u201c{full}\u201d"
    assert lines[2] == f"first report: 2010-03-02 \u2014 Moscow Times, as \u201c{short}\u201d"
