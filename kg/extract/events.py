"""PLOVER events (extractor "kg.events.v2"): annotated Doc + entities -> Event claims.

A verb's type and mode come from the CAMEO verb dictionary (kg.extract.coder) unless one of
its hand-written triggers applies; nouns (event nouns, light verbs: "held talks with") and
the constructions CAMEO lacks are triggers of patterns/events.jsonl, as are the argument
paths and options of each type. For each trigger word: actors and targets by dependency paths
(inherited from a governing verb when the trigger has no subject of its own), the date of its
clause (else the lead's), modality and attribution (kg.extract.modality) and the score
(kg.extract.confidence).

This module reads each trigger word; the triggers a word stands for come from kg.extract.triggers,
where an event happened and what place it struck from kg.extract.event_places, the attack a
casualty verb tells and its author from kg.extract.attacks, and kg.extract.retellings keeps one
event per telling and dates later sentences by the lead.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.extract import confidence
from kg.extract.arguments import NOT_WHEN, PARTIES, QUALIFIERS, REPRESENTATIVES, EntityIndex, acting, clause_time, definite, groups, members_named, named, named_by, parties, sentence_evidence, topic_line_end
from kg.extract.assets import asset_tokens
from kg.extract.attacks import ATTACK_CLAUSE_MARKS, actor_unstated, attack_clauses, attack_trigger, between_sides, clause_attackers, joined_passives, noun_attackers, untold_attack
from kg.extract.coder import headline_passive, synset_words
from kg.extract.event_places import attack_place, capital_states, force_states, forces_homes, home_states, mention_ends, place_within, state_of_place, state_place, states_in_names, states_of, struck_places, struck_state, target_place, victims_place
from kg.extract.groups import STATE_ORGANS
from kg.extract.lexicon import MODALITY_PLACES, WORDS, Lexicon, Lexicons, ModeWords, Trigger, load_lexicons
from kg.extract.modality import Modality, adverbial_infinitive, assess, partisan
from kg.extract.presupposed import amid_event, first_of_list, owner_named_for, presupposing
from kg.extract.paths import OBJECT, OF_OBJECT, SUBJECT, Path, heads_reached, parse_path
from kg.extract.retellings import dated_by_lead, deduplicate
from kg.extract.names import FACILITY_NOUNS, PLACE_NOUNS
from kg.extract.role_words import load_role_words
from kg.extract.triggers import cancelling, requirements_met, triggers, verb_forms, verb_triggers, verb_types
from kg.nlp import tokens_whose
from kg.records import Article, Entity, EntityType, Event, EventType, Interval, Mention, Provenance
from kg.timex import find_times

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NAME = "kg.events.v2"
AVERTING, COMMANDS = WORDS["averting_verbs"], WORDS["command_verbs"]
CLAIM_NOUNS, OWNING = WORDS["claim_nouns"], WORDS["owning_verbs"]
CHARGE_NOUNS, CHARGING = WORDS["charge_nouns"], WORDS["charging_verbs"]
CAUSING = WORDS["causing_verbs"]
SANCTION_NOUNS = WORDS["sanction_nouns"]
INTENT_CUES = WORDS["intent_cues"]
HELD_VERBS, CONTINUING = WORDS["held_verbs"], WORDS["continuing_verbs"]
DESIGN_VERBS = WORDS["design_verbs"]
SPEAKER_NOUNS = WORDS["speaker_nouns"]
# Cue words of a condition or an open question around a claim: "if X attacks", "unless X
# withdraws", "unclear whether X attacked".
CONDITION_CUES = frozenset({"if", "unless", "whether"})
# Nouns of a war or of what befell a victim: who qualifies them is no protest's target (`_befallen`).
NO_TARGET_NOUNS = WORDS["no_target_nouns"]
TRADED_GOODS = WORDS["traded_goods"]
# Nouns of an act done to a party, whose of-object (`PATIENT_NOUNS`) or against / on / upon object
# (both lists) is the one acted upon: an accusation over the act does not accuse it (`_acted_upon`).
PATIENT_NOUNS = WORDS["patient_nouns"]
AIMED_AT = PATIENT_NOUNS | NO_TARGET_NOUNS | SANCTION_NOUNS | WORDS["aimed_act_nouns"]
# Types of force: their targets may be military assets ("a missile attack targeting the USS ..."),
# and their passive subject is the one acted upon: "X was killed / arrested in Y" reports the event
# even where the article never says who did it.
FORCE = frozenset({EventType.ASSAULT, EventType.COERCE})
# The types whose codebook entry says "Requires recipient: Yes" besides force (PLOVER_MANUAL): counted
# people may be that recipient ("rescued 20 hostages"). Not COOPERATE, a joint act: people counted in
# it take part ("drills involving 25,000 troops in an effort to ..."), no one receives it.
RECIPIENT_TYPES = frozenset({EventType.AID, EventType.SANCTION})
RECIPIENT_NOUNS, RELEASED_NOUNS = synset_words(WORDS["recipient_synsets"]), synset_words(WORDS["released_synsets"])
ADDRESSEE, RESPONSIBLE_FOR = parse_path(">prep[to]>pobj"), parse_path(">prep[for]>pobj")
# What one says to the party one meets: "met X and urged a halt", "meets X, agreeing to ...".
SAID_TO = frozenset({EventType.AGREE, EventType.REQUEST, EventType.CONCEDE, EventType.REJECT, EventType.SUPPORT})
# Prepositions by which the subject of a verb takes part in the event its object names ("agreed
# *to* a truce", "took part *in* talks", "launched a wave *of* attacks"); "attacked X *despite* the
# agreement" and "warned Y *after* the attack" name events of others.
TAKING_PART = frozenset({"to", "in", "into", "on", "for", "of", "with"})
FUNCTION_DEPS = frozenset({"conj", "prep", "agent", "dative", "pcomp"})
# A side of a fight within its list: a later conjunct, a modifier of the head noun ("the *Ethiopian* army").
SIDE_DEPS = frozenset({"conj", "amod", "compound", "poss"})
# Types the news reports by their place or a named party, whoever acted: attacks, arrests and
# crowds ("thousands of people march in X", "protesters rally against the government of X").
FOLLOWED_TYPES = FORCE | {EventType.PROTEST}
# A complement clause (ccomp) has its own subject: "X alleges that people are being killed" does
# not make X the killer, so a ccomp never inherits.
INHERIT_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "acomp", "acl"})


def extract(doc: Doc, entities: tuple[Entity, ...], article: Article) -> list[Event]:
    """Every event the Doc states between the article's entities."""
    headline_end = len(article.title) if article.title else 0
    lex = load_lexicons()
    index = EntityIndex(doc, entities, speech_verbs=lex.speech_verbs, groups=True)
    assets = asset_tokens(doc, index, lex)
    events: list[Event] = []
    refusals: list[Event] = []
    body_start = topic_line_end(article)
    year = article.published.year if article.published else None
    for sent in doc.sents:
        times = find_times(sent, article.published) if article.published else []
        for token in sent:
            if token.pos_ not in ("VERB", "NOUN") or token.idx < body_start:
                continue
            superseded: set[str] = set()  # "X and Y hold exercises": a cooperation, not each one's mobilization
            for trigger in triggers(token, lex, assets):
                if trigger.label in superseded or _told_before(token, trigger, lex, index, times, events, year):
                    continue
                read = _read(token, trigger, lex, index, assets, times, sent, year)
                reads = [] if read is None else [read]
                if trigger.label == EventType.ASSAULT.value and presupposing(token) is not None and (
                    read is None or read[0].type is not EventType.ASSAULT
                ):
                    # "calls on X to cease its attacks on Y": the request (or the halting), and X's attacks.
                    presupposed = _read(token, trigger, lex, index, assets, times, sent, year, presupposed=True)
                    reads += [] if presupposed is None else [presupposed]
                for event, whole in reads:
                    superseded |= trigger.words("supersedes")
                    if trigger.flag("refusal"):
                        refusals.append(event)
                    for one in [event] if whole else _pairs(event, index):
                        events.append(one)
                        if one.targets and _reciprocal(token, trigger) and not _directed(token, trigger):
                            # "A and B exchanged fire", "A clashed with B": each fought the other.
                            events.append(dataclasses.replace(one, actors=one.targets, targets=one.actors))
    events = [event for event in events if not _refused_reading(event, refusals)]
    unnamed = frozenset(groups(index.entities, index))
    places = frozenset(key for key, entity in index.entities.items() if entity.type is EntityType.LOCATION)
    events = _told_of_named(events + _claimed_attacks(doc, index, lex, events), index)
    events += _denied_claims(doc, index, lex, events)
    events = deduplicate(events, headline_end, unnamed, places, _people_struck(events, doc, index))
    return dated_by_lead(events, doc, article, headline_end, lex, index, assets)


def _stated(token: Token, trigger: Trigger, lex: Lexicons, assets: set[int]) -> bool:
    """The trigger word states its event here: its requirements are met and it is not what is
    asked for, the aim of a deployment, travel advice, nor what is called off."""
    if not requirements_met(token, trigger, assets):
        return False
    if trigger.label != EventType.REQUEST.value and not _held_condition(token, trigger) and _asked_for(token, lex):
        return False  # "urges X to lift sanctions": the urging is the event, not the lifting
    aim = token
    while aim.dep_ == "xcomp" and aim.pos_ == "VERB" and aim.head.pos_ == "VERB":
        aim = aim.head  # "sends troops to help train X": the aim is the whole infinitive chain
    if adverbial_infinitive(aim) and aim.head.pos_ == "VERB" and aim.head.lemma_.lower() not in COMMANDS and any(
        t.label == EventType.MOBILIZE.value for t in verb_triggers(aim.head, aim.head.lemma_.lower(), lex, assets)
    ):
        return False  # "deploys aircraft to monitor X": the aim of a deployment is yet to be done
    if any(c.lemma_.lower() in trigger.words("advisory_objects") for c in OBJECT.follow(token)):
        return False  # "warns its citizens to leave Iran": travel advice, not a threat
    if _describes_sanction(token):
        return False  # "the sanctions imposed by X on Y": a designation (kg.extract.designations), no event
    halting_nouns = trigger.words("dropped_by_nouns")
    if token.dep_ == "pobj" and token.head.lower_ in ("on", "to", "of") and token.head.head.lemma_.lower() in halting_nouns:
        return False  # "orders a freeze on all aid to X", "a suspension of aid": the halted aid is no AID
    if _halts_event_noun(token, trigger, lex):
        return False  # "calls off strikes on X": the strikes' halting is the event (if_halted), no sanction
    # "postpones his visit", "cancels sending envoys": no meeting, no visit; fighting that a
    # ceasefire ended was fought (and "stops strikes" is a RETREAT: if_halted).
    # An ongoing condition named with its holder held, whoever ends it ("an end to X's occupation").
    return not (_halted(token, trigger.words("dropped_by")) or (
        trigger.label != EventType.ASSAULT.value and not _held_condition(token, trigger)
        and _halted(token, cancelling(lex.events.cancelling_blocks))))


