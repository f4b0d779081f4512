"""YAML plumbing shared by decks and templates: safe loading with line numbers, stable dumping.

Loading is `safe_load` semantics with two changes a person editing a deck expects:
only `true`/`false` are booleans (not yes/no/on/off), and dates stay text.
Aliases (`*name`) are refused: decks never need them, and they are how "billion laughs" bombs work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple[str | int, ...]


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    pass


# Copy the resolvers, keeping YAML 1.2 booleans and leaving timestamps as strings.
_Loader.yaml_implicit_resolvers = {}
for _first, _resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items():
    kept = [(tag, rx) for tag, rx in _resolvers if tag != "tag:yaml.org,2002:timestamp"]
    _Loader.yaml_implicit_resolvers[_first] = kept
# yes/no/on/off stay text: "answer: No" must not turn into False.
for _first in list("yYnNoO"):
    _Loader.yaml_implicit_resolvers[_first] = [
        (tag, rx)
        for tag, rx in _Loader.yaml_implicit_resolvers.get(_first, [])
        if tag != "tag:yaml.org,2002:bool"
    ]


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
        node = loader.get_single_node()
        if node is None:
            return Loaded(None, {})
        lines: dict[Path_, int] = {}
        _walk(node, (), lines, set())
        data = loader.construct_document(node)
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
    return Loaded(data, lines)


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


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int], seen: set[int]) -> None:
    if id(node) in seen:
        raise YamlProblem("YAML aliases (*name) are not allowed", node.start_mark.line + 1)
    seen.add(id(node))
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        keys: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            if key == "<<":
                raise YamlProblem(
                    "YAML merge keys (<<) are not allowed", key_node.start_mark.line + 1
                )
            if key in keys:
                raise YamlProblem(f"duplicate key '{key}'", key_node.start_mark.line + 1)
            keys.add(key)
            _walk(value_node, (*path, key), lines, seen)
            lines[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), lines, seen)


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
