"""Who may change a recipe: its owner, or staff. Reading is decided by the queryset (visible_to)."""

from rest_framework import permissions


class OwnerOrStaffCanWrite(permissions.BasePermission):
    """Object-level: writes only by the owner or staff; reads by whoever can see the recipe.

    Used after IsAuthenticatedOrReadOnly. Another user's public recipe answers 403 to a write;
    another user's private recipe is not in the queryset at all, so it answers 404 and does not
    reveal that it exists.
    """

    def has_object_permission(self, request, view, obj) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        user = request.user
        return bool(user.is_staff or (obj.owner_id is not None and obj.owner_id == user.pk))
