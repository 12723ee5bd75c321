"""Validate stage: articles and events tables -> rows that passed, quarantined rows, a summary.

One Great Expectations suite per table. A failed row-level expectation (severity "warning")
sends the failing rows to quarantine with the expectation's name; a failed critical one
(severity "critical": key columns, the column set) fails the whole batch via
`raise_for_critical`. Great Expectations is imported inside `Validator`, because importing it
takes seconds and the command line's --help must stay fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from eventlake.errors import ExpectationsFailed
from eventlake.schema import (
    ARTICLES,
    ARTICLES_QUARANTINE,
    ATTRIBUTIONS,
    EVENT_TYPES,
    EVENTS,
    EVENTS_QUARANTINE,
    SUB_EVENT_TO_TYPE,
)
from eventlake.tables import conform

# ISO 639-1 codes an article may carry; anything else is quarantined (a typo, "Arabic", "AR").
LANGUAGES = ("ar", "en", "fr")
# An event may be dated on the publication's local date anywhere on Earth (UTC+14 at most).
LATEST_UTC_OFFSET = timedelta(hours=14)
PAIR_SEPARATOR = ": "

# Derived columns added before validation; they are checks, never written anywhere.
ROW_NUMBER = "row_number"
EVENT_CHECK_COLUMNS = (
    "event_type_pair",
    "event_date_not_after_published",
    "article_in_batch",
    "evidence_span_in_text",
    "evidence_text_matches_span",
)
# A batch is first checked for pass or fail only, which costs a third less; one that fails is
# checked again in full, to learn which rows failed (the second result replaces the first).
QUICK_FORMAT = {"result_format": "BOOLEAN_ONLY"}
RESULT_FORMAT = {
    "result_format": "COMPLETE",
    "unexpected_index_column_names": [ROW_NUMBER],
    "return_unexpected_index_query": False,
}
QUARANTINE_SCHEMAS = {"articles": ARTICLES_QUARANTINE, "events": EVENTS_QUARANTINE}
_EVENT_CHECK_INPUTS = (
    "event_type",
    "sub_event_type",
    "event_date",
    "published_at",
    "article_id",
    "evidence_start",
    "evidence_end",
    "evidence_text",
)


@dataclass(frozen=True)
class Outcome:
    """What validating one batch of one table gave: rows to write, rows to quarantine, counts."""

    table_name: str  # "articles" or "events"
    valid: pa.Table  # rows that passed every expectation, contract types
    quarantine: pa.Table  # failing rows + table_name + failed_expectations
    summary: dict  # JSON-serialisable counts for the run manifest
    critical_failures: tuple[str, ...]  # names of failed critical expectations


class Validator:
    """One Great Expectations context for a run; validates any number of batches of each table."""

    def __init__(
        self,
        *,
        docs_dir: Path | None = None,
        run_name: str | None = None,
        languages: Sequence[str] = LANGUAGES,
    ):
        """Set up both suites; with `docs_dir`, every validation is also rendered as Data Docs,
        filed under `run_name` (the flow run's id, say)."""
        self._docs_dir = docs_dir.resolve() if docs_dir is not None else None
        self._run_name = run_name
        self._context = _new_context(self._docs_dir)
        source = self._context.data_sources.add_pandas("eventlake")
        suites = {"articles": _articles_suite(languages), "events": _events_suite()}
        self._definitions = {t: self._add_definition(source, t, s) for t, s in suites.items()}
        self._order = {t: [_expectation_name(e.configuration) for e in s] for t, s in suites.items()}

    def validate_articles(self, articles: pa.Table) -> Outcome:
        """Check a batch of the articles table.

        Raises:
            ExpectationsFailed: a contract column has a type that cannot be cast to the contract's.
        """
        articles = cast_to_contract(articles, ARTICLES, table_name="articles")
        return self._run("articles", articles, {})

    def validate_events(self, events: pa.Table, articles: pa.Table) -> Outcome:
        """Check a batch of the events table; `articles` gives the text that offsets point into.

        Raises:
            ExpectationsFailed: a contract column has a type that cannot be cast to the contract's.
        """
        events = cast_to_contract(events, EVENTS, table_name="events")
        return self._run("events", events, _event_checks(events, articles))

    def build_docs(self) -> Path | None:
        """Render the Data Docs of every batch validated so far; returns index.html, or None when
        no docs_dir was given."""
        if self._docs_dir is None:
            return None
        self._context.build_data_docs()
        return self._docs_dir / "index.html"

    def _add_definition(self, source: Any, table_name: str, expectations: list) -> Any:
        import great_expectations as gx

        batch = source.add_dataframe_asset(table_name).add_batch_definition_whole_dataframe("batch")
        suite = self._context.suites.add(gx.ExpectationSuite(name=table_name))
        for expectation in expectations:
            suite.add_expectation(expectation)
        # Run directly, not through a Checkpoint: it would add nothing (Data Docs are rendered
        # once, by build_docs) and could not change the result format from one run to the next.
        return self._context.validation_definitions.add(
            gx.ValidationDefinition(name=table_name, data=batch, suite=suite)
        )

    def _run(self, table_name: str, table: pa.Table, checks: dict[str, pa.Array]) -> Outcome:
        from great_expectations.core.run_identifier import RunIdentifier

        frame = table.append_column(ROW_NUMBER, pa.array(range(table.num_rows), pa.int64()))
        for name, values in checks.items():
            frame = frame.append_column(name, values)
        batch = {"dataframe": frame.to_pandas()}
        run_id = RunIdentifier(run_name=self._run_name)  # shared: the full result is stored over the quick one
        definition = self._definitions[table_name]
        result = definition.run(batch_parameters=batch, result_format=QUICK_FORMAT, run_id=run_id)
        if not result.success:
            result = definition.run(batch_parameters=batch, result_format=RESULT_FORMAT, run_id=run_id)
        return _outcome(table_name, table, result, order=self._order[table_name])


def raise_for_critical(outcome: Outcome) -> None:
    """Stop the run when a critical expectation failed, naming the expectations.

    Raises:
        ExpectationsFailed: `outcome` has critical failures.
    """
    if outcome.critical_failures:
        raise ExpectationsFailed(outcome.table_name, list(outcome.critical_failures))


def cast_to_contract(table: pa.Table, schema: pa.Schema, *, table_name: str) -> pa.Table:
    """Cast each of `schema`'s columns in `table` to its contract type; others are left as they are.

    Raises:
        ExpectationsFailed: a column's values cannot be cast; the message names the column.
    """
    for i, field in enumerate(table.schema):
        if field.name not in schema.names or field.type == schema.field(field.name).type:
            continue
        want = schema.field(field.name).type
        try:
            column = table.column(i).cast(want)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError) as exc:
            reason = f"column {field.name}: type {field.type} does not cast to the contract's {want}"
            raise ExpectationsFailed(table_name, [reason]) from exc
        table = table.set_column(i, field.name, column)
    return table


