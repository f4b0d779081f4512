"""The deck: quizgen's human-editable pivot between generation and every output.

    model.py     Deck, Question, SourceRef; KINDS, TYPES, BLANK; deck and question ids
    load.py      load_deck / loads_deck: read a file, refuse what is not deck text
    validate.py  parsed YAML -> Deck, every problem at once as a `Problem`
    dump.py      Deck -> YAML text, deterministic (dump_deck, save_deck)
    merge.py     fold a fresh generation into an edited deck (merge_decks, save_merged)
    splice.py    add questions to a deck file in place, keeping its comments
    infer.py     the id, kind and type a hand-written question leaves out (fill_in)
    fill.py      write what was filled in into the deck file, keeping its comments

Format v1 is documented in docs/deck-format.md. Other stages import from here, not
from the modules.
"""

from __future__ import annotations

from quizgen._deck.dump import deck_to_data, dump_deck, save_deck
from quizgen._deck.fill import fill_file
from quizgen._deck.infer import infer_kind, infer_type
from quizgen._deck.load import MAX_DECK_BYTES, load_deck, loads_deck
from quizgen._deck.merge import MergeReport, merge_decks, save_merged
from quizgen._deck.model import (
    BLANK,
    BLANK_RE,
    FORMAT_VERSION,
    KINDS,
    MAX_CHOICES,
    MAX_QUESTIONS,
    QUESTION_KEYS,
    STATUSES,
    TYPES,
    Deck,
    Fill,
    Question,
    SourceRef,
    derive_deck_id,
    question_id,
    select_questions,
)
from quizgen._errors import DeckError, Problem

__all__ = [
    "BLANK",
    "BLANK_RE",
    "FORMAT_VERSION",
    "KINDS",
    "MAX_CHOICES",
    "MAX_DECK_BYTES",
    "MAX_QUESTIONS",
    "QUESTION_KEYS",
    "STATUSES",
    "TYPES",
    "Deck",
    "DeckError",
    "Fill",
    "MergeReport",
    "Problem",
    "Question",
    "SourceRef",
    "deck_to_data",
    "derive_deck_id",
    "dump_deck",
    "fill_file",
    "infer_kind",
    "infer_type",
    "load_deck",
    "loads_deck",
    "merge_decks",
    "question_id",
    "save_deck",
    "save_merged",
    "select_questions",
]
