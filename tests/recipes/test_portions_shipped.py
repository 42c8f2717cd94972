"""Weights of household measures through the shipped food table (USDA SR28 + curated rows)."""

import pytest

from recipes.engine.parser import parse_line

from .weighing import grams_of


def test_nutritional_yeast_flakes_weigh_a_quarter_of_dry_yeast_granules(food_index):
    # Bob's Red Mill label: 1/4 cup of flakes is 15 g; the proxy row's own USDA tbsp (active dry yeast) is 12 g.
    assert grams_of(food_index, "1/4 cup nutritional yeast") == pytest.approx(15, rel=0.01)
    assert grams_of(food_index, "2 tablespoons nutritional yeast flakes") == pytest.approx(7.5, rel=0.01)
    assert grams_of(food_index, "1 tablespoon active dry yeast") == pytest.approx(12, rel=0.01)


def test_a_kind_named_by_its_own_usda_portion_weighs_that_piece(food_index):
    # SR28 11529 tomatoes: "cherry" 17 g beside "medium whole" 123 g; the cherry tomato row shares it
    assert grams_of(food_index, "10 cherry tomatoes") == pytest.approx(170, rel=0.01)
    assert grams_of(food_index, "1 tomato") == pytest.approx(123, rel=0.01)


def test_an_unsized_head_is_the_medium_one(food_index):
    # SR28 11252 iceberg lettuce: head large 755 g, medium 539 g, small 324 g
    assert grams_of(food_index, "1 head iceberg lettuce") == pytest.approx(539, rel=0.01)
    assert grams_of(food_index, "1 large head iceberg lettuce") == pytest.approx(755, rel=0.01)


def test_whole_spices_by_the_piece_weigh_an_eighth_teaspoon_ground(food_index):
    # not a garlic clove (4 g): USDA ground cloves 02011 1 tbsp = 6.5 g; one whole clove ~ 1/8 tsp ground
    assert grams_of(food_index, "4 whole cloves") == pytest.approx(4 * 6.5 / 3 / 8, rel=0.02)
    assert grams_of(food_index, "4 cloves garlic") > 10


def test_a_cooked_food_named_with_other_words_finds_its_cooked_row(food_index):
    parsed = parse_line("555 g cooked, cold jasmine rice")
    assert food_index.match(parsed.food, parsed.preparation).food.name == "cooked rice"


def test_crushed_chips_weigh_as_chips_not_water(food_index):
    # USDA 42283 potato chips: 1 cup = 34 g (water would be 237 g)
    assert grams_of(food_index, "2 cups crushed potato chips") == pytest.approx(68, rel=0.01)


def test_a_can_of_drained_legumes_counts_its_drained_solids(food_index):
    # chickpea values are USDA 16358 drained solids: "1 can drained" = 253 g of a 15.5-oz (439 g) can
    assert grams_of(food_index, "1 (15.5 oz) can chickpeas, drained") == pytest.approx(253, rel=0.01)
    assert grams_of(food_index, "400g tin chickpeas, drained and rinsed") == pytest.approx(400 * 253 / 439.4, rel=0.01)
    assert grams_of(food_index, "240 g chickpeas") == pytest.approx(240)  # a weight of beans, not of a can


def test_usda_names_a_piece_by_any_word_for_the_unit(food_index):
    # "bulb" is read as the unit head; USDA 11957 fennel weighs "1 bulb" = 234 g
    assert grams_of(food_index, "1 fennel bulb, thinly sliced") == pytest.approx(234)
    assert grams_of(food_index, "1 bulb fennel") == pytest.approx(234)


def test_a_head_of_garlic_and_a_package_of_cream_cheese_are_their_usual_sizes(food_index):
    assert grams_of(food_index, "1 head garlic") == pytest.approx(40)  # not the 500 g of a lettuce
    assert grams_of(food_index, "1 package cream cheese") == pytest.approx(226.8)  # the 8-oz brick
    assert grams_of(food_index, "1 (3 oz) package cream cheese") == pytest.approx(85.05, rel=0.01)


