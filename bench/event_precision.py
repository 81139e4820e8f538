"""Precision of exported events on unseen news, judged by hand: draw the sample, then tabulate it.

    PYTHONPATH=. python bench/event_precision.py draw OUT.tsv [--seed 8] [--size 260] [--until 2026-01-01]
                                                  [--band LOW HIGH]
    PYTHONPATH=. python bench/event_precision.py table JUDGED.tsv

`draw` runs the nlp and extract stages over the Current-events items published before UNTIL (gold
ids excluded, as bench/coverage.py does), keeps every event the default export would give
(confidence >= 0.5), shuffles them with SEED and writes the first SIZE as a TSV with an empty
`judgement` column, each with the features of its reading: the trigger (a hand trigger's id in
patterns/events.jsonl or the CAMEO coder's `cameo.NNN`), its lemma, whether it is hand-written or
coded, and the path it was read by (a verb with its subject, a passive, an event noun, a light
verb's object, or a verb that inherits its subject) and the confidence factors that lowered it (`factors`:
incomplete, unnamed, inherited, attributed, hypothetical, `steps=N` beyond two, and `base=B` under
0.6; `rescored` where a later pass of the events stage changed the reading's score). `--band LOW
HIGH` draws from the events scored in [LOW, HIGH) instead, the readings the export leaves out
(negated readings excepted: a denial is never exported). Fill `judgement` by hand per
../shared/gold/GUIDELINES.md with `right`, `missing_target`, `wrong_type`, `wrong_party`,
`no_event` or `hypothetical_as_fact`, and `cause` with a few words. `table` prints the precision
overall and per slice with 95% Wilson intervals (bench/EVENT_PRECISION.md).
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))

from coverage import DEFAULT_INPUT, extractions, gold_ids, unseen_items  # noqa: E402

from kg.extract import confidence, events  # noqa: E402
from kg.records import Event  # noqa: E402

EXPORT_THRESHOLD = 0.5
COLUMNS = ("n", "id", "sentence", "event", "trigger", "lemma", "source", "path", "factors", "confidence", "judgement",
           "cause")  # fmt: skip
# A base under this is named among the factors that lowered a reading (the hand bases run 0.45-0.75).
LOW_BASE = 0.6
RIGHT = "right"


def reading_path(token: Any) -> str:
    """How the trigger word reached its parties."""
    if token.pos_ == "NOUN":
        return "light_verb" if token.dep_ in ("dobj", "nsubjpass") else "event_noun"
    deps = {child.dep_ for child in token.children}
    if deps & {"nsubjpass", "agent"}:
        return "passive"
    return "verb_subject" if "nsubj" in deps else "inherited"


def lowering_factors(base: float, factors: dict[str, Any]) -> list[str]:
    """The factors of a `confidence.score` call that lowered the score, by name."""
    names = [name for name in ("unnamed", "inherited", "attributed", "hypothetical", "negated") if factors.get(name)]
    if not factors.get("complete", True):
        names.insert(0, "incomplete")
    if factors.get("steps", 1) > 2:
        names.append(f"steps={factors['steps']}")
    if base < LOW_BASE:
        names.append(f"base={base}")
    return names


def banded_events(until: date, low: float, high: float) -> list[dict[str, str]]:
    """Every event scored in [low, high) in the items before `until`, with its reading (negated
    readings left out when the band is under the export threshold: a denial is never exported).

    The trigger is no part of an Event record, so the events stage's reader (and the score it
    asks for) is observed while the items are extracted (kg has no public trace of a reading: see
    bench/EVENT_PRECISION.md); an event is matched to the reading of its sentence, type and parties."""
    readings: list[tuple[Event, dict[str, str]]] = []
    read, score = events._read, confidence.score
    asked: list[tuple[float, dict[str, Any]]] = []

    def scored(base: float, **factors: Any) -> float:
        asked.append((base, factors))
        return score(base, **factors)

    def observed(token: Any, trigger: Any, *args: Any) -> Any:
        asked.clear()
        result = read(token, trigger, *args)
        if result is not None and not asked:
            raise RuntimeError("events._read gave an event without calling confidence.score: its factors are no longer seen")
        if result is not None:
            source = "cameo" if trigger.id.startswith("cameo.") else "hand"
            readings.append((result[0], {"trigger": trigger.id, "lemma": token.lemma_.lower(), "source": source,
                                         "path": reading_path(token), "factors": ",".join(lowering_factors(*asked[-1]))}))  # fmt: skip
        return result

    # patch.object fails on a name the module no longer has, and restores both however the run ends.
    with mock.patch.object(events, "_read", observed), mock.patch.object(confidence, "score", scored):
        results = extractions(unseen_items(DEFAULT_INPUT, date(1900, 1, 1), until, 10**6, None, gold_ids()))
    rows = []
    for extraction in results:
        labels = {entity.key: f"{entity.label} [{entity.type.value}]" for entity in extraction.entities}
        for claim in extraction.claims:
            value = claim.provenance.confidence if isinstance(claim, Event) else -1.0
            if not low <= value < high or (claim.provenance.negated and high <= EXPORT_THRESHOLD):
                continue
            event, reading = next(((event, found) for event, found in readings if _same_reading(event, claim)),
                                  (claim, {}))  # fmt: skip
            factors = reading.get("factors", "")
            if event.provenance.confidence != value:
                factors = ",".join(filter(None, (factors, "rescored")))
            rows.append({"id": extraction.article.id, "sentence": claim.provenance.evidence.text.replace("\t", " "),
                         "event": _described(claim, labels), "confidence": str(value), "factors": factors,
                         **{key: reading.get(key, "") for key in ("trigger", "lemma", "source", "path")}})  # fmt: skip
    return rows


def _same_reading(read: Event, claim: Event) -> bool:
    parties = set(claim.actors) | set(claim.targets)
    return (read.provenance.evidence == claim.provenance.evidence and read.type is claim.type
            and parties <= set(read.actors) | set(read.targets))  # fmt: skip


def _described(event: Event, labels: dict[str, str]) -> str:
    actors, targets = ("; ".join(labels.get(key, key) for key in keys) for keys in (event.actors, event.targets))
    text = f"{event.type.value} {actors} -> {targets}"
    if event.location:
        text += f" @ {labels.get(event.location, event.location)}"
    if event.provenance.hypothetical:
        text += " (hypothetical)"
    if event.provenance.claimed_by:
        text += f" (claimed by {labels.get(event.provenance.claimed_by, event.provenance.claimed_by)})"
    return text


def wilson(right: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of a share."""
    share, spread = right / n, z * z / n
    centre = share + spread / 2
    half = z * math.sqrt(share * (1 - share) / n + spread / (4 * n))
    return (centre - half) / (1 + spread), (centre + half) / (1 + spread)


