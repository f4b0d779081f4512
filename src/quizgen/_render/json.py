"""JSON (.json): the decks as data for another program, described by docs/deck.schema.json.

The shape follows deck format v1 (docs/deck-format.md) with three differences that make it
easier to consume: only the questions a renderer exports (never a rejected one), every
question key present (empty lists and strings included), and each deck's `deck_id` always
set (its stable id). Editing state (`templates`, `generated`) is left out: the YAML deck
stays the file a person edits.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quizgen._deck import FORMAT_VERSION, QUESTION_KEYS, Deck, Question
from quizgen._render import RenderOptions
from quizgen._render._textfile import exported, write_text_export

__all__ = ["OPTIONS", "SCHEMA_ID", "SUFFIX", "json_text", "render"]

SUFFIX = ".json"
# The schema's $id: a consumer can tell which shape it reads.
SCHEMA_ID = "https://quizgen.invalid/deck.schema.json"


# No choices of its own: the common ones say which questions.
OPTIONS = RenderOptions


def render(decks: Sequence[Deck], out_path: Path, options: RenderOptions) -> list[Path]:
    """Write `{"$schema", "quizgen", "decks": [...]}` at `out_path`; returns [out_path].

    Raises RenderError for no decks or an output path that is a folder.
    """
    return write_text_export("json", SUFFIX, decks, out_path, lambda: json_text(decks, options))


def json_text(decks: Sequence[Deck], options: RenderOptions) -> str:
    """The whole file: the decks with their exported questions, as indented JSON."""
    data = {
        "$schema": SCHEMA_ID,
        "quizgen": FORMAT_VERSION,
        "decks": [_deck_data(deck, options) for deck in decks],
    }
    # Unicode as is, and a fixed layout: the same decks give the same bytes.
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _deck_data(deck: Deck, options: RenderOptions) -> dict[str, Any]:
    questions = exported(deck, options)
    return {
        "title": deck.title,
        "deck_id": deck.stable_id,
        "sources": [{k: v for k, v in vars(ref).items() if v is not None} for ref in deck.sources],
        "questions": [_question_data(q) for q in questions],
    }


def _question_data(q: Question) -> dict[str, Any]:
    return {
        key: list(getattr(q, key)) if key in _LISTS else getattr(q, key) for key in QUESTION_KEYS
    }


_LISTS = frozenset(("accept", "choices", "tags"))