def test_a_whole_turkey_by_weight_counts_its_edible_part(food_index):
    # as bought, bones included: 276 g of meat and skin per lb (the chicken's USDA yield; SR28 has none for turkey)
    assert grams_of(food_index, "10 pounds turkey (fresh or frozen)") == pytest.approx(2760)
    assert grams_of(food_index, "2 lbs turkey breast meat") != pytest.approx(2 * 276)


@pytest.mark.parametrize(
    ("text", "eaten_per_lb"),
    [
        # USDA SR28 refuse, the bone only: wing 38 %, drumstick 33 %, spareribs 30 %, lamb foreshank 52 %
        ("2 lb chicken wings", 281.2),
        ("3 pounds chicken drumsticks", 303.9),
        ("3 lb baby back ribs", 317.5),
        ("2 lb lamb shanks", 217.7),
        ("1 rack of lamb (about 1 1/2 lb)", 340.2),
        # sold both ways: only when the line says bone-in (pork shoulder bone and skin 25 %, leg of lamb 21 %)
        ("1 (4 lb) bone-in pork shoulder", 340.2),
        ("1 (5 lb) bone-in leg of lamb", 358.3),
        ("2 lb boneless pork shoulder", 453.6),
        ("2 lbs boneless skinless chicken thighs", 453.6),
        ("1 lb pork chops", 453.6),
        # shells: shrimp only when weighed shell-on (SR28 15270 tail and shell 13 %); mussels always
        ("1 lb shell-on shrimp", 394.6),
        ("500 g raw king prawns, shell on", 394.6),
        ("1 lb large shrimp", 453.6),
        ("2 lb mussels, scrubbed and debearded", 165.6),
    ],
)
def test_a_cut_weighed_on_the_bone_counts_the_meat_eaten(food_index, text, eaten_per_lb):
    pounds = parse_line(text).grams / 453.592
    assert grams_of(food_index, text) == pytest.approx(pounds * eaten_per_lb, rel=0.01)


def test_a_can_of_a_food_is_matched_as_the_canned_food(food_index):
    from recipes.engine.nutrition import analyse_recipe

    def food_of(text: str) -> str:
        return analyse_recipe([text], servings=1, index=food_index).lines[0].food.name

    assert food_of("1 (28 oz) can diced tomatoes") == "canned diced tomatoes"
    assert food_of("400g tin chopped tomatoes") == "canned diced tomatoes"
    assert food_of("2 cups diced tomatoes") != "canned diced tomatoes"
    # a joined name keeps its head: tomatoes with green chiles are not green chiles
    assert food_of("10 oz can diced tomatoes with green chiles") != "canned green chiles"


def test_pieces_by_length_sticks_of_spice_and_bunches_of_vegetables(food_index):
    assert grams_of(food_index, "1 (1-inch) piece ginger, peeled") == pytest.approx(10)
    assert grams_of(food_index, "2-inch piece fresh ginger") == pytest.approx(20)  # one 2-inch piece, not two pieces
    assert grams_of(food_index, "1 cinnamon stick") == pytest.approx(2.6)  # not a stick of butter (113 g)
    assert grams_of(food_index, "2 pieces star anise") < 2
    assert grams_of(food_index, "1 bunch kale") == pytest.approx(340)  # USDA spinach bunch, not an 80 g herb bunch
    assert grams_of(food_index, "1 bunch cilantro") == pytest.approx(80)
    assert grams_of(food_index, "1 bunch scallions") == pytest.approx(90)


def test_a_piece_length_reads_fractions_and_mixed_numbers(food_index):
    # 10 g an inch of root; "1/2-inch" inside the brackets was read as its last digit, 2 inches
    half_inch = grams_of(food_index, "1/2-inch piece ginger")
    assert half_inch == pytest.approx(5)
    assert half_inch < grams_of(food_index, "2-inch piece ginger")
    assert grams_of(food_index, "1 (1/2-inch) piece ginger") == pytest.approx(5)
    assert grams_of(food_index, "1 (½-inch) piece fresh ginger") == pytest.approx(5)
    assert grams_of(food_index, "1 (1 1/2-inch) piece fresh ginger") == pytest.approx(15)
    assert grams_of(food_index, "1 (1½-inch) piece ginger") == pytest.approx(15)


