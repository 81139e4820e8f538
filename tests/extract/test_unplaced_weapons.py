"""A missile or drone that attacks or flies with no place read is not exported (its place is nearly
always told and missed); one with a place and one countered in flight are. Other assets with no place
are exported only when sent (confidence.UNPLACED_ASSET, tests/extract/test_assets.py); constructed
sentences through kg's own extraction (entities, events, assets)."""

from datetime import date
from functools import lru_cache

import pytest

from kg.export import DEFAULT_MIN_CONFIDENCE
from kg.records import Article, AssetClass, Deployment


@lru_cache(maxsize=1)
def _stages():  # type: ignore[no-untyped-def]
    from kg.gazetteer import load_gazetteer
    from kg.nlp import load_nlp

    gazetteer = load_gazetteer()
    return gazetteer, load_nlp(gazetteer=gazetteer)


def _exported(text: str) -> set[tuple[AssetClass, str | None]]:
    """(class, place label) of each deployment kg exports from `text`."""
    from kg.extract import extract
    from kg.nlp import annotate

    gazetteer, nlp = _stages()
    article = Article(id="t", text=text, published=date(2025, 11, 29))
    extraction = extract(annotate(nlp, article), article, gazetteer=gazetteer)
    labels = {entity.key: entity.label for entity in extraction.entities}
    return {(claim.asset_class, labels.get(claim.location or "")) for claim in extraction.claims
            if isinstance(claim, Deployment) and claim.provenance.confidence >= DEFAULT_MIN_CONFIDENCE
            and not claim.provenance.negated}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Iranian drones strike two oil refineries, causing large fires.",
        "Russian missile and drone strikes kill at least four people overnight.",
        "Russian forces fire cruise missiles at energy infrastructure overnight.",
    ],
)
def test_a_weapon_of_an_attack_with_no_place_is_not_exported(text: str) -> None:
    assert not {asset_class for asset_class, _ in _exported(text)} & {AssetClass.DRONE, AssetClass.MISSILE}, text


@pytest.mark.parametrize(
    "text, expected",
    [
        # the place read: kept
        ("Russian drones strike the port of Odesa.", (AssetClass.DRONE, "Odesa")),
        ("Russian missile strikes on Kharkiv kill four people.", (AssetClass.MISSILE, "Kharkiv")),
        # countered in flight: where it fell is mostly not told, kept as before
        ("Ukraine says its air defence units shot down 40 Russian drones.", (AssetClass.DRONE, None)),
        ("Air defence units intercepted two cruise missiles and 40 Russian drones overnight.", (AssetClass.DRONE, None)),
        # not a weapon: ships sent with no place are kept (a side of an attack with no place, "Turkish
        # warships fire at a cargo ship.", is not: UNPLACED_ASSET)
        ("Turkey sends two warships to the region.", (AssetClass.WARSHIP, None)),
    ],
)
def test_a_placed_or_countered_weapon_and_other_assets_are_kept(text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert expected in _exported(text), (text, _exported(text))
