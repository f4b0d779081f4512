"""Countries, former countries and states by name, from pycountry (ISO 3166-1, 3166-3 and
3166-2), so that a place the tagger calls an organization ("operating in Mexico") is a
place. A kept gazetteer rather than a list of our own: it knows "Moldova, Republic of" and
"Bayern" as well as "Mexico".
"""

from __future__ import annotations

from functools import lru_cache

from quizgen._lexicon import COMPASS_WORDS, SUBDIVISION_TYPES


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    import pycountry  # loaded on the first span it is asked about

    names: set[str] = set()
    for country in [*pycountry.countries, *pycountry.historic_countries]:
        for field in ("name", "common_name", "official_name"):
            name = getattr(country, field, None)
            if not name:
                continue
            names.add(name)
            if ", " in name:  # "Moldova, Republic of": "Moldova", "Republic of Moldova"
                short, _, rest = name.partition(", ")
                names.update((short, f"{rest} {short}"))
    for sub in pycountry.subdivisions:
        # a state, a province, a land; not a district or a city ward, whose names are
        # as often a family's or a firm's; nor "Central", "Western": a compass word
        if sub.type.lower() in SUBDIVISION_TYPES and sub.name.lower() not in COMPASS_WORDS:
            names.add(sub.name)
    return frozenset(names)


def is_place_name(name: str) -> bool:
    """Is `name` (without "the") a country's, a former country's or a state's name?"""
    return name in _place_names()
