"""Measuring helpers for the benchmark: wall time, memory of a whole process tree, percentiles.

A command is run under a small wrapper (``python benchtools.py --rusage OUT -- CMD...``)
so that ``getrusage(RUSAGE_CHILDREN)`` reports the largest resident set of any one process
of its tree, exactly; meanwhile a thread polls ``/proc`` for the tree's processes and
records the peak of their summed RSS (which counts pages shared after ``fork`` once per
process) and of their summed PSS (each shared page split between its sharers, so the sum
is the memory the tree really holds).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field

POLL_S = 0.2
_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def positive_int(text: str) -> int:
    """An argparse type: a whole number of 1 or more (0 workers or repeats would run nothing)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{n} is less than 1")
    return n


def positive_ints(text: str) -> list[int]:
    """An argparse type: a comma-separated list of whole numbers of 1 or more ("4,16,64")."""
    values = [positive_int(x) for x in text.split(",") if x.strip()]
    if not values:
        raise argparse.ArgumentTypeError("give at least one number")
    return values


def positive_float(text: str) -> float:
    try:
        x = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not x > 0:
        raise argparse.ArgumentTypeError(f"{text} is not more than 0")
    return x


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def percentile(xs, p: float):
    """The p-th percentile (0-100) by the nearest-rank method."""
    xs = sorted(xs)
    if not xs:
        return None
    k = max(0, math.ceil(p / 100 * len(xs)) - 1)
    return xs[k]


def _parents() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(b")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(d))
    return kids


def tree(pid: int) -> list[int]:
    """``pid`` and all its descendants now alive."""
    kids = _parents()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, ()))
    return out


def rss_pss_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in KiB; (0, 0) once it is gone."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        try:
            with open(f"/proc/{pid}/statm") as fh:
                rss = pss = int(fh.read().split()[1]) * _PAGE_KB
        except OSError:
            pass
    return rss, pss


class TreePoller(threading.Thread):
    """Polls a process tree until stopped; keeps the peaks of summed RSS and PSS and the most processes."""

    def __init__(self, pid: int, interval: float = POLL_S):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_rss_kb = self.peak_pss_kb = self.max_processes = 0
        self._halt = threading.Event()

    def run(self):
        while not self._halt.is_set():
            pids = tree(self.pid)
            sizes = [rss_pss_kb(p) for p in pids]
            self.peak_rss_kb = max(self.peak_rss_kb, sum(s[0] for s in sizes))
            self.peak_pss_kb = max(self.peak_pss_kb, sum(s[1] for s in sizes))
            self.max_processes = max(self.max_processes, len(pids))
            self._halt.wait(self.interval)

    def stop(self):
        self._halt.set()
        self.join()


@dataclass
class Run:
    """One measured command."""

    seconds: float
    returncode: int
    peak_tree_rss_mb: float  # summed RSS, polled
    peak_tree_pss_mb: float  # summed PSS, polled
    peak_process_rss_mb: float  # the largest single process, exact
    processes: int
    stdout: str = ""
    stderr: str = ""
    extra: dict = field(default_factory=dict)


def run_measured(cmd: list[str], env: dict | None = None, cwd: str | None = None) -> Run:
    """Run ``cmd`` to its end under the rusage wrapper, polling its tree's memory."""
    with tempfile.NamedTemporaryFile("r", suffix=".json", delete=False) as side:
        side_path = side.name
    try:
        wrapped = [sys.executable, os.path.abspath(__file__), "--rusage", side_path, "--", *cmd]
        t0 = time.perf_counter()
        proc = subprocess.Popen(wrapped, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
        poller = TreePoller(proc.pid)
        poller.start()
        out, err = proc.communicate()
        seconds = time.perf_counter() - t0
        poller.stop()
        try:
            with open(side_path) as fh:
                usage = json.load(fh)
        except (OSError, ValueError):
            usage = {"maxrss_kb": 0}
    finally:
        os.unlink(side_path)
    return Run(round(seconds, 3), proc.returncode, round(poller.peak_rss_kb / 1024, 1),
               round(poller.peak_pss_kb / 1024, 1), round(usage["maxrss_kb"] / 1024, 1),
               poller.max_processes, out, err)


def _rusage_wrapper(argv: list[str]) -> int:
    """``--rusage OUT -- CMD...``: run CMD, then write the children's peak RSS to OUT."""
    out, cmd = argv[1], argv[argv.index("--") + 1:]
    rc = subprocess.call(cmd)
    with open(out, "w") as fh:
        json.dump({"maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}, fh)
    return rc


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "--rusage":
        sys.exit(_rusage_wrapper(sys.argv[1:]))
    print("usage: benchtools.py --rusage OUT.json -- CMD...", file=sys.stderr)
    sys.exit(2)
