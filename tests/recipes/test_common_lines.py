"""Common ingredient lines as recipe blogs write them: the food they match and what they weigh.

Each line matched an unrelated food, matched nothing or weighed far off before its curated row or
alias existed; the weights come from the USDA SR28 portions or label sizes cited in the rows' notes.
"""

import pytest

from .weighing import assert_lines_weigh, weigh

# (line, curated food, grams)
LINES = [
    # canned soups, sauces and mixes: not raw mushrooms, a whole chicken, hot sauce or a raw onion
    ("1 (10.5 oz) can cream of mushroom soup", "condensed cream of mushroom soup", 297.7),
    ("1 can cream of mushroom soup", "condensed cream of mushroom soup", 298),  # Campbell's 10.5 oz
    ("1 (10.75 oz) can cream of chicken soup", "condensed cream of chicken soup", 304.8),
    ("1 can cream of chicken soup", "condensed cream of chicken soup", 305),  # USDA 06016 "can (10.75 oz)"
    ("1 can cream of celery soup", "condensed cream of celery soup", 305),
    ("1 cup Alfredo sauce", "alfredo sauce", 252),  # USDA 06930 1/4 cup = 63 g
    ("1/4 cup Heinz chili sauce", "tomato chili sauce", 68.25),  # USDA 06972 1 cup = 273 g
    ("1 packet onion soup mix", "onion soup mix", 39),  # USDA 06094 packet
    ("1 tbsp Better Than Bouillon chicken base", "chicken soup base", 18.8),  # label 1 tsp = 6 g
    ("1 tsp Frank's RedHot", "hot sauce", None),
    ("1/4 cup Miracle Whip", "salad dressing (mayonnaise type)", 58.75),  # USDA 04018 1 cup = 235 g
    ("1 tbsp wasabi paste", "wasabi", 20),  # USDA 27064 tablespoon
    ("1/2 cup pico de gallo", "pico de gallo", 128),  # USDA 27027 2 tbsp = 32 g
    ("1 cup guacamole", "guacamole", 230),  # avocado "1 cup, pureed", not cubes (150 g)
    ("1/2 cup queso", "nacho cheese sauce", 126),
    ("1/4 cup dashi", "fish stock", 58.25),
    # fruit products: not raw cherries, not hot sauce
    ("1 (21 oz) can cherry pie filling", "cherry pie filling", 595.3),
    ("1 can apple pie filling", "apple pie filling", 595),
    ("1/2 cup cranberry sauce", "cranberry sauce", 138.5),  # USDA 09081 1 cup = 277 g
    # packaged and branded foods
    ("1 cup Chex cereal", "rice chex", 27),
    ("2 Snickers bars, chopped", "snickers", 114),  # USDA 19155 bar (2 oz) = 57 g
    ("1 box Kraft macaroni and cheese", "boxed macaroni and cheese", 206),  # 7.25 oz box
    ("1 (8 oz) can crescent rolls", "crescent roll dough", 226.8),
    ("1 can refrigerated biscuits", "refrigerated biscuit dough", 398),  # USDA 18014 package
    ("2 packs ramen noodles", "instant ramen noodles", 162),  # USDA 06583 package 81 g, not 300 g
    ("1 tbsp Everything Bagel seasoning", "everything bagel seasoning", 9),  # not a bagel
    ("1 cup Silk almondmilk", "almond milk", 262),
    ("2 tbsp PB2 powdered peanut butter", "powdered peanut butter", 7.5),  # USDA 16099 1 cup = 60 g
    ("1/4 cup pea protein powder", "soy protein powder", 24),  # not a cup of water
    ("1/4 cup collagen peptides", "collagen peptides", 28),
    ("2 shots espresso", "espresso", 59.2),
    # flours and leaves
    ("1/2 cup cassava flour", "cassava flour", 76),  # not wheat flour
    ("4 kaffir lime leaves", "makrut lime leaf", 2),  # leaves, not four limes (268 g)
    ("10 curry leaves", "curry leaf", 5),
    # meat and fish
    ("2 rashers streaky bacon", "bacon", 56),  # a USDA slice each, not a 442 g package each
    ("8 oz deli turkey", "deli turkey", 226.8),  # not a whole turkey with bones
    ("8 oz roast beef, thinly sliced", "deli roast beef", 226.8),
    ("1 lb ground bison", "ground bison", 453.6),
    ("1 lb tri-tip", "tri-tip", 453.6),
    ("2 Cornish hens", "cornish hen", 672),  # USDA 05307 "0.5 bird" = 168 g
    ("1 can Spam", "spam", 340),
    ("1 lb mahi mahi", "mahi mahi", 453.6),
    ("1 cup imitation crab", "imitation crab", 135),  # crab's USDA cup, not water
    ("4 chicken cutlets", "chicken cutlet", 544),  # half a USDA breast each, not a whole breast or chicken
    ("1 (3.75 oz) can sardines in olive oil", "sardines", 106.3),  # not olive oil
    ("2 cups leftover turkey, chopped", "cooked turkey", 280),  # not water (473 g)
    # cheeses and dairy
    ("1 cup shredded Colby Jack", "colby jack cheese", 113),
    ("1/2 cup grated Asiago", "asiago cheese", 50),
    ("4 oz Havarti", "havarti cheese", 113.4),
    ("8 oz Manchego", "manchego cheese", 226.8),
    ("4 oz burrata", "burrata", 113.4),
    ("1 cup shredded Italian blend cheese", "italian cheese blend", 112),
    ("200g Greek-style yoghurt", "greek yogurt", 200),
    ("1/2 cup Mexican crema", "creme fraiche", 119),
    ("1/2 cup pimento-stuffed green olives", "green olive", 67.2),  # not water (118 g)
    # poultry parts: a part, not a whole bird per piece (USDA SR28 pieces of each part's own row)
    ("10 chicken wingettes", "chicken wing segment", 535),  # half a USDA wing (107 g) each
    ("4 chicken legs", "chicken leg", 1184),  # USDA 05075 drumstick 111 g + thigh 185 g
    ("4 chicken marylands", "chicken leg", 1184),
    ("2 lb chicken leg quarters", "chicken leg", 662.2),  # as bought: bone 27 % (SR28 05075 refuse)
    ("4 turkey thighs", "turkey thigh", 1816),  # USDA 05742 "1 thigh" 454 g, not a 5 kg turkey each
    ("2 turkey drumsticks", "turkey drumstick", 712),
    # Indian names of everyday foods
    ("250g chana (chickpeas), soaked overnight", "dried chickpea", 250),
    ("1 cup rajma", "dried kidney bean", 184),
    ("1 bunch palak", "spinach", 340),
    ("1 cup dahi", "plain yogurt", 245),
    ("1/4 cup maida", "all-purpose flour", 31.25),
    ("1 cup chana dal", "chana dal", 200),  # the split pulse keeps its own row
    ("10 dried red chillies", "dried red chili", 5),  # dried, not 450 g of fresh chillies
    ("4 Kashmiri chillies", "dried red chili", 2),
    # packets and cups by the food
    ("2 packets instant ramen noodles", "instant ramen noodles", 162),  # USDA package 81 g, not a 7 g sachet
    ("1 packet active dry yeast", "yeast", 7.2),
    ("1 packet taco seasoning", "taco seasoning", 28.35),  # the 1-oz retail packet
    ("1 cup almond flour", "almond flour", 112),  # Bob's Red Mill label, not whole almonds (145 g)
    ("3 cups crispy rice cereal", "crisp rice cereal", 87),  # USDA 08065 cup 29 g, not raw rice
    ("1 small box Jell-O", "gelatin dessert mix", 85),  # USDA 19172 "package (3 oz)", not a 450 g box
    ("1 box instant vanilla pudding", "instant vanilla pudding mix", 99),  # USDA 19202 package, not vanilla
    ("4 large flour tortillas", "flour tortilla", 288),  # burrito size: USDA 10-inch 72 g, not 1.3 x 6-inch
    ("2 extra large flour tortillas", "flour tortilla", 234),  # USDA 12-inch 117 g
    ("1/2 cup dried tart cherries", "dried cherry", 80),  # USDA 09044, not fresh cherries
    ("500 g mutton, curry cut", "goat meat", 500),  # South Asian mutton is goat (USDA 17168); was unmatched
    ("2 guajillo peppers, seeded", "dried guajillo chile", 12),  # not black pepper; 6 g each
    ("1 box chicken broth", "chicken broth", 946),  # the US 32-fl-oz carton, not a generic 450 g box
    ("2 cartons low-sodium chicken broth", "low-sodium chicken broth", 1892),
    # a second amount after a count is weighed as its own food and added ("2 eggs" + one 17 g yolk)
    ("2 eggs plus 1 egg yolk", "egg", 117),  # was 2 yolks (34 g)
    ("1 large egg + 5 large yolks", "egg", 135),
    # UK lines: a counted sausage is a dinner sausage (57 g), a breakfast link 25 g; mince shares its head noun
    ("8 pork sausages", "sausage", 456),  # was 200 g: 8 x 454 g packs
    ("4 breakfast sausage links", "breakfast sausage", 100),  # USDA 07063 link
    ("500g beef or lamb mince", "ground beef", 500),  # was stewing beef
    ("thumb-sized piece of ginger, grated", "ginger", 20),  # was "no amount"
    ("1 x 500g jar Dolmio bolognese sauce", "marinara sauce", 500),  # was unmatched
    ("2 cups frozen mixed veg", "frozen mixed vegetables", 363.9),
    ("1 cup leftover quinoa", "cooked quinoa", 185),  # leftovers are cooked; was dry quinoa, 626 kcal
    ("1 cup kombucha", "kombucha", 237),  # a cup of a water-based drink; the tea proxy's cup is 270 g
    ("½ cup slivered almonds", "slivered almonds", 54),  # SR28 12061 "cup, slivered" 108 g; was whole kernels
    ("1/4 cup toasted flaked almonds", "sliced almonds", 23),  # the row's cut picks USDA's "cup, sliced" (92 g)
    # a counted leafy vegetable USDA weighs by the head and the leaf is a head (was a serving or a leaf)
    ("1 cos lettuce", "romaine lettuce", 626),  # SR28 11251 head; was 85 g (NLEA serving)
    ("1 butter lettuce", "butter lettuce", 163),  # SR28 11250 head; was a 7.5 g leaf
    ("2 romaine hearts", "romaine lettuce", 170),  # hearts are not whole heads
    # whole-grain flours SR28 lacks weigh as whole-wheat flour's cup, not the grain's
    ("1 cup spelt flour", "spelt flour", 120),  # was 174 g (the spelt grain's cup)
    ("1 cup teff flour", "teff flour", 120),  # was the teff grain, 193 g
    # packed in: the food, not its packing ("tuna in spring water" had been water, 0 kcal)
    ("1 x 160g tin tuna in spring water, drained", "canned tuna", 160),
    ("1 (15 oz) can peaches in juice", "canned peach", 425.2),
    # the head noun names the product: not egg, egg white or shredded coconut
    ("½ cup whole-egg mayonnaise", "mayonnaise", 110),  # Australian whole-egg mayonnaise
    ("6 white rolls", "hard roll", 342),  # a UK bread roll is a sandwich roll (USDA 18353, 57 g)
    ("4 bread rolls", "hard roll", 228),  # was 4 dinner rolls, 100 g
    ("12 dinner rolls", "dinner roll", 300),
    # from a sweep of baking lines
    ("1 package active dry yeast", "yeast", 7.2),  # its packet (USDA 18375); was a 300 g package
    ("20 large marshmallows", "marshmallows", 144),  # USDA's regular marshmallow, 7.2 g; was 18 g of minis
    ("4 cups peeled, thinly sliced apples", "apple", 500),  # was unmatched (the food read as "peeled")
    ("1 cup chopped nuts (walnuts or pecans)", "mixed nuts", 131),  # was raw acorns weighed as water
    ("1 flax egg", "flax egg", 7),  # 1 tbsp ground flaxseed: not a hen's egg
    ("2 chia eggs", "chia egg", 21),
    ("1/2 cup nonfat dry milk powder", "skim milk powder", 60),  # not a chocolate malt drink
    ("1 cup mashed sweet potato", "Sweet potato, cooked, boiled, without skin", 328),  # was 133 g of raw cubes
    ("1/4 cup granulated sugar, plus 1 tablespoon", "sugar", 62.5),  # the tablespoon after the comma counts
    ("1 cup flour, plus 2 tablespoons", "all-purpose flour", 140.6),
    ("4 ginger snap cookies", "gingersnaps", 28),
    # from a sweep of world-cuisine lines
    ("Onion – 2 medium, finely chopped", "onion", 220),  # was 0 g: the amount after a dash
    ("1 tbsp patis (fish sauce)", "fish sauce", 18),  # a name we lack, glossed by one we know (was unmatched)
    ("3 aloo (potatoes), medium sized", "potato", 639),
    ("½ lb salt fish (saltfish / bacalao)", "salt cod", 226.8),  # was 227 g of table salt
    ("4 oz jamón serrano", "prosciutto", 113.4),  # was serrano chillies
    ("1 cup dried gigantes beans", "dried lima bean", 178),  # was canned butter beans
    ("40 wonton wrappers", "wonton wrappers", 320),  # SR28 18368 "wrapper, wonton" 8 g; was the 32 g egg-roll one
    ("12 egg roll wrappers", "egg roll wrappers", 384),
    ("20 raisins", "raisin", 10.4),  # SR28 09298 "50 raisins" 26 g; was a 43 g box each
    ("1 chayote squash, peeled and diced", "chayote", 203),  # SR28 11149; was winter squash, no weight
    ("12 ounces soybean sprouts", "soybean sprouts", 340.2),  # SR28 11452; was dried soybeans, 1,517 kcal
    ("1 cup rava (semolina)", "semolina", 167),
    # a packet of a staple is a package; of yeast or gelatin, a sachet
    ("1 packet egg noodles", "egg noodles", 300),  # was 7 g
    ("1 packet gelatin", "gelatin", 7),
    ("1 ½ cups unsweetened vanilla almond milk", "almond milk", 393),
    ("1 cup risoni", "pasta", 91),  # Australian orzo
    # a part named by the line, by USDA's portion for it
    ("4 dill pickle spears", "dill pickle", 140),  # SR28 11937 "spear, small" 35 g, not a whole pickle
    ("4 lime wedges", "lime", 33.5),  # an eighth of a lime, as USDA's lemon wedge (09150)
    ("4 romaine lettuce leaves", "lettuce", 19.2),  # USDA's leaf, not four 360 g heads
    ("4 cabbage leaves", "cabbage", 92),  # SR28 11109 "leaf, medium" 23 g; was 3.6 kg of cabbage
    ("3 gelatine sheets", "gelatin", 6),  # a gold-grade leaf, 2 g; was three 7 g envelopes
    ("20 grape leaves", "grape leaves", 60),  # SR28 11974 leaf 3 g; was 98 g of grapes
    # a chilli as British, Indian and Australian recipes spell it is a small finger chilli (serrano, 6.1 g)
    ("2 green chillies, slit", "green chilli", 12.2),
    ("1 red chilli, finely chopped", "red chilli", 6.1),
    ("2 green chilies, chopped", "green chili", 90),  # American spelling: USDA's 45 g hot chili pepper
    ("20 guajillo chiles, stems and seeds removed", "dried guajillo chile", 120),  # 6 g each, not ancho's 17 g
    # kosher salt by the brand's spoon (labels: Morton 1/4 tsp = 1.2 g, Diamond Crystal 0.7 g)
    ("1 tsp kosher salt", "kosher salt", 4.8),
    ("1 tbsp Diamond Crystal kosher salt", "diamond crystal kosher salt", 8.4),
    ("1 package unflavored gelatin", "gelatin", 7),  # one envelope; USDA's 1-oz box holds four
    # bacon eaten cooked: SR28 10862's pan-fried slice (11.5 g, 54 kcal), not a raw 28 g slice (117 kcal)
    ("4 slices crispy cooked bacon", "cooked bacon", 46),
    ("6 slices bacon, cooked and crumbled", "cooked bacon", 69),  # counted slices stay slices when cooked
    ("8 oz bacon, cooked and crumbled", "bacon", 226.8),  # a weight is of the raw bacon
    ("6 slices bacon", "bacon", 168),
    ("2 tbsp bacon bits", "cooked bacon", 14),  # Hormel label: 1 tbsp = 7 g
    # small eggplants are not USDA's 1 1/4-lb globe eggplant (458 g)
    ("2 Japanese eggplants, cut into 1-inch rounds", "asian eggplant", 400),
    ("4 baby eggplants (brinjal), slit in a cross", "baby eggplant", 200),
    ("1 eggplant", "eggplant", 458),
    # rows SR28 has, under names recipes use
    ("1 bunch kangkong (water spinach)", "water spinach", 340),  # SR28 11503 swamp cabbage
    ("2 cups malunggay leaves", "moringa leaves", 42),  # SR28 11222 drumstick leaves
    ("½ cup purslane leaves", "purslane", 21.5),
    ("3 cups cornbread stuffing mix", "stuffing mix", 105),  # dry mix; was water-dense, 2,740 kcal
    ("½ cup matzo meal", "matzo meal", 54),
    ("12 frozen meatballs", "frozen meatballs", 224),  # SR28 07972: 3 pieces = 56 g
    ("4 brats", "bratwurst", 340),
    ("20 tater tots", "tater tots", 182),  # SR28 11398: 10 pieces = 91 g
    ("250g packet Arnott's Marie biscuits, crushed", "marie biscuits", 250),
    ("12 digestive biscuits", "digestive biscuits", 176.4),  # McVitie's label: 14.7 g a biscuit
    ("2 Weetabix", "weetabix", 35),
    ("1 cup butterscotch chips", "butterscotch chips", 170),
    ("2 tbsp Bird's custard powder", "custard powder", 16),
    ("1 x 500g pot ready-made custard", "ready-made custard", 500),
    ("1½ tsp dhania powder", "ground coriander", 2.5),
    ("1 (16 oz) package bánh phở", "rice noodles", 453.6),
    ("1 pack (12 oz) lumpia wrappers", "egg roll wrappers", 340.2),
    ("200g smoked lardons", "pancetta", 200),
    ("12 frozen pork and chive dumplings", "potstickers", 348),  # SR28 32013: 5 pieces = 145 g; was chives
    ("8 gyoza", "potstickers", 232),
    ("1½ cups sprouted moong", "bean sprout", 156),  # sprouts, not 310 g of dry mung beans
    ("3 Asian shallots, thinly sliced", "asian shallot", 30),  # 10 g each, not a 40 g Western shallot
    ("3 shallots, minced", "shallot", 120),
    ("3 stalks lemongrass, thinly sliced", "lemongrass", 60),  # was a generic 40 g stalk
    # nuts counted: USDA's count inside a measure, or a kernel of a sister row
    ("10 walnut halves", "walnut", 20),  # SR28 12155 "oz (14 halves)"; had no weight
    ("12 pecan halves", "pecan", 17.9),  # SR28 12142 "oz (19 halves)"
    ("15 cashews, soaked", "cashew", 24),  # SR28 12086 "oz (18 kernels)"
    ("15 peanuts", "peanut", 15),  # SR28 16090 "peanut" 1.0 g
    # world foods SR28 has under other names, and letters NFKD does not split ("kiełbasa")
    ("1 ring smoked kiełbasa (about 14 oz)", "smoked sausage", 396.9),  # was unmatched ("kiebasa")
    ("24 frozen potato-and-cheese pierogi", "pierogi", 912),  # SR28 32025: 3 pierogies = 114 g
    ("2 slices black pudding (about 60 g each)", "blood sausage", 120),
    ("1 cup egusi (ground melon seeds)", "egusi", 108),  # SR28 12174 watermelon seed kernels
    ("1 bunch callaloo (about 1 lb)", "callaloo", 453.6),  # SR28 11003 amaranth leaves
    ("1 (2-lb) bag malanga (yautía), peeled", "malanga", 907.2),
    ("1 packet sazon", "sazon seasoning", 5),
    ("100 g biltong", "dried beef", 100),
    ("¼ cup niter kibbeh", "ghee", 51.25),
    ("250 g panela, grated", "brown sugar", 250),
    ("1 (1-lb) package kataifi, thawed", "phyllo dough", 453.6),
    ("4 chapatis", "chapati", 172),  # "chapatis" is the plural of chapati
    ("2 kiwis, peeled", "kiwi", 138),
    ("1 cup pre-shredded cheddar", "cheddar cheese", 113),  # USDA's "cup, shredded", not "cup, diced" (132 g)
    # a loose measure scaled by its size (small 0.7, large 1.3, as a piece with no USDA size)
    ("1 small bunch dill", "dill", 56),  # was an ordinary 80 g bunch
    ("1 large bunch kale", "kale", 442),
    ("a small handful of walnuts", "walnut", 21),
    ("12 baby potatoes", "baby potato", 600),  # 50 g each, not USDA's 170 g small potato
    ("8 small new potatoes, boiled", "baby potato", 280),  # a size scales the row's own piece
    ("2 large pearl onions", "pearl onion", 31.2),  # not USDA's large onion
    ("1 large rack of lamb", "rack of lamb", 655.2),  # the rack its kind names, scaled; not a 63 g chop
    ("10 large cherry tomatoes", "cherry tomato", 221),  # 17 g cherries scaled, not USDA's 182 g large tomato
    ("8 oz cheese curds", "cheddar cheese", 226.8),  # fresh cheddar; was cottage cheese
    ("6 cornichons, sliced", "cornichon", 30),  # 5 g each, not a 65 g dill pickle
    ("1 tablet Mexican chocolate (such as Abuelita), chopped", "mexican chocolate", 90),  # Abuelita's tablet
    ("1 bitter melon (goya)", "bitter melon", 124),
    ("4 confit duck legs", "duck leg", 368),  # SR28 05317: a roasted leg eaten is 92 g; was 4 whole ducks, 5 kg
    ("20 pearl onions, peeled", "pearl onion", 240),  # the curated 12 g piece before USDA's 110 g medium onion
    ("2 cups spiralized zucchini noodles", "zucchini", 248),  # was egg noodles
    ("12 slices jamón serrano", "prosciutto", 144),  # a thin 12 g slice, not a generic 28 g one
    ("3 habanero (ata rodo) peppers", "habanero", 30),  # 10 g each, not USDA's 45 g chili pepper
    ("1 cup grated kefalotyri cheese", "pecorino romano", 100),  # was the generic shredded cheese blend
    ("2 cups honey beans (ewa oloyin), picked", "dried black-eyed pea", 334),  # was 678 g of honey
    ("1 whole head garlic, cloves peeled", "garlic", 40),  # a head, not a clove
    ("4 whole cloves", "ground cloves", 1.08),  # still the spice
    # a piece of a small vegetable or fruit is a whole one (Filipino and Asian sites' "pcs")
    ("3 pcs carrots", "carrot", 183),  # three USDA medium carrots, not three 50 g pieces
    ("8 pcs okra", "okra", 95),  # SR28 11278: 8 pods = 95 g
    ("2 pieces cabbage", "cabbage", 100),  # a piece of a cabbage is not the head
    # containers of a counted food count its pieces
    ("1 package (12 count) hot dog buns", "hamburger bun", 528),
    ("2 (8-count) packages flour tortillas", "flour tortilla", 784),
    # measured cooked with no curated cooked row: USDA's cooked row (were dry grain, raw greens)
    ("1 cup cooked millet", "Millet, cooked", 174),  # SR28 20032 cup; was 200 g of dry millet, 756 kcal
    ("1 cup cooked spinach", "Spinach, cooked, boiled, drained, without salt", 180),  # was 30 g raw
    ("1 cup cooked amaranth", "Amaranth grain, cooked", 246),  # the grain, not amaranth leaves
    ("1 (8.8-ounce) pouch precooked lentils", "cooked lentil", 249.5),  # was raw lentils, 878 kcal
    ("1 x 250g pouch microwave basmati rice", "cooked rice", 250),
    ("1 lb potatoes, boiled", "potato", 453.6),  # boiled after weighing: raw potatoes, not potato skins
    ("1 cup millet, cooked", "millet", 200),  # cooked after measuring: the dry grain
    # a few celery sticks, or sticks then chopped, are stalks (UK); many are strips for a dip
    ("2 celery sticks, finely chopped", "celery", 80),  # was 8 g
    ("20 celery sticks", "celery", 80),
    # a slice of sourdough or French bread is SR28 18030's medium slice (USDA 18029's "slice" is 139 g)
    ("2 slices sourdough bread", "sourdough bread", 118),
    ("4 thick slices sourdough bread", "sourdough bread", 352),  # thick: the large slice, 88 g
    # whites and yolks counted by the egg (were "no amount", 0 g)
    ("whites of 3 eggs", "egg white", 99),  # USDA 01124 large white 33 g
    ("yolks from 2 large eggs", "egg yolk", 34),  # USDA 01125 large yolk 17 g
    ("4 eggs, whites only", "egg white", 132),
    # a lighter form takes USDA's row, weighed by the food's own measures (were the full-fat food)
    ("2 tbsp light butter", "Butter, light, stick, with salt", 28.4),  # butter's tbsp 14.2 g
    ("1 cup fat-free half and half", "Cream, half and half, fat free", 242),  # half-and-half's cup
    ("1 cup fat-free sour cream", "Sour cream, fat free", 230),
    ("1 cup shredded fat-free cheddar", "Cheese, cheddar, nonfat or fat free", 113),  # shredded cup, not water
    ("1/4 cup sugar-free jam", "Jams, preserves, marmalade, reduced sugar", 80),
    ("1/2 cup sugar-free syrup", "Syrups, sugar free", 120),
    ("1 bottle red wine", "red wine", 745.6),  # the 750 ml bottle, not a generic 330 g bottle
    ("2 bottles beer", "beer", 712),  # 12 fl oz each, as USDA's can
    # sleeves, tubes, balls and sheets: the retail unit, not one cracker, roll or ounce
    ("1 sleeve graham crackers (9 crackers), crushed", "graham crackers", 136),  # a third of the 14.4-oz box
    ("1 sleeve saltine crackers", "saltine crackers", 113),
    ("1 tube crescent roll dough", "crescent roll dough", 227),  # was one 28 g roll
    ("1 tube tomato paste", "tomato paste", 128),
    ("1 ball fresh mozzarella, torn", "mozzarella cheese", 125),  # was 1 oz
    ("1 (8 oz) ball fresh mozzarella", "mozzarella cheese", 226.8),
    ("1 sheet refrigerated pie crust", "pie crust", 229),  # USDA 18948 one crust, not a 10 g sheet
    ("2 tbsp ground flaxseed", "flaxseed", 14),  # USDA 12220 "tbsp, ground" 7 g, not whole seeds (10.3 g)
    ("2 tbsp flaxseed meal", "flaxseed", 14),
    ("2 tbsp flax seeds", "flaxseed", 20.6),
]


