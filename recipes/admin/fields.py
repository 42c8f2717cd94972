"""Form fields for the admin."""

from django import forms

from recipes.models import WordSetField


class WordsField(forms.CharField):
    """A WordSetField edited as "a, b, c"; unchanged when the set of words is the same."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", "Comma-separated words.")
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return ", ".join(WordSetField.to_words(value)) if isinstance(value, list | tuple) else value

    def clean(self, value):
        return WordSetField.to_words(super().clean(value))

    def has_changed(self, initial, data):
        return WordSetField.to_words(initial) != WordSetField.to_words(data)
