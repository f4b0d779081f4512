from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from quizgen._generate import Plan

from quizgen._cli._common import KINDS_HELP, TYPES_HELP

SourcesArg = Annotated[
    list[Path],
    typer.Argument(
        help="Source texts (.txt, .md, .html, .pdf, .docx, .odt, .epub, .rtf), and folders"
        " of them (searched recursively).",
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
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Processes that parse the sources and make their decks (each holds the model: "
        "~300 MB) [default: one per core].",
        show_default=False,
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Show no progress.")]
NoCacheOpt = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Parse every source again, ignoring (and not filling) the cache of parsed "
        "sources ($QUIZGEN_CACHE_DIR, else the user cache folder); build also rebuilds "
        "decks whose sources, options and files are unchanged.",
    ),
]


class Executor(StrEnum):
    """`--executor`: where the parsing (and a deck per source's generation) runs."""

    local = "local"
    dask = "dask"


ExecutorOpt = Annotated[
    Executor,
    typer.Option(
        "--executor",
        help="local: processes here; dask: a Dask cluster (pip install 'quizgen[dask]').",
    ),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="With --executor dask: the scheduler (tcp://HOST:PORT) [default: a local "
        "cluster of --jobs workers].",
        show_default=False,
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


PerFactOpt = Annotated[
    int,
    typer.Option("--per-fact", min=1, help="Questions per fact (2: both directions, for Anki)."),
]
PerSentenceOpt = Annotated[
    int, typer.Option("--per-sentence", min=1, help="At most this many questions per sentence.")
]
CountOpt = Annotated[
    int | None,
    typer.Option(
        "--count", min=1, help="Exactly this many questions (the most salient), or say why not."
    ),
]
MixOpt = Annotated[
    str | None,
    typer.Option(
        "--mix",
        help="Type mix, e.g. short=0.4,choice=0.4,cloze=0.15,truefalse=0.05 (cloze and "
        "truefalse are the most they take) [default: cloze <= 0.5, truefalse <= 0.15].",
        show_default=False,
    ),
]
VerboseOpt = Annotated[
    bool, typer.Option("--verbose", "-v", help="List the facts left unasked, with the reason.")
]


def parse_mix(value: str | None) -> dict[str, float]:
    """ "short=0.4,cloze=0.1" -> {"short": 0.4, "cloze": 0.1}; BadParameter on anything else."""
    from quizgen._deck import TYPES

    out: dict[str, float] = {}
    for part in (value or "").split(","):
        if not part.strip():
            continue
        name, _, share = part.partition("=")
        name = name.strip().lower()
        try:
            number = float(share)
        except ValueError:
            number = -1.0
        if name not in TYPES or not 0 <= number <= 1:
            raise typer.BadParameter(
                f"'{part.strip()}' is not TYPE=SHARE with TYPE one of {', '.join(TYPES)} "
                "and SHARE from 0 to 1",
                param_hint="--mix",
            )
        out[name] = number
    return out


def report_plan(plan: Plan, verbose: bool) -> None:
    """The planner's summary line, why --count fell short, and (verbose) every unasked fact."""
    from quizgen._cli._common import info, warn

    info(plan.summary())
    if plan.short_of_count:
        warn(plan.short_of_count)
    if verbose:
        for fact, reason in plan.unasked:
            info(f"  unasked {fact}: {reason}")


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
    """Read sources and write one deck of questions (YAML), merging into it if it exists.

    Questions already in the deck keep their ids, edits and status; new facts add new
    questions; questions whose fact is gone from the sources are kept and reported.
    """
    from quizgen._build import generate_deck_planned, generate_decks
    from quizgen._cli._common import parse_kinds, parse_types, report_merge, warn
    from quizgen._cli._progress import running
    from quizgen._generate import GenerateOptions
    from quizgen._sources import load_source
    from quizgen._sources.folders import find_sources

    # A folder (and no -o) makes a deck per source, mirrored below decks/, as build does.
    per_source = output is None and any(path.is_dir() for path in sources)
    with running(
        jobs=jobs, quiet=quiet, cache=not no_cache, executor=executor, scheduler=scheduler
    ) as (jobs, run):
        options = GenerateOptions(
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
        if per_source:
            for made in generate_decks(sources, generate_options=options, run=run):
                if made.plan is not None:
                    report_plan(made.plan, verbose)
                if not made.report.added and not made.report.kept:
                    warn(f"{made.path}: found no dates, people or organizations to ask about")
                report_merge(made.path, made.deck, made.report)
            return
        loaded = [load_source(f.path) for f in find_sources(sources, distinct=False)]
        out = output or Path("decks") / f"{Path(sources[0]).stem}.yaml"
        merged, report, plan = generate_deck_planned(loaded, out, options, title=title, run=run)
    report_plan(plan, verbose)
    if not report.added and not report.kept:
        warn(
            f"{', '.join(map(str, sources))}: found no dates, people or organizations to ask about"
        )
    report_merge(out, merged, report)
