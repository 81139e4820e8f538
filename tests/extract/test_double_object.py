"""A double object ("granted X a pardon", "granted X clemency"): the thing given is the verb's
second object even where the parser hangs it on a recipient of several words as an apposition
(or on the end of the recipient's own apposition: "granted X, formerly the chief, a pardon"),
so the CAMEO pattern for it applies (GRANT "* pardon": a concession, not cooperation), and the
recipient is the one conceded to; constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

PERSON = EntityType.PERSON
NAMES = {
    **FICTIONAL_NAMES,
    "Tomas Orel Brandt": ("brandt", PERSON),
    "Brandt": ("brandt", PERSON),
    "Lena Kovic": ("kovic", PERSON),
}


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask granted Tomas Orel Brandt a full and unconditional pardon.",
        "Alma Vask granted Tomas Orel Brandt a pardon.",
        "Alma Vask granted Brandt a full and unconditional pardon.",
        "Alma Vask granted Brandt clemency.",
        "Alma Vask grants Tomas Orel Brandt a presidential pardon.",
    ],
)
def test_a_pardon_granted_is_a_concession_to_its_recipient(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert (EventType.CONCEDE, ("vask",), ("brandt",)) in found, found
    assert not any(kind is EventType.COOPERATE for kind, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        # An apposition set off by commas is one: the recipient's title, not a thing given.
        "Alma Vask granted Tomas Orel Brandt, the envoy, an audience.",
        # Nothing conceded: a meeting or a prize granted is no pardon.
        "Alma Vask granted Tomas Orel Brandt an interview.",
        "Alma Vask granted Tomas Orel Brandt a medal.",
        # No double object: the apposition names the person.
        "Alma Vask met Tomas Orel Brandt, a lawyer, in Ruritania.",
    ],
)
def test_no_concession_without_a_pardon_given(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert not any(kind is EventType.CONCEDE for kind, _, _ in found), found


def test_a_pardon_refused_stays_negated(annotated) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated("Alma Vask did not grant Tomas Orel Brandt a pardon.", NAMES)
    found = [e for e in events.extract(doc, entities, article) if e.type is EventType.CONCEDE]
    assert found and all(e.provenance.negated for e in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask granted Tomas Orel Brandt, formerly the chief of staff of Freedonia, a full and unconditional pardon.",
        "Alma Vask granted Tomas Orel Brandt, the former envoy, a pardon.",
    ],
)
def test_a_pardon_given_behind_the_recipients_apposition(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert (EventType.CONCEDE, ("vask",), ("brandt",)) in found, found
    assert not any(kind is EventType.COOPERATE for kind, _, _ in found), found
