"""WordSetField: sets of words stored as ",a,b," that read back as sorted lists."""

import pytest
from django.db import connection

from recipes.models import Recipe
from recipes.models.fields import member
from tests.factories import recipe_row


@pytest.fixture
def recipe_factory(db):
    return lambda **fields: recipe_row(title="Word test", servings=1, **fields)


@pytest.mark.django_db
def test_words_round_trip_sorted_lowercase_and_unique(recipe_factory):
    recipe = recipe_factory(tags=["Quick", "easy", "quick", " "])
    assert Recipe.objects.values_list("tags", flat=True).get(pk=recipe.pk) == ["easy", "quick"]
    assert Recipe.objects.filter(tags__contains=member("easy")).get() == recipe


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        (",b,a,", ["a", "b"]),
        (",A,b,", ["a", "b"]),
        (",a,,b,", ["a", "b"]),
        (",a, b,", ["a", "b"]),
        (",black pepper,", ["black pepper"]),
        ("", []),
    ],
)
def test_rows_written_outside_django_read_back_clean(recipe_factory, stored, expected):
    recipe = recipe_factory(tags=["x"])
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {Recipe._meta.db_table} SET tags = %s WHERE id = %s", [stored, recipe.pk])
    assert Recipe.objects.values_list("tags", flat=True).get(pk=recipe.pk) == expected
