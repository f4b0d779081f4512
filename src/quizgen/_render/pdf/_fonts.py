"""The embedded font: Fira Sans (Latin, Latin Extended, Greek, Cyrillic) from fontpkg-fira-sans.

The font ships as a PyPI dependency, so every install prints the same glyphs with no
system fonts involved. Other scripts fall back to the fonts of _scripts.py.
"""

from __future__ import annotations

from functools import cache

from quizgen._errors import RenderError

REGULAR = "QuizgenSans"
BOLD = "QuizgenSans-Bold"
ITALIC = "QuizgenSans-Italic"
_FILES = {
    REGULAR: "FiraSans-Regular.ttf",
    BOLD: "FiraSans-Bold.ttf",
    ITALIC: "FiraSans-Italic.ttf",
}
FAMILY_NAME = "Fira Sans"


@cache
def register_fonts() -> frozenset[int]:
    """Register the worksheet fonts with reportlab once; return the code points they cover.

    Raises RenderError when the font package is missing or unreadable.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        import fontpkg_fira_sans
    except ImportError:
        raise RenderError(
            "the worksheet font is not installed: pip install fontpkg-fira-sans "
            "(a quizgen dependency)"
        ) from None
    folder = fontpkg_fira_sans.ROOT / "files"
    covered: frozenset[int] | None = None
    for name, filename in _FILES.items():
        try:
            font = TTFont(name, str(folder / filename))
        except (OSError, TTFError) as exc:
            raise RenderError(
                f"{folder / filename}: cannot load the worksheet font ({exc})"
            ) from None
        pdfmetrics.registerFont(font)
        cmap = frozenset(font.face.charToGlyph)
        covered = cmap if covered is None else covered & cmap
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD
    )
    return covered or frozenset()