def _held_condition(token: Token, trigger: Trigger) -> bool:
    """A definite or owned noun of an ongoing condition (`held`: "the Ruritanian blockade of
    X", "Ruritania's occupation of Y") in a clause that does not set it up (`set_up_by`: "Ruritania
    *imposes* a blockade", whose verb states and dates it): the condition holds whatever the clause
    around it says ("ships try to break *the Ruritanian blockade*"), so that clause's modality, halting
    and time are not its own. An indefinite one ("would not allow a blockade") is not held."""
    if not trigger.flag("held") or token.pos_ != "NOUN":
        return False
    if token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in trigger.words("set_up_by"):
        return False
    return definite(token) or any(child.dep_ == "poss" for child in token.children)


def _continued_condition(token: Token, modality: Modality) -> bool:
    """A verb of an ongoing condition (`held_verbs`: occupy, blockade, besiege) that its subject
    *continues* to hold, neither denied nor conditional ("Israel will continue to occupy southern
    Lebanon"): the condition is under way now, so the future of *continue* makes no threat of it.
    Attacks that continue ("will continue to strike Y") are not conditions and are left as read."""
    governor = token.head
    return (token.lemma_.lower() in HELD_VERBS and token.dep_ == "xcomp" and governor.i != token.i
            and governor.lemma_.lower() in CONTINUING and not modality.negated and not _conditional(modality))  # fmt: skip


def _conditional(modality: Modality, cues: frozenset[str] = CONDITION_CUES) -> bool:
    """Whether a cue of `cues` set the claim's modality: what it governs is not stated."""
    return any(word.lower() in cues for word in (modality.cue or "").split())


def _own_time(token: Token, times: list[tuple[int, int, Interval]]) -> Interval | None:
    """The time expression inside a noun's own phrase, nearest first ("the *2022* invasion", "a
    blockade in place *since March*"): a held condition is dated only where the text dates it."""
    low, high = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    found = [(abs(start - token.idx), interval) for start, end, interval in times if low <= start and end <= high]
    return min(found, key=lambda item: item[0])[1] if found else None


def _halts_event_noun(token: Token, trigger: Trigger, lex: Lexicons) -> bool:
    """A verb the coder types that halts an event noun it governs, the noun read another type when
    halted (`if_halted`): "Trump *called off* planned strikes on Iran" is the RETREAT the strikes'
    row reads, not the "reduce relations" (160) CAMEO codes *call off* with whatever object."""
    if token.pos_ != "VERB" or not trigger.id.startswith("cameo."):
        return False
    for noun in token.subtree:
        if noun.pos_ != "NOUN" or noun.i == token.i:
            continue
        for row in lex.events.by_lemma(noun.lemma_.lower(), "NOUN"):
            halted = row.options.get("if_halted")
            halting = _halting(noun, row.words("halted_by")) if halted and halted != trigger.label else None
            if halting is not None and halting.i == token.i:
                return True
    return False


def _describes_sanction(token: Token) -> bool:
    """A passive participle or relative clause that describes the sanction noun it modifies ("the
    sanctions *imposed* by X on Y", "an arms embargo *imposed* on Y", "sanctions that *were
    imposed*"): the noun is the fact, a designation by the annotation guidelines (listings and
    sanctions are designations only), and the verb tells no event of its own."""
    if token.pos_ != "VERB" or token.head.i == token.i or token.head.lemma_.lower() not in SANCTION_NOUNS:
        return False
    if token.dep_ == "acl":
        return token.tag_ == "VBN" and not any(child.dep_ in ("nsubj", "dobj") for child in token.children)
    return token.dep_ == "relcl" and any(child.dep_ == "auxpass" for child in token.children)


@dataclasses.dataclass(frozen=True, slots=True)
class _Actors:
    """The parties acting, the states they act for after them; how many were named before those states."""
    keys: list[str]
    named: int
    one_side: bool  # the members a phrase lists ("critics, including X and Y"), one state's forces ("the PLA Navy and Air Force")
    inherited: bool  # from a governing verb or the clause of an attack, not the trigger's own phrase
    from_object: bool = False  # inherited from the governing verb's object ("accuses X and Y of preparing")


@dataclasses.dataclass(frozen=True, slots=True)
class _Place:
    """Where an event happened, the places it struck or captured, and the targets its place settles."""
    location: str | None
    struck: list[str]  # the place unnamed victims were struck in, a target as far away as they are
    targets: list[str]


@dataclasses.dataclass(frozen=True, slots=True)
class _Sides:
    """Who acts on whom, and whether one side named fought."""
    actors: list[str]
    targets: list[str]
    one_sided: bool


@dataclasses.dataclass(frozen=True, slots=True)
class _Grounds:
    """What an event stands on besides its parties, and how plainly it is stated."""
    unstated: bool  # no actor, in an article that does not say who acted
    alone: bool  # no party acted upon needed: its type, its place or its object suffices
    modality: Modality


def _read(token: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex, assets: set[int],
          times: list[tuple[int, int, Interval]], sent: Span, year: int | None, *, presupposed: bool = False) -> tuple[Event, bool] | None:  # fmt: skip
    """The event a trigger word states, and whether it stays whole (a meeting of two parties)
    rather than one event per pair of parties. `presupposed`: the attack the phrase governing the
    noun presupposes ("cease its attacks on Y"), made whatever is said of its halting, by an
    attacker the text names, undated."""
    # An attack the phrase governing it presupposes is stated whatever is asked of it or halts it.
    if not (requirements_met(token, trigger, assets) if presupposed else _stated(token, trigger, lex, assets)):
        return None
    event_type = EventType(trigger.label)
    clauses = attack_clauses(token, lex, index) if event_type is EventType.ASSAULT else []
    found = _actors(token, trigger, event_type, lex, index, clauses)
    acting = _for_themselves(found, trigger, sent, index)
    # A group acting for itself is as far from the trigger as the state's word that qualified it was.
    replaced = [key for key in found.keys if key not in acting.keys]
    mode = _mode(token, trigger, lex.events, event_type)
    place = _place(token, trigger, event_type, mode, lex, index, clauses, acting.keys,
                   _targets(token, trigger, event_type, lex.events, index))  # fmt: skip
    sides = _sides(token, trigger, event_type, lex, index, sent, acting, place.targets)
    grounds = _grounds(token, trigger, event_type, lex, index, place, sides)
    if grounds is None or trigger.flag("requires_actor") and acting.inherited and not sides.targets:
        return None
    if trigger.flag("named_actor") and not named(sides.actors, index):
        return None  # "the arrest of X by police": the doer unnamed, the arrest not read from the noun
    actors, targets, inherited, modality = sides.actors, sides.targets, acting.inherited, grounds.modality
    speakers = _speakers(token, actors, lex, index)
    as_reached = actors  # the speaker as the phrase reaches them, for the distance to the actors
    if speakers:
        # "JNIM spokesman X announces a blockade": the group's blockade, not its speaker's; no
        # event where the speaker's title names no one the act could be of.
        actors = [party for key in actors
                  for party in (_title_parties(key, sentence_evidence(sent), index) if key in speakers else [key])]  # fmt: skip
        actors = [key for key in dict.fromkeys(actors) if key not in targets]
        if not actors:
            return None
    if presupposed:
        if (owners := owner_named_for(token)) is not None:
            # "calls on Iran to cease *its* attacks": Iran's, not the caller's
            actors = [key for owner in owners for key in parties(index.entities_of(owner), index) if key not in targets]
        if not named(actors, index) or inherited:
            return None  # "calls for an end to attacks on X": by no one the text names
        modality = dataclasses.replace(modality, negated=False, hypothetical=False)
    if trigger.flag("refusal"):
        if (refusal := _refusal(token, trigger, modality, actors, sent, lex, index)) is None:
            return None
        modality = refusal
    if (speaker_state := _speaker_state(actors, modality.claimed_by, index)) is not None and speaker_state not in targets:
        actors, inherited = [speaker_state], True  # "Nigerian president X says the military rescued ..."
    continued = not presupposed and _continued_condition(token, modality)
    if continued:
        # "X will continue to occupy Y": the occupation holds now (rule 1 of the presupposed-event
        # convention), no threat of one.
        modality = dataclasses.replace(modality, hypothetical=False)
    elif not presupposed:
        event_type, mode, modality = _retyped(token, trigger, event_type, mode, modality, actors, targets, sent, lex, index)
    # "Clashes erupt between the Ethiopian army and Y": the sides a fight noun names are one list, the
    # second side and the modifier of a side's noun no farther than the first side's noun.
    fight = event_type is EventType.ASSAULT and token.pos_ == "NOUN" and _reciprocal(token, trigger)
    steps = _steps(token, index, [*(as_reached if speakers else actors), *replaced, *targets], one_list=fight,
                   restated=_purpose_clauses(token, trigger))  # fmt: skip
    acted_upon = targets + place.struck
    targets = named(acted_upon, index) or acted_upon  # groups are acted upon only where no one named is
    if event_type is EventType.ASSAULT and not set(targets).isdisjoint(_forces_states(actors, index)):
        return None  # "the Israeli Air Force ... missiles fired at Israel": a misread attacker
    if event_type is EventType.ASSAULT and (homes := forces_homes(force_states(actors, index), index)):
        # "the IDF struck targets in Israel", "the Tatmadaw has killed Myanmar civilians": a state's
        # force, its state known only from kg's names of it, does not strike its own state.
        acted_upon = [key for key in acted_upon if key not in homes]
        targets = named(acted_upon, index) or acted_upon
    score = _score(token, trigger, event_type, lex, index, actors, targets, place.location, grounds, modality, steps, inherited,
                   speakers, stood_in=bool(replaced))  # fmt: skip
    provenance = Provenance(sentence_evidence(sent), NAME, score, modality.claimed_by, modality.negated, modality.hypothetical)
    involved = tuple(key for key in _assets_involved(token, index, actors) if key not in targets)
    # "called off strikes *for tomorrow*", "postponed the attack *for Friday*": the day the halted act
    # was set for, not that of the halting.
    halted = event_type.value != trigger.label and event_type.value == trigger.options.get("if_halted")
    if _held_condition(token, trigger):
        when = _own_time(token, times)  # "the 2022 invasion"; not the day of the clause it is named in
    elif presupposed or continued or token.pos_ == "NOUN" and amid_event(token):
        when = None  # "cease its attacks", "amid protests": under way before the clause's own event
    elif halted:
        when = clause_time(token, times, not_after=NOT_WHEN | {"for"}, published=year)
    else:
        when = clause_time(token, times, published=year)
    event = Event(type=event_type, actors=tuple(actors), targets=tuple(targets), provenance=provenance,
                  mode=mode, when=when, location=place.location, assets=involved)  # fmt: skip
    return event, trigger.flag("symmetric") and not (sides.targets and len(sides.actors) > 1)


