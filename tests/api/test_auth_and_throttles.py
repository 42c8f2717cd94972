"""Token login and revocation, and throttling of anonymous, token and analyze requests."""

import pytest
from django.test import override_settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

pytestmark = pytest.mark.django_db

TOKEN = "/api/v1/auth/token/"
PASSWORD = "correct horse battery staple"  # tests/conftest.py `user`


def rates(**scopes) -> dict:
    from django.conf import settings

    config = dict(settings.REST_FRAMEWORK)
    config["DEFAULT_THROTTLE_RATES"] = {**config["DEFAULT_THROTTLE_RATES"], **scopes}
    return config


def test_token_login_use_and_revoke(user):
    client = APIClient()
    response = client.post(TOKEN, {"username": "owner", "password": PASSWORD})
    assert response.status_code == 200, response.json()
    key = response.json()["token"]
    assert Token.objects.get(user=user).key == key

    # The same token until it is revoked.
    assert client.post(TOKEN, {"username": "owner", "password": PASSWORD}).json()["token"] == key

    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/v1/me/profile/").status_code == 200
    assert client.delete(TOKEN).status_code == 204
    assert not Token.objects.filter(user=user).exists()
    assert client.get("/api/v1/me/profile/").status_code == 401


def test_wrong_password_gets_no_token(user):
    response = APIClient().post(TOKEN, {"username": "owner", "password": "not it"})
    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"]
    assert not Token.objects.exists()


def test_missing_fields_are_named(db):
    response = APIClient().post(TOKEN, {"username": "owner"})
    assert response.status_code == 400
    assert "password" in response.json()["errors"]


def test_revoking_needs_a_signed_in_user(db):
    assert APIClient().delete(TOKEN).status_code == 401


def test_token_request_made_with_a_revoked_token_is_401(user):
    token = Token.objects.create(user=user)
    token.delete()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = client.get("/api/v1/recipes/")
    assert response.status_code == 401
    assert set(response.json()) == {"detail", "errors"}


def test_token_login_is_throttled(user):
    client = APIClient()
    with override_settings(REST_FRAMEWORK=rates(auth="3/min")):
        codes = [client.post(TOKEN, {"username": "owner", "password": "wrong"}).status_code for _ in range(3)]
        blocked = client.post(TOKEN, {"username": "owner", "password": PASSWORD})
    assert codes == [400, 400, 400]
    assert blocked.status_code == 429  # even with the right password, until the window passes
    assert blocked.headers["Retry-After"]
    assert not Token.objects.exists()


def test_analyze_is_throttled_per_user(owner_api, stranger_api):
    payload = {"ingredients": ["100 g rolled oats"]}
    with override_settings(REST_FRAMEWORK=rates(analyze="2/min")):
        codes = [owner_api.post("/api/v1/analyze/", payload).status_code for _ in range(3)]
        other_user = stranger_api.post("/api/v1/analyze/", payload).status_code
        response = owner_api.post("/api/v1/analyze/", payload)
    assert codes == [200, 200, 429]
    assert other_user == 200
    assert response.status_code == 429
    assert response.headers["Retry-After"]
    assert set(response.json()) == {"detail", "errors"}


def test_anonymous_reads_are_throttled(db, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/min"})
    client = APIClient()
    codes = [client.get("/api/v1/foods/?q=apple").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
