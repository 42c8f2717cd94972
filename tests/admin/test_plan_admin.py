"""Plans and plan profiles are read-only in the admin: support can look, not add or change."""

import datetime

import pytest
from django.contrib.admin import site
from django.test import RequestFactory
from django.urls import reverse

from mealplan.models import Plan, PlanEntry, PlanProfile

from .conftest import stored_recipes

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(user):
    recipe = stored_recipes(1, prefix="Planned dinner")[0]
    plan = Plan.objects.create(owner=user, start=datetime.date(2026, 1, 5), days=2, slots=["dinner"])
    for day in range(2):
        PlanEntry.objects.create(
            plan=plan, date=plan.start + datetime.timedelta(days=day), slot="dinner", recipe=recipe
        )
    return plan


@pytest.mark.parametrize("model", [Plan, PlanProfile])
def test_no_add_or_change_permission(staff, model):
    request = RequestFactory().get("/admin/")
    request.user = staff  # a superuser: even they cannot add or change
    model_admin = site._registry[model]
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert model_admin.has_view_permission(request)


def test_plan_add_page_is_forbidden(staff_client):
    assert staff_client.get(reverse("admin:mealplan_plan_add")).status_code == 403
    assert staff_client.get(reverse("admin:mealplan_planprofile_add")).status_code == 403


def test_plan_detail_shows_entries_read_only_and_refuses_changes(staff_client, plan):
    url = reverse("admin:mealplan_plan_change", args=[plan.pk])
    response = staff_client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("Planned dinner 000") >= 2
    assert 'name="entries-0-servings"' not in page  # no editable inputs for entries
    assert staff_client.post(url, {"days": "5"}).status_code == 403
    plan.refresh_from_db()
    assert plan.days == 2


def test_plan_changelist_counts_entries(staff_client, plan):
    response = staff_client.get(reverse("admin:mealplan_plan_changelist"))
    assert response.status_code == 200
    (row,) = response.context["cl"].result_list
    assert row.entry_count == 2


def test_only_superusers_may_delete_plans(staff, django_user_model, plan):
    request = RequestFactory().get("/admin/")
    model_admin = site._registry[Plan]
    request.user = staff
    assert model_admin.has_delete_permission(request, plan)
    request.user = django_user_model.objects.create_user(username="support", is_staff=True)
    assert not model_admin.has_delete_permission(request, plan)


def test_profile_page_shows_the_settings(staff_client, user):
    profile = PlanProfile.objects.create(user=user, slots=["breakfast", "dinner"], diet="vegan", low_fodmap=True)
    page = staff_client.get(reverse("admin:mealplan_planprofile_change", args=[profile.pk])).content.decode()
    assert "vegan" in page
    assert "owner" in page  # the user's name
