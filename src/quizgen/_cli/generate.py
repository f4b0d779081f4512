from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quizgen._cli._common import KINDS_HELP, TYPES_HELP

SourcesArg = Annotated[
    list[Path],
    typer.Argument(
        help="Source texts (.txt, .md, .html, .pdf, .docx, .odt, .epub, .rtf).",
        show_default=False,
        readable=False,
    ),
]
SeedOpt = Annotated[
    int, typer.Option("--seed", help="Seed for choices and shuffling: same seed, same deck.")
]
KindsOpt = Annotated[list[str] | None, typer.Option("--kinds", help=KINDS_HELP, show_default=False)]
TypesOpt = Annotated[list[str] | None, typer.Option("--types", help=TYPES_HELP, show_default=False)]
MaxOpt = Annotated[
    int | None, typer.Option("--max", min=1, help="At most this many questions per source.")
]
TemplatesOpt = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        help="A YAML file of templates that add to or override the defaults.",
        readable=False,
    ),
]
JobsOpt = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Parser processes for large sources (each loads the model: more memory).",
    ),
]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        envvar="QUIZGEN_MODEL",
        help="spaCy pipeline to use (default: en_core_web_sm if installed).",
    ),
]


def generate_cli(
    sources: SourcesArg,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Deck to write or merge into [default: decks/NAME.yaml].",
            readable=False,
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="Deck title [default: the source's title].")
    ] = None,
    seed: SeedOpt = 0,
    kinds: KindsOpt = None,
    types: TypesOpt = None,
    max_questions: MaxOpt = None,
    templates: TemplatesOpt = None,
    model: ModelOpt = None,
    jobs: JobsOpt = 1,
) -> None:
    """Read sources and write one deck of questions (YAML), merging into it if it exists.

    Questions already in the deck keep their ids, edits and status; new facts add new
    questions; questions whose fact is gone from the sources are kept and reported.
    """
    from quizgen._build import generate_deck
    from quizgen._cli._common import parse_kinds, parse_types, report_merge, warn
    from quizgen._generate import GenerateOptions
    from quizgen._sources import load_source

    loaded = [load_source(path) for path in sources]
    options = GenerateOptions(
        seed=seed,
        kinds=parse_kinds(kinds),
        types=parse_types(types),
        limit=max_questions,
        templates=templates,
        model=model,
        jobs=jobs,
    )
    out = output or Path("decks") / f"{Path(sources[0]).stem}.yaml"
    merged, report = generate_deck(loaded, out, options, title=title)
    if not report.added and not report.kept:
        warn(
            f"{', '.join(map(str, sources))}: found no dates, people or organizations to ask about"
        )
    report_merge(out, merged, report)
