"""Stricter rates for the expensive or sensitive endpoints (token login, analysis).

The rate comes from REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"][scope] when settings define it, else
the default here; it is read on every request so tests and deployments can change it.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


class ScopedDefaultRateThrottle(SimpleRateThrottle):
    """Per user when signed in, else per client address, with a rate per scope."""

    default_rate = "30/min"

    def get_rate(self) -> str:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope) or self.default_rate

    def get_cache_key(self, request, view) -> str:
        signed_in = request.user and request.user.is_authenticated
        ident = request.user.pk if signed_in else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class AnalyzeRateThrottle(ScopedDefaultRateThrottle):
    scope = "analyze"
    default_rate = "30/min"


class AuthTokenRateThrottle(ScopedDefaultRateThrottle):
    scope = "auth"
    default_rate = "10/min"
