from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quizgen._cli._common import Key, Output
from quizgen._cli.generate import (
    CountOpt,
    Executor,
    ExecutorOpt,
    JobsOpt,
    KindsOpt,
    MaxOpt,
    MixOpt,
    ModelOpt,
    NoCacheOpt,
    PerFactOpt,
    PerSentenceOpt,
    QuietOpt,
    SchedulerOpt,
    SeedOpt,
    SourcesArg,
    TemplatesOpt,
    TypesOpt,
    VerboseOpt,
    parse_mix,
    report_plan,
)
from quizgen._render import DEFAULT_TARGETS


def build_cli(
    sources: SourcesArg,
    to: Annotated[
        list[str] | None,
        typer.Option(
            "--to",
            help=f"Outputs to make: {', '.join(Output)} (comma-separated or repeated) "
            f"[default: {', '.join(DEFAULT_TARGETS)}].",
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
    key: Annotated[
        Key,
        typer.Option(
            "--key",
            case_sensitive=False,
            help="PDF answer key: in a separate NAME-key.pdf (so printing the worksheet never "
            "prints it), in the same file after the questions, or none.",
        ),
    ] = Key.separate,
    seed: SeedOpt = 0,
    kinds: KindsOpt = None,
    types: TypesOpt = None,
    max_questions: MaxOpt = None,
    templates: TemplatesOpt = None,
    model: ModelOpt = None,
    jobs: JobsOpt = None,
    per_fact: PerFactOpt = 1,
    per_sentence: PerSentenceOpt = 2,
    count: CountOpt = None,
    mix: MixOpt = None,
    verbose: VerboseOpt = False,
    quiet: QuietOpt = False,
    no_cache: NoCacheOpt = False,
    executor: ExecutorOpt = Executor.local,
    scheduler: SchedulerOpt = None,
) -> None:
    """The main job: sources -> decks/NAME.yaml (kept in sync with your edits) -> Anki and PDF
    (and any export named with --to).

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
    from quizgen._render import RenderOptions
    from quizgen._render.pdf import PdfOptions

    targets = list(DEFAULT_TARGETS) if to is None else split_choices(to, list(Output), "--to") or []
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
            per_fact=per_fact,
            per_sentence=per_sentence,
            count=count,
            mix=parse_mix(mix),
        )
        results = build(
            sources,
            targets=targets,
            decks_dir=decks_dir,
            output_dir=output_dir,
            name=name,
            generate_options=gen,
            render_options=RenderOptions(seed=seed),
            target_options={"pdf": PdfOptions(seed=seed, key=key.value)},
            run=run,
        )
    for result in results:
        if result.plan is not None:
            report_plan(result.plan, verbose)
        if not result.report.added and not result.report.kept:
            warn(f"{result.deck_path}: found no dates, people or organizations to ask about")
        report_merge(result.deck_path, result.deck, result.report)
        for path in result.outputs:
            # Left alone (nothing it was built from changed): not written, so not "wrote".
            info(f"{path} is up to date" if result.unchanged else f"wrote {path}")
        report_retired(result.outputs)
