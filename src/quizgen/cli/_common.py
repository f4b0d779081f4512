"""Helpers shared by the command modules (parsing lists, loading decks, reporting)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from quizgen.deck import Deck

KINDS_HELP = "Only these kinds: date, actor, organization (comma-separated or repeated)."
TYPES_HELP = "Only these types: short, cloze, choice, truefalse (comma-separated or repeated)."


def split_choices(
    values: Sequence[str] | None, allowed: Sequence[str], option: str
) -> list[str] | None:
    """Parse `--kinds a,b --kinds c` into ['a', 'b', 'c'], rejecting unknown words."""
    if not values:
        return None
    words = [w.strip().lower() for v in values for w in v.split(",") if w.strip()]
    for word in words:
        if word not in allowed:
            raise typer.BadParameter(
                f"'{word}' is not one of: {', '.join(allowed)}", param_hint=option
            )
    return words


def parse_kinds(values: Sequence[str] | None) -> list[str] | None:
    from quizgen.deck import KINDS

    return split_choices(values, KINDS, "--kinds")


def parse_types(values: Sequence[str] | None) -> list[str] | None:
    from quizgen.deck import TYPES

    return split_choices(values, TYPES, "--types")


def load_decks(paths: Sequence[str]) -> list[Deck]:
    """Load every deck, reporting the problems of all of them before failing."""
    from quizgen.deck import load_deck
    from quizgen.errors import DeckError

    decks, problems = [], []
    for path in paths:
        try:
            decks.append(load_deck(path))
        except DeckError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DeckError(problems)
    return decks


def refuse_overwriting(out: Path, inputs: Sequence[Path], suffix: str) -> None:
    """Raise RenderError when `out` is one of the `inputs`: writing would destroy it.

    `quizgen anki deck.yaml -o deck.yaml` replaced the deck, and every edit in it, with
    a zip file.
    """
    from quizgen.errors import RenderError

    for path in inputs:
        try:
            same = os.path.samefile(out, path)
        except OSError:  # either does not exist (yet): not the same file
            same = False
        if same:
            raise RenderError(
                f"{out}: is a deck being read, not an output; "
                f"write to another file such as {out.with_suffix(suffix)}"
            )


def warn(message: str) -> None:
    """A warning line on stderr: the command goes on."""
    print(f"Warning: {message}", file=sys.stderr)


def info(message: str) -> None:
    """A progress line on stderr, so stdout stays clean for data."""
    print(message, file=sys.stderr)
