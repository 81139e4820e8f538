"""The scorer follows gold/FORMAT.md section 4: checked against the reference scorer."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from kg.evaluate import GoldArticle, load_gold, normalise, score

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD_DEV = SHARED / "gold" / "dev"
REFERENCE_SCORER = SHARED / "tools" / "kg_score.py"
needs_gold = pytest.mark.skipif(not GOLD_DEV.is_dir(), reason="../shared/gold/dev is not beside this checkout")


def _gold_as_predictions(path: Path) -> list[dict]:
    document = json.loads(path.read_text(encoding="utf-8"))
    gold = GoldArticle.load(path)

    def ref(key: object) -> dict:
        entity = gold.entities[key[0] if isinstance(key, list) else key]
        return {"label": entity["label"], "type": entity["type"], "wikidata": entity.get("wikidata")}

    predictions = [{"kind": "entity", "article": gold.id, "entity": ref(k)} for k in gold.entities]
    for fact in document["facts"]:
        predicted: dict = {"kind": fact["kind"], "article": gold.id}
        for slot, value in fact.items():
            if slot in ("kind", "optional", "date_required"):
                continue
            if slot in ("actors", "targets"):
                predicted[slot] = [ref(k) for k in value]
            elif slot in ("person", "of", "authority", "designee", "operator", "location", "member", "organization", "asset"):
                predicted[slot] = ref(value)
            else:
                predicted[slot] = value[0] if isinstance(value, list) and value and isinstance(value[0], str) else value
        predictions.append(predicted)
    return predictions


def test_evaluate_normalise_follows_the_rules() -> None:
    assert normalise("The U.S.") == "us"
    assert normalise("Côte d’Ivoire") == "cote divoire"
    assert normalise("Mar-a-Lago") == "mar a lago"


@needs_gold
def test_evaluate_gold_scored_against_itself_is_perfect() -> None:
    files = sorted(GOLD_DEV.glob("*.json"))
    predictions = [p for f in files for p in _gold_as_predictions(f)]
    scores = score(load_gold(files), predictions)
    for name, tally in scores.tallies.items():
        assert tally.f1 == pytest.approx(1.0), name
    assert scores.linking.recall == pytest.approx(1.0)
    assert scores.direction.recall == pytest.approx(1.0)


@needs_gold
@pytest.mark.skipif(not REFERENCE_SCORER.exists(), reason="the reference scorer is not beside this checkout")
def test_evaluate_agrees_with_the_reference_scorer(tmp_path: Path) -> None:
    files = sorted(GOLD_DEV.glob("*.json"))
    rng = random.Random(7)
    predictions = []
    for prediction in (p for f in files for p in _gold_as_predictions(f)):
        roll = rng.random()
        if roll < 0.25:
            continue  # a miss
        if roll < 0.35 and prediction["kind"] == "event":
            prediction = {**prediction, "actors": prediction.get("targets", []), "targets": prediction.get("actors", [])}
        if roll < 0.45 and prediction["kind"] == "entity":
            prediction = {**prediction, "entity": {**prediction["entity"], "wikidata": None}}
        predictions.append(prediction)
        if roll > 0.9:
            predictions.append({**prediction, "kind": "event", "type": "ASSAULT", "actors": [], "targets": []})
    pred_file = tmp_path / "facts.jsonl"
    pred_file.write_text("".join(json.dumps(p) + "\n" for p in predictions), encoding="utf-8")
    output = subprocess.run(
        [sys.executable, str(REFERENCE_SCORER), "--gold", str(GOLD_DEV), "--pred", str(pred_file), "--json"],
        capture_output=True, text=True, check=True,
    ).stdout
    reference, _ = json.JSONDecoder().raw_decode(output)
    ours = score(load_gold(files), predictions).as_dict()
    for name in ("entities", "role", "designation", "military_asset", "event", "membership", "facts"):
        assert (ours[name]["gold"], ours[name]["predicted"], ours[name]["matched"]) == (
            reference[name]["gold"], reference[name]["predicted"], reference[name]["matched"]
        ), name
    assert ours["linking"]["accuracy"] == pytest.approx(reference["linking"]["accuracy"])
    assert ours["event_direction"]["accuracy"] == pytest.approx(reference["event_direction"]["accuracy"])


def test_evaluate_reports_misses_and_false_positives(tmp_path: Path) -> None:
    gold = {
        "article": {"id": "a", "text": "x"},
        "entities": [
            {"key": "us", "label": "United States", "type": "State", "wikidata": "Q30", "aliases": ["US"]},
            {"key": "ve", "label": "Venezuela", "type": "State", "wikidata": "Q717", "aliases": []},
        ],
        "facts": [{"kind": "event", "type": "MOBILIZE", "actors": ["us"], "targets": ["ve"]}],
    }
    (tmp_path / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    predictions = [
        {"kind": "entity", "article": "a", "entity": {"label": "US", "type": "State", "wikidata": None}},
        {"kind": "event", "article": "a", "type": "ASSAULT", "actors": [{"label": "US", "type": "State"}], "targets": []},
    ]
    scores = score(load_gold([tmp_path / "a.json"]), predictions)
    assert scores.tallies["entities"].matched == 1
    assert scores.linking.recall == 0.0
    assert scores.report().splitlines() == [
        "== a",
        '  missed  {"kind": "entity", "entity": "Venezuela"}',
        '  missed  {"kind": "event", "type": "MOBILIZE", "actors": ["United States"], "targets": ["Venezuela"]}',
        '  wrong   {"kind": "event", "type": "ASSAULT", "actors": ["US"], "targets": []}',
    ]
