import pytest

from mealplan.energy import daily_energy_kcal, mifflin_st_jeor


def test_mifflin_st_jeor_reference_values():
    # Mifflin 1990: 10 W + 6.25 H - 5 A + 5 (men) / - 161 (women)
    assert mifflin_st_jeor(age=30, sex="male", height_cm=180, weight_kg=80) == pytest.approx(1780)
    assert mifflin_st_jeor(age=30, sex="female", height_cm=165, weight_kg=60) == pytest.approx(1320.25)


def test_given_energy_wins():
    assert daily_energy_kcal(energy_kcal=2400, age=30, sex="male", height_cm=180, weight_kg=80) == (2400, "given")


def test_computed_energy_uses_activity_factor():
    light, how = daily_energy_kcal(age=30, sex="male", height_cm=180, weight_kg=80, activity="light")
    active, _ = daily_energy_kcal(age=30, sex="male", height_cm=180, weight_kg=80, activity="active")
    assert how == "Mifflin-St Jeor"
    assert light == round(1780 * 1.375)
    assert active > light


def test_missing_body_data_falls_back_to_default():
    assert daily_energy_kcal(age=30, sex="male") == (2000.0, "default")
