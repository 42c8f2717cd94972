"""Import recipes (pasted text, files, folders) through recipes.services, upserting by source URL."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from recipes.models import Recipe
from recipes.services import clean_lines, create_recipe, resolve_servings, update_recipe

from .base import ImportedRecipe, RecipeImportError
from .html import parse_html
from .jsonld import parse_jsonld_text

SUFFIXES = (".html", ".htm", ".json", ".jsonld")
MAX_FILE_BYTES = 20_000_000


@dataclass
class ImportResult:
    """One imported recipe: whether it is new, and the ingredient lines no food matched."""

    recipe: Recipe
    created: bool
    unmatched_lines: list[str]
    changed: bool = True  # False when the stored recipe already was exactly this

    # The website's import view treats the result like the recipe (title, redirect).
    @property
    def title(self) -> str:
        return self.recipe.title

    def get_absolute_url(self) -> str:
        return self.recipe.get_absolute_url()


@dataclass
class ImportReport:
    """What import_paths did, file by file."""

    files: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path or path + recipe, reason)
    unmatched_lines: list[str] = field(default_factory=list)

    @property
    def failed_files(self) -> int:
        return len({where.split(" (recipe ", 1)[0] for where, _ in self.failed})

    def __str__(self) -> str:
        return (
            f"{self.files} file{'s' if self.files != 1 else ''}: "
            f"{self.created} imported, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len(self.failed)} failed; {len(self.unmatched_lines)} unmatched ingredient lines"
        )


def parse_text(text: str, *, url: str = "") -> list[ImportedRecipe]:
    """Recipes in pasted or saved text: JSON-LD when it starts like JSON, else an HTML page."""
    stripped = (text or "").lstrip("\ufeff \t\r\n")
    if not stripped:
        raise RecipeImportError("Nothing to import: the text is empty.")
    if stripped[0] in "{[":
        return parse_jsonld_text(stripped, url=url)
    if "<" in stripped:
        return parse_html(stripped, url=url)
    raise RecipeImportError("Paste the recipe page's HTML source or its schema.org Recipe JSON-LD.")


def import_recipe_text(*, owner, text: str, url: str = "") -> ImportResult:
    """Import the first recipe in pasted HTML or JSON-LD for owner; ValidationError {"text": ...} when none."""
    try:
        imported = parse_text(text, url=url)[0]
    except RecipeImportError as exc:
        raise ValidationError({"text": [str(exc)]}) from exc
    return upsert_recipe(imported, owner=owner)


def _web_url(value: str) -> str:
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return ""
    return value if len(value) <= 500 else ""


def service_arguments(imported: ImportedRecipe) -> tuple[str, list[str], int | None, dict]:
    """(title, lines, servings, fields) for create_recipe/update_recipe."""
    prep, cook, total = imported.prep_minutes, imported.cook_minutes, imported.total_minutes
    if cook is None and total is not None and total > (prep or 0):
        # We store total = prep + cook, so a page's total without a cook time becomes the remainder.
        cook = total - (prep or 0)
    fields = {
        "description": imported.description,
        "yields_text": imported.yields_text,
        "prep_minutes": prep,
        "cook_minutes": cook,
        "meal_types": imported.meal_types,
        "tags": imported.tags,
        "instructions": "\n".join(imported.instructions),
        "source_url": _web_url(imported.url),
        "image_url": _web_url(imported.image_url),
    }
    if imported.slug:
        fields["slug"] = imported.slug
    return imported.title, clean_lines(imported.ingredients), imported.servings, fields


def _existing(imported: ImportedRecipe, owner, fields: dict) -> Recipe | None:
    """The recipe this one updates: same owner and source URL, else same slug, else same title without a URL."""
    mine = Recipe.objects.filter(owner=owner) if owner is not None else Recipe.objects.filter(owner__isnull=True)
    mine = mine.order_by("id")
    if fields["source_url"]:
        found = mine.filter(source_url=fields["source_url"]).first()
        if found or not imported.slug:
            return found
    if imported.slug:
        return mine.filter(slug=imported.slug).first()
    return mine.filter(source_url="", title=imported.title).first()


def _same(recipe: Recipe, title: str, lines: list[str], servings: int, fields: dict) -> bool:
    def normal(name, value):
        if name in ("meal_types", "tags"):
            return sorted({str(v).strip().lower() for v in value})
        return value.strip() if isinstance(value, str) else value

    current_lines = list(recipe.ingredients.order_by("position", "id").values_list("raw_text", flat=True))
    return (
        recipe.title == title.strip()
        and recipe.servings == servings
        and current_lines == lines
        and all(normal(name, getattr(recipe, name)) == normal(name, value) for name, value in fields.items())
    )


@transaction.atomic
def upsert_recipe(imported: ImportedRecipe, *, owner, is_public: bool = False) -> ImportResult:
    """Create the recipe, or update the one with its source URL; unchanged recipes are not written."""
    title, lines, servings, fields = service_arguments(imported)
    if is_public:
        fields["is_public"] = True
    resolved = resolve_servings(servings, fields["yields_text"])
    recipe = _existing(imported, owner, fields)
    if recipe is None:
        recipe = create_recipe(owner=owner, title=title, ingredients=lines, servings=resolved, **fields)
        created, changed = True, True
    elif _same(recipe, title, lines, resolved, fields):
        created, changed = False, False
    else:
        recipe = update_recipe(recipe, title=title, ingredients=lines, servings=resolved, **fields)
        created, changed = False, True
    unmatched = list(
        recipe.ingredients.filter(status="unmatched").order_by("position", "id").values_list("raw_text", flat=True)
    )
    return ImportResult(recipe=recipe, created=created, unmatched_lines=unmatched, changed=changed)


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The importable files under paths (folders searched recursively), and the paths we cannot use."""
    files, problems = [], []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                files.append(path)
            else:
                problems.append((str(path), f"not a recipe file (expected {', '.join(SUFFIXES)})"))
        else:
            problems.append((str(path), "no such file or folder"))
    return list(dict.fromkeys(files)), problems


