"""The subject pronoun of a passive adverbial clause under a clause with an object (constructed
sentences): "X recaptures the town, a year after *it* was captured by Y" — *it* may be the town as
well as X, and the words do not say which, so it stands for no name in a subject above (a name in
the object, or none: a dropped fact, not Y -> X). With no object above ("X retaliates after it was
attacked") the pronoun is still the clause's subject."""

from __future__ import annotations

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Tarvel": ("tarvel", EntityType.LOCATION),
    "Vorn Brigades": ("vorn_brigades", EntityType.ORGANIZATION),
}


@pytest.mark.parametrize(
    ("text", "wrong_target"),
    [
        ("Ruritania recaptures Tarvel, two years after it was captured by the Vorn Brigades.", "ruritania"),
        ("Ruritania liberates Tarvel, eight months after it was occupied by Freedonia.", "ruritania"),
        ("Militias allied with Ruritania recapture the town of Tarvel, a year after it was captured by the Vorn Brigades.", "ruritania"),
        ("Alma Vask appoints new ministers to replace their predecessors after they were killed in Freedonia airstrikes.", "vask"),
    ],
)
def test_the_passive_pronoun_under_an_object_takes_no_subject_from_above(read_events, text, wrong_target) -> None:  # type: ignore[no-untyped-def]
    assert not any(wrong_target in targets for _, _, targets in read_events(text, NAMES))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruritania retaliates after it was attacked by Freedonia.", (EventType.ASSAULT, ("freedonia",), ("ruritania",))),
        ("Ruritania recaptures Tarvel after it accused Freedonia of espionage.", (EventType.ACCUSE, ("ruritania",), ("freedonia",))),
        ("Ruritania recaptures Tarvel, two years after Tarvel was captured by the Vorn Brigades.", (EventType.COERCE, ("vorn_brigades",), ("tarvel",))),
        ("Freedonia grants a pardon to Alma Vask after she was arrested by Ruritania.", (EventType.COERCE, ("ruritania",), ("vask",))),
    ],
)
def test_the_pronoun_is_still_read_where_nothing_else_stands_between(read_events, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in read_events(text, NAMES)
