"""Swagger UI and Redoc pages served from our own static files, under the site's CSP.

drf-spectacular's stock templates use an inline script (Swagger) and Google Fonts (Redoc); ours
load only same-origin files from drf-spectacular-sidecar, and Swagger's start-up script comes from
the same view with `?script` (SpectacularSwaggerSplitView). Redoc injects its styles as <style>
elements and runs its search in a blob: worker, so its page alone gets a looser style and worker
policy via csp_override; scripts stay same-origin only. (Redoc's sidebar credit tries to show a logo
from cdn.redoc.ly; img-src blocks it and Redoc hides the image. Checked in Chromium: no other
violation on either page.)
"""

from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.template import engines
from django.utils.csp import CSP
from django.utils.decorators import method_decorator
from django.views.decorators.csp import csp_override
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView

TEMPLATES = Path(__file__).resolve().parent / "templates"

REDOC_CSP = {
    **settings.SECURE_CSP,
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "worker-src": [CSP.SELF, "blob:"],
}


@cache
def _template(name: str):
    return engines["django"].from_string((TEMPLATES / name).read_text(encoding="utf-8"))


def _render(name: str, context: dict, request) -> HttpResponse:
    return HttpResponse(_template(name).render(context, request))


class SwaggerView(SpectacularSwaggerSplitView):
    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if request.GET.get("script") is not None:
            return response  # the start-up script, rendered by drf-spectacular's own template
        return _render("swagger_ui.html", response.data, request)


@method_decorator(csp_override(REDOC_CSP), name="dispatch")
class RedocView(SpectacularRedocView):
    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        context = {**response.data, "favicon_href": SpectacularSwaggerSplitView._swagger_ui_favicon()}
        return _render("redoc.html", context, request)
