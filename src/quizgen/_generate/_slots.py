"""The fact a question is made from, as templates see it: `FactSlots` and the fields each
kind may carry (the schema `_templates` checks templates against)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

# Every field a FactSlots of each kind can carry: the schema templates are checked against
# (`_templates`), so a template naming a field nothing makes ('role_nps') is an error
# rather than a template that silently never applies. Add a field here when a
# `_fields._date_slots` or `_entity_slots.actor_slots`/`org_slots` starts to fill it in.
ITEM_FIELDS: dict[str, frozenset[str]] = {
    "date": frozenset({"answer", "wh", "blanked", "clause", "clause_bare"}),
    "actor": frozenset({"answer", "name", "role_np", "title", "quote", "blanked", "wh_question"}),
    "organization": frozenset(
        {
            "answer",
            "name",
            "class_noun",
            "wh_subject",
            "members",
            "description_np",
            "person",
            "person_role",
            "blanked",
            "wh_question",
        }
    ),
}
# Fields the candidate step derives from those above (`_subjects.with_subject_clause`).
DERIVED_FIELDS: dict[str, frozenset[str]] = {
    "actor": frozenset({"subject_clause", "role_noun", "possessed"}),
    "organization": frozenset({"subject_clause"}),
}


def template_fields(kind: str) -> frozenset[str]:
    """Every field a template of `kind` may name: ITEM_FIELDS plus DERIVED_FIELDS."""
    return ITEM_FIELDS.get(kind, frozenset()) | DERIVED_FIELDS.get(kind, frozenset())


@dataclass(slots=True)
class FactSlots:
    """One fact, ready for templates: its fields and what counts as its answer."""

    kind: str
    key: str  # identifies the fact across runs (part of question ids)
    fields: dict[str, str]
    accept: dict[str, list[str]]  # answer field -> accepted alternatives
    context: str
    order: tuple[int, int]
    source: str
    names: list[str] = field(default_factory=list)  # every name of the answer entity
    granularity: str | None = None  # dates
    # field -> index of the sentence its wording comes from (default: order[0]); the
    # planner caps questions per sentence and checks leaks between them by this
    anchors: dict[str, int] = field(default_factory=dict)
    alternates: list[tuple[str, int]] = field(default_factory=list)  # other "blanked" + sentence
    sentences: dict[int, str] = field(default_factory=dict)  # anchor index -> its text
    article: str = ""  # "the" when the text writes "the Boston Herald", "" for "Harvard University"
    salience: int = 1  # how often the text names the fact: the planner asks the most named first
    relative: bool = False  # a date the text gives relative to its publication ("Tuesday")
    subtype: str | None = None  # an organization's fine kind (`Entity.subtype`): its distractors'
    # years a date's distractors stay within (inclusive; None: open): the life of the one
    # person its sentence names, where the text gives a birth or a death
    window: tuple[int | None, int | None] = (None, None)
    roles: list[str] = field(default_factory=list)  # a person's roles as the text gives them
    # blanked wording -> what the blank is in its clause, "subject" or "owner" (`_subjects`)
    subjects: dict[str, str] = field(default_factory=dict)
    # a list of names asked as one ("sons _____."): the facts of its members, each asked by it
    covers: list[str] = field(default_factory=list)
    # a date to the day the text gives in several sentences: the first of them, whose fact
    # it is (Criswell's death, "(1850 – August 3, 1905)" and "On August 3, 1905, ... was
    # killed", is one fact, asked once)
    fact_sentence: int | None = None


def shift_sentences(item: FactSlots, offset: int) -> FactSlots:
    """The item with its sentence indices counted from `offset` (a later section's)."""
    if not offset:
        return item
    return replace(
        item,
        key=item.key,
        order=(item.order[0] + offset, item.order[1]),
        anchors={k: v + offset for k, v in item.anchors.items()},
        alternates=[(b, i + offset) for b, i in item.alternates],
        sentences={i + offset: t for i, t in item.sentences.items()},
        fact_sentence=None if item.fact_sentence is None else item.fact_sentence + offset,
    )
