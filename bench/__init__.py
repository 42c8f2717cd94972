"""Benchmarks run by `make bench`; each module has run() -> markdown section."""
