"""Site-wide views: home page, the score explanation and the health check."""

import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@require_GET
def home(request):
    from recipes.models import Recipe

    featured = Recipe.objects.visible_to(request.user).order_by("-gut_score", "title", "id")[:6]
    return render(request, "mealplan/home.html", {"featured": featured})


@require_GET
def about_score(request):
    """What the gut score counts, in plain words (docs/scoring.md is the full version)."""
    return render(request, "mealplan/about_score.html")


@never_cache
@require_GET
def healthz(request):
    """200 after a database round trip; 503 when the database cannot be reached."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("health check: database unavailable")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
