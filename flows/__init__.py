"""Prefect flows: wiring only. Importing this package applies the project's Prefect defaults."""

from flows.settings import apply_prefect_defaults

apply_prefect_defaults()
