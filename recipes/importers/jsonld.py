"""Read schema.org Recipe JSON-LD: one Recipe, a list, an @graph, or a Recipe nested in a page object.

Whatever JSON it is given, it returns ImportedRecipe objects or raises RecipeImportError; real pages
put strings where lists belong and the other way round, so every field is read defensively.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from .base import (
    MAX_TITLE,
    MAX_YIELDS,
    ImportedRecipe,
    RecipeImportError,
    clean_text,
    duration_minutes,
    is_web_url,
    meal_types_and_tags,
    split_words,
)

MAX_DEPTH = 12  # how deep we look for a Recipe inside pages, graphs and lists
MAX_NODES = 20_000
MAX_STEPS = 500
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
_SLUG = re.compile(r"^[-a-z0-9_]{1,120}$")


def parse_jsonld_text(text: str, *, url: str = "") -> list[ImportedRecipe]:
    """Every Recipe in a JSON-LD document; RecipeImportError for bad JSON or none found."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        detail = exc.msg if isinstance(exc, json.JSONDecodeError) else "too deeply nested"
        where = f" (line {exc.lineno}, column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise RecipeImportError(f"Not valid JSON: {detail}{where}.") from exc
    return recipes_from_data(data, url=url)


def recipes_from_data(data, *, url: str = "") -> list[ImportedRecipe]:
    """Every readable Recipe in parsed JSON-LD; RecipeImportError when there is none."""
    nodes = list(find_recipe_nodes(data))
    if not nodes:
        raise RecipeImportError('No schema.org Recipe found (expected an object with "@type": "Recipe").')
    recipes, problems = [], []
    for node in nodes:
        try:
            recipes.append(read_recipe(node, url=url))
        except RecipeImportError as exc:
            problems.append(str(exc))
    if not recipes:
        raise RecipeImportError(" ".join(dict.fromkeys(problems)))
    return recipes


def _is_recipe(node: dict) -> bool:
    kinds = node.get("@type")
    if isinstance(kinds, str):
        kinds = [kinds]
    if not isinstance(kinds, list):
        return False
    return any(isinstance(kind, str) and kind.rsplit("/", 1)[-1].rsplit(":", 1)[-1] == "Recipe" for kind in kinds)


def find_recipe_nodes(data) -> Iterator[dict]:
    """Recipe objects anywhere in the document (breadth first, bounded), not looking inside a Recipe."""
    queue: list[tuple[object, int]] = [(data, 0)]
    seen = 0
    while queue and seen < MAX_NODES:
        node, depth = queue.pop(0)
        seen += 1
        if depth > MAX_DEPTH:
            continue
        if isinstance(node, list):
            queue.extend((item, depth + 1) for item in node)
        elif isinstance(node, dict):
            if _is_recipe(node):
                yield node
                continue
            queue.extend((value, depth + 1) for value in node.values() if isinstance(value, (dict, list)))


def read_recipe(node: dict, *, url: str = "") -> ImportedRecipe:
    """One Recipe object -> ImportedRecipe; RecipeImportError when it has no name or no ingredients."""
    title = clean_text(node.get("name")) or clean_text(node.get("headline"))
    ingredients = read_ingredients(node.get("recipeIngredient", node.get("ingredients")))
    if not title:
        raise RecipeImportError("The Recipe has no name.")
    if not ingredients:
        raise RecipeImportError(f"“{title[:80]}” lists no ingredients (recipeIngredient).")
    yields_text, servings = read_yields(node.get("recipeYield", node.get("yield")))
    categories = split_words(node.get("recipeCategory"))
    meal_types, tags = meal_types_and_tags(categories, split_words(node.get("keywords")))
    identifier = node.get("identifier")
    return ImportedRecipe(
        title=title[:MAX_TITLE],
        ingredients=ingredients,
        instructions=read_instructions(node.get("recipeInstructions")),
        yields_text=yields_text,
        servings=servings,
        description=clean_text(node.get("description"), multiline=True),
        prep_minutes=duration_minutes(node.get("prepTime")),
        cook_minutes=duration_minutes(node.get("cookTime")),
        total_minutes=duration_minutes(node.get("totalTime")),
        meal_types=meal_types,
        tags=tags,
        url=url if is_web_url(url) else read_url(node),
        image_url=read_image(node.get("image")),
        slug=identifier if isinstance(identifier, str) and _SLUG.match(identifier) else "",
    )


def read_ingredients(value) -> list[str]:
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, list):
        return []
    lines = []
    for item in value:
        if isinstance(item, dict):  # a few sites wrap lines: {"@type": "PropertyValue", "name": ...}
            item = item.get("text") or item.get("name")
        line = clean_text(item)
        if line:
            lines.append(line)
    return lines


def read_instructions(value) -> list[str]:
    """Steps from a string, a list of strings, HowToStep objects or HowToSections (name kept as a heading)."""
    steps: list[str] = []

    def walk(item, depth: int) -> None:
        if len(steps) >= MAX_STEPS or depth > MAX_DEPTH:
            return
        if isinstance(item, str):
            steps.extend(clean_text(item, multiline=True).splitlines())
        elif isinstance(item, list):
            for part in item:
                walk(part, depth + 1)
        elif isinstance(item, dict):
            children = item.get("itemListElement")
            if isinstance(children, (list, dict)):  # HowToSection, ItemList
                heading = clean_text(item.get("name"))
                if heading:
                    steps.append(heading if heading.endswith(":") else f"{heading}:")
                walk(children, depth + 1)
            else:  # HowToStep, HowToDirection, HowToTip
                walk(item.get("text") if item.get("text") else item.get("name"), depth + 1)

    walk(value, 0)
    return [step for step in steps if step][:MAX_STEPS]


def read_yields(value) -> tuple[str, int | None]:
    """(yield text as written, servings when a bare number is given beside a text like "1 loaf")."""
    items = value if isinstance(value, list) else [value]
    texts = [clean_text(item) for item in items if not isinstance(item, (dict, list))]
    texts = [text for text in texts if text]
    numbers = [text for text in texts if _BARE_NUMBER.match(text)]
    words = [text for text in texts if not _BARE_NUMBER.match(text)]
    if words:
        servings = int(numbers[0]) if numbers and 1 <= int(numbers[0]) <= 100 else None
        return words[0][:MAX_YIELDS], servings
    return (numbers[0] if numbers else ""), None


def read_url(node: dict) -> str:
    """The recipe's page: url, mainEntityOfPage, or its @id without the "#recipe" fragment."""
    for value in (node.get("url"), node.get("mainEntityOfPage"), node.get("@id")):
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str):
            value = value.split("#", 1)[0]
        if is_web_url(value):
            return value
    return ""


def read_image(value, depth: int = 0) -> str:
    if depth > 3:
        return ""
    if isinstance(value, list):
        for item in value:
            found = read_image(item, depth + 1)
            if found:
                return found
        return ""
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl")
    return value if is_web_url(value) else ""
