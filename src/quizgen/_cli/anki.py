from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from quizgen._cli._common import MkdirOpt

if TYPE_CHECKING:
    from quizgen._deck import Deck

DecksArg = Annotated[
    list[Path], typer.Argument(help="Deck files (YAML).", show_default=False, readable=False)
]
NameOpt = Annotated[
    str | None,
    typer.Option(
        "--name",
        help="Title to show instead of the deck's own [default: the title in the deck].",
        show_default=False,
    ),
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
    name: NameOpt = None,
    mkdir: MkdirOpt = False,
) -> None:
    """Write an Anki package (.apkg) of one or more decks ('A::B' titles make subdecks).

    Import it with Anki's default options. After you edit a deck and run this again,
    importing the new package updates the changed notes in place and keeps your reviews;
    NAME.apkg.notes.json beside the package remembers which notes changed. Notes of the
    last export whose question is now rejected or deleted come once more, tagged
    quizgen::retired (an import cannot delete them). With several decks, --name makes
    them subdecks of NAME.
    """
    from quizgen._cli._common import check_output_folder, info, load_decks
    from quizgen._render import render
    from quizgen._render.anki import AnkiOptions

    out = output or Path("output") / f"{decks[0].stem}.apkg"
    loaded = titled(load_decks([str(d) for d in decks]), name, nest=True)
    check_output_folder(output, mkdir)  # after the decks: their problems come first
    written = render("anki", loaded, out, AnkiOptions(timestamp=timestamp))
    for path in written:
        info(f"wrote {path}")
    report_retired(written)


def titled(decks: list[Deck], name: str | None, nest: bool) -> list[Deck]:
    """The decks shown under `name`: one deck takes it as its title; several become
    "NAME::title" subdecks when `nest` (Anki), else all take it (one PDF title). The
    Anki deck id stays the deck's own, so a renamed deck is the same deck in Anki."""
    from dataclasses import replace

    if not name or not name.strip():
        return decks
    return [
        replace(
            d,
            title=f"{name.strip()}::{d.title.strip()}" if nest and len(decks) > 1 else name.strip(),
            deck_id=d.stable_id,
        )
        for d in decks
    ]


def report_retired(written: list[Path]) -> None:
    """Say how many notes a package sent once more as retired, and how to find them."""
    from quizgen._cli._common import info
    from quizgen._render.anki import RETIRED_SEARCH, RETIRED_TAG, SUFFIX, retired_count

    for path in written:
        count = retired_count(path) if path.suffix == SUFFIX else 0
        if count:
            notes, them = (f"{count} notes", "them") if count != 1 else ("1 note", "it")
            info(
                f"{path}: {notes} retired since the last export (rejected or deleted) sent"
                f" once more, tagged {RETIRED_TAG}; find {them} in Anki with: {RETIRED_SEARCH}"
            )