def test_common_lines_match_their_food_and_weight(food_index):
    # one test over the table: building the shipped food index dominates the run time
    assert_lines_weigh(food_index, LINES)


def test_a_brand_or_dish_is_not_its_loudest_raw_word(food_index):
    for text, loud in [
        ("1 cup Alfredo sauce", "hot sauce"),
        ("1 tsp Frank's RedHot", "hot dog"),
        ("1/2 cup cranberry sauce", "hot sauce"),
        ("4 kaffir lime leaves", "lime"),
        ("1 (10.75 oz) can cream of chicken soup", "whole chicken"),
    ]:
        assert weigh(food_index, text)[0] != loud, text


def test_dairy_and_vegan_creams_keep_their_own_matches(food_index):
    # "crema" is Mexican crema; a plant cream must not become dairy cream through the new aliases
    assert weigh(food_index, "1/4 cup cashew cream")[0] == "cashew"
    assert weigh(food_index, "1 cup sour cream")[0] == "sour cream"
    assert weigh(food_index, "1 cup coconut cream")[0] == "coconut cream"


def test_new_rows_carry_their_diet_and_allergen_flags(food_index):
    imitation_crab = food_index.match("imitation crab", "").food
    assert imitation_crab.contains_fish and "fish" in imitation_crab.allergens
    soup = food_index.match("cream of mushroom soup", "").food
    assert soup.contains_dairy and "gluten" in soup.allergens
    collagen = food_index.match("collagen peptides", "").food
    assert collagen.animal_product and collagen.contains_meat
    assert food_index.match("deli turkey", "").food.processed_meat
    assert "peanuts" in food_index.match("pb2", "").food.allergens


