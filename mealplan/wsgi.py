"""WSGI entry point (gunicorn mealplan.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mealplan.settings")
application = get_wsgi_application()
