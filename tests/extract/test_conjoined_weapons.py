"""An attack noun with two conjoined weapon nouns before it ("a Russian drone and missile attack",
"Russian missile and drone attacks on Kyiv"): the author's demonym modifies the first weapon noun,
which the parser makes a modifier of the attack noun (nmod) or the head the attack noun is
conjoined to (conj); where the weapon and its demonym are a military asset entity, only the
demonym's own token names the author (constructed sentences)."""

from __future__ import annotations

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Ruritanian drone": ("ruritanian_drone", EntityType.MILITARY_ASSET),
    "Ruritanian missile": ("ruritanian_missile", EntityType.MILITARY_ASSET),
}


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Fifteen civilians are injured in a nighttime Ruritanian drone and missile attack.", ()),
        ("Two people are killed during a Ruritanian missile and drone strike on Freedonia.", ("freedonia",)),
        ("An overnight Ruritanian drone and ballistic missile attack on Freedonia kills ten people.", ("freedonia",)),
        ("Power outages are reported after Ruritanian missile and drone attacks on Freedonia.", ("freedonia",)),
        ("Officials report Ruritanian drone and rocket attacks on Freedonia.", ("freedonia",)),
    ],
)
def test_the_demonym_of_the_first_conjoined_weapon_is_the_author(read_events, text, targets) -> None:  # type: ignore[no-untyped-def]
    assert (EventType.ASSAULT, ("ruritania",), targets) in read_events(text, NAMES)


@pytest.mark.parametrize(
    "text",
    [
        # A plan is a threat; a comparison with no one and nowhere attacked states no attack; whoever
        # intercepts an attack does not carry it out.
        "Ruritania plans a Ruritanian drone and missile attack on Freedonia.",
        "Officials say it is the largest Ruritanian drone and missile attack of the year.",
        "Freedonia intercepts a Ruritanian drone and missile attack.",
    ],
)
def test_no_attack_read_from_a_plan_a_comparison_or_an_interception(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert not any(kind is EventType.ASSAULT for kind, _, _ in found), found


def test_a_denied_attack_is_negated(annotated) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated("Ruritania denies launching a Ruritanian drone and missile attack on Freedonia.", NAMES)
    attacks = [event for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]
    assert attacks and all(event.provenance.negated for event in attacks), attacks
