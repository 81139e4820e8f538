"""Aid, assistance, support or funding a party halts, suspends, stops, ends or cuts is the
codebook's SANCTION of the one it went to (CAMEO 162 reduce or stop aid), read from the aid's to /
for / of phrase; the halted aid is no AID. Asked for or conditional, or with no recipient named,
it gives no SANCTION. Constructed sentences."""

import pytest

from kg.records import EventType
from fictional_names import FICTIONAL_NAMES


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania halts its military aid to Freedonia.",
        "Ruritania suspends financial assistance to Freedonia after the vote.",
        "Ruritania terminates its support of Freedonia's power grid repairs.",
        "Ruritania has stopped all funding for Freedonia's army.",
    ],
)
def test_a_halted_aid_is_a_sanction_of_its_recipient(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, FICTIONAL_NAMES)
    assert (EventType.SANCTION, ("ruritania",), ("freedonia",)) in found, found
    assert not any(kind is EventType.AID for kind, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Elbonia urges Ruritania to end its support for Freedonia.",
        "Ruritania suspends financial assistance after the vote.",
        "Ruritania sends military aid to Freedonia.",
    ],
)
def test_an_aid_cut_asked_for_or_with_no_recipient_is_no_sanction(read_events, text) -> None:  # type: ignore[no-untyped-def]
    assert not any(kind is EventType.SANCTION and "freedonia" in targets for kind, _, targets in read_events(text, FICTIONAL_NAMES))


def test_cutting_ties_stays_the_coders_sanction(read_events) -> None:  # type: ignore[no-untyped-def]
    assert (EventType.SANCTION, ("ruritania",), ("freedonia",)) in read_events("Ruritania cuts diplomatic ties with Freedonia.", FICTIONAL_NAMES)


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania orders a freeze on all military aid to Freedonia.",
        "Ruritania announces a suspension of financial assistance to Freedonia.",
        "Ruritania announces the termination of military assistance to Freedonia.",
        "Ruritania blocks humanitarian aid to Freedonia.",
        "Ruritania withholds military aid to Freedonia.",
    ],
)
def test_aid_halted_or_blocked_is_no_aid(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, FICTIONAL_NAMES)
    assert not any(kind is EventType.AID for kind, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania pledges military aid to Freedonia.",
        "Ruritania announces new humanitarian aid for Freedonia.",
    ],
)
def test_aid_no_halting_noun_governs_stays_aid(read_events, text) -> None:  # type: ignore[no-untyped-def]
    assert (EventType.AID, ("ruritania",), ("freedonia",)) in read_events(text, FICTIONAL_NAMES)
