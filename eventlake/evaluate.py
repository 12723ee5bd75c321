"""Scoring predicted events against a gold set: event precision/recall/F1 and field accuracies.

A predicted row matches a gold event of the same article when the event type and admin1 agree
and its point lies within the gold radius (25 km for a town, 50 km near one; any point in the
province when the gold event is placed only by province). Fields are then compared on the
matched pairs only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from eventlake.geo import distance_km
from eventlake.gold import GoldSet

RADIUS_KM = {1: 25.0, 2: 50.0}
SAME_PLACE_KM = 10.0
FIELDS = ("sub_event_type", "event_date", "fatalities", "actor1", "actor2", "location", "attribution")


@dataclass
class Report:
    """Counts and misses of one evaluation; numbers are derived by the properties."""

    tp: Counter = field(default_factory=Counter)  # per country
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    by_type: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))  # event type -> tp/fp/fn
    right: Counter = field(default_factory=Counter)  # per field, over matched pairs
    errors: list[str] = field(default_factory=list)

    def prf(self, country: str | None = None) -> tuple[float, float, float]:
        pick = (lambda c: c[country]) if country else (lambda c: sum(c.values()))
        tp, fp, fn = pick(self.tp), pick(self.fp), pick(self.fn)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def type_prf(self, event_type: str) -> tuple[float, float, float]:
        c = self.by_type[event_type]
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def accuracy(self, name: str) -> float:
        matched = sum(self.tp.values())
        return self.right[name] / matched if matched else 0.0


def score(gold: GoldSet, predicted: list[dict]) -> Report:
    """Compare predicted event rows (dicts of the events table) with the gold set."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in predicted:
        if row["article_id"] in gold.articles:
            by_article[row["article_id"]].append(row)
    report = Report()
    for article_id, article in sorted(gold.articles.items()):
        preds = by_article.get(article_id, [])
        pairs = _match(list(article.events), preds)
        country = article.country
        for g, p in pairs:
            report.tp[g["iso"]] += 1
            report.by_type[g["event_type"]]["tp"] += 1
            for name in FIELDS:
                ok = _field_ok(name, g, p)
                report.right[name] += ok
                if not ok:
                    report.errors.append(f"{article_id}: {name}: gold {_show(name, g)} / predicted {_show(name, p)}")
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        for g in article.events:
            if id(g) not in matched_g:
                report.fn[g["iso"]] += 1
                report.by_type[g["event_type"]]["fn"] += 1
                report.errors.append(f"{article_id}: MISSED {_describe(g)} | {g.get('evidence', '')[:90]}")
        for p in preds:
            if id(p) not in matched_p:
                report.fp[country or p["iso"] or "??"] += 1
                report.by_type[p["event_type"]]["fp"] += 1
                report.errors.append(f"{article_id}: FALSE POSITIVE {_describe(p)} | {p['evidence_text'][:90]}")
    return report


def format_report(report: Report, *, show_errors: bool = True) -> str:
    """A plain-text report: overall and per-country P/R/F1, field accuracies, then every miss."""
    p, r, f = report.prf()
    lines = [
        f"events: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  (tp {sum(report.tp.values())}, "
        f"fp {sum(report.fp.values())}, fn {sum(report.fn.values())})"
    ]
    for country in sorted(set(report.tp) | set(report.fp) | set(report.fn)):
        cp, cr, cf = report.prf(country)
        lines.append(f"  {country}: precision {cp:.3f}  recall {cr:.3f}  F1 {cf:.3f}")
    lines.append("by event type:")
    for event_type in sorted(report.by_type):
        tp_, tr_, tf_ = report.type_prf(event_type)
        lines.append(f"  {event_type}: precision {tp_:.3f}  recall {tr_:.3f}  F1 {tf_:.3f}")
    lines.append("accuracy on matched events:")
    lines += [f"  {name:15s} {report.accuracy(name):.3f}" for name in FIELDS]
    lines.append(f"  {'actors':15s} {(report.accuracy('actor1') + report.accuracy('actor2')) / 2:.3f}")
    if show_errors and report.errors:
        lines.append("misses and errors:")
        lines += [f"  {e}" for e in report.errors]
    return "\n".join(lines)


def _match(gold: list[dict], preds: list[dict]) -> list[tuple[dict, dict]]:
    """Greedy one-to-one matching, closest pairs first, same sub-type preferred."""
    options = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            if g["event_type"] != p["event_type"] or g["admin1"] != p["admin1"]:
                continue
            km = distance_km(g, p)
            radius = RADIUS_KM.get(g.get("geo_precision") or 1)
            if g.get("geo_precision") != 3 and (km is None or km > radius):
                continue
            same_sub = g["sub_event_type"] == p["sub_event_type"]
            same_day = g["event_date"] == p["event_date"]
            options.append((not same_sub, not same_day, km if km is not None else 0.0, gi, pi))
    used_g, used_p, pairs = set(), set(), []
    for *_, gi, pi in sorted(options):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gold[gi], preds[pi]))
    return pairs


def _field_ok(name: str, g: dict, p: dict) -> bool:
    if name == "location":
        if g.get("geo_precision") == 3 and (p.get("geo_precision") == 3 or g["admin1"] == p["admin1"]):
            return True
        km = distance_km(g, p)
        return km is not None and km <= SAME_PLACE_KM
    return g.get(name) == p.get(name)


def _describe(e: dict) -> str:
    return f"{e['sub_event_type']} @ {e.get('location')} ({e['admin1']}) {e['event_date']}"


def _show(name: str, e: dict) -> str:
    if name == "location":
        return f"{e.get('location')} ({e.get('latitude')}, {e.get('longitude')})"
    return repr(e.get(name))
