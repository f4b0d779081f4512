"""What a date fact needs besides its sentence: the life it falls in (the years its options
may take), the other ways a student may write it, and the report date a relative one is
told from."""

from __future__ import annotations

import datetime
import re

from quizgen._extract import DateFact, Entity, Facts, Sentence, Token
from quizgen._generate._memo import by_identity


def _year(d: DateFact) -> int | None:
    """The year of a date of the common era ("1867", "1867-05", "1867-05-08"), else None."""
    m = re.match(r"(\d{4})(?:-|$)", d.normalized)
    return int(m.group(1)) if m and d.granularity in ("year", "month-year", "day") else None


def _life_event(facts: Facts, d: DateFact) -> str | None:
    """ "born" or "died" when the words just before the date say so ("born in 1867", "died
    on 4 July 1934", "death in 1934") or the verb it dates does ("was born in Memphis,
    Tennessee on March 25, 1942"), else None."""
    sent = facts.sentences[d.sent_index]
    toks = sent.tokens[max(0, d.start - 3) : d.start]
    head = sent.span_head(d.start, d.end)
    verb = next((k for k in sent.ancestors(head) if sent.tokens[k].pos in ("VERB", "AUX")), None)
    if verb is not None:
        toks = [*toks, sent.tokens[verb]]
    lemmas = {t.lemma.lower() for t in toks} | {t.lower_text for t in toks}
    if lemmas & {"born", "bear", "birth"}:
        return "born"
    if lemmas & {"die", "died", "death"}:
        return "died"
    return None


def _named_in(facts: Facts, sent_index: int) -> list[Entity]:
    """The actors sentence `sent_index` names, in the order of `facts.actors`."""
    return _people_by_sentence(facts).get(sent_index, [])


@by_identity
def _people_by_sentence(facts: Facts) -> dict[int, list[Entity]]:
    """Sentence index -> the actors it names: one pass over the mentions (asked of every
    date, a scan of every actor's mentions per date was quadratic: 40% of `fact_slots` at
    100k words)."""
    out: dict[int, list[Entity]] = {}
    for a in facts.actors:
        for i in dict.fromkeys(m.sent_index for m in a.mentions):
            out.setdefault(i, []).append(a)
    return out


def lifespans(facts: Facts) -> dict[int, tuple[int | None, int | None]]:
    """id(actor) -> (year of birth, year of death) where the text gives them in a sentence
    naming that person alone: "Anna Berg, born in 1867, ..." -> (1867, None)."""
    out: dict[int, tuple[int | None, int | None]] = {}
    for d in facts.dates:
        event, year, people = _life_event(facts, d), _year(d), _named_in(facts, d.sent_index)
        if event is None or year is None or len(people) != 1:
            continue
        born, died = out.get(id(people[0]), (None, None))
        out[id(people[0])] = (year, died) if event == "born" else (born, year)
    return out


def date_window(
    facts: Facts, d: DateFact, lives: dict[int, tuple[int | None, int | None]]
) -> tuple[int | None, int | None]:
    """The years a distractor for date `d` may take (issue 12): within the life of the one
    person its sentence names, so that no option falls before their birth or after their
    death. A birth date itself is bounded by the death only (before it), a death by the
    birth (after it); both stay within a generation of the answer (`_LIFE_SPREAD` years):
    a birth in 1942 is no choice beside "August 16, 2018", the date of the death."""
    people = _named_in(facts, d.sent_index)
    year = _year(d)
    if len(people) != 1 or year is None:
        return (None, None)
    born, died = lives.get(id(people[0]), (None, None))
    event = _life_event(facts, d)
    near = (year - _LIFE_SPREAD, year + _LIFE_SPREAD)
    if event == "born":
        return (near[0], near[1] if died is None else min(near[1], died - 1))
    if event == "died":
        return (near[0] if born is None else max(near[0], born + 1), near[1])
    return (born, died)


_LIFE_SPREAD = 25  # years a birth or death date's options may lie from it
_RANGE_DASHES = ("–", "-", "—")
_MOST_DATE_TOKENS = 4  # "March 3, 1860": the longest date a bracketed life gives
_MOST_BRACKET_TOKENS = 30  # a pronunciation or a native name before the life


