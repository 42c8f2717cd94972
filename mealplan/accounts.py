"""Website: /accounts/ (sign up, log in and out, password change and reset)."""

from django.urls import include, path

urlpatterns = [
    path("", include("django.contrib.auth.urls")),
]