# Clauses under a trigger that tell another event when they have a subject of their own:
# "... while Iran launches ballistic missiles at Israel", "said that troops ...".
_OWN_CLAUSES = frozenset({"advcl", "conj", "ccomp", "relcl", "parataxis"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# Nouns of a struck place an asset word may qualify: "a drone launch site", "a missile factory".
_STRUCK_PLACES = PLACE_NOUNS | FACILITY_NOUNS | WORDS["struck_place_nouns"]


def _assets_involved(token: Token, index: EntityIndex, actors: list[str]) -> list[str]:
    """The military assets named in a trigger's own clause: not in a clause under it with a
    subject of its own ("Israel launches airstrikes on Iran while Iran launches ballistic
    missiles"), save one whose subject is the actors' own weapon ("Iran launches missiles at X
    *and Iranian drones strike* Y"), and not an asset word that only qualifies a struck place
    ("hitting a drone launch site")."""
    joined = {verb.i for verb in joined_passives(token)}
    own: set[int] = set()
    pending = [token]
    while pending:
        word = pending.pop()
        own.add(word.i)
        pending += [child for child in word.children if not _other_clause(child, joined, index, actors)]
    keys = index.in_span(token.doc[token.left_edge.i : token.right_edge.i + 1], [EntityType.MILITARY_ASSET])
    return [key for key in keys if (words := [word for word in index.tokens_of(key) if word.i in own])
            and not all(_qualifies_place(word) for word in words)]  # fmt: skip


def _other_clause(child: Token, joined: set[int], index: EntityIndex, actors: list[str]) -> bool:
    """A clause under a trigger with a subject of its own, which tells another event; not a passive
    joined to a passive trigger ("are killed and 14 others *are injured* in drone strikes"), not one
    whose subject is a weapon held by the event's actors ("Iran launches missiles at X, *and Iranian
    drones strike* Y"), not a clause of time whose subject is a weapon no other party holds ("are
    killed *after* a missile strikes ..."), not what happened "in which" the fight, and not an
    infinitive, whose subject is a misparse ("deploys troops, air defense systems ... *to assist*")."""
    if child.dep_ not in _OWN_CLAUSES or child.pos_ not in ("VERB", "AUX") or child.i in joined:
        return False
    if any(c.tag_ == "TO" for c in child.children):
        return False
    if child.dep_ == "relcl" and any(c.dep_ == "prep" and c.lower_ in ("in", "during") and any(o.lower_ == "which" for o in c.children)
                                     for c in child.children):  # fmt: skip
        return False  # "a gun battle *in which* six soldiers also die": what happened in the fight
    subjects = [c for c in child.children if c.dep_ in _SUBJECTS]
    if not subjects:
        return False
    holders = [_held_by(subject, index) for subject in subjects]
    if all(holders) and all(held <= set(actors) for held in holders):
        return False  # "Iran launches missiles at X, and *Iranian drones* strike Y": the actors' own weapon
    if actors and any(not held <= set(actors) for held in holders):
        return True  # "Russia fires missiles at Kyiv while *Ukrainian drones* strike Moscow": another party's
    timed = any(c.dep_ in ("mark", "advmod") and c.lower_ in ATTACK_CLAUSE_MARKS for c in child.children)
    armed = any((key := index.at(word)) is not None and index.type_of(key) is EntityType.MILITARY_ASSET
                for subject in subjects for word in subject.subtree)  # fmt: skip
    return not (timed and armed)


def _held_by(subject: Token, index: EntityIndex) -> set[str]:
    """Who holds a subject that is a military asset ("*Iranian* drones"); none for another subject
    or an asset no one is said to hold."""
    key = index.at(subject)
    if key is None or index.type_of(key) is not EntityType.MILITARY_ASSET:
        return set()
    return set(index.owners_of(subject))


def _qualifies_place(word: Token) -> bool:
    """A word of a compound chain whose head is a place or facility noun: "drone" in "a drone
    launch site", "missile" in "missile and drone launch sites"."""
    while word.dep_ in ("compound", "nmod") or word.dep_ == "conj" and word.head.dep_ in ("compound", "nmod"):
        word = word.head
    return word.pos_ in ("NOUN", "PROPN") and word.lemma_.lower() in _STRUCK_PLACES


def _actors(token: Token, trigger: Trigger, event_type: EventType, lex: Lexicons, index: EntityIndex, clauses: list[Token]) -> _Actors:
    """Who acts: the first actor path that names someone wins ("the US buildup", before "the subject
    of the clause around it"), else the subject of a governing verb; a group ("gunmen") acts only
    where nothing names an actor."""
    actor_types = {EntityType(name) for name in trigger.words("actor_types")} or set(PARTIES)
    unnamed: list[str] = []
    marcher = _protest_participle(token) if event_type is EventType.PROTEST else None
    if marcher is not None:
        # "police detained students *protesting* outside parliament": the students protest, not
        # the police; "Indian riot police baton-charge protesters *marching*", the verb misread
        # inside the subject: the subject's head noun marches, not the words before it.
        reached = index.entities_of(marcher, qualifiers=token.dep_ != "ROOT")
        actors = [key for key in parties(reached, index) if index.type_of(key) in actor_types]
        return _Actors(actors or groups(reached, index), 0, False, False)
    for path in lex.events.paths(trigger, "actors"):
        reached = index.follow(token, [path])
        actors = [key for key in parties(reached, index) if index.type_of(key) in actor_types]
        unnamed = unnamed or groups(reached, index)
        if actors:
            heads = path.follow(token)
            # The state an acting organization or person belongs to acts through them ("the Chinese PLA Navy").
            states = dict.fromkeys(key for head in heads for key in index.states_of(head))
            one_side = any(members_named(head) for head in heads) or len(states) == 1 and all(
                index.type_of(key) is EntityType.ORGANIZATION for key in actors)
            return _Actors(actors + [key for key in states if key not in actors], len(actors), one_side, False)
    actors, inherited, from_object = [], False, False
    if not trigger.flag("own_phrase") and not _force_of_a_thing(token, event_type, lex):
        subject, from_object = _inherited_subject(token, index)
        actors = [key for key in subject if index.type_of(key) in actor_types]
        inherited = bool(actors)
        if not unnamed:  # "police rescued 46 students, *arresting* eight suspects"
            unnamed = groups(subject, index)
            inherited = inherited or bool(unnamed)
    if actor_types == set(PARTIES):
        actors = actors or unnamed
    if not actors and event_type is EventType.ASSAULT:
        # "four officers were killed in an *Israeli* airstrike": whoever carried out the attack.
        # "three soldiers are killed *when militants attack* a patrol boat": the clause's attacker.
        actors = noun_attackers(token, lex, index) or clause_attackers(token, clauses, index)
        inherited, from_object = bool(actors), False
    return _Actors(actors, 0, False, inherited, inherited and from_object)


def _for_themselves(acting: _Actors, trigger: Trigger, sent: Span, index: EntityIndex) -> _Actors:
    """ "*Israeli* settlers attack residents", "*Somali* pirates seize a tanker": a state the sentence
    names only by a demonym or name qualifying an unnamed group of no state organ's sector (the
    Phoenix agents' civilians, criminals, rebels, armed men of no state, the opposition ...) does not
    act through the group; the group acts (where the trigger lets a group act), unless another
    party is named. A state organ ("*Israeli* troops", "*Syrian* security forces") still acts for it."""
    keys: list[str] = []
    for key in acting.keys:
        keys += _private_groups(key, sent, index) or [key]
    if keys == acting.keys:
        return acting
    allowed = {EntityType(name) for name in trigger.words("actor_types")} or set(PARTIES) | {EntityType.GROUP}
    keys = [key for key in dict.fromkeys(keys) if index.type_of(key) in allowed]
    keys = named(keys, index) or keys
    return _Actors(keys, len(named(keys, index)), acting.one_side, acting.inherited, acting.from_object)


def _private_groups(key: str, sent: Span, index: EntityIndex) -> list[str]:
    """The unnamed groups of no state organ's sector whose nouns every mention of State `key` in
    the sentence qualifies (a conjoined demonym too: "Israeli and Palestinian settlers"); none
    where the state is named otherwise, or qualifies another noun."""
    if index.type_of(key) is not EntityType.STATE:
        return []
    found: list[str] = []
    for word in index.tokens_of(key):
        if not sent.start <= word.i < sent.end or (word.head.i != word.i and index.at(word.head) == key):
            continue  # another sentence's, or a word inside the name ("United" of "United States")
        while word.dep_ == "conj" and word.head.i != word.i and index.at(word.head) is not None:
            word = word.head
        if word.dep_ not in QUALIFIERS or word.head.i == word.i:
            return []
        # The demonym qualifies each noun of a list ("Israeli settlers and soldiers": the soldiers too).
        for head in (word.head, *word.head.conjuncts):
            group = index.group_at(head)
            if group is None or index.at(head) is not None or head.pos_ != "NOUN":
                return []  # a proper noun heads a name the model missed ("the South Sudan People's Defence Forces")
            sector = index.entities[group].sector
            if sector is None or sector in STATE_ORGANS:
                return []
            found.append(group)
    return list(dict.fromkeys(found))


def _targets(token: Token, trigger: Trigger, event_type: EventType, events: Lexicon, index: EntityIndex) -> list[str]:
    """The parties of the types the trigger allows that its target paths reach, or that share its patient."""
    target_types = set(PARTIES) | ({EntityType.MILITARY_ASSET} if event_type in FORCE else set())
    if event_type is not EventType.MOBILIZE:  # forces sent are no target
        target_types.add(EntityType.GROUP)
    target_types &= {EntityType(name) for name in trigger.words("target_types")} or target_types
    # "called Theresa May's deal 'lousy'" calls no one: the party called is the object itself or
    # whom it represents ("called the Russian president"), never what merely qualifies it.
    parties_only = trigger.flag("party_objects")
    paths = events.paths(trigger, "targets")
    transparent = REPRESENTATIVES if parties_only else frozenset()
    spared: Callable[[list[Token]], set[str]] | None = None  # the parties a path's heads name, never a target
    if trigger.flag("no_target_nouns"):
        # "protests against Imamoglu's arrest", "against the Freedonia war": the victim of an arrest,
        # the side of a war is no target; "against X's arrest of Y": X, the arrester, is.
        spared = lambda heads: _befallen(heads, index)
    elif trigger.flag("not_acted_upon"):
        # "condemns the killing of X by Y", "condemns Y's arrest of X": the doer is accused, never the
        # one the condemned act befell.
        spared = lambda heads: _acted_upon(token, trigger, heads, index)
    if spared is None:
        reached = index.follow(token, paths, qualifiers=not parties_only, transparent=transparent)
    else:
        reached = list(dict.fromkeys(key for path in paths for excluded in (spared(path.follow(token)),)
                                     for key in index.follow(token, [path], qualifiers=not parties_only, transparent=transparent)
                                     if key not in excluded))  # fmt: skip
    if trigger.flag("capital_states"):  # "closes its embassy in Tehran": the state whose capital it is
        reached += [key for key in capital_states(reached, index) if key not in reached]
    if event_type is EventType.AGREE:  # "approves the sale of *Iranian* oil": the good's state is no counterpart
        reached = [key for key in reached if key not in _goods_states(token, paths, index)]
    targets = [key for key in reached + _shared_patient(token, index)
               if index.type_of(key) in target_types
               and (index.entities[key].named or index.type_of(key) is not EntityType.MILITARY_ASSET)]  # fmt: skip
    if event_type is EventType.ASSAULT and not named(targets, index):
        # "Gunmen kill nine Nigerian troops", "X attacked an American warship": an asset no name
        # holds is struck as its owner.
        targets += [key for key in _owners_of_assets(token, paths, index) if key not in targets]
    return targets


def _goods_states(token: Token, paths: Iterable[Path], index: EntityIndex) -> set[str]:
    """The parties a target path reaches only as what qualifies a traded good (`TRADED_GOODS`:
    "the sale of *Iranian* oil", "*Russian* gas exports"), not as the good's buyer or seller."""
    heads = [part for path in paths for reached in path.follow(token) for part in (reached, *reached.conjuncts)]
    goods = [head for head in heads if head.lemma_.lower() in TRADED_GOODS or head.lower_ in TRADED_GOODS]
    qualifying = {key for head in goods for key in set(index.entities_of(head)) - set(index.entities_of(head, qualifiers=False))}
    return qualifying - {key for head in heads if head not in goods for key in index.entities_of(head)}


def _befallen(heads: list[Token], index: EntityIndex) -> set[str]:
    """The parties named only as what a noun of `NO_TARGET_NOUNS` among `heads` (or their conjuncts)
    befell or is fought by: its qualifiers ("*Imamoglu's* arrest", "the *Freedonia* war"), unless an
    of-object names the victim ("*X's* arrest of Y": X arrested), and its of-object ("the killing *of
    X*"), or, for an of-object reached, the one it is ("protest the arrest *of X*")."""
    befallen: set[str] = set()
    for head in (part for reached in heads for part in (reached, *reached.conjuncts)):
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in NO_TARGET_NOUNS:
            befallen.update(index.entities_of(head))
        if head.lemma_.lower() not in NO_TARGET_NOUNS:
            continue
        victims = OF_OBJECT.follow(head)
        befallen.update(key for victim in victims for key in index.entities_of(victim))
        if not victims:
            befallen.update(key for child in head.children if child.dep_ in QUALIFIERS for key in index.entities_of(child))
    return befallen


def _patient_phrase(prep: Token, token: Token, coded: frozenset[str]) -> bool:
    """`prep` names the one an act noun's act befell: the of-phrase of a noun of `PATIENT_NOUNS`
    ("the killing *of X*"), the against / on / upon phrase of one of `AIMED_AT` ("sanctions *against X*");
    not of the trigger `token` itself, whose own patient is its target ("the impeachment *of X*"), nor
    of a noun the CAMEO pattern that coded the verb names (`coded`: "hails the assassination of X",
    "launches a campaign against X" are ACCUSE of X by the dictionary)."""
    noun = prep.head.lemma_.lower()
    return prep.dep_ == "prep" and prep.head.i != token.i and noun not in coded and (
        prep.lower_ == "of" and noun in PATIENT_NOUNS or prep.lower_ in ("against", "on", "upon") and noun in AIMED_AT)


def _acted_upon(token: Token, trigger: Trigger, heads: list[Token], index: EntityIndex) -> set[str]:
    """The parties named among `heads` (or their conjuncts) only as the ones an act noun's act befell:
    its patient phrase (`_patient_phrase`: "condemns the assassination *of X* by Y", "the war *against
    Y*"), reached or hanging on a noun reached; and, for a noun of what befell a victim
    (`NO_TARGET_NOUNS`, of `PATIENT_NOUNS`) with no of-object, its qualifiers ("condemns *X's*
    arrest"). Its doer stays: its by-phrase, and its possessive or demonym beside an of-object ("Y's
    arrest of X", "the Russian invasion of X"); so do the of-objects of other nouns ("the policies of X")."""
    coded = trigger.words("coded_words")
    acted: set[str] = set()
    for head in (part for reached in heads for part in (reached, *reached.conjuncts)):
        if head.dep_ == "pobj" and _patient_phrase(head.head, token, coded):
            acted.update(key for part in (head, *head.conjuncts) for key in index.entities_of(part))
        patients = [obj for prep in head.children if _patient_phrase(prep, token, coded) for obj in prep.children if obj.dep_ == "pobj"]
        acted.update(key for obj in patients for part in (obj, *obj.conjuncts) for key in index.entities_of(part))
        noun = head.lemma_.lower()
        if head.i != token.i and noun not in coded and noun in PATIENT_NOUNS and noun in NO_TARGET_NOUNS and not OF_OBJECT.follow(head):
            acted.update(key for child in head.children if child.dep_ in QUALIFIERS for key in index.entities_of(child))
    return acted


def _place(token: Token, trigger: Trigger, event_type: EventType, mode: str | None, lex: Lexicons, index: EntityIndex,
           clauses: list[Token], actors: list[str], targets: list[str]) -> _Place:  # fmt: skip
    """Where the event happened, what place it struck or captured, and the state a strike on a place
    strikes or the states forces are sent to."""
    events, assault = lex.events, event_type is EventType.ASSAULT
    location_paths = events.paths(trigger, "locations")
    places = index.follow(token, location_paths)
    location = next((key for key in places if index.type_of(key) is EntityType.LOCATION), None) or place_within(
        token, location_paths, index) or (attack_place(token, clauses, lex, index) or target_place(token, trigger, lex, index)
                                          if assault else None)  # fmt: skip
    if location is None and not named(actors, index) and trigger.flag("state_places"):  # "people rally *across* X"
        location = state_place(token, location_paths, trigger.words("state_places"), index)
    struck: list[str] = []
    # "Israeli strikes kill nine people in southern Lebanon": the place paths reach a state itself.
    states_struck = struck_state(token, trigger, location_paths, events, index) if assault and location is None else []
    if assault and (location is not None or states_struck) and all(index.type_of(key) is EntityType.GROUP for key in targets):
        # "Russian strikes on Odesa, Ukraine": a state striking a place of another state strikes
        # that state; not its own ("the Sudanese Army ... in Geneina, Sudan"), and a force of no
        # stated state fighting where it is ("RSF attacks in Misteriha, Sudan") strikes no state.
        # The state stands before unnamed victims ("nine people killed in a strike on X, Iran").
        # A state's own force strikes another state wherever kg knows the force's state, named
        # in the article or not ("the IDF launched strikes in Lebanon").
        forces = force_states(actors, index)
        home = home_states(actors, index) | forces_homes(forces, index)
        known = bool(home or forces)
        placed_in = state_of_place(token, location_paths, index) if location is not None else states_struck
        targets = [key for key in placed_in if known and key not in home] or targets
        if location is not None and all(index.type_of(key) is EntityType.GROUP for key in targets) and victims_place(
            token, trigger, location, targets, actors, home | states_in_names(actors, index), events, index
        ):
            # "Two civilians are killed in a Russian drone strike in Zaporizhzhia": the place was struck;
            # so too by a force of no stated state where a state follows the place ("ADF insurgents
            # kill 87 civilians in Ituri Province, DR Congo") and by armed men no name stands for
            # ("an attack by armed bandits in a village in Jibia, Katsina State, Nigeria").
            struck = [location]
    captured = event_type is EventType.COERCE and mode == "seize"
    if (assault or captured) and not struck and not named(targets, index):
        # "Russia bombed Kyiv", "strikes on Odesa", "Kyiv was hit by Russian missiles": the place struck;
        # "the RSF retakes Kurmuk", "seizes control of X": the place captured.
        struck = struck_places(token, trigger, lex, index, actors, captured)
    if event_type is EventType.MOBILIZE:
        targets += [key for key in places if index.type_of(key) is EntityType.STATE and key not in targets]
    return _Place(location, struck, targets)


def _sides(token: Token, trigger: Trigger, event_type: EventType, lex: Lexicons, index: EntityIndex, sent: Span,
           acting: _Actors, targets: list[str]) -> _Sides:  # fmt: skip
    """Who acts on whom: the targets less those not acted upon, the one side a fight names, parties
    acting on each other, the first of a meeting's parties acting."""
    actors, one_side = acting.keys, acting.one_side
    if not targets and acting.inherited and event_type in SAID_TO:
        targets = _met(token, lex, index)
    excluded = _not_acted_upon(token, trigger, lex, index, sent, actors)
    if event_type is EventType.ASSAULT and between_sides(token, trigger, lex.events):
        # "1,300 Syrians are killed amid clashes between X and Y": people killed in a fight are no side's target.
        excluded = excluded | {key for key in targets if _people_of_state(key, sent, index)}
    targets = [key for key in targets if key not in excluded]
    # "killed in clashes with Hezbollah", "clashes with the RSF and the SPLM-N": the one side named
    # fought, the other is not named.
    one_sided = not actors and trigger.flag("one_sided") and bool(targets) and index.type_of(targets[0]) is not EntityType.GROUP
    if one_sided:
        actors, targets, one_side = targets, [], True
    # "X and Y clashed", not "X and Y fight corruption" (nor "fight" misread as its modifier)
    mutual = token.lemma_.lower() in trigger.words("reciprocal_lemmas") and token.dep_ != "compound" and not OBJECT.follow(token)
    if not targets and acting.named > 1 and (mutual or _each_other(token)):
        # "X and Y accuse each other", "X and Y clashed": each acts on the others (one event
        # per pair, _pairs).
        targets = actors[: acting.named]
    if trigger.flag("symmetric"):
        # "accuses France and the UK of preparing to ...": parties conjoined as the object of another
        # act (charged, moved to act) are not said to act on each other; no pair is read from them.
        if len(actors) > 1 and not targets and acting.named != 1 and not one_side and not acting.from_object:
            # "Trump and Putin agree": the party named first acts, in the order of the text
            # ("Macron's talks" are not talks between Macron and France).
            actors = sorted(actors, key=lambda key: index.first_in(sent, key))
            actors, targets = actors[:1], actors[1:]
        elif not actors and len(targets) > 1 and token.pos_ == "NOUN":
            # "talks between X and Y"; a verb's conjoined object ("sending envoys X and Y") is
            # acted upon, never the actor.
            actors, targets = targets[:1], targets[1:]
    return _Sides(actors, targets, one_sided)


def _grounds(token: Token, trigger: Trigger, event_type: EventType, lex: Lexicons, index: EntityIndex, place: _Place,
             sides: _Sides) -> _Grounds | None:  # fmt: skip
    """What an event stands on: someone acting (or an article that does not say who acted) and, unless
    its type stands alone (a deployment) or a place says where it happened, someone acted upon; and
    its modality. None where it stands on nothing, or on what is not plainly stated."""
    actors, targets, location = sides.actors, sides.targets, place.location
    # "Thousands of Haredi Jews gather in X to protest": a crowd no entity stands for (`crowd`).
    # "X resigns amid protests over Y": protests under way, by protesters unnamed (`amid_event`).
    amid = trigger.flag("told_by") and token.pos_ == "NOUN" and amid_event(token)
    unstated = not actors and (trigger.flag("crowd") or amid or ((event_type in FORCE or trigger.flag("told_by")) and (
        actor_unstated(token, trigger, lex, index) if token.pos_ == "VERB" else location is not None and untold_attack(token, trigger, lex, index)
    )))
    alone = sides.one_sided or trigger.flag("targetless") or bool(location and trigger.flag("placed")) or amid
    # "Israeli strikes kill 78 Palestinians": a party acting on counted victims no entity names (with
    # no actor and no place, nobody in nowhere: no fact).
    counted = bool(actors) and not targets and (event_type in FORCE and _counted(token, lex) or _on_counted_people(token, trigger, event_type))
    # "Iran calls for a ceasefire": a named actor's demand of no entity stands on its object (plainly
    # stated: below).
    on_object = (trigger.flag("object_suffices") and not (targets or alone or counted)
                 and bool(named(actors, index))
                 and _demands_something(token, trigger, lex, index) and _sufficient_object(token, trigger))  # fmt: skip
    if not (actors or unstated) or not (targets or place.struck or alone or on_object or counted):
        return None
    modality = assess(token, index, lex.cues)
    if _held_condition(token, trigger):  # "tried to break *Ruritania's blockade*": the blockade holds
        modality = dataclasses.replace(assess(token, index, lex.cues, own_only=True), claimed_by=modality.claimed_by)
    if event_type is EventType.REQUEST and modality.hypothetical and token.head.i != token.i and _requests(token.head, lex):
        # "urged X, asking the US to waive": the asking is the urging, made, not planned.
        modality = dataclasses.replace(modality, hypothetical=False)
    if (modality.negated or modality.hypothetical) and (on_object or unstated) or on_object and partisan(modality, actors, index):
        # "X may call for a ceasefire", "Y says X called for talks": nothing acted upon to keep;
        # "X was not killed", "X could be arrested": by no one named, not a fact to keep.
        return None
    return _Grounds(unstated, alone or on_object, modality)


def _retyped(token: Token, trigger: Trigger, event_type: EventType, mode: str | None, modality: Modality, actors: list[str],
             targets: list[str], sent: Span, lex: Lexicons, index: EntityIndex) -> tuple[EventType, str | None, Modality]:  # fmt: skip
    """The type, mode and modality of an act halted, threatened or intended rather than done, or of
    an attack in words."""
    # "if X attacks", "warned X against attacking", "unclear whether X attacked": no threat by X.
    conditional = _conditional(modality, CONDITION_CUES | {"against"})
    halted = trigger.options.get("if_halted")
    stated = modality.hypothetical and not modality.negated and _own_words(modality, actors, index)
    if halted and (halting := _halting(token, trigger.words("halted_by"))) is not None:
        # "agreed to stop strikes on X", "suspends airstrikes on X": the attacks end. The halting is
        # the event, as plainly stated as its verb: "called off *planned* strikes" called them off.
        event_type = EventType(halted)
        if modality.hypothetical and halting.i != token.i and not assess(halting, index, lex.cues).hypothetical:
            modality = dataclasses.replace(modality, hypothetical=False)
    elif stated and not conditional and trigger.options.get("if_hypothetical"):
        # "vowed to strike", "would attack", "the intent to remove": a threat, not an attack;
        # and the threat itself was made, it is no hypothesis.
        mode = _threat_mode(event_type, mode, lex.events.coded[trigger.options["if_hypothetical"]])
        event_type = EventType(trigger.options["if_hypothetical"])
        modality = dataclasses.replace(modality, hypothetical=False)
    elif (
        stated and trigger.options.get("if_intended") and _intended(modality, sent, lex)
        and not (trigger.flag("verbal") and modality.claimed_by in actors)
        and _party_itself(token, trigger, targets, lex.events, index)
    ):  # fmt: skip
        # "France will recognise X", "pledged to supply Y with oil": a cooperation the actor
        # undertakes is PLOVER's AGREE, an intent stated, not the act (nor "may", "urged to"); a
        # verbal act its actor says he will do is done in the saying ("Lula says he will defend X");
        # a party only qualifying the object is no partner ("will deploy *American* aircraft").
        event_type = EventType(trigger.options["if_intended"])
        modality = dataclasses.replace(modality, hypothetical=False)
    elif event_type is EventType.THREATEN and token.lemma_.lower() in DESIGN_VERBS and not _own_words(modality, actors, index):
        # "says it killed a fighter who was planning attacks on the army" (CAMEO codes an intent to
        # attack a threat): a plan another party tells of is no threat made, only a deed planned.
        modality = dataclasses.replace(modality, hypothetical=True)
    verbal = trigger.options.get("between_people")
    if isinstance(verbal, dict) and token.lemma_.lower() in verbal.get("lemmas", ()) and actors and all(
        index.type_of(key) is EntityType.PERSON for key in (*actors, *targets)
    ):
        # "Biden attacked Trump": between politicians an attack is in words.
        event_type = EventType(verbal["type"])
    return event_type, mode, modality


def _score(token: Token, trigger: Trigger, event_type: EventType, lex: Lexicons, index: EntityIndex, actors: list[str],
           targets: list[str], location: str | None, grounds: _Grounds, modality: Modality, steps: int, inherited: bool,
           speakers: set[str], *, stood_in: bool = False) -> float:  # fmt: skip
    """The confidence of an event read (kg.extract.confidence); `speakers` announced it for its
    actors, their own word as much as the actors' ("X spokesman Y announces"); `stood_in`: a group
    acts in place of the state that qualified it (`_for_themselves`), as far and as much inherited."""
    named_actor = bool(named(actors, index))
    # The party acted upon is named or needs no name: the event stands alone, or the codebook needs no
    # recipient ("releases 131 detainees").
    acted_upon = (bool(named(targets, index)) or grounds.alone or (trigger.flag("unnamed_targets") and bool(targets))
                  or _on_counted_people(token, trigger, event_type))  # fmt: skip
    followed = _followed(event_type, [*actors, *targets], location, index)
    # "Protests erupt in X": a noun its own verb says happened states its event more firmly than
    # one the news names in passing.
    base = float(trigger.options.get("told_base", trigger.base)) if grounds.unstated and token.pos_ == "NOUN" else trigger.base
    return confidence.score(
        base,
        # No named actor, or no party acted upon where one is needed: the party an analyst would follow is unknown.
        unnamed=not (named_actor and acted_upon) and not followed,
        # "Israeli strikes kill 26 people": a named party's attack on victims no name stands for is
        # whole; an arrest only where its victims are counted ("Turkish police arrest 161 people";
        # "issued arrest warrants on 36 people" leaves out whom it names).
        complete=acted_upon or event_type is EventType.MOBILIZE or (event_type is EventType.ASSAULT and named_actor)
        or (event_type is EventType.COERCE and named_actor and _counted(token, lex)),
        steps=steps, negated=modality.negated, hypothetical=modality.hypothetical,
        attributed=partisan(modality, [*actors, *speakers], index),
        # Only groups inherited ("people gather in X to *protest* against Y") name no party to get
        # wrong: the event stands on its place or its named target.
        inherited=inherited and (named_actor or stood_in or not followed),
    )  # fmt: skip


def _not_acted_upon(token: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex, sent: Span, actors: list[str]) -> set[str]:
    """Who a trigger's targets leave out. No one acts on themselves, nor a person on the state
    they hold office in ("Trump expands the country's travel ban": not a cooperation of Trump with
    the United States)."""
    excluded = {*actors, *states_of([actor for actor in actors if index.type_of(actor) is EntityType.PERSON], index)}
    if trigger.words("patient_types"):
        # "claims that X was killed in an airstrike": the one a claimed attack befell is not accused.
        excluded |= _passive_patients(token, trigger, lex, index)
    if trigger.flag("excludes_object"):
        # "dismisses prime minister X": the one dismissed from office is not rejected.
        objects = [index.at(child) for child in token.children if child.dep_ in ("dobj", "nsubjpass")]
        excluded |= {key for key in objects if key is not None}
    if trigger.flag("not_own"):
        # "X claims that *its* forces destroyed ...", "Erdogan claimed the Turkish drilling is
        # lawful", "the *Russian* Ministry of Defence claims that Russian forces captured ...": a
        # claim about one's own is no accusation.
        excluded |= _owned(sent, actors, index) | states_of(actors, index) | states_in_names(actors, index)
    return excluded


def _passive_patients(token: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex) -> set[str]:
    """The parties a trigger's target paths reach as the passive subject of a verb the dictionary
    codes a type of its `patient_types` ("X was *killed*", "was *arrested*"): the ones acted upon."""
    types = trigger.words("patient_types")
    subjects = [subject for path in lex.events.paths(trigger, "targets") if path.steps[-1].dep == "nsubjpass"
                for subject in path.follow(token)]  # fmt: skip
    return {key for subject in subjects if any(found.label in types for found in verb_types(subject.head, lex))
            for key in index.entities_of(subject)}  # fmt: skip


def _demands_something(token: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex) -> bool:
    """A verb whose target paths reach an object, said by a named speaker: not a document's words
    ("the Turkish statement called for") nor a plea ("pled guilty to")."""
    return token.pos_ == "VERB" and any(path.follow(token) for path in lex.events.paths(trigger, "targets")) and all(
        child.dep_ not in ("acomp", "oprd") and (child.dep_ != "nsubj" or child.pos_ in ("PROPN", "PRON") or index.at(child))
        for child in token.children)  # fmt: skip


def _sufficient_object(token: Token, trigger: Trigger) -> bool:
    """An object of a kind the trigger's event can stand on, where the trigger lists such kinds
    (`sufficient_objects`): a claim denied, a proposal turned down ("X rejects the ultimatum"),
    not a permission withheld from someone ("denies entry", whose recipient is the party)."""
    kinds = trigger.words("sufficient_objects")
    return not kinds or any(child.lemma_.lower() in kinds for child in token.children if child.dep_ == "dobj")


def _followed(event_type: EventType, parties: Iterable[str], location: str | None, index: EntityIndex) -> bool:
    """Violence or a crowd the news reports with a named party on either side or with its place ("X
    was shot dead", "gunmen killed four in Y", "thousands of people march in Z"): an analyst follows
    it by that party or place, whoever did it, so it is not scored as unnamed (confidence.UNNAMED)."""
    return event_type in FOLLOWED_TYPES and (location is not None or bool(named(parties, index)))


def _told_of_named(events: list[Event], index: EntityIndex) -> list[Event]:
    """An attack or arrest told with no actor, in an article where another of its type names its
    actor ("Iran fires missiles at Israel ... In Haifa, four people are injured"), is most likely that
    one told again by its toll: it is scored as one by no one named after all."""
    named_types = {event.type for event in events if not (event.provenance.negated or event.provenance.hypothetical)
             and named(event.actors, index)}  # fmt: skip
    return [
        dataclasses.replace(event, provenance=dataclasses.replace(
            event.provenance, confidence=confidence.score(event.provenance.confidence, unnamed=True)))
        if not event.actors and event.type in named_types and _followed(event.type, event.targets, event.location, index)
        else event
        for event in events
    ]  # fmt: skip


def _told_before(token: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex,
                 times: list[tuple[int, int, Interval]], events: list[Event], year: int | None) -> bool:  # fmt: skip
    """ "Two people confirmed *the call* occurred late last week and included Rubio": a definite
    event noun with no parties of its own is the event told before. It adds who took part and,
    when narrower, when it happened, to the latest earlier event of its type (and mode)."""
    if token.pos_ != "NOUN" or not definite(token):
        return False
    table = lex.events
    if index.follow(token, [*table.paths(trigger, "actors"), *table.paths(trigger, "targets")]):
        return False
    mode = _mode(token, trigger, table, EventType(trigger.label))
    i = max((i for i, event in enumerate(events) if event.type.value == trigger.label
             and (mode is None or event.mode in (None, mode)) and not event.provenance.hypothetical
             and event.provenance.evidence.start < token.idx), default=None)  # fmt: skip
    if i is None:
        return False
    event = events[i]
    joined = [key for key in named_by(token, table.paths(trigger, "participants"), index) if key not in event.targets]
    when = clause_time(token, times, own_year=False, published=year)  # "following *the 2024 invasion*": its year names it
    if when is None or event.when is not None and when.latest - when.earliest >= event.when.latest - event.when.earliest:
        when = event.when  # the narrower of the two
    events[i] = dataclasses.replace(event, actors=tuple(dict.fromkeys((*event.actors, *joined))), when=when)
    return True


def _claimed_attacks(doc: Doc, index: EntityIndex, lex: Lexicons, events: list[Event]) -> list[Event]:
    """ "Bombs struck X. Y claimed responsibility for the attack.": a party owning a definite attack
    noun ("the attack", "the bombings") claims the latest earlier attack whose actor the article
    did not state; the attack is stored again with the claimant as its actor, claimed by it. A bare
    claim ("Y claims responsibility.") owns only an attack of the sentence just before."""
    claims: list[Event] = []
    for token in tokens_whose(doc, "LEMMA", ("responsibility",)):
        verb = _owning_verb(token)
        if verb is None or assess(verb, index, lex.cues).negated:
            continue  # "has not claimed responsibility"
        claimants = named_by(verb, [SUBJECT], index)
        unstated = [event for event in events if event.type is EventType.ASSAULT and not event.actors
                    and not event.provenance.negated and event.provenance.evidence.end <= token.idx]  # fmt: skip
        if not (claimants and unstated):
            continue
        attack = max(unstated, key=lambda event: event.provenance.evidence.start)
        if not _owns_attack(token, lex, attack):
            continue
        evidence = sentence_evidence(token.sent)
        provenance = Provenance(evidence, NAME, confidence.score(attack.provenance.confidence, inherited=True), claimants[0])
        claims.append(dataclasses.replace(attack, actors=(claimants[0],), provenance=provenance))
    return claims


def _owning_verb(responsibility: Token) -> Token | None:
    """The verb by which a party takes the responsibility: its head ("X claimed responsibility"),
    or the verb the parser made a compound of it ("The Front claims responsibility.")."""
    if responsibility.dep_ == "dobj" and responsibility.head.lemma_.lower() in OWNING:
        return responsibility.head
    return next((child for child in responsibility.children
                 if child.dep_ == "compound" and child.pos_ == "VERB" and child.lemma_.lower() in OWNING), None)  # fmt: skip


def _owns_attack(responsibility: Token, lex: Lexicons, attack: Event) -> bool:
    """The responsibility is for a definite attack noun ("for the attack"), or for nothing said,
    after the attack's own sentence ("... in a bombing in X. Y claims responsibility.")."""
    owned = RESPONSIBLE_FOR.follow(responsibility)
    if not owned:
        sent = responsibility.sent
        return sent.start > 0 and attack.provenance.evidence.start >= responsibility.doc[sent.start - 1].sent.start_char
    return any(attack_trigger(noun, lex) is not None and definite(noun) for noun in owned)


def _denied_claims(doc: Doc, index: EntityIndex, lex: Lexicons, events: list[Event]) -> list[Event]:
    """ "X says it struck Y. Z denies the claim.": a definite claim noun with no words of its own
    ("the claim", "the reports"), the object of a denying verb, stands for the claims of the
    latest earlier sentence that someone other than the denier made; each is stored again,
    negated and claimed by the denier, so the claim is contested."""
    denying = {word for (where, word), kind in lex.cues.items() if kind == "negation" and where in ("governor", "complement")}
    denials: list[Event] = []
    for token in tokens_whose(doc, "LEMMA", CLAIM_NOUNS):
        verb = token.head
        if token.dep_ != "dobj" or verb.lemma_.lower() not in denying or not definite(token) or any(
            child.dep_ not in ("det", "amod") for child in token.children
        ):
            continue
        deniers = named_by(verb, [SUBJECT], index)
        claims = [event for event in events if event.provenance.claimed_by not in (None, *deniers)
                  and not event.provenance.negated and event.provenance.evidence.end <= token.idx]  # fmt: skip
        if not (deniers and claims):
            continue
        latest = max(event.provenance.evidence.start for event in claims)
        claimed = [event for event in claims if event.provenance.evidence.start == latest]
        evidence = sentence_evidence(token.sent)
        # The denier rejects the claimant ("Ukraine rejected Russia's claim").
        score = confidence.score(lex.events.coded[EventType.REJECT.value].base, inherited=True)
        denials += [
            Event(EventType.REJECT, (deniers[0],), (claimant,), Provenance(evidence, NAME, score))
            for claimant in dict.fromkeys(event.provenance.claimed_by or "" for event in claimed)
        ]
        denials += [
            dataclasses.replace(event, provenance=Provenance(
                evidence, NAME, confidence.score(event.provenance.confidence, negated=True), deniers[0], True,
                event.provenance.hypothetical))
            for event in claimed
        ]  # fmt: skip
    return denials


def _pairs(event: Event, index: EntityIndex) -> list[Event]:
    """One event per acting party and per party acted upon ("Saudi Arabia and the US accused
    Iran" is two accusations; "Buhari and Talon signed the AfCFTA" two signatures); a state
    stays with the person or force acting for it ("the Chinese PLA Navy": one party), and the
    state or organisation of a person's title with that person, acting or acted upon ("Italian
    Foreign Minister Antonio Tajani", "Hamas commander X was killed": one event, the person first)."""
    states = {key for key in event.actors if index.type_of(key) is EntityType.STATE}
    others = [key for key in event.actors if key not in states]
    # Mixed only where the states are those of the others ("the *Chinese* PLA Navy"), not a list
    # of parties that names states and others ("Pope Francis, Germany and France").
    mixed = bool(states and others) and states <= states_of(others, index)
    groups = [event.actors] if mixed else _with_titles(event.actors, event.provenance.evidence, index)
    targets = _with_titles(event.targets, event.provenance.evidence, index)
    # No one acts on themselves ("accuse each other").
    return [dataclasses.replace(event, actors=actors, targets=target) for actors in groups for target in targets
            if not set(target) & set(actors)]  # fmt: skip


def _with_titles(keys: tuple[str, ...], sentence: Mention, index: EntityIndex) -> list[tuple[str, ...]]:
    """One tuple per party, a person's with the parties of the person's title in `sentence`."""
    titles = {key: [party for party in _title_parties(key, sentence, index) if party in keys]
              for key in keys if index.type_of(key) is EntityType.PERSON}  # fmt: skip
    joined = {party for parties in titles.values() for party in parties}
    return [(key, *titles.get(key, ())) for key in keys if key not in joined] or [()]


def _title_parties(person: str, sentence: Mention, index: EntityIndex) -> list[str]:
    """The states and organisations that qualify a title of `person` in `sentence` (a role word of
    patterns/roles.tsv): before the name ("*Quds Force* commander Esmail Qaani"), before the
    title noun the name stands in apposition to ("the *Italian* Foreign Minister, Antonio Tajani"),
    or in a run of titles the parser makes the name a conjunct of ("*Malian* president and military
    leader Assimi Goïta"); not a nationality alone ("the *Israeli* hostage X")."""
    parties: list[str] = []
    for token in mention_ends(person, index):
        if not sentence.start <= token.idx < sentence.end:
            continue
        doc = token.doc
        phrases = [doc[token.left_edge.i : token.i + 1]]
        if token.dep_ == "appos" and index.at(token.head) is None:
            phrases.append(doc[token.head.left_edge.i : token.head.i + 1])
        if _titled_conjunct(token):
            phrases.append(doc[token.head.left_edge.i : token.i + 1])
        for phrase in phrases:
            if any(word.lower_ in _title_nouns() and index.at(word) is None for word in phrase):
                parties += index.in_span(phrase, [EntityType.STATE, EntityType.ORGANIZATION])
    return list(dict.fromkeys(party for party in parties if party != person))


def _titled_conjunct(name: Token) -> bool:
    """A name the parser joins as a conjunct to the title that heads a run of titles, with another
    title between them ("president and military leader *Goïta*": one person, not three parties)."""
    return (name.dep_ == "conj" and name.head.lower_ in _title_nouns()
            and any(word.lower_ in _title_nouns() for word in name.doc[name.head.i + 1 : name.i]))  # fmt: skip


@lru_cache(maxsize=1)
def _title_nouns() -> frozenset[str]:
    """The last words of the titles of patterns/roles.tsv ("minister", "commander")."""
    return frozenset(surface.split()[-1] for surface in load_role_words())


def _each_other(token: Token) -> bool:
    """The verb's object (or the object of its preposition) is "each other" or "one another"."""
    return any(part.lower_ == "other" and part.i > 0 and token.doc[part.i - 1].lower_ in ("each", "one")
               for child in token.children if child.dep_ in ("dobj", "prep") for part in child.subtree)  # fmt: skip


def _halted(token: Token, verbs: frozenset[str]) -> bool:
    """The trigger is what a verb of `verbs` stops (`_halting`)."""
    return _halting(token, verbs) is not None


def _halting(token: Token, verbs: frozenset[str]) -> Token | None:
    """The verb of `verbs` that stops the trigger, if one does: the trigger is its object or
    complement ("stop strikes", "halt attacking"), the "of" phrase of that object ("suspends the
    implementation of the accord"), what it leaves ("withdrew X from a treaty", "pulled out of
    the deal") or the "on" phrase of a verb with a particle ("held off on strikes"); a later
    conjunct stops with the first."""
    node = _first_conjunct(token)
    if node.dep_ == "pobj" and node.head.head.pos_ == "VERB" and (
        node.head.lower_ in ("from", "of") or node.head.lower_ == "on" and any(c.dep_ == "prt" for c in node.head.head.children)
    ):
        return node.head.head if verb_forms(node.head.head) & verbs else None
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
        node = node.head.head
    gerund = node.dep_ == "acl" and node.tag_ == "VBG"  # "Trump cancels sending", the verb misread as a noun
    return node.head if (node.dep_ in ("dobj", "xcomp", "nsubjpass") or gerund) and verb_forms(node.head) & verbs else None


def _first_conjunct(token: Token) -> Token:
    """The first of the nouns a trigger noun is coordinated with: its head along `conj`, or the like
    noun the parser hung it under ("reduces X's tariffs on cars and Y's tariffs on seeds": the
    second *tariffs* joined to *cars*, inside the first one's phrase)."""
    if token.pos_ != "NOUN" or token.dep_ != "conj":
        return token
    node = first_of_list(token)
    for ancestor in node.ancestors:
        if ancestor.lemma_ == token.lemma_:
            return ancestor
        if ancestor.dep_ not in ("pobj", "prep", "conj"):
            break
    return node


def _people_of_state(key: str, sent: Span, index: EntityIndex) -> bool:
    """The sentence names the state only by its people, a plural demonym ("26 *Palestinians*":
    kg.extract.entities)."""
    mentions = [t for t in index.tokens_of(key) if sent.start <= t.i < sent.end]
    return index.type_of(key) is EntityType.STATE and bool(mentions) and all(t.tag_ in ("NNPS", "NNS") for t in mentions)


def _owners_of_assets(token: Token, paths: Iterable[Path], index: EntityIndex) -> list[str]:
    """The owners of the unnamed assets a trigger's target paths reach, of any class: the states
    whose demonym or name qualifies them ("nine *Nigerian* troops", "an *American* warship", "shoots
    down a *Russian* Air Force Mil Mi-8": the owner may qualify the designation), and the
    organizations that hold them by a possessive ("*the Black Sea Fleet's* frigate"). The CAMEO
    agents dictionary codes such nouns (warship, destroyer, frigate, submarine, drone aircraft,
    fighter jet, troops) as the military sector of the actor that qualifies them."""
    return list(dict.fromkeys(key for head in heads_reached(token, paths) if _unnamed_asset(head, index)
                              for word in index.inside(head, index.at(head) or "") for key in index.owners_of(word)))  # fmt: skip


def _unnamed_asset(token: Token, index: EntityIndex) -> bool:
    """The token belongs to a military asset that no name holds."""
    key = index.at(token)
    return key is not None and index.type_of(key) is EntityType.MILITARY_ASSET and not index.entities[key].named


def _people_struck(events: list[Event], doc: Doc, index: EntityIndex) -> dict[int, frozenset[str]]:
    """By the start of its sentence: the states the sentence's attacks strike that it names only by
    their people (`_people_of_state`), unnamed targets to the dedup as groups are."""
    sents = {sent.start_char: sent for sent in doc.sents}
    struck: dict[int, frozenset[str]] = {}
    for event in events:
        start = event.provenance.evidence.start
        if event.type is EventType.ASSAULT and start in sents:
            people = {key for key in event.targets if _people_of_state(key, sents[start], index)}
            struck[start] = struck.get(start, frozenset()) | people
    return struck


def _owned(sent: Span, actors: list[str], index: EntityIndex) -> set[str]:
    """Entities the sentence names with a possessive pronoun standing for an actor ("their
    401st Brigade" after "Israeli forces claim")."""
    owned: set[str] = set()
    for token in sent:
        if index.at(token) is not None and any(child.dep_ == "poss" and child.pos_ == "PRON" and index.antecedent(child) in actors
                                               for child in token.children):  # fmt: skip
            for part in (token, *token.conjuncts):  # "their 401st Brigade and Yahalom Unit": both
                key = index.at(part)
                if key:
                    owned.add(key)
    return owned


# How what is asked for hangs on the asking verb: "urged X *to withdraw*", "demanded that X
# *leave*", "demanded *the release* of"; and how a trigger sits inside it ("asked X to sign
# *the agreement*", "pressed X to halt *strikes*").
ASKED_DEPS = frozenset({"xcomp", "ccomp", "dobj"})
INSIDE_ASKED_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "conj", "advcl"})


