"""An agreement read from the sale of a good (CAMEO's ALLOW block, *sale*): the state whose demonym
or name qualifies the traded good ("the sale of Freedonian oil") is no counterpart; a party the
verb or the deal names stays one. Constructed sentences."""

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Freedonian": ("freedonia", EntityType.STATE),
    "Elbonian": ("elbonia", EntityType.STATE),
}


def _agreements(read_events, text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    return [(actors, targets) for kind, actors, targets in read_events(text, NAMES) if kind is EventType.AGREE]


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania approves the sale of Freedonian oil.",
        "Ruritania authorizes the sale of Freedonian gas.",
        "Ruritania allows the sale of Freedonian grain to Elbonia.",
        "Ruritania approves the sale of Freedonia's oil.",
    ],
)
def test_the_state_of_a_traded_good_is_no_counterpart(read_events, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _agreements(read_events, text)
    assert all("freedonia" not in targets for _, targets in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania agrees with Freedonia on the sale of Elbonian oil.",
        "Ruritania approves Freedonia's sale of oil.",
        "Ruritania agrees to a deal with Freedonia.",
    ],
)
def test_a_counterpart_named_otherwise_stays(read_events, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _agreements(read_events, text)
    assert any("freedonia" in targets and "elbonia" not in targets for _, targets in found), found
