"""Shared fixtures: the spaCy pipeline is loaded once per test session."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "eurasianet-2007-russia-azerbaijan.txt"


@pytest.fixture(scope="session")
def extractor():
    from quotetrack.extract import Extractor

    ex = Extractor()
    ex.nlp  # load once
    return ex


@pytest.fixture(scope="session")
def extract_text(extractor):
    """Quotes of a short text given as a string (no header: the first line is the title)."""
    from quotetrack.reader import article_from_text

    def run(text, outlet="The Daily Planet", **kw):
        article = article_from_text("Headline\n\n" + text, "test.txt", outlet=outlet)
        return extractor.extract(article)
    return run


def _ingest(paths, db):
    from click.testing import CliRunner

    from quotetrack.cli import main

    result = CliRunner().invoke(main, ["ingest", *map(str, paths), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return str(db)


@pytest.fixture(scope="session")
def seed_db(extractor, tmp_path_factory):
    """The seed article alone, ingested once through the real command; tests only read it."""
    return _ingest([SEED], tmp_path_factory.mktemp("seed") / "seed.db")


@pytest.fixture(scope="session")
def cross_db(extractor, tmp_path_factory):
    """Every bundled fixture (the seed and fixtures/cross/), ingested once; tests only read it."""
    return _ingest([FIXTURES], tmp_path_factory.mktemp("cross") / "cross.db")
