"""Security, end to end: every private object type is invisible to other users on the API and the website,
CSRF guards every website form, the CSP allows no inline script, production sends secure headers,
weak passwords are refused, logins lock out after AXES_FAILURE_LIMIT failures, and throttles answer 429."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from mealplan import services
from mealplan.models import Plan, PlanProfile
from recipes.models import Recipe

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"  # tests/conftest.py `user`


def api_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def web_for(user, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


# Owner-scoped querysets -------------------------------------------------------------------------


def test_private_recipe_is_invisible_to_strangers_on_the_api(user, stranger, private_recipe):
    url = f"/api/v1/recipes/{private_recipe.pk}/"
    assert api_for(user).get(url).status_code == 200
    stranger_api = api_for(stranger)
    assert stranger_api.get(url).status_code == 404
    assert stranger_api.patch(url, {"title": "mine now"}, format="json").status_code == 404
    assert stranger_api.delete(url).status_code == 404
    assert APIClient().get(url).status_code == 404
    listed = [r["id"] for r in stranger_api.get("/api/v1/recipes/", {"page_size": 100}).json()["results"]]
    assert private_recipe.pk not in listed
    private_recipe.refresh_from_db()
    assert private_recipe.title == "Owner's private stew"


def test_private_recipe_is_invisible_to_strangers_on_the_website(user, stranger, private_recipe):
    assert web_for(user).get(f"/recipes/{private_recipe.pk}/").status_code == 200
    stranger_web = web_for(stranger)
    for path in (f"/recipes/{private_recipe.pk}/", f"/recipes/{private_recipe.pk}/edit/"):
        assert stranger_web.get(path).status_code == 404, path
    assert stranger_web.post(f"/recipes/{private_recipe.pk}/delete/").status_code == 404
    assert Client().get(f"/recipes/{private_recipe.pk}/").status_code == 404
    assert "Owner&#x27;s private stew" not in stranger_web.get("/recipes/").content.decode()
    assert Recipe.objects.filter(pk=private_recipe.pk).exists()


def test_plan_is_invisible_to_strangers_on_the_api(user, stranger, owner_plan):
    base = f"/api/v1/plans/{owner_plan.pk}"
    entry = owner_plan.entries.first()
    assert api_for(user).get(f"{base}/").status_code == 200
    stranger_api = api_for(stranger)
    reads = [f"{base}/", f"{base}/shopping-list/", f"{base}/calendar/", f"{base}/calendar.ics"]
    for path in reads:
        assert stranger_api.get(path).status_code == 404, path
    writes = [
        ("post", f"{base}/regenerate/", {}),
        ("post", f"{base}/days/{owner_plan.start.isoformat()}/regenerate/", {}),
        ("post", f"{base}/entries/{entry.pk}/swap/", {}),
        ("patch", f"{base}/entries/{entry.pk}/", {"locked": True}),
        ("post", f"{base}/shopping-list/", {"key": "oats", "checked": True}),
        ("delete", f"{base}/", None),
    ]
    for method, path, body in writes:
        assert getattr(stranger_api, method)(path, body, format="json").status_code == 404, path
    assert stranger_api.get("/api/v1/plans/").json()["results"] == []
    owner_plan.refresh_from_db()
    assert owner_plan.version == 1 and owner_plan.shopping_checked == []
    assert not owner_plan.entries.filter(locked=True).exists()


def test_plan_is_invisible_to_strangers_on_the_website(user, stranger, owner_plan):
    base = f"/plans/{owner_plan.pk}"
    assert web_for(user).get(f"{base}/").status_code == 200
    stranger_web = web_for(stranger)
    for path in (f"{base}/", f"{base}/shopping-list/", f"{base}/shopping-list.csv", f"{base}/calendar.ics"):
        assert stranger_web.get(path).status_code == 404, path
    entry = owner_plan.entries.first()
    for path in (
        f"{base}/regenerate/",
        f"{base}/delete/",
        f"{base}/entries/{entry.pk}/swap/",
        f"{base}/entries/{entry.pk}/lock/",
        f"{base}/days/{owner_plan.start.isoformat()}/redo/",
    ):
        assert stranger_web.post(path).status_code == 404, path
    assert Client().get(f"{base}/").status_code == 302  # anonymous: to the login page
    assert Plan.objects.get(pk=owner_plan.pk).version == 1


def test_profile_is_per_user(user, stranger):
    services.update_profile(user, diet="vegan", plants_per_week=40)
    stranger_api = api_for(stranger)
    assert stranger_api.get("/api/v1/me/profile/").json()["diet"] == "omnivore"
    assert stranger_api.patch("/api/v1/me/profile/", {"diet": "pescatarian"}, format="json").status_code == 200
    mine = api_for(user).get("/api/v1/me/profile/").json()
    assert (mine["diet"], mine["plants_per_week"]) == ("vegan", 40)
    assert PlanProfile.objects.get(user=stranger).diet == "pescatarian"
    assert APIClient().get("/api/v1/me/profile/").status_code == 401


def test_a_token_only_ever_acts_as_its_user(user, stranger, owner_plan):
    from rest_framework.authtoken.models import Token

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=stranger).key}")
    assert client.get(f"/api/v1/plans/{owner_plan.pk}/").status_code == 404
    client.credentials(HTTP_AUTHORIZATION="Token " + "0" * 40)
    assert client.get("/api/v1/plans/").status_code == 401


# CSRF -------------------------------------------------------------------------------------------


def _csrf_client(user) -> Client:
    return web_for(user, enforce_csrf_checks=True)


def test_website_posts_without_a_csrf_token_are_refused(user, owner_plan, private_recipe):
    client = _csrf_client(user)
    entry = owner_plan.entries.first()
    posts = {
        "/recipes/new/": {"title": "Sneaky", "servings": "2", "ingredients": "1 cup oats"},
        f"/recipes/{private_recipe.pk}/delete/": {},
        "/plans/new/": {"start": "2026-12-07", "days": "7"},
        f"/plans/{owner_plan.pk}/regenerate/": {},
        f"/plans/{owner_plan.pk}/delete/": {},
        f"/plans/{owner_plan.pk}/entries/{entry.pk}/lock/": {"locked": "1"},
        "/accounts/password_change/": {
            "old_password": PASSWORD,
            "new_password1": "a new long passphrase 42",
            "new_password2": "a new long passphrase 42",
        },
        "/accounts/logout/": {},
    }
    for path, data in posts.items():
        assert client.post(path, data).status_code == 403, path
    assert Recipe.objects.filter(pk=private_recipe.pk).exists()
    assert not Recipe.objects.filter(title="Sneaky").exists()
    assert Plan.objects.filter(owner=user).count() == 1
    assert Plan.objects.get(pk=owner_plan.pk).version == 1
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_a_post_with_the_token_from_the_form_is_accepted(user, private_recipe):
    client = _csrf_client(user)
    page = client.get(f"/recipes/{private_recipe.pk}/delete/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    response = client.post(f"/recipes/{private_recipe.pk}/delete/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert not Recipe.objects.filter(pk=private_recipe.pk).exists()


def test_login_form_needs_the_csrf_token(user):
    response = Client(enforce_csrf_checks=True).post("/accounts/login/", {"username": "owner", "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in Client().session


def test_session_authenticated_api_writes_need_csrf_but_token_ones_do_not(user):
    from rest_framework.authtoken.models import Token

    session_api = APIClient(enforce_csrf_checks=True)
    session_api.force_login(user)
    assert session_api.patch("/api/v1/me/profile/", {"diet": "vegan"}, format="json").status_code == 403
    token_api = APIClient(enforce_csrf_checks=True)
    token_api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    assert token_api.patch("/api/v1/me/profile/", {"diet": "vegan"}, format="json").status_code == 200


# Content-Security-Policy ------------------------------------------------------------------------

HTML_PAGES = ["/", "/recipes/", "/recipes/mine/", "/recipes/new/", "/plans/", "/plans/new/", "/about/score/"]


def _script_src(policy: str) -> str:
    directives = dict((part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part.strip())
    return directives.get("script-src", directives.get("default-src", ""))


def test_html_pages_have_a_csp_without_inline_script(user, owner_plan, private_recipe):
    client = web_for(user)
    plan = f"/plans/{owner_plan.pk}"
    pages = [*HTML_PAGES, f"/recipes/{private_recipe.pk}/", f"{plan}/", f"{plan}/shopping-list/"]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response.headers["Content-Security-Policy"]
        script_src = _script_src(policy)
        assert "'self'" in script_src, (path, policy)
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src, (path, policy)
        assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
        nonce = re.search(r"'nonce-([^']+)'", script_src)
        html = response.content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            # Every script is a file from our origin, or carries this response's nonce.
            assert "src=" in tag or (nonce and f'nonce="{nonce.group(1)}"' in tag), (path, tag)
        assert not re.search(r"\son(click|load|submit|change|input)=", html), path  # no inline handlers


def test_login_and_admin_pages_have_the_csp_too(client):
    for path in ("/accounts/login/", "/accounts/signup/", "/admin/login/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "'unsafe-inline'" not in _script_src(response.headers["Content-Security-Policy"]), path


# Production settings and headers ----------------------------------------------------------------

PRODUCTION_PROBE = """
import json, os
import django
django.setup()
from django.conf import settings
from django.test import Client
from django.test.utils import override_settings, setup_test_environment
setup_test_environment()
# Pages name static files; production's manifest storage needs collectstatic, which headers do not depend on.
override_settings(
    STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
).enable()
plain = Client().get("/healthz", HTTP_HOST="mealplan.example")
insecure = Client().get("/recipes/", HTTP_HOST="mealplan.example")
secure = Client().get("/accounts/login/", secure=True, HTTP_HOST="mealplan.example")
print(json.dumps({
    "debug": settings.DEBUG,
    "redirect_status": insecure.status_code,
    "redirect_to": insecure.headers.get("Location", ""),
    "headers": dict(secure.headers),
    "cookies": {name: {"secure": bool(c["secure"])} for name, c in secure.cookies.items()},
    "healthz": plain.status_code,
}))
"""


def test_production_sends_secure_headers_and_redirects_to_https(tmp_path):
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "MEALPLAN_TESTING": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "mealplan.example",
        "DJANGO_SETTINGS_MODULE": "mealplan.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",  # never the developer's or CI's database
    }
    env.pop("DJANGO_SECURE_SSL_REDIRECT", None)
    out = subprocess.run(
        [sys.executable, "-c", PRODUCTION_PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["debug"] is False
    assert result["redirect_status"] == 301 and result["redirect_to"].startswith("https://mealplan.example/")
    assert result["healthz"] == 200  # exempt from the HTTPS redirect so a load balancer can probe it
    headers = {k.lower(): v for k, v in result["headers"].items()}
    assert int(re.search(r"max-age=(\d+)", headers["strict-transport-security"]).group(1)) >= 31536000
    assert "includesubdomains" in headers["strict-transport-security"].lower()
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"
    assert "'unsafe-inline'" not in _script_src(headers["content-security-policy"])
    assert result["cookies"]["csrftoken"]["secure"] is True


def test_check_deploy_settings_in_this_process_match_the_documented_defaults():
    # Tests run with MEALPLAN_TESTING: the secure cookie/HSTS block is production-only, proved above.
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.SECURE_CONTENT_TYPE_NOSNIFF is True
    assert settings.X_FRAME_OPTIONS == "DENY"
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


# Passwords --------------------------------------------------------------------------------------


@pytest.mark.parametrize("weak", ["password", "12345678", "qwertyuiop", "short1", "owner2024", "98765432109"])
def test_weak_passwords_are_refused(user, weak):
    with pytest.raises(ValidationError):
        validate_password(weak, user=user)


def test_signup_refuses_a_weak_password_and_creates_no_account(client, django_user_model):
    response = client.post(
        "/accounts/signup/", {"username": "newcomer", "password1": "password", "password2": "password"}
    )
    assert response.status_code == 200
    assert "too common" in response.content.decode()
    assert not django_user_model.objects.filter(username="newcomer").exists()


def test_a_strong_password_is_accepted(user):
    validate_password("plum tuesday lantern 81", user=user)


# Lockout ----------------------------------------------------------------------------------------


def test_website_login_locks_after_the_failure_limit_even_with_the_right_password(client, user):
    limit = settings.AXES_FAILURE_LIMIT
    for _ in range(limit):
        client.post("/accounts/login/", {"username": "owner", "password": "wrong guess"})
    response = client.post("/accounts/login/", {"username": "owner", "password": PASSWORD})
    assert response.status_code == 429  # axes' lockout page (registration/locked_out.html)
    assert "_auth_user_id" not in client.session
    # Another address is not locked out by this one's failures.
    other = Client(REMOTE_ADDR="10.9.8.7")
    assert other.post("/accounts/login/", {"username": "owner", "password": PASSWORD}).status_code == 302


def test_api_token_login_locks_after_the_failure_limit(user, monkeypatch):
    from rest_framework.authtoken.models import Token

    # Raise the auth throttle so the lockout, not the rate limit, is what stops the last attempt.
    monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, "auth", "1000/min")
    client = APIClient()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        assert client.post("/api/v1/auth/token/", {"username": "owner", "password": "nope"}).status_code == 400
    response = client.post("/api/v1/auth/token/", {"username": "owner", "password": PASSWORD})
    assert response.status_code == 400, response.content  # the same answer as a wrong password: nothing leaks
    assert not Token.objects.filter(user=user).exists()


# Throttling -------------------------------------------------------------------------------------


def test_signed_in_api_clients_are_throttled(user, monkeypatch):
    # DRF's anon/user throttles read the rates bound at import; the scoped ones read settings per request.
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {**SimpleRateThrottle.THROTTLE_RATES, "user": "3/min"})
    client = api_for(user)
    codes = [client.get("/api/v1/recipes/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    blocked = client.get("/api/v1/me/profile/")
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) > 0
    assert set(blocked.json()) == {"detail", "errors"}
    someone_else = api_for(user.__class__.objects.create_user("third", password="x" * 12))
    assert someone_else.get("/api/v1/recipes/").status_code == 200  # the limit is per user


def test_plan_generation_has_its_own_rate(user, catalogue, settings):
    rest = dict(settings.REST_FRAMEWORK)
    rest["DEFAULT_THROTTLE_RATES"] = {**rest["DEFAULT_THROTTLE_RATES"], "plan_generate": "2/min"}
    settings.REST_FRAMEWORK = rest
    client = api_for(user)
    body = {"start": "2026-12-07", "days": 1}
    codes = [client.post("/api/v1/plans/", body, format="json").status_code for _ in range(3)]
    assert codes == [201, 201, 429]
    assert Plan.objects.filter(owner=user).count() == 2
    assert client.get("/api/v1/plans/").status_code == 200  # reads are not held back by the generation limit
