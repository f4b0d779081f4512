"""pyproject.toml: metadata that installs without warnings."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def test_license_is_an_spdx_string_setuptools_understands() -> None:
    # `license = { text = "MIT" }` made every install print setuptools' deprecation box.
    # PEP 639's SPDX string needs setuptools 77 or later (its changelog, v77.0.0).
    data = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    assert data["project"]["license"] == "MIT"
    setuptools = [
        Requirement(r) for r in data["build-system"]["requires"] if r.startswith("setuptools")
    ]
    assert setuptools, "build-system.requires names no setuptools"
    assert not any(setuptools[0].specifier.contains(v) for v in ("69", "76.1")), (
        "setuptools older than 77 cannot read an SPDX license string"
    )
    assert setuptools[0].specifier.contains("77")
