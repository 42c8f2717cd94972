"""The foundation: settings from the environment, health check, home page."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import DatabaseError

ROOT = Path(__file__).resolve().parent.parent


def run_settings(env_overrides: dict[str, str], code: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "MEALPLAN_"))}
    env.update({"DJANGO_SETTINGS_MODULE": "mealplan.settings", **env_overrides})
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); from django.conf import settings; {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_sqlite_is_the_default_database():
    result = run_settings({"DJANGO_DEBUG": "1"}, "print(settings.DATABASES['default']['ENGINE'])")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_database_url_selects_postgresql():
    result = run_settings(
        {"DJANGO_DEBUG": "1", "DATABASE_URL": "postgres://someone@db.example:5433/plans"},
        "d = settings.DATABASES['default']; print(d['ENGINE'], d['HOST'], d['PORT'], d['NAME'])",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "db.example", "5433", "plans"]


def test_production_refuses_to_start_without_secret_key():
    result = run_settings({"DJANGO_DEBUG": "0"}, "print('started')")
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_settings_are_secure():
    result = run_settings(
        {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "x" * 60, "DJANGO_ALLOWED_HOSTS": "mealplan.example"},
        "print(settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, "
        "settings.SECURE_HSTS_SECONDS > 0, settings.ALLOWED_HOSTS)",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False True True True ['mealplan.example']"


def test_check_deploy_is_clean_with_production_variables():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "MEALPLAN_"))}
    env.update(
        {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "k" * 40,
            "DJANGO_ALLOWED_HOSTS": "mealplan.example",
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_healthz_reports_ok_after_a_database_round_trip(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_is_down(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken_execute(self, sql, params=None):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", broken_execute)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.django_db
def test_home_page_renders_with_csp_header(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b"mealplan" in response.content
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_favicon_ico_points_at_our_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("mealplan/favicon.svg")
