from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from quizgen._cli.generate import ModelOpt

if TYPE_CHECKING:
    from quizgen import Facts


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
    """Show the dates, people and organizations found in a source, with their evidence.

    Each person and organization shows its kind (an organization's subtype, such as
    legislature or company) and its salience; names of other kinds (places, facilities,
    vehicles, works, events, groups of people) are listed apart: they are never asked.
    Last come the facts `generate` would leave unasked, each with the reason.
    """
    from quizgen import extract_facts, load_source
    from quizgen._generate import generate_planned

    facts = extract_facts(load_source(source), model=model)
    # what `generate` (default options) would leave unasked, so a teacher sees the gaps
    unasked = generate_planned(facts)[1].unasked
    if as_json:
        data = facts.to_dict()
        data["unasked"] = [{"fact": f, "reason": r} for f, r in unasked]
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        typer.echo(facts_table(facts, unasked))


def facts_table(facts: Facts, unasked: Sequence[tuple[str, str]] = ()) -> str:
    """A plain-text table of the facts, for `quizgen facts`; `unasked` is (fact, reason)
    for each fact `generate` would leave unasked (`Plan.unasked`)."""
    lines = [f"{facts.title} ({facts.source_path})", ""]
    lines.append(f"ACTORS ({len(facts.actors)})")
    for a in facts.actors:
        aka = f" (also: {', '.join(a.aliases)})" if a.aliases else ""
        lines.append(f"  {a.name}{aka}  [person, salience {a.salience:g}]")
        lines.extend(f"      role: {r.text}" + (f"  [{r.org}]" if r.org else "") for r in a.roles)
        lines.extend(f"      said: “{_clip(q.text)}”" for q in a.quotes)
    lines += ["", f"ORGANIZATIONS ({len(facts.organizations)})"]
    for o in facts.organizations:
        aka = f" (also: {', '.join(o.aliases)})" if o.aliases else ""
        kind = o.subtype or "organization"
        lines.append(f"  {o.name}{aka}  [{kind}, salience {o.salience:g}]")
        lines.extend(f"      is: {d.text}" for d in o.descriptions)
        if o.part_of:
            lines.append(f"      part of: {o.part_of}")
        if o.members:
            lines.append(f"      members: {', '.join(o.members)}")
    lines += ["", f"OTHER NAMES, NOT ASKED AS PEOPLE OR ORGANIZATIONS ({len(facts.others)})"]
    lines.extend(f"  {e.name}  [{e.kind}]" for e in facts.others)
    lines += ["", f"DATES ({len(facts.dates)})"]
    for d in facts.dates:
        rel = f" (from '{d.relative}')" if d.relative else ""
        lines.append(
            f"  {d.answer:<20} {d.normalized:<12} {d.granularity:<10}{rel} {_clip(facts.sentences[d.sent_index].text, 70)}"
        )
    lines += ["", f"LEFT UNASKED BY GENERATE ({len(unasked)})"]
    lines.extend(f"  {fact}: {reason}" for fact, reason in unasked)
    return "\n".join(lines)


def _clip(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"
