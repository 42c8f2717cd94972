"""What every reader produces: a plain ImportedRecipe, or a RecipeImportError a person can act on.

No Django here, so the readers can be tested (and fuzzed) without a database.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from recipes.vocab import MEAL_TYPES


class RecipeImportError(ValueError):
    """The text holds no recipe we can read (bad JSON, no Recipe, no ingredients)."""


@dataclass
class ImportedRecipe:
    """One recipe as read from a page or JSON-LD, before matching. Minutes are None when unknown."""

    title: str
    ingredients: list[str]
    instructions: list[str] = field(default_factory=list)
    yields_text: str = ""
    servings: int | None = None  # only when the source states a bare number next to a yield text
    description: str = ""
    prep_minutes: int | None = None
    cook_minutes: int | None = None
    total_minutes: int | None = None
    meal_types: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    url: str = ""
    image_url: str = ""
    slug: str = ""


# recipeCategory words -> our meal types. Categories we cannot place become tags instead.
CATEGORY_MEAL_TYPES = {
    "breakfast": "breakfast",
    "brunch": "breakfast",
    "lunch": "lunch",
    "soup": "lunch",
    "soups": "lunch",
    "salad": "lunch",
    "salads": "lunch",
    "sandwich": "lunch",
    "sandwiches": "lunch",
    "light meal": "lunch",
    "dinner": "dinner",
    "supper": "dinner",
    "main": "dinner",
    "mains": "dinner",
    "main course": "dinner",
    "main courses": "dinner",
    "main dish": "dinner",
    "main dishes": "dinner",
    "entree": "dinner",
    "entrée": "dinner",
    "snack": "snack",
    "snacks": "snack",
    "appetizer": "snack",
    "appetizers": "snack",
    "appetiser": "snack",
    "appetisers": "snack",
    "starter": "snack",
    "starters": "snack",
    "dessert": "snack",
    "desserts": "snack",
    "baking": "snack",
}
for _meal in MEAL_TYPES:
    CATEGORY_MEAL_TYPES.setdefault(_meal, _meal)

MAX_TITLE = 200
MAX_YIELDS = 120
MAX_TAG = 40
MAX_TAGS_CHARS = 390  # WordSetField stores ",a,b," in 400 characters
MAX_MINUTES = 60 * 24 * 7

_TAG_RE = re.compile(r"<[^>]{0,2000}>")
_SPACE_RE = re.compile(r"\s+")
_ISO_DURATION = re.compile(
    r"^P(?:(?P<days>\d+(?:[.,]\d+)?)D)?"
    r"(?:T(?:(?P<hours>\d+(?:[.,]\d+)?)H)?(?:(?P<minutes>\d+(?:[.,]\d+)?)M)?(?:(?P<seconds>\d+(?:[.,]\d+)?)S)?)?$",
    re.IGNORECASE,
)
_PLAIN_MINUTES = re.compile(r"^(\d{1,5})\s*(?:m|min|mins|minutes?)?$", re.IGNORECASE)
_HOURS_MINUTES = re.compile(
    r"^(?:(\d{1,3})\s*(?:h|hrs?|hours?))?\s*(?:(\d{1,4})\s*(?:m|min|mins|minutes?))?$", re.IGNORECASE
)


def clean_text(value, *, multiline: bool = False) -> str:
    """Text from a page: HTML tags dropped, entities decoded, whitespace collapsed."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, (int, float)):
        value = f"{value:g}"
    if not isinstance(value, str):
        return ""
    text = html.unescape(_TAG_RE.sub(" ", value))
    if multiline:
        lines = (_SPACE_RE.sub(" ", line).strip() for line in text.splitlines())
        return "\n".join(line for line in lines if line)
    return _SPACE_RE.sub(" ", text).strip()


def duration_minutes(value) -> int | None:
    """Minutes from an ISO-8601 duration ("PT1H30M"), a number, or "1 hr 20 mins"; None when unreadable."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        minutes = value
    elif isinstance(value, str):
        text = value.strip()
        found = _ISO_DURATION.match(text)
        if found and text.upper() not in ("P", "PT") and not text.upper().endswith("T"):
            parts = {k: float(v.replace(",", ".")) if v else 0.0 for k, v in found.groupdict().items()}
            minutes = parts["days"] * 1440 + parts["hours"] * 60 + parts["minutes"] + parts["seconds"] / 60
        elif plain := _PLAIN_MINUTES.match(text):
            minutes = int(plain.group(1))
        elif (both := _HOURS_MINUTES.match(text)) and (both.group(1) or both.group(2)):
            minutes = int(both.group(1) or 0) * 60 + int(both.group(2) or 0)
        else:
            return None
    else:
        return None
    if minutes != minutes or minutes < 0 or minutes > MAX_MINUTES:  # NaN, negative, more than a week
        return None
    return round(minutes)


def split_words(value) -> list[str]:
    """Keywords or categories given as "a, b" or ["a", "b"]."""
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, list):
        items = [part for item in value if isinstance(item, str) for part in item.split(",")]
    else:
        return []
    return [word for word in (clean_text(item).lower() for item in items) if word]


def meal_types_and_tags(categories: list[str], keywords: list[str]) -> tuple[list[str], list[str]]:
    """Our meal types from the categories; the categories we cannot place and the keywords become tags."""
    meal_types, tags = [], []
    for word in categories:
        meal = CATEGORY_MEAL_TYPES.get(word)
        if meal:
            meal_types.append(meal)
        else:
            tags.append(word)
    tags.extend(keywords)
    return sorted(set(meal_types)), fit_tags(tags)


def fit_tags(words: list[str]) -> list[str]:
    """Short, comma-free tags, as many as the column holds, in the order given."""
    kept: list[str] = []
    used = 1
    for word in words:
        word = word.replace(",", " ").strip().lower()
        if not word or len(word) > MAX_TAG or word in kept:
            continue
        if used + len(word) + 1 > MAX_TAGS_CHARS:
            break
        kept.append(word)
        used += len(word) + 1
    return sorted(kept)


def is_web_url(value) -> bool:
    return (
        isinstance(value, str) and value.startswith(("http://", "https://")) and len(value) <= 500 and " " not in value
    )
