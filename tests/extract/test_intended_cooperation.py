"""A cooperation the actor undertakes (`if_intended` on the COOPERATE, AID and SUPPORT rows): "Ruritania
will recognise Freedonia", "pledged to supply X with oil", "is ready to cooperate with X" state an intent
to cooperate, PLOVER's AGREE, not the act; a possibility ("may"), another party's request ("urged X
to") or a negation keep their own reading."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES as NAMES

THRESHOLD = 0.5


def _stated(annotated, text: str) -> list[tuple[EventType, tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(e.type, e.actors, e.targets) for e in events.extract(doc, entities, article)
            if e.provenance.confidence >= THRESHOLD and not (e.provenance.negated or e.provenance.hypothetical)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Ruritania will recognise Freedonia as a state in September.", "ruritania", "freedonia"),
        ("Ruritania will supply Freedonia with crude oil.", "ruritania", "freedonia"),
        ("Ruritania pledges to send humanitarian aid to Freedonia.", "ruritania", "freedonia"),
        ("Ruritania and Freedonia announce that they will restore diplomatic relations.", "ruritania", "freedonia"),
        ("Ruritania will support Freedonia with drones and funds.", "ruritania", "freedonia"),
    ],
)
def test_a_cooperation_the_actor_undertakes_is_an_agreement(annotated, text, actor, target) -> None:  # type: ignore[no-untyped-def]
    assert (EventType.AGREE, (actor,), (target,)) in _stated(annotated, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania may recognise Freedonia as a state.",  # a possibility, no intent
        "Alma Vask urged Ruritania to cooperate with Freedonia.",  # another party's request
        "Ruritania will not recognise Freedonia as a state.",  # refused
        "Ruritania supplies Freedonia with crude oil.",  # done, not intended
        "Omar Tellen says Ruritania will supply Freedonia with crude oil.",  # another's word for it
    ],
)
def test_no_agreement_without_the_actors_own_intent(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert not [fact for fact in _stated(annotated, text) if fact[0] is EventType.AGREE]


@pytest.mark.parametrize(
    "text",
    ["Ruritania will recognise Freedonia at the United Nations next week.", "Ruritania recognised Freedonia at the United Nations."],
)
def test_the_place_of_a_recognition_is_no_party(annotated, text) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "the United Nations": ("un", EntityType.ORGANIZATION)}
    doc, entities, article = annotated(text, names)
    assert not [e for e in events.extract(doc, entities, article) if "un" in e.targets]