def test_a_bread_slice_of_a_stated_thickness_scales_the_usda_half_inch_slice(food_index):
    slice_g = grams_of(food_index, "1 slice white bread")  # USDA 18069: a 1/2-inch sandwich slice, 29 g
    assert slice_g == pytest.approx(29)
    assert grams_of(food_index, "4 slices (3/4-inch) white bread") == pytest.approx(4 * slice_g * 1.5)
    assert grams_of(food_index, "9 slices (1-inch) white bread") == pytest.approx(9 * slice_g * 2)
    assert grams_of(food_index, "2 (1 1/2-inch) slices white bread") == pytest.approx(2 * slice_g * 3)


def test_pastry_by_the_sheet_and_crust(food_index):
    assert grams_of(food_index, "1 sheet puff pastry") == pytest.approx(245)  # USDA 18211 '1 sheet'
    assert grams_of(food_index, "1 refrigerated pie crust") == pytest.approx(229)  # USDA 18948


def test_a_counted_food_is_never_weighed_by_its_slice(food_index):
    # USDA 18033 italian bread has only slices ('slice, medium' 20 g): a loaf is not a medium slice
    assert grams_of(food_index, "1 ciabatta loaf") > 300
    assert grams_of(food_index, "1 cauliflower") == pytest.approx(588)  # USDA 'head, medium' is the whole item
    assert grams_of(food_index, "2 celery stalks") == pytest.approx(80)


def test_a_shallot_has_a_weight(food_index):
    assert grams_of(food_index, "1 shallot, minced") == pytest.approx(40)


def test_whole_vegetables_without_a_usda_piece_get_a_noted_weight(food_index):
    assert grams_of(food_index, "2 yellow squash") == pytest.approx(2 * 196)  # USDA 11641 medium summer squash
    assert grams_of(food_index, "3 parsnips") == pytest.approx(3 * 160)  # USDA 11299 '1 parsnip (9" long)'
    assert grams_of(food_index, "2 butternut squash") == pytest.approx(1800)
    assert grams_of(food_index, "2 Roma tomatoes") == pytest.approx(124)  # USDA 11529 'plum tomato' 62 g
    assert grams_of(food_index, "1 cup frozen mixed vegetables") == pytest.approx(0.769 * 236.588, rel=0.01)


def test_a_counted_fish_is_a_half_fillet_not_a_whole_side(food_index):
    # SR28 weighs large fish by "0.5 fillet" (198 g): one recipe fillet or steak is that half
    assert grams_of(food_index, "4 salmon steaks") == pytest.approx(4 * 198)
    assert grams_of(food_index, "2 salmon fillets") == pytest.approx(2 * 198)


def test_volumes_of_foods_without_their_own_cup_use_a_sister_usda_density(food_index):
    assert grams_of(food_index, "1 cup sliced shiitake mushrooms") == pytest.approx(70, rel=0.01)  # white mushroom cup
    assert grams_of(food_index, "1 cup chopped sweet onion") == pytest.approx(160, rel=0.01)
    assert grams_of(food_index, "1/2 cup Splenda") == pytest.approx(11.5, rel=0.02)  # not 118 g of water


def test_burrito_size_tortillas_are_ten_inch_ones(food_index):
    # USDA 18364: 'tortilla (approx 10" dia)' 72 g beside the plain 48 g tortilla
    assert grams_of(food_index, "2 burrito sized flour tortillas") == pytest.approx(144)
    assert grams_of(food_index, "4 large burrito-size tortillas") == pytest.approx(288)
    assert grams_of(food_index, "2 flour tortillas") == pytest.approx(96)


def test_baby_bok_choy_is_not_a_mature_head_and_a_count_is_not_a_leaf(food_index):
    assert grams_of(food_index, "4 heads baby bok choy, quartered") == pytest.approx(400)  # not 4 x 840 g
    assert grams_of(food_index, "2 bok choy") == pytest.approx(2 * 840)  # USDA 11116 head, not its 14 g leaf