def _asked_for(token: Token, lex: Lexicons) -> bool:
    """The trigger is, or lies in, what a request asks for ("urges X to lift sanctions", "asks X
    to sign the agreement", "called for talks"): no event of its own, the request is."""
    node = token
    for _ in range(4):
        head = node.head
        if head.i == node.i or node.dep_ not in INSIDE_ASKED_DEPS or (node.dep_ == "conj" and node.tag_ != head.tag_):
            return False  # "urged X to talk and attacked Y": a finite verb is no part of the asking
        asked = node.dep_ in ASKED_DEPS or adverbial_infinitive(node) or (node.dep_ == "prep" and node.lower_ == "for")
        if asked and head.pos_ == "VERB" and head.lemma_.lower() not in COMMANDS and _requests(head, lex):
            return True
        node = head
    return False


def _requests(token: Token, lex: Lexicons) -> bool:
    """The verb is a request ("*urged* X to ...")."""
    return any(trigger.label == EventType.REQUEST.value for trigger in verb_types(token, lex))


def _met(token: Token, lex: Lexicons, index: EntityIndex) -> list[str]:
    """Whom the meeting or speech verb that governs a trigger addressed: in "meets Netanyahu
    and urges a halt" the urging is addressed to Netanyahu."""
    head = token.head
    if token.dep_ not in ("conj", "advcl") or head.pos_ != "VERB":
        return []
    for trigger in verb_types(head, lex):
        if trigger.label == EventType.CONSULT.value:
            return named_by(head, lex.events.paths(trigger, "targets"), index)
    if head.lemma_.lower() in lex.speech_verbs:
        # "wrote to the US Embassy asking to waive ...": whom the words were addressed to.
        return named_by(head, [ADDRESSEE], index)
    return []


