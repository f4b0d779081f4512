"""Adding generated questions to a deck file in place, so a person's comments survive.

Re-dumping a deck loses every YAML comment and any layout a person chose. A merge only
appends questions and refreshes the `generated` record, so it can be done as two text
edits located with PyYAML's node marks. The result is checked by loading it back: any
layout we do not expect gives None, and the caller falls back to a full dump.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import yaml

from quizgen._yaml import Flow, dump_yaml

GENERATED_NOTE = (
    "# Every id quizgen has generated for this deck: a question you delete stays deleted."
)


def splice(
    text: str,
    added: Sequence[dict[str, Any]],
    generated: Sequence[str],
    is_right: Callable[[str], bool],
) -> str | None:
    """`text` with the `added` questions (as plain data) appended to its `questions:` list
    and its `generated:` list replaced, or None when that cannot be done safely.

    `is_right(new_text)` judges the result (the merged deck loads from it); when it says
    no, None is returned.
    """
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        return None
    nodes = {k.value: v for k, v in root.value if isinstance(k, yaml.ScalarNode)}
    questions = nodes.get("questions")
    if not isinstance(questions, yaml.SequenceNode) or questions.flow_style or not questions.value:
        return None
    newline = "\r\n" if "\r\n" in text else "\n"
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), applied from the end
    if added:
        at = line_end(text, last_leaf(questions).end_mark.index)
        dash = questions.value[0].start_mark.column - 2
        items = block_items(added, dash)
        edits.append((at, at, ("" if text[:at].endswith("\n") else "\n") + items))
    current = nodes.get("generated")
    if isinstance(current, yaml.SequenceNode) and current.flow_style:
        edits.append((current.start_mark.index, current.end_mark.index, _flow(generated)))
    elif current is None:
        end = len(text)
        lead = "\n" if text.endswith("\n") else "\n\n"
        edits.append((end, end, lead + generated_block(generated)))
    else:
        return None
    out = text
    for start, end, new in sorted(edits, reverse=True):
        out = out[:start] + new.replace("\n", newline) + out[end:]
    return out if is_right(out) else None


def generated_block(ids: Sequence[str]) -> str:
    """The `generated:` record with the comment that says what it is for: a deck's last lines."""
    return f"{GENERATED_NOTE}\ngenerated: {_flow(ids)}\n"


def _flow(ids: Sequence[str]) -> str:
    return dump_yaml({"generated": Flow(list(ids))}).partition(": ")[2].rstrip("\n")


def last_leaf(node: yaml.Node) -> yaml.Node:
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return node


def line_end(text: str, index: int) -> int:
    """The index just past the line that `index` is on (a block scalar may end past it)."""
    if index > 0 and text[index - 1] == "\n":
        return index
    nl = text.find("\n", index)
    return len(text) if nl < 0 else nl + 1


def block_items(added: Sequence[dict[str, Any]], dash: int = 2) -> str:
    """Questions as block sequence items with their dash at column `dash`, a blank line
    before each, as decks are laid out. One dump per question: dumping a whole deck at
    once built a node tree of every field, half a gigabyte for 50,000 questions."""
    lines = []
    for item in added:
        lines.append("")
        for line in dump_yaml([item]).splitlines():
            lines.append(" " * dash + line if line else line)
    return "\n".join(lines) + "\n"
