"""The lexicon's lists agree with each other, and no other module keeps a word list of its own."""

from __future__ import annotations

import ast
from pathlib import Path

from quizgen import _lexicon as lex

SRC = Path(lex.__file__).parent


def _literal_lists(tree: ast.Module) -> dict[str, list[str]]:
    """Module-level `NAME = _words(...)`/`_ordered`/`_lines` in the lexicon, as written."""
    out = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and getattr(node.value.func, "id", "") in ("_words", "_ordered", "_lines")
        ):
            text = node.value.args[0].value
            split = text.splitlines() if node.value.func.id == "_lines" else text.split()
            out[node.targets[0].id] = [w.strip() for w in split if w.strip()]
    return out


def test_no_list_names_a_word_twice() -> None:
    lists = _literal_lists(ast.parse((SRC / "_lexicon.py").read_text(encoding="utf-8")))
    assert len(lists) > 30
    for name, words in lists.items():
        assert len(words) == len(set(words)), (name, sorted(w for w in words if words.count(w) > 1))


def test_words_are_lower_case_but_where_case_is_compared() -> None:
    cased = {"ERAS"}  # "AD" the era, not "ad" the advertisement
    for name, value in vars(lex).items():
        words = isinstance(value, (frozenset, tuple)) and all(isinstance(w, str) for w in value)
        if name.isupper() and words and name not in cased:
            assert all(w == w.lower() for w in value), name
    assert all(w == w.upper() for w in lex.ERAS)


def test_related_lists_relate_as_their_comments_say() -> None:
    # The pronouns a name may replace are the gendered ones but the reflexives.
    assert lex.PERSONAL_GENDER.items() <= lex.PRONOUN_GENDER.items()
    assert set(lex.PRONOUN_GENDER) - set(lex.PERSONAL_GENDER) == {"himself", "herself"}
    assert set(lex.PERSONAL_GENDER) >= lex.PERSONAL_PRONOUNS
    assert lex.PERSONAL_PRONOUNS <= lex.DANGLING_PRONOUNS
    # An honorific that tells a gender is an honorific.
    assert set(lex.HONORIFIC_GENDER) <= lex.HONORIFICS
    assert all(not w.endswith(".") for w in lex.HONORIFICS)
    # Cut words are the name links but "&".
    assert {"&"} == lex.NAME_LINKS - lex.CUT_WORDS
    # A sentence's closers are its ends and ";"; a source line's marks are the same ends.
    assert lex.SENTENCE_CLOSERS - set(lex.SENTENCE_ENDS) == {";"}
    assert set(lex.SENTENCE_MARKS) <= set(lex.SENTENCE_ENDS)
    assert set(lex.SENTENCE_ENDS) <= set(lex.SENTENCE_MARKS + lex.CLOSING_MARKS)
    # The two lists of reporting verbs share their core; SAY_VERBS adds two.
    assert {"report", "confirm"} == lex.SAY_VERBS - lex.SPEECH_VERBS
    # Points in time a bare year never follows: "on" a day, "at" a moment.
    assert {"on", "at"} == lex.POINT_PREPOSITIONS - lex.YEAR_PREPOSITIONS
    assert lex.WHOLE_HEADS <= lex.ORG_WORDS | lex.PART_HEADS


def test_ordered_lists_keep_their_order() -> None:
    assert lex.MONTHS[0] == "january" and len(lex.MONTHS) == 12
    assert lex.WEEKDAYS[0] == "monday" and len(lex.WEEKDAYS) == 7  # datetime.weekday()
    assert lex.ORDINAL_WORDS["first"] == 1 and lex.ORDINAL_WORDS["twenty-first"] == 21
    assert [lex.choice_letter(i) for i in (0, 25, 26, 27)] == ["A", "Z", "AA", "AB"]


def test_honorifics_match_with_or_without_their_stop() -> None:
    assert lex.is_honorific("Mrs.") and lex.is_honorific("MR") and lex.is_honorific("Herr")
    assert not lex.is_honorific("Marten")


# Module-level string collections that are not word lists: keys of a file format, CLI
# vocabulary and such. Everything else of five words or more belongs in the lexicon.
_NOT_WORD_LISTS = {
    "__all__",
    "_EXPORTS",
    "_RENDERERS",  # renderer name -> module
    "_DECK_KEYS",
    "_SOURCE_KEYS",
    "_QUESTION_KEYS",
    "QUESTION_KEYS",
    "DECK_KEYS",
    "SOURCE_KEYS",
    "_KEYS",
    "_FRONT_MATTER_KEYS",
    "_DATE_FORMATS",
    "_MARKDOWN",
    "_HEADINGS",  # XHTML tag names (the EPUB reader), not words
    "_BLOCKS",
    "_CLAUSE_DEPS",  # parser labels, not words
    "_SIDE",  # parser labels of side remarks
    "_ADVERBIAL",  # parser labels of a phrase set before the subject
    "_COLUMNS",  # spaCy attribute names that Doc.to_array reads
    "_SUBJECTS",  # parser labels of a clause's subject
    "_WH",
    "_GRADES",
    "_STYLES",
    "BUCKETS",
    "LEVELS",  # date precisions, coarse to fine
    "_FOLD",  # character tables for str.translate
    "_LIGATURES",
}


def _strings(node: ast.AST) -> list[str] | None:
    if isinstance(node, ast.Call) and node.args:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "split":  # "a b c".split()
            base = func.value
            if isinstance(base, ast.Constant) and isinstance(base.value, str):
                return base.value.split()
        return _strings(node.args[0])
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        items = node.elts
    elif isinstance(node, ast.Dict):
        items = [k for k in node.keys if k is not None]
    else:
        return None
    if items and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in items):
        return [e.value for e in items]  # type: ignore[attr-defined]
    return None


def test_no_module_but_the_lexicon_keeps_a_word_list() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "_lexicon.py":
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, (ast.Assign, ast.AnnAssign)) or node.value is None:
                continue
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            name = getattr(target, "id", "")
            words = _strings(node.value)
            if words and len(words) >= 5 and name not in _NOT_WORD_LISTS:
                found.append(f"{path.relative_to(SRC)}: {name}")
    assert found == []


def test_the_quiz_forgives_every_particle_extraction_joins() -> None:
    from quizgen._lexicon import ANSWER_PARTICLES, NAME_PARTICLES

    assert set(NAME_PARTICLES) <= ANSWER_PARTICLES
