"""The food part of an ingredient line: the name, its preparation, notes in brackets, alternatives.

Called by recipes/engine/parser.py after the amount; fills the draft's food, preparation and notes.
"""

from __future__ import annotations

import re

from . import combined, units
from .draft import HAS_WORD, OPTIONAL, QUALIFIER, SIZES, Draft, measure_middle, mentions, set_per_item, word_set
from .units import COUNT, LENGTH, MASS, VOLUME

# Participles that describe how a food is prepared; moved from the food name to `preparation`.
PREP_WORDS = word_set(
    "cooked uncooked chopped diced minced sliced grated shredded melted softened peeled cubed mashed "
    "packed sifted beaten halved quartered rinsed drained thawed defrosted trimmed pitted seeded deseeded "
    "cored torn julienned crumbled steamed boiled cooled whisked zested juiced squeezed scrubbed washed "
    "spiralized blanched sieved strained separated snipped segmented stemmed hulled"
)
PREP_ADVERBS = word_set("finely roughly coarsely thinly thickly freshly lightly firmly loosely tightly well very")
# Words that start a bracket or a comma part describing preparation rather than a remark.
_PREP_STARTS = (
    PREP_WORDS
    | PREP_ADVERBS
    | word_set(
        "cut at room cold warm hot chilled frozen fresh raw into in divided lukewarm "
        "broken ground crushed toasted roasted patted"
    )
    # the cut: "(bone-in, skin-on)" picks the food row, so it is preparation, not a note
    | word_set("skin-on skin bone-in bone boneless skinless")
)
# "3 garlic cloves", "2 celery ribs": a unit written after the food.
_TRAILING_UNITS = frozenset({"clove", "stalk", "sprig", "slice", "fillet", "head", "loaf"})
# "almond or cashew milk" is almond milk or cashew milk; "ghee or olive oil" is not ghee oil.
_SHARED_HEADS = word_set(
    "milk flour vinegar wine rice beans broth stock cheese sugar pepper peppers onion onions tortillas juice "
    "lentils yogurt extract pasta noodles cabbage lettuce potatoes potato mushrooms squash chilies chiles "
    "chili chilli apples apple grapes tomatoes tomato berries seeds paprika mustard "
    "mince sausage sausages fillet fillets thighs breasts chops cutlets"
)


# "yellow or white onion", "light or dark rum", "jumbo or larger shrimp": a lone describing word before
# "or" shares the head noun of the option after it.
_ADJECTIVES = word_set(
    "yellow white red green black brown golden purple orange light dark jumbo large larger small medium baby "
    "fresh frozen dried canned tinned cooked raw smoked sweet hot mild spicy unsalted salted reduced low whole "
    "skim plain greek regular instant quick long short wild ground "
    # what an oil, a milk or a butter is pressed from: "vegetable or sunflower oil" is vegetable oil
    "vegetable canola olive sunflower peanut sesame coconut avocado corn rapeseed grapeseed safflower walnut almond"
)
# Words that can stand before a comma without being the food ("boneless, skinless chicken").
_LEADING_DESCRIPTORS = word_set(
    "boneless skinless bone-in skin-on fresh large small medium ripe organic extra lean "
    "unsalted salted cooked uncooked leftover cold chilled frozen raw dried plain unsweetened sweetened "
    "unflavored unflavoured natural "
    # colours of a mix ("red, white and blue sprinkles"); not "orange", which is a fruit ("1 orange, zested")
    "red white green yellow blue pink purple gold silver"
)
# A bracket giving a ground meat's lean share: "(90/10 fat)", "(lean, 93%)", "(85% lean)".
_LEAN_PIECE = re.compile(
    r"^(?:extra[- ])?lean$"
    r"|^\d{2}\s*(?:%|percent)(?:\s*(?:lean|fat[- ]free))?$"
    r"|^\d{2}\s*/\s*\d{1,2}(?:\s*(?:lean|fat))?$"
)
_OPTIONAL_HINTS = ("tast", "option", "desire", "need", "using", "like", "prefer", "garnish", "serv", "top")
_PLUS_HINTS = ("+", "plus")
_BRACKETS = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_PLUS_MORE = re.compile(r"(?:^|\s)(?:plus|\+)\s+(?:more|extra|additional|some|a little)\b.*$", re.IGNORECASE)
_FOR_USE = re.compile(r"(?:^|\s)for\s+(?:the\s+)?(?:\w+\s+)?\w+ing\b.*$", re.IGNORECASE)
_ALTERNATIVE_START = re.compile(
    r"^(?:and/or|or use|or|sub(?:stitute)?(?: with)?|can sub(?:stitute)?|can use|swap(?: for| in)?)\s+", re.I
)
_OR = re.compile(r"\s+(?:and/or|or)\s+|(?<=[a-z])\s*/\s*(?=[a-z])")
_EDGE_JUNK = " -.,;:&+*'\"/"
_CONNECTORS = re.compile(r"^(?:and|or|,|&)\s+|\s+(?:and|or|&)$", re.IGNORECASE)
_WORD = re.compile(r"[a-z][a-z'\-]*")


