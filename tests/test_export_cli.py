"""`quizgen export DECK... --to NAME [-o PATH]` and `build --to` for the exports, in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import listing, run_cli
from quizgen._deck import Deck, save_deck


def test_export_writes_each_format_beside_the_deck_name(sample_deck: Deck, tmp_path: Path):
    save_deck(sample_deck, tmp_path / "deck.yaml")
    result = run_cli(
        "export", "deck.yaml", "--to", "tsv,gift", "--to", "moodle", "--to", "json", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    names = ["deck.tsv", "deck.gift", "deck.moodle.xml", "deck.json"]
    assert result.stderr == "".join(f"wrote output/{n}\n" for n in names)
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == sorted(names)


def test_export_to_a_named_file(sample_deck: Deck, tmp_path: Path):
    save_deck(sample_deck, tmp_path / "deck.yaml")
    result = run_cli("export", "deck.yaml", "--to", "gift", "-o", "moodle/q.txt", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "wrote moodle/q.txt\n")
    assert "$CATEGORY:" in (tmp_path / "moodle" / "q.txt").read_text(encoding="utf-8")


def test_one_output_file_takes_one_format(sample_deck: Deck, tmp_path: Path):
    save_deck(sample_deck, tmp_path / "deck.yaml")
    before = listing(tmp_path)
    result = run_cli("export", "deck.yaml", "--to", "gift,tsv", "-o", "x", cwd=tmp_path)
    assert result.returncode == 2 and "give one --to with -o" in result.stderr
    assert listing(tmp_path) == before


def test_a_bad_deck_writes_nothing(tmp_path: Path):
    (tmp_path / "bad.yaml").write_text("quizgen: 1\ntitle: x\nquestions: [1]\n", encoding="utf-8")
    result = run_cli("export", "bad.yaml", "--to", "json", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.startswith("Error: bad.yaml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml"]


def test_export_refuses_to_write_over_the_deck(sample_deck: Deck, tmp_path: Path):
    save_deck(sample_deck, tmp_path / "deck.yaml")
    result = run_cli("export", "deck.yaml", "--to", "json", "-o", "deck.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "Error: deck.yaml: is a deck being read, not an output; "
        "write to another file such as deck.json\n"
    )


@pytest.mark.slow
def test_build_writes_every_export_of_the_real_article(shared_dir: Path, tmp_path: Path):
    from gift_reader import read_gift
    from moodle_reader import read_moodle
    from quizgen._deck import load_deck

    source = shared_dir / "corpus" / "russia-china-2001.txt"
    result = run_cli("build", str(source), "--to", "tsv,gift,moodle,json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "output"
    deck = load_deck(tmp_path / "decks" / "russia-china-2001.yaml")
    count = len(deck.active())
    assert len(read_gift((out / "russia-china-2001.gift").read_text(encoding="utf-8"))) == count
    assert len(read_moodle(out / "russia-china-2001.moodle.xml")) == count
    data = json.loads((out / "russia-china-2001.json").read_text(encoding="utf-8"))
    assert len(data["decks"][0]["questions"]) == count
    rows = (out / "russia-china-2001.tsv").read_text(encoding="utf-8").splitlines()
    assert len([r for r in rows if not r.startswith("#")]) == count
    assert not (out / "russia-china-2001.apkg").exists()  # only what --to asked for
