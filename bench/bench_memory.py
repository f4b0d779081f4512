"""Peak memory and time of `quizgen generate` on a large source, against bare spaCy, in one run.

Writes a synthetic source of --mb megabytes (default 10; varied sentences about thousands of
people, hundreds of organizations and many dates, plus some run-on paragraphs with no sentence
end), or with --real one of real prose (the texts of tests/samples, tests/tuning and
../shared/corpus, cleaned and repeated in turn up to the size), then runs, each in a fresh
process so its peak RSS is its own:
(1) bare spaCy: load the model and `nlp.pipe` the source's paragraphs, keeping nothing;
(2) the real CLI: `quizgen generate SOURCE -o DECK`.
Prints peak RSS and wall time of each and their ratios (target: quizgen's peak under 1 GB).
`--repeat N` runs N such rounds in turn and prints the median CPU ratio (a shared machine's
load changes from minute to minute).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

FIRST = [
    "Anna",
    "Boris",
    "Chen",
    "Dmitri",
    "Elena",
    "Farid",
    "Grace",
    "Hiroshi",
    "Ines",
    "Jonas",
    "Kofi",
    "Lena",
    "Mateo",
    "Nadia",
    "Omar",
]
FIRST += [
    "Priya",
    "Quentin",
    "Rosa",
    "Sergei",
    "Tomas",
    "Ursula",
    "Viktor",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zofia",
    "Amara",
    "Bruno",
]
LAST = [
    "Abbott",
    "Baranov",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Gallagher",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
]
LAST += [
    "Lindqvist",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
    "Quinn",
    "Rahman",
    "Schneider",
    "Tanaka",
    "Ueda",
    "Varga",
    "Walsh",
]
LAST += ["Xu", "Yilmaz", "Zhang", "Almeida", "Brennan", "Carvalho", "Delgado"]
ORG_HEADS = [
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Royal",
    "National",
    "United",
    "Federal",
    "Coastal",
]
ORG_KINDS = [
    "Railway Company",
    "Geographical Society",
    "Institute of Technology",
    "Shipping Board",
    "Medical Association",
    "Trade Union",
    "Academy of Sciences",
    "Bank",
    "Observatory",
    "Press Agency",
]
MONTHS = "January February March April May June July August September October November December"
TEMPLATES = [
    "In {year}, {p1} joined the {org} as its chief engineer.",
    "{p1} founded the {org} in {month} {year}, with help from {p2}.",
    "The {org} was dissolved in {year} after a long dispute with the {org2}.",
    '"We will not give up the work," {p1} said in {year}.',
    "{p1}, a director of the {org}, met {p2} in {city} on {month} {day}, {year}.",
    "By the {decade}s the {org} employed more than {n} people.",
    "{p2} left the {org} in {year} and moved to {city}, where {p1} was teaching.",
    "The treaty that {p1} signed in {year} remained in force until {year2}.",
    "Critics of the {org}, among them {p2}, argued that its budget had doubled since {year}.",
    "{p1} was elected president of the {org2} on {month} {day}, {year}.",
]
CITIES = [
    "Lisbon",
    "Riga",
    "Oslo",
    "Cairo",
    "Lima",
    "Hanoi",
    "Quito",
    "Dakar",
    "Perth",
    "Turin",
    "Kyoto",
    "Omsk",
]


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def org(rng: random.Random) -> str:
    return f"{rng.choice(ORG_HEADS)} {rng.choice(ORG_KINDS)}"


def sentence(rng: random.Random) -> str:
    year = rng.randrange(1800, 2020)
    return rng.choice(TEMPLATES).format(
        p1=person(rng),
        p2=person(rng),
        org=org(rng),
        org2=org(rng),
        year=year,
        year2=year + rng.randrange(1, 40),
        decade=year // 10 * 10,
        month=rng.choice(MONTHS.split()),
        day=rng.randrange(1, 29),
        city=rng.choice(CITIES),
        n=rng.randrange(100, 9000),
    )


def synthetic_text(megabytes: float, seed: int = 0) -> str:
    """Deterministic text: paragraphs of 3-8 sentences, every 200th a run-on list of names."""
    rng = random.Random(seed)
    target = int(megabytes * 1024 * 1024)
    parts: list[str] = []
    size = 0
    while size < target:
        if len(parts) % 200 == 199:
            para = ", ".join(person(rng) for _ in range(2000))  # no sentence end at all
        else:
            para = " ".join(sentence(rng) for _ in range(rng.randrange(3, 9)))
        parts.append(para)
        size += len(para) + 2
    return "\n\n".join(parts)


ROOT = Path(__file__).resolve().parent.parent
REAL = [ROOT / "tests" / "samples", ROOT / "tests" / "tuning", ROOT.parent / "shared" / "corpus"]


def real_text(megabytes: float) -> str:
    """Real prose of about `megabytes`: every text of REAL (never tests/heldout), cleaned
    as quizgen loads it, in turn, again and again."""
    from quizgen import load_source

    texts = [load_source(p).text for folder in REAL for p in sorted(folder.glob("*.txt"))]
    target = int(megabytes * 1024 * 1024)
    parts: list[str] = []
    size = 0
    while size < target:
        text = texts[len(parts) % len(texts)]
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
    return "\n\n".join(parts)


BARE = """
import re, resource, sys, time
from quizgen._extract import load_model
text = open(sys.argv[1], encoding="utf-8").read()
t0 = time.perf_counter()
nlp = load_model(None)
paras = [p for p in re.split(r"\\n\\s*\\n", text) if p.strip()]
for _ in nlp.pipe(paras, batch_size=64):
    pass