def _force_of_a_thing(token: Token, event_type: EventType, lex: Lexicons) -> bool:
    """A participle of force modifying a thing no one wields ("announces *measures targeting* X",
    "uncover *graves containing* bodies") is no force, nor done by the subject of the clause; a
    weapon, an attack or a plan is the subject's own ("launch *a missile targeting* X", "developed
    *plans targeting* X": a modality cue of patterns/modality.tsv)."""
    head = token.head
    return (event_type in FORCE and token.dep_ == "acl" and token.tag_ == "VBG" and head.pos_ == "NOUN"
            and attack_trigger(head, lex) is None and ("governor", head.lemma_.lower()) not in lex.cues)  # fmt: skip


def _counted(token: Token, lex: Lexicons) -> bool:
    """The object or passive subject is counted, victims or captives no name stands for ("kill
    *78 Palestinians*", "detained *more than 300 supporters*", "*64 Palestinians* are killed by
    Israeli tanks"): someone was acted upon though no entity is. Not weapons counted ("fired *36
    shells*"), which say nothing of whom they hit."""
    return any(not lex.events.by_lemma(counted.lemma_.lower(), "weapon") for counted in _counted_objects(token))


def _on_counted_people(token: Token, trigger: Trigger, event_type: EventType) -> bool:
    """People counted as the object or passive subject, a noun of CAMEO's synsets, are the party
    acted upon where the type needs a recipient ("rescued *20 hostages*", "sentences *eight
    people*") or a release needs none named ("releases *18 prisoners*"); not things counted
    ("purchase *five frigates*"), nor a state's nationals brought home ("repatriates *73 nationals*")."""
    people = RECIPIENT_NOUNS if event_type in RECIPIENT_TYPES else RELEASED_NOUNS if trigger.flag("unnamed_targets") else frozenset()
    return any(counted.lemma_.lower() in people or counted.lower_ in people for counted in _counted_objects(token))


