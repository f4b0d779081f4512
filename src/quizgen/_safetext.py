"""Characters that must not reach a reader: terminal escapes, controls, invisible marks.

One definition for every place text from a source or a deck is shown: sources clean with
it, the terminal quiz and the PDF strip with it, the CLI shows what it would strip as
escapes. Kept: tab and newline (layout), and the zero-width (non-)joiners U+200C/U+200D,
which Persian, Indic scripts and emoji sequences need to be spelt right.
"""

from __future__ import annotations

import re

# ESC-introduced sequences (CSI like "\x1b[2J", OSC titles and the other string controls
# ended by BEL or ST, two-character escapes) and the 8-bit CSI: ECMA-48 section 5.
ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[ -/]*[0-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
# Unicode category Cc (C0, DEL, C1) but tab and newline; the soft hyphen; zero-width space,
# word joiner and byte-order mark; the line and paragraph separators; and the bidi marks,
# embeddings, overrides and isolates (Unicode TR9), with which "\u202eelgooG" shows as
# "Google".
_UNSAFE_CHARS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u200b\u200e\u200f\u2028\u2029"
    "\u202a-\u202e\u2060\u2066-\u2069\ufeff"
)
UNSAFE = re.compile(f"[{_UNSAFE_CHARS}]")
# On one line a newline is unsafe too.
_UNSAFE_IN_LINE = re.compile(f"[\n{_UNSAFE_CHARS}]")


def strip_unsafe(text: str) -> str:
    """`text` without escape sequences and UNSAFE characters; tabs and newlines kept."""
    return UNSAFE.sub("", ESCAPES.sub("", text))


def one_line(text: str) -> str:
    """`text` with newlines and UNSAFE characters shown as escapes ("\\n", "\\x1b",
    "\\u202e"): a message that stays one plain line yet shows what a name really holds."""
    return _UNSAFE_IN_LINE.sub(lambda m: repr(m.group())[1:-1], text)


# Characters Windows refuses in a file name (and '/' everywhere), with the controls; and
# the device names Windows reserves whatever the extension (Microsoft's "Naming Files,
# Paths, and Namespaces").
_UNSAFE_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_RESERVED_NAMES = re.compile(r"(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])", re.IGNORECASE)


def file_stem(name: str) -> str:
    """A file name (no extension) that every OS accepts, made from a deck's name:
    "History::Cold War" -> "History-Cold War". Unsafe runs become one '-'; the ends lose
    spaces, dots and dashes (Windows drops a trailing dot); a reserved device name gets
    a '_' after it; nothing left gives "deck"."""
    stem = _UNSAFE_IN_NAMES.sub("-", strip_unsafe(name)).strip(" .-")
    stem = re.sub(r"\s+", " ", stem)[:120].rstrip(" .-") or "deck"
    return f"{stem}_" if _RESERVED_NAMES.fullmatch(stem) else stem
