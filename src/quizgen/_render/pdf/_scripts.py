"""Text in every script: which font draws each character, and right-to-left order.

Fira Sans draws Latin, Greek and Cyrillic. The rest falls back, run by run, to
- reportlab's built-in CID fonts for Chinese, Japanese and Korean (Adobe's Asian font
  packs, which every PDF reader has: nothing is embedded), and
- TrueType fonts packaged on PyPI (fontpkg-*): Noto Sans Arabic, Heebo (Hebrew), Noto Sans
  Devanagari and Noto Sans Thai, embedded like Fira Sans.

Right-to-left text is put in visual order here, before reportlab sees it: Arabic letters
take their joined forms (arabic-reshaper, the presentation forms Noto Sans Arabic has),
then the Unicode bidirectional algorithm orders the line (python-bidi), so "גולדה מאיר"
and "(الأهرام)" read right to left inside an English sentence.
Devanagari and Thai need shaping (conjuncts, a vowel sign drawn before its consonant):
reportlab does it with HarfBuzz (uharfbuzz) when a paragraph's style has `shaping=1`,
which ScriptParagraph turns on (see there for when it cannot).

Imported only inside `render` (it registers fonts with reportlab).
"""

from __future__ import annotations

import importlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from quizgen._errors import RenderError
from quizgen._render.pdf._fonts import REGULAR, register_fonts


@dataclass(frozen=True)
class Fallback:
    """A font that draws a script Fira Sans lacks; `rtl` for a right-to-left script."""

    name: str  # the name reportlab knows it by
    package: str  # the Python package that ships it (fontpkg-*: files/*.ttf)
    family: str
    rtl: bool = False


TRUETYPE = (
    Fallback("QuizgenArabic", "fontpkg_noto_sans_arabic", "Noto Sans Arabic", rtl=True),
    Fallback("QuizgenHebrew", "fontpkg_heebo", "Heebo", rtl=True),
    Fallback("QuizgenDevanagari", "fontpkg_noto_sans_devanagari", "Noto Sans Devanagari"),
    Fallback("QuizgenThai", "fontpkg_noto_sans_thai", "Noto Sans Thai"),
)
# reportlab's CID fonts and the code points each one is used for (the ranges its Adobe
# character collection covers: GB 2312/GBK, JIS X 0208, KS X 1001).
CHINESE, JAPANESE, KOREAN = "STSong-Light", "HeiseiMin-W3", "HYSMyeongJo-Medium"
_CID_RANGES = (
    (JAPANESE, 0x3040, 0x30FF),  # hiragana and katakana
    (KOREAN, 0x1100, 0x11FF),  # hangul jamo
    (KOREAN, 0x3130, 0x318F),  # hangul compatibility jamo
    (KOREAN, 0xAC00, 0xD7A3),  # hangul syllables
    (CHINESE, 0x3000, 0x303F),  # CJK symbols and punctuation
    (CHINESE, 0x4E00, 0x9FA5),  # CJK unified ideographs (GBK's set)
    (CHINESE, 0xFF00, 0xFFEF),  # full-width forms
)
RTL_FONTS = frozenset(f.name for f in TRUETYPE if f.rtl)
SHAPED_FONTS = frozenset(f.name for f in TRUETYPE if not f.rtl)


@cache
def register_scripts() -> dict[str, frozenset[int]]:
    """Register every fallback font once; return each TrueType font's code points.

    Raises RenderError when a font package is missing or unreadable.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    covered: dict[str, frozenset[int]] = {}
    for fallback in TRUETYPE:
        try:
            folder = importlib.import_module(fallback.package).ROOT / "files"
        except ImportError:
            pip_name = fallback.package.replace("_", "-")
            raise RenderError(
                f"the {fallback.family} font is not installed: pip install {pip_name} "
                "(a quizgen dependency)"
            ) from None
        path = next(iter(sorted(folder.glob("*.ttf"))), folder / "(no .ttf file)")
        try:
            font = TTFont(fallback.name, str(path))
        except (OSError, TTFError) as exc:
            raise RenderError(f"{path}: cannot load the {fallback.family} font ({exc})") from None
        pdfmetrics.registerFont(font)
        covered[fallback.name] = frozenset(font.face.charToGlyph)
    for name in (CHINESE, JAPANESE, KOREAN):
        pdfmetrics.registerFont(UnicodeCIDFont(name))
    for name in (*covered, CHINESE, JAPANESE, KOREAN):
        # One weight each: <b> and <i> around a name keep its font (reportlab fails otherwise).
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return covered


def font_for(ch: str) -> str | None:
    """The font that draws `ch`: REGULAR, a fallback's name, or None when none can."""
    if ord(ch) in register_fonts():
        return REGULAR
    for name, covered in register_scripts().items():
        if ord(ch) in covered:
            return name
    code = ord(ch)
    return next((font for font, lo, hi in _CID_RANGES if lo <= code <= hi), None)


