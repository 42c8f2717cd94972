import pytest

from recipes.engine.matcher import MIN_CONFIDENCE, FoodIndex, singular, tokens
from tests.recipes import factories as f


@pytest.fixture(scope="module")
def index():
    return FoodIndex(f.ALL)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("onions", "onion"),
        ("berries", "berry"),
        ("tomatoes", "tomato"),
        ("peaches", "peach"),
        ("hummus", "hummus"),
        ("chickpeas", "chickpea"),
        ("glass", "glass"),
        ("asparagus", "asparagus"),
        ("oats", "oat"),
    ],
)
def test_singular(word, expected):
    assert singular(word) == expected


def test_tokens_fold_accents_case_and_plurals():
    assert tokens("Jalapeños & Crème-Fraîche") == ["jalapeno", "and", "creme", "fraiche"]


@pytest.mark.parametrize(
    ("text", "food_id"),
    [
        ("onion", 1),
        ("Onions", 1),
        ("yellow onion", 1),
        ("large brown onions", 1),
        ("old-fashioned oats", 2),
        ("natural yogurt", 3),
        ("extra virgin olive oil", 4),
        ("garlic cloves", 5),
        ("low-sodium chicken broth", 6),
        ("fresh lemon juice", 7),
    ],
)
def test_curated_names_aliases_and_descriptors_match(index, text, food_id):
    match = index.match(text)
    assert match.matched
    assert match.food.id == food_id


def test_exact_match_is_certain_and_descriptor_match_nearly(index):
    assert index.match("onion").confidence == 1.0
    assert 0.9 <= index.match("chopped fresh onion").confidence < 1.0


def test_head_noun_wins_among_equal_phrases(index):
    # "lemon juice" names the juice, not the fruit, though "lemon" is a food too.
    assert index.match("juice of lemon lemon juice").food.id == 7


def test_usda_fallback_prefers_plain_food_over_branded_composite(index):
    match = index.match("kale leaves")
    assert match.food.id == 103
    assert match.confidence <= 0.75


def test_unknown_food_is_not_matched(index):
    match = index.match("unobtainium dust")
    assert not match.matched
    assert match.confidence < MIN_CONFIDENCE


def test_empty_text_is_not_matched(index):
    assert not index.match("").matched
    assert not index.match("  , ").matched


def test_exact_name_beats_another_foods_descriptor_stripped_name():
    fresh = f.food(20, "fresh oregano", food_group="herbs and spices")
    dried = f.food(21, "oregano", aliases=("dried oregano",), food_group="herbs and spices")
    for order in ((fresh, dried), (dried, fresh)):
        index = FoodIndex(order)
        assert index.match("oregano").food.id == 21
        assert index.match("fresh oregano").food.id == 20


def test_chili_plurals():
    assert singular("chilis") == "chili"
    assert singular("chillies") == "chilli"
    assert singular("chilies") == "chili"


def test_the_cut_in_the_preparation_picks_the_skin_on_row():
    plain = f.food(30, "chicken thigh", aliases=("skinless chicken thighs",), food_group="meat")
    skin_on = f.food(31, "skin-on chicken thigh", aliases=("bone-in chicken thighs",), food_group="meat")
    index = FoodIndex((plain, skin_on))
    assert index.match("chicken thighs", "bone-in, skin-on").food.id == 31
    assert index.match("chicken thighs", "skin on").food.id == 31
    assert index.match("chicken thighs", "bone in").food.id == 31
    assert index.match("chicken thighs", "boneless, skinless").food.id == 30
    assert index.match("chicken thighs").food.id == 30
    # no skin-on row for the food: the plain one
    assert index.match("chicken thigh fillets", "skin-on").food.id == 30


def test_a_lean_share_on_the_line_picks_the_nearest_lean_row():
    fatty = f.food(40, "ground beef", aliases=("beef mince", "80% lean ground beef"), food_group="meat")
    lean = f.food(41, "lean ground beef", aliases=("90% lean ground beef",), food_group="meat")
    leaner = f.food(42, "93% lean ground beef", food_group="meat")
    turkey = f.food(43, "ground turkey", food_group="meat")
    index = FoodIndex((fatty, lean, leaner, turkey))
    assert index.match("beef mince", "90/10 fat").food.id == 41
    assert index.match("ground beef", "lean, 90%").food.id == 41
    assert index.match("85/15 ground beef").food.id == 40  # no row within 3 points: the plain match
    assert index.match("92% lean ground beef").food.id == 42
    assert index.match("lean ground beef", "93/7").food.id == 42
    assert index.match("ground beef", "lean").food.id == 41
    assert index.match("ground beef").food.id == 40
    assert index.match("ground beef", "80/20").food.id == 40
    # a share far from every row, or a meat without lean rows, keeps the plain match
    assert index.match("70/30 ground beef").food.id == 40
    assert index.match("93% lean ground turkey").food.id == 43
    # a number that is no lean share is left alone
    assert index.match("ground beef", "2 packages").food.id == 40


