"""The import contract: data flows one way through the stages, and a stage uses only the
public names of the stages it may import.

Stages, in the order data flows: `_sources` -> `_extract` -> `_generate` -> (the `_deck`
model and file) -> `_render` / `_quiz`, with `_build` and `_cli` on top. `_deck` holds the
Deck type that generate makes, so generate may import it; it imports no stage itself.
Any other top-level module (`_atomic`, `_yaml`, `_splice`, `_errors`, a lexicon, text
helpers) is a shared helper: importable from anywhere, importing only other helpers.
The rules are checked by walking every import statement (also those inside functions
and `if TYPE_CHECKING:` blocks) with `ast`; `from quizgen import X` counts as importing
the module `_EXPORTS` resolves X to.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "quizgen"

# stage -> the stages it may import (shared helpers are always allowed)
ALLOWED: dict[str, set[str]] = {
    "_sources": set(),
    "_extract": {"_sources"},
    "_deck": set(),
    "_generate": {"_extract", "_deck"},
    # The HTML quiz embeds the quiz's answer rules (quizgen._quiz.forms).
    "_render": {"_deck", "_quiz"},
    "_quiz": {"_deck"},
    "_build": {"_sources", "_extract", "_generate", "_deck", "_render"},
    "_cli": {"_sources", "_extract", "_generate", "_deck", "_render", "_quiz", "_build"},
}
TOP = {"__init__", "__main__"}  # the public package: may import every stage


def _imports(root: Path, path: Path, exports: dict[str, str]) -> list[tuple[int, str]]:
    """(line, absolute module) for every import of the package at `root` in `path`."""
    package = root.name
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    here = [package, *path.relative_to(root).with_suffix("").parts]
    if here[-1] == "__init__":
        here.pop()
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, a.name) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = here if path.name == "__init__.py" else here[:-1]  # the file's package
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            if base == package:
                # `from quizgen import generate` is an import of the module behind the name.
                found.extend(
                    (node.lineno, exports.get(a.name, f"{package}.{a.name}")) for a in node.names
                )
            else:
                found.append((node.lineno, base))
    return [(line, m) for line, m in found if m == package or m.startswith(package + ".")]


def _exports(root: Path) -> dict[str, str]:
    """The `_EXPORTS` table of the package's `__init__.py` (name -> module), if it has one."""
    init = root / "__init__.py"
    for node in ast.walk(ast.parse(init.read_text(encoding="utf-8"))) if init.exists() else ():
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "_EXPORTS" for t in node.targets
        ):
            return dict(ast.literal_eval(node.value))
    return {}


def violations(root: Path) -> list[str]:
    """Every import in the package at `root` that breaks the contract, as 'file:line: why'."""
    exports = _exports(root)
    out: list[str] = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        own = rel.parts[0].removesuffix(".py")
        for line, module in _imports(root, path, exports):
            target = module.split(".")[1:]
            if not target or own in TOP:
                continue
            stage, inner = target[0], target[1:]
            where = f"{rel}:{line}: {module}"
            if stage == own:
                continue
            if stage in ALLOWED and any(p.startswith("_") for p in inner):
                out.append(f"{where}: a private module of another stage")
            if own in ALLOWED and stage in ALLOWED and stage not in ALLOWED[own]:
                out.append(f"{where}: {own} may not import {stage}")
            if own not in ALLOWED and (stage in ALLOWED or stage in TOP):
                out.append(f"{where}: a shared helper imports only other helpers")
    return out


def test_the_package_keeps_the_import_contract():
    assert violations(SRC) == []


def test_every_stage_is_in_the_table():
    packages = {p.name for p in SRC.iterdir() if (p / "__init__.py").exists()}
    assert packages <= set(ALLOWED), packages - set(ALLOWED)


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "pkg"
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_the_walker_finds_each_kind_of_violation(tmp_path):
    root = _tree(
        tmp_path,
        {
            "__init__.py": '_EXPORTS = {"generate": "pkg._generate"}\nfrom pkg._cli import x\n',
            "_sources/__init__.py": "from pkg._deck import SourceRef\n",
            "_generate/__init__.py": "def f():\n    from pkg._extract._entities import Coref\n",
            "_render/anki.py": "from pkg import generate\n",
            "_quiz/__init__.py": "from .. import _extract\n",
            "_deck.py": "import pkg._yaml\n",
            "_yaml.py": "from pkg._deck import Deck\n",
            "_build.py": "from pkg._generate import generate\nfrom pkg._render import render\n",
        },
    )
    found = violations(root)
    assert found == [
        "_generate/__init__.py:2: pkg._extract._entities: a private module of another stage",
        "_quiz/__init__.py:1: pkg._extract: _quiz may not import _extract",
        "_render/anki.py:1: pkg._generate: _render may not import _generate",
        "_sources/__init__.py:1: pkg._deck: _sources may not import _deck",
        "_yaml.py:1: pkg._deck: a shared helper imports only other helpers",
    ]


def test_the_walker_passes_a_clean_tree(tmp_path):
    root = _tree(
        tmp_path,
        {
            "_extract/__init__.py": "from pkg._extract._spans import X\nfrom pkg._sources import Source\n",
            "_generate/_fields.py": "from pkg._extract import TITLE_WORDS\nimport pkg._errors\n",
            "_cli/facts.py": "from pkg._quiz.terminal import clean\n",
        },
    )
    assert violations(root) == []
