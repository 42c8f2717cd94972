"""Schema pieces shared by every API module: the one error shape and its documented responses."""

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    """Every error answer: a sentence for people and, for bad input, messages per field."""

    detail = serializers.CharField()
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text='Messages per field, e.g. {"servings": ["Ensure this value is greater than or equal to 1."]}.',
    )


_DESCRIPTIONS = {
    400: "Invalid input; `errors` names each bad field.",
    401: "Not signed in, or the credentials sent are wrong (a bad token fails even where reading is open).",
    403: "Signed in, but not allowed.",
    404: "No such object or not yours; for a list, a page past the end.",
    409: "The object is in use.",
    429: "Too many requests; retry after the seconds in Retry-After.",
}


def errors(*codes: int) -> dict[int, OpenApiResponse]:
    """Documented error responses, all in the one error shape."""
    return {code: OpenApiResponse(ErrorSerializer, description=_DESCRIPTIONS[code]) for code in codes}
