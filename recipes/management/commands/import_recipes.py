from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from recipes.importers.services import collect_files, import_paths


class Command(BaseCommand):
    help = (
        "Import saved recipe pages (.html, .htm) and schema.org Recipe JSON-LD (.json, .jsonld), files or folders. "
        "Recipes are matched and scored; a recipe with the same source URL is updated, so a second run changes "
        "nothing. Bad files are reported and skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Files or folders (searched recursively).")
        parser.add_argument("--owner", metavar="USERNAME", help="Import as this user's recipes (default: catalogue).")
        parser.add_argument("--public", action="store_true", help="Make the owner's imported recipes public.")

    def handle(self, *args, **options):
        owner = None
        if options["owner"]:
            try:
                owner = get_user_model().objects.get(username=options["owner"])
            except get_user_model().DoesNotExist as exc:
                raise CommandError(f"No user named {options['owner']!r}.") from exc
        files, problems = collect_files(options["paths"])
        with tqdm(total=len(files), desc="import", unit="file", disable=not files or not self.stderr.isatty()) as bar:
            report = import_paths([], owner=owner, is_public=options["public"], progress=bar.update, files=files)
        report.failed[:0] = problems
        self.stdout.write(f"Imported {report}.")
        for where, reason in report.failed:
            self.stderr.write(f"  failed: {where}: {reason}")
        for line in report.unmatched_lines:
            self.stdout.write(f"  unmatched: {line}")
        if report.failed and not (report.created or report.updated or report.unchanged):
            raise CommandError(f"Nothing imported: {report.failed_files} file(s) failed.")
