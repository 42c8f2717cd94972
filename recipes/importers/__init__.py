"""Recipe import (saved pages, schema.org JSON-LD) and export (schema.org JSON-LD).

Readers (base, jsonld, html) are plain Python; services and export use the database.
"""

from .base import ImportedRecipe, RecipeImportError
from .services import ImportReport, ImportResult, import_paths, import_recipe_text, parse_text

__all__ = [
    "ImportReport",
    "ImportResult",
    "ImportedRecipe",
    "RecipeImportError",
    "import_paths",
    "import_recipe_text",
    "parse_text",
]
