from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quizgen._cli._common import KINDS_HELP, TYPES_HELP, Key, MkdirOpt, Paper
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
        Key,
        typer.Option(
            "--key",
            case_sensitive=False,
            help="Answer key: at the end (same file), in a separate NAME-key.pdf, or none.",
        ),
    ] = Key.end,
    versions: Annotated[
        int, typer.Option("--versions", min=1, max=26, help="Shuffled versions A, B, ...")
    ] = 1,
    split: Annotated[bool, typer.Option("--split", help="One file per version.")] = False,
    paper: Annotated[
        Paper, typer.Option("--paper", case_sensitive=False, help="Page size.")
    ] = Paper.a4,
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
    mkdir: MkdirOpt = False,
) -> None:
    """Print worksheets (PDF): sections by question type, versions, and an answer key."""
    from quizgen._cli._common import (
        check_output_folder,
        load_decks,
        parse_kinds,
        parse_types,
        report_written,
    )
    from quizgen._cli.anki import titled
    from quizgen._render import render
    from quizgen._render.pdf import PdfOptions

    options = PdfOptions(
        seed=seed,
        kinds=parse_kinds(kinds),
        types=parse_types(types),
        limit=max_questions,
        key=key.value,
        versions=versions,
        split=split,
        paper=paper.value,
    )
    out = output or Path("output") / f"{decks[0].stem}.pdf"
    loaded = titled(load_decks([str(d) for d in decks]), name, nest=False)
    check_output_folder(output, mkdir)  # after the decks: their problems come first
    before = [p for p in out.parent.glob(f"{out.stem}*{out.suffix}") if p.is_file()]
    report_written(render("pdf", loaded, out, options), before)
