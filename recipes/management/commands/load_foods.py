from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from recipes.foodtable import load_curated, load_usda
from recipes.selectors import food_index_cache
from recipes.services import recompute_recipes_using_foods


class Command(BaseCommand):
    help = "Load the food table we ship: USDA SR28 (fixtures/usda) and the curated ingredients (fixtures/foods)."

    def handle(self, *args, **options):
        usda = load_usda()
        self.stdout.write(f"USDA SR28: {usda}")
        try:
            curated = load_curated()
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from exc
        self.stdout.write(f"Curated ingredients: {curated}")
        food_index_cache.clear()
        changed = usda.changed_ids + curated.changed_ids
        if changed:
            count = recompute_recipes_using_foods(changed)
            self.stdout.write(f"Recomputed {count} recipe(s) that use a changed food.")
