"""A second build of an unchanged folder skips every deck (issue 15: >= 10x faster); any
change to what a deck was built from, or to the files it wrote, builds it again."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli

CURIE = "Marie Curie was born in Warsaw in 1867. She won the Nobel Prize in Physics in 1903.\n"
CROSS = (
    "Henry Dunant founded the Red Cross in 1863 in Geneva. He won the Nobel Peace Prize in 1901.\n"
)
BUILD = ("build", "sources", "-q", "--to", "anki,tsv", "-j", "1")


def _listing(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.parts[len(root.parts)] in ("decks", "output")
    }


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[str]]:
    """A built folder of two sources; the list fills with the decks rendered after it."""
    import quizgen._build as build

    for name, text in (("unit1/a.txt", CURIE), ("unit2/b.txt", CROSS)):
        path = tmp_path / "sources" / name
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path / "cache"))
    assert run_cli(*BUILD, cwd=tmp_path).returncode == 0
    rendered: list[str] = []
    real = build.render

    def counting(target, decks, out, options=None):
        rendered.append(f"{Path(out).parent.name}/{Path(out).name}")
        return real(target, decks, out, options)

    monkeypatch.setattr(build, "render", counting)
    return tmp_path, rendered


@pytest.mark.slow
def test_an_unchanged_folder_is_not_built_again_and_says_what_it_has(folder) -> None:
    root, rendered = folder
    before = _listing(root)
    result = run_cli(*BUILD[:2], "--to", "anki,tsv", "-j", "1", cwd=root)
    assert result.returncode == 0, result.stderr
    assert rendered == []
    assert _listing(root) == before
    # The same report as a rebuild gives: the deck's questions, all kept.
    assert "decks/unit1/a.yaml: " in result.stderr and "0 new" in result.stderr
    assert "output/unit2/b.apkg is up to date" in result.stderr and "wrote" not in result.stderr
    # And a rebuild (no cache) would have made the same files: the same bytes, but for the
    # packages' build time (their notes keep their times, in NAME.apkg.notes.json).
    assert run_cli(*BUILD, "--no-cache", cwd=root).returncode == 0
    assert rendered == ["unit1/a.apkg", "unit1/a.tsv", "unit2/b.apkg", "unit2/b.tsv"]
    after = _listing(root)
    assert after.keys() == before.keys()
    assert {k: v for k, v in after.items() if not k.endswith(".apkg")} == {
        k: v for k, v in before.items() if not k.endswith(".apkg")
    }


@pytest.mark.slow
def test_an_edited_deck_or_a_changed_output_is_built_again(folder) -> None:
    root, rendered = folder
    deck = root / "decks" / "unit1" / "a.yaml"
    deck.write_text(deck.read_text(encoding="utf-8").replace("Warsaw", "Warszawa"), "utf-8")
    (root / "output" / "unit2" / "b.tsv").write_text("damaged\n", encoding="utf-8")
    assert run_cli(*BUILD, cwd=root).returncode == 0
    assert rendered == ["unit1/a.apkg", "unit1/a.tsv", "unit2/b.apkg", "unit2/b.tsv"]
    assert b"Warszawa" in (root / "output" / "unit1" / "a.tsv").read_bytes()
    rendered.clear()
    (root / "output" / "unit2" / "b.apkg").unlink()
    assert run_cli(*BUILD, cwd=root).returncode == 0
    assert rendered == ["unit2/b.apkg", "unit2/b.tsv"]


@pytest.mark.slow
def test_a_changed_source_option_or_template_is_built_again(folder) -> None:
    root, rendered = folder
    (root / "sources" / "unit2" / "b.txt").write_text(CROSS + "Clara Barton joined in 1881.\n")
    assert run_cli(*BUILD, cwd=root).returncode == 0
    assert rendered == ["unit2/b.apkg", "unit2/b.tsv"]
    rendered.clear()
    assert run_cli(*BUILD, "--seed", "3", cwd=root).returncode == 0
    assert len(rendered) == 4
    rendered.clear()
    templates = root / "extra.yaml"
    templates.write_text("templates: []\n", encoding="utf-8")
    assert run_cli(*BUILD, "--seed", "3", "--templates", str(templates), cwd=root).returncode == 0
    assert len(rendered) == 4
    rendered.clear()
    templates.write_text("templates: []\n# changed\n", encoding="utf-8")
    assert run_cli(*BUILD, "--seed", "3", "--templates", str(templates), cwd=root).returncode == 0
    assert len(rendered) == 4


@pytest.mark.slow
def test_a_damaged_manifest_is_a_miss_never_a_crash(folder) -> None:
    root, rendered = folder
    manifests = sorted((root / "cache" / "builds").glob("*.json"))
    assert len(manifests) == 2
    manifests[0].write_bytes(b"\x00not json")
    manifests[1].write_text('{"key": 3, "outputs": "x"}', encoding="utf-8")
    assert run_cli(*BUILD, cwd=root).returncode == 0
    assert len(rendered) == 4
    rendered.clear()
    assert run_cli(*BUILD, cwd=root).returncode == 0
    assert rendered == []
