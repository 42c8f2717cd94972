"""POST bodies for admin change forms: a model's editable values plus an inline's management form."""

from django.forms.models import model_to_dict


def form_values(instance, fields) -> dict:
    """The values a browser would send for these fields of an instance (unticked boxes are left out)."""
    data = {}
    for name, value in model_to_dict(instance, fields=fields).items():
        if value is None:
            data[name] = ""
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif name == "meal_types":
            if value:
                data[name] = list(value)  # checkboxes: nothing is sent when none is ticked
        elif isinstance(value, list):
            data[name] = ", ".join(value)
        else:
            data[name] = str(value)
    return data


def inline_management(prefix: str, total: int, initial: int) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def ingredient_rows(recipe, lines: list[str], *, delete: tuple[int, ...] = (), foods: dict | None = None) -> dict:
    """The inline as posted: the recipe's existing rows (text replaced by `lines` in order), then new rows.

    Like a browser, an existing row sends the food it shows (its stored food); `foods` sets a row's food
    by index (a food id, or "" for an emptied box).
    """
    existing = list(recipe.ingredients.order_by("position", "id")) if recipe is not None else []
    foods = foods or {}
    data = inline_management("ingredients", max(len(lines), len(existing)), len(existing))
    for i in range(max(len(lines), len(existing))):
        if i < len(existing):
            data[f"ingredients-{i}-id"] = str(existing[i].pk)
            data[f"ingredients-{i}-recipe"] = str(recipe.pk)
            data[f"ingredients-{i}-food"] = str(existing[i].food_id or "")
        if i in foods:
            data[f"ingredients-{i}-food"] = str(foods[i])
        data[f"ingredients-{i}-raw_text"] = lines[i] if i < len(lines) else existing[i].raw_text
        if i in delete:
            data[f"ingredients-{i}-DELETE"] = "on"
    return data
