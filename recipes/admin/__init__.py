"""The admin for foods and recipes; every recipe write goes through recipes.services."""

from .foods import FoodAdmin, FoodPortionAdmin
from .recipes import RecipeAdmin

__all__ = ["FoodAdmin", "FoodPortionAdmin", "RecipeAdmin"]