def confidence_band(row: dict[str, str]) -> str:
    tenth = int(float(row["confidence"]) * 10) / 10
    return f"{tenth:.2f}-{tenth + 0.09:.2f}" if tenth < 0.7 else ">=0.70"


def factor_names(row: dict[str, str]) -> tuple[str, ...]:
    """Each factor that lowered the reading, its distance and base as one name each ("steps", "base")."""
    return tuple(name.split("=")[0] for name in row.get("factors", "").split(",") if name) or ("(none)",)


# Each slice gives a row the values it counts under: one, or one per factor.
SLICES: dict[str, Callable[[dict[str, str]], tuple[str, ...]]] = {
    "all": lambda row: ("all",),
    "source": lambda row: (row["source"],),
    "path": lambda row: (row["path"],),
    "type": lambda row: (row["event"].split()[0],),
    "confidence": lambda row: (confidence_band(row),),
    "factor": factor_names,
}


def table(rows: list[dict[str, str]]) -> str:
    """Precision (right / judged) overall and per slice, with Wilson intervals; `lenient` also counts
    an event that is right but misses a named target. A sample drawn before the factors were written
    down has no `factor` slice."""
    lines = ["| slice | value | n | right | precision | 95% interval | lenient |", "|---|---|---|---|---|---|---|"]
    for name, key in SLICES.items():
        if name == "factor" and "factors" not in rows[0]:
            continue
        groups: dict[str, list[str]] = defaultdict(list)
        for row in rows:
            for value in key(row):
                groups[value].append(row["judgement"])
        for value, judgements in sorted(groups.items(), key=lambda group: -len(group[1])):
            n, right = len(judgements), judgements.count(RIGHT)
            low, high = wilson(right, n)
            lenient = (right + judgements.count("missing_target")) / n
            lines.append(f"| {name} | {value} | {n} | {right} | {right / n:.2f} | {low:.2f}-{high:.2f} | {lenient:.2f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    draw = commands.add_parser("draw", help="write a seeded sample of exported events to judge")
    draw.add_argument("output", type=Path)
    draw.add_argument("--seed", type=int, default=8)
    draw.add_argument("--size", type=int, default=260)
    draw.add_argument("--until", type=date.fromisoformat, default=date(2026, 1, 1))
    draw.add_argument("--band", type=float, nargs=2, metavar=("LOW", "HIGH"), default=(EXPORT_THRESHOLD, 1.0),
                      help="the events scored in [LOW, HIGH) (default: the exported ones)")  # fmt: skip
    tabulate = commands.add_parser("table", help="print the precision of a judged sample")
    tabulate.add_argument("judged", type=Path)
    args = parser.parse_args()
    if args.command == "table":
        with args.judged.open(encoding="utf-8", newline="") as handle:
            print(table(list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))))
        return 0
    rows = banded_events(args.until, *args.band)
    random.Random(args.seed).shuffle(rows)
    with args.output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, quotechar=None)
        writer.writeheader()
        for n, row in enumerate(rows[: args.size]):
            writer.writerow({**row, "n": str(n), "judgement": "", "cause": ""})
    print(f"{len(rows)} events scored in [{args.band[0]}, {args.band[1]}); the first {min(args.size, len(rows))} after a shuffle with seed {args.seed}"
          f" written to {args.output}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
