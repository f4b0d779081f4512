"""Writing a deck: deterministic YAML in format-v1 key order, so a deck round-trips byte
for byte."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from quizgen._atomic import write_text_atomic
from quizgen._deck.model import FORMAT_VERSION, QUESTION_KEYS, Deck, Question
from quizgen._deck.splice import block_items, generated_block
from quizgen._yaml import Flow, dump_yaml


def deck_to_data(deck: Deck) -> dict[str, Any]:
    """The deck as plain data in format-v1 key order, empty optional fields left out."""
    data = _head_data(deck)
    data["questions"] = [question_data(q) for q in deck.questions]
    if deck.generated:
        data["generated"] = Flow(deck.generated)
    return data


def _head_data(deck: Deck) -> dict[str, Any]:
    data: dict[str, Any] = {"quizgen": FORMAT_VERSION, "title": deck.title}
    if deck.deck_id is not None:
        data["deck_id"] = deck.deck_id
    if deck.sources:
        data["sources"] = [
            {k: v for k, v in vars(ref).items() if v is not None} for ref in deck.sources
        ]
    if deck.templates:
        data["templates"] = deck.templates
    return data


def question_data(q: Question) -> dict[str, Any]:
    """One question as plain data in format-v1 key order, empty optional fields left out."""
    out: dict[str, Any] = {}
    for key in QUESTION_KEYS:
        value = getattr(q, key)
        if isinstance(value, list):
            if value:
                out[key] = Flow(value)
        elif value != "" or key in ("prompt", "answer"):
            out[key] = value
    return out


def dump_deck(deck: Deck) -> str:
    """The deck as YAML text: deterministic, Unicode as is, format-v1 key order, a blank
    line between questions (a long deck is easy to scan and edit)."""
    head = dump_yaml(_head_data(deck))
    if not deck.questions:
        body = "questions: []\n"
    else:
        # block_items starts each question with a blank line; none after the key itself.
        body = "questions:\n" + block_items([question_data(q) for q in deck.questions])[1:]
    if deck.generated:
        body += "\n" + generated_block(deck.generated)
    return head + body


def save_deck(deck: Deck, path: str | os.PathLike[str]) -> Path:
    """Write the deck atomically (temp file, then rename) and return its path.

    The text is `dump_deck(deck)` (UTF-8, deterministic). Raises OSError when the folder
    cannot be written; the previous file stays whole.
    """
    return write_text_atomic(path, dump_deck(deck))
