"""The deck model: deck format v1 as dataclasses, its vocabularies and its ids.

One model is the single source of truth for the format documented in
docs/deck-format.md: `validate` builds it from YAML, `dump` writes it back.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT_VERSION = 1
KINDS = ("date", "actor", "organization")
TYPES = ("short", "cloze", "choice", "truefalse")
STATUSES = ("new", "approved", "rejected")
BLANK = "_____"
BLANK_RE = re.compile(r"_{4,}")
MAX_QUESTIONS = 50_000
MAX_CHOICES = 26

# The keys of format v1, in the order a deck is written.
DECK_KEYS = ("quizgen", "title", "deck_id", "sources", "templates", "questions", "generated")
SOURCE_KEYS = ("path", "title", "published", "url", "author")
QUESTION_KEYS = (
    "id",
    "kind",
    "type",
    "prompt",
    "answer",
    "accept",
    "choices",
    "context",
    "source",
    "template",
    "fact",
    "tags",
    "status",
)


@dataclass
class SourceRef:
    """Where a deck's questions come from, as cited on worksheets and cards."""

    path: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None


@dataclass(slots=True)
class Question:
    """One question, as a deck file holds it (docs/deck-format.md is the reference).

    `id` ("q-" + 8 hex digits) is stable: set when generated from the source file name,
    template, kind and fact, and kept through every edit, so Anki GUIDs and quiz progress
    follow it. `kind` is one of KINDS (date, actor, organization); `type` one of TYPES
    (short, cloze, choice, truefalse). `prompt` is the stem (a cloze holds BLANK where the
    answer goes); `answer` the key (for truefalse "true" or "false"); `accept` other right
    forms; `choices` the options of a choice question, answer included (the rest are the
    distractors); `context` the source sentence; `status` one of STATUSES (new, approved, rejected).
    """

    id: str
    kind: str
    type: str
    prompt: str
    answer: str
    accept: list[str] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)
    context: str = ""
    source: str = ""
    template: str = "manual"
    # What the question tests, "KIND:WHAT" ("actor:Vladimir Putin", "date:1979@12", 12 the
    # sentence): one fact is asked once; a merge adds no second question for a fact asked.
    fact: str = ""
    tags: list[str] = field(default_factory=list)
    status: str = "new"

    @property
    def answers(self) -> list[str]:
        """The answer and every accepted alternative."""
        return [self.answer, *self.accept]


@dataclass(frozen=True)
class Fill:
    """What loading filled in for a question written by hand (see `_deck/infer.py`).

    `index` is the question's place in `questions`, `line` its 1-based line in the file;
    `values` maps each key the question left out (id, kind, type) to what it was given,
    in format-v1 key order: {"id": "q-5d1c2a9e", "kind": "actor", "type": "short"}.
    """

    index: int
    line: int | None
    values: dict[str, str]

    def describe(self) -> str:
        """`id q-5d1c2a9e, kind actor, type short`: what a report line shows."""
        return ", ".join(f"{key} {value}" for key, value in self.values.items())


@dataclass
class Deck:
    """A titled list of questions with the sources they come from: the YAML pivot.

    `deck_id` is the Anki deck id (derived from the title when None); `templates` are the
    deck's own question templates; `generated` records every id generation put in the deck,
    so a question a person deleted is not brought back. Load with `load_deck`, write with
    `save_deck`; a deck built in code validates when saved.
    """

    title: str
    questions: list[Question] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    deck_id: int | None = None
    templates: list[dict[str, Any]] = field(default_factory=list)
    # Ids of every question generation has put in this deck: one deleted from `questions`
    # stays deleted, rather than coming back on the next generate.
    generated: list[str] = field(default_factory=list)
    # The file `load_deck` read it from (None for a deck made in code): renderers refuse to
    # write over it. Not part of the deck's content, so not compared and never saved.
    origin: Path | None = field(default=None, compare=False, repr=False)
    # What loading filled in for questions written without an id, kind or type: in memory
    # only until `fill_file` (check --fix, generate, build) writes it into the file.
    filled: list[Fill] = field(default_factory=list, compare=False, repr=False)

    @property
    def stable_id(self) -> int:
        """`deck_id` when set, else a number derived from the title (Anki deck id, progress key)."""
        return self.deck_id if self.deck_id is not None else derive_deck_id(self.title)

    def active(self) -> list[Question]:
        """The questions that are rendered: all but the rejected ones."""
        return [q for q in self.questions if q.status != "rejected"]

    def source_for(self, question: Question) -> SourceRef | None:
        """The source a question cites, if the deck lists it."""
        for ref in self.sources:
            if ref.path == question.source:
                return ref
        return self.sources[0] if len(self.sources) == 1 else None


def derive_deck_id(title: str) -> int:
    """A stable id in Anki's customary range, from the title alone."""
    digest = hashlib.sha256(title.strip().encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def question_id(*parts: str) -> str:
    """A short stable id from the parts that identify a question's fact and template."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"q-{digest[:8]}"


def select_questions(
    questions: Iterable[Question],
    kinds: Sequence[str] | None = None,
    types: Sequence[str] | None = None,
    limit: int | None = None,
) -> list[Question]:
    """Filter non-rejected questions by kind and type, keeping order, up to `limit`."""
    chosen = [
        q
        for q in questions
        if q.status != "rejected"
        and (not kinds or q.kind in kinds)
        and (not types or q.type in types)
    ]
    return chosen[:limit] if limit is not None else chosen
