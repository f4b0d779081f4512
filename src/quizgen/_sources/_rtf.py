"""Rich Text Format (.rtf), through striprtf: the text without its markup."""

from __future__ import annotations

from quizgen._errors import SourceError
from quizgen._sources._packaged import need


def read_rtf(data: bytes, name: str) -> str:
    """The plain text of an RTF file, a blank line after each paragraph (`\\par`);
    cleaning is left to the caller.

    RTF is 7-bit: other characters are escapes that striprtf decodes, so reading the
    bytes as cp1252 (RTF's usual code page) loses nothing. Raises SourceError when the
    file has no text.
    """
    striprtf = need("striprtf.striprtf", name)
    text = str(striprtf.rtf_to_text(data.decode("cp1252", errors="replace"), errors="ignore"))
    if not text.strip():
        raise SourceError(f"{name}: has no text")
    # striprtf ends each \\par with one newline; a blank line is what ends a paragraph here.
    return text.replace("\r\n", "\n").replace("\n", "\n\n")
