import pytest

from recipes.engine.pieces import GENERIC_UNIT_GRAMS, count_grams
from recipes.engine.portions import grams_per_ml, line_grams
from recipes.engine.types import ParsedLine, Portion
from tests.recipes import factories as f


def line(**fields) -> ParsedLine:
    return ParsedLine(raw="test", food="x", **fields)


def test_explicit_grams_win_over_everything():
    assert line_grams(line(quantity=1, unit="cup", grams=240, ml=236.6), f.YOGURT) == (240, "")


def test_volume_uses_the_foods_own_cup_weight():
    grams, note = line_grams(line(quantity=1, unit="cup", ml=236.588), f.OATS)
    assert grams == pytest.approx(81, rel=1e-3)
    assert note == ""


def test_volume_prefers_the_portion_matching_the_preparation():
    # USDA: a cup of chopped onion weighs 160 g.
    grams, _ = line_grams(line(quantity=1, unit="cup", ml=236.588, preparation="chopped"), f.ONION)
    assert grams == pytest.approx(160, rel=1e-3)


def test_tablespoon_of_oil_from_its_density():
    grams, _ = line_grams(line(quantity=2, unit="tbsp", ml=2 * 14.787), f.OLIVE_OIL)
    assert grams == pytest.approx(27, rel=0.01)


def test_volume_without_density_is_taken_as_water_and_says_so():
    grams, note = line_grams(line(quantity=1, unit="cup", ml=236.588), f.LEMON_JUICE)
    assert grams == pytest.approx(236.588)
    assert "water" in note


def test_count_uses_medium_portion_and_scales_by_size():
    assert count_grams(f.ONION, "") == 110
    assert count_grams(f.ONION, "large") == pytest.approx(110 * 1.3)
    grams, _ = line_grams(line(quantity=2, size="small"), f.ONION)
    assert grams == pytest.approx(2 * 110 * 0.7)


def test_named_piece_portion():
    grams, note = line_grams(line(quantity=3, unit="clove"), f.GARLIC)
    assert (grams, note) == (9, "")


def test_generic_unit_is_an_estimate_and_says_so():
    grams, note = line_grams(line(quantity=1, unit="pinch"), f.GARLIC)
    assert grams == GENERIC_UNIT_GRAMS["pinch"]
    assert "estimated" in note


def test_range_uses_the_middle():
    grams, _ = line_grams(line(quantity=2, quantity_max=4, unit="clove"), f.GARLIC)
    assert grams == 9


def test_no_amount_and_unknown_unit_give_no_weight():
    assert line_grams(line(), f.ONION) == (None, "no amount")
    grams, note = line_grams(line(quantity=1, unit="wheelbarrow"), f.ONION)
    assert grams is None
    assert "wheelbarrow" in note


def test_density_from_cup_portion():
    assert grams_per_ml(f.OATS) == pytest.approx(81 / 236.588)
    assert grams_per_ml(f.LEMON_JUICE) is None


def test_citrus_juice_and_zest_per_fruit_are_estimates():
    juice, note = line_grams(line(quantity=2, unit="lemon"), f.LEMON_JUICE)
    assert juice == 2 * 47.0
    assert "juice" in note
    zest = f.food(9, "lemon zest", food_group="fruits")
    assert line_grams(line(quantity=1, unit="lemon"), zest)[0] == 2.0


def test_a_stick_of_cinnamon_is_not_a_stick_of_butter():
    cinnamon = f.food(10, "cinnamon stick", food_group="herbs and spices")
    butter = f.food(11, "butter", food_group="dairy and eggs")
    assert line_grams(line(quantity=2, unit="stick"), cinnamon)[0] < 10
    assert line_grams(line(quantity=1, unit="stick"), butter)[0] == 113.0


def test_a_food_named_by_its_piece_is_weighed_as_that_piece():
    bay = f.food(12, "bay leaf", food_group="herbs and spices")
    grams, note = line_grams(line(quantity=2), bay)
    assert grams == 2 * GENERIC_UNIT_GRAMS["leaf"]
    assert "estimated" in note
    assert line_grams(line(quantity=1), f.food(13, "jackfruit"))[0] is None


def test_cream_by_the_cup_is_poured_not_whipped():
    # USDA heavy cream: "cup, whipped" 120 g is listed before "cup, fluid" 238 g; recipes pour cream.
    cream = f.food(
        901,
        "heavy cream",
        portions=(Portion(1, "cup, whipped", 120), Portion(1, "cup, fluid (yields 2 cups whipped)", 238)),
    )
    grams, _ = line_grams(line(quantity=1, unit="cup", ml=236.588), cream)
    assert grams == pytest.approx(238, rel=1e-3)


