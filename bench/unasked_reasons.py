"""Why facts go unasked, counted over a folder of texts: the largest classes to attack first.

    python bench/unasked_reasons.py tests/tuning --seed 1
    python bench/unasked_reasons.py tests/tuning --examples 8   # a few facts of each class

For each NAME.txt it plans the deck in process (`generate_planned`, the reasons
`generate --verbose` prints) and counts the unasked facts by kind and reason. Where
NAME.gold.yaml and ../shared/tools/score_deck.py are there, it also counts the gold facts
the deck missed by the reason their fact was left unasked ("no such fact" when extraction
found none the gold name matches): what coverage loses to each rule of the planner.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from quizgen import GenerateOptions, dump_deck, extract_facts, load_source
from quizgen._generate import generate_planned

ROOT = Path(__file__).resolve().parent.parent
SCORE_DECK = ROOT.parent / "shared" / "tools" / "score_deck.py"
_GOLD_KINDS = {"actors": "actor", "organizations": "organization", "dates": "date"}


def _reason(text: str) -> str:
    """A reason without its figures ("already has 2 questions" and "... 3 ..." are one)."""
    return re.sub(r"\d+", "N", text)


def _missed(deck: Path, gold: Path) -> dict[str, list[str]]:
    """Gold kind -> the gold names the deck asks nothing about (score_deck.py's "missing")."""
    out = subprocess.run(
        [sys.executable, str(SCORE_DECK), str(deck), str(gold), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(out.stdout).get("missing", {}) if out.stdout.strip() else {}


def _why_missed(name: str, unasked: list[tuple[str, str]]) -> str:
    """The reason of the unasked fact a gold name is ("date:1913@11" for "1913"), if any."""
    for fact, why in unasked:
        key = fact.split(":", 1)[-1].split("@")[0].split("|")[0].casefold()
        if name.casefold() in fact.casefold() or (key and key in name.casefold()):
            return _reason(why)
    return "no such fact (extraction) or asked by another name"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--examples", type=int, default=0, help="facts shown per class")
    args = parser.parse_args(argv)
    texts = sorted(args.folder.glob("*.txt"))
    if not texts:
        print(f"Error: {args.folder}: no .txt files", file=sys.stderr)
        return 2
    reasons: Counter[tuple[str, str]] = Counter()
    gold_reasons: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for text in texts:
            deck, plan = generate_planned(
                extract_facts(load_source(text)), GenerateOptions(seed=args.seed)
            )
            for fact, why in plan.unasked:
                reasons[(fact.split(":", 1)[0], _reason(why))] += 1
            gold = text.with_name(text.stem + ".gold.yaml")
            if not (gold.exists() and SCORE_DECK.exists()):
                continue
            path = Path(tmp) / f"{text.stem}.yaml"
            path.write_text(dump_deck(deck), encoding="utf-8")
            for kind, names in _missed(path, gold).items():
                for name in names:
                    key = (_GOLD_KINDS.get(kind, kind), _why_missed(name, plan.unasked))
                    gold_reasons[key] += 1
                    examples[key].append(f"{text.stem}: {name}")
    print("unasked facts, by kind and reason:")
    for (kind, why), n in reasons.most_common():
        print(f"  {n:5d}  {kind:12s} {why}")
    if gold_reasons:
        print("gold facts the decks miss, by the reason their fact went unasked:")
        for (kind, why), n in gold_reasons.most_common():
            print(f"  {n:5d}  {kind:12s} {why}")
            for example in examples[(kind, why)][: args.examples]:
                print(f"           {example}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
