"""Helpers shared by the rule tests that read event rows."""


def only(events: list[dict]) -> dict:
    """The one event a test article reports; the failure lists what was found instead."""
    assert len(events) == 1, [(e["sub_event_type"], e["location"], e["evidence_text"]) for e in events]
    return events[0]
