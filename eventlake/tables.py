"""Small Arrow table helpers shared by the stages: conform to a schema, slice into batches."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


def conform(table: pa.Table, schema: pa.Schema, **fill: object) -> pa.Table:
    """Select and cast `table` to `schema`; missing columns take the given constant (or null)."""
    arrays = []
    for field in schema:
        if field.name in table.column_names:
            arrays.append(table.column(field.name).cast(field.type))
        else:
            arrays.append(pa.array([fill.get(field.name)] * table.num_rows, type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def iter_batches(table: pa.Table, size: int) -> Iterator[pa.Table]:
    """Consecutive slices of at most `size` rows (none for an empty table)."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, got {size}")
    for offset in range(0, table.num_rows, size):
        yield table.slice(offset, size)


def fill_nulls(table: pa.Table, **values: object) -> pa.Table:
    """Replace nulls in the named columns with a constant (run_id, timestamps stamped late)."""
    for name, value in values.items():
        index = table.schema.get_field_index(name)
        column = table.column(index)
        filled = column.fill_null(pa.scalar(value, type=column.type))
        table = table.set_column(index, name, filled)
    return table


def value_codes(column: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """An int64 per value, equal for equal values (nulls count as ""), for grouping in numpy."""
    encoded = pc.dictionary_encode(pc.fill_null(column, ""))
    if isinstance(encoded, pa.ChunkedArray):
        encoded = encoded.combine_chunks()
    return encoded.indices.to_numpy().astype(np.int64)