def test_a_plain_food_with_a_recipe_link_is_counted_and_a_dish_reference_is_reported(food_index):
    from recipes.engine.nutrition import analyse_recipe

    lines = [
        "8 8-inch flour tortillas (see recipe)",  # a plain food the source links a homemade version of
        "1 recipe pizza dough (see above)",  # a batch of another recipe
        "Tangzhong from above",  # no amount
        "1 teaspoon vanilla syrup (my recipe linked)",  # no food we know well enough
    ]
    analysis = analyse_recipe(lines, servings=1, index=food_index)
    tortillas, dough, tangzhong, syrup = analysis.lines
    assert tortillas.status == "matched" and tortillas.food.name == "flour tortilla" and tortillas.grams > 300
    assert "homemade" in tortillas.note
    assert [dough.status, tangzhong.status, syrup.status] == ["unmatched"] * 3
    assert set(analysis.unmatched) == {lines[1], lines[2], lines[3]}


def test_boxed_mixes_are_their_own_foods(food_index):
    from recipes.engine.nutrition import analyse_recipe

    lines = ["1 box (15.25oz) Duncan Hines Lemon Cake Mix", "1 box of cornbread mix", "2 cups Bisquick"]
    cake, cornbread, bisquick = analyse_recipe(lines, servings=1, index=food_index).lines
    assert cake.food.name == "cake mix" and cake.grams == pytest.approx(432.3, rel=0.01)  # not a lemon
    assert cornbread.food.name == "cornbread mix" and cornbread.grams == pytest.approx(241)  # the 8.5-oz box
    assert bisquick.food.name == "biscuit mix" and bisquick.grams == pytest.approx(240)


def test_whole_cuts_are_weighed_as_lean_meat_and_fatty_cuts_keep_their_fat(food_index):
    def food(text):
        parsed = parse_line(text)
        return food_index.match(parsed.food, parsed.preparation).food

    # USDA SR28 23611 top sirloin, separable lean only (4.08 g fat) rather than lean and fat 13929 (12.71 g)
    assert food("1 lb sirloin steak").fat_g == pytest.approx(4.08)
    assert food("4 pork chops").fat_g == pytest.approx(3.71)  # 10040, lean only
    assert grams_of(food_index, "4 pork chops") == pytest.approx(4 * 178)  # its lean chop, USDA 10040
    assert food("2 lb beef short ribs").fat_g == pytest.approx(36.23)  # short ribs: the fat is eaten
    assert food("1 lb ground beef").fat_g == pytest.approx(20.0)  # ground meat keeps its stated lean share


def test_containers_of_common_foods_are_their_usual_retail_size(food_index):
    assert grams_of(food_index, "2 jars pasta sauce") == pytest.approx(2 * 680)  # 24-oz jars, not 12-oz generic jars
    assert grams_of(food_index, "1 container ricotta cheese") == pytest.approx(425)  # not a 170 g yogurt pot
    assert grams_of(food_index, "2 packages extra firm tofu") == pytest.approx(2 * 397)
    assert grams_of(food_index, "1 (32 oz) jar marinara sauce") == pytest.approx(907.2, rel=0.01)  # a stated size wins


def test_pizza_crust_and_dough_are_whole_crusts_and_balls(food_index):
    assert grams_of(food_index, "1 pizza crust") == pytest.approx(397)  # a prebaked 12-inch crust, not a pizza slice
    assert grams_of(food_index, "1 ball pizza dough") == pytest.approx(454)


def test_a_food_cooked_after_measuring_is_weighed_as_the_dry_food(food_index):
    from recipes.engine.nutrition import analyse_recipe

    lines = ["8 oz spaghetti, cooked according to package directions", "2 cups cooked rice"]
    spaghetti, rice = analyse_recipe(lines, servings=1, index=food_index).lines
    assert spaghetti.food.name == "pasta"  # 8 oz of dry pasta, not of cooked pasta
    assert rice.food.name == "cooked rice"


