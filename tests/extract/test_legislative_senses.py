"""A legislature passing a law is no event between parties (constructed sentences): CAMEO files
*pass* in its ALLOW block (080, yield) beside *approve* and *ratify*, and codes "* BUDGET [---]"
there; kg reads *pass* only by the block's patterns (patterns/events.jsonl `pattern_only`), and its
rows of patterns/cameo_senses.jsonl make a bill, a law, legislation, a resolution or a motion no
event for the whole block. Handing something over ("passed information to") is no concession
either. What is allowed someone, a request or a deployment approved, still code (a law named deeper
in the clause, "of violating election laws", is no object of the verb)."""

from __future__ import annotations

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

ORG = EntityType.ORGANIZATION
NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian Assembly": ("assembly", ORG),
    "Upper Chamber": ("chamber", ORG),
    "Security Council": ("council", ORG),
}


@pytest.mark.parametrize(
    "text",
    [
        "The Ruritanian Assembly passes a law on the protection of domestic workers.",
        "The Ruritanian Assembly passes the Domestic Workers Protection Bill into law.",
        "The Ruritanian Assembly approves a bill on conscription, passing it to the Upper Chamber for approval.",
        "The Ruritanian Assembly passed legislation to end the strike.",
        "The Ruritanian Assembly passes a motion on Freedonia's referendum.",
        "The Security Council approves a Ruritania-backed resolution on Freedonia's autonomy.",
        "The Security Council adopts a resolution sponsored by Ruritania.",
        "Alma Vask passed confidential information to Omar Tellen.",
        "Alma Vask is accused of passing market-sensitive information to Omar Tellen.",
    ],
)
def test_a_law_passed_or_a_thing_handed_over_is_no_concession(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert not any(kind is EventType.CONCEDE for kind, _, _ in found), found


@pytest.mark.parametrize(
    ("text", "kind", "actor", "target"),
    [
        ("Ruritania permits Freedonia to use its air bases.", EventType.CONCEDE, "ruritania", "freedonia"),
        ("Ruritania authorizes Freedonia to open a consulate in its capital.", EventType.CONCEDE, "ruritania", "freedonia"),
        ("Ruritania clears Omar Tellen of charges of violating election laws.", EventType.CONCEDE, "ruritania", "tellen"),
        ("Ruritania approves Freedonia's request to resume deportation flights.", EventType.SUPPORT, "ruritania", "freedonia"),
        ("Ruritania approves the extradition of Omar Tellen to Freedonia.", EventType.COERCE, "ruritania", "tellen"),
        ("Ruritania approves the extradition of Omar Tellen to Freedonia.", EventType.COOPERATE, "ruritania", "freedonia"),
        ("Ruritania approves the deployment of Freedonian peacekeepers.", EventType.AGREE, "ruritania", "freedonia"),
    ],
)
def test_what_is_allowed_someone_still_codes(read_events, text, kind, actor, target) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert any(found_kind is kind and actor in actors and target in targets for found_kind, actors, targets in found), found
