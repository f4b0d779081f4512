"""What the readers of packaged documents (.docx, .odt, .epub) share: importing the
library a format needs, and turning a document's blocks into cleaned one-line text."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from quizgen._errors import SourceError
from quizgen._sources._clean import drop_citations, normalize
from quizgen._sources._text import normalize_date

# The module a reader imports -> the package pip installs it from, where the names differ.
# lxml.html.clean left lxml in lxml 5.2; jusText (under trafilatura) asks for it through
# the extra lxml[html_clean], which an old pip does not resolve.
_PACKAGES = {
    "lxml.html.clean": "lxml_html_clean",
    "docx": "python-docx",
    "ebooklib": "EbookLib",
    "odf": "odfpy",
}


def need(module: str, name: str) -> ModuleType:
    """Import `module` for reading the file `name`.

    Raises SourceError naming the package to install when it (or a module it imports)
    is missing, instead of a traceback.
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise SourceError(
            f"{name}: reading it needs the Python package {missing_package(exc, module)}; "
            f"install it with: pip install {missing_package(exc, module)}"
        ) from None


def missing_package(exc: ImportError, module: str) -> str:
    """The pip package whose absence raised `exc` while importing `module`."""
    if "lxml_html_clean" in str(exc) or (exc.name or "").startswith("lxml.html.clean"):
        return _PACKAGES["lxml.html.clean"]
    missing = (exc.name or module).split(".")[0]
    return _PACKAGES.get(missing, missing)


def one_line(text: Any) -> str:
    """A block's text as one cleaned line: whitespace collapsed, citation markers dropped."""
    return " ".join(drop_citations(normalize(str(text or ""))).split())


def meta_date(value: Any, name: str) -> str | None:
    """An ISO date from a document's metadata, or None when it has none or not a date
    (metadata is written by programs, not by the reader: a bad one is no reason to fail)."""
    if not value:
        return None
    try:
        return normalize_date(value, name)
    except SourceError:
        return None


def reason(exc: Exception) -> str:
    """The first line of a library's exception, for `is not a readable ... (REASON)`."""
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
