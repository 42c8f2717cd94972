from .fields import WordSetField, member
from .foods import Food, FoodPortion, FoodQuerySet
from .recipes import Recipe, RecipeIngredient, RecipeQuerySet

__all__ = [
    "Food",
    "FoodPortion",
    "FoodQuerySet",
    "Recipe",
    "RecipeIngredient",
    "RecipeQuerySet",
    "WordSetField",
    "member",
]