def font_runs(value: str) -> list[tuple[str, str]]:
    """`value` as (font, text) runs in the order they are printed.

    Right-to-left text is already in visual order (see the module docstring). A mark or
    digit joins the Devanagari or Thai run it touches (the "(" of "(नेहरू)"), so such a word
    is one run that HarfBuzz shapes as a whole. A character no font has stays in REGULAR
    and prints as a box (see `missing_scripts`).
    """
    if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in value):
        value = _visual_order(value)
    fonts = [font_for(ch) or REGULAR for ch in value]
    for i, ch in enumerate(value):
        if fonts[i] == REGULAR and _neutral(ch):
            fonts[i] = _neighbour_font(value, fonts, i) or REGULAR
    runs: list[tuple[str, str]] = []
    for font, ch in zip(fonts, value, strict=True):
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def markup(value: str) -> str:
    """Paragraph markup of plain `value`: escaped, each fallback run in its <font>."""
    return "".join(
        escape(text) if font == REGULAR else f'<font name="{font}">{escape(text)}</font>'
        for font, text in font_runs(value)
    )


def _neutral(ch: str) -> bool:
    """Punctuation and digits: printed in the font of the word they belong to."""
    return not ch.isspace() and unicodedata.category(ch)[0] not in "LM"


def _neighbour_font(value: str, fonts: list[str], i: int) -> str | None:
    """The fallback font of the nearest letter in the same word, if it has `value[i]`."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(value) and not value[j].isspace():
            if not _neutral(value[j]):
                font = fonts[j]
                if font not in (REGULAR, *RTL_FONTS) and _covers(font, value[i]):
                    return font
                break
            j += step
    return None


def _covers(font: str, ch: str) -> bool:
    covered = register_scripts().get(font)
    # The CID fonts' character collections include ASCII and common punctuation.
    return ord(ch) in covered if covered is not None else ord(ch) < 0x7F


def _visual_order(value: str) -> str:
    """Arabic letters in their joined forms, then the line in left-to-right visual order."""
    from arabic_reshaper import ArabicReshaper
    from bidi import get_display

    # Vowel marks are kept: a name's spelling is the user's, not ours to simplify.
    reshaped = ArabicReshaper({"delete_harakat": False}).reshape(value)
    return get_display(reshaped, base_dir="L")


def missing_scripts(texts: Iterable[tuple[str, str]]) -> list[str]:
    """One warning per script that no font draws, naming its characters and where they are.

    `texts` holds (where, text) pairs, e.g. ('q-1a2b3c4d', prompt).
    """
    chars: dict[str, dict[str, None]] = {}
    places: dict[str, dict[str, None]] = {}
    for where, text in texts:
        for ch in text:
            if _invisible(ch) or font_for(ch) is not None:
                continue
            script = _script(ch)
            chars.setdefault(script, {})[ch] = None
            places.setdefault(script, {})[where] = None
    messages = []
    for script, found in chars.items():
        sample = "".join(list(found)[:5]) + ("…" if len(found) > 5 else "")
        where = list(places[script])
        shown = ", ".join(where[:5]) + (f" and {len(where) - 5} more" if len(where) > 5 else "")
        first = f"U+{ord(next(iter(found))):04X}"
        messages.append(
            f"no worksheet font draws {script} characters ('{sample}', {first}) in {shown}; "
            "they print as empty boxes"
        )
    return messages


def _script(ch: str) -> str:
    """A readable script name from the character's Unicode name ('CJK', 'ARMENIAN' -> ...)."""
    if unicodedata.category(ch) == "So":
        return "emoji and symbol"
    word = unicodedata.name(ch, "unnamed").split()[0]
    return word if len(word) <= 3 else word.title()  # "CJK" stays, "ETHIOPIC" -> "Ethiopic"


def _invisible(ch: str) -> bool:
    """Whitespace and control characters never reach the page as glyphs."""
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf")
