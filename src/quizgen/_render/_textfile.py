"""What every one-text-file export shares: the checks before writing, and the atomic write."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from quizgen._atomic import write_text_atomic
from quizgen._deck import Deck, Question, select_questions
from quizgen._errors import RenderError
from quizgen._render import RenderOptions


def write_text_export(
    name: str, suffix: str, decks: Sequence[Deck], out_path: Path, text: Callable[[], str]
) -> list[Path]:
    """Write `text()` to `out_path` atomically; returns [out_path].

    Raises RenderError (prefixed with the renderer's `name`) for no decks or an output
    path that is a folder, before `text` is called; nothing is written then.
    """
    if not decks:
        raise RenderError(f"{name}: no decks to render")
    if out_path.is_dir():
        raise RenderError(f"{out_path}: is a folder; give a file name ending in {suffix}")
    write_text_atomic(out_path, text())
    return [out_path]


def exported(deck: Deck, options: RenderOptions) -> list[Question]:
    """The questions of `deck` an export holds: never a rejected one, then as `options` say."""
    return select_questions(deck.questions, options.kinds, options.types, options.limit)
