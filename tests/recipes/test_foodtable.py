import csv

import pytest
from django.core.exceptions import ValidationError

from recipes.foodtable import FIXTURES, load_curated, load_usda
from recipes.models import Food, FoodPortion

HEADER = [
    "name", "aliases", "food_group", "ndb_id", "plant_species", "herb_or_spice", "live_cultures", "fermented",
    "fodmap_ref", "fodmap_level", "fodmap_source", "low_fodmap_swap", "prebiotic_ref", "allergens", "meat", "fish",
    "dairy", "egg", "animal_product", "grain", "ultra_processed", "emulsifier", "processed_meat", "alcohol",
    "free_sugar", "density_g_per_ml", "extra_portions", "notes",
]  # fmt: skip


def write_rows(directory, rows, name="test.csv"):
    directory.mkdir(exist_ok=True)
    with (directory / name).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER)
        writer.writeheader()
        for row in rows:
            writer.writerow(dict.fromkeys(HEADER, "") | row)
    return directory


GARLIC = {
    "name": "test garlic",
    "aliases": "test garlic clove|fresh test garlic",
    "food_group": "vegetables",
    "ndb_id": "11215",
    "plant_species": "garlic",
    "fodmap_ref": "garlic",
    "prebiotic_ref": "garlic",
    "extra_portions": "head=40",
}


@pytest.mark.django_db
def test_usda_table_is_loaded_whole_with_portions_and_sources():
    usda = Food.objects.filter(is_common=False)
    assert usda.count() == 8789
    assert FoodPortion.objects.filter(food__is_common=False).count() == 15438
    onion = Food.objects.get(ndb_id="11282", is_common=False)
    assert onion.name == "Onions, raw"
    assert onion.energy_kcal == 40
    assert onion.fiber_g == 1.7
    assert onion.source == "USDA SR28 11282"


@pytest.mark.django_db
def test_loading_usda_twice_changes_nothing():
    report = load_usda()
    assert report.created == 0
    assert report.updated == 0
    assert report.unchanged == 8789


@pytest.mark.django_db
def test_curated_row_takes_usda_values_gut_values_and_sources(tmp_path):
    report = load_curated(write_rows(tmp_path / "foods", [GARLIC]))
    assert report.created == 1
    garlic = Food.objects.get(name="test garlic")
    usda = Food.objects.get(ndb_id="11215", is_common=False)
    assert garlic.is_common
    assert garlic.usda_food == usda
    assert garlic.energy_kcal == usda.energy_kcal
    assert garlic.fodmap_level == "high"
    assert garlic.fructans_g is not None and garlic.fructans_g > 0
    assert "Muir" in garlic.gut_source
    assert garlic.alias_list == ["test garlic clove", "fresh test garlic"]
    units = set(garlic.portions.values_list("unit", flat=True))
    assert "head" in units
    assert units & set(usda.portions.values_list("unit", flat=True))


@pytest.mark.django_db
def test_bad_rows_are_all_reported_with_file_and_line_and_nothing_is_written(tmp_path):
    before = Food.objects.count()
    rows = [
        GARLIC,
        {**GARLIC, "aliases": ""},  # duplicate name
        {**GARLIC, "name": "moon cheese", "ndb_id": "99999"},
        {**GARLIC, "name": "sky bean", "food_group": "pulses"},
        {**GARLIC, "name": "odd nut", "allergens": "nuts|tree pollen"},
        {**GARLIC, "name": "rare root", "prebiotic_ref": "no such food"},
        {**GARLIC, "name": "odd leaf", "fodmap_ref": "", "fodmap_level": "extreme"},
        {**GARLIC, "name": "heavy root", "extra_portions": "head=lots"},
    ]
    with pytest.raises(ValidationError) as excinfo:
        load_curated(write_rows(tmp_path / "foods", rows, name="bad.csv"))
    text = "\n".join(excinfo.value.messages)
    assert "bad.csv line 3: name 'test garlic' already used at bad.csv line 2" in text
    assert "bad.csv line 4: ndb_id '99999' is not in the USDA table" in text
    assert "bad.csv line 5: food_group 'pulses'" in text
    assert "bad.csv line 6: unknown allergen(s) tree pollen" in text
    assert "bad.csv line 7: prebiotic_ref 'no such food'" in text
    assert "bad.csv line 8: fodmap_level 'extreme'" in text
    assert "bad.csv line 9: extra_portions item 'head=lots'" in text
    assert Food.objects.count() == before


@pytest.mark.django_db
def test_shipped_curated_table_loads_and_every_value_has_a_source():
    curated = Food.objects.filter(is_common=True)
    assert len(list((FIXTURES / "foods").glob("*.csv"))) >= 2
    assert curated.count() >= 500
    assert not curated.filter(source="").exists()
    assert not curated.filter(usda_food__isnull=True).exists()
    with_gut = curated.exclude(fructans_g=None, gos_g=None, resistant_starch_g=None, beta_glucan_g=None)
    assert with_gut.exists()
    assert not with_gut.filter(gut_source="").exists()


@pytest.mark.django_db
def test_reloading_curated_and_usda_keeps_the_layers_apart(tmp_path):
    directory = write_rows(tmp_path / "foods", [GARLIC])
    load_curated(directory)
    load_usda()
    report = load_curated(directory)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 1)
    assert Food.objects.get(name="test garlic").is_common
    assert Food.objects.get(ndb_id="11215", is_common=False).name == "Garlic, raw"


@pytest.mark.django_db
def test_curated_measure_replaces_usda_measure_of_the_same_kind(tmp_path):
    salt = {"name": "kosher salt", "food_group": "other", "ndb_id": "02047", "extra_portions": "tsp=2.8"}
    load_curated(write_rows(tmp_path / "foods", [salt]))
    tsp = [p.grams for p in Food.objects.get(name="kosher salt").portions.all() if p.unit.startswith("tsp")]
    assert tsp == [2.8]
