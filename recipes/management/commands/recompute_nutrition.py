from django.core.management.base import BaseCommand
from tqdm import tqdm

from recipes.models import Recipe
from recipes.services import recompute_recipes


class Command(BaseCommand):
    help = "Recompute stored nutrition and gut score of every recipe from its ingredient lines."

    def handle(self, *args, **options):
        queryset = Recipe.objects.all()
        with tqdm(total=queryset.count(), desc="recipes", unit="recipe") as bar:
            count = recompute_recipes(queryset, progress=bar.update)
        self.stdout.write(self.style.SUCCESS(f"Recomputed {count} recipes."))
