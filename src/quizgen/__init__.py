"""quizgen: questions about the dates, people and organizations in a text.

    from quizgen import load_source, generate, save_deck, render
    deck = generate([load_source("sources/article.txt")], seed=0)
    save_deck(deck, "decks/article.yaml")
    render("anki", [deck], "output/article.apkg")

Names are resolved lazily so that `import quizgen` stays cheap: spaCy is imported only
by extraction, reportlab and genanki only by their renderers.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Source": "quizgen.sources",
    "load_source": "quizgen.sources",
    "Facts": "quizgen.extract",
    "extract_facts": "quizgen.extract",
    "generate": "quizgen.generate",
    "Deck": "quizgen.deck",
    "Question": "quizgen.deck",
    "SourceRef": "quizgen.deck",
    "load_deck": "quizgen.deck",
    "save_deck": "quizgen.deck",
    "dump_deck": "quizgen.deck",
    "merge_decks": "quizgen.deck",
    "render": "quizgen.render",
    "renderer_names": "quizgen.render",
    "QuizgenError": "quizgen.errors",
    "SourceError": "quizgen.errors",
    "DeckError": "quizgen.errors",
    "ModelError": "quizgen.errors",
    "RenderError": "quizgen.errors",
    "ProgressError": "quizgen.errors",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:  # pragma: no cover
    from quizgen.deck import Deck, Question, SourceRef, dump_deck, load_deck, merge_decks, save_deck
    from quizgen.errors import (
        DeckError,
        ModelError,
        ProgressError,
        QuizgenError,
        RenderError,
        SourceError,
    )
    from quizgen.extract import Facts, extract_facts
    from quizgen.generate import generate
    from quizgen.render import render, renderer_names
    from quizgen.sources import Source, load_source


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'quizgen' has no attribute {name!r}")
