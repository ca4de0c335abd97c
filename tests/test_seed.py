"""The seed article comes out exactly right: quotes, speakers, relays, article metadata."""
import json

from click.testing import CliRunner

from quotetrack.cli import main
from quotetrack.reader import read_article

from .conftest import SEED

EXPECTED = [
    ("I am grateful to the president of Azerbaijan for using any opportunity for meeting", "Vladimir Putin", "Itar-Tass"),
    ("always was a welcome guest", "Vladimir Putin", "Itar-Tass"),
    ("commercial blackmail", "Ilham Aliyev", None),
    ("stable, friendly and cooperative relations", "Ilham Aliyev", None),
    ("fruitful exchange", "Ilham Aliyev", "APA"),
    ("wound that does not heal", "Sergei Mironov", None),
    ("Russia will do its best to help resolve the issue as soon as possible", "Sergei Mironov", "Azerbaijani television"),
    ("Our positions on international problems coincide", "Sergei Mironov", None),
    ("Nothing will change in the lives of Azerbaijanis in Russia", "Sergei Mironov", None),
]


def test_seed_article_metadata():
    a = read_article(SEED)
    assert (a.title, a.author, a.outlet, a.place, a.date, a.date_raw) == (
        "Russia Moves To Repair Ties With Azerbaijan", "Sergei Blagov", "EurasiaNet", "NY", "2007-04-02", "2/4/2007")


def test_seed_quotes_exactly(extractor):
    article = read_article(SEED)
    quotes = [q for q in extractor.extract(article) if q.kind != "indirect"]
    got = [(q.text.rstrip(",."), q.speaker, q.outlet if q.relayed else None) for q in quotes]
    assert got == EXPECTED
    for q in quotes:
        assert article.text[q.start:q.end] == q.text
        assert not q.relayed or q.outlet != "EurasiaNet"
        assert q.relayed or q.outlet == "EurasiaNet"
    assert quotes[2].kind == "mixed"
    assert [q.kind for q in quotes[7:]] == ["direct", "direct"]


def test_seed_roles_and_mentions(extractor):
    article = read_article(SEED)
    quotes = [q for q in extractor.extract(article) if q.kind != "indirect"]
    assert quotes[0].speaker_role == "Russian leader"
    assert quotes[0].speaker_mention.text == "Putin"
    assert quotes[3].speaker_mention.text == "He"  # resolved to Aliyev
    assert quotes[3].speaker_role == "Azerbaijani President"
    assert quotes[5].speaker_role == "Federation Council Speaker"
    for q in quotes:
        m = q.speaker_mention
        assert article.text[m.start:m.end] == m.text


def test_extract_cli_jsonl(extractor):
    result = CliRunner().invoke(main, ["extract", str(SEED), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    rows = [r for r in rows if r["kind"] != "indirect"]
    assert len(rows) == 9
    assert rows[0]["article"] == {"title": "Russia Moves To Repair Ties With Azerbaijan", "author": "Sergei Blagov",
                                  "outlet": "EurasiaNet", "date": "2007-04-02", "date_raw": "2/4/2007"}
    assert rows[0]["outlet"] == "Itar-Tass" and rows[0]["relayed"] is True
    assert rows[2]["kind"] == "mixed" and rows[2]["speaker"] == "Ilham Aliyev"


def test_extract_cli_no_claims(extractor):
    result = CliRunner().invoke(main, ["extract", str(SEED), "--format", "jsonl", "--no-claims"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["kind"] for line in result.output.splitlines()].count("indirect") == 0
    assert len(result.output.splitlines()) == 9


SEED_CLAIMS = [
    # (content, speaker, cue, relay)
    ("Baku was ready to discuss bilateral issues", "Ilham Aliyev", "said", None),
    ("that he would attend the events in St. Petersburg", "Ilham Aliyev", "indicated", None),
    ("that the legislation would not impact the large number of Azeris in Russia, many of whom sell produce and "
     "other goods at market across Russia", "Sergei Mironov", "announced", None),
]


def test_seed_mixed_quote_stands_for_its_claim(extractor):
    """'saying that Azerbaijan would not tolerate "commercial blackmail."' is one record: the
    mixed quote, whose sentence holds the paraphrase, and no claim repeating it."""
    records = extractor.extract(read_article(SEED))
    for fragment, paraphrase in [("commercial blackmail.", "that Azerbaijan would not tolerate"),
                                 ("fruitful exchange.", "the two presidents had a")]:
        mixed = [q for q in records if q.kind == "mixed" and q.text == fragment]
        assert len(mixed) == 1 and paraphrase in mixed[0].sentence.text
        assert [q.text for q in records if q.kind == "indirect" and fragment in q.text] == []


def test_seed_claims(extractor):
    article = read_article(SEED)
    records = extractor.extract(article)
    claims = {q.text: q for q in records if q.kind == "indirect"}
    for text, speaker, cue, relay in SEED_CLAIMS:
        q = claims[text]
        assert (q.speaker, q.cue.text, q.outlet if q.relayed else None) == (speaker, cue, relay), text
        assert article.text[q.start:q.end] == q.text and q.sieve.startswith("claim-")
    quoted = {q.text.strip(",.") for q in records if q.kind != "indirect"}
    assert not quoted & {t.strip(",.\"") for t in claims}  # no claim repeats a quote


def test_seed_with_windows_or_old_mac_line_ends_gives_the_same_quotes_and_claims(extractor):
    from quotetrack.reader import article_from_text

    text = read_article(SEED).text

    def found(eol):
        article = article_from_text(text.replace("\n", eol))
        return [(q.kind, q.speaker, q.text.replace(eol, "\n")) for q in extractor.extract(article)]

    assert found("\r\n") == found("\r") == found("\n")
