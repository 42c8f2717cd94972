"""Recipe list responses kept in the shared cache, dropped whenever any recipe is written.

A list depends on the recipe rows (and their lines, which are only written with their recipe), on who
asks (visibility, `is_own`) and on the full URL (filters, page, and the links to the next page). Every
committed save or delete of a Recipe gives the catalogue a new version token, and the token is part of
every key, so a write drops every cached list at once; entries also expire after
RECIPE_LIST_CACHE_SECONDS. Switched off (0) unless the cache is shared between processes (Redis).
"""

from __future__ import annotations

import hashlib
from uuid import uuid4

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "recipes:list-version"


def enabled() -> bool:
    return settings.RECIPE_LIST_CACHE_SECONDS > 0


def version() -> str:
    """The catalogue's current version token (a new one after a cache flush, so nothing old is hit)."""
    token = cache.get(VERSION_KEY)
    if token is None:
        cache.add(VERSION_KEY, uuid4().hex, None)
        token = cache.get(VERSION_KEY)
    return token


def bump() -> None:
    cache.set(VERSION_KEY, uuid4().hex, None)


def bump_on_commit(**_signal_kwargs) -> None:
    """Signal receiver: after the write commits, cached lists are stale."""
    if enabled():
        transaction.on_commit(bump)


def key_for(request) -> str | None:
    """The page's key under the current version, or None when caching is off. Take it once, before reading
    the database, and store under it: a write committing meanwhile then leaves the page under the old
    version, where nobody looks, instead of filing pre-write data under the new one."""
    if not enabled():
        return None
    user = request.user
    who = f"user:{user.pk}" if user.is_authenticated else "anonymous"
    raw = f"{version()}|{who}|{request.build_absolute_uri()}"
    return "recipes:list:" + hashlib.sha256(raw.encode()).hexdigest()


def get(key: str | None):
    return cache.get(key) if key else None


def put(key: str | None, data) -> None:
    if key:
        cache.set(key, data, settings.RECIPE_LIST_CACHE_SECONDS)
