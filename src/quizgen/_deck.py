"""The deck: quizgen's human-editable pivot between generation and every output.

One model (these dataclasses) is the single source of truth for deck format v1,
documented in docs/deck-format.md. `load_deck` validates everything and reports
every problem at once, each naming file, line and question; `dump_deck` is
deterministic so a deck round-trips byte for byte.
"""

from __future__ import annotations

import codecs
import difflib
import hashlib
import os
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from quizgen._atomic import atomic_path, write_text_atomic
from quizgen._errors import DeckError
from quizgen._splice import block_items, generated_block, splice
from quizgen._yaml import Flow, Loaded, YamlProblem, dump_yaml, load_yaml

FORMAT_VERSION = 1
KINDS = ("date", "actor", "organization")
TYPES = ("short", "cloze", "choice", "truefalse")
STATUSES = ("new", "approved", "rejected")
BLANK = "_____"
BLANK_RE = re.compile(r"_{4,}")
MAX_DECK_BYTES = 64 * 1024 * 1024
MAX_QUESTIONS = 50_000
MAX_CHOICES = 26
# UTF-32 first: its little-endian BOM starts with UTF-16's.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# What explicit tags (!!set, !!binary, !!omap, !!pairs) build; str() of them is not text.
_NOT_TEXT = (dict, list, set, bytes, tuple)
_DECK_KEYS = ("quizgen", "title", "deck_id", "sources", "templates", "questions", "generated")
_SOURCE_KEYS = ("path", "title", "published", "url", "author")
_QUESTION_KEYS = (
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
    """One question. `id` is stable: set when generated, kept through every edit."""

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


@dataclass
class Deck:
    """A titled list of questions with the sources they come from."""

    title: str
    questions: list[Question] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    deck_id: int | None = None
    templates: list[dict[str, Any]] = field(default_factory=list)
    # Ids of every question generation has put in this deck: one deleted from `questions`
    # stays deleted, rather than coming back on the next generate.
    generated: list[str] = field(default_factory=list)

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


# --- loading -------------------------------------------------------------------------------


def load_deck(path: str | os.PathLike[str]) -> Deck:
    """Read and validate a deck file.

    Raises DeckError with one line per problem (`file:line: where: what`).
    """
    path = Path(path)
    name = str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise DeckError(f"{name}: is a directory, not a deck file")
        if not stat.S_ISREG(info.st_mode):
            # A pipe would block forever and /dev/zero would never end.
            raise DeckError(f"{name}: is not a regular file")
        if info.st_size > MAX_DECK_BYTES:
            raise DeckError(
                f"{name}: {info.st_size:,} bytes is larger than the {MAX_DECK_BYTES:,} a deck may be"
            )
        with open(path, "rb") as f:
            raw = f.read(MAX_DECK_BYTES + 1)
        if len(raw) > MAX_DECK_BYTES:  # it grew since the stat
            raise DeckError(f"{name}: is larger than the {MAX_DECK_BYTES:,} bytes a deck may be")
    except FileNotFoundError:
        raise DeckError(f"{name}: no such file") from None
    except PermissionError:
        raise DeckError(f"{name}: permission denied") from None
    except OSError as exc:
        raise DeckError(f"{name}: cannot read ({exc.strerror or exc})") from None
    for bom, encoding in _WIDE_BOMS:
        # Windows editors save "Unicode" as UTF-16 with a BOM; its NUL bytes are not binary.
        if raw.startswith(bom):
            try:
                return loads_deck(raw[len(bom) :].decode(encoding), name)
            except UnicodeDecodeError:
                raise DeckError(
                    f"{name}: is not valid {encoding[:6].upper()} after its byte-order mark; "
                    "save it as UTF-8"
                ) from None
    if b"\x00" in raw:
        raise DeckError(f"{name}: is binary, not a YAML deck")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DeckError(
            f"{name}:{line}: not UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8"
        ) from None
    return loads_deck(text, name)


def loads_deck(text: str, name: str = "<deck>") -> Deck:
    """Parse and validate deck text; `name` is used in messages. Raises DeckError."""
    if not text.strip():
        raise DeckError(f"{name}: is empty")
    try:
        loaded = load_yaml(text)
    except YamlProblem as exc:
        where = f"{name}:{exc.line}" if exc.line else name
        raise DeckError(f"{where}: {exc.message}") from None
    return _Validator(name, loaded).deck()


class _Validator:
    """Builds a Deck from parsed YAML, collecting every problem instead of stopping at one."""

    def __init__(self, name: str, loaded: Loaded) -> None:
        self.name = name
        self.loaded = loaded
        self.problems: list[str] = []

    def problem(self, path: tuple[str | int, ...], message: str, where: str = "") -> None:
        line = self.loaded.line(*path)
        loc = f"{self.name}:{line}" if line else self.name
        self.problems.append(f"{loc}: {where + ': ' if where else ''}{message}")

    def deck(self) -> Deck:
        data = self.loaded.data
        if not isinstance(data, dict):
            raise DeckError(f"{self.name}:1: a deck is a mapping with 'title' and 'questions'")
        self._unknown_keys(data, _DECK_KEYS, (), "")
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
        title = self._text(data, "title", (), "", required=True)
        deck_id = data.get("deck_id")
        if deck_id is not None and (
            not isinstance(deck_id, int) or isinstance(deck_id, bool) or not 0 < deck_id < 1 << 63
        ):
            self.problem(
                ("deck_id",), f"'deck_id' must be a positive whole number, not {deck_id!r}"
            )
            deck_id = None
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
            raise DeckError(sorted(self.problems, key=_line_of))
        return Deck(
            title=title or "",
            questions=questions,
            sources=sources,
            deck_id=deck_id,
            templates=templates,
            generated=[g.strip() for g in generated],
        )

    def _unknown_keys(
        self, data: dict[Any, Any], allowed: Sequence[str], path: tuple[str | int, ...], where: str
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
        path: tuple[str | int, ...],
        where: str,
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

    def _text_list(
        self, data: dict[str, Any], key: str, path: tuple[str | int, ...], where: str
    ) -> list[str]:
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
            where = f"sources[{i}]"
            if isinstance(item, str):
                refs.append(SourceRef(path=item))
                continue
            if not isinstance(item, dict):
                self.problem(path, "must be a mapping with 'path'", where)
                continue
            self._unknown_keys(item, _SOURCE_KEYS, path, where)
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
        path: tuple[str | int, ...] = ("questions", i)
        if not isinstance(item, dict):
            self.problem(path, "must be a mapping", f"questions[{i}]")
            return None
        before = len(self.problems)
        qid = self._text(item, "id", path, f"questions[{i}]", required=True)
        where = f"questions[{i}] ({qid})" if qid else f"questions[{i}]"
        self._unknown_keys(item, _QUESTION_KEYS, path, where)
        if qid is not None:
            if qid in seen:
                self.problem(
                    (*path, "id"), f"duplicate id '{qid}' (also questions[{seen[qid]}])", where
                )
            else:
                seen[qid] = i
        kind = self._text(item, "kind", path, where, required=True)
        qtype = self._text(item, "type", path, where, required=True)
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
        assert qid and kind and qtype and prompt and answer is not None
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


def _line_of(problem: str) -> int:
    match = re.match(r"[^\n]*?:(\d+): ", problem)
    return int(match.group(1)) if match else 0


# --- saving --------------------------------------------------------------------------------


def deck_to_data(deck: Deck) -> dict[str, Any]:
    """The deck as plain data in format-v1 key order, empty optional fields left out."""
    data = _head_data(deck)
    data["questions"] = [_question_data(q) for q in deck.questions]
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


def _question_data(q: Question) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in _QUESTION_KEYS:
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
        body = "questions:\n" + block_items([_question_data(q) for q in deck.questions])[1:]
    if deck.generated:
        body += "\n" + generated_block(deck.generated)
    return head + body


def save_deck(deck: Deck, path: str | os.PathLike[str]) -> Path:
    """Write the deck atomically (temp file, then rename) and return its path."""
    return write_text_atomic(path, dump_deck(deck))


# --- merging a fresh generation into a deck a person has edited -----------------------------


@dataclass
class MergeReport:
    """What `merge_decks` did: ids added, kept as they were, and whose fact is gone."""

    added: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    vanished: list[str] = field(default_factory=list)
    left_out: int = 0  # new questions past MAX_QUESTIONS, not added
    deleted: list[str] = field(default_factory=list)  # deleted by a person: not brought back


def merge_decks(existing: Deck, fresh: Deck) -> tuple[Deck, MergeReport]:
    """Fold a fresh generation into an existing deck without losing anything a person did.

    Existing questions stay exactly as they are (edits, statuses, order); fresh questions
    with new ids are appended (once each, should `fresh` repeat an id), except those the
    deck's `generated` record shows a person deleted; generated questions the fresh run no
    longer produces are kept and reported as vanished. Title, deck id and templates are the
    existing deck's.
    """
    report = MergeReport()
    fresh_ids = {q.id for q in fresh.questions}
    present = {q.id for q in existing.questions}
    for q in existing.questions:
        if q.id in fresh_ids:
            report.kept.append(q.id)
        elif q.template != "manual":
            report.vanished.append(q.id)
    report.deleted = [i for i in existing.generated if i not in present and i in fresh_ids]
    known = present | set(existing.generated)
    # A fact the deck already asks (the planner chose another wording this time) gets no
    # second question; a rejected question leaves its fact free for a new one, and a
    # template the deck itself adds is a wish for its questions.
    asked = {q.fact for q in existing.questions if q.fact and q.status != "rejected"}
    own = {str(t.get("id")) for t in existing.templates if isinstance(t, dict)}
    added = []
    for q in fresh.questions:
        # A source given twice generates every question twice; a deck holds each id once.
        if q.id not in known and not (q.fact in asked and q.template not in own):
            known.add(q.id)
            added.append(q)
    room = max(0, MAX_QUESTIONS - len(existing.questions))
    if len(added) > room:
        # A book gives more questions than a deck holds: keep a spread over the whole
        # text rather than its first chapters.
        report.left_out = len(added) - room
        added = [added[i * len(added) // room] for i in range(room)]
    report.added = [q.id for q in added]
    paths = {ref.path for ref in existing.sources}
    sources = existing.sources + [ref for ref in fresh.sources if ref.path not in paths]
    generated = {*existing.generated, *report.added}
    generated.update(q.id for q in existing.questions if q.template != "manual")
    merged = replace(
        existing,
        questions=existing.questions + added,
        sources=sources,
        generated=sorted(generated),
    )
    return merged, report


def save_merged(fresh: Deck, path: str | os.PathLike[str]) -> tuple[Deck, MergeReport]:
    """Write a fresh generation to `path`, merging into the deck already there.

    The existing file is read, merged (see `merge_decks`) and replaced atomically; if it
    changed on disk while we worked, nothing is written and DeckError says so. When the
    merge adds nothing, the file is left as it is, YAML comments and all.
    Raises DeckError when the existing deck is invalid: it is never overwritten.
    """
    path = Path(path)
    if not path.exists():
        merged, report = merge_decks(replace(fresh, questions=[]), fresh)
        save_deck(merged, path)
        return merged, report
    if not path.is_file():
        load_deck(path)  # raises the DeckError for a folder, pipe or device (never read)
    before = path.read_bytes()
    existing = load_deck(path)
    merged, report = merge_decks(existing, fresh)
    sources_changed = merged.sources != existing.sources
    if report.added or sources_changed:
        added = merged.questions[len(existing.questions) :]
        with atomic_path(path) as tmp:
            tmp.write_bytes(_merged_text(before, merged, added, sources_changed).encode("utf-8"))
            # Checked last, just before the rename: an editor that saved the deck while we
            # worked would otherwise lose that save without a word.
            if path.read_bytes() != before:
                raise DeckError(
                    f"{path}: changed on disk while generating; run again to merge the new version"
                )
    return merged, report


def _merged_text(raw: bytes, merged: Deck, added: list[Question], sources_changed: bool) -> str:
    """The merged deck's file text: the old text with the additions spliced in, else a dump."""

    def loads_as_merged(text: str) -> bool:
        try:
            return loads_deck(text) == merged
        except DeckError:
            return False

    if not sources_changed:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:  # UTF-16 or UTF-32: rewritten as UTF-8 by the dump
            text = None
        if text is not None:
            items = [_question_data(q) for q in added]
            spliced = splice(text, items, merged.generated, loads_as_merged)
            if spliced is not None:
                return spliced
    return dump_deck(merged)
