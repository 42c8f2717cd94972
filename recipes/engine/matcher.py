"""Match a parsed food name ("boneless skinless chicken thighs") to a food in the table.

Pure Python: the index is built from FoodRecord objects. The curated ingredients (`is_common`)
are tried first, by exact name or alias and then by the longest run of words that names one;
the whole USDA table is the fallback, by word overlap, with a lower confidence. Every answer
carries a confidence in 0..1; below MIN_CONFIDENCE a line is reported as unmatched.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .types import FoodRecord

MIN_CONFIDENCE = 0.5

# Words that describe a food without changing what it is, dropped before matching.
DESCRIPTORS = frozenset(
    [
        "fresh",
        "freshly",
        "organic",
        "ripe",
        "large",
        "small",
        "medium",
        "big",
        "extra",
        "jumbo",
        "whole",
        "good",
        "quality",
        "best",
        "chopped",
        "diced",
        "sliced",
        "minced",
        "grated",
        "shredded",
        "crushed",
        "peeled",
        "seeded",
        "cored",
        "trimmed",
        "halved",
        "quartered",
        "cubed",
        "julienned",
        "torn",
        "rinsed",
        "drained",
        "packed",
        "loosely",
        "firmly",
        "lightly",
        "heaping",
        "level",
        "scant",
        "generous",
        "finely",
        "roughly",
        "coarsely",
        "thinly",
        "thickly",
        "very",
        "about",
        "approximately",
        "plus",
        "more",
        "needed",
        "taste",
        "optional",
        "room",
        "temperature",
        "cold",
        "warm",
        "hot",
        "chilled",
        "softened",
        "melted",
        "beaten",
        "divided",
        "separated",
        "sifted",
        "boneless",
        "skinless",
        "bone",
        "skin",
        "skinned",
        "pitted",
        "stemmed",
        "hulled",
        "store",
        "bought",
        "storebought",
        "homemade",
        "prepared",
        "plain",
        "pure",
        "natural",
        "raw",
        "of",
        "the",
        "a",
        "an",
        "and",
        "or",
        "for",
        "to",
        "into",
        "in",
        "with",
        "your",
        "favorite",
        "favourite",
        "such",
        "as",
    ]
)

# Words that do change the food: kept even though they look like descriptors.
_KEEP = frozenset({"dried", "dry", "cooked", "canned", "frozen", "smoked", "ground", "powder", "powdered"})

_IRREGULAR_PLURALS = {
    "leaves": "leaf",
    "loaves": "loaf",
    "halves": "half",
    "knives": "knife",
    "potatoes": "potato",
    "tomatoes": "tomato",
    "mangoes": "mango",
    "avocadoes": "avocado",
    "radishes": "radish",
    "peaches": "peach",
    "anchovies": "anchovy",
    "chives": "chive",
    "olives": "olive",
    "cloves": "clove",
    "dates": "date",
    "grapes": "grape",
    "limes": "lime",
    "apples": "apple",
    "oranges": "orange",
    "courgettes": "courgette",
    "aubergines": "aubergine",
    "prunes": "prune",
    "chillies": "chilli",
    "chilis": "chili",
    "chillis": "chilli",
    "chilies": "chili",
    "shallots": "shallot",
    "noodles": "noodle",
    "sprouts": "sprout",
    "molasses": "molasses",
    "hummus": "hummus",
    "asparagus": "asparagus",
    "couscous": "couscous",
    "swiss": "swiss",
    "brussels": "brussels",
    "lentils": "lentil",
    "oats": "oat",
    "greens": "green",
    "citrus": "citrus",
    "octopus": "octopus",
    "hibiscus": "hibiscus",
    "cactus": "cactus",
    "bass": "bass",
    "grass": "grass",
    "watercress": "watercress",
    "cress": "cress",
    "chips": "chip",
    "flakes": "flake",
    "seeds": "seed",
    "nibs": "nib",
    "peas": "pea",
    "beans": "bean",
    "chickpeas": "chickpea",
    "berries": "berry",
    "cherries": "cherry",
    "juices": "juice",
    "sauces": "sauce",
    "spices": "spice",
    "pieces": "piece",
    "slices": "slice",
    "dishes": "dish",
    "fries": "fry",
    "cookies": "cookie",
    "series": "series",
    "species": "species",
}
_NO_SINGULAR = frozenset({"hummus", "asparagus", "couscous", "molasses", "swiss", "brussels", "citrus", "lemongrass"})


def singular(word: str) -> str:
    """English singular of one lowercase word, good enough for food names."""
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word in _NO_SINGULAR or len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "zes", "sses")):
        return word[:-2]
    if word.endswith("oes"):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


_NON_WORD = re.compile(r"[^a-z0-9]+")


def tokens(text: str) -> list[str]:
    """Lowercase, accent-free, singular words."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " and ").replace("'s ", " ").replace("-", " ")
    return [singular(word) for word in _NON_WORD.split(text) if word]


def normalise(text: str) -> str:
    return " ".join(tokens(text))


def content_tokens(text: str) -> list[str]:
    return [t for t in tokens(text) if t not in DESCRIPTORS or t in _KEEP]


@dataclass(frozen=True)
class Match:
    food: FoodRecord | None
    confidence: float
    matched_on: str = ""  # the name or alias that matched

    @property
    def matched(self) -> bool:
        return self.food is not None and self.confidence >= MIN_CONFIDENCE


NO_MATCH = Match(None, 0.0)


