"""Sentences that are no statement of the text and give no question: a piece of a sentence
the splitter cut, and a picture's caption."""

from __future__ import annotations

import re

from quizgen._extract import Facts, Sentence
from quizgen._lexicon import SENTENCE_ENDS


def cut_by_the_splitter(facts: Facts, sent: Sentence) -> bool:
    """Is the sentence a piece of one the splitter cut ("... the town of Castiglione delle" |
    "Stiviere, near ...", "Queen Margaret" | "I united ...")? A piece lacks its closing
    punctuation, or follows one that does. A list after a colon is no sentence either. A
    caption (`in_caption`) is no sentence of the text either: both give no question."""
    if in_caption(facts, sent):
        return True
    i = sent.index
    after = facts.sentences[i + 1] if i + 1 < len(facts.sentences) else None
    if after is not None and after.paragraph == sent.paragraph and not _closed(sent):
        return True
    before = facts.sentences[i - 1] if i > 0 else None
    return before is not None and before.paragraph == sent.paragraph and not _closed(before)


# A caption opens with a figure's label or ends with the picture's credit (issue 12: "In
# 2008, Endeavour and Atlantis await a journey ... Image: NASA." was asked as a fact).
_FIGURE_LABEL = re.compile(r"(?:Figure|Fig\.|Table|Map|Plate|Image|Photo)\s+\d", re.I)
_CREDIT = re.compile(
    r"\(?(?:image|photo|photograph|picture|credit|source|illustration)s?(?:\s+credit)?\s*:", re.I
)
# ... or ends with it inside its last sentence, the splitter having kept them together:
# "The first competition was held this week in Washington D.C. Image: United States Navy."
_TRAILING_CREDIT = re.compile(r"[.!?)”\"]\s+" + _CREDIT.pattern + r"[^.!?:]*[.!?]?\s*$", re.I)
_CAPTION_SENTENCES = 4  # a caption is short: a longer paragraph is text


def in_caption(facts: Facts, sent: Sentence) -> bool:
    """Is the sentence part of a picture's caption (a short paragraph that opens with
    "Figure 15.16" or ends with "Image: NASA.", "(credit: Library of Congress)")?"""
    para = [
        s
        for s in facts.sentences[
            max(0, sent.index - _CAPTION_SENTENCES) : sent.index + _CAPTION_SENTENCES + 1
        ]
        if s.paragraph == sent.paragraph
    ]
    if len(para) > _CAPTION_SENTENCES:
        return False  # the whole paragraph is in `para` only when it is this short
    last = para[-1].text.strip()
    return bool(
        _FIGURE_LABEL.match(para[0].text.lstrip())
        or _CREDIT.match(last)
        or _TRAILING_CREDIT.search(last)
    )


def _closed(sent: Sentence) -> bool:
    return sent.text.rstrip().endswith(SENTENCE_ENDS)
