"""Accounts: sign up, log in and out, password change and reset, lockout after repeated failures."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.core import mail
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def test_signup_creates_the_account_and_logs_in(client):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "newcook",
            "email": "cook@example.com",
            "password1": "a fine long pass 42",
            "password2": "a fine long pass 42",
        },
    )
    user = get_user_model().objects.get(username="newcook")
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(user.pk)
    assert user.email == "cook@example.com"
    assert "Log out" in client.get("/").content.decode()


def test_signup_errors_show_and_keep_the_username(client):
    response = client.post("/accounts/signup/", {"username": "newcook", "password1": "abc", "password2": "abd"})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="newcook"' in body
    assert "The two password fields didn’t match." in body
    assert not get_user_model().objects.filter(username="newcook").exists()
    assert SESSION_KEY not in client.session


def test_login_and_logout(client, user):
    assert 'name="username"' in client.get("/accounts/login/").content.decode()
    response = client.post("/accounts/login/", {"username": "owner", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(user.pk)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert SESSION_KEY not in client.session


def test_logout_is_post_only(client, user):
    client.force_login(user)
    assert client.get("/accounts/logout/").status_code == 405
    assert SESSION_KEY in client.session


def test_login_redirects_to_next(client, user):
    response = client.post(
        "/accounts/login/?next=/recipes/mine/", {"username": "owner", "password": PASSWORD, "next": "/recipes/mine/"}
    )
    assert response["Location"] == "/recipes/mine/"


def test_wrong_password_shows_an_error(client, user):
    response = client.post("/accounts/login/", {"username": "owner", "password": "nope"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_lockout_after_the_failure_limit_shows_a_friendly_page(client, user):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "owner", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "owner", "password": PASSWORD})
    body = response.content.decode()
    assert response.status_code == 429
    assert "Too many failed log-ins" in body
    assert 'class="site-header"' in body
    assert SESSION_KEY not in client.session


def test_one_failure_less_than_the_limit_still_logs_in(client, user):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post("/accounts/login/", {"username": "owner", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "owner", "password": PASSWORD})
    assert response.status_code == 302
    assert SESSION_KEY in client.session


def test_password_change(client, user):
    client.force_login(user)
    assert client.get("/accounts/password_change/").status_code == 200
    response = client.post(
        "/accounts/password_change/",
        {"old_password": PASSWORD, "new_password1": "brand new pass 77", "new_password2": "brand new pass 77"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("brand new pass 77")
    assert "Password changed" in client.get(response["Location"]).content.decode()


def test_password_change_needs_login():
    response = Client().get("/accounts/password_change/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_password_reset_sends_a_working_link(client, user):
    user.email = "owner@example.com"
    user.save()
    response = client.post("/accounts/password_reset/", {"email": "owner@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "reset pass 2026 ok", "new_password2": "reset pass 2026 ok"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("reset pass 2026 ok")


def test_password_reset_for_unknown_address_sends_nothing(client):
    response = client.post("/accounts/password_reset/", {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_nav_shows_login_and_signup_to_visitors_and_logout_to_users(client, user):
    body = client.get("/").content.decode()
    assert "/accounts/login/" in body and "/accounts/signup/" in body and "Log out" not in body
    client.force_login(user)
    body = client.get("/").content.decode()
    assert "Log out" in body and "/recipes/mine/" in body
