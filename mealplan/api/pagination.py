from rest_framework import pagination


class PageNumberPagination(pagination.PageNumberPagination):
    """Page-number pagination; clients may ask for up to 100 items a page."""

    page_size_query_param = "page_size"
    max_page_size = 100
