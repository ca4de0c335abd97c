"""`quotetrack serve` in a real browser: the server runs as its own process on a free
localhost port over a database ingested from fixtures/, and headless Chromium (Debian's
/usr/bin/chromium, driven by Playwright) searches, follows links and reads the pages.
A screenshot of every page visited is kept under test-artifacts/web/.
"""
import hashlib
import json
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from quotetrack.cli import main
from tests.conftest import FIXTURES, ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts" / "web"

# An article whose text holds markup: the pages must show it as text, never as HTML.
HOSTILE = {
    "title": "Mayor <b>Smith</b> on the <script>budget</script>",
    "outlet": "Springfield Shopper",
    "date": "2009-05-04",
    "text": "Mayor Joe Smith spoke about the budget on Monday.\n\n"
            "\"We will <b>balance</b> this budget <script>window.hacked = 1</script> by June,\" "
            "Smith said at city hall. <img src=x onerror=\"window.hacked = 2\">\n",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def quote_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = folder / "quotes.db"
    result = CliRunner().invoke(main, ["ingest", str(FIXTURES), str(hostile), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def rows(quote_db):
    """Ask the database directly, to compare with what the pages show."""
    conn = sqlite3.connect(f"{quote_db.as_uri()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row

    def query(sql, *params):
        return [dict(r) for r in conn.execute(sql, params)]
    yield query
    conn.close()


@pytest.fixture(scope="module")
def server(quote_db):
    before = _sha256(quote_db)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "quotetrack", "serve", "--db", str(quote_db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            pytest.fail(f"quotetrack serve exited with {proc.returncode}: {proc.stderr.read()}")
        try:
            with urllib.request.urlopen(base + "/quotetrack", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("quotetrack serve did not answer within 60 s")
        time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(timeout=10)
    assert _sha256(quote_db) == before, "serving changed the database file"


@pytest.fixture(scope="module")
def browser_context():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True,
            viewport={"width": 1280, "height": 900})
        yield context
        context.close()


@pytest.fixture
def page(browser_context, request):
    page = browser_context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield page
    page.close()
    assert not dialogs, f"a page opened dialogs: {dialogs}"


def shot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_search_a_quote_then_open_it_in_its_article(server, page, rows):
    page.goto(server + "/quotetrack/quote")
    page.fill("input#_search", "fruitful")
    page.keyboard.press("Enter")
    page.wait_for_url("**_search=fruitful**")
    shot(page, "search")
    expected = rows("select q.id, q.text, q.kind, s.name from quote q join speaker s on s.id = q.speaker_id "
                    "where q.id in (select rowid from quote_fts where quote_fts match 'fruitful')")
    assert len(expected) >= 2
    cells = page.locator("table.rows-and-columns tbody td.col-text")
    assert sorted(cells.all_inner_texts()) == sorted(r["text"] for r in expected)
    headings = page.locator("table.rows-and-columns thead th").all_inner_texts()
    assert [h.strip() for h in headings[:4]] == ["#", "Article", "Quote", "Kind"]
    assert "Relayed from" in [h.strip() for h in headings]
    assert page.locator(".facet-info-name", has_text="Speaker").count() == 1

    first = next(r for r in expected if r["kind"] != "indirect")  # a claim around it is marked in pieces
    page.locator(f"td.col-text a[href$='#q{first['id']}']").click()
    page.wait_for_url(f"**/-/quotetrack/article/*#q{first['id']}")
    assert page.locator(f"mark#q{first['id']}").inner_text() == first["text"]


def test_speaker_page(server, page, rows):
    page.goto(server + "/quotetrack/speaker_quotes?speaker=putin")
    shot(page, "speaker-quotes")
    putin = rows("select id, name from speaker where surname_key = 'putin'")
    assert len(putin) == 1
    quotes = rows("select text from quote where speaker_id = ? order by date desc, article_id, position", putin[0]["id"])
    assert page.locator("table.rows-and-columns tbody tr").count() == len(quotes)

    page.locator("td a", has_text=putin[0]["name"]).first.click()
    page.wait_for_url(f"**/-/quotetrack/speaker/{putin[0]['id']}")
    shot(page, "speaker")
    assert page.locator("h1").inner_text() == putin[0]["name"]
    listed = page.locator("table.qt-list tbody td.qt-text a").all_inner_texts()
    assert listed == [q["text"] for q in quotes]
    relays = rows("select distinct o.name from quote q join outlet o on o.id = q.relay_outlet_id where q.speaker_id = ?",
                  putin[0]["id"])
    facts = page.locator("dl.qt-facts").inner_text()
    assert all(r["name"] in facts for r in relays) and relays


def test_quote_group_shows_wordings_side_by_side(server, page, rows):
    page.goto(server + "/quotetrack/who_carried?quote=" + urllib.parse.quote("grateful to the president of Azerbaijan"))
    shot(page, "who-carried")
    group = rows("select g.* from quote_group g join quote q on q.group_id = g.id "
                 "where q.text like 'I am grateful to the president of Azerbaijan%' limit 1")[0]
    carriers = rows("select q.id from quote q where q.group_id = ?", group["id"])
    assert page.locator("table.rows-and-columns tbody tr").count() == len(carriers)
    first_report = page.locator("table.rows-and-columns tbody tr", has_text="first report")
    assert first_report.count() == 1

    page.locator("td a", has_text=group["text"]).first.click()
    page.wait_for_url(f"**/-/quotetrack/group/{group['id']}")
    shot(page, "group")
    wordings = rows("select relation, text from wording where group_id = ?", group["id"])
    boxes = page.locator(".qt-wording")
    assert boxes.count() == len(wordings) >= 2
    assert sorted(boxes.locator(".qt-tag").all_inner_texts()) == sorted(w["relation"] for w in wordings)
    variant = page.locator(".qt-wording", has=page.locator(".qt-tag.variant"))
    assert variant.locator("ins").all_inner_texts() == ["every"]
    assert variant.locator("del").all_inner_texts() == ["any"]
    outlets = rows("select distinct o.name from quote q join outlet o on o.id = q.outlet_id where q.group_id = ?",
                   group["id"])
    text = page.locator(".qt-wordings").inner_text()
    assert all(o["name"] in text for o in outlets)


def test_outlet_query_splits_own_reports_from_credited_ones(server, page, rows):
    page.goto(server + "/quotetrack/outlet_quotes?outlet=TASS")
    shot(page, "outlet")
    tass = rows("select outlet_id from outlet_alias where key = 'tass'")[0]["outlet_id"]
    own = rows("select count(*) n from quote where outlet_id = ? and relay_outlet_id is null", tass)[0]["n"]
    credited = rows("select count(*) n from quote where relay_outlet_id = ? and outlet_id != ?", tass, tass)[0]["n"]
    how = page.locator("table.rows-and-columns tbody td:nth-child(2)").all_inner_texts()
    assert how.count("own report") == own > 0
    assert len([h for h in how if h.startswith("credited by ")]) == credited > 0


def test_article_marks_quotes_at_their_offsets_and_shows_markup_as_text(server, page, rows):
    article = rows("select id, text from article where title like 'Mayor%'")[0]
    quotes = rows("select id, text, kind, start, \"end\" from quote where article_id = ?", article["id"])
    assert quotes, "the hostile fixture should yield a quote"
    page.goto(server + f"/-/quotetrack/article/{article['id']}")
    shot(page, "article")
    assert page.locator("h1").inner_text() == HOSTILE["title"]
    body = page.locator(".qt-article-text")
    assert body.inner_text().strip() == article["text"].strip()
    assert body.locator("b, script, img").count() == 0
    assert page.locator("head script", has_text="hacked").count() == 0
    assert page.evaluate("window.hacked") is None
    assert body.locator("mark.qt-quote").count() == len([q for q in quotes if q["kind"] != "indirect"])
    marks = body.locator("mark.qt-quote, mark.qt-claim")
    assert marks.count() == len(quotes)
    for q in quotes:
        assert body.locator(f"mark#q{q['id']}").inner_text() == article["text"][q["start"]:q["end"]] == q["text"]


def test_seed_article_marks_every_quote(server, page, rows):
    article = rows("select id, quote_count, claim_count from article where path like '%eurasianet%'")[0]
    page.goto(server + f"/-/quotetrack/article/{article['id']}")
    shot(page, "seed-article")
    assert page.locator(".qt-article-text mark.qt-quote").count() == article["quote_count"] > 0
    assert 0 < page.locator(".qt-article-text mark.qt-claim[id]").count() <= article["claim_count"]
    assert page.locator("table.qt-list tbody tr").count() == article["quote_count"] + article["claim_count"]
