"""Website pages for planning: plans, plan grid, shopping list, profile."""
