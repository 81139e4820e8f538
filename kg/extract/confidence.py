"""Confidence of a claim (part of extract): the one place where scores are computed.

score = base x completeness x distance x modality x attribution x inheritance x naming, rounded
to 3 places and kept in [0.05, 0.99]. `base` comes from the pattern's data file; the factors are below and in
docs/confidence.md. Exports leave out claims under a threshold; the store keeps them all.
"""

from __future__ import annotations

# A claim missing one of its two principal arguments (an event without a target, a
# deployment without a location) is less use and more often wrong.
INCOMPLETE = 0.8
# Each dependency step between the trigger and its farthest argument beyond the first two.
PER_EXTRA_STEP = 0.95
# Negated and hypothetical claims are real readings of the text but not facts. A negated
# reading always falls below the export threshold (0.5): no base reaches 0.5 / 0.6.
NEGATED = 0.6
# A planned or possible event is still an event the text reports (marked hypothetical), and a
# deployment or title read under a plan is mostly there already ("troops will remain in X",
# "asks the leader of X"); a planned or possible status (a membership, a listing: "wants to
# join", "threatened sanctions") does not hold, so it falls below the export threshold too
# (no base reaches 0.5 / 0.55).
HYPOTHETICAL = 0.85
HYPOTHETICAL_STATE = 0.55
# A claim the article attributes to a party ("X said ...") is that party's claim.
ATTRIBUTED = 0.9
# An argument inherited from the context (a coordinated verb's subject, an earlier sentence).
INHERITED = 0.85

# An event whose actors, or whose needed targets, are only groups with no name ("gunmen"): the
# store keeps it, but the party an analyst would follow is unknown. Not for an attack, arrest or
# demonstration with a named party on either side or a place ("X was shot dead", "gunmen killed
# four in Y", "thousands of people march in Z"): short news reports violence and crowds so,
# whoever did it; such readings of Current-events items were 38 right of 40 (attacks, arrests)
# and 20 of 20 (demonstrations) by hand (docs/confidence.md). A deployment with no operator is
# scored so too: whose asset it is, is the side an analyst follows.
UNNAMED = 0.7

# A weapon (missile, drone) with no place after the events placed what they could, that was not
# countered in flight: its deployment is the attack or flight it makes, and the item nearly always
# tells where that was (the struck place, the airspace entered) when kg does not read it, so the
# fact an analyst would follow is not there; with `incomplete` it falls below the export threshold
# (0.7 x 0.8 x 0.85 = 0.476). Pre-2026 news: 24 of 26 such deployments miss a place the item gives
# or are wrong (bench/COVERAGE.md); on the spent gold sets they match no required fact.
UNPLACED_WEAPON = 0.85
# Any other asset (troops, jets, ships, air defences) with no place after the events placed what they
# could, that is not sent or arriving (an asset of a MOBILIZE event of its sentence, the object of
# *deploy* or *send*, the subject of *enter*): it is nearly always a side of an attack, a clash or a
# withdrawal whose place kg did not read, a loss, victims or bodies, a unit trained or funded, not a
# deployment; with `incomplete` it falls below the export threshold (0.7 x 0.8 x 0.85 = 0.476).
# Spent gold sets: placeless deployments are the one shape of exported fact under half right (22
# scored, 5 right); this factor takes 14 wrong and 2 right of them (and 10 optional). Pre-2026 news:
# of 62 such deployments, read by hand 3 right, 19 doubtful, 40 wrong, it takes 57 (1 right, 18
# doubtful, 38 wrong). docs/confidence.md, "Shapes of exported fact".
UNPLACED_ASSET = 0.85

FLOOR, CEILING = 0.05, 0.99


def score(
    base: float,
    *,
    complete: bool = True,
    steps: int = 1,
    negated: bool = False,
    hypothetical: bool = False,
    attributed: bool = False,
    inherited: bool = False,
    unnamed: bool = False,
    state: bool = False,
) -> float:
    """The confidence of one claim from its pattern's base score and how it was read; `state`
    for a claim that a status holds (a membership, a listing) rather than that something
    happened or is somewhere."""
    value = base
    if not complete:
        value *= INCOMPLETE
    value *= PER_EXTRA_STEP ** max(steps - 2, 0)
    if negated:
        value *= NEGATED
    if hypothetical:
        value *= HYPOTHETICAL_STATE if state else HYPOTHETICAL
    if attributed:
        value *= ATTRIBUTED
    if inherited:
        value *= INHERITED
    if unnamed:
        value *= UNNAMED
    return round(min(max(value, FLOOR), CEILING), 3)
