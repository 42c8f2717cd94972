"""mealplan.cache.RedisCache against the local Redis (skipped when none answers on 127.0.0.1:6379)."""

import socket
import threading

import pytest

from mealplan.cache import RedisCache


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not redis_answers(), reason="no Redis on 127.0.0.1:6379")


@pytest.fixture
def cache():
    backend = RedisCache("redis://127.0.0.1:6379/15", {"KEY_PREFIX": "mealplan-test-cache"})
    yield backend
    backend.clear()


def test_values_round_trip_and_expire_like_djangos_backend(cache):
    cache.set("list", {"results": [1, 2]}, 60)
    cache.set("count", 3, 60)
    assert cache.get("list") == {"results": [1, 2]}
    assert cache.incr("count") == 4
    assert cache.add("count", 10) is False
    cache.delete("list")
    assert cache.get("list", "gone") == "gone"
    cache.set("brief", "x", 0)  # a zero timeout expires at once, as in Django
    assert cache.get("brief") is None


def test_one_client_per_pool_reused_across_operations_and_threads(cache):
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client
    seen = []
    thread = threading.Thread(target=lambda: seen.append(cache._cache.get_client()))
    thread.start()
    thread.join()
    assert seen == [client]
    results = []

    def worker(n):
        for i in range(50):
            cache.set(f"k{n}-{i}", i, 60)
            results.append(cache.get(f"k{n}-{i}") == i)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 200 and all(results)
