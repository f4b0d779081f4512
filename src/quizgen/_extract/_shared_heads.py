"""Two bodies sharing one plural head noun (issue 11): "the Justice and Defense
Ministries" names the Justice Ministry and the Defense Ministry.

The tagger takes the last name with the plural head ("Defense Ministries") and leaves the
first bare or calls it something else. Each name before the head, listed with "and" or
commas, becomes one organization whose written name is its words and the head in the
singular; the mention keeps its own tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

from quizgen._extract._orgs import Span
from quizgen._extract._types import Sentence, Token
from quizgen._lexicon import ARTICLES, ORG_NAME_HEADS


def shared_heads(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """The spans with every "A and B Heads" split into one organization per name, tagged or
    not, each span's `text` the name with the head in the singular ("A Head", "B Head")."""
    added: list[Span] = []
    for sent in sentences:
        toks = sent.tokens
        for t in toks:
            head = _singular(t)
            if head is None:
                continue
            k = t.i
            while k > 0 and _name_word(toks[k - 1]):
                k -= 1
            names = _listed_before(toks, k) if k < t.i else []
            if not names:
                continue
            for a, b in names:
                added.append(
                    Span(
                        sent.index,
                        a,
                        b,
                        "ORG",
                        True,
                        None,
                        f"{sent.span_text(a, b)} {head}",
                    )
                )
            own = f"{sent.span_text(k, t.i)} {head}"
            added.append(Span(sent.index, k, t.i + 1, "ORG", True, None, own))
    if not added:
        return spans
    taken = {(s.sent_index, i) for s in added for i in range(s.start, s.end)}
    kept = [s for s in spans if not any((s.sent_index, i) in taken for i in range(s.start, s.end))]
    return sorted([*kept, *added], key=lambda s: (s.sent_index, s.start))


def _singular(tok: Token) -> str | None:
    """ "Ministries" -> "Ministry", "Departments" -> "Department": a capitalised plural of
    a body's head word, in the singular; None for anything else."""
    word = tok.text
    if not word[:1].isupper() or not word.endswith("s"):
        return None
    one = word[:-3] + "y" if word.endswith("ies") else word[:-1]
    return one if one.lower() in ORG_NAME_HEADS else None


def _listed_before(toks: list[Token], start: int) -> list[tuple[int, int]]:
    """The capitalised names listed before token `start` ("State, Justice and"), last one
    first, when the list ends in "and"/"or" right before it; [] when there is none."""
    if start < 2 or toks[start - 1].lower_text not in ("and", "or"):
        return []
    k = start - 1
    if toks[k - 1].text == ",":  # "State, Justice, and Defense"
        k -= 1
    names: list[tuple[int, int]] = []
    while True:
        end = k
        while k > 0 and _name_word(toks[k - 1]):
            k -= 1
        if k == end:
            break
        names.append((k, end))
        if k < 2 or toks[k - 1].text != ",":
            break
        k -= 1
    return names


def _name_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.text.isalpha() and tok.lower_text not in ARTICLES
