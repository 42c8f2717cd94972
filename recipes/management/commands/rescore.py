from django.core.management.base import BaseCommand
from tqdm import tqdm

from recipes.engine.scoring import SCORE_VERSION
from recipes.models import Recipe
from recipes.services import recompute_recipes


class Command(BaseCommand):
    help = "Recompute the gut score of recipes scored by an older model version (--all: every recipe)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="rescore every recipe, not only outdated ones")

    def handle(self, *args, **options):
        queryset = Recipe.objects.all()
        if not options["all"]:
            queryset = queryset.exclude(gut_score_version=SCORE_VERSION)
        with tqdm(total=queryset.count(), desc="rescoring", unit="recipe") as bar:
            count = recompute_recipes(queryset, progress=bar.update)
        self.stdout.write(self.style.SUCCESS(f"Rescored {count} recipe(s) with score version {SCORE_VERSION}."))