def test_a_fillet_of_a_food_without_a_fillet_portion_is_one_whole_piece(food_index):
    # USDA 05062 chicken breast: '1 piece' 272 g; a breast fillet is that piece, not a generic 150 g fish fillet
    assert grams_of(food_index, "4 chicken breast fillets") == pytest.approx(4 * 272)
    assert grams_of(food_index, "2 salmon fillets") == pytest.approx(2 * 198)  # its own USDA half fillet


def test_a_thai_chili_is_not_a_full_size_chili(food_index):
    assert grams_of(food_index, "2 Thai chilis (minced)") == pytest.approx(4)
    assert grams_of(food_index, "1 red chili") == pytest.approx(45)  # USDA 11819 '1 pepper'


def test_short_ribs_by_the_piece_and_by_weight_with_bone(food_index):
    assert grams_of(food_index, "4 beef short ribs") == pytest.approx(4 * 165)  # not a 40 g celery rib
    assert grams_of(food_index, "3 lbs bone-in beef short ribs") == pytest.approx(3 * 331)  # USDA refuse 27 %
    assert grams_of(food_index, "2 lbs boneless short ribs") == pytest.approx(907.2, rel=0.01)


def test_a_persian_cucumber_is_smaller_than_usdas_cucumber(food_index):
    assert grams_of(food_index, "2 Persian cucumbers, chopped") == pytest.approx(220)
    assert grams_of(food_index, "1 cucumber") == pytest.approx(301)  # USDA 11205 'cucumber (8-1/4")'


def test_sugar_free_sweeteners_carry_no_energy_and_are_not_brown_sugar(food_index):
    from recipes.engine.nutrition import analyse_recipe

    lines = ["3/4 cup Brown Sugar Alternative Sweetener", "2 Tablespoons Monk Fruit Sweetener", "1/2 cup brown sugar"]
    alternative, monk_fruit, brown = analyse_recipe(lines, servings=1, index=food_index).lines
    assert alternative.food.name == monk_fruit.food.name == "sugar-free sweetener"
    assert alternative.food.energy_kcal == 0 and brown.food.name == "brown sugar"
    assert monk_fruit.grams == pytest.approx(2 * 14.787 * 0.8, rel=0.01)


def test_a_food_cooked_after_weighing_takes_its_dried_form_when_it_has_one(food_index):
    from recipes.engine.nutrition import analyse_recipe

    lines = ["8 ounces udon noodles (cooked according to package)", "8 oz udon noodles", "1 lb black beans, cooked"]
    udon_dry, udon, beans = analyse_recipe(lines, servings=1, index=food_index).lines
    assert udon_dry.food.name == "dried udon noodles" and udon.food.name == "udon noodles"
    assert udon_dry.food.energy_kcal > 2 * udon.food.energy_kcal
    assert beans.food.name == "dried black bean"


def test_lasagna_noodles_by_the_piece(food_index):
    assert grams_of(food_index, "10 lasagna noodles") == pytest.approx(220)  # no longer unmatched
    assert grams_of(food_index, "1 lb lasagna noodles") == pytest.approx(453.6, rel=0.01)


def test_produce_peeled_or_trimmed_after_weighing_counts_its_edible_part(food_index):
    # USDA SR28 11352 potatoes: refuse 25 % (parings and trimmings)
    assert grams_of(food_index, "2 lb potatoes, peeled") == pytest.approx(2 * 453.6 * 0.75, rel=0.01)
    assert grams_of(food_index, "3 pounds peeled russet potatoes") == pytest.approx(3 * 453.6, rel=0.01)
    assert grams_of(food_index, "1 lb carrots") == pytest.approx(453.6, rel=0.01)


def test_plain_milk_is_two_percent_and_whole_milk_is_whole(food_index):
    def food(text):
        parsed = parse_line(text)
        return food_index.match(parsed.food, parsed.preparation).food

    assert food("1 cup milk").fat_g == pytest.approx(food("1 cup 2% milk").fat_g)  # USDA ERS: the most popular milk
    assert food("1 cup whole milk").fat_g > food("1 cup milk").fat_g


