"""The json export, validated against its published schema (docs/deck.schema.json) with
`jsonschema`, and read back into the deck's questions."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT
from quizgen._deck import KINDS, TYPES, Question
from quizgen._render import render
from quizgen._render.json import SCHEMA_ID

SCHEMA = json.loads((ROOT / "docs" / "deck.schema.json").read_text(encoding="utf-8"))


def export(decks, path: Path) -> dict:
    return json.loads(render("json", decks, path)[0].read_text(encoding="utf-8"))


def test_the_schema_is_a_valid_schema_and_names_the_model_vocabularies():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$id"] == SCHEMA_ID
    question = SCHEMA["$defs"]["question"]["properties"]
    assert tuple(question["kind"]["enum"]) == KINDS
    assert tuple(question["type"]["enum"]) == TYPES


def test_the_export_validates_and_holds_the_active_questions(sample_deck, tmp_path):
    data = export([sample_deck], tmp_path / "s.json")
    jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)

    (deck,) = data["decks"]
    assert deck["title"] == sample_deck.title and deck["deck_id"] == sample_deck.stable_id
    assert [Question(**q) for q in deck["questions"]] == sample_deck.active()
    assert "Nobody" not in json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("status",), "rejected"),
        (("kind",), "place"),
        (("choices",), ["1979"]),
        (("answer",), "  "),
    ],
)
def test_the_schema_refuses_what_the_deck_format_refuses(sample_deck, tmp_path, path, value):
    data = export([sample_deck], tmp_path / "s.json")
    data["decks"][0]["questions"][0][path[0]] = value  # the first question is a choice
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)


def test_same_deck_same_bytes(sample_deck, tmp_path):
    a = render("json", [sample_deck], tmp_path / "a.json")[0].read_bytes()
    assert a == render("json", [sample_deck], tmp_path / "b.json")[0].read_bytes()
    assert "Владимир Путин".encode() in a  # Unicode as is, not \u escapes
