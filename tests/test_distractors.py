"""Distractors a student has to think about, statements that read true, and the facts
`generate` leaves unasked (issue 12, parts 3, 4 and the `facts` listing): each rule with a
small text of its own."""

from __future__ import annotations

import json

import pytest

from quizgen._extract import extract_facts
from quizgen._generate import GenerateOptions, generate
from quizgen._sources import Source


def _deck(text: str, **options):
    source = Source(path="notes.txt", title="Notes", text=text)
    return generate(extract_facts(source), GenerateOptions(seed=1, **options))


@pytest.mark.slow
def test_facts_lists_the_facts_generate_leaves_unasked(cli, tmp_path):
    # four facts in one sentence: at most two are asked from it, the rest are listed
    source = tmp_path / "a.txt"
    source.write_text(
        "The Vell Company\n\nIn 1950, Anna Berg founded the Vell Company and the Lorn Bank"
        " with Peter Hald in Oslo.\n",
        encoding="utf-8",
    )
    table = cli("facts", str(source))
    assert table.returncode == 0, table.stderr
    listed = table.stdout.split("LEFT UNASKED BY GENERATE (")[1].splitlines()
    count = int(listed[0].split(")")[0])
    assert count >= 2 and len(listed) == count + 1
    assert all(": " in line and line.startswith("  ") for line in listed[1:])
    data = json.loads(cli("facts", str(source), "--json").stdout)
    assert [u["fact"] for u in data["unasked"]] == [
        line.split(": ")[0].strip() for line in listed[1:]
    ]
    assert all(u["reason"] for u in data["unasked"])
