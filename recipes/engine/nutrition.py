"""From ingredient lines to per-serving nutrition: parse, match, weigh, sum, divide.

Pure Python. `analyse_recipe` is the one entry point used by the recipe service, the
`analyze_recipes` command, the API's analyze endpoint and the benchmarks. Whether a fermented
food's live cultures count is decided in recipes/engine/cultures.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from .cultures import HEAT_WORDS, LIVE_SERVING_G_VEGETABLE, is_baked, is_uncooked, live_serving_grams
from .fodmap import fodmap_summary
from .matcher import FoodIndex, Match, tokens
from .parser import parse_line
from .portions import line_grams
from .types import NUTRIENTS_PER_100G, PER_SERVING_NUTRIENTS, FoodRecord, ParsedLine, ServingNutrition
from .variations import VARIATION_NOTE, variation_start


@dataclass(frozen=True)
class LineResult:
    raw: str
    parsed: ParsedLine
    food: FoodRecord | None
    confidence: float
    grams: float | None
    status: str  # "matched" | "unmatched" | "ignored"
    note: str = ""
    live: bool = False  # a live-culture food eaten uncooked
    chosen: bool = False  # the food was chosen by hand, not matched

    def as_dict(self) -> dict:
        return {
            "text": self.raw,
            "quantity": self.parsed.amount,
            "unit": self.parsed.unit,
            "grams": None if self.grams is None else round(self.grams, 1),
            "food_id": self.food.id if self.food else None,
            "food": self.food.name if self.food else None,
            "food_chosen": self.chosen,
            "confidence": round(self.confidence, 3),
            "status": self.status,
            "preparation": self.parsed.preparation,
            "optional": self.parsed.optional,
            "note": self.note,
        }


@dataclass(frozen=True)
class RecipeAnalysis:
    servings: int
    lines: tuple[LineResult, ...]
    per_serving: ServingNutrition
    allergens: tuple[str, ...]
    diets: tuple[str, ...]
    fodmap_level: str
    fodmap_triggers: tuple[dict, ...]
    matched_share: float
    unmatched: tuple[str, ...] = field(default=())

    def per_serving_dict(self) -> dict:
        n = self.per_serving
        values = {name: round(getattr(n, name), 2) for name in PER_SERVING_NUTRIENTS}  # plants: halves, exact
        values["cooked_ferment_servings"] = round(n.cooked_ferment_servings, 2)
        values["whole_grain_g"] = round(n.whole_grain_g, 1)
        values["refined_grain_g"] = round(n.refined_grain_g, 1)
        values["legumes_g"] = round(n.legumes_g, 1)
        values["processed_meat_g"] = round(n.processed_meat_g, 1)
        values["ultra_processed_share"] = round(n.ultra_processed_share, 3)
        values["emulsifier_foods"] = list(n.emulsifier_foods)
        values["alcohol_uncooked"] = n.alcohol_uncooked
        return values


def serving_from_dict(values: dict, plant_species: Iterable[str] = ()) -> ServingNutrition:
    """Rebuild ServingNutrition from a stored per_serving_dict (unknown keys ignored, missing ones zero)."""
    known = ServingNutrition.__dataclass_fields__
    kwargs = {k: v for k, v in values.items() if k in known and k not in ("plant_species", "emulsifier_foods")}
    kwargs["emulsifier_foods"] = tuple(values.get("emulsifier_foods") or ())
    kwargs["plant_species"] = frozenset(plant_species)
    return ServingNutrition(**kwargs)


def analyse_recipe(
    lines: Sequence[str],
    *,
    servings: int,
    index: FoodIndex,
    instructions: str = "",
    chosen_foods: Mapping[int, FoodRecord] | None = None,
) -> RecipeAnalysis:
    """Parse, match and weigh every line; sum per serving. Writes nothing anywhere.

    `chosen_foods` maps a line's position to the food an editor chose for it: that line is not
    matched but weighed as that food, with confidence 1.
    """
    servings = max(int(servings or 1), 1)
    chosen_foods = chosen_foods or {}
    parsed_lines = [parse_line(text) for text in lines]
    variations_from = variation_start(parsed_lines)
    baked = is_baked(lines)

    results: list[LineResult] = []
    for position, (raw, parsed) in enumerate(zip(lines, parsed_lines, strict=True)):
        chosen = chosen_foods.get(position)
        if chosen is not None:
            results.append(_weigh(raw, parsed, chosen, 1.0, instructions=instructions, baked=baked, chosen=True))
            continue
        if parsed.kind in ("heading", "blank", "equipment"):
            results.append(LineResult(raw, parsed, None, 0.0, None, "ignored", parsed.note or parsed.kind))
            continue
        if variations_from is not None and position >= variations_from:
            # "Energy bites (8 ways)": one version is eaten, not all of them; see variations.py
            results.append(LineResult(raw, parsed, None, 0.0, None, "ignored", VARIATION_NOTE))
            continue
        if parsed.kind == "reference":
            linked = _linked_food(parsed, index)
            if linked is not None:
                # "8 flour tortillas (see recipe)": a plain food the source links a homemade version of
                result = _weigh(raw, parsed, linked.food, linked.confidence, instructions=instructions, baked=baked)
                note = f"links a homemade version: counted as {linked.food.name}"
                results.append(replace(result, note="; ".join(part for part in (note, result.note) if part)))
                continue
            note = parsed.note or "refers to another recipe: not counted"
            results.append(LineResult(raw, parsed, None, 0.0, None, "unmatched", note))
            continue
        match = _match_line(parsed, index)
        if not match.matched:
            results.append(LineResult(raw, parsed, None, match.confidence, None, "unmatched", "no food matched"))
            continue
        assert match.food is not None
        result = _weigh(raw, parsed, match.food, match.confidence, instructions=instructions, baked=baked)
        results.append(_with_also(result, index) if parsed.also else result)
    return _summarise(results, servings)


def _match_line(parsed: ParsedLine, index: FoodIndex) -> Match:
    """The food of a parsed line, with what its preparation says about the form it was measured in."""
    preparation = parsed.preparation
    if parsed.cooked_after and parsed.unit not in _SLICES:
        # "1 lb pasta, cooked", "8 oz udon (cooked according to package)": weighed dry, so a dried form first.
        # Slices are counted, not weighed: "6 slices bacon, cooked and crumbled" are six cooked slices.
        preparation = ("dried " + _COOKED.sub("", preparation)).strip(" ,")
    if parsed.unit == "can" and "canned" not in preparation:
        preparation = f"canned {preparation}".strip()  # "1 (28 oz) can diced tomatoes": the canned food
    match = index.match(parsed.food, preparation)
    for alternative in parsed.alternatives if not match.matched else ():
        # "1 cup masa or cornmeal": the first food we know is the one we count
        match = index.match(alternative, preparation)
        if match.matched:
            break
    if not match.matched and parsed.note and _NAMES_A_FOOD.fullmatch(parsed.note):
        # "1 tbsp patis (fish sauce)", "3 aloo (potatoes)": a name we lack, glossed by one we know
        glossed = index.match(parsed.note, preparation)
        if glossed.matched and glossed.confidence >= GLOSS_CONFIDENCE:
            return glossed
    return match


GLOSS_CONFIDENCE = 0.9  # the gloss must name a food outright (a name or alias), not by a part of it
_NAMES_A_FOOD = re.compile(r"[a-z][a-z' -]{1,40}", re.IGNORECASE)


def _with_also(result: LineResult, index: FoodIndex) -> LineResult:
    """ "2 eggs plus 1 egg yolk": the second amount weighed as its own food, added as the line's food.

    The line keeps one food, so the total weight is right and its make-up is the first food's, as for
    "½ tsp each salt and pepper" (see combined.py).
    """
    if result.grams is None or result.food is None:
        return result
    extra = parse_line(result.parsed.also)
    if extra.optional or extra.amount is None:
        return result
    match = _match_line(extra, index)
    food = match.food if match.matched and match.food is not None else result.food
    grams, _ = line_grams(extra, food)
    if not grams:
        return result
    note = f"plus {result.parsed.also}: {grams:.0f} g, counted as {result.food.name}"
    return replace(result, grams=result.grams + grams, note="; ".join(part for part in (result.note, note) if part))


LINKED_FOOD_CONFIDENCE = 0.9
_COOKED = re.compile(r"\bcooked\b")
_SLICES = frozenset({"slice", "strip"})


def _linked_food(parsed: ParsedLine, index: FoodIndex):
    """The food of a line that links a recipe for it, when it names one plainly and gives an amount.

    "1 recipe pie crust" and "tangzhong from above" stay references: a batch of another recipe, or no
    amount. Only a curated food matched with high confidence counts ("8 8-inch flour tortillas (see recipe)").
    """
    if parsed.unit in ("recipe", "batch") or parsed.amount is None or not parsed.food:
        return None
    match = index.match(parsed.food, parsed.preparation)
    if not match.matched or match.food is None or not match.food.is_common:
        return None
    return match if match.confidence >= LINKED_FOOD_CONFIDENCE else None


def _weigh(
    raw: str,
    parsed: ParsedLine,
    food: FoodRecord,
    confidence: float,
    *,
    instructions: str,
    baked: bool,
    chosen: bool = False,
) -> LineResult:
    """The line as `food`: its grams, or why they are unknown."""
    grams, note = line_grams(parsed, food)
    status, live = "matched", False
    if grams is None:
        if parsed.optional or parsed.amount is None:
            grams, note = 0.0, "no amount"  # "salt, to taste": counted for allergens and diets only
        else:
            status = "unmatched"
    else:
        live = food.live_cultures and is_uncooked(parsed, food, instructions=instructions, baked=baked)
    if chosen:
        note = "; ".join(part for part in ("food chosen by hand", note) if part)
    return LineResult(raw, parsed, food, confidence, grams, status, note, live, chosen)


def _summarise(results: list[LineResult], servings: int) -> RecipeAnalysis:
    totals = dict.fromkeys(NUTRIENTS_PER_100G, 0.0)
    free_sugars = live = cooked_ferment = 0.0
    whole_grain = refined_grain = legumes = processed_meat = 0.0
    upf_grams = total_grams = 0.0
    alcohol_uncooked = False
    emulsifiers: list[str] = []
    species: dict[str, float] = {}
    allergens: set[str] = set()
    flags = {"meat": False, "fish": False, "dairy": False, "egg": False, "animal": False}
    fodmap_items: list[tuple[FoodRecord, float]] = []

    for line in results:
        food = line.food
        if food is None or line.status != "matched":
            continue
        allergens.update(food.allergens)
        flags["meat"] |= food.contains_meat
        flags["fish"] |= food.contains_fish
        flags["dairy"] |= food.contains_dairy
        flags["egg"] |= food.contains_egg
        flags["animal"] |= food.animal_product
        grams = line.grams or 0.0
        if food.plant_species:
            weight = 0.5 if food.is_herb_or_spice else 1.0
            species[food.plant_species] = max(species.get(food.plant_species, 0.0), weight)
        if grams <= 0:
            continue
        factor = grams / 100.0
        for name in NUTRIENTS_PER_100G:
            value = getattr(food, name)
            if value is not None:
                totals[name] += value * factor
        total_grams += grams
        if food.free_sugar and food.sugars_g:
            free_sugars += food.sugars_g * factor
        if food.live_cultures:
            servings_of_food = grams / live_serving_grams(food)
            if line.live:
                live += servings_of_food
            else:
                cooked_ferment += servings_of_food
        elif food.fermented:
            cooked_ferment += grams / LIVE_SERVING_G_VEGETABLE
        if food.grain == "whole":
            whole_grain += grams
        elif food.grain == "refined":
            refined_grain += grams
        if food.food_group == "legumes":
            legumes += grams
        if food.processed_meat:
            processed_meat += grams
        if food.ultra_processed:
            upf_grams += grams
        if food.emulsifier:
            emulsifiers.append(food.name)
        if food.alcohol and not (set(tokens(line.parsed.preparation)) & HEAT_WORDS):
            alcohol_uncooked = alcohol_uncooked or not _any_heat(results)
        fodmap_items.append((food, grams / servings))

    per = {name: value / servings for name, value in totals.items()}
    per_serving = ServingNutrition(
        **per,
        free_sugars_g=free_sugars / servings,
        live_culture_servings=live / servings,
        cooked_ferment_servings=cooked_ferment / servings,
        plants=sum(species.values()),
        plant_species=frozenset(species),
        whole_grain_g=whole_grain / servings,
        refined_grain_g=refined_grain / servings,
        legumes_g=legumes / servings,
        processed_meat_g=processed_meat / servings,
        alcohol_uncooked=alcohol_uncooked,
        emulsifier_foods=tuple(sorted(set(emulsifiers))),
        ultra_processed_share=(upf_grams / total_grams) if total_grams else 0.0,
    )
    from recipes.vocab import diets_for  # pure module, no ORM

    diets = diets_for(
        meat=flags["meat"], fish=flags["fish"], dairy=flags["dairy"], egg=flags["egg"], animal_product=flags["animal"]
    )
    level, triggers = fodmap_summary(fodmap_items)
    countable = [r for r in results if r.status != "ignored"]
    matched = [r for r in countable if r.status == "matched"]
    return RecipeAnalysis(
        servings=servings,
        lines=tuple(results),
        per_serving=per_serving,
        allergens=tuple(sorted(allergens)),
        diets=tuple(diets),
        fodmap_level=level,
        fodmap_triggers=tuple(triggers),
        matched_share=(len(matched) / len(countable)) if countable else 1.0,
        unmatched=tuple(r.raw for r in results if r.status == "unmatched"),
    )


def _any_heat(results: list[LineResult]) -> bool:
    return any(set(tokens(r.parsed.preparation)) & HEAT_WORDS for r in results)
