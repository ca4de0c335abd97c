"""quotetrack: quote and claim attribution for news text."""

__version__ = "0.1.0"
