"""Domain exceptions. The CLI shows their message as one line and exits non-zero."""


class QuotetrackError(Exception):
    """Base class of every error meant to be shown to the user as it is."""


class ReadError(QuotetrackError):
    """A file could not be read as an article; the message names the file and the problem."""

    def __init__(self, path, problem: str, inputs: int = 1):
        self.path = str(path)
        self.problem = problem
        self.inputs = inputs  # how many inputs failed: one, or several summed up in one message
        super().__init__(f"{self.path}: {problem}")


class ModelError(QuotetrackError):
    """No usable spaCy pipeline."""


class ExtractError(QuotetrackError):
    """Attribution failed for one article; the others of the batch go on."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        super().__init__(f"{self.path}: extraction failed ({problem})")