_RUNS_ON = _LEADING_DESCRIPTORS | PREP_WORDS | PREP_ADVERBS | {"and", "&"}


def food_name(rest: str, draft: Draft) -> str:
    """The food name, with brackets and comma parts sorted into preparation, notes and flags."""
    rest = rest.replace("*", " ")
    asides: list[str] = []

    def keep(found: re.Match[str]) -> str:
        asides.append(found.group(1) if found.group(1) is not None else found.group(2))
        return " "

    for _ in range(3):
        before = rest
        rest = _BRACKETS.sub(keep, rest)
        if rest == before:
            break
    if "(" in rest:
        rest, _, unclosed = rest.partition("(")
        asides.append(unclosed)
    rest = rest.replace(")", " ").replace("]", " ")
    head, _, tail = rest.partition(",")
    # "boneless, skinless chicken breasts", "4 cups peeled, thinly sliced apples": a head of describing or
    # preparation words only runs on into the next part.
    while tail and all(word.lower() in _RUNS_ON for word in head.split()):
        following, _, tail = tail.partition(",")
        head = f"{head} {following}"
    if ";" in head:
        head, _, more = head.partition(";")
        tail = more + "," + tail
    pieces = tail.split(",") if tail else []
    while (
        draft.each
        and pieces
        and (first := _WORD.match(pieces[0].strip().lower()))
        and first.group(0) not in _PREP_STARTS
    ):
        head = f"{head}, {pieces.pop(0)}"  # "1 tsp each of cumin, coriander and paprika": the list is the food
    for piece in pieces:
        _aside(piece, draft, in_brackets=False)
    if not HAS_WORD.search(head) and asides:
        # "1 packet (2 1/4 tsp instant yeast)": the food is inside the brackets
        for index, aside in enumerate(asides):
            measure = units.match_measure(aside.strip(), (MASS, VOLUME, LENGTH, COUNT))
            inner = aside.strip()[measure.end :] if measure else aside
            if HAS_WORD.search(inner):
                head = inner
                del asides[index]
                break
    for aside in asides:
        for piece in aside.replace(";", ",").split(","):
            _aside(piece, draft, in_brackets=True)
    return _clean_head(head, draft)


def _aside(piece: str, draft: Draft, *, in_brackets: bool) -> None:
    """Sort one comma part or bracket into optional, alternatives, weight, size, preparation or note."""
    piece = piece.strip(_EDGE_JUNK.replace(".", "")).rstrip(".")  # keep the "." of ".5 g"
    if not piece:
        return
    lowered = piece.lower()
    if mentions(lowered, _PLUS_HINTS) and (plus := _PLUS_MORE.search(lowered)):
        draft.notes.append(plus.group(0).strip())
        lowered = lowered[: plus.start()].strip(_EDGE_JUNK)
    if mentions(lowered, _OPTIONAL_HINTS) and OPTIONAL.search(lowered):
        draft.optional = True
        for found in OPTIONAL.findall(lowered):
            if "optional" not in found:
                draft.notes.append(found.strip())
        lowered = _CONNECTORS.sub("", OPTIONAL.sub(" ", lowered).strip(_EDGE_JUNK)).strip(_EDGE_JUNK)
    if not lowered:
        return
    if lowered == "divided":
        draft.notes.append("divided")
        return
    alternative = _ALTERNATIVE_START.match(lowered)
    if alternative:
        name = _clean_name(lowered[alternative.end() :])
        if name:
            draft.alternatives.append(name)
        return
    if _LEAN_PIECE.match(lowered):  # "(90/10 fat)", "(lean, 90%)": picks the ground meat's row
        draft.preparation.append(lowered)
        return
    unqualified = QUALIFIER.sub("", lowered)
    if unqualified[:1].isdigit() or unqualified[:1] == ".":
        spec = units.match_measure(unqualified)
        if spec is not None:
            if draft.low is None and draft.total_g is None:
                # "sugar for coating (1/3-1/2 cup)": the only amount on the line; "salt and pepper, ¼ tsp each"
                draft.low, draft.high, draft.unit = spec.low, spec.high, spec.unit
                draft.each = combined.says_each(unqualified[spec.end :])
            elif spec.dimension == MASS and not draft.has_weight:
                per_container = draft.unit in units.CONTAINERS and "total" not in lowered
                if draft.low is not None and ("each" in lowered or per_container):
                    set_per_item(draft, spec)
                else:
                    draft.total_g = measure_middle(spec)
            elif spec.unit in units.METRIC_VOLUMES and units.dimension(draft.unit) == VOLUME and draft.total_ml is None:
                # "2 Tbsp (40ml)": the writer's own measure (an Australian tablespoon is 20 ml, not 14.8)
                draft.total_ml = measure_middle(spec)
            return
    if lowered in SIZES:
        draft.size = draft.size or SIZES[lowered]
        return
    first = _WORD.match(lowered)
    if lowered.startswith("for "):
        draft.notes.append(lowered)
    elif not in_brackets or (first and first.group(0) in _PREP_STARTS):
        draft.preparation.append(lowered)
    else:
        draft.notes.append(lowered)


