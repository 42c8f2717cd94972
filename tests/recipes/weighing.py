"""One way for table tests to weigh a line: the whole analysis, as a recipe page shows it.

`analyse_recipe` adds the rules a bare match and `line_grams` skip (a can of tomatoes is canned, a
"cooked" measure is cooked, a bone-in weight loses its bones), so tables of lines check what users see.
"""

import pytest

from recipes.engine.nutrition import analyse_recipe


def weigh(food_index, text: str) -> tuple[str, float | None, str]:
    """(food name, grams, note) of one line analysed on its own."""
    line = analyse_recipe([text], servings=1, index=food_index).lines[0]
    assert line.food is not None, text
    return line.food.name, line.grams, line.note


def assert_lines_weigh(food_index, lines: list[tuple[str, str, float | None]]) -> None:
    """Each (line, food, grams) matches that food at that weight (2 %); None grams: any weight.

    A line weighed as water (a volume of a food with no density) fails too. All wrong lines are
    reported at once.
    """
    wrong = []
    for text, food_name, grams in lines:
        name, weighed, note = weigh(food_index, text)
        heavy = grams is not None and weighed != pytest.approx(grams, rel=0.02)
        if name != food_name or heavy or "taken as water" in note:
            wrong.append(f"{text!r}: {name} {weighed} g ({note}), expected {food_name} {grams} g")
    assert not wrong, "\n".join(wrong)


def grams_of(food_index, text: str) -> float | None:
    """The grams one line counts, analysed on its own."""
    return weigh(food_index, text)[1]
