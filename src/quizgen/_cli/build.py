from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quizgen._cli._common import Output
from quizgen._cli.generate import (
    Executor,
    ExecutorOpt,
    JobsOpt,
    KindsOpt,
    MaxOpt,
    ModelOpt,
    NoCacheOpt,
    QuietOpt,
    SchedulerOpt,
    SeedOpt,
    SourcesArg,
    TemplatesOpt,
    TypesOpt,
)


def build_cli(
    sources: SourcesArg,
    to: Annotated[
        list[str] | None,
        typer.Option(
            "--to",
            help=f"Outputs to make: {', '.join(Output)} (comma-separated or repeated) "
            "[default: all].",
            metavar=f"<{'|'.join(Output)}>",
            show_default=False,
        ),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option(
            "--one-deck",
            "--name",
            help="One deck called NAME for all sources (its file name and title).",
        ),
    ] = None,
    decks_dir: Annotated[
        Path, typer.Option("--decks", help="Folder of the editable decks.", readable=False)
    ] = Path("decks"),
    output_dir: Annotated[
        Path, typer.Option("--output", help="Folder of the built files.", readable=False)
    ] = Path("output"),
    seed: SeedOpt = 0,
    kinds: KindsOpt = None,
    types: TypesOpt = None,
    max_questions: MaxOpt = None,
    templates: TemplatesOpt = None,
    model: ModelOpt = None,
    jobs: JobsOpt = None,
    quiet: QuietOpt = False,
    no_cache: NoCacheOpt = False,
    executor: ExecutorOpt = Executor.local,
    scheduler: SchedulerOpt = None,
) -> None:
    """The main job: sources -> decks/NAME.yaml (kept in sync with your edits) -> Anki and PDF.

    Edit the deck, run build again: your edits stay, new facts are added, outputs are rebuilt.
    A folder makes a deck per source, mirrored: sources/unit1/intro.txt -> decks/unit1/intro.yaml.
    """
    from quizgen._build import build
    from quizgen._cli._common import (
        info,
        parse_kinds,
        parse_types,
        report_merge,
        split_choices,
        warn,
    )
    from quizgen._cli._progress import running
    from quizgen._cli.anki import report_retired
    from quizgen._generate import GenerateOptions
    from quizgen._render import RenderOptions, renderer_names

    targets = renderer_names() if to is None else split_choices(to, list(Output), "--to") or []
    with running(
        jobs=jobs, quiet=quiet, cache=not no_cache, executor=executor, scheduler=scheduler
    ) as (jobs, run):
        gen = GenerateOptions(
            seed=seed,
            kinds=parse_kinds(kinds),
            types=parse_types(types),
            limit=max_questions,
            templates=templates,
            model=model,
            jobs=jobs,
        )
        results = build(
            sources,
            targets=targets,
            decks_dir=decks_dir,
            output_dir=output_dir,
            name=name,
            generate_options=gen,
            render_options=RenderOptions(seed=seed),
            run=run,
        )
    for result in results:
        if not result.report.added and not result.report.kept:
            warn(f"{result.deck_path}: found no dates, people or organizations to ask about")
        report_merge(result.deck_path, result.deck, result.report)
        for path in result.outputs:
            info(f"wrote {path}")
        report_retired(result.outputs)
