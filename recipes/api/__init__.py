"""REST API v1 for recipes, foods and nutrition analysis (serializers, filters, views)."""
