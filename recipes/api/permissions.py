"""Who may do what with a recipe: read what you can see, change what you own (staff: everything)."""

from rest_framework import permissions


class ReadPublicWriteOwn(permissions.BasePermission):
    """Anyone may read (the queryset decides what they see); writes need a user who owns the recipe.

    Another user's public recipe answers 403 to a write; another user's private recipe is not in the
    queryset at all, so it answers 404 and does not reveal that it exists.
    """

    def has_permission(self, request, view) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        user = request.user
        return bool(user.is_staff or (obj.owner_id is not None and obj.owner_id == user.pk))
