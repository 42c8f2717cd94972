import json
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from recipes.services import analyse, analysis_document, resolve_servings

OUTPUT_KEYS = ("servings", "per_serving", "matched_share", "unmatched", "gut_score", "breakdown")


def analyse_item(item: dict) -> dict:
    """One input object ({"id", "yields", "ingredients"}) to one output object; writes nothing."""
    if not isinstance(item, dict):
        raise ValueError("expected a JSON object")
    lines = item.get("ingredients")
    if not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
        raise ValueError('"ingredients" must be a list of strings')
    yields = item.get("yields") or ""
    if not isinstance(yields, str):
        yields = str(yields)
    try:
        servings = resolve_servings(None, yields)
    except ValidationError as exc:
        raise ValueError("; ".join(exc.messages)) from exc
    doc = analysis_document(analyse(lines, servings=servings, instructions=str(item.get("instructions") or "")))
    return {"id": item.get("id"), **{key: doc[key] for key in OUTPUT_KEYS}}


class Command(BaseCommand):
    help = (
        "Analyse recipes from a JSON Lines file ({'id', 'yields', 'ingredients'} per line) and write "
        "per-serving nutrition, gut score and unmatched lines as JSON Lines. Writes nothing to the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("input", help="JSON Lines file, or - for standard input")
        parser.add_argument("--output", "-o", help="where to write (default: standard output)")

    def handle(self, *args, **options):
        try:
            source = sys.stdin if options["input"] == "-" else open(options["input"], encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise CommandError(f"cannot read {options['input']}: {exc.strerror}") from exc
        out = open(options["output"], "w", encoding="utf-8") if options["output"] else self.stdout  # noqa: SIM115
        done = failed = 0
        try:
            for line_no, text in enumerate(source, start=1):
                if not text.strip():
                    continue
                try:
                    result = analyse_item(json.loads(text))
                except (json.JSONDecodeError, ValueError) as exc:
                    failed += 1
                    self.stderr.write(f"line {line_no}: skipped: {exc}")
                    continue
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
                done += 1
        finally:
            if source is not sys.stdin:
                source.close()
            if options["output"]:
                out.close()
        self.stderr.write(f"analysed {done} recipe(s), skipped {failed} bad line(s)")
