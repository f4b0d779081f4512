"""Writing what was filled in for hand-written questions (infer.py) into their deck file.

The id, kind and type a question was given go into the file's text at the question, as
text edits located with PyYAML's node marks (as `splice.py` adds generated questions), so a
person's comments and layout stay. The result must load back as exactly the deck that was
read, with nothing left to fill in; otherwise the deck is written whole (without comments).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import yaml

from quizgen._atomic import atomic_path
from quizgen._deck.dump import dump_deck
from quizgen._deck.infer import FILLED_KEYS
from quizgen._deck.load import load_deck, loads_deck
from quizgen._deck.model import Deck, Fill
from quizgen._deck.splice import last_leaf, line_end
from quizgen._errors import DeckError, Problem


def fill_file(path: str | os.PathLike[str]) -> list[Fill]:
    """Write the id, kind and type that hand-written questions in the deck at `path` leave
    out into the file, and return what was filled in (nothing written when nothing is).

    Raises DeckError when the deck is invalid (it is never written then) or when it changed
    on disk while being written (an editor saved it: nothing is written).
    """
    path = Path(path)
    deck = load_deck(path)  # every check of a deck file: a folder, a pipe, a size, UTF-16
    if not deck.filled:
        return []
    before = path.read_bytes()
    try:
        text: str | None = before.decode("utf-8-sig")
        deck = loads_deck(text, str(path))  # the deck of exactly the bytes read
    except UnicodeDecodeError:  # UTF-16 or UTF-32: written back as UTF-8 by the dump
        text = None
    edited = fill_text(text, deck.filled) if text is not None else None
    if edited is None or not _loads_as(edited, deck):
        edited = dump_deck(deck)
    with atomic_path(path) as tmp:
        tmp.write_bytes(edited.encode("utf-8"))
        # Checked last, just before the rename, as save_merged does.
        if path.read_bytes() != before:
            raise DeckError(
                Problem(str(path), "changed on disk while filling in; run again to fill it in")
            )
    return deck.filled


def fill_text(text: str, fills: Sequence[Fill]) -> str | None:
    """`text` with each Fill's keys written into its question, or None when a question is
    not laid out as expected (the caller then dumps the deck).

    A key goes after the nearest key before it in format-v1 order that the question has
    (`kind` after `id`), else before the question's first key; in the question's own style
    (a block mapping a line each, a flow mapping `{id: ..., prompt: ...}` inline).
    """
    try:
        # The parser decks are read with (libyaml where installed): the pure-Python one
        # refuses `{prompt: Who?, answer: ...}`, which libyaml reads. Both mark characters.
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    nodes = {k.value: v for k, v in root.value if isinstance(k, yaml.ScalarNode)}
    questions = nodes.get("questions")
    if not isinstance(questions, yaml.SequenceNode):
        return None
    edits: list[tuple[int, str]] = []
    for fill in fills:
        if fill.index >= len(questions.value):
            return None
        node = questions.value[fill.index]
        if not isinstance(node, yaml.MappingNode) or not node.value:
            return None
        edits.extend(_question_edits(text, node, fill))
    newline = "\r\n" if "\r\n" in text else "\n"
    out = text
    # From the end, so every index still points into the text as it was read.
    for at, new in sorted(edits, key=lambda edit: edit[0], reverse=True):
        out = out[:at] + new.replace("\n", newline) + out[at:]
    return out


def _question_edits(text: str, node: yaml.MappingNode, fill: Fill) -> list[tuple[int, str]]:
    values = {str(k.value): v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    first_key = node.value[0][0]
    indent = " " * first_key.start_mark.column
    # Keys grouped by the key they follow (None: before the first key), in key order.
    groups: dict[str | None, list[str]] = {}
    for key in fill.values:
        before = [k for k in FILLED_KEYS[: FILLED_KEYS.index(key)] if k in values]
        groups.setdefault(before[-1] if before else None, []).append(key)
    edits = []
    for after, keys in groups.items():
        pairs = [f"{key}: {fill.values[key]}" for key in keys]
        if after is None:
            at = first_key.start_mark.index
            new = (
                "".join(f"{p}, " for p in pairs)
                if node.flow_style
                else "".join(f"{p}\n{indent}" for p in pairs)
            )
        elif node.flow_style:
            at = values[after].end_mark.index
            new = "".join(f", {p}" for p in pairs)
        else:
            at = line_end(text, last_leaf(values[after]).end_mark.index)
            new = ("" if text[:at].endswith("\n") else "\n") + "".join(
                f"{indent}{p}\n" for p in pairs
            )
        edits.append((at, new))
    return edits


def _loads_as(text: str, deck: Deck) -> bool:
    """True when `text` loads as `deck` with nothing left to fill in."""
    try:
        loaded = loads_deck(text)
    except DeckError:
        return False
    return loaded == deck and not loaded.filled
