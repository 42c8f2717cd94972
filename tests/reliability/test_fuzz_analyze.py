"""Random ingredient text through POST /api/v1/analyze/ (the whole parser, matcher and score on the shipped
food table) never answers a server error: 200 with a score from 0 to 100, or 400 in the one error shape."""

import os

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("MEALPLAN_FUZZ_EXAMPLES") or 0)

QUANTITIES = ["1", "2", "½", "1 1/2", "0.25", "3-4", "a pinch of", "", "1e9", "-2", "0", "10000", "⅓", "two"]
UNITS = ["g", "kg", "cup", "cups", "tbsp", "tsp", "ml", "l", "oz", "lb", "can", "clove", "slices", "", "handful"]
FOODS = [
    "rolled oats",
    "kefir",
    "cooked lentils",
    "garlic",
    "onion, diced",
    "olive oil",
    "banana",
    "sauerkraut",
    "chickpeas (drained)",
    "salt to taste",
    "FOR THE SAUCE:",
    "spinach or kale",
    "plain yogurt",
    "xyzzy",
]

structured_line = st.builds(
    lambda q, u, f, tail: " ".join(part for part in (q, u, f) if part) + tail,
    st.sampled_from(QUANTITIES),
    st.sampled_from(UNITS),
    st.sampled_from(FOODS),
    st.sampled_from(["", ", chopped", " (optional)", " / 200 g", "\t", "  "]),
)
any_line = st.one_of(structured_line, st.text(max_size=120), st.text(alphabet="0123456789/½¼ -.,()gml", max_size=30))


@pytest.fixture
def client(user):
    api = APIClient(raise_request_exception=False)  # a crash must show up as the 500 a client would get
    api.force_authenticate(user)
    return api


@given(
    lines=st.lists(any_line, min_size=0, max_size=12),
    servings=st.one_of(st.none(), st.integers(min_value=-3, max_value=5000)),
    as_block=st.booleans(),
    yields=st.one_of(st.none(), st.sampled_from(["Serves 4", "Makes 12 muffins", "", "serves -1", "∞"])),
)
@settings(
    max_examples=EXAMPLES or 60,
    deadline=None,
    derandomize=not EXAMPLES,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_random_ingredient_text_never_causes_a_server_error(client, lines, servings, as_block, yields):
    cache.clear()  # the analyze throttle counts per user
    body = {"text": "\n".join(lines)} if as_block else {"ingredients": lines}
    if servings is not None:
        body["servings"] = servings
    if yields is not None:
        body["yields"] = yields
    response = client.post("/api/v1/analyze/", body, format="json")
    assert response.status_code in (200, 400), (body, response.status_code, response.content[:500])
    data = response.json()
    if response.status_code == 200:
        assert 0 <= data["gut_score"] <= 100
        assert data["servings"] >= 1
        assert 0 <= data["matched_share"] <= 1
        assert all(value >= 0 for value in data["per_serving"].values() if isinstance(value, int | float))
    else:
        assert set(data) == {"detail", "errors"} and data["errors"]