def test_drained_sun_dried_tomatoes_are_the_oil_packed_kind(food_index):
    def food(text):
        parsed = parse_line(text)
        return food_index.match(parsed.food, parsed.preparation).food.name

    assert food("1/4 cup sun-dried tomatoes (drained and chopped)") == "sun-dried tomatoes in oil"
    assert food("1/4 cup sun-dried tomatoes") == "sun-dried tomato"
    assert food("1 can chickpeas, drained") == "chickpea"


def test_french_fried_onions_are_the_fried_topping_not_raw_onion(food_index):
    parsed = parse_line("1 cup french fried onions")
    food = food_index.match(parsed.food, parsed.preparation).food
    assert food.name == "french fried onions" and food.energy_kcal > 300
    assert grams_of(food_index, "1 cup french fried onions") == pytest.approx(0.237 * 236.588, rel=0.01)


def test_a_stick_of_a_vegetable_is_a_stalk_not_a_stick_of_butter(food_index):
    assert grams_of(food_index, "2 sticks celery, chopped") == pytest.approx(80)  # USDA celery stalk 40 g
    assert grams_of(food_index, "1 stick butter") == pytest.approx(113)


def test_filled_pasta_is_not_shredded_cheese(food_index):
    parsed = parse_line("2 9 oz packages refrigerated cheese tortellini")
    assert food_index.match(parsed.food, parsed.preparation).food.name == "cheese tortellini"  # USDA 22901
    assert grams_of(food_index, "2 9 oz packages refrigerated cheese tortellini") == pytest.approx(2 * 255.1, rel=0.01)


def test_a_volume_takes_the_usda_cup_its_preparation_names(food_index):
    # SR28 18069 white bread: "cup, cubes" 35 g beside "cup, crumbs" 45 g; "cubed" names the cubes
    assert grams_of(food_index, "2 cups cubed bread") == pytest.approx(70, rel=0.01)
    assert grams_of(food_index, "2 cups bread, cubed") == pytest.approx(70, rel=0.01)
    # SR28 11282 onion: "cup, chopped" 160 g beside "cup, sliced" 115 g
    assert grams_of(food_index, "1 cup sliced onion") == pytest.approx(115, rel=0.01)
    assert grams_of(food_index, "1 cup chopped onion") == pytest.approx(160, rel=0.01)


def test_a_unit_word_that_begins_a_cut_is_the_food(food_index):
    assert parse_line("2 strip steaks").unit == ""  # two steaks, not two 10 g strips
    assert parse_line("2 rib eye steaks").food == "rib eye steaks"
    assert parse_line("4 cube steaks").unit == ""
    assert parse_line("2 ribs celery").unit == "stalk"
    assert grams_of(food_index, "2 strip steaks") > 300


def test_bacon_by_the_strip_or_rasher_is_usda_slice(food_index):
    slice_g = grams_of(food_index, "1 slice bacon")
    assert grams_of(food_index, "3 strips bacon") == pytest.approx(3 * slice_g)
    assert grams_of(food_index, "2 rashers streaky bacon") == pytest.approx(2 * slice_g)
    assert grams_of(food_index, "2 strips lemon peel") < 30  # a strip of peel is not a slice


def test_a_pouch_is_a_package_and_its_written_weight_counts():
    parsed = parse_line("1 (8.8 oz) pouch microwave rice")
    assert parsed.unit == "package"
    assert parsed.grams == pytest.approx(249.5, rel=0.01)


def test_vegetable_sticks_named_after_the_food_are_cut_strips(food_index):
    # SR28 11124 carrots: "strip medium" 4 g; a whole medium carrot is 61 g
    assert grams_of(food_index, "20 carrot sticks") == pytest.approx(80)
    assert grams_of(food_index, "1 carrot") == pytest.approx(61)
    assert grams_of(food_index, "2 sticks celery") == pytest.approx(80)  # a stick before the food is a stalk (UK)
