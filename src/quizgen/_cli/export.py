from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quizgen._cli._common import Output
from quizgen._cli.anki import DecksArg, NameOpt


def export_cli(
    decks: DecksArg,
    to: Annotated[
        list[str],
        typer.Option(
            "--to",
            help=f"Formats to write: {', '.join(Output)} (comma-separated or repeated).",
            metavar=f"<{'|'.join(Output)}>",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="File to write, with one --to [default: output/NAME.SUFFIX, NAME the first "
            "deck's file name, SUFFIX the format's: .apkg, .pdf, .tsv, .gift, .moodle.xml, "
            ".json ...].",
            readable=False,
            show_default=False,
        ),
    ] = None,
    name: NameOpt = None,
) -> None:
    """Export decks to the tools teachers and learners already use: Anki text import (tsv),
    Moodle (gift, moodle), JSON, and every other output `build --to` makes.

    One file per format holds every deck given; rejected questions are never exported.
    The same decks give the same bytes. docs/ has a page per format on how to import it.
    """
    from quizgen._cli._common import info, load_decks, split_choices
    from quizgen._cli.anki import report_retired, titled
    from quizgen._render import render, renderer_suffix

    targets = split_choices(to, list(Output), "--to") or []
    if output is not None and len(targets) != 1:
        raise typer.BadParameter(
            "give one --to with -o (each format is its own file)", param_hint="-o"
        )
    loaded = load_decks([str(d) for d in decks])
    for target in targets:
        out = output or Path("output") / f"{decks[0].stem}{renderer_suffix(target)}"
        written = render(target, titled(loaded, name, nest=target != "pdf"), out)
        for path in written:
            info(f"wrote {path}")
        report_retired(written)
