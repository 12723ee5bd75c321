"""Prefect tasks: thin wrappers over eventlake/ that add retries, logging and batching."""
