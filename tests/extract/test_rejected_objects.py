"""A named actor's rejection that stands on its object (`sufficient_objects` on event.reject.v1): a
claim denied or a proposal turned down is a REJECT with no target ("Ruritania rejects the ultimatum");
the proposal's author, where named, is the target ("a proposal backed by Alma Vask")."""

import pytest

from kg.extract import events
from kg.records import EventType
from fictional_names import FICTIONAL_NAMES as NAMES

THRESHOLD = 0.5


def _rejections(annotated, text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(e.actors, e.targets) for e in events.extract(doc, entities, article)
            if e.type is EventType.REJECT and e.provenance.confidence >= THRESHOLD
            and not (e.provenance.negated or e.provenance.hypothetical)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Ruritania rejects the ultimatum.", "ruritania"),
        ("Ruritania denies any involvement in the explosion.", "ruritania"),
        ("Omar Tellen denies the reports.", "tellen"),
        ("Alma Vask vetoes a bill on energy prices.", "vask"),
        ("Ruritania rejects the proposal, insisting that the talks continue.", "ruritania"),
        ("Alma Vask denied the allegations.", "vask"),
    ],
)
def test_a_claim_denied_or_a_proposal_turned_down_is_a_rejection_without_target(annotated, text, actor) -> None:  # type: ignore[no-untyped-def]
    assert ((actor,), ()) in _rejections(annotated, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania denies entry to the journalists.",  # a permission withheld: its recipient is the party
        "Ruritania blocks the road to the capital.",  # a physical block, no rejection
        "Ruritania does not reject the proposal.",  # negated
        "Ruritania may reject the proposal.",  # possible
        "Freedonia said Ruritania rejected the proposal.",  # another party's word
        "Gunmen rejected the proposal.",  # no named actor
        "Ruritania refuses the parcel.",  # an object of no listed kind
    ],
)
def test_no_rejection_on_other_objects_or_modalities(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert not [parties for parties in _rejections(annotated, text) if not parties[1]]


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania rejects a proposal backed by Alma Vask.",
        "Ruritania rejects Alma Vask's proposal.",
    ],
)
def test_the_author_of_a_rejected_proposal_is_the_target(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert (("ruritania",), ("vask",)) in _rejections(annotated, text)

