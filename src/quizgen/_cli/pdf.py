from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quizgen._cli._common import KINDS_HELP, TYPES_HELP
from quizgen._cli.anki import DecksArg, NameOpt


def pdf_cli(
    decks: DecksArg,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="PDF to write [default: output/NAME.pdf].", readable=False
        ),
    ] = None,
    key: Annotated[
        str, typer.Option("--key", help="Answer key: end, separate (NAME-key.pdf) or none.")
    ] = "end",
    versions: Annotated[
        int, typer.Option("--versions", min=1, max=26, help="Shuffled versions A, B, ...")
    ] = 1,
    split: Annotated[bool, typer.Option("--split", help="One file per version.")] = False,
    paper: Annotated[str, typer.Option("--paper", help="a4 or letter.")] = "a4",
    seed: Annotated[
        int, typer.Option("--seed", help="Seed for shuffling versions (same seed, same versions).")
    ] = 0,
    max_questions: Annotated[
        int | None, typer.Option("--max", min=1, help="At most this many questions.")
    ] = None,
    kinds: Annotated[
        list[str] | None, typer.Option("--kinds", help=KINDS_HELP, show_default=False)
    ] = None,
    types: Annotated[
        list[str] | None, typer.Option("--types", help=TYPES_HELP, show_default=False)
    ] = None,
    name: NameOpt = None,
) -> None:
    """Print worksheets (PDF): sections by question type, versions, and an answer key."""
    from quizgen._cli._common import (
        info,
        load_decks,
        parse_kinds,
        parse_types,
        refuse_overwriting,
        split_choices,
    )
    from quizgen._cli.anki import titled
    from quizgen._render import RenderOptions, render

    key = (split_choices([key], ("end", "separate", "none"), "--key") or ["end"])[0]
    paper = (split_choices([paper], ("a4", "letter"), "--paper") or ["a4"])[0]
    options = RenderOptions(
        seed=seed,
        kinds=parse_kinds(kinds),
        types=parse_types(types),
        limit=max_questions,
        extra={"key": key, "versions": versions, "split": split, "paper": paper},
    )
    out = output or Path("output") / f"{decks[0].stem}.pdf"
    refuse_overwriting(out, decks, ".pdf")
    loaded = titled(load_decks([str(d) for d in decks]), name, nest=False)
    written = render("pdf", loaded, out, options)
    for path in written:
        info(f"wrote {path}")
