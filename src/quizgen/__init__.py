"""quizgen: questions about the dates, people and organizations in a text.

The stages, each taking the one before's data (run from the repository's folder):

    >>> from quizgen import GenerateOptions, extract_facts, generate, load_source
    >>> source = load_source("sources/marshall-plan.md")
    >>> source.title
    'The Marshall Plan'
    >>> facts = extract_facts(source)
    >>> "George C. Marshall" in [a.name for a in facts.actors]
    True
    >>> deck = generate([facts], GenerateOptions(seed=0))
    >>> sorted({q.kind for q in deck.questions})
    ['actor', 'date', 'organization']

A deck is plain data: save it as YAML for a person to edit, render it for print or Anki.

    >>> from quizgen import load_deck, render, save_deck
    >>> save_deck(deck, "marshall-plan.yaml").name
    'marshall-plan.yaml'
    >>> load_deck("marshall-plan.yaml") == deck
    True
    >>> [p.name for p in render("anki", [deck], "marshall-plan.apkg")]
    ['marshall-plan.apkg']

`build` does all of it for files, merging with a deck a person already edited, and
`iter_facts` parses many or long sources lazily. Every error a user can fix is a
`QuizgenError` (see `quizgen._errors` for the tree).

Names are resolved lazily so that `import quizgen` stays cheap: spaCy is imported only
by extraction, reportlab and genanki only by their renderers.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Source": "quizgen._sources",
    "load_source": "quizgen._sources",
    "Facts": "quizgen._extract",
    "extract_facts": "quizgen._extract",
    "iter_facts": "quizgen._extract",
    "generate": "quizgen._generate",
    "GenerateOptions": "quizgen._generate",
    "Deck": "quizgen._deck",
    "Question": "quizgen._deck",
    "SourceRef": "quizgen._deck",
    "load_deck": "quizgen._deck",
    "save_deck": "quizgen._deck",
    "dump_deck": "quizgen._deck",
    "merge_decks": "quizgen._deck",
    "MergeReport": "quizgen._deck",
    "render": "quizgen._render",
    "renderer_names": "quizgen._render",
    "RenderOptions": "quizgen._render",
    "AnkiOptions": "quizgen._render.anki",
    "PdfOptions": "quizgen._render.pdf",
    "build": "quizgen._build",
    "generate_deck": "quizgen._build",
    "BuildResult": "quizgen._build",
    "QuizgenError": "quizgen._errors",
    "SourceError": "quizgen._errors",
    "DeckError": "quizgen._errors",
    "TemplateError": "quizgen._errors",
    "Problem": "quizgen._errors",
    "ModelError": "quizgen._errors",
    "RenderError": "quizgen._errors",
    "ProgressError": "quizgen._errors",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:  # pragma: no cover
    from quizgen._build import BuildResult, build, generate_deck
    from quizgen._deck import (
        Deck,
        MergeReport,
        Question,
        SourceRef,
        dump_deck,
        load_deck,
        merge_decks,
        save_deck,
    )
    from quizgen._errors import (
        DeckError,
        ModelError,
        Problem,
        ProgressError,
        QuizgenError,
        RenderError,
        SourceError,
        TemplateError,
    )
    from quizgen._extract import Facts, extract_facts, iter_facts
    from quizgen._generate import GenerateOptions, generate
    from quizgen._render import RenderOptions, render, renderer_names
    from quizgen._render.anki import AnkiOptions
    from quizgen._render.pdf import PdfOptions
    from quizgen._sources import Source, load_source


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'quizgen' has no attribute {name!r}")
