from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DecksArg = Annotated[
    list[Path], typer.Argument(help="Deck files (YAML).", show_default=False, readable=False)
]


def anki_cli(
    decks: DecksArg,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Package to write [default: output/NAME.apkg].",
            readable=False,
        ),
    ] = None,
    timestamp: Annotated[
        float | None,
        typer.Option(
            "--timestamp",
            help="Stamp every note with this time (Unix seconds): the same decks then give "
            "the same bytes. Anki updates an imported note only when this time is newer.",
        ),
    ] = None,
) -> None:
    """Write an Anki package (.apkg) of one or more decks ('A::B' titles make subdecks).

    Import it with Anki's default options. After you edit a deck and run this again,
    importing the new package updates the changed notes in place and keeps your reviews;
    NAME.apkg.notes.json beside the package remembers which notes changed.
    """
    from quizgen._cli._common import info, load_decks
    from quizgen._render import render
    from quizgen._render.anki import AnkiOptions

    out = output or Path("output") / f"{decks[0].stem}.apkg"
    written = render(
        "anki", load_decks([str(d) for d in decks]), out, AnkiOptions(timestamp=timestamp)
    )
    for path in written:
        info(f"wrote {path}")