@pytest.mark.parametrize(
    "text", ["coconut yogurt", "dairy-free yogurt", "plant-based yogurt", "vegan yogurt", "almond milk yogurt"]
)
def test_a_plant_based_alternative_is_not_counted_as_the_dairy_food(index, text):
    match = index.match(text)
    assert not match.matched  # reported: neither its values nor its dairy flag are the yogurt's
    assert match.food.id == 3


def test_a_dairy_food_with_a_flavour_or_describing_word_still_matches(index):
    assert index.match("creamy yogurt").matched
    assert index.match("natural yogurt").confidence == 1.0


def test_the_usda_fallback_takes_the_raw_row_unless_the_line_is_cooked():
    from recipes.engine.types import FoodRecord

    cooked = FoodRecord(id=101, name="Bison, ground, grass-fed, cooked")
    raw = FoodRecord(id=102, name="Bison, ground, grass-fed, raw")
    usda = FoodIndex([cooked, raw])
    assert usda.match("ground bison").food == raw
    assert usda.match("cooked ground bison").food == cooked
    assert usda.match("ground bison", "cooked").food == cooked


def test_a_defining_word_keeps_a_bare_noun_free_and_a_describing_word_can_belong_to_the_name():
    from recipes.engine.types import FoodRecord

    hot_sauce = FoodRecord(id=201, name="hot sauce", is_common=True)
    hot_dog = FoodRecord(id=202, name="hot dog", is_common=True)
    beef = FoodRecord(id=203, name="stewing beef", aliases=("beef",), is_common=True)
    coconut = FoodRecord(id=204, name="shredded coconut", is_common=True)
    curated = FoodIndex([hot_sauce, hot_dog, beef, coconut])
    assert not curated.match("stir fry sauce").matched  # "hot sauce" is not every sauce
    assert curated.match("hot sauce").food == hot_sauce
    assert curated.match("beef hot dogs").food == hot_dog  # "hot" is a descriptor, yet part of this name
    assert curated.match("coconut").food == coconut  # "shredded" only describes: the bare noun is still found


def test_shredded_meat_is_cooked_meat_but_shredded_cheese_stays_the_cheese():
    from recipes.engine.types import FoodRecord

    cooked = FoodRecord(id=301, name="cooked chicken", aliases=("shredded chicken",), food_group="meat", is_common=True)
    raw = FoodRecord(id=302, name="chicken", food_group="meat", is_common=True)
    blend = FoodRecord(id=303, name="mexican cheese blend", aliases=("shredded cheese",), is_common=True)
    cheddar = FoodRecord(id=304, name="cheddar cheese", food_group="dairy and eggs", is_common=True)
    curated = FoodIndex([cooked, raw, blend, cheddar])
    assert curated.match("chicken", "shredded").food == cooked
    assert curated.match("chicken").food == raw
    assert curated.match("cheddar cheese", "shredded").food == cheddar


def test_a_product_made_of_another_food_is_neither_the_product_nor_the_food():
    from recipes.engine.types import FoodRecord

    flour = FoodRecord(id=401, name="all-purpose flour", aliases=("flour",), food_group="grains", is_common=True)
    almond_flour = FoodRecord(id=402, name="almond flour", food_group="nuts and seeds", is_common=True)
    coconut = FoodRecord(id=403, name="shredded coconut", aliases=("coconut",), food_group="fruits", is_common=True)
    lemon = FoodRecord(id=404, name="lemon", food_group="fruits", is_common=True)
    milk = FoodRecord(id=405, name="milk", food_group="dairy and eggs", contains_dairy=True, is_common=True)
    cream = FoodRecord(id=406, name="cream", food_group="dairy and eggs", contains_dairy=True, is_common=True)
    chips = FoodRecord(id=407, name="banana", food_group="fruits", is_common=True)
    usda_chips = FoodRecord(id=408, name="Snacks, banana chips")
    curated = FoodIndex([flour, almond_flour, coconut, lemon, milk, cream, chips, usda_chips])
    # the product noun found, another food before it: coconut flour is not wheat flour
    assert not curated.match("coconut flour").matched
    assert curated.match("almond flour").food == almond_flour  # a row of its own still wins
    assert curated.match("flour").food == flour
    # the food found, the product noun left over: lemon curd is not a raw lemon
    assert not curated.match("lemon curd").matched
    # a dairy word before milk is a kind of milk; a USDA row that names the product is taken
    assert curated.match("full cream milk").food == milk
    assert curated.match("banana chips").food == usda_chips


