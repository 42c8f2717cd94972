"""Recipe lists served from the shared cache (recipes/listcache.py): hits, invalidation, isolation."""

import pytest
from django.test import override_settings

from recipes import listcache, services

URL = "/api/v1/recipes/?ordering=-gut_score"


@pytest.fixture
def cached_lists():
    with override_settings(RECIPE_LIST_CACHE_SECONDS=60):
        yield


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["title"] for row in response.json()["results"]]


@pytest.mark.django_db
def test_a_repeated_list_is_answered_without_queries(cached_lists, owner_api, make_recipe, django_assert_num_queries):
    make_recipe(title="Lentil soup", gut_score=80)
    first = titles(owner_api.get(URL))
    with django_assert_num_queries(0):
        again = titles(owner_api.get(URL))
    assert again == first == ["Lentil soup"]


@pytest.mark.django_db
def test_any_committed_recipe_write_drops_cached_lists(
    cached_lists, owner_api, user, make_recipe, django_capture_on_commit_callbacks
):
    soup = make_recipe(title="Lentil soup", gut_score=80)
    assert titles(owner_api.get(URL)) == ["Lentil soup"]
    with django_capture_on_commit_callbacks(execute=True):
        services.update_recipe(soup, title="Red lentil soup")
    assert titles(owner_api.get(URL)) == ["Red lentil soup"]
    with django_capture_on_commit_callbacks(execute=True):
        soup.delete()
    assert titles(owner_api.get(URL)) == []


@pytest.mark.django_db
def test_a_write_that_rolls_back_keeps_the_cache(cached_lists, owner_api, make_recipe):
    make_recipe(title="Lentil soup", gut_score=80)
    owner_api.get(URL)
    token = listcache.version()
    listcache.bump_on_commit()  # registered, but this test's transaction never commits
    assert listcache.version() == token


@pytest.mark.django_db
def test_cached_lists_are_per_user(cached_lists, owner_api, stranger_api, user, make_recipe):
    make_recipe(title="Public soup", gut_score=50)
    make_recipe(title="My secret stew", owner=user, is_public=False, gut_score=90)
    assert titles(owner_api.get(URL)) == ["My secret stew", "Public soup"]
    assert titles(stranger_api.get(URL)) == ["Public soup"]
    own = owner_api.get(URL).json()["results"][0]
    assert own["is_own"] is True


@pytest.mark.django_db
def test_filters_and_pages_are_cached_apart(cached_lists, owner_api, make_recipe):
    for n in range(3):
        make_recipe(title=f"Soup {n}", gut_score=10 * n, fiber_g=n * 4)
    assert titles(owner_api.get(URL + "&min_fiber_g=4")) == ["Soup 2", "Soup 1"]
    assert titles(owner_api.get(URL + "&min_fiber_g=8")) == ["Soup 2"]
    assert titles(owner_api.get(URL + "&page_size=1&page=2")) == ["Soup 1"]


@pytest.mark.django_db
def test_off_by_default_without_a_shared_cache(owner_api, make_recipe, django_assert_max_num_queries):
    make_recipe(title="Lentil soup")
    owner_api.get(URL)
    with django_assert_max_num_queries(5) as captured:
        owner_api.get(URL)
    assert len(captured) >= 1  # the list is read from the database again


@pytest.mark.django_db
def test_a_page_built_while_a_write_commits_is_not_filed_under_the_new_version(
    cached_lists, owner_api, make_recipe, monkeypatch
):
    from recipes.api.serializers import RecipeListSerializer

    make_recipe(title="Lentil soup", gut_score=80)
    row = RecipeListSerializer.to_representation

    def row_then_write(self, recipe):  # a write commits after the rows are read, before the page is stored
        listcache.bump()
        return row(self, recipe)

    monkeypatch.setattr(RecipeListSerializer, "to_representation", row_then_write)
    assert titles(owner_api.get(URL)) == ["Lentil soup"]
    monkeypatch.undo()
    make_recipe(title="Bean stew", gut_score=90)  # the write (no commit in a test, so no bump of its own)
    assert titles(owner_api.get(URL)) == ["Bean stew", "Lentil soup"]
