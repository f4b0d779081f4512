"""The main job: sources -> decks/NAME.yaml (merged with a person's edits) -> output files.

It composes the stages, each taking the one before's data:
load_source -> Source, iter_facts -> Facts, generate -> Deck, save_merged, render.

    __init__.py  build: the decks (`decks.py`), then the outputs, leaving alone what is
                 up to date
    decks.py     generate_decks / generate_deck: sources -> fresh decks (a deck per
                 source made where the source is parsed) merged into the deck files
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen._build.decks import (
    GeneratedDeck,
    RunOptions,
    generate_deck,
    generate_deck_planned,
    generate_decks,
    groups,
)
from quizgen._deck import Deck, MergeReport, load_deck
from quizgen._render import DEFAULT_TARGETS, RenderOptions, render, renderer_suffix
from quizgen._uptodate import Manifests, Summary, Unchanged, code_hash, file_hash

if TYPE_CHECKING:
    from quizgen._generate import GenerateOptions, Plan
    from quizgen._sources.folders import SourceFile

__all__ = [
    "BuildResult",
    "GeneratedDeck",
    "RunOptions",
    "build",
    "generate_deck",
    "generate_deck_planned",
    "generate_decks",
]


@dataclass
class BuildResult:
    """What one build wrote: the deck, its merge report, and every output file."""

    deck_path: Path
    deck: Deck
    report: MergeReport
    outputs: list[Path] = field(default_factory=list)
    plan: Plan | None = None  # how the fresh generation was planned (facts asked, unasked)
    unchanged: bool = (
        False  # True: nothing it read changed, nothing was built (outputs as they were)
    )


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
    run: RunOptions | None = None,
) -> list[BuildResult]:
    """Generate a deck per source (or one deck called `name` for all), merge, and render.

    `sources` are files and folders (searched recursively, see `find_sources`). A file
    makes `decks_dir/STEM.yaml` and `output_dir/STEM.SUFFIX` per target (`renderer_names()`
    lists them); a source found in a folder makes the same below the folder's path
    (`sources/unit1/intro.txt` -> `decks/unit1/intro.yaml`). Returns one BuildResult per
    deck, in source order. `target_options` gives a target its own options class
    (PdfOptions for "pdf"); the others get `render_options`. All sources are parsed in one
    run (see `RunOptions`), each deck written as soon as its sources are parsed. With
    `run.cache`, a deck whose sources, options, templates, model and quizgen, and whose own
    file and outputs, are as its last build left them is not built again (its result has
    `unchanged`; see `quizgen._uptodate`). A source
    that gives no question (and has no deck yet) raises SourceError and writes nothing.
    Raises SourceError (also when two
    sources would make one deck), DeckError, TemplateError, ModelError or RenderError, or
    NotADirectoryError when a file stands where a folder should be (before any work);
    every file is written atomically, and nothing is rendered from a deck that failed to
    merge.
    """
    options = generate_options
    for target in targets:
        renderer_suffix(target)  # an unknown target fails before any work is done
    for folder in (Path(decks_dir), Path(output_dir)):
        # Found only after the deck was written, a file in the way left the work half done.
        if folder.exists() and not folder.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "is a file, not a folder", str(folder))
    found, decks = groups(sources, name)
    up_to_date = _UpToDate.open(run, options, targets, render_options, target_options)
    skipped = {}
    for stem, group in decks:
        deck_path = Path(decks_dir) / f"{stem}.yaml"
        outs = [Path(output_dir) / f"{stem}{renderer_suffix(t)}" for t in targets]
        if up_to_date is not None:
            done = up_to_date.check(stem, name, group, deck_path, outs)
            if done is not None:
                skipped[stem] = done
    fresh = generate_decks(
        sources,
        decks_dir=decks_dir,
        name=name,
        generate_options=options,
        run=run,
        refuse_empty=True,
        skip=frozenset(skipped),
        found=found,
    )
    results = []
    for stem, _ in decks:
        if stem in skipped:
            results.append(_unchanged_result(Path(decks_dir) / f"{stem}.yaml", skipped[stem]))
            continue
        deck = next(fresh)
        result = BuildResult(deck.path, deck.deck, deck.report, plan=deck.plan)
        for target in targets:
            out = Path(output_dir) / f"{deck.name}{renderer_suffix(target)}"
            chosen = (target_options or {}).get(target, render_options)
            result.outputs.extend(render(target, [deck.deck], out, chosen))
        if up_to_date is not None:
            up_to_date.record(stem, result)
        results.append(result)
    return results


@dataclass
class _UpToDate:
    """The build manifests (`quizgen._uptodate`) and what every deck's key shares: what
    the extraction reads (quizgen's version, the model), quizgen's code, the options
    (but `jobs`, which changes nothing made) and the templates file, the targets."""

    manifests: Manifests
    shared: tuple[str | bytes, ...]
    keys: dict[str, str | None] = field(default_factory=dict)  # deck name -> key checked

    @classmethod
    def open(
        cls,
        run: RunOptions | None,
        options: GenerateOptions | None,
        targets: Sequence[str],
        render_options: RenderOptions | None,
        target_options: Mapping[str, RenderOptions] | None,
    ) -> _UpToDate | None:
        """None when the run keeps no cache (`--no-cache`): every deck is built."""
        from dataclasses import replace

        from quizgen._extract import FactsCache, default_model_name
        from quizgen._generate import GenerateOptions

        if run is None or not run.cache:
            return None
        options = options or GenerateOptions()
        facts_cache = FactsCache.open(options.model or default_model_name(), run.cache_dir)
        templates = b""
        if options.templates is not None:
            try:
                templates = Path(options.templates).read_bytes()
            except OSError:
                return None  # let generation report the file
        shared = (
            facts_cache.salt,
            code_hash(),
            repr(replace(options, jobs=1)),
            templates,
            *(f"{t}={(target_options or {}).get(t, render_options)!r}" for t in targets),
        )
        return cls(Manifests(facts_cache.folder / "builds"), shared)

    def _key(
        self, stem: str, name: str | None, group: Sequence[SourceFile], outputs: Sequence[Path]
    ) -> str | None:
        # Only regular files: opening a FIFO to hash it waited forever; load_source refuses it.
        if not all(f.path.is_file() for f in group):
            return None  # missing, a FIFO, a device: load_source says so
        try:
            files = [f"{f.path}\0{file_hash(f.path)}" for f in group]
        except OSError:
            return None
        return self.manifests.key([*self.shared, stem, name or "", *files, *map(str, outputs)])

    def check(
        self,
        stem: str,
        name: str | None,
        group: Sequence[SourceFile],
        deck_path: Path,
        outputs: Sequence[Path],
    ) -> Unchanged | None:
        """What the last build of this deck wrote, when nothing it read or wrote changed
        (the outputs where this build would write them); else None, and the deck's
        manifest is dropped until it is built again."""
        key = self.keys[stem] = self._key(stem, name, group, outputs)
        done = self.manifests.unchanged(deck_path, key) if key is not None else None
        if done is None:
            self.manifests.forget(deck_path)
        return done

    def record(self, stem: str, result: BuildResult) -> None:
        """Note what the build of deck `stem` read (its key) and wrote."""
        key = self.keys.get(stem)
        if key is not None:
            summary = Summary(tuple(result.report.vanished), tuple(result.report.deleted))
            self.manifests.record(result.deck_path, key, result.outputs, summary)


def _unchanged_result(deck_path: Path, done: Unchanged) -> BuildResult:
    """The BuildResult of a deck left as it was: the deck as saved, all kept, the outputs
    the last build wrote."""
    deck = load_deck(deck_path)
    report = MergeReport(
        kept=[q.id for q in deck.questions],
        vanished=list(done.summary.vanished),
        deleted=list(done.summary.deleted),
    )
    return BuildResult(deck_path, deck, report, outputs=list(done.outputs), unchanged=True)