class FoodIndex:
    """Looks up foods by name; build once per food-table version and reuse."""

    def __init__(self, foods: Iterable[FoodRecord]):
        self.foods: dict[int, FoodRecord] = {}
        self._phrases: dict[str, FoodRecord] = {}  # normalised curated name/alias -> food
        self._max_phrase_words = 1
        self._usda_by_token: dict[str, list[int]] = defaultdict(list)
        self._usda_tokens: dict[int, frozenset[str]] = {}
        self._usda_head: dict[int, frozenset[str]] = {}
        self._usda_branded: set[int] = set()
        self._cache: dict[tuple[str, str], Match] = {}
        stripped_forms: list[tuple[str, FoodRecord]] = []
        for food in foods:
            self.foods[food.id] = food
            if food.is_common:
                for phrase in (food.name, *food.aliases):
                    key = normalise(phrase)
                    if key and key not in self._phrases:
                        self._phrases[key] = food
                        self._max_phrase_words = max(self._max_phrase_words, len(key.split()))
                    # "chicken thighs, boneless" style names also match without their descriptors,
                    # but an exact name or alias of another food always wins ("fresh oregano" must
                    # not claim "oregano"), whatever order the foods come in.
                    stripped = " ".join(content_tokens(phrase))
                    if stripped and stripped != key:
                        stripped_forms.append((stripped, food))
            else:
                words = frozenset(content_tokens(food.name))
                self._usda_tokens[food.id] = words
                self._usda_head[food.id] = frozenset(content_tokens(food.name.split(",")[0])) or words
                if _BRAND.search(food.name):
                    self._usda_branded.add(food.id)
                for word in words:
                    self._usda_by_token[word].append(food.id)
        for stripped, food in stripped_forms:
            self._phrases.setdefault(stripped, food)

    def __len__(self) -> int:
        return len(self.foods)

    def get(self, food_id: int) -> FoodRecord | None:
        return self.foods.get(food_id)

    def match(self, food_text: str, preparation: str = "") -> Match:
        key = (food_text, preparation)
        if key not in self._cache:
            self._cache[key] = self._match(food_text, preparation)
        return self._cache[key]

    def _match(self, food_text: str, preparation: str) -> Match:
        words = tokens(food_text)
        if not words:
            return NO_MATCH
        prep = set(tokens(preparation))
        # A preparation that changes the food ("rice, cooked") is tried as part of the name first.
        for state in ("cooked", "dried", "canned", "frozen", "toasted", "roasted"):
            if state in prep and state not in words:
                found = self._exact(" ".join([state, *words]))
                if found:
                    return Match(found, 1.0, state + " " + " ".join(words))
        # So is the cut: "chicken thighs (bone-in, skin-on)" is "skin-on chicken thigh".
        prep_text = " ".join(tokens(preparation)) if prep else ""
        for cut in ("skin on", "bone in"):
            if cut in prep_text and cut not in " ".join(words):
                plain = [w for w in words if w not in DESCRIPTORS or w in _KEEP] or words
                found = self._exact(f"{cut} {' '.join(plain)}")
                if found:
                    return Match(found, 1.0, f"{cut} {' '.join(plain)}")
        found = self._exact(" ".join(words))
        if found:
            return Match(found, 1.0, " ".join(words))
        content = [w for w in words if w not in DESCRIPTORS or w in _KEEP]
        if content and content != words:
            found = self._exact(" ".join(content))
            if found:
                return Match(found, 0.95, " ".join(content))
        best = self._longest_phrase(content or words)
        if best:
            return best
        return self._usda_fallback(content or words)

    def _exact(self, phrase: str) -> FoodRecord | None:
        return self._phrases.get(phrase)

    def _longest_phrase(self, words: list[str]) -> Match | None:
        """The longest run of words naming a curated food; ties go to the run nearest the end.

        In English the head noun comes last ("chicken stock" is stock, "lemon juice" is juice), so
        among equally long names the later one wins.
        """
        n = len(words)
        for size in range(min(n, self._max_phrase_words), 0, -1):
            for start in range(n - size, -1, -1):
                phrase = " ".join(words[start : start + size])
                food = self._phrases.get(phrase)
                if food is None:
                    continue
                covered = size / n
                # A single generic word in a long name ("salt" in "garlic salt") is weak.
                confidence = 0.55 + 0.4 * covered
                if start + size == n:
                    confidence += 0.05  # the head noun matched
                return Match(food, round(min(confidence, 0.95), 3), phrase)
        return None

    def _usda_fallback(self, words: list[str]) -> Match:
        """Best USDA food by word overlap: the line's words found, the name's words used, its head noun.

        USDA names put the food first ("Onions, raw"); branded names (upper-case maker names) and
        long composite names lose to a plain food that covers the same words.
        """
        wanted = set(words)
        scores: dict[int, int] = defaultdict(int)
        for word in wanted:
            for food_id in self._usda_by_token.get(word, ()):
                scores[food_id] += 1
        best_id, best_score = None, 0.0
        for food_id, hits in sorted(scores.items()):
            name_words = self._usda_tokens[food_id] - _USDA_STATE_WORDS
            recall = hits / len(wanted)
            precision = hits / max(len(name_words), 1)
            score = recall * precision**0.5
            if self._usda_head[food_id] <= wanted:
                score *= 1.25
            if food_id in self._usda_branded:
                score *= 0.6
            if score > best_score:
                best_id, best_score = food_id, score
        if best_id is None:
            return NO_MATCH
        confidence = round(max(0.0, min(0.75, 0.75 * best_score)), 3)
        return Match(self.foods[best_id], confidence, self.foods[best_id].name)


# Words in USDA names that state a form, not a food ("Onions, raw").
_USDA_STATE_WORDS = frozenset({"raw", "fresh", "boiled", "cooked", "without", "with", "salt", "and", "of", "ns", "nfs"})
_BRAND = re.compile(r"\b[A-Z][A-Z'&.]{2,}\b")
