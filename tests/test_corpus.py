"""Reading lists and corpora: folders in, a deck per source mirrored, progress, the cache of
parsed sources, parallel parsing with the same bytes out, and long runs cut before parsing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from conftest import run_cli
from quizgen._errors import SourceError
from quizgen._sources.folders import find_sources

CURIE = "Marie Curie was born in Warsaw in 1867. She won the Nobel Prize in Physics in 1903.\n"
CROSS = (
    "Henry Dunant founded the Red Cross in 1863 in Geneva. He won the Nobel Peace Prize in 1901.\n"
)


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _listing(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_a_folder_names_each_source_by_its_path_below_it(tmp_path: Path) -> None:
    _tree(
        tmp_path / "sources",
        {
            "unit2/intro.md": "# B\n\nb",
            "unit1/intro.txt": "a",
            "unit1/.hidden.txt": "x",
            ".git/HEAD.txt": "x",
            "unit1/notes.docx": "x",
            "page.HTML": "<p>x</p>",
        },
    )
    found = find_sources([tmp_path / "sources"])
    assert [f.name for f in found] == ["page", "unit1/intro", "unit2/intro"]
    assert found[1].path == tmp_path / "sources" / "unit1" / "intro.txt"


def test_two_sources_of_one_name_are_refused_naming_both(tmp_path: Path) -> None:
    _tree(tmp_path, {"a/intro.txt": "a", "b/intro.txt": "b", "c/intro.txt": "c", "c/intro.md": "c"})
    with pytest.raises(SourceError, match=r"a/intro.txt and .*b/intro.txt would both make"):
        find_sources([tmp_path / "a" / "intro.txt", tmp_path / "b" / "intro.txt"])
    with pytest.raises(SourceError, match=r"c/intro.md and .*c/intro.txt would both make"):
        find_sources([tmp_path / "c"])
    assert len(find_sources([tmp_path / "a", tmp_path / "b"], distinct=False)) == 2
    # The same file twice is one source named twice, not two sources.
    assert len(find_sources([tmp_path / "a" / "intro.txt", tmp_path / "a" / "intro.txt"])) == 2


def test_a_folder_without_sources_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run_cli("build", "empty", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("Error: empty: is a directory with no source in it (.txt, ")


@pytest.mark.slow
def test_a_folder_builds_a_deck_per_source_mirrored_and_never_merged(tmp_path: Path) -> None:
    _tree(tmp_path / "sources", {"unit1/intro.txt": CURIE, "unit2/intro.txt": CROSS})
    result = run_cli("build", "sources", "--quiet", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    files = _listing(tmp_path)
    for unit in ("unit1", "unit2"):
        assert {
            f"decks/{unit}/intro.yaml",
            f"output/{unit}/intro.apkg",
            f"output/{unit}/intro.pdf",
        } <= set(files)
    assert (
        b"Curie" in files["decks/unit1/intro.yaml"]
        and b"Dunant" not in files["decks/unit1/intro.yaml"]
    )
    assert b"Dunant" in files["decks/unit2/intro.yaml"]
    assert "no longer match" not in result.stderr
    one = run_cli("build", "sources", "--one-deck", "Nobel", "--to", "anki", "-q", cwd=tmp_path)
    assert one.returncode == 0, one.stderr
    deck = (tmp_path / "decks" / "Nobel.yaml").read_text(encoding="utf-8")
    assert "sources/unit1/intro.txt" in deck and "sources/unit2/intro.txt" in deck


@pytest.mark.slow
def test_one_deck_has_a_section_per_source_in_the_order_given(tmp_path: Path) -> None:
    import yaml
    from pypdf import PdfReader

    curie = "---\ntitle: The life of Marie Curie\n---\n" + CURIE
    _tree(tmp_path, {"b/cross.txt": CROSS, "a/curie.md": curie})
    args = ("b/cross.txt", "a/curie.md", "--one-deck", "Nobel", "--to", "pdf", "-q")
    result = run_cli("build", *args, "--no-cache", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    deck = yaml.safe_load((tmp_path / "decks" / "Nobel.yaml").read_text(encoding="utf-8"))
    given = ["b/cross.txt", "a/curie.md"]
    assert [s["path"] for s in deck["sources"]] == given
    # A section per source: each source's questions together, in the order given (the
    # planner alone put a/ first, by path).
    cited = [q["source"] for q in deck["questions"]]
    assert cited == sorted(cited, key=given.index) and set(cited) == set(given)
    pdf = PdfReader(tmp_path / "output" / "Nobel.pdf")
    lines = [line for page in pdf.pages for line in page.extract_text().splitlines()]
    body = lines[lines.index("SCORE") :]  # below the header, which cites both sources
    cross, curie_at = body.index("Cross"), body.index("The life of Marie Curie")
    assert cross < curie_at
    for q in deck["questions"]:  # each printed under its source's heading
        at = next(i for i, line in enumerate(body) if q["prompt"][:25] in line)
        assert (cross < at < curie_at) if q["source"] == given[0] else (at > curie_at), q


@pytest.mark.slow
def test_generate_takes_a_folder_too(tmp_path: Path) -> None:
    _tree(tmp_path / "sources", {"unit1/intro.txt": CURIE, "unit2/intro.txt": CROSS})
    result = run_cli("generate", "sources", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(_listing(tmp_path / "decks")) == ["unit1/intro.yaml", "unit2/intro.yaml"]
    result = run_cli("generate", "sources", "-o", "all.yaml", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "unit2/intro.txt" in (tmp_path / "all.yaml").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_cache_skips_the_parse_and_survives_damage(tmp_path: Path, monkeypatch) -> None:
    import quizgen._extract as ext
    from quizgen._extract import FactsCache, iter_facts
    from quizgen._generate import generate
    from quizgen._sources import Source

    sources = [Source("a.txt", "A", CURIE), Source("b.txt", "B", CROSS)]
    cache = FactsCache.open("en_core_web_sm", tmp_path / "cache")
    first = generate(iter_facts(sources, cache=cache))
    entries = sorted((tmp_path / "cache").rglob("*.pickle"))
    assert len(entries) == 2

    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed although cached")

    with monkeypatch.context() as m:
        m.setattr(ext, "_extract_many", no_parse)
        assert generate(iter_facts(sources, cache=cache)) == first
    # A damaged entry, and a foreign file under a key, are parsed again and rewritten.
    entries[0].write_bytes(entries[0].read_bytes()[:40])
    entries[1].write_bytes(b"not ours")
    assert generate(iter_facts(sources, cache=cache)) == first
    assert all(cache.get(p.stem) is not None for p in entries)
    # Another model, another key: never served the first model's facts.
    other = FactsCache.open("some_other_model", tmp_path / "cache")
    assert other.key(sources[0], 0) != cache.key(sources[0], 0)


@pytest.mark.slow
def test_build_reuses_the_cache_and_no_cache_parses_again(tmp_path: Path, monkeypatch) -> None:
    import quizgen._extract as ext

    _tree(tmp_path / "sources", {"a.txt": CURIE, "b.txt": CROSS})
    assert run_cli("build", "sources", "-q", "--to", "anki", cwd=tmp_path).returncode == 0
    parsed: list[int] = []
    real = ext._extract_many

    def counting(sources, *args, **kwargs):
        parsed.append(len(sources))
        return real(sources, *args, **kwargs)

    monkeypatch.setattr(ext, "_extract_many", counting)
    (tmp_path / "sources" / "b.txt").write_text(CROSS + "Clara Barton joined it in 1881.\n")
    assert (
        run_cli("build", "sources", "-q", "--to", "anki", "-j", "1", cwd=tmp_path).returncode == 0
    )
    assert parsed == [1]  # b.txt alone
    parsed.clear()
    args = ("build", "sources", "-q", "--to", "anki", "-j", "1", "--no-cache")
    assert run_cli(*args, cwd=tmp_path).returncode == 0
    assert parsed == [2]


def _paragraphs(start: int, count: int) -> str:
    """`count` one-sentence paragraphs, each with its own year (about 90 characters each)."""
    return "\n".join(
        (CURIE if k % 2 else CROSS).replace("1867", str(1700 + k)).replace("1863", str(1700 + k))
        for k in range(start, start + count)
    )


OWN_TEMPLATES = (
    "templates:\n  - id: date-event\n    kind: date\n    needs: [clause]\n"
    "    types: [choice, short]\n    prompt: 'Say when {clause}.'\n"
)
DECK_WITH_TEMPLATES = (
    "quizgen: 1\ntitle: Own\ntemplates:\n  - id: mine\n    kind: actor\n"
    "    needs: [role_np]\n    types: [short]\n    prompt: 'Mine: who was {role_np}?'\n"
    "questions: []\n"
)


@pytest.mark.slow
def test_jobs_give_the_same_bytes_as_one_process_and_generate_in_the_workers(
    tmp_path: Path, monkeypatch
) -> None:
    import os

    import quizgen._extract as ext
    import quizgen._generate as gen

    # Enough text for several units of work (at least 5,000 characters each), and a long
    # source parsed in sections.
    monkeypatch.setattr(ext, "SECTION_CHARS", 3_000)

    files = {f"sources/s{k:02}.txt": _paragraphs(20 * k, 16) for k in range(6)}
    files["sources/long.txt"] = _paragraphs(200, 80)
    files["decks/s01.yaml"] = DECK_WITH_TEMPLATES  # its own templates go to the worker
    files["own.yaml"] = OWN_TEMPLATES  # and so does --templates
    real = gen.generate_planned

    def recording(facts, *args, **kwargs):
        deck, plan = real(facts, *args, **kwargs)
        if deck.sources:  # not the check of the templates before the parse
            with (tmp_path / "pids").open("a", encoding="utf-8") as log:
                log.write(f"{jobs} {os.getpid()} {deck.sources[0].path}\n")
        return deck, plan

    monkeypatch.setattr(gen, "generate_planned", recording)
    outs = []
    for jobs in ("1", "2"):
        root = _tree(tmp_path / f"j{jobs}", files)
        args = ("build", "sources", "-j", jobs, "--no-cache", "-q", "--to", "anki")
        result = run_cli(*args, "--templates", "own.yaml", cwd=root)
        assert result.returncode == 0, result.stderr
        outs.append({k: v for k, v in _listing(root).items() if k.startswith("decks/")})
    assert len(outs[0]) == 7 and outs[0] == outs[1]
    assert b"Say when" in outs[0]["decks/s00.yaml"]
    assert b"Mine: who was" in outs[0]["decks/s01.yaml"]
    for line in (tmp_path / "pids").read_text(encoding="utf-8").splitlines():
        jobs, pid, source = line.split()
        here = int(pid) == os.getpid()
        # -j 2: a short source's deck is made in the worker that parsed it (only the deck
        # comes back); a long one's in the parent, over its sections parsed in the workers.
        assert here == (jobs == "1" or source.endswith("long.txt")), line


def test_a_worker_without_the_templates_file_uses_the_bytes_the_client_read(
    tmp_path: Path,
) -> None:
    from quizgen._build.decks import _templates_here

    own = tmp_path / "own.yaml"
    own.write_text(OWN_TEMPLATES, encoding="utf-8")
    data = own.read_bytes()
    assert _templates_here(own, data) == own  # a local worker: the file itself
    # A Dask worker on another host has no such file (or another one by that name).
    for missing in (tmp_path / "elsewhere.yaml", own):
        copy = Path(_templates_here(missing, data + b"# the client's\n"))
        assert copy != own and copy.read_bytes() == data + b"# the client's\n"


@pytest.mark.slow
def test_cached_sources_are_generated_in_the_workers_from_their_entries(
    tmp_path: Path, monkeypatch
) -> None:
    import quizgen._extract as ext

    _tree(tmp_path, {f"sources/s{k}.txt": _paragraphs(20 * k, 16) for k in range(6)})
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path / "cache"))
    build = ("build", "sources", "--to", "tsv", "-q")
    assert run_cli(*build, "-j", "1", cwd=tmp_path).returncode == 0  # fills the cache
    # Another seed: every deck is made again, here from a fresh parse ...
    again = ("--seed", "3", "--decks", "want", "--output", "want-out")
    assert run_cli(*build, "-j", "1", "--no-cache", *again, cwd=tmp_path).returncode == 0

    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed although cached")

    # ... and in the workers, from the cache entries the parent read, with no parse.
    monkeypatch.setattr(ext, "_extract_many", no_parse)  # here and in forked workers
    again = ("--seed", "3", "--decks", "got", "--output", "got-out")
    result = run_cli(*build, "-j", "2", *again, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _listing(tmp_path / "got") == _listing(tmp_path / "want") != {}


@pytest.mark.slow
def test_progress_is_reported_through_the_callback(tmp_path: Path) -> None:
    from quizgen._extract import iter_facts
    from quizgen._progress import Progress
    from quizgen._sources import Source

    seen: list[Progress] = []
    list(
        iter_facts([Source("a.txt", "A", CURIE), Source("b.txt", "B", CROSS)], progress=seen.append)
    )
    assert [(p.sources_done, p.sources_total, p.current) for p in seen] == [
        (0, 2, "a.txt"),
        (1, 2, "a.txt"),
        (2, 2, "b.txt"),
    ]
    assert seen[-1].words_done == seen[-1].words_total == len((CURIE + CROSS).split())


def test_progress_shows_plain_lines_in_a_pipe_after_the_delay(monkeypatch) -> None:
    import quizgen._cli._progress as shown
    from quizgen._progress import Progress

    stream = io.StringIO()
    display = shown.ProgressDisplay(stream=stream)
    with display:
        display(Progress(1, 20, 100, 2000, "a.txt"))  # within the delay: nothing
        monkeypatch.setattr(shown, "_DELAY", 0.0)
        for k in range(2, 21):
            display(Progress(k, 20, 100 * k, 2000, "a.txt"))
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("2/20 sources, 200 words (") and lines[-1].startswith("20/20 ")
    assert len(lines) == 10
    quiet = io.StringIO()
    with shown.ProgressDisplay(quiet=True, stream=quiet) as q:
        q(Progress(20, 20, 2000, 2000, "a.txt"))
    assert quiet.getvalue() == ""


def test_a_long_run_without_paragraphs_is_cut_at_sentence_ends(monkeypatch) -> None:
    import quizgen._extract as ext
    from quizgen._sources import Source

    monkeypatch.setattr(ext, "SECTION_CHARS", 100)
    monkeypatch.setattr(ext, "_RUN_CHARS", 100)
    text = " ".join(f"In {1800 + k} Ada Brack joined the Mill." for k in range(40))
    parts = ext._sections(Source("long.txt", "Long", text))
    assert len(parts) > 5 and "".join(p.text for p in parts) == text
    assert all(p.text.endswith(". ") for p in parts[:-1])
    assert all(len(p.text) <= 200 for p in parts)
    words = " ".join(["grain"] * 200)  # no sentence end at all: cut at a space
    parts = ext._sections(Source("w.txt", "W", words))
    assert (
        all(p.text.endswith("grain ") for p in parts[:-1])
        and "".join(p.text for p in parts) == words
    )
