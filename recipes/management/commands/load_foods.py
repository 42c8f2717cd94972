from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from recipes.foodtable import load_curated, load_usda
from recipes.selectors import food_index_cache


class Command(BaseCommand):
    help = "Load the food table we ship: USDA SR28 (fixtures/usda) and the curated ingredients (fixtures/foods)."

    def handle(self, *args, **options):
        report = load_usda()
        self.stdout.write(f"USDA SR28: {report}")
        try:
            report = load_curated()
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from exc
        self.stdout.write(f"Curated ingredients: {report}")
        food_index_cache.clear()
