from __future__ import annotations

from typing import Annotated

import typer


def check_cli(
    decks: Annotated[
        list[str], typer.Argument(help="Deck files (YAML) to validate.", show_default=False)
    ],
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Write the id, kind and type that hand-written questions leave out into "
            "the deck (comments kept).",
        ),
    ] = False,
) -> None:
    """Validate decks: print one line per problem (file:line: where: what) and exit 2 if any.

    A question written by hand needs only a prompt and an answer: check lists, a line each,
    the id, kind and type it would be given; with --fix they are written into the file.
    """
    from quizgen._cli._common import load_decks
    from quizgen._deck import fill_file
    from quizgen._errors import Problem

    # Every deck is read before any is written: one broken deck leaves all as they were.
    loaded = load_decks(decks)
    for path, deck in zip(decks, loaded, strict=True):
        filled = fill_file(path) if fix and deck.filled else deck.filled
        done = "filled in" if fix else "would fill in"
        for fill in filled:
            where = f"questions[{fill.index}]"
            typer.echo(str(Problem(path, f"{done} {fill.describe()}", fill.line, where)))
        n, active = len(deck.questions), len(deck.active())
        hint = "; check --fix writes them into the file" if filled and not fix else ""
        typer.echo(f"{path}: ok, {n} question{'' if n == 1 else 's'} ({active} active){hint}")
