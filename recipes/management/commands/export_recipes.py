import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from recipes.importers.export import export_catalogue
from recipes.models import Recipe


class Command(BaseCommand):
    help = "Write recipes as a JSON array of schema.org Recipe objects (import_recipes reads it back)."

    def add_arguments(self, parser):
        parser.add_argument("--output", metavar="FILE", help="Write here instead of standard output.")
        parser.add_argument("--owner", metavar="USERNAME", help="Only this user's recipes (default: the catalogue).")
        parser.add_argument("--all", action="store_true", help="Every recipe, whoever owns it.")

    def handle(self, *args, **options):
        if options["all"]:
            queryset = Recipe.objects.all()
        elif options["owner"]:
            try:
                owner = get_user_model().objects.get(username=options["owner"])
            except get_user_model().DoesNotExist as exc:
                raise CommandError(f"No user named {options['owner']!r}.") from exc
            queryset = Recipe.objects.filter(owner=owner)
        else:
            queryset = Recipe.objects.filter(owner__isnull=True)
        documents = export_catalogue(queryset)
        text = json.dumps(documents, ensure_ascii=False, indent=2) + "\n"
        if options["output"]:
            try:
                Path(options["output"]).write_text(text, encoding="utf-8")
            except OSError as exc:
                raise CommandError(f"Cannot write {options['output']}: {exc.strerror or exc}") from exc
            self.stderr.write(f"Exported {len(documents)} recipes to {options['output']}.")
        else:
            self.stdout.write(text, ending="")