print(time.perf_counter() - t0)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="source size in MB")
    parser.add_argument("--real", action="store_true", help="real prose, not synthetic")
    parser.add_argument(
        "--repeat", type=int, default=1, help="rounds of (bare, quizgen); the median ratio"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "large.txt"
        src.write_text((real_text if args.real else synthetic_text)(args.mb), encoding="utf-8")
        words = len(src.read_text(encoding="utf-8").split())
        print(f"input: {src.stat().st_size / 1e6:.1f} MB, {words:,} words", flush=True)
        cli = [
            sys.executable,
            "-m",
            "quizgen",
            "generate",
            str(src),
            "-o",
            str(Path(tmp) / "d.yaml"),
            *("--jobs", "1", "--no-cache", "--quiet"),  # one process, as bare spaCy
        ]
        # Rounds of one each, in turn: on a shared machine the load of the others changes
        # from minute to minute, and a bare run and a quizgen run side by side see the same.
        ratios = []
        for _ in range(args.repeat):
            # Separate interpreters per measurement: RUSAGE_CHILDREN keeps the largest
            # child's peak.
            load = os.getloadavg()[0]
            bare_wall, bare_peak, bare_cpu = _measure_cpu([sys.executable, "-c", BARE, str(src)])
            ours_wall, ours_peak, ours_cpu = _measure_cpu(cli)
            load = (load + os.getloadavg()[0]) / 2
            ratios.append(ours_cpu / bare_cpu)
            _report((bare_wall, bare_peak, bare_cpu), (ours_wall, ours_peak, ours_cpu), load)
    if len(ratios) > 1:
        print(
            f"CPU ratios {', '.join(f'{r:.2f}' for r in ratios)}: median"
            f" {statistics.median(ratios):.2f} (target <= 1.3)"
        )


def _report(
    bare: tuple[float, float, float], ours: tuple[float, float, float], load: float
) -> None:
    (bare_wall, bare_peak, bare_cpu), (ours_wall, ours_peak, ours_cpu) = bare, ours
    print(
        f"bare spaCy nlp.pipe: {bare_wall:7.1f} s (CPU {bare_cpu:7.1f} s), peak RSS {bare_peak:5.0f} MB"
    )
    print(
        f"quizgen generate:    {ours_wall:7.1f} s (CPU {ours_cpu:7.1f} s), peak RSS {ours_peak:5.0f} MB"
    )
    print(
        f"ratio time {ours_wall / bare_wall:.2f}, CPU time {ours_cpu / bare_cpu:.2f} (target <= 1.3),"
        f" peak memory {ours_peak / bare_peak:.2f}; load average about {load:.1f}"
        f" on {os.cpu_count()} cores"
    )
    print(f"peak under 1 GB: {'yes' if ours_peak < 1024 else 'NO'}", flush=True)


def _measure(cmd: list[str]) -> tuple[float, float]:
    """Wall time and peak RSS (MB) of cmd, measured from a wrapper process of its own."""
    wall, peak, _ = _measure_cpu(cmd)
    return wall, peak


def _measure_cpu(cmd: list[str]) -> tuple[float, float, float]:
    """Wall time, peak RSS (MB) and CPU time (user + system) of cmd, from a wrapper
    process of its own. On a shared machine the CPU time is the steadier figure: the
    wall time of a one-process run grows with the load of the others."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t0 = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(time.perf_counter() - t0, r.ru_maxrss / 1024, r.ru_utime + r.ru_stime)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), float(out[1]), float(out[2])


if __name__ == "__main__":
    main()
