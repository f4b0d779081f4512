"""The main job: sources -> decks/NAME.yaml (merged with a person's edits) -> output files.

It composes the stages, each taking the one before's data:
load_source -> Source, iter_facts -> Facts, generate -> Deck, save_merged, render.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen._deck import Deck, MergeReport, fill_file, load_deck, save_merged
from quizgen._errors import SourceError
from quizgen._progress import ProgressCallback
from quizgen._render import DEFAULT_TARGETS, RenderOptions, render, renderer_suffix
from quizgen._safetext import file_stem
from quizgen._uptodate import Manifests, Summary, Unchanged, code_hash, file_hash

if TYPE_CHECKING:
    from quizgen._extract import Facts, Mapper
    from quizgen._generate import GenerateOptions, Plan
    from quizgen._sources import Source
    from quizgen._sources.folders import SourceFile


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


@dataclass(frozen=True)
class RunOptions:
    """How the parsing runs (never what it makes: the decks are the same bytes either way).

    `cache`: reuse the Facts of sources parsed before (`quizgen._extract.cache`), in
    `cache_dir` (default: `default_cache_dir()`); `progress`: called with a `Progress` after
    each source or section; `mapper`: runs the parsing elsewhere (a Dask cluster:
    `quizgen._extract.dask.dask_mapper`); else `GenerateOptions.jobs` processes here.
    """

    cache: bool = False
    cache_dir: str | os.PathLike[str] | None = None
    progress: ProgressCallback | None = None
    mapper: Mapper | None = None


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
    found, groups = _groups(sources, name)
    up_to_date = _UpToDate.open(run, options, targets, render_options, target_options)
    skipped = {}
    for stem, group in groups:
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
    for stem, _ in groups:
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
class GeneratedDeck:
    """A deck `generate_decks` wrote: its name ('unit1/intro'), file, content and merge."""

    name: str
    path: Path
    deck: Deck
    report: MergeReport
    plan: Plan | None = None


def generate_decks(
    sources: Sequence[str | os.PathLike[str]],
    *,
    decks_dir: str | os.PathLike[str] = "decks",
    name: str | None = None,
    generate_options: GenerateOptions | None = None,
    run: RunOptions | None = None,
    refuse_empty: bool = False,
    skip: frozenset[str] = frozenset(),
    found: Sequence[SourceFile] | None = None,
) -> Iterator[GeneratedDeck]:
    """A deck per source of the files and folders `sources` (see `find_sources`), or one
    deck `name` of them all, each merged into `decks_dir/NAME.yaml` and given back as it
    is written, in source order. Every source is loaded (and checked) before the first
    deck; then all are parsed in one run as `run` says. "History::Cold War" names the
    deck; its file is `History-Cold War.yaml`. The decks named in `skip` are left alone
    (their sources neither loaded nor parsed); `found` is `find_sources(sources)` when the
    caller has it. Raises what `build` raises.
    """
    from quizgen._sources import load_source

    if found is None:
        found, _ = _groups(sources, name)
    if name:
        todo = [] if file_stem(name) in skip else list(found)
    else:
        todo = [f for f in found if f.name not in skip]
    loaded = [load_source(f.path) for f in todo]
    if name:
        groups = [(file_stem(name), loaded)] if todo else []
    else:
        groups = [(f.name, [s]) for f, s in zip(todo, loaded, strict=True)]
    facts = _iter_facts(loaded, generate_options, run)
    per_source = _by_source(facts)
    for stem, group in groups:
        deck_path = Path(decks_dir) / f"{stem}.yaml"
        group_facts = facts if name else next(per_source)
        # A new deck of several sources is titled NAME, not "First source and 1 more".
        deck, report, plan = generate_deck_planned(
            group,
            deck_path,
            generate_options,
            title=name,
            facts=group_facts,
            refuse_empty=refuse_empty,
        )
        yield GeneratedDeck(stem, deck_path, deck, report, plan)


def generate_deck(
    sources: Sequence[Source],
    deck_path: str | os.PathLike[str],
    options: GenerateOptions | None = None,
    title: str | None = None,
    *,
    run: RunOptions | None = None,
    facts: Iterable[Facts] | None = None,
    refuse_empty: bool = False,
) -> tuple[Deck, MergeReport]:
    """Extract and generate from `sources` into the deck at `deck_path`, merging with what a
    person made; returns the saved deck and what the merge kept, added and dropped.

    An existing deck is read first: a broken one fails before minutes of parsing, and its
    own `templates:` take part in the generation. The sources are parsed lazily with
    `options.model` and `options.jobs` as `run` says (see `iter_facts`), after the
    templates loaded, unless `facts` (theirs, from `iter_facts`) are given. With
    `refuse_empty` (build), sources that give no question and no deck yet raise
    SourceError and write nothing; else the empty deck is saved (generate: the caller
    warns). Raises DeckError, TemplateError, ModelError.
    """
    deck, report, _ = generate_deck_planned(
        sources, deck_path, options, title, run=run, facts=facts, refuse_empty=refuse_empty
    )
    return deck, report


def generate_deck_planned(
    sources: Sequence[Source],
    deck_path: str | os.PathLike[str],
    options: GenerateOptions | None = None,
    title: str | None = None,
    *,
    run: RunOptions | None = None,
    facts: Iterable[Facts] | None = None,
    refuse_empty: bool = False,
) -> tuple[Deck, MergeReport, Plan]:
    """`generate_deck`, and the plan of the fresh generation (for the summary line)."""
    from dataclasses import replace

    from quizgen._generate import GenerateOptions, generate_planned

    options = options or GenerateOptions()
    path = Path(deck_path)
    existing = None
    if path.exists() or path.is_symlink():
        existing = load_deck(path)
        if existing.templates:
            options = replace(options, deck_templates=existing.templates)
    if facts is None:
        facts = _iter_facts(sources, options, run)
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


def _iter_facts(
    sources: Sequence[Source], options: GenerateOptions | None, run: RunOptions | None
) -> Iterator[Facts]:
    from quizgen._extract import FactsCache, default_model_name, iter_facts
    from quizgen._generate import GenerateOptions

    options = options or GenerateOptions()
    run = run or RunOptions()
    cache = None
    if run.cache:
        cache = FactsCache.open(options.model or default_model_name(), run.cache_dir)
    return iter_facts(
        sources,
        options.model,
        options.jobs,
        cache=cache,
        progress=run.progress,
        mapper=run.mapper,
    )


def _groups(
    sources: Sequence[str | os.PathLike[str]], name: str | None
) -> tuple[list[SourceFile], list[tuple[str, list[SourceFile]]]]:
    """The sources found, and the decks they make: (deck name, its sources) in order."""
    from quizgen._sources.folders import find_sources

    found = find_sources(sources, distinct=not name)
    if name:
        return found, [(file_stem(name), found)]
    return found, [(f.name, [f]) for f in found]


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


def _by_source(facts: Iterator[Facts]) -> Iterator[Iterator[Facts]]:
    """The Facts of each source in turn, lazily: a source's first Facts has section 0,
    the sections of a long one follow it (1, 2, ...)."""
    from itertools import groupby

    number = -1

    def source_number(f: Facts) -> int:
        nonlocal number
        number += f.section == 0
        return number

    return (group for _, group in groupby(facts, source_number))
