"""Unit conversion: pint's factors, checked by round trips and against the parser's totals."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recipes.engine import units
from recipes.engine.parser import parse_line

MASS_UNITS = ["g", "kg", "oz", "lb"]
VOLUME_UNITS = ["ml", "l", "tsp", "tbsp", "cup", "fl oz", "pint", "quart"]
amounts = st.floats(min_value=0.1, max_value=10_000, allow_nan=False, allow_infinity=False)


@settings(deadline=None)
@given(amounts, st.sampled_from(MASS_UNITS), st.sampled_from(MASS_UNITS))
def test_mass_round_trip_through_the_parser(amount, first, second):
    grams = parse_line(f"{amount:.2f} {first} flour").grams
    in_second = grams / units.factor(second)
    again = parse_line(f"{in_second:.9f} {second} flour").grams
    assert again == pytest.approx(grams, rel=1e-5, abs=1e-6)
    assert units.dimension(first) == units.dimension(second) == units.MASS


@settings(deadline=None)
@given(amounts, st.sampled_from(VOLUME_UNITS), st.sampled_from(VOLUME_UNITS))
def test_volume_round_trip_through_the_parser(amount, first, second):
    ml = parse_line(f"{amount:.2f} {first} milk").ml
    in_second = ml / units.factor(second)
    again = parse_line(f"{in_second:.9f} {second} milk").ml
    assert again == pytest.approx(ml, rel=1e-5, abs=1e-6)
    assert units.dimension(first) == units.dimension(second) == units.VOLUME


@pytest.mark.parametrize(
    ("unit", "expected"),
    [("oz", 28.349523125), ("lb", 453.59237), ("kg", 1000.0)],
)
def test_mass_factors_are_the_international_definitions(unit, expected):
    assert units.factor(unit) == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize(
    ("unit", "expected"),
    [("cup", 236.5882365), ("tbsp", 14.78676478), ("tsp", 4.92892159), ("fl oz", 29.57352956), ("l", 1000.0)],
)
def test_volume_factors_are_the_us_customary_definitions(unit, expected):
    assert units.factor(unit) == pytest.approx(expected, rel=1e-6)


@given(st.integers(min_value=1, max_value=500), st.sampled_from(["g", "kg", "oz", "lb"]))
def test_parsed_weight_is_the_amount_times_the_factor(amount, unit):
    parsed = parse_line(f"{amount} {unit} flour")
    assert parsed.grams == pytest.approx(amount * units.factor(unit), rel=1e-9)


@given(st.integers(min_value=1, max_value=50), st.sampled_from(["ml", "cup", "tbsp", "tsp"]))
def test_parsed_volume_is_the_amount_times_the_factor(amount, unit):
    parsed = parse_line(f"{amount} {unit} milk")
    assert parsed.ml == pytest.approx(amount * units.factor(unit), rel=1e-9)
