"""YAML plumbing shared by decks and templates: safe loading with line numbers, stable dumping.

Loading is `safe_load` semantics with two changes a person editing a deck expects:
only `true`/`false` are booleans (not yes/no/on/off), and dates stay text.
Aliases (`*name`) are refused: decks never need them, and they are how "billion laughs" bombs work.
Loading is built for big decks: libyaml parses, one pass makes the data and notes lines,
and the garbage collector waits (a 2,000-question deck: ~0.1 s, `bench/bench_quiz.py`).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
# A key `=` resolves to the "value" tag, which PyYAML's mapping constructor keys as text.
_TEXT_KEYS = (_STR, "tag:yaml.org,2002:value")

# safe_load's implicit resolvers (first character -> [(tag, pattern)]), without
# timestamps (dates stay text) and without yes/no/on/off booleans ("answer: No" is text).
_IMPLICIT: dict[Any, list[tuple[str, re.Pattern[str]]]] = {
    first: [
        (tag, rx)
        for tag, rx in resolvers
        if tag != "tag:yaml.org,2002:timestamp"
        and not (tag == "tag:yaml.org,2002:bool" and first in "yYnNoO")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# The first characters some implicit resolver claims: any other plain scalar is text.
_RESOLVED_FIRST = frozenset(first for first, kept in _IMPLICIT.items() if kept)


def _make_loader(base: type[Any]) -> type[Any]:
    """A safe loader on `base` (libyaml's CSafeLoader or the pure-Python SafeLoader)
    with our resolvers and a resolver fast path."""

    class Loader(base):  # type: ignore[misc, valid-type]
        yaml_implicit_resolvers = _IMPLICIT

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self._resolved: dict[str, str] = {}  # plain scalar -> its tag

        def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
            # Called for every node the parser makes, so it skips work that cannot change
            # the answer (there are no wildcard or path resolvers): quoted text, and plain
            # text that starts with no resolver's first character, is text; a plain scalar
            # seen before (`type:`, `template:` on every question) has the tag it had.
            if kind is not yaml.ScalarNode or not implicit[0]:
                return super().resolve(kind, value, implicit)
            if value and value[0] not in _RESOLVED_FIRST:
                return _STR
            tag = self._resolved.get(value)
            if tag is None:
                tag = self._resolved[value] = super().resolve(kind, value, implicit)
            return tag

    return Loader


# libyaml scans and parses in C, five times faster; without it (PyYAML built without
# the C library) the pure-Python parser gives the same nodes and marks, only slower.
_Loader = _make_loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader))


class YamlProblem(Exception):
    """The text is not YAML we accept; `line` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class Loaded:
    """A parsed document and the 1-based line where each path in it starts."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, *path: str | int) -> int | None:
        """The line of the longest known prefix of `path`."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


def load_yaml(text: str) -> Loaded:
    """Parse one YAML document; raise YamlProblem with a line number on any fault."""
    loader = _Loader(text)
    try:
        with paused_gc():
            node = loader.get_single_node()
            if node is None:
                return Loaded(None, {})
            builder = _Builder(loader)
            data = builder.build(node, ())
        if builder.failure is not None:
            raise builder.failure
    except yaml.MarkedYAMLError as exc:
        raise _problem(exc, text) from None
    except yaml.reader.ReaderError as exc:
        # Raised before any mark exists; the position is an index into the text.
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
        char = exc.character if isinstance(exc.character, int) else None
        what = f"character U+{char:04X}" if char is not None else "a character"
        raise YamlProblem(f"{what} is not allowed in YAML ({exc.reason})", line) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(str(exc).splitlines()[0]) from None
    finally:
        loader.dispose()
    return Loaded(data, builder.lines)


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector paused, then left as it was.

    For building a large acyclic structure, such as a parsed deck and the model made
    from it: objects made by the ten thousand trigger collections, and each rescans all
    the objects made so far (40% of a 2,000-question deck's parse, more of its validation).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# Constructs that, left open, make the parser fail where the file ends rather than where
# the mistake is: (context, what the problem starts with, message at the opening line).
_UNCLOSED = (
    (
        "while scanning a quoted scalar",
        "found unexpected end of stream",
        "a quoted text starts here and is never closed (a missing quote?)",
    ),
    (
        "while parsing a flow sequence",
        "did not find expected",
        "a [ list starts here and is never closed with ]",
    ),
    (
        "while parsing a flow mapping",
        "did not find expected",
        "a { mapping starts here and is never closed with }",
    ),
)


def _problem(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    """A one-line message for PyYAML's error, at the line a person should look at."""
    problem = exc.problem or exc.context or "invalid YAML"
    context, start = exc.context or "", exc.context_mark
    line = (exc.problem_mark or start).line + 1 if (exc.problem_mark or start) else None
    if "could not determine a constructor" in str(exc):
        return YamlProblem(f"unsupported tag {problem.split('tag ')[-1].split()[0]}", line)
    if problem.startswith("mapping values are not allowed"):
        # `prompt: Reunification: on what date ...`: a colon and space inside a typed text.
        return YamlProblem(_colon_in_text(text, line), line)
    if "tab character" in problem or "'\\t'" in problem:
        return YamlProblem("a tab character; YAML indents with spaces only", line)
    for opened, found, message in _UNCLOSED:
        if start is not None and context.startswith(opened) and problem.startswith(found):
            return YamlProblem(message, start.line + 1)
    if context and start is not None and line is not None and start.line + 1 != line:
        problem = f"{problem} ({context} on line {start.line + 1})"
    return YamlProblem(problem, line)


def _colon_in_text(text: str, line: int | None) -> str:
    """'a colon in a text: put the text in quotes', showing the line as it should be."""
    advice = "a colon in a text; put the text in quotes"
    lines = text.split("\n")
    entry = re.match(_ENTRY, lines[line - 1]) if line and line <= len(lines) else None
    if not entry:
        return advice
    value = entry.group(2).replace("\\", "\\\\").replace('"', '\\"')
    value = value if len(value) <= 60 else value[:57] + "..."
    return f'{advice}: {entry.group(1)}: "{value}"'


# `  - prompt: text` or `prompt: text`: the key and the text after it, on one line.
_ENTRY = re.compile(r"\s*(?:-\s+)?([^\s:#'\"]+):\s+(.+?)\s*$")


class _Builder:
    """Plain data from a node tree, in one pass that also notes each path's line.

    Text, lists and mappings (all a deck is made of) are built here; any other node (a
    number, an explicit tag like !!set) goes to PyYAML's safe constructor, which gives
    the same value and the same errors as `yaml.safe_load`. Aliases, merge keys and
    duplicate keys raise YamlProblem at once; a constructor's error waits in `failure`
    until the whole tree is checked, so those three are reported first, as they were when
    the checks walked the tree before `construct_document`.
    """

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.lines: dict[Path_, int] = {}
        self.failure: yaml.MarkedYAMLError | None = None
        self._seen: set[int] = set()

    def build(self, node: yaml.Node, path: Path_) -> Any:
        if id(node) in self._seen:
            raise YamlProblem("YAML aliases (*name) are not allowed", node.start_mark.line + 1)
        self._seen.add(id(node))
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            return node.value if node.tag == _STR else self._construct(node)
        if isinstance(node, yaml.SequenceNode):
            items = [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
            return items if node.tag == _SEQ else self._construct(node)
        return self._mapping(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> Any:
        data: dict[Any, Any] = {}
        plain = node.tag == _MAP
        keys: set[str] = set()
        for key_node, value_node in node.value:
            scalar_key = isinstance(key_node, yaml.ScalarNode)
            key = key_node.value if scalar_key else str(key_node)
            line = key_node.start_mark.line + 1
            if key == "<<":
                raise YamlProblem("YAML merge keys (<<) are not allowed", line)
            if key in keys:
                raise YamlProblem(f"duplicate key '{key}'", line)
            keys.add(key)
            value = self.build(value_node, (*path, key))
            self.lines[(*path, key)] = line
            if not (plain and scalar_key):
                plain = False
            elif key_node.tag in _TEXT_KEYS:
                data[key] = value
            else:  # `1:` or `null:` as a key: the constructed value, as safe_load keys it
                data[self._construct(key_node)] = value
        return data if plain else self._construct(node)

    def _construct(self, node: yaml.Node) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.MarkedYAMLError as exc:
            self.failure = self.failure or exc
            return None


class _Dumper(yaml.SafeDumper):
    # The pure-Python dumper, for indented block sequences ("  - id: ...") that read like the docs.
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


class Flow(list):  # type: ignore[type-arg]
    """A list dumped in flow style: `[a, b, c]`."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # PyYAML writes NEL (U+0085) raw in plain, quoted and block styles, where a reader
    # folds it into a line break or a space; only the double-quoted escape keeps it.
    if "\x85" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_flow(dumper: yaml.SafeDumper, value: Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(Flow, _represent_flow)


def dump_yaml(data: Any) -> str:
    """Dump plain data deterministically: key order kept, Unicode as is, one line per value."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=10_000,
        indent=2,
    )