@pytest.mark.parametrize(
    ("text", "grams"),
    [
        ("1 cup whipped heavy cream", 120),  # measured whipped
        ("1 cup heavy cream, whipped", 238),  # measured, then whipped
        ("1 cup cold heavy cream, whipped until stiff", 238),
        ("300 ml double cream, whipped to soft peaks", 238 * 300 / 236.588),
    ],
)
def test_cream_measured_whipped_takes_the_whipped_cup_and_cream_whipped_after_the_fluid_one(text, grams):
    from recipes.engine.parser import parse_line

    cream = f.food(
        902,
        "heavy cream",
        portions=(Portion(1, "cup, fluid", 238), Portion(1, "cup, whipped", 120)),
    )
    assert line_grams(parse_line(text), cream)[0] == pytest.approx(grams, rel=1e-3)


def test_a_cup_of_whole_leaves_is_not_the_weight_of_one_leaf():
    # USDA basil: "5 leaves" 2.5 g and "0.25 cup leaves, whole" 6 g; "5 basil leaves" weigh 2.5 g.
    basil = f.food(903, "basil", portions=(Portion(5, "leaves", 2.5), Portion(0.25, "cup leaves, whole", 6)))
    grams, _ = line_grams(line(quantity=5), basil)
    assert grams == pytest.approx(2.5)


def test_a_cup_of_whole_almonds_is_not_one_almond():
    almond = f.food(904, "almond", portions=(Portion(1, "cup, whole", 143), Portion(1, "almond", 1.2)))
    assert count_grams(almond, "") == pytest.approx(1.2)


def test_a_counted_food_is_its_plain_piece_not_a_sized_one_listed_first():
    # USDA flour tortillas: "tortilla medium (approx 6" dia)" 30 g comes before the plain "tortilla" 48 g.
    tortilla = f.food(
        905,
        "flour tortilla",
        portions=(Portion(1, 'tortilla medium (approx 6" dia)', 30), Portion(1, "tortilla", 48)),
    )
    assert count_grams(tortilla, "") == pytest.approx(48)
    # USDA cherries: "1 NLEA serving" 140 g is not one cherry (8.2 g).
    cherry = f.food(906, "cherry", portions=(Portion(1, "NLEA serving", 140), Portion(1, "cherry", 8.2)))
    assert line_grams(line(quantity=10), cherry)[0] == pytest.approx(82)


def test_a_sized_count_scales_the_plain_piece_when_no_sized_portion_exists():
    onion = f.food(907, "sweet onion", portions=(Portion(1, "NLEA serving", 148), Portion(1, "onion", 331)))
    assert count_grams(onion, "small") == pytest.approx(331 * 0.7)


def test_a_sized_count_scales_a_piece_named_otherwise_when_it_is_the_only_one():
    # USDA SR28 11507 sweet potato: "cup, cubes" 133 g and one piece, "sweetpotato, 5\" long" 130 g.
    sweet_potato = f.food(
        909, "sweet potato", portions=(Portion(1, "cup, cubes", 133), Portion(1, 'sweetpotato, 5" long', 130))
    )
    assert count_grams(sweet_potato, "") == pytest.approx(130)
    assert count_grams(sweet_potato, "large") == pytest.approx(130 * 1.3)


def test_a_curated_each_portion_beats_the_plain_piece():
    cookie = f.food(908, "chocolate chip cookies", portions=(Portion(1, "cookie", 12.9), Portion(1, "each", 12.2)))
    assert count_grams(cookie, "") == pytest.approx(12.2)


# USDA SR28 05006: 1 lb of ready-to-cook chicken gives 276 g of meat and skin; 0.5 chicken, bone removed, 460 g.
WHOLE_CHICKEN = f.food(
    40,
    "whole chicken",
    food_group="meat",
    portions=(Portion(0.5, "chicken, bone removed", 460), Portion(1, "lb as bought", 276)),
)


@pytest.mark.parametrize(
    ("raw", "parsed_grams", "expected"),
    [
        ("1 whole chicken (about 3 1/2 lb)", 1587.6, 1587.6 * 276 / 453.592),  # bones weighed too
        ("2 lb chicken, any cut", 907.2, 907.2 * 276 / 453.592),
    ],
)
def test_a_bird_weighed_as_bought_counts_its_edible_part(raw, parsed_grams, expected):
    from recipes.engine.parser import parse_line

    parsed = parse_line(raw)
    assert parsed.grams == pytest.approx(parsed_grams, rel=1e-3)
    grams, note = line_grams(parsed, WHOLE_CHICKEN)
    assert grams == pytest.approx(expected, rel=1e-3)
    assert "as bought" in note


