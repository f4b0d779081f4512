"""Anki renderer speed: 10,000 questions -> .apkg, ours against bare genanki in the same run.

Bare genanki gets the finished notes (same note types, fields, tags and GUIDs, made before
its clock starts) and only builds and writes the package with `Package.write_to_file`.
Ours does everything a build does: select questions, escape and lay out the fields, hash
them against the manifest, write the package and the manifest atomically.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from quizgen._deck import Deck, Question, SourceRef
from quizgen._render import render
from quizgen._render._anki_models import genanki_models
from quizgen._render.anki import AnkiOptions, note_spec

N = 10_000
REPEATS = 5


def make_deck(n: int) -> Deck:
    src = "sources/bench.txt"
    questions = []
    for i in range(n):
        year = str(1900 + i % 120)
        name = f"Person {i} Łukasz-Ολυμπία"
        context = f"In {year}, {name} signed the accord <{i}> & left the ministry."
        kind, qtype = [
            ("date", "short"),
            ("organization", "cloze"),
            ("date", "choice"),
            ("actor", "truefalse"),
        ][i % 4]
        prompt, answer, choices = f"When did {name} sign accord {i}?", year, []
        if qtype == "cloze":
            prompt, answer = f"The accord {i} was signed by the _____ in {year}.", name
        elif qtype == "choice":
            choices = [year, str(int(year) + 1), str(int(year) + 2), str(int(year) - 7)]
        elif qtype == "truefalse":
            prompt, answer = f"{name} signed accord {i} in {year}.", "true"
        questions.append(
            Question(
                id=f"q-{i:08x}",
                kind=kind,
                type=qtype,
                prompt=prompt,
                answer=answer,
                accept=[f"in {year}"] if qtype == "short" else [],
                choices=choices,
                context=context,
                source=src,
                template=f"{kind}-bench",
                tags=[kind],
            )
        )
    ref = SourceRef(src, "A bench source", "2001-05-04", "https://example.org/?a=1&b=2")
    return Deck(title="Bench", questions=questions, sources=[ref])


def bare_genanki(deck: Deck, out: Path, timestamp: float) -> float:
    import genanki

    models = genanki_models()
    specs = [note_spec(deck, q) for q in deck.active()]
    start = time.perf_counter()
    ga_deck = genanki.Deck(deck.stable_id, deck.title)
    for position, spec in enumerate(specs):
        ga_deck.add_note(
            genanki.Note(
                model=models[spec.qtype],
                fields=list(spec.fields),
                tags=list(spec.tags),
                guid=spec.guid,
                due=position,
            )
        )
    genanki.Package(ga_deck).write_to_file(str(out), timestamp=timestamp)
    return time.perf_counter() - start


def ours(deck: Deck, out: Path, timestamp: float | None) -> float:
    start = time.perf_counter()
    render("anki", [deck], out, AnkiOptions(timestamp=timestamp))
    return time.perf_counter() - start


def main() -> None:
    import genanki  # noqa: F401  (loaded before timing, for both sides alike)

    deck = make_deck(N)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        first = ours(deck, folder / "stamped.apkg", None)  # no manifest yet
        times: dict[str, list[float]] = {"bare": [], "fixed": [], "again": []}
        for _ in range(REPEATS):  # interleaved, so a busy machine slows every side alike
            times["bare"].append(bare_genanki(deck, folder / "bare.apkg", 1.7e9))
            times["fixed"].append(ours(deck, folder / "fixed.apkg", 1.7e9))
            times["again"].append(ours(deck, folder / "stamped.apkg", None))
        bare, fixed, again = (min(times[k]) for k in ("bare", "fixed", "again"))
        size_bare = (folder / "bare.apkg").stat().st_size
        size_ours = (folder / "fixed.apkg").stat().st_size
    print(f"{N:,} questions -> .apkg (best of {REPEATS})")
    print(f"  bare genanki (notes ready)     {bare:6.2f} s   {size_bare / 1e6:5.1f} MB")
    print(f"  quizgen --timestamp            {fixed:6.2f} s   {size_ours / 1e6:5.1f} MB")
    print(f"  quizgen, first build           {first:6.2f} s")
    print(f"  quizgen, rebuild with manifest {again:6.2f} s")
    print(
        f"  ratio quizgen / genanki: {fixed / bare:.2f}x (timestamp), {again / bare:.2f}x (rebuild)"
    )


if __name__ == "__main__":
    main()
