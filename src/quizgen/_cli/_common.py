"""Helpers shared by the command modules (parsing lists, loading decks, reporting)."""

from __future__ import annotations

import errno
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from quizgen._render import renderer_names

if TYPE_CHECKING:
    from quizgen._deck import Deck, MergeReport


# The choices a user types, as Typer choices: `--help` lists them and Typer rejects anything
# else. The renderer names come from the registry itself (which imports no renderer and no
# deck model), so a renderer added there appears in `--help`; the pdf choices are written
# here, not imported from the pdf renderer (reportlab), and tests/test_cli.py checks they agree.
Output = StrEnum("Output", {name: name for name in renderer_names()})  # type: ignore[misc]
Output.__doc__ = "`build --to`, `export --to`: a renderer name (quizgen._render.renderer_names)."


class Key(StrEnum):
    """`pdf/build --key`: where the answer key goes (quizgen._render.pdf.KEYS)."""

    end = "end"
    same = "same"  # = end: in the same file, after the questions
    separate = "separate"
    none = "none"


class Paper(StrEnum):
    """`pdf --paper`: the page size (quizgen._render.pdf.PAPERS)."""

    a4 = "a4"
    letter = "letter"


MkdirOpt = Annotated[
    bool, typer.Option("--mkdir", help="Create the folder of -o/--output when it is missing.")
]

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
    from quizgen._deck import KINDS

    return split_choices(values, KINDS, "--kinds")


def parse_types(values: Sequence[str] | None) -> list[str] | None:
    from quizgen._deck import TYPES

    return split_choices(values, TYPES, "--types")


def load_decks(paths: Sequence[str]) -> list[Deck]:
    """Load every deck, reporting the problems of all of them before failing."""
    from quizgen._deck import load_deck
    from quizgen._errors import DeckError

    decks, problems = [], []
    for path in paths:
        try:
            decks.append(load_deck(path))
        except DeckError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DeckError(problems)
    return decks


def warn(message: str) -> None:
    """A warning line on stderr: the command goes on."""
    print(f"Warning: {message}", file=sys.stderr)


def info(message: str) -> None:
    """A progress line on stderr, so stdout stays clean for data."""
    print(message, file=sys.stderr)


def report_merge(path: Path, deck: Deck, report: MergeReport) -> None:
    """What a generate or build did to a deck: counts, then anything the user should know."""
    from quizgen._errors import Problem

    for fill in report.filled:
        where = f"questions[{fill.index}]"
        info(str(Problem(str(path), f"filled in {fill.describe()}", fill.line, where)))
    n = len(report.deleted)
    deleted = f", {n} you deleted {'stays' if n == 1 else 'stay'} deleted" if n else ""
    info(
        f"{path}: {len(deck.questions)} questions "
        f"({len(report.added)} new, {len(report.kept)} kept as they were{deleted})"
    )
    if report.left_out:
        warn(
            f"{path}: {report.left_out:,} more questions than a deck holds were left out "
            "(kept a spread over the sources); choose with --max, --kinds or --types"
        )
    if report.vanished:
        n = len(report.vanished)
        what = "1 question no longer matches" if n == 1 else f"{n} questions no longer match"
        warn(
            f"{path}: {what} a fact in the sources "
            f"(kept; reject or delete {'it' if n == 1 else 'them'}): {', '.join(report.vanished)}"
        )


def check_output_folder(output: Path | None, mkdir: bool) -> None:
    """Refuse an `-o` whose folder is missing, unless `mkdir`: a typo in the folder name
    silently made a new folder (`-o /nonexistent/x.pdf` made `/nonexistent/`). The
    default folder (output/) is made as needed. Raises FileNotFoundError."""
    if output is None or mkdir:
        return
    folder = output.parent
    if not folder.exists():
        raise FileNotFoundError(
            errno.ENOENT, "no such folder; create it first, or give --mkdir", str(folder)
        )


def report_written(paths: Sequence[Path], existed: Sequence[Path]) -> None:
    """`wrote PATH` per file, or `replaced PATH` for one that was there before (a PDF
    build wrote): a file is never overwritten without a word."""
    for path in paths:
        info(f"{'replaced' if path in existed else 'wrote'} {path}")
