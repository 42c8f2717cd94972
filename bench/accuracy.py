"""Nutrition accuracy against what recipe sites publish per serving (../shared development set).

For each recipe of published-nutrition-dev.jsonl: parse, match and weigh its lines with the shipped
food table, divide by its yield, and compare with the site's published values. Reports, per nutrient,
the median absolute error, the median absolute percentage error, the share within tolerance and
Spearman's rank correlation; plus the matched share of lines and the engine's speed.

The food table and parser are never tuned to these recipes: the same figures are measured on
recipes we don't have.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT.parent / "shared" / "data" / "published-nutrition-dev.jsonl"

# published key -> (our key, absolute tolerance, relative tolerance); within tolerance when either holds.
FIELDS = {
    "calories": ("energy_kcal", 40.0, 0.20),  # issue 3: within max(40 kcal, 20 %)
    "fiberContent": ("fiber_g", 1.0, 0.25),  # issue 3: within max(1 g, 25 %)
    "proteinContent": ("protein_g", 3.0, 0.20),
    "fatContent": ("fat_g", 3.0, 0.20),
    "carbohydrateContent": ("carbohydrate_g", 5.0, 0.20),
    "sugarContent": ("sugars_g", 3.0, 0.25),
    "saturatedFatContent": ("saturated_fat_g", 1.5, 0.25),
    "sodiumContent": ("sodium_mg", 150.0, 0.30),
}
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)")


def published_value(text) -> float | None:
    if text is None:
        return None
    match = _NUMBER.search(str(text).replace(",", ""))
    if not match:
        return None
    return float(match.group(1))


def spearman(xs: list[float], ys: list[float]) -> float | None:
    if len(xs) < 3:
        return None

    def ranks(values):
        order = sorted(range(len(values)), key=values.__getitem__)
        result = [0.0] * len(values)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
                j += 1
            for k in range(i, j + 1):
                result[order[k]] = (i + j) / 2 + 1
            i = j + 1
        return result

    rx, ry = ranks(xs), ranks(ys)
    mx, my = statistics.fmean(rx), statistics.fmean(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    sx = sum((a - mx) ** 2 for a in rx) ** 0.5
    sy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (sx * sy) if sx and sy else None


def evaluate(recipes: list[dict], index) -> dict:
    """Pure evaluation over recipes (dicts of the dev-set shape) with a FoodIndex."""
    from recipes.engine.nutrition import analyse_recipe
    from recipes.engine.parser import parse_yields

    pairs: dict[str, list[tuple[float, float]]] = {key: [] for key in FIELDS}
    lines = matched = 0
    unmatched_examples: list[str] = []
    started = time.perf_counter()
    for recipe in recipes:
        servings = parse_yields(str(recipe.get("yields") or "")) or 1
        analysis = analyse_recipe(recipe["ingredients"], servings=servings, index=index)
        ours = analysis.per_serving_dict()
        counted = [line for line in analysis.lines if line.status != "ignored"]
        lines += len(counted)
        matched += sum(1 for line in counted if line.status == "matched")
        unmatched_examples.extend(line.raw for line in counted if line.status == "unmatched")
        published = recipe.get("published_per_serving") or {}
        for key, (ours_key, _abs, _rel) in FIELDS.items():
            value = published_value(published.get(key))
            if value is not None:
                pairs[key].append((ours[ours_key], value))
    seconds = time.perf_counter() - started
    return {"pairs": pairs, "lines": lines, "matched": matched, "seconds": seconds, "unmatched": unmatched_examples}


def summarise(result: dict) -> list[dict]:
    rows = []
    for key, (ours_key, abs_tol, rel_tol) in FIELDS.items():
        pairs = result["pairs"][key]
        if not pairs:
            continue
        errors = [abs(o - p) for o, p in pairs]
        pct = [abs(o - p) / p for o, p in pairs if p > 0]
        within = sum(1 for o, p in pairs if abs(o - p) <= abs_tol or (p > 0 and abs(o - p) / p <= rel_tol))
        rows.append(
            {
                "nutrient": ours_key,
                "n": len(pairs),
                "median_abs_error": statistics.median(errors),
                "median_pct_error": statistics.median(pct) if pct else None,
                "within": within / len(pairs),
                "tolerance": f"±{abs_tol:g} or ±{rel_tol:.0%}",
                "spearman": spearman([o for o, _ in pairs], [p for _, p in pairs]),
            }
        )
    return rows


def run() -> str:
    if not DEV_SET.exists():
        return "## Nutrition accuracy\n\nSkipped: the development set (../shared/data) is not present.\n"
    from bench.db import setup_django

    setup_django()
    from recipes.selectors import get_food_index

    recipes = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    index = get_food_index()
    result = evaluate(recipes, index)
    rows = summarise(result)
    out = [
        "## Nutrition accuracy (development set)",
        "",
        f"{len(recipes)} recipes with published per-serving nutrition; {result['lines']} ingredient lines, "
        f"{result['matched'] / max(result['lines'], 1):.1%} matched to a food; "
        f"{result['lines'] / result['seconds']:,.0f} lines/s through parse, match, weigh and sum "
        f"({len(index):,} foods in the index): {result['seconds'] / len(recipes) * 1000:.1f} s per 1,000 recipes "
        "(first pass, nothing cached).",
        "",
        "| nutrient | recipes | median abs error | median % error | within tolerance | tolerance | Spearman |",
        "|---|---:|---:|---:|---:|---|---:|",
    ]
    for row in rows:
        pct = "" if row["median_pct_error"] is None else f"{row['median_pct_error']:.0%}"
        rho = "" if row["spearman"] is None else f"{row['spearman']:.2f}"
        out.append(
            f"| {row['nutrient']} | {row['n']} | {row['median_abs_error']:.1f} | {pct} | {row['within']:.0%} "
            f"| {row['tolerance']} | {rho} |"
        )
    sample = result["unmatched"][:15]
    if sample:
        out += ["", "Unmatched lines (first 15):", ""] + [f"- `{line}`" for line in sample]
    return "\n".join(out) + "\n"
