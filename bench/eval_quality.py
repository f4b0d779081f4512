"""Score quizgen on texts with gold files: extraction, deck coverage and the deck's shape.

    python bench/eval_quality.py tests/samples            # every NAME.txt with NAME.gold.yaml
    python bench/eval_quality.py tests/heldout --seed 1   # held out: score once, at the end

For each text it runs the real CLI (`quizgen facts --json`, `quizgen generate --seed N`)
and the scorers in ../shared/tools (score_facts.py, score_deck.py, deck_shape.py), and
prints one row per text: people and organization recall and the misfiled share
(extraction), coverage of gold people, organizations and dates with answer precision
(the deck), and whether the deck's shape passes (at most 2 questions per sentence, no
repeated fact, no same-sentence leak, no copied true statement, no give-away form) with
its cloze share. It needs ../shared beside the repository and exits 2 without it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT.parent / "shared" / "tools"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False)


def _quizgen(*args: str) -> subprocess.CompletedProcess[str]:
    return _run(sys.executable, "-m", "quizgen", *args)


def _tool(name: str, *args: str) -> dict:
    out = _run(sys.executable, str(TOOLS / name), *args, "--json")
    return json.loads(out.stdout) if out.stdout.strip() else {}


def score(text: Path, seed: int, work: Path) -> dict[str, object]:
    """The figures of one text (see the module docstring); raises nothing, reports errors."""
    gold = text.with_name(text.stem + ".gold.yaml")
    facts_json, deck = work / f"{text.stem}.facts.json", work / f"{text.stem}.yaml"
    facts = _quizgen("facts", "--json", str(text))
    facts_json.write_text(facts.stdout, encoding="utf-8")
    made = _quizgen("generate", str(text), "--seed", str(seed), "-o", str(deck))
    if facts.returncode or made.returncode:
        return {"text": text.stem, "error": (facts.stderr or made.stderr).strip()[:200]}
    extraction = _tool("score_facts.py", str(facts_json), str(gold))
    coverage = _tool("score_deck.py", str(deck), str(gold))
    shape = _run(sys.executable, str(TOOLS / "deck_shape.py"), str(deck), str(text), "--json")
    shaped = json.loads(shape.stdout) if shape.stdout.strip() else {}
    return {
        "text": text.stem,
        "recall": extraction.get("recall", {}),
        "misfiled": extraction.get("misfiled_share"),
        "coverage": coverage.get("coverage", {}),
        "precision": coverage.get("precision"),
        "shape_ok": shape.returncode == 0,
        "cloze_share": shaped.get("cloze_share"),
        "questions": shaped.get("questions"),
    }


def _fmt(value: object) -> str:
    return "-" if value is None else f"{value:.2f}" if isinstance(value, float) else str(value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    if not TOOLS.is_dir():
        print(f"eval_quality: needs {TOOLS} (clone the repo beside shared/)", file=sys.stderr)
        return 2
    texts = sorted(
        p
        for p in args.folder.iterdir()
        if p.with_name(p.stem + ".gold.yaml").exists()
        and p.suffix in (".txt", ".md", ".html", ".pdf")
    )
    with tempfile.TemporaryDirectory() as tmp:
        rows = [score(t, args.seed, Path(tmp)) for t in texts]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(
        "text                                people orgs misfiled | people orgs dates prec | shape cloze  n"
    )
    for r in rows:
        if "error" in r:
            print(f"{r['text']:<36}error: {r['error']}")
            continue
        rec, cov = r["recall"], r["coverage"]
        assert isinstance(rec, dict) and isinstance(cov, dict)
        print(
            f"{r['text']:<36}{_fmt(rec.get('actors')):>6} {_fmt(rec.get('organizations')):>4}"
            f" {_fmt(r['misfiled']):>8} | {_fmt(cov.get('actors')):>6} "
            f"{_fmt(cov.get('organizations')):>4} {_fmt(cov.get('dates')):>5}"
            f" {_fmt(r['precision']):>4} | {'pass' if r['shape_ok'] else 'FAIL':>5}"
            f" {_fmt(r['cloze_share']):>5} {_fmt(r['questions']):>3}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