def _clean_head(head: str, draft: Draft) -> str:
    text = head.strip().lower()
    if mentions(text, _PLUS_HINTS) and (plus := _PLUS_MORE.search(text)):
        draft.notes.append(plus.group(0).strip())
        text = text[: plus.start()]
    text = _trailing_extra(text, draft)
    if mentions(text, _OPTIONAL_HINTS) and OPTIONAL.search(text):
        draft.optional = True
        for found in OPTIONAL.findall(text):
            if "optional" not in found:
                draft.notes.append(found.strip())
        text = OPTIONAL.sub(" ", text)
    if "for " in text and (for_use := _FOR_USE.search(text)):
        draft.notes.append(for_use.group(0).strip())
        text = text[: for_use.start()]
    text, mixture = combined.split_mixture(text)
    if mixture:
        draft.notes.append(mixture)
    words = _clean_name(text).split()
    if words and words[0] in ("of", "each"):  # "¼ tsp each salt and pepper"
        words = words[1:]
    if words and words[0] in SIZES and units.dimension(draft.unit) == COUNT and len(words) > 1:
        draft.size = draft.size or SIZES[words[0]]
        words = words[1:]
    words = _move_preparation(words, draft)
    if len(words) > 1 and not draft.unit and draft.low is not None and words[-2] not in ("whole", "ground", "fresh"):
        unit = units.UNIT_WORDS.get(words[-1], "")
        if unit == "stalk" and words[-1].startswith("rib") and "celery" not in words:
            unit = ""  # "4 beef short ribs", "2 pork ribs": the ribs are the food, not celery stalks
        if unit in _TRAILING_UNITS:
            draft.unit = unit
            words = words[:-1]
    if not words:
        return ""
    return _alternatives(" ".join(words), draft)


_TRAILING_PLUS = re.compile(r"\s*(?:\+|\bplus\b)\s*(?=[\d.])")


def _trailing_extra(text: str, draft: Draft) -> str:
    """'1/2 cup chocolate chunks + 2 tbsp': the extra at the end is added when the units allow it."""
    if draft.low is None or not mentions(text, _PLUS_HINTS):
        return text
    plus = _TRAILING_PLUS.search(text)
    if not plus:
        return text
    tail = text[plus.end() :].strip()
    dimension = units.dimension(draft.unit)
    extra = units.match_measure(tail, (dimension,)) if dimension in (MASS, VOLUME) else None
    if extra is None or extra.end < len(tail.rstrip(" .")):
        return text
    added = extra.base / units.factor(draft.unit)
    draft.low += added
    if draft.high is not None:
        draft.high += added
    return text[: plus.start()]


def _move_preparation(words: list[str], draft: Draft) -> list[str]:
    """'2 cups cooked brown rice', 'finely chopped parsley', '85g butter melted': prep out of the name."""
    taken = 0
    while taken < len(words) - 1:
        word = words[taken]
        if word in PREP_WORDS:
            taken += 1
        elif word in PREP_ADVERBS and (words[taken + 1] in PREP_WORDS or words[taken + 1] == "ground"):
            taken += 2
        elif word in ("and", "&", "or") and taken and words[taken + 1] in PREP_WORDS:
            taken += 1
        else:
            break
    taken = min(taken, len(words) - 1)
    if taken:
        draft.leading_preparation = " ".join(words[:taken])
        draft.preparation.insert(0, draft.leading_preparation)
        words = words[taken:]
    if len(words) > 1 and words[-1] in PREP_WORDS:
        draft.preparation.append(words[-1])
        words = words[:-1]
    return words


def _alternatives(text: str, draft: Draft) -> str:
    """'olive oil or butter' -> olive oil (+ butter); 'almond or cashew milk' -> almond milk (+ cashew milk)."""
    parts = [_clean_name(part) for part in _OR.split(text)]
    parts = [part for part in parts if part]
    if not parts:
        return ""
    for position, part in enumerate(parts[:-1]):
        if len(part.split()) > 1:
            continue
        # the head noun comes from the next option of several words: "turkey or chicken broth or stock"
        fuller = next((p.split() for p in parts[position + 1 :] if len(p.split()) > 1), None)
        if fuller and (fuller[-1] in _SHARED_HEADS or part in _ADJECTIVES):
            parts[position] = " ".join([part, *fuller[1:]])
    draft.alternatives[:0] = parts[1:]
    return parts[0]


def _clean_name(text: str) -> str:
    text = " ".join(text.split()).strip(_EDGE_JUNK)
    return _CONNECTORS.sub("", text).strip(_EDGE_JUNK)
