"""One event across its tellings (part of the events stage): list[Event] -> list[Event].

Two readings of one event in a sentence, or its telling in the headline and again in the body,
are kept as one (`deduplicate`); events of later sentences that go on with the lead's own event
take the lead's date (`dated_by_lead`).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from kg.extract.arguments import EntityIndex, clause_time, named_by
from kg.extract.lexicon import Lexicons
from kg.extract.triggers import triggers
from kg.records import Article, Event, EventType, Interval
from kg.timex import find_times

if TYPE_CHECKING:
    from spacy.tokens import Doc


def dated_by_lead(events: list[Event], doc: Doc, article: Article, headline_end: int, lex: Lexicons, index: EntityIndex,
                  assets: set[int]) -> list[Event]:  # fmt: skip
    """Events of later sentences that go on with the lead's own event (its main verb's type and
    subject: "On Tuesday, Trump issued seven pardons" ... "Trump granted X a full pardon") take
    the lead's date where their own clause gives none."""
    lead = next((sent for sent in doc.sents if sent.start_char >= headline_end and not all(t.is_space for t in sent)), None)
    if lead is None or article.published is None or not any(event.when is None for event in events):
        return events
    times = find_times(lead, article.published)
    frames: list[tuple[str, set[str], Interval]] = []
    for verb in (lead.root, *lead.root.conjuncts):
        when = clause_time(verb, times) if times else None
        if when is not None:
            frames += [(trigger.label, set(named_by(verb, lex.events.paths(trigger, "actors"), index)), when)
                       for trigger in triggers(verb, lex, assets)]  # fmt: skip
    return [
        next((dataclasses.replace(event, when=when) for label, actors, when in frames
              if label == event.type.value and actors.intersection(event.actors)), event)
        if event.when is None and not event.provenance.hypothetical and event.provenance.evidence.start >= lead.end_char
        else event
        for event in events
    ]  # fmt: skip


# A meeting or an agreement of the same parties told twice in one article is one event; two
# accusations of the same party by the same party may be two statements.
MEETINGS = frozenset({EventType.CONSULT, EventType.AGREE})


def _retold(event: Event, other: Event, headline_end: int) -> bool:
    """The same event told again: in the headline and then the body, where one telling may name
    fewer of its parties ("Trump, Maduro held a call" and "Trump and Rubio spoke with Maduro"), a
    meeting of the same parties, or again without anyone acted upon ("19 Chinese warships are
    deployed" after "China holds exercises around Taiwan"). Two statements in the body stay two
    facts (two officials accusing the same airline)."""
    if other.type is not event.type or not _same_modality(event, other):
        return False
    if not event.targets and set(event.actors) <= set(other.actors):
        return True
    fewer_parties = set(event.actors) <= set(other.actors) and set(event.targets) <= set(other.targets)
    same_parties = (set(event.actors), set(event.targets)) == (set(other.actors), set(other.targets))
    in_headline = min(event.provenance.evidence.start, other.provenance.evidence.start) < headline_end
    return (in_headline and fewer_parties) or (event.type in MEETINGS and same_parties)


def _one_attack(event: Event, other: Event, groups: frozenset[str], places: frozenset[str],
                people: dict[int, frozenset[str]]) -> bool:  # fmt: skip
    """ "An Israeli airstrike on Tyre kills five people": the attack noun (Israel -> Lebanon) and
    the casualty verb (Israel -> people) of one sentence read one attack. An attack told again in
    its sentence by the same actor with no named party of its own is that attack, unless told in
    another place (the place it struck, `victims_place` or `struck_places`, is no party of its own
    beside a reading that names a party struck other than a place: "a strike on X, Iran"); two named
    targets ("strikes kill X and Y", "missiles at X and Y") stay two facts; victims of no named actor
    and two unnamed targets ("stormed a village, killing five villagers") are `_one_toll`'s. The
    state of victims named by their people (`people`: "killing 58 Palestinians") is a target of
    its own only where no other reading names one ("a raid on Ramallah")."""
    struck_people = people.get(event.provenance.evidence.start, frozenset())
    own_place = {event.location} if set(other.targets) - groups - places else set()
    return (event.type is EventType.ASSAULT and bool(other.actors)
            and (not other.targets or bool(set(other.targets) - groups))
            and (None in (event.location, other.location) or event.location == other.location)
            and _same_modality(event, other)
            and set(event.targets) - groups - struck_people - own_place <= set(other.targets))  # fmt: skip


def _victims_placed(event: Event, other: Event, groups: frozenset[str]) -> bool:
    """ "17 people are killed in a drone strike on a school in X": the casualty verb named the place
    its victims were struck in (`victims_place`), the attack noun its unnamed targets; with no party
    named, one attack in one place, the place standing for the victims."""
    pair = (event, other)
    return (event.type is other.type is EventType.ASSAULT and not event.actors and not other.actors
            and event.location is not None and event.location == other.location and _same_modality(event, other)
            and any(one.targets == (one.location,) for one in pair)
            and any(bool(one.targets) and set(one.targets) <= groups for one in pair))  # fmt: skip


