from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "gut-friendly-demo"


class Command(BaseCommand):
    help = "Create the demo account (debug only) and print its name and password."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            self.stdout.write("Not in debug mode: no demo account created.")
            return
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(username=DEMO_USERNAME, defaults={"email": "demo@localhost"})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        verb = "Created" if created else "Demo account exists:"
        self.stdout.write(
            self.style.SUCCESS(f"{verb} demo account: username '{DEMO_USERNAME}', password '{DEMO_PASSWORD}'")
        )
