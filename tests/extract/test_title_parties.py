"""A person and the state or organisation of the person's title are one party of one event
("the Italian Foreign Minister, Antonio Tajani, meets X": one meeting, not one by the minister
and one by Italy; "Malian president and military leader X", a run of titles before one name, too); a person and a state named as two parties, or a nationality that is no title,
stay apart. Constructed sentences."""

import pytest

from fictional_names import FICTIONAL_NAMES
from kg.records import EntityType, EventType

NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Red Harbour": ("harbour", EntityType.LOCATION),
    "Assimo Garrak": ("garrak", EntityType.PERSON),
    "Ilham Vaskov": ("vaskov", EntityType.PERSON),
}
ACCUSE, CONSULT, RETREAT = EventType.ACCUSE, EventType.CONSULT, EventType.RETREAT


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # The title in apposition with the name, as actor.
        ("The Ruritanian Foreign Minister, Alma Vask, meets Omar Tellen in Red Harbour.", (CONSULT, ("vask", "ruritania"), ("tellen",))),
        ("The Ruritanian President, Alma Vask, accused Freedonia.", (ACCUSE, ("vask", "ruritania"), ("freedonia",))),
        # ... and as target.
        ("Freedonia summons Ruritania's ambassador, Omar Tellen.", (ACCUSE, ("freedonia",), ("tellen", "ruritania"))),
        # A run of titles the parser makes the name a conjunct of: one person.
        ("Ruritanian president and military leader Assimo Garrak meets with Omar Tellen.", (CONSULT, ("garrak", "ruritania"), ("tellen",))),
        ("Ruritanian president and party leader Ilham Vaskov accused Freedonia.", (ACCUSE, ("vaskov", "ruritania"), ("freedonia",))),
    ],
)
def test_a_title_party_is_one_event_with_its_person(read_events, text, event) -> None:  # type: ignore[no-untyped-def]
    assert read_events(text, NAMES) == [event]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # Two parties listed: two events.
        ("Alma Vask and Ruritania accused Freedonia.", {(ACCUSE, ("vask",), ("freedonia",)), (ACCUSE, ("ruritania",), ("freedonia",))}),
        # A title and a name with no title between them: the name alone is the party.
        ("The Ruritanian president and Ilham Vaskov accused Freedonia.", {(ACCUSE, ("vaskov",), ("freedonia",)), (ACCUSE, ("ruritania",), ("freedonia",))}),
        # A nationality is no title: the state the body goes to is a party of its own.
        (
            "Freedonia returns the body of Ruritanian hostage Omar Tellen to Ruritania.",
            {(RETREAT, ("freedonia",), ("tellen",)), (RETREAT, ("freedonia",), ("ruritania",))},
        ),
    ],
)
def test_parties_named_apart_stay_apart(read_events, text, events) -> None:  # type: ignore[no-untyped-def]
    assert set(read_events(text, NAMES)) == events
