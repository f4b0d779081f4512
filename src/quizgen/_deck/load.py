"""Reading a deck file: refusing what is not a deck text, decoding it, then validating it.

Every problem is a `Problem` naming the file (and the line when there is one); the
validator (`validate.py`) reports all of a deck's problems at once.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from quizgen._deck.model import Deck
from quizgen._deck.validate import validate
from quizgen._errors import DeckError, Problem
from quizgen._yaml import YamlProblem, load_yaml, paused_gc

MAX_DECK_BYTES = 64 * 1024 * 1024
# UTF-32 first: its little-endian BOM starts with UTF-16's.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def load_deck(path: str | os.PathLike[str]) -> Deck:
    """Read and validate a deck file; the deck's `origin` is `path`.

    Raises DeckError with a Problem each (printed `file:line: where: what`).
    """
    deck = _read_deck(Path(path))
    deck.origin = Path(path)
    return deck


def _read_deck(path: Path) -> Deck:
    name = str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise DeckError(Problem(name, "is a directory, not a deck file"))
        if not stat.S_ISREG(info.st_mode):
            # A pipe would block forever and /dev/zero would never end.
            raise DeckError(Problem(name, "is not a regular file"))
        if info.st_size > MAX_DECK_BYTES:
            raise DeckError(
                Problem(
                    name,
                    f"{info.st_size:,} bytes is larger than the {MAX_DECK_BYTES:,} a deck may be",
                )
            )
        with open(path, "rb") as f:
            raw = f.read(MAX_DECK_BYTES + 1)
        if len(raw) > MAX_DECK_BYTES:  # it grew since the stat
            raise DeckError(
                Problem(name, f"is larger than the {MAX_DECK_BYTES:,} bytes a deck may be")
            )
    except FileNotFoundError:
        raise DeckError(Problem(name, "no such file")) from None
    except PermissionError:
        raise DeckError(Problem(name, "permission denied")) from None
    except OSError as exc:
        raise DeckError(Problem(name, f"cannot read ({exc.strerror or exc})")) from None
    for bom, encoding in _WIDE_BOMS:
        # Windows editors save "Unicode" as UTF-16 with a BOM; its NUL bytes are not binary.
        if raw.startswith(bom):
            try:
                return loads_deck(raw[len(bom) :].decode(encoding), name)
            except UnicodeDecodeError:
                raise DeckError(
                    Problem(
                        name,
                        f"is not valid {encoding[:6].upper()} after its byte-order mark; "
                        "save it as UTF-8",
                    )
                ) from None
    if b"\x00" in raw:
        raise DeckError(Problem(name, "is binary, not a YAML deck"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DeckError(
            Problem(name, f"not UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8", line)
        ) from None
    return loads_deck(text, name)


def loads_deck(text: str, name: str = "<deck>") -> Deck:
    """Parse and validate deck text; `name` is used in messages. Raises DeckError."""
    if not text.strip():
        raise DeckError(Problem(name, "is empty"))
    with paused_gc():  # nothing here makes cycles; see paused_gc
        try:
            loaded = load_yaml(text)
        except YamlProblem as exc:
            raise DeckError(Problem(name, exc.message, exc.line)) from None
        return validate(loaded, name)