def test_a_weight_of_meat_only_or_a_counted_bird_is_not_reduced():
    boneless = line(quantity=900, unit="g", grams=900, preparation="boneless")
    assert line_grams(boneless, WHOLE_CHICKEN) == (900, "")
    # a counted bird is weighed by USDA's edible portion already: half a chicken, bone removed, is 460 g
    assert line_grams(line(quantity=1), WHOLE_CHICKEN) == (920, "")


# USDA SR28 10072 pork shoulder: refuse bone and skin 25 %, so 340.2 g eaten per lb bought on the bone.
PORK_SHOULDER = f.food(44, "pork shoulder", food_group="meat", portions=(Portion(1, "lb bone-in", 340.2),))


@pytest.mark.parametrize(
    ("raw", "share"),
    [
        ("1 (4 lb) bone-in pork shoulder", 340.2 / 453.592),
        ("3 lb pork shoulder on the bone", 340.2 / 453.592),
        ("2 lb bone in pork shoulder, trimmed", 340.2 / 453.592),
        ("3 lb pork shoulder", 1.0),  # sold both ways: the bone only when the line says so
        ("2 lb boneless pork shoulder", 1.0),
    ],
)
def test_a_cut_sold_both_ways_loses_its_bone_only_when_the_line_says_bone_in(raw, share):
    from recipes.engine.parser import parse_line

    parsed = parse_line(raw)
    grams, note = line_grams(parsed, PORK_SHOULDER)
    assert grams == pytest.approx(parsed.grams * share, rel=1e-3)
    assert ("as bought" in note) == (share < 1)


# USDA SR28 15236 salmon, Atlantic, farmed, raw: 0.5 fillet = 198 g (a fillet there is a whole side).
SALMON = f.food(
    41, "salmon", food_group="fish and seafood", portions=(Portion(3, "oz", 85), Portion(0.5, "fillet", 198))
)
COD = f.food(42, "cod", food_group="fish and seafood", portions=(Portion(1, "fillet", 231),))


def test_a_recipe_fillet_is_a_portion_piece_not_a_side_of_fish():
    from recipes.engine.parser import parse_line

    assert line_grams(parse_line("2 salmon fillets"), SALMON) == (396, "")
    assert line_grams(parse_line("1 cod fillet"), COD) == (231, "")


def test_an_egg_without_a_size_weighs_the_curated_plain_egg():
    egg = f.food(43, "egg", portions=(Portion(1, "large", 50), Portion(1, "medium", 44), Portion(1, "egg", 50)))
    assert count_grams(egg, "") == 50
    assert count_grams(egg, "medium") == 44


# USDA SR28 18364 flour tortillas: plain 48 g; 6" 30 g; 7-8" 49 g; 10" 72 g; 12" 117 g.
FLOUR_TORTILLA = f.food(
    44,
    "flour tortilla",
    portions=(
        Portion(1, "tortilla", 48),
        Portion(1, 'tortilla medium (approx 6" dia)', 30),
        Portion(1, 'tortilla (approx 10" dia)', 72),
        Portion(1, 'tortilla (approx 12" dia)', 117),
        Portion(1, 'tortilla (approx 7-8" dia)', 49),
    ),
)


@pytest.mark.parametrize(
    ("raw", "grams"),
    [
        ("4 (10-inch) flour tortillas", 4 * 72),
        ("2 12-inch flour tortillas", 2 * 117),
        ("6 flour tortillas (6 inch)", 6 * 30),
        ("6 (7 1/2-inch) flour tortillas", 6 * 49),  # the 7-8" portion, not a 2-inch tortilla
        ("8 flour tortillas", 8 * 48),  # no size written: the plain tortilla
        ("2 (20-inch) flour tortillas", 2 * 48),  # no USDA portion within 2 inches: the plain tortilla
    ],
)
def test_a_stated_diameter_picks_the_usda_portion_of_that_size(raw, grams):
    from recipes.engine.parser import parse_line

    assert line_grams(parse_line(raw), FLOUR_TORTILLA) == (pytest.approx(grams), "")


def test_a_counted_food_is_never_its_usda_package():
    from recipes.engine.types import FoodRecord

    sausage = FoodRecord(
        id=1, name="breakfast sausage", portions=(Portion(1, "package", 340.0), Portion(1, "link", 25.0))
    )
    assert count_grams(sausage, "") == pytest.approx(25.0)
