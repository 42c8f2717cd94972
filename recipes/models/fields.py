"""A small set-of-words field that filters the same way on SQLite and PostgreSQL."""

from collections.abc import Iterable

from django.db import models


class WordSetField(models.CharField):
    """Stores a set of lowercase words as ",a,b,c," so `contains=",a,"` finds exact members.

    Python value: a sorted list of str. Works with every database backend, unlike JSON
    containment, and stays readable in the admin and in dumps.
    """

    description = "A set of lowercase words"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 400)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    @staticmethod
    def to_words(value) -> list[str]:
        if value is None or value == "":
            return []
        if isinstance(value, str):
            items: Iterable[str] = value.split(",")
        else:
            items = value
        return sorted({str(item).strip().lower() for item in items if str(item).strip()})

    def from_db_value(self, value, expression, connection):
        # Stored values are canonical (get_prep_value writes ",a,b," sorted and lowercase), so a split
        # suffices; anything else (e.g. a hand-edited row) goes through the full clean-up.
        if value and value[0] == value[-1] == "," and ", " not in value and " ," not in value and value.islower():
            words = value[1:-1].split(",")
            if all(words) and words == sorted(set(words)):
                return words
        return self.to_words(value)

    def to_python(self, value):
        return self.to_words(value)

    def get_prep_value(self, value):
        if isinstance(value, str) and value.startswith(","):
            return value  # already encoded, e.g. a lookup argument built by member()
        words = self.to_words(value)
        return f",{','.join(words)}," if words else ""

    def value_to_string(self, obj):
        return ",".join(self.value_from_object(obj))

    def formfield(self, **kwargs):
        from django import forms

        defaults = {"form_class": forms.CharField, "help_text": "Comma-separated words."}
        defaults.update(kwargs)
        field = super().formfield(**defaults)
        field.prepare_value = lambda value: ", ".join(self.to_words(value))  # type: ignore[method-assign]
        return field


def member(word: str) -> str:
    """The lookup argument for `field__contains=member("vegan")`."""
    return f",{word.strip().lower()},"
