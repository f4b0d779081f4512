from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from quizgen._cli.generate import ModelOpt


def facts_cli(
    source: Annotated[
        Path,
        typer.Argument(
            help="A source text (.txt, .md, .html, .pdf).", show_default=False, readable=False
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the facts as JSON.")] = False,
    model: ModelOpt = None,
) -> None:
    """Show the dates, people and organizations found in a source, with their evidence."""
    from quizgen._extract import extract_facts, facts_table
    from quizgen._sources import load_source

    facts = extract_facts(load_source(source), model=model)
    if as_json:
        typer.echo(json.dumps(facts.to_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(facts_table(facts))
