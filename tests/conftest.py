"""Shared fixtures: users (owner, stranger, staff) and API clients."""

import os

os.environ.setdefault("MEALPLAN_TESTING", "1")

import pytest  # noqa: E402


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user(username="owner", password="correct horse battery staple")


@pytest.fixture
def stranger(django_user_model):
    return django_user_model.objects.create_user(username="stranger", password="another good passphrase")


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        username="staff", password="staff passphrase 123", is_staff=True, is_superuser=True
    )


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture
def owner_api(api_client, user):
    api_client.force_authenticate(user)
    return api_client


@pytest.fixture
def stranger_api(stranger):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(stranger)
    return client
