from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand

from mealplan import services
from mealplan.models import Plan

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "gut-friendly-demo"


class Command(BaseCommand):
    help = "Create the demo account with a plan for this week (debug only) and print its name and password."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            self.stdout.write("Not in debug mode: no demo account created.")
            return
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(username=DEMO_USERNAME, defaults={"email": "demo@localhost"})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        if not Plan.objects.owned_by(user).exists():
            monday = date.today() - timedelta(days=date.today().weekday())
            try:
                plan = services.generate_plan(owner=user, start=monday)
                self.stdout.write(f"Planned the week of {monday} for the demo account ({plan.status}).")
            except ValidationError as exc:  # an empty catalogue: the account still works
                self.stdout.write(f"No demo plan: {'; '.join(exc.messages)}")
        verb = "Created" if created else "Demo account exists:"
        self.stdout.write(
            self.style.SUCCESS(f"{verb} demo account: username '{DEMO_USERNAME}', password '{DEMO_PASSWORD}'")
        )
