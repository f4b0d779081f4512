"""The main job: sources -> decks/NAME.yaml (merged with a person's edits) -> output files.

It composes the stages, each taking the one before's data:
load_source -> Source, iter_facts -> Facts, generate -> Deck, save_merged, render.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen._deck import Deck, MergeReport, fill_file, load_deck, save_merged
from quizgen._errors import SourceError
from quizgen._render import DEFAULT_TARGETS, RenderOptions, render, renderer_suffix
from quizgen._safetext import file_stem

if TYPE_CHECKING:
    from quizgen._generate import GenerateOptions, Plan
    from quizgen._sources import Source


@dataclass
class BuildResult:
    """What one build wrote: the deck, its merge report, and every output file."""

    deck_path: Path
    deck: Deck
    report: MergeReport
    outputs: list[Path] = field(default_factory=list)
    plan: Plan | None = None  # how the fresh generation was planned (facts asked, unasked)


def build(
    sources: Sequence[str | os.PathLike[str]],
    *,
    targets: Sequence[str] = DEFAULT_TARGETS,
    decks_dir: str | os.PathLike[str] = "decks",
    output_dir: str | os.PathLike[str] = "output",
    name: str | None = None,
    generate_options: GenerateOptions | None = None,
    render_options: RenderOptions | None = None,
    target_options: Mapping[str, RenderOptions] | None = None,
) -> list[BuildResult]:
    """Generate a deck per source (or one deck called `name` for all), merge, and render.

    Writes `decks_dir/STEM.yaml` and `output_dir/STEM.SUFFIX` per target (`renderer_names()`
    lists them) and returns one BuildResult per deck. `target_options` gives a target its
    own options class (PdfOptions for "pdf"); the others get `render_options`. Raises SourceError, DeckError,
    TemplateError, ModelError or RenderError, or NotADirectoryError when a file stands
    where a folder should be (before any work); every file is written atomically, and
    nothing is rendered from a deck that failed to merge.
    """
    from quizgen._sources import load_source

    options = generate_options
    for target in targets:
        renderer_suffix(target)  # an unknown target fails before any work is done
    for folder in (Path(decks_dir), Path(output_dir)):
        # Found only after the deck was written, a file in the way left the work half done.
        if folder.exists() and not folder.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "is a file, not a folder", str(folder))
    loaded = [load_source(path) for path in sources]
    if not name:
        _check_distinct_stems([s.path for s in loaded])
    # "History::Cold War" names the deck; its files are History-Cold War.yaml/.apkg/.pdf.
    groups = [(file_stem(name), loaded)] if name else [(Path(s.path).stem, [s]) for s in loaded]
    results = []
    for stem, group in groups:
        deck_path = Path(decks_dir) / f"{stem}.yaml"
        # A new deck of several sources is titled NAME, not "First source and 1 more".
        deck, report, plan = generate_deck_planned(
            group, deck_path, options, title=name, refuse_empty=True
        )
        result = BuildResult(deck_path, deck, report, plan=plan)
        for target in targets:
            out = Path(output_dir) / f"{stem}{renderer_suffix(target)}"
            chosen = (target_options or {}).get(target, render_options)
            result.outputs.extend(render(target, [deck], out, chosen))
        results.append(result)
    return results


def generate_deck(
    sources: Sequence[Source],
    deck_path: str | os.PathLike[str],
    options: GenerateOptions | None = None,
    title: str | None = None,
    refuse_empty: bool = False,
) -> tuple[Deck, MergeReport]:
    """Extract and generate from `sources` into the deck at `deck_path`, merging with what a
    person made; returns the saved deck and what the merge kept, added and dropped.

    An existing deck is read first: a broken one fails before minutes of parsing, and its
    own `templates:` take part in the generation. The sources are parsed lazily with
    `options.model` and `options.jobs` (see `iter_facts`), after the templates loaded.
    With `refuse_empty` (build), sources that give no question and no deck yet raise
    SourceError and write nothing; else the empty deck is saved (generate: the caller
    warns). Raises DeckError, TemplateError, ModelError.
    """
    deck, report, _ = generate_deck_planned(sources, deck_path, options, title, refuse_empty)
    return deck, report


def generate_deck_planned(
    sources: Sequence[Source],
    deck_path: str | os.PathLike[str],
    options: GenerateOptions | None = None,
    title: str | None = None,
    refuse_empty: bool = False,
) -> tuple[Deck, MergeReport, Plan]:
    """`generate_deck`, and the plan of the fresh generation (for the summary line)."""
    from dataclasses import replace

    from quizgen._extract import iter_facts
    from quizgen._generate import GenerateOptions, generate_planned

    options = options or GenerateOptions()
    path = Path(deck_path)
    existing = None
    if path.exists() or path.is_symlink():
        existing = load_deck(path)
        if existing.templates:
            options = replace(options, deck_templates=existing.templates)
    facts = iter_facts(sources, options.model, options.jobs)
    fresh, plan = generate_planned(facts, options, title=title)
    if refuse_empty and not fresh.questions and existing is None:
        # Saved, an empty deck made build go on to a 0-note .apkg and an error blaming
        # rejections and --kinds that were never given.
        raise SourceError(f"{', '.join(s.path for s in sources)}: {_nothing_found(options)}")
    # Hand-written questions get their id, kind and type in the file before the merge
    # splices into it (read again: the deck may have been saved while we generated).
    filled = fill_file(path) if existing is not None and existing.filled else []
    merged, report = save_merged(fresh, path)
    report.filled = filled
    return merged, report, plan


def _nothing_found(options: GenerateOptions) -> str:
    if options.kinds or options.types:
        return "found nothing to ask about of the --kinds and --types given"
    return "found no dates, people or organizations to ask about"


def _check_distinct_stems(sources: Sequence[str]) -> None:
    """Raise SourceError when two sources would make one deck (a.txt and notes/a.txt).

    The second was merged into the first's deck, which then reported the first's
    questions as gone from the sources, and its outputs replaced the first's.
    """
    seen: dict[str, str] = {}
    for path in sources:
        stem = Path(path).stem
        if stem in seen and not os.path.samefile(seen[stem], path):
            raise SourceError(
                f"{seen[stem]} and {path} would both make the deck {stem}.yaml; "
                "rename one, or give --name to make one deck of all sources"
            )
        seen.setdefault(stem, path)
