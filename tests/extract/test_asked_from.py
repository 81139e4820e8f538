"""The one asked in a "from" phrase of what is demanded: "demanded an explanation from X",
"requested clarification from X" (a REQUEST of X); constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EventType
from fictional_names import FICTIONAL_NAMES as NAMES


def _requests(annotated, text: str):  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [
        (event.actors, event.targets, event.provenance.negated)
        for event in events.extract(doc, entities, article)
        if event.type is EventType.REQUEST
    ]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Ruritania demanded an explanation from Freedonia.", "ruritania"),
        ("Alma Vask, the foreign minister of Ruritania, demanded an explanation from Freedonia.", "vask"),
        ("Ruritania demanded compensation from Freedonia for the damage.", "ruritania"),
        ("Alma Vask demanded answers from Freedonia on Monday.", "vask"),
        ("Ruritania demands an apology from Freedonia after the incident.", "ruritania"),
        ("Alma Vask requested clarification from Freedonia about the deployment.", "vask"),
    ],
)
def test_the_one_asked_in_a_from_phrase_of_what_is_demanded(annotated, text, actor) -> None:  # type: ignore[no-untyped-def]
    assert any(actor in actors and targets == ("freedonia",) and not negated
               for actors, targets, negated in _requests(annotated, text)), _requests(annotated, text)  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania received an explanation from Freedonia.",  # no request
        "Ruritania demanded the withdrawal of troops from Freedonia.",  # a place withdrawn from, not the one asked
        "Ruritania demanded weapons from Elbonia to fight Freedonia.",
    ],
)
def test_no_one_asked_where_the_from_phrase_names_no_addressee(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert not any("freedonia" in targets for _, targets, _ in _requests(annotated, text)), _requests(annotated, text)


def test_a_demand_not_made_stays_negated(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _requests(annotated, "Ruritania did not demand an explanation from Freedonia.")
    assert found and all(negated for _, _, negated in found)
