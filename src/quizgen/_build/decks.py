"""Making the decks: sources -> a fresh deck per source (or one of them all) -> merged
into the deck files a person edits.

A deck per source is generated where its source is parsed (`map_facts`): in a worker
process, or on a Dask worker, which sends back the deck (and, for a deck file that does
not exist yet, its text), not the parse; the parent only merges and writes, in source
order. Generation is a pure function of the Facts, the options and the templates, so the
bytes are the same however the work was spread.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizgen._atomic import write_text_atomic
from quizgen._deck import Deck, MergeReport, dump_deck, fill_file, load_deck, merge_decks, save_merged
from quizgen._errors import SourceError
from quizgen._progress import ProgressCallback
from quizgen._safetext import file_stem

if TYPE_CHECKING:
    from quizgen._extract import Facts, Mapper
    from quizgen._generate import GenerateOptions, Plan
    from quizgen._sources import Source
    from quizgen._sources.folders import SourceFile


@dataclass(frozen=True)
class RunOptions:
    """How the parsing (and a deck per source's generation) runs, never what it makes:
    the decks are the same bytes either way.

    `cache`: reuse the Facts of sources parsed before (`quizgen._extract.cache`), in
    `cache_dir` (default: `default_cache_dir()`); `progress`: called with a `Progress` after
    each source or section; `mapper`: runs the work elsewhere (a Dask cluster:
    `quizgen._extract.dask.dask_mapper`); else `GenerateOptions.jobs` processes here.
    """

    cache: bool = False
    cache_dir: str | os.PathLike[str] | None = None
    progress: ProgressCallback | None = None
    mapper: Mapper | None = None


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
    is written, in source order. Every source is loaded (and checked), and every deck
    file read, before the first parse; then all are parsed in one run as `run` says, each
    source's deck generated where the source was parsed (with `jobs` > 1, in a worker:
    see the module doc). A deck `name` of them all is generated here, a section per
    source in the order given. "History::Cold War" names the deck; its file is
    `History-Cold War.yaml`. The decks named in `skip` are left alone
    (their sources neither loaded nor parsed); `found` is `find_sources(sources)` when the
    caller has it. Raises what `build` raises.
    """
    from quizgen._sources import load_source

    if found is None:
        found, _ = groups(sources, name)
    if name:
        todo = [] if file_stem(name) in skip else list(found)
    else:
        todo = [f for f in found if f.name not in skip]
    loaded = [load_source(f.path) for f in todo]
    if name:
        if todo:
            deck_path = Path(decks_dir) / f"{file_stem(name)}.yaml"
            # A new deck of several sources is titled NAME, not "First source and 1 more".
            deck, report, plan = generate_deck_planned(
                loaded, deck_path, generate_options, title=name, run=run, refuse_empty=refuse_empty
            )
            yield GeneratedDeck(file_stem(name), deck_path, deck, report, plan)
        return
    # Every deck is read first (a broken one fails before minutes of parsing, and its own
    # templates take part), then each source's deck is generated where it is parsed.
    options = generate_options or _default_options()
    files = [_DeckFile.open(Path(decks_dir) / f"{f.name}.yaml", options) for f in todo]
    made = _generated(loaded, files, options, run)
    for f, source, deck_file, fresh in zip(todo, loaded, files, made, strict=True):
        deck, report = deck_file.save(fresh.deck, [source], refuse_empty, fresh.new)
        yield GeneratedDeck(f.name, deck_file.path, deck, report, fresh.plan)


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
    from quizgen._generate import generate_planned

    deck_file = _DeckFile.open(Path(deck_path), options or _default_options())
    if facts is None:
        facts = _iter_facts(sources, deck_file.options, run)
    fresh, plan = generate_planned(facts, deck_file.options, title=title)
    merged, report = deck_file.save(_in_source_order(fresh), sources, refuse_empty)
    return merged, report, plan


def _in_source_order(deck: Deck) -> Deck:
    """A deck of several sources as a section per source: each source's questions
    together, in the order the sources were given (`--one-deck`; the planner orders them
    by path). The worksheet prints a heading per source (`quizgen._render.pdf`)."""
    from dataclasses import replace

    rank = {ref.path: k for k, ref in enumerate(deck.sources)}
    ordered = sorted(deck.questions, key=lambda q: rank.get(q.source, len(rank)))
    return replace(deck, questions=ordered) if len(rank) > 1 else deck


@dataclass(frozen=True)
class _DeckFile:
    """A deck file a fresh generation goes into: the options its own `templates:` make
    (over the run's), and whether a deck is there and has hand-written questions to fill."""

    path: Path
    options: GenerateOptions
    exists: bool = False
    to_fill: bool = False

    @classmethod
    def open(cls, path: Path, options: GenerateOptions) -> _DeckFile:
        """Read the deck at `path`, if any. Raises DeckError when it is broken."""
        from dataclasses import replace

        if not (path.exists() or path.is_symlink()):
            return cls(path, options)
        existing = load_deck(path)
        if existing.templates:
            options = replace(options, deck_templates=existing.templates)
        return cls(path, options, exists=True, to_fill=bool(existing.filled))

    def save(
        self,
        fresh: Deck,
        sources: Sequence[Source],
        refuse_empty: bool,
        new: tuple[Deck, MergeReport, str] | None = None,
    ) -> tuple[Deck, MergeReport]:
        """Merge `fresh` (made from `sources`) into the file; returns the saved deck and
        what the merge kept, added and dropped. `new` is what `save_merged` makes of a
        fresh deck when there is no file yet (deck, report, text), made in a worker: used
        when there is still none. With `refuse_empty`, a generation with no question, and
        no deck yet, raises SourceError and writes nothing."""
        if refuse_empty and not fresh.questions and not self.exists:
            # Saved, an empty deck made build go on to a 0-note .apkg and an error blaming
            # rejections and --kinds that were never given.
            paths = ", ".join(s.path for s in sources)
            raise SourceError(f"{paths}: {_nothing_found(self.options)}")
        # Hand-written questions get their id, kind and type in the file before the merge
        # splices into it (read again: the deck may have been saved while we generated).
        filled = fill_file(self.path) if self.to_fill else []
        if new is not None and not self.path.exists():
            merged, report, text = new
            write_text_atomic(self.path, text)
        else:
            merged, report = save_merged(fresh, self.path)
        report.filled = filled
        return merged, report


def _default_options() -> GenerateOptions:
    from quizgen._generate import GenerateOptions

    return GenerateOptions()


def _nothing_found(options: GenerateOptions) -> str:
    if options.kinds or options.types:
        return "found nothing to ask about of the --kinds and --types given"
    return "found no dates, people or organizations to ask about"


def _iter_facts(
    sources: Sequence[Source], options: GenerateOptions | None, run: RunOptions | None
) -> Iterator[Facts]:
    from quizgen._extract import iter_facts

    return iter_facts(sources, **_extraction(options or _default_options(), run))


def _generated(
    sources: Sequence[Source],
    files: Sequence[_DeckFile],
    options: GenerateOptions,
    run: RunOptions | None,
) -> Iterator[_Fresh]:
    """Each source's fresh deck, generated with its deck file's options where the source
    is parsed (`map_facts`): a worker sends back the deck, not the parse."""
    from functools import partial

    from quizgen._extract import map_facts
    from quizgen._generate import generate_planned

    # A generation of no facts loads the templates: a bad one fails here before any
    # parse, not in a worker after one.
    for distinct in {id(f.options): f.options for f in files}.values():
        generate_planned([], distinct, title="templates check")
    # A Dask worker on another host has no --templates file: it gets the bytes read here.
    shipped = Path(options.templates).read_bytes() if options.templates is not None else None
    finish = [
        partial(_generate_source, options=f.options, new=not f.exists, templates=shipped)
        for f in files
    ]
    return map_facts(sources, finish, **_extraction(options, run))


@dataclass
class _Fresh:
    """One source's fresh deck and its plan; for a deck file that did not exist, also
    what `save_merged` would make of it (deck, report, text): the YAML dump is most of
    the parent's work, so the worker does it."""

    deck: Deck
    plan: Plan
    new: tuple[Deck, MergeReport, str] | None = None


def _generate_source(
    facts: Iterable[Facts], options: GenerateOptions, new: bool, templates: bytes | None
) -> _Fresh:
    """The work of one source (in a worker): its deck, and its file's text when `new`.
    `templates` are the bytes of `options.templates`, as the client read them."""
    from dataclasses import replace

    from quizgen._generate import generate_planned

    if templates is not None and options.templates is not None:
        options = replace(options, templates=_templates_here(options.templates, templates))
    fresh, plan = generate_planned(facts, options)
    if not new:
        return _Fresh(fresh, plan)
    # As save_merged makes a deck that has no file yet.
    merged, report = merge_decks(replace(fresh, questions=[]), fresh)
    return _Fresh(fresh, plan, (merged, report, dump_deck(merged)))


def _templates_here(path: str | os.PathLike[str], data: bytes) -> str | os.PathLike[str]:
    """`path` when it holds `data` here (a local worker), else a file of this process
    holding it (a Dask worker on another host)."""
    try:
        if Path(path).read_bytes() == data:
            return path
    except OSError:
        pass
    return _templates_file(data)


@lru_cache(maxsize=4)
def _templates_file(data: bytes) -> str:
    """A temporary file holding `data`, one per process and content, removed at exit
    where the process exits normally (a Dask worker may leave it in its temp folder)."""
    import atexit
    import tempfile

    fd, path = tempfile.mkstemp(prefix="quizgen-templates-", suffix=".yaml")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    atexit.register(Path(path).unlink, missing_ok=True)
    return path


def _extraction(options: GenerateOptions, run: RunOptions | None) -> dict[str, Any]:
    """How `iter_facts` and `map_facts` run: the model, processes, cache, progress, mapper."""
    from quizgen._extract import FactsCache, default_model_name

    run = run or RunOptions()
    cache = None
    if run.cache:
        cache = FactsCache.open(options.model or default_model_name(), run.cache_dir)
    return {
        "model": options.model,
        "jobs": options.jobs,
        "cache": cache,
        "progress": run.progress,
        "mapper": run.mapper,
    }


def groups(
    sources: Sequence[str | os.PathLike[str]], name: str | None
) -> tuple[list[SourceFile], list[tuple[str, list[SourceFile]]]]:
    """The sources found, and the decks they make: (deck name, its sources) in order."""
    from quizgen._sources.folders import find_sources

    found = find_sources(sources, distinct=not name)
    if name:
        return found, [(file_stem(name), found)]
    return found, [(f.name, [f]) for f in found]