def _expectation_name(config: Any) -> str:
    """The name quarantine rows and summaries use: the expectation type and its column."""
    column = config.kwargs.get("column")
    return f"{config.type}({column})" if column else config.type


def _new_context(docs_dir: Path | None) -> Any:
    """An in-memory context, progress bars off, whose only Data Docs site (if any) is `docs_dir`.

    Built from a config rather than get_context's default, which makes and logs a temporary
    docs directory on every call.
    """
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    sites = {}
    if docs_dir is not None:
        sites["local_site"] = {
            "class_name": "SiteBuilder",
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
        }
    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(),
        data_docs_sites=sites,
        progress_bars=ProgressBarsConfig(globally=False),
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def _articles_suite(languages: Sequence[str]) -> list:
    import great_expectations.expectations as gxe

    required = ("text", "published_at", "n_sentences", "language", "content_hash")
    return [
        gxe.ExpectTableColumnsToMatchSet(
            column_set=[*ARTICLES.names, ROW_NUMBER], exact_match=True, severity="critical"
        ),
        gxe.ExpectColumnValuesToNotBeNull(column="article_id", severity="critical"),
        gxe.ExpectColumnValuesToBeUnique(column="article_id", severity="critical"),
        *[gxe.ExpectColumnValuesToNotBeNull(column=c, severity="warning") for c in required],
        gxe.ExpectColumnValuesToMatchRegex(
            column="text", regex=r"\S", severity="warning", description="text is not blank"
        ),
        gxe.ExpectColumnValuesToBeBetween(column="n_sentences", min_value=1, severity="warning"),
        gxe.ExpectColumnValuesToBeInSet(column="language", value_set=list(languages), severity="warning"),
        gxe.ExpectColumnValuesToMatchRegex(column="content_hash", regex=r"^[0-9a-f]{64}$", severity="warning"),
    ]


