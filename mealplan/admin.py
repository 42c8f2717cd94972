"""Plans and plan profiles, read-only for support; the admin home links to the site and the API docs."""

from django.contrib import admin
from django.db.models import Count

from . import services
from .models import Plan, PlanEntry, PlanProfile

admin.site.index_template = "admin/mealplan_index.html"


class ReadOnlyAdminMixin:
    """Support can look, not change: plans are the planner's output and profiles the user's own settings."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


class PlanEntryInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = PlanEntry
    fields = ("date", "slot", "recipe", "servings", "locked", "is_leftover")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("recipe")


@admin.register(Plan)
class PlanAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("__str__", "owner", "start", "days", "status", "entry_count", "objective", "created_at")
    list_filter = ("status", "start")
    list_select_related = ("owner",)
    search_fields = ("owner__username", "owner__email")
    date_hierarchy = "start"
    inlines = [PlanEntryInline]
    readonly_fields = (
        "owner",
        "start",
        "days",
        "slots",
        "status",
        "messages",
        "targets",
        "profile_snapshot",
        "solver_status",
        "objective",
        "mip_gap",
        "solve_seconds",
        "version",
        "shopping_checked",
        "created_at",
        "updated_at",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(entry_count=Count("entries"))

    @admin.display(description="entries", ordering="entry_count")
    def entry_count(self, plan: Plan) -> int:
        return plan.entry_count


@admin.register(PlanProfile)
class PlanProfileAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("user", "diet", "household_servings", "energy_kcal", "low_fodmap", "plants_per_week", "updated_at")
    list_filter = ("diet", "low_fodmap", "activity")
    list_select_related = ("user",)
    search_fields = ("user__username", "user__email")
    exclude = ("exclude_foods",)
    readonly_fields = ("user", *services.PROFILE_FIELDS, "excluded_foods", "updated_at")

    @admin.display(description="excluded foods")
    def excluded_foods(self, profile: PlanProfile) -> str:
        return ", ".join(food.name for food in profile.exclude_foods.order_by("name")) or "none"
