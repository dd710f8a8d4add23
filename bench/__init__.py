"""Benchmarks: the system's code paths timed against a hand-written floor on a generated large world.

Run ``python -m bench`` (see bench/README.md). Django is configured by bench.environment before any
model is imported, always on a scratch database, never on the project's db.sqlite3.
"""
