"""Benchmark tooling (not part of the library): corpus generator, measurements, the bench runner."""