def _events_suite() -> list:
    import great_expectations.expectations as gxe

    required = (
        "article_id",
        "event_date",
        "time_precision",
        "event_type",
        "sub_event_type",
        "attribution",
        "geo_precision",
        "published_at",
        "evidence_text",
        "evidence_start",
        "evidence_end",
        "confidence",
    )
    pairs = sorted(f"{t}{PAIR_SEPARATOR}{s}" for s, t in SUB_EVENT_TO_TYPE.items())

    def between(column: str, low: float, high: float | None = None) -> Any:
        return gxe.ExpectColumnValuesToBeBetween(column=column, min_value=low, max_value=high, severity="warning")

    def is_true(column: str, description: str) -> Any:
        return gxe.ExpectColumnValuesToBeInSet(
            column=column, value_set=[True], severity="warning", description=description
        )

    return [
        gxe.ExpectTableColumnsToMatchSet(
            column_set=[*EVENTS.names, ROW_NUMBER, *EVENT_CHECK_COLUMNS],
            exact_match=True,
            severity="critical",
        ),
        gxe.ExpectColumnValuesToNotBeNull(column="event_id", severity="critical"),
        gxe.ExpectColumnValuesToBeUnique(column="event_id", severity="critical"),
        *[gxe.ExpectColumnValuesToNotBeNull(column=c, severity="warning") for c in required],
        gxe.ExpectColumnValuesToBeInSet(column="event_type", value_set=list(EVENT_TYPES), severity="warning"),
        gxe.ExpectColumnValuesToBeInSet(
            column="event_type_pair",
            value_set=pairs,
            severity="warning",
            description="sub_event_type belongs to event_type",
        ),
        gxe.ExpectColumnValuesToBeInSet(column="attribution", value_set=list(ATTRIBUTIONS), severity="warning"),
        between("inter1", 1, 8),
        between("inter2", 1, 8),
        *[
            gxe.ExpectColumnValuesToBeInSet(column=c, value_set=[1, 2, 3], severity="warning")
            for c in ("time_precision", "geo_precision")
        ],
        between("latitude", -90, 90),
        between("longitude", -180, 180),
        gxe.ExpectColumnValuesToMatchRegex(column="iso", regex=r"^[A-Z]{2}$", severity="warning"),
        between("fatalities", 0),
        between("injuries", 0),
        between("confidence", 0, 1),
        is_true("event_date_not_after_published", "event_date is not after the publication date"),
        is_true("article_in_batch", "the event's article is in the articles batch"),
        is_true("evidence_span_in_text", "0 <= evidence_start < evidence_end <= len(text)"),
        is_true("evidence_text_matches_span", "text[evidence_start:evidence_end] == evidence_text"),
    ]


