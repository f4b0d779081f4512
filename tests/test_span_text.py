"""`Sentence.span_text` slices the sentence's joined tokens (made once, for speed): it must
give what joining the span's own tokens gives, for every span, and a pickled sentence
must not carry the joined text along."""

from __future__ import annotations

import pickle

from quizgen._extract import Sentence, Token


def _sentence() -> Sentence:
    words = [("The", " "), ("old", " "), ("mill", ""), ("’s", " "), ("wheel", ""), (",", " ")]
    words += [("(", ""), ("built", " "), ("1820", ""), (")", " "), ("turned", ""), (".", "")]
    tokens = [Token(i, w, ws, w.lower(), "X", "X", "dep", i) for i, (w, ws) in enumerate(words)]
    return Sentence(0, "The old mill’s wheel, (built 1820) turned.", tokens)


def _joined(sent: Sentence, start: int, end: int) -> str:
    toks = sent.tokens[start:end]
    return "".join(t.text + t.ws for t in toks[:-1]) + (toks[-1].text if toks else "")


def test_span_text_is_the_spans_tokens_joined_for_every_span():
    sent = _sentence()
    n = len(sent.tokens)
    for start in range(-2, n + 2):
        for end in range(-2, n + 3):
            assert sent.span_text(start, end) == _joined(sent, start, end), (start, end)
    assert sent.span_text(1, 4) == "old mill’s"
    assert sent.span_text(6, 10) == "(built 1820)"


def test_a_pickled_sentence_leaves_its_joined_text_behind():
    sent = _sentence()
    assert sent.span_text(0, 3) == "The old mill"
    copy = pickle.loads(pickle.dumps(sent))
    assert "_joined" not in copy.__dict__
    assert copy.span_text(0, 3) == "The old mill"
