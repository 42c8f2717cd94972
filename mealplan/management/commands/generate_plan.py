import json
from datetime import date

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from mealplan import services
from mealplan.selectors import plan_document
from recipes.vocab import DIET_CHOICES


def _words(text: str) -> list[str]:
    return [word.strip().lower() for word in text.split(",") if word.strip()]


class Command(BaseCommand):
    help = (
        "Generate a plan for a user: the user's profile, with any option given here overriding it for this plan. "
        "Prints a summary, or the plan document with --json."
    )

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="username")
        parser.add_argument("--start", required=True, help="first day, YYYY-MM-DD")
        parser.add_argument("--days", type=int, default=7)
        parser.add_argument("--slots", help="comma-separated: breakfast,lunch,dinner,snack")
        parser.add_argument("--diet", choices=DIET_CHOICES)
        parser.add_argument("--exclude-allergens", help="comma-separated, e.g. nuts,milk")
        parser.add_argument("--low-fodmap", action="store_true")
        parser.add_argument("--energy", type=int, help="daily energy in kcal")
        parser.add_argument("--json", action="store_true", help="print the plan document as JSON")

    def handle(self, *args, **options):
        try:
            user = get_user_model().objects.get(username=options["user"])
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"no user named '{options['user']}'") from exc
        try:
            start = date.fromisoformat(options["start"])
        except ValueError as exc:
            raise CommandError(f"--start: '{options['start']}' is not a date like 2026-11-30") from exc
        overrides = {}
        if options["slots"]:
            overrides["slots"] = _words(options["slots"])
        if options["diet"]:
            overrides["diet"] = options["diet"]
        if options["exclude_allergens"]:
            overrides["exclude_allergens"] = _words(options["exclude_allergens"])
        if options["low_fodmap"]:
            overrides["low_fodmap"] = True
        if options["energy"]:
            overrides["energy_kcal"] = options["energy"]
        try:
            plan = services.generate_plan(owner=user, start=start, days=options["days"], **overrides)
        except ValidationError as exc:
            raise CommandError("; ".join(f"{k}: {', '.join(v)}" for k, v in exc.message_dict.items())) from exc
        document = plan_document(plan)
        if options["json"]:
            self.stdout.write(json.dumps(document, indent=2, ensure_ascii=False))
            return
        self.stdout.write(f"Plan {plan.id} from {plan.start} for {plan.days} days: {plan.status}")
        for message in plan.messages:
            self.stdout.write(f"  ! {message}")
        for day in document["summary"]["days"]:
            meals = [e for e in document["entries"] if e["date"] == day["date"]]
            self.stdout.write(
                f"{day['date']}: {day['energy_kcal']:.0f} kcal, {day['fiber_g']:.1f} g fiber, "
                f"{day['live_culture_servings']:.1f} live servings, score {day['score']}"
            )
            for meal in meals:
                self.stdout.write(f"    {meal['slot']:<9} {meal['recipe']['title']} x{meal['servings']:g}")
        self.stdout.write(
            f"Distinct plants: {document['summary']['plants_per_week']}; week score {document['summary']['score']}"
        )
