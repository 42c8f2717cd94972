import pytest

from mealplan.shopping import _safe, kitchen_amount


@pytest.mark.parametrize(
    ("grams", "kwargs", "expected"),
    [
        (330, {"group": "vegetables", "name": "onion", "piece_grams": 110, "ml_per_g": None}, "3 (about 330 g)"),
        (240, {"group": "vegetables", "name": "onion", "piece_grams": 110, "ml_per_g": None}, "2 (about 240 g)"),
        (50, {"group": "vegetables", "name": "onion", "piece_grams": 110, "ml_per_g": None}, "1 (about 50 g)"),
        (9, {"group": "vegetables", "name": "garlic", "piece_grams": 3, "ml_per_g": None}, "9 g"),
        (730, {"group": "dairy and eggs", "name": "milk", "piece_grams": None, "ml_per_g": 0.97}, "710 ml"),
        (1500, {"group": "beverages", "name": "water", "piece_grams": None, "ml_per_g": 1.0}, "1.5 l"),
        (1234, {"group": "grains", "name": "rolled oats", "piece_grams": None, "ml_per_g": 2.9}, "1.2 kg"),
        (42.4, {"group": "grains", "name": "rolled oats", "piece_grams": None, "ml_per_g": 2.9}, "42 g"),
        (0, {"group": "grains", "name": "rolled oats", "piece_grams": None, "ml_per_g": None}, ""),
    ],
)
def test_kitchen_amounts(grams, kwargs, expected):
    assert kitchen_amount(grams, **kwargs) == expected


def test_csv_cells_cannot_start_a_formula():
    assert _safe("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _safe("onion") == "onion"
