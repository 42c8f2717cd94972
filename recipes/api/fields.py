"""List fields whose errors keep the one error shape, {field: [messages]}."""

from rest_framework import serializers


class FlatListField(serializers.ListField):
    """A list whose item errors come out as "item 2: message", so `errors` stays {field: [messages]}."""

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError as exc:
            if not isinstance(exc.detail, dict):
                raise
            messages = [
                f"item {int(index) + 1}: {message}" for index, errors in exc.detail.items() for message in errors
            ]
            raise serializers.ValidationError(messages) from exc


class ChoiceListField(FlatListField):
    """Words from a vocabulary. Unknown words give one message naming them (not one per index),
    so `errors` stays {field: [messages]}."""

    def __init__(self, *, choices, noun: str, **kwargs):
        self.vocabulary = tuple(choices)
        self.noun = noun
        super().__init__(child=serializers.ChoiceField(choices=self.vocabulary), **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, (str, dict)) or not hasattr(data, "__iter__"):
            self.fail("not_a_list", input_type=type(data).__name__)
        words = [str(word).strip().lower() for word in data]
        unknown = [word for word in words if word not in self.vocabulary]
        if unknown:
            raise serializers.ValidationError(
                f"Unknown {self.noun}: {', '.join(unknown)}. Use {', '.join(self.vocabulary)}."
            )
        return super().to_internal_value(words)
