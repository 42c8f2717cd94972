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


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds the food table we ship (USDA SR28 + curated ingredients), loaded once.

    Tests run in transactions that roll back, so every test sees the same table.
    """
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_foods", verbosity=0)


@pytest.fixture
def food_index(db):
    """The matching index over the shipped food table."""
    from recipes.selectors import food_index_cache

    food_index_cache.clear()
    yield food_index_cache.get()
    food_index_cache.clear()