def _event_checks(events: pa.Table, articles: pa.Table) -> dict[str, pa.Array]:
    """The derived check columns, one value per event; null where an input is null (a not-null
    expectation reports that). Computed column-wise: this runs on every event of a run."""
    n = events.num_rows
    column = {c: _column(events, c, n) for c in _EVENT_CHECK_INPUTS}
    ids = _column(articles, "article_id", articles.num_rows)
    where = pc.index_in(column["article_id"], value_set=ids)
    article_texts = _column(articles, "text", articles.num_rows)
    # Each event's text length, null without its article or text: taking the texts themselves would
    # copy an article's text once per event (90 MB for a batch of 5,000 articles).
    lengths = pc.take(pc.utf8_length(article_texts), where)
    start, end = column["evidence_start"].cast(pa.int64()), column["evidence_end"].cast(pa.int64())
    span_ok = pc.and_(
        pc.and_(pc.greater_equal(start, 0), pc.less(start, end)),
        pc.less_equal(end, lengths.cast(pa.int64())),
    )
    latest = pc.cast(pc.add(column["published_at"], pa.scalar(LATEST_UTC_OFFSET)), pa.date32())
    in_batch = pc.if_else(pc.is_null(column["article_id"]), None, pc.is_valid(lengths))
    return {
        "event_type_pair": pc.binary_join_element_wise(column["event_type"], column["sub_event_type"], PAIR_SEPARATOR),
        "event_date_not_after_published": pc.less_equal(column["event_date"].cast(pa.date32()), latest),
        "article_in_batch": in_batch,
        "evidence_span_in_text": span_ok,
        "evidence_text_matches_span": _evidence_matches(
            article_texts, where, start, end, column["evidence_text"], span_ok
        ),
    }


def _evidence_matches(
    texts: pa.Array, where: pa.Array, start: pa.Array, end: pa.Array, evidence: pa.Array, span_ok: pa.Array
) -> pa.Array:
    """text[start:end] == evidence_text where the span is in the text; null elsewhere.

    `texts` are the batch's article texts and `where` each event's index into them: each text
    becomes a Python string once, not once per event. Python slices count code points, as offsets do.
    """
    text_of = texts.to_pylist()
    columns = (where, start, end, evidence, span_ok)
    values = zip(*(c.to_pylist() for c in columns), strict=True)
    return pa.array(
        [None if not ok or said is None else text_of[i][a:b] == said for i, a, b, said, ok in values], pa.bool_()
    )


def _column(table: pa.Table, name: str, rows: int) -> pa.Array:
    """A column as one array; all null when missing (the column-set expectation reports it)."""
    if name in table.column_names:
        return table.column(name).combine_chunks()
    return pa.nulls(rows, EVENTS.field(name).type if name in EVENTS.names else ARTICLES.field(name).type)


def _outcome(table_name: str, table: pa.Table, suite_result: Any, *, order: list[str]) -> Outcome:
    """Split `table` by the validation result: failing rows get their expectations' names."""
    failures: dict[int, list[str]] = {}
    unexpected: dict[str, int | None] = {}
    critical: list[str] = []
    results = sorted(suite_result.results, key=lambda r: order.index(_expectation_name(r.expectation_config)))
    for result in results:  # in suite order, so each row's names are too
        if result.success:
            continue
        config = result.expectation_config
        name = _expectation_name(config)
        rows = result.result.get("unexpected_index_list")
        unexpected[name] = result.result.get("unexpected_count")
        if config.severity == "critical" or rows is None:  # rows is None: table-level, or errored
            critical.append(name)
        for item in rows or ():
            failures.setdefault(int(item[ROW_NUMBER]), []).append(name)
    bad = sorted(failures)
    good = [i for i in range(table.num_rows) if i not in failures]
    valid = table.take(pa.array(good, pa.int64()))
    reasons = pa.array([", ".join(failures[i]) for i in bad], pa.string())
    failing = table.take(pa.array(bad, pa.int64())).append_column("failed_expectations", reasons)
    quarantine = conform(failing, QUARANTINE_SCHEMAS[table_name], table_name=table_name)
    summary = {
        "table": table_name,
        "rows": table.num_rows,
        "valid_rows": valid.num_rows,
        "quarantined_rows": quarantine.num_rows,
        "success": bool(suite_result.success),
        "evaluated": int(suite_result.statistics["evaluated_expectations"]),
        "successful": int(suite_result.statistics["successful_expectations"]),
        "unexpected": {k: None if v is None else int(v) for k, v in unexpected.items()},
        "critical_failures": critical,
    }
    return Outcome(table_name, valid, quarantine, summary, tuple(critical))
