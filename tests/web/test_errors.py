"""Error pages use the site's template, with DEBUG off as in production."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client, RequestFactory
from django.views import defaults

pytestmark = pytest.mark.django_db

SITE_MARKERS = ('class="site-header"', 'class="site-footer"', "/static/mealplan/site.css")


def assert_site_page(body: str) -> None:
    for marker in SITE_MARKERS:
        assert marker in body


def test_404_uses_the_site_template(client, settings):
    settings.DEBUG = False
    response = client.get("/no-such-page/")
    body = response.content.decode()
    assert response.status_code == 404
    assert_site_page(body)
    assert "Page not found" in body


def test_missing_recipe_is_the_site_404(client, settings):
    settings.DEBUG = False
    response = client.get("/recipes/999999/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize(
    ("view", "exception", "status", "title"),
    [
        (defaults.bad_request, SuspiciousOperation("bad"), 400, "did not make sense"),
        (defaults.permission_denied, PermissionDenied(), 403, "You cannot do that here"),
    ],
)
def test_400_and_403_use_the_site_template(view, exception, status, title):
    request = RequestFactory().get("/")
    response = view(request, exception)
    body = response.content.decode()
    assert response.status_code == status
    assert_site_page(body)
    assert title in body


def test_500_uses_the_site_template_without_a_request_context():
    response = defaults.server_error(RequestFactory().get("/"))
    body = response.content.decode()
    assert response.status_code == 500
    assert_site_page(body)
    assert "Something went wrong on our side" in body


def test_csrf_failure_uses_the_site_template(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post("/recipes/new/", {"title": "X"})
    assert response.status_code == 403
    assert_site_page(response.content.decode())
    assert "could not be sent" in response.content.decode()