def _counted_objects(token: Token) -> list[Token]:
    """The object or passive subject of `token` that a number counts ("kill *78* Palestinians")."""
    return [child for child in token.children
            if child.dep_ in ("dobj", "nsubjpass") and any(n.dep_ == "nummod" for n in child.children)]  # fmt: skip


def _protest_participle(token: Token) -> Token | None:
    """The noun a present participle of protest with no auxiliary belongs to: the noun it modifies
    ("students *protesting* outside parliament", never the clause's subject), or its own subject
    nearest before it ("fired tear gas at protesters *marching*": not the firing police); as the
    sentence's root, the participle is a finite verb the parser misread as a noun inside the
    subject ("Indian riot police baton-charge protesters *marching*")."""
    if token.tag_ != "VBG" or any(child.dep_ in ("aux", "auxpass") for child in token.children):
        return None
    if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i < token.i:
        return token.head
    return max((child for child in token.children if child.dep_ == "nsubj" and child.i < token.i), key=lambda c: c.i, default=None)


def _inherited_subject(token: Token, index: EntityIndex) -> tuple[list[str], bool]:
    """The subject a trigger without one shares with the verb that governs it, and whether it is
    that verb's object ("accused Kyiv of shelling") rather than its subject. A passive
    trigger inherits nothing: in "X died after being shot" X is the one shot, not the shooter; nor
    does a bare participle ("X arrests 115 suspects, *connected* with IS attacks")."""
    bare_participle = token.dep_ in ("acl", "advcl") and token.tag_ == "VBN" and not any(c.dep_ == "aux" for c in token.children)
    if bare_participle or any(child.dep_ in ("auxpass", "nsubjpass") for child in token.children) or headline_passive(token):
        return [], False
    node = token
    for _ in range(4):
        if node.dep_ not in INHERIT_DEPS and not (node.pos_ in ("NOUN", "PROPN") and node.dep_ in ("dobj", "pobj")):
            return [], False
        if node.dep_ == "advcl" and any(child.pos_ != "PRON" for child in SUBJECT.follow(node)):
            return [], False  # "X bans Y after *a mine explosion injures* two soldiers": the clause's own subject acts
        head = node.head
        if node.dep_ == "conj" and (agreeing := _agreeing_governor(node)) is not None:
            return acting(agreeing, [SUBJECT], index), False
        if head.i == node.i or (node.dep_ in ("dobj", "xcomp", "pobj") and head.lemma_.lower() in AVERTING) or (
            node.pos_ in ("NOUN", "PROPN") and node.dep_ == "pobj" and head.lower_ not in TAKING_PART
        ):
            return [], False
        if node.dep_ == "xcomp" and head.lemma_.lower() in CAUSING and OBJECT.follow(head):
            # "prompting the foreign ministry to warn", "forcing X to flee": the one moved acts, not the mover.
            return acting(head, [OBJECT], index), True
        if node.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("of", "for", "against") and head.head.pos_ == "VERB":
            # "accused Kyiv of shelling", "thanked X for helping", "warned X against sending
            # troops": the object does it.
            return named_by(head.head, [OBJECT], index), True
        if node.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("of", "for", "against") and (doer := _charged_party(head.head, index)) is not None:
            return doer, True
        found = acting(head, [SUBJECT], index)
        if found:
            return found, False
        node = head
    return [], False


