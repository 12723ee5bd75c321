"""`reprocess_pipeline`: the raw store read again with a newer extractor replaces each article's events."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import eventlake
from eventlake.write import read_lake_table
from flows.pipeline import reprocess_pipeline, run_pipeline

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


@pytest.fixture(scope="module")
def lakes(tmp_path_factory):
    """A lake from the samples, then reprocessed by a 'newer' extractor after the inputs are gone."""
    inputs = tmp_path_factory.mktemp("inputs")
    shutil.copytree(SAMPLES, inputs, dirs_exist_ok=True)
    (inputs / "broken.json").write_text('{"id": "b1", "text": ')
    lake = tmp_path_factory.mktemp("lake")
    run_pipeline([str(inputs)], lake=str(lake), batch_size=4)
    before = {name: read_lake_table(lake, name) for name in ("articles", "events", "rejects")}
    shutil.rmtree(inputs)  # only the raw store has the inputs now
    patch = pytest.MonkeyPatch()
    patch.setattr(eventlake, "EXTRACTOR_VERSION", "rules-next")
    try:
        manifest = reprocess_pipeline(lake=str(lake), batch_size=3)
    finally:
        patch.undo()
    after = {name: read_lake_table(lake, name) for name in ("articles", "events", "rejects")}
    return before, after, manifest


def test_every_event_now_comes_from_the_new_extractor(lakes):
    _, after, _ = lakes
    assert set(after["events"].column("extractor_version").to_pylist()) == {"rules-next"}


def test_events_are_replaced_not_added(lakes):
    before, after, _ = lakes
    ids = [sorted(t["events"].column("event_id").to_pylist()) for t in (before, after)]
    assert ids[1] == ids[0]


def test_articles_are_the_same_articles(lakes):
    before, after, _ = lakes
    key = ["article_id", "content_hash", "text"]
    assert after["articles"].select(key).to_pylist() == before["articles"].select(key).to_pylist()


def test_rejects_are_not_repeated(lakes):
    before, after, _ = lakes
    assert after["rejects"].num_rows == before["rejects"].num_rows


def test_manifest_counts_the_articles_reprocessed(lakes):
    before, _, manifest = lakes
    assert manifest["counts"]["reprocessed"] == before["articles"].num_rows
