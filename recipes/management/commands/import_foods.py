from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from recipes.fdc import import_fdc
from recipes.selectors import food_index_cache


class Command(BaseCommand):
    help = "Load a USDA FoodData Central CSV download (a folder with food.csv, food_nutrient.csv, food_portion.csv...)."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--data-type",
            action="append",
            help="only these FDC data types (e.g. sr_legacy_food, foundation_food); repeatable",
        )

    def handle(self, *args, directory: Path, data_type=None, **options):
        if not directory.is_dir():
            raise CommandError(f"{directory} is not a folder")
        try:
            report = import_fdc(directory, data_types=set(data_type) if data_type else None)
        except ValidationError as exc:
            raise CommandError("Nothing was imported: " + "; ".join(exc.messages)) from exc
        food_index_cache.clear()
        self.stdout.write(self.style.SUCCESS(f"FoodData Central: {report}"))
