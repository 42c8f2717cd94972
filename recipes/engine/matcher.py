"""Match a parsed food name ("boneless skinless chicken thighs") to a food in the table.

Pure Python: the index is built from FoodRecord objects. The curated ingredients (`is_common`)
are tried first, by exact name or alias and then by the longest run of words that names one;
the whole USDA table is the fallback, by word overlap, with a lower confidence. Every answer
carries a confidence in 0..1; below MIN_CONFIDENCE a line is reported as unmatched.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from .checks import (
    LEAN_NAME,
    LEAN_TOLERANCE,
    MADE_OF_CONFIDENCE,
    MIN_CONFIDENCE,
    NO_MATCH,
    Match,
    lean_share,
    names_another_food,
    unless_fresh_for_dried,
    unless_plant_based,
)
from .forms import (
    COOKED_GROUPS,
    COOKED_NAME,
    DRY_KCAL,
    LIGHT_FORMS,
    LIGHT_GROUPS,
    LIGHTER_ENERGY,
    LIGHTER_WORDS,
    MADE_FROM_BASE,
    MADE_OF_HEADS,
    NOT_COOKED_YET,
    PREPARED_DISH,
    PRODUCT_GROUP,
    SAID_COOKED,
    as_row,
    lighter_forms,
    packed_in,
)
from .types import FoodRecord
from .words import DESCRIPTORS, KEEP_WORDS, content_tokens, normalise, singular, tokens

__all__ = ["DESCRIPTORS", "MIN_CONFIDENCE", "FoodIndex", "Match", "content_tokens", "normalise", "singular", "tokens"]


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
        self._lean: dict[str, dict[int, FoodRecord]] = defaultdict(dict)  # "ground beef" -> {90: food, ...}
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
                    if stripped and stripped != key and not names_another_food(key, stripped):
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
        for phrase, food in self._phrases.items():
            named = LEAN_NAME.match(phrase)
            if named:
                self._lean[named.group(2)].setdefault(int(named.group(1)), food)

    def __len__(self) -> int:
        return len(self.foods)

    def get(self, food_id: int) -> FoodRecord | None:
        return self.foods.get(food_id)

    def match(self, food_text: str, preparation: str = "") -> Match:
        key = (food_text, preparation)
        if key not in self._cache:
            self._cache[key] = self._cooked_form(self._match(food_text, preparation), food_text, preparation)
        return self._cache[key]

    def _match(self, food_text: str, preparation: str, *, lean_read: bool = False) -> Match:
        words = tokens(food_text)
        if not words:
            return NO_MATCH
        lean, rest = (None, words) if lean_read else lean_share(words, tokens(preparation))
        if lean is not None and rest:
            return self._leanest(self._match(" ".join(rest), preparation, lean_read=True), lean)
        prep = set(tokens(preparation))
        if "lean" in prep and "lean" not in words:
            found = self._exact(" ".join(["lean", *words]))
            if found:
                return Match(found, 1.0, "lean " + " ".join(words))
        # A preparation that changes the food ("rice, cooked") is tried as part of the name first.
        for state in ("cooked", "dried", "canned", "frozen", "toasted", "roasted", "drained", "shredded", "pulled"):
            if state in prep and state not in words:
                # "cooked, cold jasmine rice": the state before the name, then before its shorter tails
                # (not past a joining word: "tomatoes with green chiles" is not green chiles)
                joined = any(word in _JOINING_WORDS for word in words)
                for start in range(1 if joined else len(words)):
                    phrase = " ".join([state, *words[start:]])
                    found = self._exact(phrase)
                    if found and (state not in _MEAT_STATES or (start == 0 and found.food_group == "meat")):
                        return Match(found, 1.0 if start == 0 else 0.95, phrase)
        # So is the cut: "chicken thighs (bone-in, skin-on)" is "skin-on chicken thigh".
        prep_text = " ".join(tokens(preparation)) if prep else ""
        for cut in ("skin on", "bone in"):
            if cut in prep_text and cut not in " ".join(words):
                plain = [w for w in words if w not in DESCRIPTORS or w in KEEP_WORDS] or words
                found = self._exact(f"{cut} {' '.join(plain)}")
                if found:
                    return Match(found, 1.0, f"{cut} {' '.join(plain)}")
        found = self._exact(" ".join(words))
        if found:
            return Match(found, 1.0, " ".join(words))
        content = [w for w in words if w not in DESCRIPTORS or w in KEEP_WORDS]
        if content and content != words:
            found = self._exact(" ".join(content))
            if found:
                return Match(found, 0.95, " ".join(content))
        packed = packed_in(words)
        if packed:
            # "tuna in spring water", "peaches in juice": the food, not what it is packed in ("tuna in oil",
            # a curated name, is kept)
            whole = self._longest_phrase(words)
            if whole is None or "in" not in whole.matched_on.split():
                return self._match(" ".join(words[:packed]), preparation)
        best = self._longest_phrase(content or words)
        if content and content != words:
            # a describing word may belong to the name: "beef hot dogs" is hot dogs ("hot" is a descriptor)
            whole = self._longest_phrase(words)
            if whole and (best is None or len(whole.matched_on.split()) > len(best.matched_on.split())):
                best = whole
        cooked = bool(prep & _COOKING_WORDS)
        if best:
            return self._checked(best, words, content or words, cooked=cooked)
        return self._usda_fallback(content or words, cooked=cooked)

    def _checked(self, best: Match, words: list[str], fallback_words: list[str], *, cooked: bool) -> Match:
        """The longest-phrase match, unless a check finds another food: the first check that does decides.

        Each check returns the match unchanged, or its own answer: the lighter form's USDA row, or the
        match at a confidence below MIN_CONFIDENCE (reported). For a product or a dried fruit the table
        lacks, a USDA row naming the whole line ("Snacks, banana chips", "Fruit butters, apple") is tried
        before the line is reported.
        """
        checks = (
            (self._lighter_form, False),
            (unless_plant_based, False),
            (self._unless_made_of, True),
            (unless_fresh_for_dried, True),
        )
        for check, usda_instead in checks:
            found = check(best, words)
            if found is best:
                continue
            if usda_instead:
                fallback = self._usda_fallback(fallback_words, cooked=cooked)
                if fallback.confidence >= MIN_CONFIDENCE:
                    return fallback
            return found
        return best

    def _leanest(self, found: Match, lean: int) -> Match:
        """The row of the found meat with the lean share nearest the line's ("90/10 beef mince": 90 % lean)."""
        if found.food is None:
            return found
        name = normalise(found.food.name)
        rows = self._lean.get(name) or self._lean.get(name.removeprefix("extra ").removeprefix("lean "))
        if not rows:
            return found
        nearest = min(rows, key=lambda share: (abs(share - lean), -share))
        if abs(nearest - lean) > LEAN_TOLERANCE:
            return found
        return Match(rows[nearest], found.confidence, f"{nearest} lean {found.matched_on}")

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

    def _unless_made_of(self, found: Match, words: list[str]) -> Match:
        """A product made of another food ("coconut flour", "chocolate milk", "lemon curd") the table lacks.

        When only a flour, milk or butter is found and another word names a non-dairy food, or only the
        other food is found and the product's noun is left over ("lemon curd", "mango sorbet", "peach
        schnapps"), the line is reported rather than counted as wheat flour, cow's milk or a raw fruit.
        "full cream milk" (a dairy word) stays milk; "fig jam" is jam.
        """
        head = words[-1]
        if found.food is None or head not in MADE_OF_HEADS or found.confidence < MIN_CONFIDENCE:
            return found
        matched = found.matched_on.split()
        if head in matched:
            if matched != [head] or head not in MADE_FROM_BASE:
                return found
            others = [self._exact(word) for word in words[:-1] if word not in DESCRIPTORS]
            if not any(other is not None and not other.food_group.startswith("dairy") for other in others):
                return found
        elif head.removesuffix("s") in (word.removesuffix("s") for word in tokens(found.food.name)):
            return found  # the food is that product ("oreo" is the row "chocolate sandwich cookies")
        elif found.food.food_group == PRODUCT_GROUP.get(head):
            return found  # a product of that kind already ("ginger snap cookies" are gingersnaps)
        return Match(found.food, min(found.confidence, MADE_OF_CONFIDENCE), found.matched_on)

    def _lighter_form(self, found: Match, words: list[str]) -> Match:
        """ "light butter", "fat-free half and half", "sugar-free syrup": the USDA row of the lighter form.

        When the line names a lighter form the curated row found is not, a USDA row with the food's head
        noun and the form's words ("Butter, light, stick", "Cream, half and half, fat free", "Syrups, table
        blends, pancake, reduced-calorie") is taken if it has less energy; else the food found stands.
        """
        phrase, forms = lighter_forms(words)
        if not forms or found.food is None or found.confidence < MIN_CONFIDENCE:
            return found
        matched = found.matched_on.split()
        if set(matched) <= set(phrase):
            # "sugar" of "sugar-free syrup" names no food of the line: the rest of the line is matched
            rest = [word for word in words if word not in phrase]
            if not rest:
                return found
            found = self._match(" ".join(rest), "")
            if not found.matched or found.food is None or not found.food.is_common:
                whole = self._usda_fallback(words)  # "Syrups, sugar free" names the whole line
                return whole if whole.confidence >= found.confidence else found
            matched = found.matched_on.split()
        food = found.food
        if LIGHTER_WORDS.intersection(matched) or not food.energy_kcal:
            return found  # the curated row is the lighter form ("light sour cream", "skim milk")
        if phrase in LIGHT_FORMS and food.food_group not in LIGHT_GROUPS:
            return found
        food_words = set(matched) - _JOINING_WORDS

        def lighter(food_id: int) -> bool:
            row = self.foods[food_id]
            if row.energy_kcal is None or row.energy_kcal >= food.energy_kcal * LIGHTER_ENERGY:
                return False
            # "Beverages, chocolate malt powder, ... fat free milk" is no nonfat dry milk
            return row.food_group == food.food_group or bool(self._usda_head[food_id] & food_words)

        candidates = []
        for form in forms:
            ids = set(self._usda_by_token.get(matched[-1], ()))
            for word in form:
                ids &= set(self._usda_by_token.get(word, ()))
            candidates.append(self._closest_row(ids, food_words, form, keep=lighter))
        best = max((found for found in candidates if found), default=None)
        if best is None:
            return found
        row = self.foods[best[1]]
        return Match(as_row(food, row), found.confidence, row.name)

    def _closest_row(self, ids: Iterable[int], food_words: set[str], form: frozenset[str] = frozenset(), *, keep):
        """(key, id) of the unbranded USDA row among `ids` that `keep` accepts, sharing all but one of the
        food's words ("Gelatin desserts, dry mix, reduced calorie" is not a pudding mix) and adding the
        fewest others besides the form's; None if there is none."""
        best = None
        for food_id in ids:
            if food_id in self._usda_branded or not keep(food_id):
                continue
            plain = self._usda_tokens[food_id] - _USDA_STATE_WORDS
            shared = len(plain & food_words)
            if shared < max(1, len(food_words) - 1):
                continue
            key = (shared, -len(plain - food_words - form), -food_id)
            if best is None or key > best[0]:
                best = (key, food_id)
        return best

    def _cooked_form(self, found: Match, food_text: str, preparation: str) -> Match:
        """ "1 cup cooked millet", "1 cup cooked spinach": USDA's cooked row when the table has no cooked food.

        A curated grain or legume found in its dry form (250 kcal/100 g or more) or a curated vegetable,
        on a line that says it was measured cooked, takes the USDA row with its head noun and "cooked" or
        "boiled" (SR28 20032 "Millet, cooked", 11458 "Spinach, cooked, boiled, drained"): cooked millet is a
        third of dry millet's energy, and a cup of cooked spinach weighs six cups of raw.
        """
        food = found.food
        if food is None or not found.matched or not food.is_common or food.food_group not in COOKED_GROUPS:
            return found
        # "steamed broccoli" in the name; in the preparation only "cooked", which "1 lb potatoes, boiled" is not
        # (the analysis has turned "1 cup millet, cooked", cooked after measuring, into dried millet)
        said = set(tokens(food_text)) | ({"cooked", "precooked", "mashed"} & set(tokens(preparation)))
        if not said & SAID_COOKED or said & NOT_COOKED_YET:
            return found
        matched = found.matched_on.split()
        if COOKED_NAME.intersection(matched) or COOKED_NAME.intersection(tokens(food.name)):
            return found  # a cooked row of its own ("cooked quinoa", "canned chickpeas")
        if food.food_group != "vegetables" and (food.energy_kcal or 0) < DRY_KCAL:
            return found  # cooked or canned already
        head = matched[-1]
        for phrase in (f"cooked {found.matched_on}", f"cooked {head}"):
            cooked = self._exact(phrase)  # "microwave basmati rice": the curated cooked rice
            if cooked is not None:
                return Match(cooked, found.confidence, phrase)

        def cooked_row(food_id: int) -> bool:
            name_words, row = self._usda_tokens[food_id], self.foods[food_id]
            return (
                row.food_group == food.food_group  # "Amaranth leaves, cooked" is not the grain
                and bool(name_words & COOKED_NAME)
                and not name_words & PREPARED_DISH
                and "skin" not in (part.strip().lower() for part in row.name.split(","))  # potato skins only
            )

        best = self._closest_row(self._usda_by_token.get(head, ()), set(matched) - _JOINING_WORDS, keep=cooked_row)
        if best is None:
            return found
        row = self.foods[best[1]]
        # prebiotic fibres per 100 g are diluted by the water taken up, as energy is
        dilution = (row.energy_kcal or 0) / food.energy_kcal if food.energy_kcal and row.energy_kcal else 1.0
        return Match(as_row(food, row, gut_scale=min(dilution, 1.0)), found.confidence, row.name)

    def _usda_fallback(self, words: list[str], *, cooked: bool = False) -> Match:
        """Best USDA food by word overlap: the line's words found, the name's words used, its head noun.

        USDA names put the food first ("Onions, raw"); branded names (upper-case maker names) and
        long composite names lose to a plain food that covers the same words.
        """
        wanted = set(words)
        cooked_line = cooked or bool(wanted & _COOKING_WORDS)
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
            if not cooked_line and self._usda_tokens[food_id] & _COOKING_WORDS:
                score *= 0.9  # "1 lb ground bison" is raw: "Bison, ground, raw" before "..., cooked"
            if score > best_score:
                best_id, best_score = food_id, score
        if best_id is None:
            return NO_MATCH
        confidence = round(max(0.0, min(0.75, 0.75 * best_score)), 3)
        return Match(self.foods[best_id], confidence, self.foods[best_id].name)


_JOINING_WORDS = frozenset({"with", "and", "in", "or", "&", "of"})
# Meat "shredded" or "pulled" has been cooked ("2 cups shredded pork" is pulled pork); cheese, lettuce and
# cabbage are shredded raw, so these states only ever name a meat row.
_MEAT_STATES = frozenset({"shredded", "pulled"})
# USDA names a cooked row by its method: a line that names none is of the raw food.
_COOKING_WORDS = frozenset(
    {"cooked", "roasted", "braised", "fried", "grilled", "broiled", "boiled", "stewed", "baked", "simmered", "steamed"}
)

# Words in USDA names that state a form, not a food ("Onions, raw").
_USDA_STATE_WORDS = frozenset({"raw", "fresh", "boiled", "cooked", "without", "with", "salt", "and", "of", "ns", "nfs"})
_BRAND = re.compile(r"\b[A-Z][A-Z'&.]{2,}\b")
