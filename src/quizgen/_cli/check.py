from __future__ import annotations

from typing import Annotated

import typer


def check_cli(
    decks: Annotated[
        list[str], typer.Argument(help="Deck files (YAML) to validate.", show_default=False)
    ],
) -> None:
    """Validate decks: print one line per problem (file:line: where: what) and exit 2 if any."""
    from quizgen._cli._common import load_decks

    loaded = load_decks(decks)
    for path, deck in zip(decks, loaded, strict=True):
        active = len(deck.active())
        typer.echo(f"{path}: ok, {len(deck.questions)} questions ({active} active)")
