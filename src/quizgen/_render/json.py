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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizgen._atomic import write_text_atomic
from quizgen._deck import FORMAT_VERSION, QUESTION_KEYS, Deck, Question, select_questions
from quizgen._errors import RenderError
from quizgen._render import RenderOptions

__all__ = ["OPTIONS", "SCHEMA_ID", "SUFFIX", "JsonOptions", "render"]

SUFFIX = ".json"
# The schema's $id: a consumer can tell which shape it reads.
SCHEMA_ID = "https://quizgen.invalid/deck.schema.json"


@dataclass(frozen=True)
class JsonOptions(RenderOptions):
    """The json renderer takes only the common choices (which questions)."""


OPTIONS = JsonOptions


def render(decks: Sequence[Deck], out_path: Path, options: RenderOptions) -> list[Path]:
    """Write `{"$schema", "quizgen", "decks": [...]}` at `out_path`; returns [out_path].

    Raises RenderError for no decks or an output path that is a folder.
    """
    if not decks:
        raise RenderError("json: no decks to render")
    if out_path.is_dir():
        raise RenderError(f"{out_path}: is a folder; give a file name ending in {SUFFIX}")
    data = {
        "$schema": SCHEMA_ID,
        "quizgen": FORMAT_VERSION,
        "decks": [_deck_data(deck, options) for deck in decks],
    }
    # Unicode as is, and a fixed layout: the same decks give the same bytes.
    write_text_atomic(out_path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return [out_path]


def _deck_data(deck: Deck, options: RenderOptions) -> dict[str, Any]:
    questions = select_questions(deck.questions, options.kinds, options.types, options.limit)
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