def _charged_party(noun: Token, index: EntityIndex) -> list[str] | None:
    """Who does a deed whose phrase the parser hung on a noun rather than on the verb that charges
    it, where that is not the verb's subject: no one stated, when `noun` is a suspicion or charge on
    the verb ("arrests 25 people *on suspicion of* attacking", "executes two members *on charges of*
    carrying out attacks": the deed is only alleged); the verb's object, when `noun` is that object
    and the verb one of charge or punishment ("convicts *three men* of attacking", "accuses
    *Hezbollah militants* of kidnapping"), as where the phrase hangs on the verb. None elsewhere
    ("claims responsibility for attacking", "approves a U.S. proposal for disarming X": the
    subject's own, or another reading's)."""
    if noun.dep_ == "pobj" and noun.lemma_.lower() in CHARGE_NOUNS and noun.head.dep_ == "prep":
        return []
    verb = noun.head
    if noun.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in CHARGING:
        return named_by(verb, [OBJECT], index)
    return None


# Present-tense verbs by number: a conjunct of the other number whose head's subject disagrees with it
# is joined to the wrong verb.
VERB_NUMBER = {"VBZ": "singular", "VBP": "plural"}
PLURAL_TAGS, SINGULAR_TAGS = frozenset({"NNS", "NNPS"}), frozenset({"NN", "NNP"})


def _agreeing_governor(conjunct: Token) -> Token | None:
    """The verb a present-tense conjunct with no subject of its own belongs with when the parser joined
    it to a verb of the other number whose subject disagrees with it: the nearest verb above of its own
    number that has a subject ("X loses her majority after the Progressives *withdraw* support and
    *calls* for talks": X calls). None where the head agrees, or no verb above does (a slip of the
    writer's, "forces carry out a raid and kills a leader": the head's subject stays)."""
    head, number = conjunct.head, VERB_NUMBER.get(conjunct.tag_)
    if number is None or VERB_NUMBER.get(head.tag_, number) == number or any(c.dep_ in ("nsubj", "nsubjpass") for c in conjunct.children):
        return None
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or _number(subjects[0]) != VERB_NUMBER[head.tag_]:
        return None
    node = head
    while node.head.i != node.i:
        node = node.head
        if node.tag_ == conjunct.tag_ and any(_number(c) == number for c in node.children if c.dep_ in ("nsubj", "nsubjpass")):
            return node
    return None


def _number(subject: Token) -> str | None:
    """The grammatical number of a subject noun or pronoun, where its tag or word tells it."""
    if subject.tag_ in PLURAL_TAGS or subject.lower_ in ("they", "we") or any(c.dep_ == "conj" for c in subject.children):
        return "plural"
    if subject.tag_ in SINGULAR_TAGS or subject.lower_ in ("he", "she", "it"):
        return "singular"
    return None


