"""A reader of Moodle XML (https://docs.moodle.org/en/Moodle_XML_format) with the standard
library, for the tests of the moodle export: what Moodle's import would take from a file."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class MoodleQuestion:
    """One question: its category, type, name, text (HTML shown as text) and answers."""

    category: str
    qtype: str
    name: str
    text: str
    general_feedback: str
    answers: dict[str, float] = field(default_factory=dict)  # answer text -> fraction


def _html_text(element: ET.Element | None) -> str:
    """What a browser shows of an HTML `<text>`: tags dropped (none expected), entities read."""
    raw = element.findtext("text", default="") if element is not None else ""
    if "<" in raw.replace("<br>", ""):
        raise ValueError(f"markup in text that should be escaped: {raw!r}")
    return html.unescape(raw.replace("<br>", "\n"))


def read_moodle(path: Path) -> list[MoodleQuestion]:
    """Every question of a Moodle XML file after its category. Raises ValueError or
    ET.ParseError for what Moodle's import would refuse."""
    root = ET.parse(path).getroot()
    if root.tag != "quiz":
        raise ValueError(f"root is <{root.tag}>, not <quiz>")
    category, out = "", []
    for q in root.findall("question"):
        qtype = q.get("type", "")
        if qtype == "category":
            category = q.findtext("category/text", default="")
            continue
        answers = {
            a.findtext("text", default=""): float(a.get("fraction", "0"))
            for a in q.findall("answer")
        }
        if len(answers) != len(q.findall("answer")):
            raise ValueError(f"{qtype}: the same answer twice")
        out.append(
            MoodleQuestion(
                category=re.sub(r"^\$course\$/top/", "", category),
                qtype=qtype,
                name=q.findtext("name/text", default=""),
                text=_html_text(q.find("questiontext")),
                general_feedback=_html_text(q.find("generalfeedback")),
                answers=answers,
            )
        )
    return out