def test_a_dried_fruit_is_not_the_fresh_fruit_unless_the_fruit_is_dried_already():
    from recipes.engine.types import FoodRecord

    cherry = FoodRecord(id=501, name="cherry", food_group="fruits", energy_kcal=63, is_common=True)
    date = FoodRecord(id=502, name="date", aliases=("dates",), food_group="fruits", energy_kcal=277, is_common=True)
    usda_dried = FoodRecord(id=503, name="Cherries, tart, dried, sweetened", energy_kcal=333)
    curated = FoodIndex([cherry, date, usda_dried])
    assert curated.match("cherries").food == cherry
    assert curated.match("dried cherries").food == usda_dried  # a USDA dried row, not fresh cherries
    assert curated.match("dried dates").food == date  # dates are dried already
    assert not FoodIndex([cherry]).match("dried cherries").matched  # no dried row: reported


def test_a_lighter_form_takes_the_usda_row_and_keeps_the_foods_flags():
    from recipes.engine.types import FoodRecord, Portion

    butter = FoodRecord(
        id=601,
        name="butter",
        food_group="dairy and eggs",
        energy_kcal=717,
        allergens=("milk",),
        contains_dairy=True,
        is_common=True,
        portions=(Portion(1, "tbsp", 14.2),),
    )
    light_butter = FoodRecord(id=602, name="Butter, light, stick, with salt", energy_kcal=499, fat_g=55.1)
    sugar = FoodRecord(id=603, name="brown sugar", food_group="sweeteners", energy_kcal=380, is_common=True)
    light_sugar = FoodRecord(id=604, name="Sugars, brown, light", energy_kcal=300)
    sour_cream = FoodRecord(
        id=605, name="sour cream", food_group="dairy and eggs", energy_kcal=198, allergens=("milk",), is_common=True
    )
    light_sour = FoodRecord(
        id=606, name="light sour cream", food_group="dairy and eggs", energy_kcal=136, is_common=True
    )
    pudding = FoodRecord(id=607, name="vanilla pudding mix", food_group="sweeteners", energy_kcal=370, is_common=True)
    gelatin = FoodRecord(id=608, name="Gelatin desserts, dry mix, reduced calorie", energy_kcal=330)
    curated = FoodIndex([butter, light_butter, sugar, light_sugar, sour_cream, light_sour, pudding, gelatin])

    light = curated.match("light butter")
    assert light.matched and light.food.id == light_butter.id
    assert (light.food.energy_kcal, light.food.fat_g) == (499, 55.1)  # the USDA row's values
    assert light.food.allergens == ("milk",) and light.food.contains_dairy  # light butter is still milk
    assert [p.unit for p in light.food.portions] == ["tbsp"]  # the row has no measure of its own: butter's
    assert curated.match("butter").food == butter
    # "light" is no lighter form of a sugar; a curated lighter row wins; a row that is not the food is not taken
    assert curated.match("light brown sugar").food == sugar
    assert curated.match("light sour cream").food == light_sour
    assert curated.match("reduced-fat sour cream").food == sour_cream  # no lighter USDA row: the food stands
    assert curated.match("sugar-free vanilla pudding mix").food == pudding


def test_a_lighter_row_must_be_lighter():
    from recipes.engine.types import FoodRecord

    buttermilk = FoodRecord(id=701, name="buttermilk", food_group="dairy and eggs", energy_kcal=40, is_common=True)
    lowfat = FoodRecord(id=702, name="Milk, buttermilk, fluid, cultured, lowfat", energy_kcal=40)
    assert FoodIndex([buttermilk, lowfat]).match("low-fat buttermilk").food == buttermilk


