from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DecksArg = Annotated[list[Path], typer.Argument(help="Deck files (YAML).", show_default=False)]


def anki_cli(
    decks: DecksArg,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Package to write [default: output/NAME.apkg]."),
    ] = None,
    timestamp: Annotated[
        float | None,
        typer.Option(
            "--timestamp", help="Fixed note time (Unix seconds) for a byte-reproducible package."
        ),
    ] = None,
) -> None:
    """Write an Anki package (.apkg) of one or more decks; re-importing it updates notes in place."""
    from quizgen.cli._common import info, load_decks
    from quizgen.render import RenderOptions, render

    out = output or Path("output") / f"{decks[0].stem}.apkg"
    written = render(
        "anki",
        load_decks([str(d) for d in decks]),
        out,
        RenderOptions(extra={"timestamp": timestamp}),
    )
    for path in written:
        info(f"wrote {path}")
