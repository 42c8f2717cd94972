"""The OpenAPI schema validates without warnings and covers every route; the docs pages work offline."""

import re

import pytest
import yaml
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema_file(tmp_path_factory, django_db_blocker):
    path = tmp_path_factory.mktemp("schema") / "schema.yml"
    with django_db_blocker.unblock():
        call_command("spectacular", "--validate", "--file", str(path))
    return yaml.safe_load(path.read_text())


def test_schema_generates_without_warnings(tmp_path):
    # The same check as `manage.py spectacular --validate --fail-on-warn` in CI.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))


def api_v1_routes() -> set[str]:
    """Every /api/v1/ route, written the way OpenAPI writes paths."""
    routes = set()

    def walk(patterns, prefix: str):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                routes.add(prefix + str(pattern.pattern))

    walk(get_resolver().url_patterns, "/")
    openapi = set()
    for route in routes:
        if not route.startswith("/api/v1/"):
            continue
        route = route.replace("^", "").replace("$", "").replace("\\.", ".")
        route = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", route)
        route = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)
        if "{format}" in route or "." in route:
            continue
        openapi.add(route.replace("{pk}", "{id}"))  # drf-spectacular names a primary key "id"
    return openapi


def test_schema_covers_every_route(schema_file):
    paths = set(schema_file["paths"])
    assert api_v1_routes() <= paths, api_v1_routes() - paths
    for expected in (
        "/api/v1/recipes/",
        "/api/v1/recipes/{id}/",
        "/api/v1/foods/",
        "/api/v1/foods/{id}/",
        "/api/v1/analyze/",
        "/api/v1/me/profile/",
        "/api/v1/auth/token/",
    ):
        assert expected in paths


def test_schema_has_real_request_and_response_shapes(schema_file):
    paths, components = schema_file["paths"], schema_file["components"]["schemas"]
    analyze = paths["/api/v1/analyze/"]["post"]
    assert analyze["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/AnalyzeRequestRequest")
    assert analyze["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/Analysis")
    assert "fiber_g" in components["PerServing"]["properties"]
    create = paths["/api/v1/recipes/"]["post"]
    assert "ingredients" in components["RecipeWriteRequest"]["properties"]
    assert create["responses"]["201"]["content"]["application/json"]["schema"]["$ref"].endswith("/RecipeDetail")
    assert "400" in create["responses"]
    params = {p["name"] for p in paths["/api/v1/recipes/"]["get"]["parameters"]}
    assert {"q", "meal_type", "diet", "exclude_allergens", "low_fodmap", "live_cultures", "min_fiber_g"} <= params
    assert {"min_prebiotic_g", "min_score", "max_energy_kcal", "max_total_minutes", "tag", "ordering"} <= params
    assert {"page", "page_size"} <= params
    for path, operations in paths.items():
        for method, operation in operations.items():
            assert operation.get("summary") or operation.get("description"), f"{method} {path} is undocumented"


def test_schema_endpoint_serves_openapi(anon_api):
    response = anon_api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")


EXTERNAL_URL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)


@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_docs_pages_load_only_our_own_files_under_csp(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    policy = response.headers["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "http" not in policy  # no third-party origin allowed
    assert not EXTERNAL_URL.search(html), "the page loads something from another origin"
    assert "googleapis" not in html and "cdn" not in html.lower()
    # No inline script: every <script> has a src.
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.DOTALL)
    assert scripts
    assert all("src=" in attrs and not body.strip() for attrs, body in scripts)
    assert "<style" not in html
    for asset in re.findall(r"""(?:src|href)="(/static/[^"?]+)""", html):
        assert asset.startswith("/static/drf_spectacular_sidecar/"), asset


def test_swagger_start_script_is_served_by_the_same_view(client):
    html = client.get("/api/docs/").content.decode()
    script_url = re.search(r'<script src="([^"]*script[^"]*)"', html).group(1).replace("&amp;", "&")
    response = client.get(script_url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in response.content.decode()
    assert "/api/schema/" in response.content.decode()


def test_sidecar_assets_exist():
    from django.contrib.staticfiles import finders

    for asset in (
        "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js",
        "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css",
        "drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js",
    ):
        assert finders.find(asset), asset
