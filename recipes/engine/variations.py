"""Recipes that list their variations: only the base recipe is counted.

"Energy Bites (8 Ways!)" lists a base and then the add-ins of eight versions; "7 Steel Cut Oats
Recipes" lists a base and then what each version stirs in. Summing every line counts all versions
in one serving. The variations start:

- after a line that sends the reader to them ("1/2 cup mix-ins (see variations below)"): that line
  stands for the variation in the base and is weighed (or reported) like any line;
- at a heading that names them ("Variations:", "Flavour ideas", "Optional add-ins:");
- where lines change "the base recipe" ("omit cinnamon from base recipe", "stir in after cooking
  base recipe"): the base is the first group of lines, up to the first heading after it, or without
  such a heading, the lines before the first of those changes.

Lines from there on are reported as variations, never silently dropped, and not summed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .types import ParsedLine

VARIATION_NOTE = "a variation: not counted"

# "(see variations below)", "mix-ins: see the variations", "variations listed below"
_POINTER = re.compile(r"\bsee (?:the )?(?:\w+ )?variations?\b|\bvariations? (?:below|listed)\b", re.IGNORECASE)
# "Variations:", "Flavor variations", "Mix-in ideas", "Optional add-ins", "Other flavours"
_HEADING = re.compile(
    r"\bvariations?\b|\bversions?\b|\bideas?\b|\b(?:optional|other) (?:add-?ins?|mix-?ins?|flavou?rs?)\b",
    re.IGNORECASE,
)
# "omit cinnamon from base recipe", "add after cooking base recipe", "stir into the basic recipe"
_CHANGES_BASE = re.compile(
    r"\b(?:from|to|into|in|after cooking) (?:the )?bas(?:e|ic) recipe\b|\bomit\b[^()]*\bbas(?:e|ic) recipe\b",
    re.IGNORECASE,
)
# a title the parser reads as a line without an amount: "Variation 1: chocolate chip", "Flavor variations"
_TITLE = re.compile(r"^\W*(?:[a-z]+ )?variations?\b(?! of\b)", re.IGNORECASE)


def variation_start(lines: Sequence[ParsedLine]) -> int | None:
    """Position of the first line that belongs to a variation, or None when the recipe lists none."""
    seen_ingredient = False
    first_heading = None
    for position, line in enumerate(lines):
        if line.kind == "heading":
            if seen_ingredient and _HEADING.search(line.note or line.raw):
                return position
            if seen_ingredient and first_heading is None:
                first_heading = position
            continue
        if line.kind == "blank":
            continue
        if seen_ingredient and line.quantity is None and _TITLE.match(line.raw):
            return position
        if _POINTER.search(line.raw):
            return position + 1
        if _CHANGES_BASE.search(line.raw):
            return first_heading if first_heading is not None else position
        seen_ingredient = True
    return None