def _one_toll(event: Event, other: Event, groups: frozenset[str]) -> bool:
    """ "Three gunmen are killed and a child is wounded in an ambush", "31 militants and two
    soldiers are killed during a shootout": the victims of no named actor in one sentence and one
    place are one attack's toll, not an attack on each (the gunmen were the attackers); so are the
    unnamed targets of one actor ("X attack a village, killing at least 20 people"). Victims in two
    places or on two days stay two attacks ("seven people are killed in X, while two are killed in
    Y"), and so do a clash's two directions (two actors)."""
    return (event.type is other.type is EventType.ASSAULT and set(event.actors) == set(other.actors)
            and bool(event.targets) and bool(other.targets) and set(event.targets + other.targets) <= groups
            and _same_setting(event, other) and _same_modality(event, other))  # fmt: skip


def _same_setting(event: Event, other: Event) -> bool:
    """Neither is told in another place, nor on another day, than the other."""
    return all(None in pair or pair[0] == pair[1]
               for pair in ((event.location, other.location), (event.when, other.when)))  # fmt: skip


def _same_modality(event: Event, other: Event) -> bool:
    """Both events are negated or neither, and both hypothetical or neither."""
    return (event.provenance.negated, event.provenance.hypothetical) == (other.provenance.negated, other.provenance.hypothetical)


def _rank(event: Event, groups: frozenset[str], people: dict[int, frozenset[str]]) -> tuple[float, int, bool, float]:
    """The dedup's order: how much an event names first (its named parties, and half for the place it
    struck where that is its place, `victims_place` or `struck_places`, which a reading naming the
    party struck outranks and a reading of the victims alone does not), then victims named by their
    people (before a reading of no party struck: "open fire on a car, killing two Palestinians"), a
    date, confidence."""
    struck_people = people.get(event.provenance.evidence.start, frozenset())
    unnamed = groups | struck_people
    struck = event.location is not None and event.location in event.targets
    named = len(set(event.actors) - unnamed) + len(set(event.targets) - unnamed - {event.location}) + (0.5 if struck else 0)
    return -named, -len(struck_people & set(event.targets)), event.when is None, -event.provenance.confidence


def deduplicate(events: list[Event], headline_end: int, groups: frozenset[str], places: frozenset[str],
                people: dict[int, frozenset[str]]) -> list[Event]:  # fmt: skip
    """One event per reading: drop an event whose parties another event of the same type and
    sentence already holds (two triggers of one clause, "launched an attack targeting"), an attack
    read twice in one sentence (`_one_attack`) or by its unnamed targets (`_one_toll`),
    and an event the article tells twice (headline and body) with the same parties and modality.
    Named parties rank first: unnamed victims do not outweigh a place ("people killed in an air
    strike that struck the X hospital"), nor do victims named by their people (`people`, by sentence)."""
    kept: list[Event] = []
    for event in sorted(events, key=lambda e: _rank(e, groups, people)):
        same_sentence = [other for other in kept if other.type is event.type
                         and other.provenance.evidence.start == event.provenance.evidence.start
                         and set(event.actors) <= set(other.actors)]  # fmt: skip
        parties = set(event.actors) | set(event.targets)
        holder = next((other for other in same_sentence if parties <= set(other.actors) | set(other.targets)), None)
        if holder is not None:  # one event read twice: with the place and date only this reading
            # gives ("people marched in X on Saturday, *protesting* Y")
            place, when = holder.location or event.location, holder.when or event.when
            kept[kept.index(holder)] = dataclasses.replace(holder, location=place, when=when)
            continue
        attack = next((other for other in same_sentence if _one_attack(event, other, groups, places, people)), None)
        if attack is not None:  # one attack, in its place
            kept[kept.index(attack)] = _one_reading(attack, event, location=attack.location or event.location)
            continue
        placed = next((other for other in same_sentence if _victims_placed(event, other, groups)), None)
        if placed is not None:  # one party-less attack: the place its victims were struck in stands for them
            placing, victims = (event, placed) if event.targets == (event.location,) else (placed, event)
            kept[kept.index(placed)] = _one_reading(placing, victims)
            continue
        toll = next((other for other in same_sentence if _one_toll(event, other, groups)), None)
        if toll is not None:  # one attack, with all its victims
            targets = tuple(dict.fromkeys(toll.targets + event.targets))
            place, when = toll.location or event.location, toll.when or event.when
            kept[kept.index(toll)] = _one_reading(toll, event, targets=targets, location=place, when=when)
            continue
        same = next((i for i, other in enumerate(kept) if _retold(event, other, headline_end)), None)
        if same is None:
            kept.append(event)
        elif kept[same].mode is None and event.mode is not None:  # keep what the retelling adds
            kept[same] = dataclasses.replace(kept[same], mode=event.mode)
    return sorted(kept, key=lambda e: (e.provenance.evidence.start, e.type.value))


def _one_reading(kept: Event, event: Event, **changes: Any) -> Event:
    """Two readings of one attack as one: `kept` with `changes`, its mode else `event`'s, the surer confidence."""
    surer = max(kept.provenance.confidence, event.provenance.confidence)
    provenance = dataclasses.replace(kept.provenance, confidence=surer)
    return dataclasses.replace(kept, mode=kept.mode or event.mode, provenance=provenance, **changes)
