from django.apps import AppConfig


class RecipesConfig(AppConfig):
    name = "recipes"
    verbose_name = "Recipes and foods"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from recipes import listcache
        from recipes.models import Recipe

        post_save.connect(listcache.bump_on_commit, sender=Recipe, dispatch_uid="recipes-list-cache-save")
        post_delete.connect(listcache.bump_on_commit, sender=Recipe, dispatch_uid="recipes-list-cache-delete")
