"""Reading source texts: .txt/.md (front matter), .html, .pdf -> Source."""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.deck import SourceRef


@dataclass(frozen=True)
class Source:
    """A cleaned source text and what is known about it."""

    path: str  # as given by the user; the deck cites it
    title: str
    text: str  # cleaned body, paragraphs separated by one blank line
    published: str | None = None  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    url: str | None = None
    author: str | None = None

    def ref(self) -> SourceRef:
        """The citation a deck keeps for this source."""
        return SourceRef(self.path, self.title, self.published, self.url, self.author)


def load_source(path: str) -> Source:  # filled in by the sources work
    raise NotImplementedError
