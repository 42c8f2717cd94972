"""The recipe catalogue we ship (fixtures/recipes/*.json), loaded idempotently by slug."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from recipes.models import Recipe
from recipes.services import create_recipe, update_recipe

CATALOGUE_DIR = Path(settings.BASE_DIR) / "fixtures" / "recipes"
REQUIRED = ("slug", "title", "yields", "ingredients", "instructions", "meal_types")


@dataclass
class CatalogueReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    unmatched_lines: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len(self.unmatched_lines)} unmatched ingredient lines"
        )


def read_catalogue(directory: Path | None = None) -> list[tuple[str, dict]]:
    """(where, recipe dict) for every recipe in the catalogue files; raises on malformed files."""
    directory = directory or CATALOGUE_DIR
    items, errors, slugs = [], [], {}
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ValidationError(f"{path.name}: not valid JSON ({exc})") from exc
        if not isinstance(data, list):
            raise ValidationError(f"{path.name}: expected a JSON array of recipes")
        for i, item in enumerate(data):
            where = f"{path.name} item {i}"
            missing = [key for key in REQUIRED if not isinstance(item, dict) or not item.get(key)]
            if missing:
                errors.append(f"{where}: missing {', '.join(missing)}")
                continue
            if item["slug"] in slugs:
                errors.append(f"{where}: slug '{item['slug']}' already used at {slugs[item['slug']]}")
                continue
            slugs[item["slug"]] = where
            items.append((where, item))
    if errors:
        raise ValidationError(errors[:50])
    return items


def _fields(item: dict) -> dict:
    instructions = item.get("instructions") or []
    if isinstance(instructions, list):
        instructions = "\n".join(str(step).strip() for step in instructions)
    return {
        "slug": item["slug"],
        "description": item.get("description", ""),
        "yields_text": item["yields"],
        "prep_minutes": item.get("prep_minutes"),
        "cook_minutes": item.get("cook_minutes"),
        "meal_types": item["meal_types"],
        "tags": item.get("tags", []),
        "instructions": instructions,
        "source_url": item.get("source_url", ""),
    }


def _same(recipe: Recipe, title: str, fields: dict, lines: list[str]) -> bool:
    current_lines = [i.raw_text for i in recipe.ingredients.all()]
    return (
        recipe.title == title
        and current_lines == lines
        and all(getattr(recipe, k) == (sorted(set(v)) if k in ("meal_types", "tags") else v) for k, v in fields.items())
    )


@transaction.atomic
def load_catalogue(directory: Path | None = None, *, progress=None) -> CatalogueReport:
    """Create or update the shared catalogue's recipes (owner empty, public), matched on slug."""
    report = CatalogueReport()
    items = read_catalogue(directory)
    existing = {r.slug: r for r in Recipe.objects.filter(owner=None).exclude(slug="").prefetch_related("ingredients")}
    for where, item in items:
        fields = _fields(item)
        lines = [str(line).strip() for line in item["ingredients"] if str(line).strip()]
        try:
            recipe = existing.get(item["slug"])
            if recipe is None:
                recipe = create_recipe(owner=None, title=item["title"], ingredients=lines, is_public=True, **fields)
                report.created += 1
            elif _same(recipe, item["title"], fields, lines):
                report.unchanged += 1
            else:
                recipe = update_recipe(recipe, title=item["title"], ingredients=lines, **fields)
                report.updated += 1
        except ValidationError as exc:
            raise ValidationError(f"{where} ({item['title']}): {'; '.join(exc.messages)}") from exc
        report.unmatched_lines.extend(
            f"{item['slug']}: {line.raw_text}" for line in recipe.ingredients.all() if line.status == "unmatched"
        )
        if progress:
            progress(1)
    return report