def read_file(path: Path) -> list[ImportedRecipe]:
    """The recipes in one file; RecipeImportError (with the reason) when it cannot be read."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise RecipeImportError(f"larger than {MAX_FILE_BYTES // 1_000_000} MB")
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError as exc:
        raise RecipeImportError(f"cannot read: {exc.strerror or exc}") from exc
    if path.suffix.lower() in (".json", ".jsonld"):
        return parse_jsonld_text(text)
    return parse_html(text)


def import_paths(
    paths: Iterable[str | Path],
    *,
    owner=None,
    is_public: bool = False,
    progress: Callable[[int], object] | None = None,
    files: list[Path] | None = None,
) -> ImportReport:
    """Import every recipe in the files and folders; each recipe in its own transaction, bad files skipped.

    owner None imports into the shared catalogue (public). Pass files (from collect_files) to skip the search.
    """
    report = ImportReport()
    if files is None:
        files, problems = collect_files(paths)
        report.failed.extend(problems)
    for path in files:
        report.files += 1
        try:
            recipes = read_file(path)
        except RecipeImportError as exc:
            report.failed.append((str(path), str(exc)))
            recipes = []
        for number, imported in enumerate(recipes, start=1):
            where = f"{path} (recipe {number}: {imported.title[:60]})" if len(recipes) > 1 else str(path)
            try:
                result = upsert_recipe(imported, owner=owner, is_public=is_public)
            except ValidationError as exc:
                report.failed.append((where, "; ".join(exc.messages)))
                continue
            if result.created:
                report.created += 1
            elif result.changed:
                report.updated += 1
            else:
                report.unchanged += 1
            report.unmatched_lines.extend(f"{result.recipe.title}: {line}" for line in result.unmatched_lines)
        if progress:
            progress(1)
    return report
