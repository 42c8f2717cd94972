"""Lemons, limes and oranges by the fruit: "juice of 1 lemon", "zest of 2 limes", "2 limes, juiced".

The food becomes the part used ("lemon juice", "lime zest") and the unit the fruit, so USDA's
"yield" portion of the fruit (the juice of one lemon) weighs it.
"""

from __future__ import annotations

import re
from typing import Protocol


class Draft(Protocol):
    """The parser's line under construction, as far as citrus needs it."""

    unit: str
    low: float | None
    notes: list[str]
    preparation: list[str]


CITRUS_FRUIT = re.compile(r"^(?:(?:fresh|meyer|key|seville|blood|unwaxed|organic|ripe)\s+)*(?:lemon|lime|orange)s?$")
_JUICED = re.compile(r"\bjuic(?:ed|e)\b")
_ZESTED = re.compile(r"\bzest(?:ed)?\b")
_CUT_WHOLE = re.compile(r"\b(?:wedges?|slices?|sliced|segment\w*|chopped|quartered|halved|rounds?)\b")
CITRUS_PART = re.compile(
    r"^(?P<part>(?:(?:finely )?grated )?(?:zest and juice|juice and zest|juice|zest|rind|peel)) (?:of|from) (?:the )?",
    re.IGNORECASE,
)


def citrus_food(part: str, fruit_text: str, draft: Draft) -> str:
    """'juice of 1 lemon' -> 'lemon juice' with unit 'lemon'."""
    words = fruit_text.split()
    if not words:
        return part
    fruit = words[-1]
    if fruit.endswith("s") and not fruit.endswith("ss"):
        fruit = fruit[:-1]
    words[-1] = fruit
    if not draft.unit and draft.low is not None:
        draft.unit = fruit
    noun = part.split()[-1]
    if part in ("zest and juice", "juice and zest"):
        noun = "juice"
        draft.notes.append(part)
    elif noun != part:
        draft.preparation.insert(0, part.rsplit(" ", 1)[0])  # "finely grated"
    return f"{' '.join(words)} {noun}"


def prepared_citrus(fruit_text: str, draft: Draft) -> str:
    """'2 limes, juiced' -> 'lime juice' with unit 'lime'; '1 lemon (zested)' -> 'lemon zest'."""
    preparation = " ".join(draft.preparation)
    if _JUICED.search(preparation):
        return citrus_food("juice", fruit_text, draft)
    if _ZESTED.search(preparation) and not _CUT_WHOLE.search(preparation):
        return citrus_food("zest", fruit_text, draft)
    return fruit_text
