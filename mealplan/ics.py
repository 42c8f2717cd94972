"""A plan as an iCalendar (RFC 5545) file: one event per meal, at the slot's usual time."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from icalendar import Calendar, Event

from mealplan.models import Plan

SLOT_TIMES = {"breakfast": time(8, 0), "lunch": time(12, 30), "snack": time(16, 0), "dinner": time(19, 0)}
SLOT_MINUTES = {"breakfast": 30, "lunch": 45, "snack": 15, "dinner": 60}


def plan_calendar(plan: Plan, *, base_url: str = "") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//mealplan//weekly plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"mealplan: week of {plan.start:%d %b %Y}")
    stamp = plan.updated_at or datetime.now()
    for entry in plan.entries.select_related("recipe").order_by("date", "id"):
        recipe = entry.recipe
        start = datetime.combine(entry.date, SLOT_TIMES.get(entry.slot, time(12, 0)))
        event = Event()
        event.add("uid", f"plan-{plan.pk}-entry-{entry.pk}@mealplan")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=SLOT_MINUTES.get(entry.slot, 30)))
        leftover = " (leftovers)" if entry.is_leftover else ""
        event.add("summary", f"{entry.slot.capitalize()}: {recipe.title}{leftover}")
        servings = f"{entry.servings:g} serving{'s' if entry.servings != 1 else ''}"
        description = (
            f"{servings}. Per serving: {recipe.energy_kcal:.0f} kcal, {recipe.fiber_g:.1f} g fiber, "
            f"gut score {recipe.gut_score}."
        )
        if base_url:
            url = base_url.rstrip("/") + recipe.get_absolute_url()
            event.add("url", url)
            description += f"\n{url}"
        event.add("description", description)
        calendar.add_component(event)
    return calendar.to_ical()
