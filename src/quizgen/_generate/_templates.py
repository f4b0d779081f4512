"""Question templates are data: the shipped default.yaml, overridden by a deck or a file."""

from __future__ import annotations

import os
import stat
import string
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from quizgen._deck import BLANK_RE, KINDS, TYPES
from quizgen._errors import TemplateError
from quizgen._generate._fields import ITEM_FIELDS, template_fields
from quizgen._yaml import YamlProblem, load_yaml

_KEYS = {"id", "kind", "needs", "types", "prompt", "answer"}
_MAX_TEMPLATES_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Template:
    """One way of asking about a fact."""

    id: str
    kind: str
    needs: tuple[str, ...]
    types: tuple[str, ...]
    prompt: str
    answer: str = "answer"

    @property
    def is_statement(self) -> bool:
        """A prompt with a blank: makes cloze or true/false questions."""
        return bool(BLANK_RE.search(self.prompt)) or "{blanked}" in self.prompt

    def fields(self) -> frozenset[str]:
        """The fields the prompt names ("{role_np}" -> "role_np")."""
        return _prompt_fields(self.prompt)


@lru_cache(maxsize=1024)  # asked for every fact and template: parsed once per prompt
def _prompt_fields(prompt: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(prompt) if name)


def default_templates() -> list[Template]:
    """The templates shipped with quizgen."""
    text = resources.files("quizgen").joinpath("templates/default.yaml").read_text(encoding="utf-8")
    return parse_templates(text, "quizgen/templates/default.yaml")


def load_templates(path: str | os.PathLike[str]) -> list[Template]:
    """Templates from a YAML file (a `templates:` list, or a bare list). Raises TemplateError."""
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise TemplateError(f"{path}: is a folder, not a templates file")
        if not stat.S_ISREG(info.st_mode):
            # A pipe would wait for a writer forever, a device might never end.
            raise TemplateError(f"{path}: is not a regular file, so not a templates file")
        if info.st_size > _MAX_TEMPLATES_BYTES:
            raise TemplateError(f"{path}: too large for a templates file ({info.st_size:,} bytes)")
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise TemplateError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise TemplateError(f"{path}: is not UTF-8 text (bad byte at offset {exc.start})") from None
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read templates ({exc.strerror or exc})") from None
    return parse_templates(text, str(path))


def parse_templates(text: str, name: str) -> list[Template]:
    """Parse and check template YAML; every problem names the file, line and template."""
    try:
        loaded = load_yaml(text)
    except YamlProblem as exc:
        raise TemplateError(f"{name}:{exc.line or 1}: {exc.message}") from None
    data = loaded.data
    items = data.get("templates") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise TemplateError(f"{name}: expected a list of templates under 'templates:'")
    base = ("templates",) if isinstance(data, dict) else ()
    return templates_from_data(items, name, lambda i: loaded.line(*base, i))


def templates_from_data(items: Sequence[Any], name: str, line_of: Any = None) -> list[Template]:
    """Build templates from plain data (a deck's `templates:` list). Raises TemplateError."""
    out, problems = [], []
    for i, item in enumerate(items):
        line = line_of(i) if line_of else None
        where = f"{name}:{line}: templates[{i}]" if line else f"{name}: templates[{i}]"
        if not isinstance(item, dict):
            problems.append(f"{where}: must be a mapping")
            continue
        unknown = set(item) - _KEYS
        missing = {"id", "kind", "types", "prompt"} - set(item)
        if unknown:
            problems.append(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        if missing:
            problems.append(f"{where}: missing {', '.join(sorted(missing))}")
            continue
        types = item["types"] if isinstance(item["types"], list) else [item["types"]]
        if item["kind"] not in KINDS:
            problems.append(f"{where}: unknown kind '{item['kind']}'")
        if any(t not in TYPES for t in types):
            problems.append(f"{where}: types must be among {', '.join(TYPES)}")
        try:
            template = Template(
                id=str(item["id"]),
                kind=str(item["kind"]),
                needs=tuple(str(n) for n in item.get("needs") or ()),
                types=tuple(str(t) for t in types),
                prompt=str(item["prompt"]),
                answer=str(item.get("answer") or "answer"),
            )
            names = [n for _, n, _, _ in string.Formatter().parse(template.prompt) if n is not None]
        except ValueError as exc:
            problems.append(f"{where}: bad prompt ({exc})")
            continue
        bad = [n for n in names if not n.isidentifier()]
        if bad:
            # "{}" or "{0}" would fail at generation; "{answer.upper}" reaches into Python.
            problems.append(f"{where}: bad prompt: '{{{bad[0]}}}' is not a field name")
            continue
        if unknown_field := _unknown_field(template, names):
            problems.append(f"{where} ({template.id}): {unknown_field}")
            continue
        out.append(template)
    if problems:
        raise TemplateError(problems)
    return out


def _unknown_field(template: Template, prompt_fields: Sequence[str]) -> str | None:
    """What names a field a fact of the template's kind never has, or None.

    The schema is `template_fields` (what `_fields` fills in per kind, and what the
    candidate step derives); a template with an unknown field would load and then never
    make a question.
    """
    if template.kind not in ITEM_FIELDS:  # an unknown kind is reported on its own
        return None
    known = template_fields(template.kind)
    for place, names in (
        ("needs", template.needs),
        ("prompt", prompt_fields),
        ("answer", (template.answer,)),
    ):
        for name in names:
            if name not in known:
                return (
                    f"{place} names unknown field '{name}'; "
                    f"{template.kind} facts have: {', '.join(sorted(known))}"
                )
    return None


def merge_templates(base: Sequence[Template], *overrides: Sequence[Template]) -> list[Template]:
    """Later lists add templates or replace earlier ones with the same id."""
    merged = {t.id: t for t in base}
    for layer in overrides:
        merged.update({t.id: t for t in layer})
    return list(merged.values())
