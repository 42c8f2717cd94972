"""Website: /plans/ (list, new, plan grid, shopping list, calendar). Views in mealplan/web/."""

from django.urls import path

from mealplan.web import views

urlpatterns = [
    path("", views.plan_list, name="plan-list"),
    path("new/", views.plan_new, name="plan-new"),
    path("<int:pk>/", views.plan_detail, name="plan-detail"),
    path("<int:pk>/entries/<int:entry_id>/swap/", views.entry_swap, name="plan-entry-swap"),
    path("<int:pk>/entries/<int:entry_id>/lock/", views.entry_lock, name="plan-entry-lock"),
    path("<int:pk>/days/<str:day>/redo/", views.day_redo, name="plan-day-redo"),
    path("<int:pk>/regenerate/", views.plan_regenerate, name="plan-regenerate"),
    path("<int:pk>/delete/", views.plan_delete, name="plan-delete"),
    path("<int:pk>/shopping-list/", views.plan_shopping, name="plan-shopping"),
    path("<int:pk>/shopping-list.csv", views.plan_shopping_csv, name="plan-shopping-csv"),
    path("<int:pk>/calendar.ics", views.plan_calendar_ics, name="plan-calendar"),
]
