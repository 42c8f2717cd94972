"""Website: plans (history, new, the weekly grid, swap/lock/redo), shopping list, calendar.

Every write goes through mealplan.services. A plan is its owner's only: anyone else gets a 404.
Swap, lock, redo and regenerate answer htmx with the #plan-body partial and everything else with a
redirect back to the plan, so the buttons work as plain forms without JavaScript.
"""

from __future__ import annotations

import hashlib
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mealplan import services
from mealplan.ics import plan_calendar
from mealplan.models import Plan
from mealplan.selectors import plan_days, plan_entries
from mealplan.shopping import shopping_csv, shopping_list
from mealplan.web.display import day_bars, week_plants_bar
from mealplan.web.forms import PlanProfileForm
from recipes.vocab import MEAL_TYPES

PLANS_PER_PAGE = 20


def _own_plan(request, pk: int) -> Plan:
    return get_object_or_404(Plan.objects.owned_by(request.user), pk=pk)


def _is_htmx(request) -> bool:
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _version(request) -> int | None:
    """The plan version the page showed; a stale one is refused by the services (two tabs, two people)."""
    try:
        return int(request.POST["version"])
    except (KeyError, ValueError):
        return None


def plan_context(plan: Plan, *, action_error: str = "") -> dict:
    days, week = plan_days(plan, plan_entries(plan))
    return {
        "plan": plan,
        "slots": [s for s in MEAL_TYPES if s in plan.slots],
        "days": [(day, day_bars(day)) for day in days],
        "week": week,
        "plants_bar": week_plants_bar(week),
        "plants_short": max(week["plants_target"] - week["plants"], 0),
        "action_error": action_error,
    }


