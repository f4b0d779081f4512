"""Bytes -> str for text sources: BOMs, UTF-8, legacy single-byte encodings, and refusing binaries.

The order matters: a byte-order mark is trusted first, then known binary signatures and NUL
bytes are refused, then strict UTF-8 is tried, and only a file that is clearly *not* UTF-8
is handed to a legacy decoder. A file that is mostly valid UTF-8 with a few bad bytes is
corrupt, and decoding it as cp1252 would turn every accented letter into mojibake, so it is
an error instead.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from quizgen._errors import SourceError

# (signature, offset) pairs of formats people drop into a sources folder by mistake.
_BINARY_SIGNATURES: tuple[tuple[bytes, int], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0),
    (b"\xff\xd8\xff", 0),  # JPEG
    (b"GIF87a", 0),
    (b"GIF89a", 0),
    (b"PK\x03\x04", 0),  # ZIP, and so .docx / .odt / .epub / .xlsx
    (b"PK\x05\x06", 0),
    (b"\x7fELF", 0),
    (b"%PDF-", 0),
    (b"\x1f\x8b", 0),  # gzip
    (b"BZh91AY&SY", 0),
    (b"\xfd7zXZ\x00", 0),
    (b"(\xb5/\xfd", 0),  # zstd
    (b"7z\xbc\xaf'\x1c", 0),
    (b"Rar!\x1a\x07", 0),
    (b"SQLite format 3\x00", 0),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0),  # old MS Office (.doc, .xls)
    (b"{\\rtf", 0),  # RTF is text, but its markup would become the "sentences"
    (b"RIFF", 0),  # WAV, AVI, WEBP
    (b"OggS", 0),
    (b"ID3", 0),  # MP3
    (b"fLaC", 0),
    (b"ftyp", 4),  # MP4, MOV, HEIC
    (b"II*\x00", 0),  # TIFF
    (b"MM\x00*", 0),
    (b"\xca\xfe\xba\xbe", 0),  # Java class, Mach-O fat binary
    (b"\xcf\xfa\xed\xfe", 0),  # Mach-O
    (b"MZ\x90\x00", 0),  # Windows executable
    (b"\x00asm", 0),
)

_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes surrogateescape could not decode
_NON_ASCII = re.compile("[^\x00-\x7f]")
_WIDE = re.compile("[\u0800-\udc7f\udd00-\U0010ffff]")  # 3- and 4-byte sequences

_UTF32_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"))
_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

# Share of letters outside ASCII above which a cp1252 reading is unlikely to be a Western
# European text (French or German run at 2-10%); Cyrillic or Greek read as cp1252 is ~100%.
_MAX_WESTERN_NON_ASCII = 0.3


def binary_signature(data: bytes) -> bool:
    """True when `data` starts like a known binary format (PNG, ZIP, ELF, PDF, ...)."""
    return any(data[off : off + len(sig)] == sig for sig, off in _BINARY_SIGNATURES)


def decode_text(data: bytes, name: str) -> str:
    """Decode a text file's bytes, whatever common encoding it was saved in.

    Raises SourceError naming `name` for binary data, UTF-16 without a byte-order mark,
    and UTF-8 with corrupt bytes.
    """
    for bom, encoding in (*_UTF32_BOMS, *_UTF16_BOMS):
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, name)
    if data.startswith(codecs.BOM_UTF8):
        return _utf8(data[len(codecs.BOM_UTF8) :], name)
    if binary_signature(data):
        raise SourceError(f"{name}: is binary, not text")
    if _looks_like_utf16(data):
        raise SourceError(f"{name}: looks like UTF-16 without a byte-order mark; save it as UTF-8")
    if b"\x00" in data:
        raise SourceError(f"{name}: is binary, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _not_utf8(data, exc.start, name)
    if _mostly_control(text):
        raise SourceError(f"{name}: is binary, not text")
    return text


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        label = encoding.upper().replace("-LE", "").replace("-BE", "")
        raise SourceError(
            f"{name}: is not valid {label} after its byte-order mark "
            f"(bad bytes at offset {exc.start + 2})"
        ) from None


def _utf8(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _corrupt_utf8(data, exc.start, name) from None


def _corrupt_utf8(data: bytes, pos: int, name: str) -> SourceError:
    line = data.count(b"\n", 0, pos) + 1
    return SourceError(
        f"{name}: line {line} is not valid UTF-8 (byte 0x{data[pos]:02X}); "
        "the file is UTF-8 with corrupt bytes, fix that line or save the file as UTF-8 again"
    )


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 text in a Latin script has a NUL in every other byte, and only there."""
    if len(data) < 4:
        return False
    even, odd = data[0::2], data[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    return (nul_odd > 0.3 and nul_even < 0.05) or (nul_even > 0.3 and nul_odd < 0.05)


def _not_utf8(data: bytes, first_bad: int, name: str) -> str:
    """Decode bytes that are not valid UTF-8: refuse corrupt UTF-8, else read a legacy encoding.

    Legacy single-byte text almost never contains valid multi-byte UTF-8 sequences: an
    accented letter is one high byte followed by ASCII. So any valid sequence means the
    file was written as UTF-8 and then damaged; the exception is a few stray valid pairs
    (an uppercase accented letter followed by a curly quote in cp1252 happens to be one)
    among many more invalid bytes.
    """
    escaped = data.decode("utf-8", errors="surrogateescape")
    invalid = len(_ESCAPED.findall(escaped))
    valid = len(_NON_ASCII.findall(escaped)) - invalid
    wide = _WIDE.search(escaped) is not None
    if valid and (wide or valid * 4 >= invalid):
        raise _corrupt_utf8(data, first_bad, name)
    return _legacy(data)


def _legacy(data: bytes) -> str:
    """Decode single-byte legacy text: cp1252 for Western text, else charset-normalizer's guess.

    charset-normalizer alone misreads short French or German texts as cp1250 or Mac Roman
    (mojibake such as 'naďve'), so a cp1252 reading that looks like Western European text
    wins; the detector decides only for texts that are clearly something else (Cyrillic,
    Greek, ...).
    """
    western = _cp1252(data)
    letters = [ch for ch in western[:1_000_000] if ch.isalpha()]
    non_ascii = sum(1 for ch in letters if ord(ch) > 0x7F)
    if not letters or non_ascii / len(letters) <= _MAX_WESTERN_NON_ASCII:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return western
    return str(best)


def _cp1252(data: bytes) -> str:
    # cp1252 leaves five bytes undefined; Latin-1 maps them (to C1 controls, removed later).
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _mostly_control(text: str) -> bool:
    """Random binary data decodes as 'text' full of control characters."""
    if not text:
        return False
    sample = text[:65536]
    control = sum(
        1 for ch in sample if ch not in "\n\r\t\f" and unicodedata.category(ch) in ("Cc", "Co")
    )
    return control / len(sample) > 0.05
