"""Read a saved recipe page: recipe-scrapers first, our JSON-LD reader on its ld+json blocks when that finds nothing."""

from __future__ import annotations

import json
import logging

from bs4 import BeautifulSoup
from recipe_scrapers import scrape_html

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
from .jsonld import find_recipe_nodes, read_instructions, read_recipe, read_yields

logger = logging.getLogger(__name__)

# recipe-scrapers needs an address to pick a site scraper; an unknown host makes it read schema.org data.
PLACEHOLDER_URL = "https://saved-page.invalid/"


def parse_html(html: str, *, url: str = "") -> list[ImportedRecipe]:
    """The recipe(s) on a saved page; RecipeImportError when the page holds none."""
    scraped = _scrape(html, url)
    if scraped is not None:
        return [scraped]
    recipes = jsonld_recipes(html, url=url)
    if not recipes:
        raise RecipeImportError(
            "No recipe found on this page: it has no schema.org Recipe data (JSON-LD or microdata) with ingredients."
        )
    return recipes


def _field(scraper, name: str, default=None):
    """One scraper field; recipe-scrapers raises (many kinds of exception) when a page lacks it."""
    try:
        value = getattr(scraper, name)()
    except Exception:  # noqa: BLE001 - any failure means "this page does not give that field"
        return default
    return default if value is None else value


def _scrape(html: str, url: str) -> ImportedRecipe | None:
    try:
        scraper = scrape_html(html, org_url=url if is_web_url(url) else PLACEHOLDER_URL, supported_only=False)
    except Exception as exc:  # noqa: BLE001 - NoSchemaFoundInWildMode, parser errors: fall back to our reader
        logger.debug("recipe-scrapers found nothing: %s", exc)
        return None
    title = clean_text(_field(scraper, "title", ""))
    raw_ingredients = _field(scraper, "ingredients", [])
    ingredients = [clean_text(line) for line in raw_ingredients] if isinstance(raw_ingredients, list) else []
    ingredients = [line for line in ingredients if line]
    if not title or not ingredients:
        return None
    yields_text, servings = read_yields(_field(scraper, "yields", ""))
    category = _field(scraper, "category", "")
    keywords = _field(scraper, "keywords", [])
    meal_types, tags = meal_types_and_tags(split_words(category), split_words(keywords))
    canonical = _field(scraper, "canonical_url", "")
    image = _field(scraper, "image", "")
    return ImportedRecipe(
        title=title[:MAX_TITLE],
        ingredients=ingredients,
        instructions=read_instructions(_field(scraper, "instructions_list", [])),
        yields_text=yields_text[:MAX_YIELDS],
        servings=servings,
        description=clean_text(_field(scraper, "description", ""), multiline=True),
        prep_minutes=duration_minutes(_field(scraper, "prep_time")),
        cook_minutes=duration_minutes(_field(scraper, "cook_time")),
        total_minutes=duration_minutes(_field(scraper, "total_time")),
        meal_types=meal_types,
        tags=tags,
        url=url if is_web_url(url) else (canonical if is_web_url(canonical) and canonical != PLACEHOLDER_URL else ""),
        image_url=image if is_web_url(image) else "",
    )


def jsonld_recipes(html: str, *, url: str = "") -> list[ImportedRecipe]:
    """Recipes in the page's <script type="application/ld+json"> blocks; unreadable blocks are skipped."""
    soup = BeautifulSoup(html, "html.parser")
    recipes = []
    for script in soup.find_all("script", attrs={"type": lambda t: t and t.strip().lower() == "application/ld+json"}):
        try:
            data = json.loads(script.string or script.get_text() or "")
        except (ValueError, RecursionError):
            continue
        for node in find_recipe_nodes(data):
            try:
                recipes.append(read_recipe(node, url=url))
            except RecipeImportError:
                continue
    return recipes
