"""Validating a parsed deck: every problem at once, each a `Problem` with its place.

The validator builds the model from YAML data and keeps going after a problem, so a
person fixes a deck in one pass. A problem's line comes from the YAML node marks
(`Loaded.line`), its path and question id from where the validator is: nothing is
parsed back out of message text.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any, NamedTuple

from quizgen._deck.infer import fill_in
from quizgen._deck.model import (
    BLANK_RE,
    DECK_KEYS,
    FORMAT_VERSION,
    KINDS,
    MAX_CHOICES,
    MAX_QUESTIONS,
    QUESTION_KEYS,
    SOURCE_KEYS,
    STATUSES,
    TYPES,
    Deck,
    Question,
    SourceRef,
)
from quizgen._errors import DeckError, Problem
from quizgen._yaml import Loaded, Path_

# What explicit tags (!!set, !!binary, !!omap, !!pairs) build; str() of them is not text.
_NOT_TEXT = (dict, list, set, bytes, tuple)


def validate(loaded: Loaded, name: str) -> Deck:
    """The deck in parsed YAML; `name` is the file named in problems.

    Raises DeckError with every problem found, in line order.
    """
    return _Validator(name, loaded).deck()


class _Where(NamedTuple):
    """Where in the deck a problem is, as a person reads it: `questions[3]` and its id."""

    path: str = ""
    question_id: str | None = None


_DECK = _Where()


class _Validator:
    """Builds a Deck from parsed YAML, collecting every problem instead of stopping at one."""

    def __init__(self, name: str, loaded: Loaded) -> None:
        self.name = name
        self.loaded = loaded
        self.problems: list[Problem] = []

    def problem(self, path: Path_, message: str, where: _Where = _DECK) -> None:
        """Record a problem at the line where `path` (YAML keys and indices) starts."""
        line = self.loaded.line(*path)
        self.problems.append(Problem(self.name, message, line, where.path, where.question_id))

    def deck(self) -> Deck:
        data = self.loaded.data
        if not isinstance(data, dict):
            raise DeckError(
                Problem(self.name, "a deck is a mapping with 'title' and 'questions'", 1)
            )
        self._unknown_keys(data, DECK_KEYS, ())
        version = data.get("quizgen")
        if version is None:
            self.problem((), "'quizgen' is missing (the format version: quizgen: 1)")
        elif not isinstance(version, int) or isinstance(version, bool):
            self.problem(("quizgen",), f"'quizgen' must be a whole number, not {version!r}")
        elif version > FORMAT_VERSION:
            self.problem(
                ("quizgen",),
                f"format version {version} is newer than this quizgen reads ({FORMAT_VERSION})",
            )
        title = self._text(data, "title", (), _DECK, required=True)
        deck_id = data.get("deck_id")
        if deck_id is not None and (
            not isinstance(deck_id, int) or isinstance(deck_id, bool) or not 0 < deck_id < 1 << 63
        ):
            self.problem(
                ("deck_id",), f"'deck_id' must be a positive whole number, not {deck_id!r}"
            )
            deck_id = None
        # Before the questions are read: a hand-written one needs no id, kind or type.
        filled = fill_in(data, lambda i: self.loaded.line("questions", i))
        sources = self._sources(data.get("sources"))
        templates = data.get("templates") or []
        if not isinstance(templates, list) or not all(isinstance(t, dict) for t in templates):
            self.problem(("templates",), "'templates' must be a list of mappings")
            templates = []
        questions = self._questions(data.get("questions"))
        generated = data.get("generated") or []
        if not isinstance(generated, list) or not all(
            isinstance(g, str) and g.strip() for g in generated
        ):
            self.problem(("generated",), "'generated' must be a list of question ids")
            generated = []
        if self.problems:
            raise DeckError(sorted(self.problems, key=lambda p: p.line or 0))
        return Deck(
            title=title or "",
            questions=questions,
            sources=sources,
            deck_id=deck_id,
            templates=templates,
            generated=[g.strip() for g in generated],
            filled=filled,
        )

    def _unknown_keys(
        self, data: dict[Any, Any], allowed: Sequence[str], path: Path_, where: _Where = _DECK
    ) -> None:
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = (
                    f" (did you mean '{close[0]}'?)"
                    if close
                    else f" (expected one of: {', '.join(allowed)})"
                )
                self.problem((*path, str(key)), f"unknown key '{key}'{hint}", where)

    def _text(
        self,
        data: dict[str, Any],
        key: str,
        path: Path_,
        where: _Where,
        required: bool = False,
    ) -> str | None:
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.problem(path, f"'{key}' is missing", where)
            return None
        if isinstance(value, _NOT_TEXT):
            self.problem((*path, key), f"'{key}' must be text, not a {type(value).__name__}", where)
            return None
        if isinstance(value, bool):
            return "true" if value else "false"
        if required and not str(value).strip():
            # A blank prompt or answer shows as nothing on a card, a sheet and in the quiz.
            self.problem((*path, key), f"'{key}' is blank", where)
            return None
        return str(value)

    def _text_list(self, data: dict[str, Any], key: str, path: Path_, where: _Where) -> list[str]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or any(isinstance(v, _NOT_TEXT) or v is None for v in value):
            self.problem((*path, key), f"'{key}' must be a list of texts", where)
            return []
        texts = [("true" if v else "false") if isinstance(v, bool) else str(v) for v in value]
        if not all(t.strip() for t in texts):
            self.problem((*path, key), f"'{key}' has a blank entry", where)
            return []
        return texts

    def _sources(self, value: Any) -> list[SourceRef]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(("sources",), "'sources' must be a list")
            return []
        refs = []
        for i, item in enumerate(value):
            path = ("sources", i)
            where = _Where(f"sources[{i}]")
            if isinstance(item, str):
                refs.append(SourceRef(path=item))
                continue
            if not isinstance(item, dict):
                self.problem(path, "must be a mapping with 'path'", where)
                continue
            self._unknown_keys(item, SOURCE_KEYS, path, where)
            src = self._text(item, "path", path, where, required=True)
            if src is None:
                continue
            refs.append(
                SourceRef(
                    path=src,
                    title=self._text(item, "title", path, where),
                    published=self._text(item, "published", path, where),
                    url=self._text(item, "url", path, where),
                    author=self._text(item, "author", path, where),
                )
            )
        return refs

    def _questions(self, value: Any) -> list[Question]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(("questions",), "'questions' must be a list")
            return []
        if len(value) > MAX_QUESTIONS:
            self.problem(
                ("questions",), f"{len(value):,} questions; a deck holds at most {MAX_QUESTIONS:,}"
            )
            return []
        seen: dict[str, int] = {}
        questions = []
        for i, item in enumerate(value):
            question = self._question(i, item, seen)
            if question is not None:
                questions.append(question)
        return questions

    def _question(self, i: int, item: Any, seen: dict[str, int]) -> Question | None:
        path: Path_ = ("questions", i)
        if not isinstance(item, dict):
            self.problem(path, "must be a mapping", _Where(f"questions[{i}]"))
            return None
        before = len(self.problems)
        # id, kind and type are filled in when left out (infer.py), but for a question with
        # no prompt or answer: that is the one problem to report, not four.
        qid = self._text(item, "id", path, _Where(f"questions[{i}]"), required="id" in item)
        where = _Where(f"questions[{i}]", qid)
        self._unknown_keys(item, QUESTION_KEYS, path, where)
        if qid is not None:
            if qid in seen:
                self.problem(
                    (*path, "id"), f"duplicate id '{qid}' (also questions[{seen[qid]}])", where
                )
            else:
                seen[qid] = i
        kind = self._text(item, "kind", path, where, required="kind" in item)
        qtype = self._text(item, "type", path, where, required="type" in item)
        prompt = self._text(item, "prompt", path, where, required=True)
        answer = self._text(item, "answer", path, where, required=True)
        status = self._text(item, "status", path, where) or "new"
        for key, value, allowed in (
            ("kind", kind, KINDS),
            ("type", qtype, TYPES),
            ("status", status, STATUSES),
        ):
            if value is not None and value not in allowed:
                self.problem(
                    (*path, key),
                    f"unknown {key} '{value}' (expected one of: {', '.join(allowed)})",
                    where,
                )
        accept = self._text_list(item, "accept", path, where)
        choices = self._text_list(item, "choices", path, where)
        tags = self._text_list(item, "tags", path, where)
        if qtype == "choice":
            if len(choices) < 2:
                self.problem(
                    (*path, "choices"), "a choice question needs at least 2 'choices'", where
                )
            elif len(choices) > MAX_CHOICES:
                # Choices are lettered A-Z on sheets and in the quiz, which showed only 26.
                self.problem(
                    (*path, "choices"),
                    f"{len(choices)} choices; a choice question has at most {MAX_CHOICES} (A-Z)",
                    where,
                )
            elif answer is not None and answer not in choices:
                self.problem(
                    (*path, "answer"), f"answer '{answer}' is not among its choices", where
                )
            if len({c.casefold() for c in choices}) != len(choices):
                self.problem((*path, "choices"), "choices repeat", where)
        elif choices and qtype is not None:
            self.problem(
                (*path, "choices"), f"'choices' only go with type choice, not {qtype}", where
            )
        if qtype == "cloze" and prompt is not None and not BLANK_RE.search(prompt):
            self.problem(
                (*path, "prompt"),
                "a cloze prompt needs a blank (four or more underscores: ____)",
                where,
            )
        if qtype == "truefalse" and answer is not None:
            answer = answer.strip().lower()
            if answer not in ("true", "false"):
                self.problem(
                    (*path, "answer"), f"a truefalse answer is true or false, not '{answer}'", where
                )
        if len(self.problems) > before:
            return None
        assert qid and kind and qtype and prompt and answer is not None, "filled in or reported"
        return Question(
            id=qid,
            kind=kind,
            type=qtype,
            prompt=prompt,
            answer=answer,
            accept=accept,
            choices=choices,
            context=self._text(item, "context", path, where) or "",
            source=self._text(item, "source", path, where) or "",
            template=self._text(item, "template", path, where) or "manual",
            fact=self._text(item, "fact", path, where) or "",
            tags=tags,
            status=status,
        )
