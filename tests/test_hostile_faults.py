"""Faults with real processes: a killed --force run, two ingests of the same folder at once,
and searches while an ingest writes."""
import os
import re
import signal
import subprocess
import sys
import time

import pytest

from .conftest import ROOT, SEED
from .test_ingest import count, ingest_process, intact, query, write_articles


def wait_for(db, n, proc, timeout=120):
    deadline = time.monotonic() + timeout
    while count(db) < n and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)


def quotes_per_article(db):
    return query(db, "SELECT a.path, count(q.id) FROM article a LEFT JOIN quote q ON q.article_id = a.id "
                     "GROUP BY a.id ORDER BY a.path")


def test_a_killed_force_run_leaves_every_article_whole(tmp_path):
    total = 120
    write_articles(tmp_path / "in", range(total))
    db = tmp_path / "q.db"
    first = ingest_process(db, tmp_path / "in")
    first.communicate(timeout=300)
    assert first.returncode == 0
    before = quotes_per_article(db)
    forced = subprocess.Popen([sys.executable, "-m", "quotetrack", "ingest", str(tmp_path / "in"), "--db", str(db),
                               "--workers", "1", "--force"], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while query(db, "SELECT count(*) FROM quote WHERE id > ?", 2 * total)[0][0] < 8 \
            and time.monotonic() < deadline and forced.poll() is None:
        time.sleep(0.01)
    forced.send_signal(signal.SIGKILL)
    forced.wait()
    replaced = query(db, "SELECT count(*) FROM quote WHERE id > ?", 2 * total)[0][0]
    assert 0 < replaced < 2 * total, "the --force run was not killed halfway"
    assert quotes_per_article(db) == before  # each article has its old quotes or its new ones, all of them
    intact(db)


def test_two_ingests_of_the_same_folder_store_each_article_once(tmp_path):
    total = 30
    write_articles(tmp_path / "in", range(total))
    db = tmp_path / "q.db"
    procs = [ingest_process(db, tmp_path / "in"), ingest_process(db, tmp_path / "in")]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    added = [int(re.search(r"(\d+) articles? added", err).group(1)) for _, err in results]
    skipped = [int(err.split(" skipped")[0].rsplit(" ", 1)[-1]) for _, err in results]
    assert sum(added) == total and sum(skipped) == total
    assert (count(db), count(db, "quote")) == (total, 2 * total)
    assert query(db, "SELECT count(*) FROM speaker WHERE name = 'Anna Kowalska'") == [(1,)]
    intact(db)


def test_searches_while_an_ingest_writes(tmp_path):
    total = 40
    write_articles(tmp_path / "in", range(total))
    db = tmp_path / "q.db"
    writer = ingest_process(db, tmp_path / "in")
    wait_for(db, 1, writer)
    searches = []
    while writer.poll() is None:
        found = subprocess.run([sys.executable, "-m", "quotetrack", "search", "budget", "--db", str(db),
                                "--format", "jsonl", "--limit", "1000"], cwd=ROOT, capture_output=True, text=True,
                               timeout=60)
        searches.append((found.returncode, found.stderr, found.stdout.count("\n")))
    assert writer.returncode == 0
    assert len(searches) >= 2, "the ingest ended before any search ran beside it"
    assert all(code in (0, 1) and (err == "" or err == "no quotes found\n") for code, err, _ in searches), searches
    seen = [n for *_, n in searches]
    assert seen == sorted(seen) and seen[-1] <= total  # each search sees whole articles, never fewer later
    intact(db)


def _parallel_ingest_then(tmp_path, stop):
    """A 200-article ingest with two workers, stopped by ``stop(proc)`` while they parse;
    -> (exit code, stderr, articles stored)."""
    total = 200
    write_articles(tmp_path / "in", range(total))
    db = tmp_path / "q.db"
    proc = subprocess.Popen([sys.executable, "-m", "quotetrack", "ingest", str(tmp_path / "in"), "--db", str(db),
                             "--workers", "2"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    children = f"/proc/{proc.pid}/task/{proc.pid}/children"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and len(open(children).read().split()) < 2 \
            and count(db) < 5:  # (one CPU: no workers)
        time.sleep(0.01)
    time.sleep(0.5)  # the workers are loading their models or parsing
    stop(proc)
    _, err = proc.communicate(timeout=120)
    stored = count(db)
    assert stored < total
    intact(db)
    return proc.returncode, err, stored


def test_ctrl_c_during_a_parallel_ingest_says_interrupted_once(tmp_path):
    # Ctrl-C at a terminal reaches the whole process group: the parent and its parsing workers
    code, err, _ = _parallel_ingest_then(tmp_path, lambda proc: os.killpg(proc.pid, signal.SIGINT))
    assert (code, err) == (130, "interrupted\n")


def test_kill_during_a_parallel_ingest_says_terminated_once(tmp_path):
    # kill, timeout and service managers send SIGTERM to the parent alone
    code, err, _ = _parallel_ingest_then(tmp_path, lambda proc: proc.terminate())
    assert (code, err) == (143, "terminated\n")


def test_a_kill_during_attribution_stops_the_run_rather_than_failing_an_article(extractor, monkeypatch):
    # attribution keeps one article's failure (any Exception) from stopping the batch: SIGTERM must not be one
    from click.testing import CliRunner

    from quotetrack.cli import main
    from quotetrack.cli.common import Terminated
    from quotetrack.extract import Extractor

    def killed(*args):
        raise Terminated

    monkeypatch.setattr(Extractor, "_attribute", killed)
    result = CliRunner().invoke(main, ["extract", str(SEED), "--workers", "1"])
    assert (result.exit_code, result.stderr) == (143, "terminated\n")


@pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
                    reason="the parent-death signal is Linux's, and one CPU runs no workers")
def test_workers_end_with_a_parent_killed_outright(tmp_path):
    workers = []

    def kill(proc):
        workers.extend(int(p) for p in open(f"/proc/{proc.pid}/task/{proc.pid}/children").read().split())
        proc.kill()

    code, err, _ = _parallel_ingest_then(tmp_path, kill)
    assert (code, err) == (-signal.SIGKILL, "")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(os.path.exists(f"/proc/{w}") and _alive(w) for w in workers):
        time.sleep(0.05)
    assert not [w for w in workers if os.path.exists(f"/proc/{w}") and _alive(w)]


def _alive(pid: int) -> bool:
    """Is the process running (not a zombie waiting for its parent to collect it)?"""
    try:
        return open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
