from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from recipes.catalogue import load_catalogue, read_catalogue


class Command(BaseCommand):
    help = "Load the food table and the recipe catalogue we ship (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--skip-foods", action="store_true", help="Load only the recipes.")

    def handle(self, *args, **options):
        if not options["skip_foods"]:
            call_command("load_foods", stdout=self.stdout, stderr=self.stderr)
        try:
            total = len(read_catalogue())
            with tqdm(
                total=total, desc="recipes", unit="recipe", disable=total == 0 or not self.stdout.isatty()
            ) as bar:
                report = load_catalogue(progress=bar.update)
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from exc
        self.stdout.write(f"Recipe catalogue: {report}")
        for line in report.unmatched_lines[:20]:
            self.stdout.write(f"  unmatched: {line}")
