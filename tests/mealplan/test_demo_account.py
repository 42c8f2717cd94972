from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from mealplan.models import Plan


@pytest.mark.django_db
def test_demo_account_only_in_debug(settings):
    settings.DEBUG = False
    call_command("create_demo_user", stdout=StringIO())
    assert not get_user_model().objects.filter(username="demo").exists()


def test_demo_account_gets_a_plan_and_is_idempotent(settings, catalogue):
    settings.DEBUG = True
    out = StringIO()
    call_command("create_demo_user", stdout=out)
    user = get_user_model().objects.get(username="demo")
    assert user.check_password("gut-friendly-demo")
    assert "password 'gut-friendly-demo'" in out.getvalue()
    assert Plan.objects.filter(owner=user).count() == 1
    call_command("create_demo_user", stdout=StringIO())
    assert get_user_model().objects.filter(username="demo").count() == 1
    assert Plan.objects.filter(owner=user).count() == 1


@pytest.mark.django_db
def test_demo_account_without_recipes_still_works(settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("create_demo_user", stdout=out)
    assert "No demo plan" in out.getvalue()
    assert get_user_model().objects.filter(username="demo").exists()
