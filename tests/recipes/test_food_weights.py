"""Weights the curated food table fills in: densities, retail can sizes, cooked rice dishes and pieces.

Each line below was weighed as water, took an odd USDA can size or matched the wrong food before its
curated density, portion or row existed; the sources are in the rows' notes (fixtures/foods/*.csv).
"""

from recipes.engine.parser import parse_line

from .weighing import assert_lines_weigh, weigh


def test_volumes_of_foods_without_a_usda_cup_take_a_sister_rows_density(food_index):
    assert_lines_weigh(
        food_index,
        [
            ("1 cup pitted medjool dates", "medjool date", 147),  # deglet noor 09087 cup, chopped
            ("2 cups cubed challah", "challah", 70),  # white bread 18069 cup, cubes 35 g
            ("3 cups cubed sourdough bread", "sourdough bread", 105),
            ("1 cup canned salmon", "canned salmon", 154),  # canned tuna 15121 cup
            ("1 cup flaked cod", "cod", 136),
            ("1 cup cubed extra-firm tofu", "extra firm tofu", 252),  # firm tofu 16126 1/2 cup 126 g
            ("1 cup cubed silken tofu", "silken tofu", 248),
            ("2 tbsp malted milk powder", "malted milk powder", 14.0),  # 3 tbsp = 21 g
            ("1/4 cup hot cocoa mix", "hot chocolate mix", 37.3),
            ("1 cup cooked ground beef", "ground beef", 130),  # cooked crumbles, 42173 cup 130 g
            ("2 cups shredded turkey", "cooked turkey", 280),
            ("1/2 cup diced pancetta", "pancetta", 70),
            ("1 cup sliced kielbasa", "smoked sausage", 151),
            ("1 tsp chicken bouillon granules", "chicken bouillon cube", 2.6),
            ("2 tbsp gravy granules", "beef gravy granules", 12),
            ("1 cup caramel bits", "caramels", 156),
            ("2 tbsp instant vanilla pudding mix", "instant vanilla pudding mix", 21.6),
            ("1 cup vital wheat gluten", "vital wheat gluten", 120),
            ("2 tbsp coconut butter", "coconut butter", 32),
            ("1 cup diced velveeta", "velveeta", 140),
            ("1 cup dried shiitake mushrooms", "dried shiitake mushroom", 28.8),
        ],
    )


def test_a_can_is_the_retail_can_recipes_mean(food_index):
    assert_lines_weigh(
        food_index,
        [
            ("1 can diced tomatoes", "canned diced tomatoes", 411),  # 14.5 oz, not USDA's 190 g can
            ("1 can whole tomatoes", "canned whole tomatoes", 411),
            ("1 can stewed tomatoes", "stewed tomatoes", 411),
            ("1 can Rotel", "diced tomatoes with green chilies", 283),  # 10 oz
            ("1 can tomato sauce", "tomato sauce", 227),  # 8 oz
            ("1 can pumpkin puree", "pumpkin puree", 425),  # 15 oz
            ("1 can sweetened condensed milk", "sweetened condensed milk", 397),  # 14 oz
            ("1 can green chiles", "canned green chiles", 113),  # 4 oz
            ("1 can chipotle peppers in adobo", "chipotle pepper in adobo", 198),  # 7 oz
            ("1 can water chestnuts", "water chestnut", 227),
            ("1 can chicken broth", "chicken broth", 411),
            # a size written on the line still wins
            ("1 (28 oz) can whole tomatoes", "canned whole tomatoes", 793.8),
        ],
    )


def test_prepared_rice_dishes_are_cooked_rice_not_raw(food_index):
    assert_lines_weigh(
        food_index,
        [
            ("2 cups Spanish rice", "spanish rice", 396),  # 32021 prepared, 1 cup = 198 g
            ("1 cup mexican rice", "spanish rice", 198),
            ("3 cups fried rice", "fried rice", 411),  # 36602, 1 cup = 137 g
            ("4 cups coconut rice", "coconut rice", 632),  # cooked white rice 20045, 1 cup = 158 g
            ("2 cups cilantro lime rice", "cilantro lime rice", 316),
            ("1 cup rice pilaf", "pilau rice", 158),
            ("1 cup yellow rice", "yellow rice", 158),
            ("1 cup jeera rice", "jeera rice", 158),
            # plain rice keeps its own rows: dry unless cooked
            ("1 cup rice", "rice", 185),
            ("1 cup jasmine rice", "jasmine rice", 185),
            ("1 cup basmati rice", "basmati rice", 185),
            ("2 cups cooked rice", "cooked rice", 316),
            ("2 cups leftover rice", "cooked rice", 316),
        ],
    )
    for text in ("2 cups Spanish rice", "4 cups coconut rice", "3 cups fried rice"):
        food = food_index.match(parse_line(text).food, "").food
        assert food.energy_kcal < 200, text  # cooked, not raw rice's 365 kcal/100 g
    fried = food_index.match("fried rice", "").food
    assert "eggs" in fried.allergens and "soy" in fried.allergens


def test_pieces_of_cuts_breads_and_wrappers(food_index):
    assert_lines_weigh(
        food_index,
        [
            ("4 chicken cutlets", "chicken cutlet", 544),  # half a 272 g USDA breast each
            ("2 chicken breasts", "chicken breast", 544),
            ("1 New York strip steak", "strip steak", 302),  # USDA 23386 top loin steak
            ("1 steak", "beef steak", 608),
            ("1 duck breast", "duck breast", 166),  # not a whole duck (1268 g)
            ("1 whole duck", "duck", 1268),
            ("1 dill pickle", "dill pickle", 65),  # medium, from USDA 11941
            ("1 large dill pickle", "dill pickle", 135),
            ("1 rack of lamb", "rack of lamb", 504),  # 8 rib chops of 63 g, not one loin chop
            ("4 lamb chops", "lamb chop", 260),
            ("1 French baguette", "french bread", 250),
            ("10 pitted dried jujube", "dried jujube", 80),
            ("12 rice papers (8 inches)", "rice paper", 156),
            ("1/4 cup achiote paste", "achiote paste", 64),
            ("1/4 teaspoon kosher", "kosher salt", 1.2),  # Morton label: 1/4 tsp = 1.2 g
        ],
    )


def test_new_aliases_do_not_take_over_other_foods(food_index):
    assert weigh(food_index, "1 kosher dill pickle")[0] == "dill pickle"
    assert weigh(food_index, "1 tsp kosher salt")[0] == "kosher salt"
    assert weigh(food_index, "1 lb sirloin steak")[0] == "beef steak"
    assert weigh(food_index, "1 (4 lb) whole duck")[0] == "duck"
    assert weigh(food_index, "1 cup white rice")[0] == "rice"


def test_foods_with_no_plausible_volume_still_have_no_density(food_index):
    # eggs and spray are counted or sprayed; a cup of them is not a recipe measure
    for name in ("duck egg", "quail egg", "cooking spray"):
        food = food_index.match(name, "").food
        assert food.name == name and food.density_g_per_ml is None
