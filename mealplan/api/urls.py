"""/api/: version 1 of the REST API and its OpenAPI schema and docs (served offline)."""

from django.http import JsonResponse
from django.urls import Resolver404, include, path, re_path, resolve
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView

from .docs import RedocView, SwaggerView


@csrf_exempt  # it changes nothing; without this a POST to a wrong path gets the CSRF page instead
def not_found(request, *args, **kwargs) -> JsonResponse:
    """Unknown /api/ paths answer in the API's error shape, not with the site's HTML page."""
    detail = "No such API endpoint; see /api/docs/."
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            detail = f"API paths end with a slash: {request.path}/"
    return JsonResponse({"detail": detail, "errors": {}}, status=404)


urlpatterns = [
    path("v1/", include("mealplan.api.v1")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("redoc/", RedocView.as_view(url_name="api-schema"), name="api-redoc"),
    re_path(r"^", not_found),
]
