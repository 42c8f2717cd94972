"""/api/: version 1 of the REST API and its OpenAPI schema and docs (served offline)."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from .docs import RedocView, SwaggerView

urlpatterns = [
    path("v1/", include("mealplan.api.v1")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("redoc/", RedocView.as_view(url_name="api-schema"), name="api-redoc"),
]
