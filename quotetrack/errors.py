"""Domain exceptions. The CLI shows their message as one line and exits non-zero."""
import os
import re


def printable_path(path) -> str:
    """A file name as one line of valid text, to store and print: bytes that are not UTF-8
    and control characters written as escapes ("bad\\xffname.txt", "bad\\nname.txt")."""
    try:
        raw = str(path).encode("utf-8", "surrogateescape")  # the bytes the file system gave
    except UnicodeEncodeError:
        raw = str(path).encode("utf-8", "backslashreplace")
    s = raw.decode("utf-8", "backslashreplace")
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: repr(m.group())[1:-1], s)


class QuotetrackError(Exception):
    """Base class of every error meant to be shown to the user as it is."""


class ReadError(QuotetrackError):
    """A file could not be read as an article; the message names the file and the problem."""

    def __init__(self, path, problem: str, inputs: int = 1):
        self.path = printable_path(path)
        self.problem = problem
        self.inputs = inputs  # how many inputs failed: one, or several summed up in one message
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self):  # rebuilt from its parts when a worker process sends it back
        return type(self), (self.path, self.problem, self.inputs)


class ModelError(QuotetrackError):
    """No usable spaCy pipeline."""


class ExtractError(QuotetrackError):
    """Attribution failed for one article; the others of the batch go on."""

    def __init__(self, path, problem: str):
        self.path = printable_path(path)
        self.problem = problem
        super().__init__(f"{self.path}: extraction failed ({problem})")

    def __reduce__(self):  # rebuilt from its parts when a worker process sends it back
        return type(self), (self.path, self.problem)


def check_db_file(path: str) -> None:
    """Refuse a database path that can name no database file: nothing, or a folder."""
    if not path.strip():
        raise QuotetrackError(f"{path!r}: not a database file")
    if os.path.isdir(os.path.expanduser(path)):
        raise QuotetrackError(f"{path}: is a folder, not a database file")