def test_a_food_measured_cooked_takes_usdas_cooked_row_when_the_table_has_no_cooked_food():
    from recipes.engine.types import FoodRecord, Portion

    millet = FoodRecord(
        id=801, name="millet", food_group="grains", energy_kcal=378, resistant_starch_g=2.0, is_common=True
    )
    cooked_millet = FoodRecord(
        id=802, name="Millet, cooked", food_group="grains", energy_kcal=119, portions=(Portion(1, "cup", 174),)
    )
    amaranth = FoodRecord(id=803, name="amaranth", food_group="grains", energy_kcal=371, is_common=True)
    leaves = FoodRecord(
        id=804, name="Amaranth leaves, cooked, boiled, drained", food_group="vegetables", energy_kcal=21
    )
    grain = FoodRecord(id=805, name="Amaranth grain, cooked", food_group="grains", energy_kcal=102)
    rice = FoodRecord(id=806, name="basmati rice", food_group="grains", energy_kcal=360, is_common=True)
    cooked_rice = FoodRecord(id=807, name="cooked rice", food_group="grains", energy_kcal=130, is_common=True)
    index = FoodIndex([millet, cooked_millet, amaranth, leaves, grain, rice, cooked_rice])

    found = index.match("millet", "cooked").food
    assert (found.id, found.energy_kcal, found.portions[0].grams) == (802, 119, 174)
    assert found.resistant_starch_g == pytest.approx(2.0 * 119 / 378)  # diluted by the water, as energy is
    assert index.match("millet").food == millet  # not said to be cooked
    assert index.match("millet", "dried").food == millet  # "1 cup millet, cooked": measured dry
    assert index.match("amaranth", "cooked").food.id == grain.id  # the grain's row, not the leaves
    assert index.match("microwave basmati rice").food == cooked_rice  # a curated cooked row first


def test_a_food_packed_in_water_oil_or_juice_is_the_food_and_a_yogurt_of_another_food_is_reported():
    from recipes.engine.types import FoodRecord

    tuna = FoodRecord(id=901, name="canned tuna", aliases=("tuna",), food_group="fish and seafood", is_common=True)
    tuna_oil = FoodRecord(id=902, name="tuna in oil", food_group="fish and seafood", is_common=True)
    water = FoodRecord(id=903, name="water", food_group="beverages", is_common=True)
    juice = FoodRecord(id=904, name="orange juice", aliases=("juice",), food_group="beverages", is_common=True)
    peach = FoodRecord(id=905, name="canned peach", aliases=("peaches",), food_group="fruits", is_common=True)
    coconut = FoodRecord(
        id=906, name="shredded coconut", aliases=("unsweetened coconut",), food_group="fruits", is_common=True
    )
    yogurt = FoodRecord(
        id=907,
        name="plain yogurt",
        aliases=("yogurt",),
        food_group="dairy and eggs",
        contains_dairy=True,
        is_common=True,
    )
    index = FoodIndex([tuna, tuna_oil, water, juice, peach, coconut, yogurt])
    assert index.match("tuna in spring water").food == tuna
    assert index.match("peaches in juice").food == peach
    assert index.match("tuna in oil").food == tuna_oil  # a curated name with "in" is kept
    assert index.match("water").food == water
    assert not index.match("unsweetened coconut yogurt").matched  # was shredded coconut, 614 kcal a cup
    assert index.match("yogurt").food == yogurt


def test_a_cookie_biscuit_candy_or_frosting_of_another_food_is_reported_unless_the_food_is_one():
    from recipes.engine.types import FoodRecord

    whisky = FoodRecord(id=951, name="whiskey", aliases=("scotch",), food_group="beverages", is_common=True)
    squash = FoodRecord(
        id=952, name="butternut squash", aliases=("butternut",), food_group="vegetables", is_common=True
    )
    snaps = FoodRecord(id=953, name="gingersnaps", aliases=("ginger snap",), food_group="grains", is_common=True)
    oreo = FoodRecord(id=954, name="chocolate sandwich cookies", aliases=("oreo",), food_group="grains", is_common=True)
    cream_cheese = FoodRecord(id=955, name="cream cheese", food_group="dairy and eggs", is_common=True)
    frosting = FoodRecord(id=956, name="Frostings, cream cheese-flavor, ready-to-eat", food_group="sweeteners")
    flour = FoodRecord(id=957, name="all-purpose flour", aliases=("flour",), food_group="grains", is_common=True)
    coconut = FoodRecord(id=958, name="shredded coconut", aliases=("coconut",), food_group="fruits", is_common=True)
    index = FoodIndex([whisky, squash, snaps, oreo, cream_cheese, frosting, flour, coconut])
    assert not index.match("scotch finger biscuits").matched  # was whiskey
    assert not index.match("butternut snap biscuits").matched  # was butternut squash
    assert index.match("ginger snap cookies").food == snaps  # a cookie already
    assert index.match("oreo cookies").food == oreo  # named a cookie
    assert index.match("cream cheese frosting").food == frosting  # a USDA row names the product
    assert not index.match("coconut flour").matched  # a flour of another food is still reported