def _shared_patient(token: Token, index: EntityIndex) -> list[str]:
    """The one a passive conjunct without a subject of its own acts on: the subject of the verb
    it is joined to ("X interrupts a hearing and *is removed* by police": X is removed)."""
    if token.dep_ != "conj" or token.pos_ != "VERB":
        return []
    deps = {child.dep_ for child in token.children}
    if "auxpass" not in deps or deps & {"nsubj", "nsubjpass", "expl"}:
        return []
    return [key for child in token.head.children if child.dep_ in ("nsubj", "nsubjpass") for key in index.entities_of(child)]


# Kinds of organization that are a state's own forces or bodies (not a party or an armed group
# named after the state: "the *Pakistani* Taliban" fights Pakistan).
STATE_FORCE_KINDS = frozenset({"ArmedForces", "MilitaryUnit", "GovernmentBody"})


def _forces_states(actors: list[str], index: EntityIndex) -> set[str]:
    """The states whose own forces or bodies act (the state their name or qualifier names: "the
    *Israeli* Air Force", "the *Thai* navy"; a group of a state's forces acts as the state itself,
    which no one acts on). Such a force attacking its own state is a misreading of who attacked
    ("the Israeli Air Force intercepts Iranian missiles fired at Israel": the attacker is not the
    subject the clause lent)."""
    forces = [key for key in actors
              if index.type_of(key) is EntityType.ORGANIZATION and index.entities[key].kind in STATE_FORCE_KINDS]  # fmt: skip
    return states_of(forces, index) | states_in_names(forces, index) if forces else set()


def _own_words(modality: Modality, actors: list[str], index: EntityIndex) -> bool:
    """Whether the claim is the actor's own word: told by no one, by the actor, or by one named as
    the acting state's own ("*Israeli* Prime Minister Netanyahu says Israel will retaliate")."""
    claimant = modality.claimed_by
    return claimant is None or claimant in actors or not set(actors).isdisjoint(states_of([claimant], index))


# What a refusal refuses, read on its own as a negated meeting or agreement ("refuses to
# *negotiate* with Y", "will not take part in *talks* with Y").
_REFUSED_TYPES = frozenset({EventType.CONSULT, EventType.AGREE})


def _refused_reading(event: Event, refusals: list[Event]) -> bool:
    """Whether an event is the negated meeting or agreement a refusal's own words tell ("X refuses
    to negotiate with Y": X's REJECT, CAMEO 125, not beside it a negated CONSULT X -> Y): told in
    the refusal's sentence, between the same parties either way. The act a joining would have
    done ("will not join Y in striking Z") is no meeting or agreement and stays."""
    parties = set(event.actors) | set(event.targets)
    return event.provenance.negated and event.type in _REFUSED_TYPES and any(
        event.provenance.evidence == refusal.provenance.evidence and parties <= set(refusal.actors) | set(refusal.targets)
        for refusal in refusals
    )  # fmt: skip


def _refusal(token: Token, trigger: Trigger, modality: Modality, actors: list[str], sent: Span, lex: Lexicons,
             index: EntityIndex) -> Modality | None:  # fmt: skip
    """The modality of a refusal ("X will not join Y", "X refused to take part in talks with Y":
    PLOVER's REJECT, CAMEO's DECLINE * JOIN): the refusal is the event, stated, not a joining
    denied. "Will not" refuses only in the actor's own words ("Z says X will not join NATO" is Z's
    forecast); a possibility or a condition around it ("may refuse", "unless ...") keeps it
    hypothetical. So with an intending word negated ("X does not plan to negotiate"): the plan
    is the refusal, not a possibility."""
    negated_intent = token.head.lemma_.lower() in trigger.words("refusal_negated_governors")
    if (negated_intent or any(child.dep_ == "neg" for child in token.children)) and not _own_words(modality, actors, index):
        return None
    open_cues = {lemma for lemma in _cue_lemmas(modality, sent) if any(lex.cues.get((place, lemma)) == "hypothetical" for place in MODALITY_PLACES)}
    refusing = trigger.words("refusal_modals") | trigger.words("refusal_negated_governors")
    return dataclasses.replace(modality, negated=False, hypothetical=bool(open_cues - refusing))


def _intended(modality: Modality, sent: Span, lex: Lexicons) -> bool:
    """Whether the cues that make the claim hypothetical are the actor's intent ("will", "pledged
    to", "is ready to"), not a possibility or another party's request; speech verbs aside."""
    hypothetical = {lemma for lemma in _cue_lemmas(modality, sent) if lex.cues.get(("governor", lemma)) != "attribution"}
    return bool(hypothetical) and hypothetical <= INTENT_CUES


def _cue_lemmas(modality: Modality, sent: Span) -> set[str]:
    """The lemmas of the sentence's words that are among the cues that set the claim's modality."""
    words = set((modality.cue or "").split())
    return {token.lemma_.lower() for token in sent if token.text in words}


def _party_itself(token: Token, trigger: Trigger, targets: list[str], events: Lexicon, index: EntityIndex) -> bool:
    """Whether a target is a party itself, not only what qualifies the object ("*American* aircraft")."""
    paths = events.paths(trigger, "targets")
    qualifying = set(index.follow(token, paths)) - set(index.follow(token, paths, qualifiers=False))
    return not set(targets) <= qualifying


def _speakers(token: Token, actors: list[str], lex: Lexicons, index: EntityIndex) -> set[str]:
    """The actors who only speak of the act: a person with a title of `speaker_nouns`
    (spokesperson) who is the subject of a speech verb whose object the event noun is ("JNIM
    *spokesman* X *announces* a blockade"): the act announced is that of the party spoken for."""
    verb = token.head
    if token.pos_ != "NOUN" or token.dep_ != "dobj" or verb.lemma_.lower() not in lex.speech_verbs:
        return set()
    return {key for subject in verb.children if subject.dep_ == "nsubj" and (key := index.at(subject)) in actors
            and index.type_of(key) is EntityType.PERSON
            and any(word.lower_ in SPEAKER_NOUNS for word in subject.subtree)}  # fmt: skip


def _speaker_state(actors: list[str], claimant: str | None, index: EntityIndex) -> str | None:
    """The one state a claimant is or speaks for ("*Nigerian* President Bola Tinubu says"), where
    every actor is an organ of no stated state ("the military"): the forces of the speaker's state
    (looked for only then: a speaker's states are read from the whole article)."""
    organs = [index.entities[key] for key in actors]
    if claimant is None or not organs or not all(
        entity.type is EntityType.GROUP and entity.state is None and entity.sector in STATE_ORGANS for entity in organs
    ):  # fmt: skip
        return None
    if index.type_of(claimant) is EntityType.STATE:
        return claimant
    states = states_of([claimant], index)
    return states.pop() if len(states) == 1 else None


def _steps(token: Token, index: EntityIndex, keys: list[str], *, one_list: bool = False,
           restated: list[Token] | None = None) -> int:  # fmt: skip
    """Dependency steps from the trigger (or a purpose clause that restates it, `restated`) to its
    farthest argument's nearest token; with `one_list`, a side is as far as the head of the first
    phrase of its list ("between the *Ethiopian* army and *Y*")."""
    farthest = 1
    anchors = [token, *(restated or ())]
    for key in keys:
        mentions = [_side_head(other) if one_list else other for other in token.sent if index.at(other) == key]
        farthest = max(farthest, min((_tree_distance(anchor, mention) for mention in mentions for anchor in anchors), default=1))
    return farthest


def _purpose_clauses(token: Token, trigger: Trigger) -> list[Token]:
    """The purpose infinitives of the trigger's clause that restate its event in a verb of the
    trigger's `purpose_verbs` ("protests are held in X *to protest* against Y", "people gather *to
    protest* against Y"): an argument they name is as near as it is to them."""
    verbs = trigger.words("purpose_verbs")
    if not verbs:
        return []
    clause = token.head if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass", "dobj") else token
    return [child for child in clause.children if child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() in verbs
            and any(word.dep_ == "aux" and word.lower_ == "to" for word in child.children)]  # fmt: skip


def _side_head(token: Token) -> Token:
    """The head of the first phrase of the list `token` names a side in ("X, Y and *Z*": X; "the
    *Ethiopian* federal army": army), or `token` itself."""
    while token.dep_ in SIDE_DEPS:
        token = token.head
    return token


def _reciprocal(token: Token, trigger: Trigger) -> bool:
    """A trigger whose parties each act on the others: a fight ("A clashed with B", "clashes between
    A and B", "A and B exchanged fire"), a swap."""
    return trigger.flag("reciprocal") or token.lemma_.lower() in trigger.words("reciprocal_lemmas")


def _directed(token: Token, trigger: Trigger) -> bool:
    """A fight *against* one side ("troops who died fighting against Ukraine"): that side is the
    target only, it does not fight back in the telling."""
    return any(child.dep_ == "prep" and child.lower_ in trigger.words("directed_by") for child in token.children)


def _tree_distance(a: Token, b: Token) -> int:
    """Steps between two tokens in the parse tree, counting content words only: a list ("China,
    India and Russia") is one step, and so is a prepositional phrase ("with the navies of China")."""
    up_a, up_b = ([t for t in (x, *x.ancestors) if t is x or t.dep_ not in FUNCTION_DEPS] for x in (a, b))
    return next(i + up_b.index(node) for i, node in enumerate(up_a) if node in up_b)  # the root, at the latest


def _told_in(token: Token, row: ModeWords) -> bool:
    """Whether the trigger was told in one of the row's words ("agree *during a phone call*")."""
    return bool(row.words & {word.lemma_.lower() for word in heads_reached(token, row.told_in_paths)})


def _threat_mode(act: EventType, mode: str | None, threat: Trigger) -> str | None:
    """The codebook's mode of a threat to do `act` in `mode` (the coded THREATEN row's
    `threatened_acts`, by type and mode, else by type): a threatened attack threatens violence, a
    threatened seizure territory; an act they do not name gives none."""
    modes: dict[str, str] = threat.options.get("threatened_acts", {})
    return modes.get(f"{act.value} {mode}") or modes.get(act.value)


def _mode(token: Token, trigger: Trigger, events: Lexicon, event_type: EventType) -> str | None:
    """The trigger's own mode, else a mode word near it that can describe an event of `event_type`
    (a *phone* CONSULT, not a *phone* attack: "*calling* the attack retaliation"; an agreement
    "*during a phone call*"), else its default or its CAMEO code's mode."""
    if trigger.options.get("mode"):
        return str(trigger.options["mode"])
    nearby = {token.lemma_.lower(), token.lower_, *(child.lemma_.lower() for child in token.children)}
    nearby.update(grandchild.lemma_.lower() for child in token.children if child.dep_ in ("prep", "compound", "amod")
                  for grandchild in child.children)  # fmt: skip
    found = next((row.mode for row in events.modes if event_type in row.types and nearby & row.words), None) or next(
        (row.mode for row in events.modes if event_type in row.told_in_types and _told_in(token, row)), None
    )
    if found is not None:
        return found
    if token.lemma_.lower() in trigger.words("mode_lemmas"):
        return str(trigger.options.get("mode_default"))
    coded = trigger.options.get("coded_mode")  # the PLOVER mode of the verb's CAMEO code
    return str(coded) if coded else None