@login_required
@require_GET
def plan_list(request):
    plans = Plan.objects.owned_by(request.user).order_by("-start", "-id")
    page = Paginator(plans, PLANS_PER_PAGE).get_page(request.GET.get("page"))
    for plan in page.object_list:
        plan.slot_list = [s for s in MEAL_TYPES if s in plan.slots]
    return render(request, "plans/plan_list.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def plan_new(request):
    profile = services.get_profile(request.user)
    if request.method == "POST":
        form = PlanProfileForm(request.POST)
        if form.is_valid():
            try:
                # One step for the person: the settings are kept only when a plan could be made with them.
                with transaction.atomic():
                    services.update_profile(request.user, **form.profile_values())
                    plan = services.generate_plan(
                        owner=request.user, start=form.cleaned_data["start"], days=form.cleaned_data["days"]
                    )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                if plan.messages:
                    messages.warning(request, "Some targets could not be met; the plan below says which and why.")
                else:
                    messages.success(request, "Your plan is ready: every target is met.")
                return redirect(plan)
        status = 200 if not form.errors and not form.minute_errors else 400
    else:
        form = PlanProfileForm(initial=PlanProfileForm.initial_from(profile))
        status = 200
    return render(
        request, "plans/plan_new.html", {"form": form, "has_plans": request.user.plans.exists()}, status=status
    )


@login_required
@require_GET
def plan_detail(request, pk: int):
    plan = _own_plan(request, pk)
    return render(request, "plans/plan_detail.html", plan_context(plan))


def _after_change(request, plan: Plan, *, error: ValidationError | None = None, done: str = ""):
    """htmx: the refreshed plan body (with the error, if any). Otherwise: back to the plan page."""
    plan.refresh_from_db()
    if _is_htmx(request):
        context = plan_context(plan, action_error=_error_text(error) if error else "")
        context["done"] = "" if error else done
        response = render(request, "plans/plan_detail.html#plan-body", context)
        patch_vary_headers(response, ["HX-Request"])
        return response
    if error is not None:
        messages.error(request, _error_text(error))
    elif done:
        messages.success(request, done)
    return redirect(plan)


@login_required
@require_POST
def entry_swap(request, pk: int, entry_id: int):
    plan = _own_plan(request, pk)
    try:
        entry = services.swap_entry(plan=plan, entry_id=entry_id, expected_version=_version(request))
    except ValidationError as error:
        return _after_change(request, plan, error=error)
    return _after_change(request, plan, done=f"{entry.slot.capitalize()} on {entry.date:%A}: {entry.recipe.title}.")


@login_required
@require_POST
def entry_lock(request, pk: int, entry_id: int):
    plan = _own_plan(request, pk)
    locked = request.POST.get("locked") == "1"
    try:
        entry = services.set_entry_locked(
            plan=plan, entry_id=entry_id, locked=locked, expected_version=_version(request)
        )
    except ValidationError as error:
        return _after_change(request, plan, error=error)
    what = "locked" if entry.locked else "unlocked"
    return _after_change(request, plan, done=f"{entry.slot.capitalize()} on {entry.date:%A} {what}.")


@login_required
@require_POST
def day_redo(request, pk: int, day: str):
    plan = _own_plan(request, pk)
    try:
        when = date.fromisoformat(day)
        services.redo_day(plan=plan, day=when, expected_version=_version(request))
    except ValueError:
        return _after_change(request, plan, error=ValidationError(f"'{day}' is not a date."))
    except ValidationError as error:
        return _after_change(request, plan, error=error)
    return _after_change(request, plan, done=f"{when:%A} planned again.")


@login_required
@require_POST
def plan_regenerate(request, pk: int):
    plan = _own_plan(request, pk)
    try:
        services.regenerate_plan(plan=plan, expected_version=_version(request))
    except ValidationError as error:
        return _after_change(request, plan, error=error)
    return _after_change(request, plan, done="The whole plan was made again; locked meals stayed.")


@login_required
@require_http_methods(["GET", "POST"])
def plan_delete(request, pk: int):
    plan = _own_plan(request, pk)
    if request.method == "POST":
        services.delete_plan(plan=plan)
        messages.success(request, f"The plan for the week of {plan.start:%-d %B %Y} was deleted.")
        return redirect("plan-list")
    return render(request, "plans/plan_confirm_delete.html", {"plan": plan})


def item_dom_id(key: str) -> str:
    """A stable element id for a shopping item, so the one pressed keeps its focus after an htmx swap."""
    if key.startswith("food:") and key[5:].isdigit():
        return f"item-food-{key[5:]}"
    return "item-text-" + hashlib.sha1(key.encode()).hexdigest()[:10]


def _shopping_context(plan: Plan) -> dict:
    groups = shopping_list(plan)
    items = [item for _, group_items in groups for item in group_items]
    return {
        "plan": plan,
        "groups": [
            (name, [(item_dom_id(item.key), item, ", ".join(sorted(item.recipes))) for item in group_items])
            for name, group_items in groups
        ],
        "item_count": len(items),
        "checked_count": sum(item.checked for item in items),
    }


@login_required
@require_http_methods(["GET", "POST"])
def plan_shopping(request, pk: int):
    plan = _own_plan(request, pk)
    if request.method == "POST":
        key = request.POST.get("key", "").strip()
        if key:
            services.set_shopping_item(plan=plan, key=key, checked=request.POST.get("checked") == "1")
            plan.refresh_from_db()
        if not _is_htmx(request):
            return redirect("plan-shopping", pk=plan.pk)
    context = _shopping_context(plan)
    template = "plans/shopping_list.html"
    if _is_htmx(request):
        template += "#shopping"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_GET
def plan_shopping_csv(request, pk: int):
    plan = _own_plan(request, pk)
    response = HttpResponse(shopping_csv(shopping_list(plan)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="shopping-list-{plan.start}.csv"'
    return response


@login_required
@require_GET
def plan_calendar_ics(request, pk: int):
    plan = _own_plan(request, pk)
    response = HttpResponse(
        plan_calendar(plan, base_url=request.build_absolute_uri("/")), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="mealplan-{plan.start}.ics"'
    return response
