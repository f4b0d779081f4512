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
