from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quizgen.cli.anki import DecksArg


def quiz_cli(decks: DecksArg) -> None:
    """Quiz yourself in the terminal, with spaced repetition that remembers what you know."""
    from quizgen.errors import QuizgenError

    raise QuizgenError("quiz: not available yet")


def stats_cli(
    decks: DecksArg,
    db: Annotated[
        Path | None, typer.Option("--db", help="Progress database [default: user data dir].")
    ] = None,
) -> None:
    """Show your progress: new, learning, due and mastered cards, accuracy by kind."""
    from quizgen.errors import QuizgenError

    raise QuizgenError("stats: not available yet")