def bracketed_life(facts: Facts, d: DateFact) -> tuple[str, str] | None:
    """(person, "born" or "died") when `d` opens or closes a bracketed range right after a
    person's name, else None.

    "Robert Hooke (1635–1703) was the first to ..." -> ("Robert Hooke", "born") for 1635 and
    ("Robert Hooke", "died") for 1703; "Karl Berg (1790 – March 3, 1860) taught ..." alike:
    set in a sentence of prose, the dates in brackets right after a person's name are their
    life (the convention of biographies and textbooks), and its two ends are two facts a
    teacher asks ("When was Hooke born?", "When did he die?"). A row of a list ("Henry
    Graham (1855–1885)" under "Presidents", no verb) gives a term of office instead: None."""
    sent = facts.sentences[d.sent_index]
    toks = sent.tokens
    if d.start < 2 or d.end >= len(toks) or not any(t.pos in ("VERB", "AUX") for t in toks):
        return None
    if toks[d.end].text in _RANGE_DASHES and toks[d.start - 1].text in ("(", ";"):
        opened, event = _bracket_opened(toks, d.start), "born"
        if ")" not in (t.text for t in toks[d.end + 1 : d.end + _MOST_DATE_TOKENS + 2]):
            return None
    elif toks[d.end].text == ")" and toks[d.start - 1].text in _RANGE_DASHES:
        event = "died"
        before = range(d.start - 2, max(0, d.start - _MOST_DATE_TOKENS - 2), -1)
        first = next((i for i in before if toks[i - 1].text in ("(", ";")), 0)
        if not first or not (toks[first].ent == "DATE" or toks[first].text[:1].isdigit()):
            return None  # "(Socony – 1911)": the bracket opens on no date
        opened = _bracket_opened(toks, first)
    else:
        return None
    if opened < 1:
        return None
    for person in _named_in(facts, d.sent_index):
        for m in person.mentions:
            # the person's full name only: "Pierre Berg (1704–1787)", the father, beside a son
            # "Pierre Charles Berg" whom the text calls "Pierre Berg" too, is not asked by it
            if m.sent_index == d.sent_index and m.end == opened:
                if sent.span_text(m.start, m.end) != person.name:
                    return None
                return (person.name, event)
    return None


def _bracket_opened(toks: list[Token], k: int) -> int:
    """The "(" of the bracket whose part starts at token k: the one just before it, or the
    one before a "; " that ends a pronunciation ("(Danish: [ˈjɛsbɐsn̩]; 16 July 1860 – ...)",
    the opening of an encyclopedia's biography); -1 when there is none."""
    if toks[k - 1].text == "(":
        return k - 1
    for i in range(k - 2, max(-1, k - _MOST_BRACKET_TOKENS), -1):
        if toks[i].text == ")":
            return -1
        if toks[i].text == "(":
            return i
    return -1


def as_of(published: str | None) -> str:
    """ "According to the report of March 4, 2014": the date a relative date ("Monday",
    "last week") was resolved against, said in the question (issue 12) so that the answer
    can be known; `published` is ISO 8601 (a day, or a month "2014-03"), else given as is."""
    text = published or "its publication"
    try:
        day = datetime.date.fromisoformat(text[:10])
        text = f"{day:%B} {day.day}, {day.year}"
    except ValueError:
        if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
            text = f"{datetime.date(int(m[1]), int(m[2]), 1):%B} {m[1]}"
    return f"According to the report of {text}"


def in_dateline(sent: Sentence, start: int) -> bool:
    """Is the date part of a dateline ("GENEVA, March 4, 2014 — ...")?"""
    head = sent.span_text(0, start).strip()
    return bool(re.fullmatch(r"[A-Z][A-Z .’'-]+,", head))


def date_variants(d: DateFact) -> list[str]:
    """What a student may type for a date besides its answer: "the 1840s"; for "late
    1890s" the decade itself ("1890s"), the question asking for a decade; for "early
    twentieth century" the century's word ("twentieth")."""
    out = [d.answer]
    bare = d.answer
    if d.part and d.answer.lower().startswith(d.part):
        bare = d.answer[len(d.part) :].strip(" -")
        out.append(bare)
    if d.granularity in ("decade", "century"):
        out.append(f"the {bare}")
    if d.granularity == "century":
        out.append(bare.split()[0])
    if d.relative:
        out.append(d.relative)
    return list(dict.fromkeys(o for o in out if o))