def test_a_product_of_another_food_is_reported_not_counted_as_either(food_index):
    from recipes.engine.nutrition import analyse_recipe

    for text in (
        "1/4 cup coconut flour",
        "1/2 cup lemon curd",
        "1 cup cinnamon chips",
        "2 tbsp garlic butter",
        "1 oz peach schnapps",  # not a peach
        "2 tbsp mango chutney",  # not fresh mango
        "1/4 cup green chutney",  # was collard greens
        "1 tsp chole masala",  # a spice blend, not dried chickpeas
        "1 Madeira cake, cubed",  # a cake, not Madeira wine
        "4 cups bread kvass",  # a fermented drink, not bread
        "½ cup sofrito (homemade or Goya)",  # Goya the brand is not goya the bitter melon
    ):
        line = analyse_recipe([text], servings=1, index=food_index).lines[0]
        assert line.status == "unmatched", f"{text}: {line.food and line.food.name}"
    assert weigh(food_index, "1 cup banana chips")[0] == "Snacks, banana chips"  # USDA names the product
    assert weigh(food_index, "2 cups bread flour")[0] == "bread flour"
    assert weigh(food_index, "1 cup full cream milk")[0] == "whole milk"
    assert weigh(food_index, "1 cup peanut butter")[0] == "peanut butter"
    assert weigh(food_index, "2 tbsp fig jam")[0] == "jam"  # a jam whatever its fruit
    assert weigh(food_index, "2 tsp garam masala")[0] == "garam masala"  # a spice blend found as such
    assert weigh(food_index, "4 rice cakes")[0] == "rice cake"
    assert weigh(food_index, "2 scoops vanilla ice cream")[1] == pytest.approx(132.5, rel=0.02)  # 1/2 cup each
