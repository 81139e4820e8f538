"""PLOVER events (extractor "kg.events.v2"): annotated Doc + entities -> Event claims.

A verb's type and mode come from the CAMEO verb dictionary (kg.extract.coder) unless one of
its hand-written triggers applies; nouns (event nouns, light verbs: "held talks with") and
the constructions CAMEO lacks are triggers of patterns/events.jsonl, as are the argument
paths and options of each type. For each trigger word: actors and targets by dependency paths
(inherited from a governing verb when the trigger has no subject of its own), the date of its
clause (else the lead's: `_dated_by_lead`), modality and attribution (kg.extract.modality) and
the score (kg.extract.confidence).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING, Any

from kg.extract import confidence
from kg.extract.arguments import OWNERS, RELATIVE, REPRESENTATIVES, EntityIndex, clause_time, members_named, sentence_evidence, topic_line_end
from kg.extract.assets import asset_tokens
from kg.extract.coder import headline_passive, verb_dictionary
from kg.extract.lexicon import WORDS, Lexicon, Lexicons, Trigger, load_lexicons
from kg.extract.modality import adverbial_infinitive, assess, partisan
from kg.extract.paths import AGENT_OBJECT, OBJECT, OF_OBJECT, SUBJECT, Path, parse_path
from kg.extract.roles import load_role_words
from kg.gazetteer import load_gazetteer
from kg.nlp import tokens_whose
from kg.records import Article, Entity, EntityType, Event, EventType, Interval, Mention, Provenance
from kg.timex import find_times

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NAME = "kg.events.v2"
WATER_NOUNS = WORDS["water_nouns"]
NEARBY_PREPOSITIONS = WORDS["nearby_prepositions"]
PLACE_NOUNS = WORDS["place_nouns"]
AVERTING, COMMANDS, OUTCOMES = WORDS["averting_verbs"], WORDS["command_verbs"], WORDS["outcome_verbs"]
CLAIM_NOUNS, OWNING = WORDS["claim_nouns"], WORDS["owning_verbs"]
PARTIES = (EntityType.PERSON, EntityType.STATE, EntityType.ORGANIZATION)
# Types of force: their targets may be military assets ("a missile attack targeting the USS ..."),
# and their passive subject is the one acted upon: "X was killed / arrested in Y" reports the event
# even where the article never says who did it.
FORCE = frozenset({EventType.ASSAULT, EventType.COERCE})
ADDRESSEE, RESPONSIBLE_FOR = parse_path(">prep[to]>pobj"), parse_path(">prep[for]>pobj")
PASSIVE_SUBJECT = parse_path(">nsubjpass")
WITH_OBJECT = parse_path(">prep[with,against]>pobj")
# What one says to the party one meets: "met X and urged a halt", "meets X, agreeing to ...".
SAID_TO = frozenset({EventType.AGREE, EventType.REQUEST, EventType.CONCEDE, EventType.REJECT, EventType.SUPPORT})
# Where a gerund stands for its event noun ("*Fighting* between X and Y killed 12").
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
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
    body_start = topic_line_end(article)
    for sent in doc.sents:
        times = find_times(sent, article.published) if article.published else []
        for token in sent:
            if token.pos_ not in ("VERB", "NOUN") or token.idx < body_start:
                continue
            superseded: set[str] = set()  # "X and Y hold exercises": a cooperation, not each one's mobilization
            for trigger in _triggers(token, lex, assets):
                if trigger.label in superseded or _told_before(token, trigger, lex, index, times, events):
                    continue
                if (read := _read(token, trigger, lex, index, assets, times, sent)) is None:
                    continue
                event, whole = read
                superseded |= trigger.words("supersedes")
                for one in [event] if whole else _pairs(event, index):
                    events.append(one)
                    if one.targets and _reciprocal(token, trigger):
                        # "A and B exchanged fire", "A clashed with B": each fought the other.
                        events.append(dataclasses.replace(one, actors=one.targets, targets=one.actors))
    groups = frozenset(_groups(index.entities, index))
    places = frozenset(key for key, entity in index.entities.items() if entity.type is EntityType.LOCATION)
    events = _told_of_named(events + _claimed_attacks(doc, index, lex, events), index)
    events += _denied_claims(doc, index, lex, events)
    events = _deduplicate(events, headline_end, groups, places, _people_struck(events, doc, index))
    return _dated_by_lead(events, doc, article, headline_end, lex, index, assets)


def _dated_by_lead(events: list[Event], doc: Doc, article: Article, headline_end: int, lex: Lexicons, index: EntityIndex,
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
            frames += [(trigger.label, set(_named_by(verb, lex.events.paths(trigger, "actors"), index)), when)
                       for trigger in _triggers(verb, lex, assets)]  # fmt: skip
    return [
        next((dataclasses.replace(event, when=when) for label, actors, when in frames
              if label == event.type.value and actors.intersection(event.actors)), event)
        if event.when is None and not event.provenance.hypothetical and event.provenance.evidence.start >= lead.end_char
        else event
        for event in events
    ]  # fmt: skip


def _triggers(token: Token, lex: Lexicons, assets: set[int]) -> list[Trigger]:
    """The triggers a word stands for: a noun's from patterns/events.jsonl, a verb's from
    there or the CAMEO coder. A present-tense verb the tagger read as a noun ("Iran *summons*
    the ambassador", "the Air Force *bombs* targets") or made a modifier of its object ("Russia
    *fires* missiles at X") is read as the verb its form inflects, with the argument paths for
    such parses ("VERB:misread")."""
    events = lex.events
    lemma = token.lemma_.lower()
    if token.tag_ == "VBG" and token.dep_ in NOMINAL_DEPS and (nouns := events.by_lemma(token.lower_, "NOUN")):
        return nouns  # a gerund in a noun's place: "*fighting* between X and Y killed"
    if token.pos_ == "NOUN":
        nouns = [_held_by_its_verb(trigger, token, lex) for trigger in events.by_lemma(lemma, "NOUN")]
        if not _misread_verb(token):
            return nouns
        candidates = _verb_lemmas(token.lower_)
    else:
        nouns, candidates = [], [lemma]
    misread = token.pos_ == "NOUN" or (token.dep_ == "compound" and token.head.pos_ == "NOUN")
    paths = events.defaults.get("VERB:misread", {}) if misread else {}
    passive = events.defaults.get("VERB:passive", {}) if headline_passive(token) else {}
    verbs: list[Trigger] = []
    for candidate in candidates:
        verbs = _verb_triggers(token, candidate, lex, assets)
        if verbs:
            break
    # A trigger's own paths first ("launch a missile *at* X"), then those of the misparse.
    return nouns + [
        dataclasses.replace(verb, slots={**verb.slots, **{
            slot: tuple(dict.fromkeys((*verb.slots.get(slot, ()), *more))) for slot, more in paths.items()},
            **(passive if _transitive(verb, token) else {})})
        for verb in verbs
    ]  # fmt: skip


def _held_by_its_verb(trigger: Trigger, noun: Token, lex: Lexicons) -> Trigger:
    """A meeting noun takes its parties from the verb it is the object or passive subject of
    only where that verb reads as the meeting itself ("*held* talks", "the agreement was *signed*
    by") or, for an object, as no event at all ("*had* a phone call"); a verb of another event
    ("*welcomed* the talks") or, for a passive, of none ("the call was *seconded* by A and B": an
    appeal backed) leaves the noun its own phrase ("A's call with B")."""
    if not trigger.flag("symmetric") or noun.dep_ not in ("dobj", "nsubjpass") or noun.head.pos_ != "VERB":
        return trigger
    types = {verb.label for verb in _verb_types(noun.head, lex)}
    if types & {trigger.label, *trigger.words("supersedes")} or not types and noun.dep_ == "dobj":
        return trigger
    own = tuple(path for path in lex.events.paths(trigger, "actors") if path.steps[0].down)
    return dataclasses.replace(trigger, slots={**trigger.slots, "actors": own}, options={**trigger.options, "own_phrase": True})


def _transitive(trigger: Trigger, token: Token) -> bool:
    """A trigger whose event acts on someone: not one that stands alone ("X resigned"), between
    its own subjects ("X and Y met", "clashed")."""
    return not (trigger.flag("targetless") or trigger.flag("symmetric") or token.lemma_.lower() in trigger.words("reciprocal_lemmas"))


def _verb_triggers(token: Token, lemma: str, lex: Lexicons, assets: set[int]) -> list[Trigger]:
    """A verb's hand-written triggers whose requirements it meets (constructions the CAMEO
    dictionary lacks: "declared X persona non grata"); else the type the coder gives it, with
    that type's trigger ("coded" in patterns/events.jsonl), unless a hand-written trigger of
    that type for the verb has just failed its requirements ("called X a coward": no call)."""
    written = lex.events.by_lemma(lemma, "VERB")
    own = [trigger for trigger in written if _requirements_met(token, trigger, assets)]
    if own:
        return own
    code = verb_dictionary().code(token, lemma, default=lemma not in lex.events.pattern_only)
    if code is None or code.type is None or code.cameo in lex.events.left_to_others or any(t.label == code.type.value for t in written):
        return []
    template = lex.events.coded[code.type.value]  # patterns/events.jsonl has one for every type
    options = {**template.options, "coded_mode": code.mode} if code.mode else template.options
    if code.mode in template.words("targetless_modes"):
        options = {**options, "targetless": True}  # "X resigns": a resignation acts on no one
    # "appoints X as prime minister": CAMEO codes the naming of an official as cooperation or
    # support, where the text gives a person a title (a role: kg.extract.roles), no event between
    # parties; the reading stays in the store, under the export threshold.
    base = float(template.options["appointing_base"]) if lemma in _cancelling(template.words("appointing_blocks")) else template.base
    return [dataclasses.replace(template, id=f"cameo.{code.cameo}", lemmas=frozenset({lemma}), options=options, base=base)]


def _verb_types(token: Token, lex: Lexicons) -> list[Trigger]:
    """The event triggers a governing verb stands for ("*urged* X, asking ..."); none for another word."""
    return _verb_triggers(token, token.lemma_.lower(), lex, set()) if token.pos_ == "VERB" else []


def _misread_verb(token: Token) -> bool:
    """A noun that takes a direct object, or one with a name before it ("The EU sanctions")
    heading its sentence or in a sentence without any verb, is a verb the tagger misread."""
    if OBJECT.follow(token):
        return True

    def verbless() -> bool:  # asked only where it decides: Token.sent looks for the sentence anew
        return not any(other.pos_ in ("VERB", "AUX") for other in token.sent)

    return any(child.pos_ == "PROPN" and child.dep_ in ("compound", "nsubj", "amod") and child.i < token.i
               for child in token.children) and (token.dep_ == "ROOT" or verbless())  # fmt: skip


def _verb_lemmas(form: str) -> list[str]:
    """Base forms a present-tense verb form may have: "fire" (the Houthis fire), "summons" ->
    "summon", "launches" -> "launch", "carries" -> "carry"."""
    if not form.endswith("s") or form.endswith("ss"):
        return [form]
    return [form[:-1], *([form[:-2]] if form.endswith("es") else []), *([form[:-3] + "y"] if form.endswith("ies") else [])]


def _stated(token: Token, trigger: Trigger, lex: Lexicons, assets: set[int]) -> bool:
    """The trigger word states its event here: its requirements are met and it is not what is
    asked for, the aim of a deployment, travel advice, nor what is called off."""
    if not _requirements_met(token, trigger, assets):
        return False
    if trigger.label != EventType.REQUEST.value and _asked_for(token, lex):
        return False  # "urges X to lift sanctions": the urging is the event, not the lifting
    if adverbial_infinitive(token) and token.head.pos_ == "VERB" and token.head.lemma_.lower() not in COMMANDS and any(
        t.label == EventType.MOBILIZE.value for t in _verb_triggers(token.head, token.head.lemma_.lower(), lex, assets)
    ):
        return False  # "deploys aircraft to monitor X": the aim of a deployment is yet to be done
    if any(c.lemma_.lower() in trigger.words("advisory_objects") for c in OBJECT.follow(token)):
        return False  # "warns its citizens to leave Iran": travel advice, not a threat
    # "postpones his visit", "cancels sending envoys": no meeting, no visit; fighting that a
    # ceasefire ended was fought (and "stops strikes" is a RETREAT: if_halted).
    return not (_halted(token, trigger.words("dropped_by")) or (
        trigger.label != EventType.ASSAULT.value and _halted(token, _cancelling(lex.events.cancelling_blocks))))


def _read(token: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex, assets: set[int],
          times: list[tuple[int, int, Interval]], sent: Span) -> tuple[Event, bool] | None:  # fmt: skip
    """The event a trigger word states, and whether it stays whole (a meeting of two parties)
    rather than one event per pair of parties."""
    if not _stated(token, trigger, lex, assets):
        return None
    events = lex.events
    event_type = EventType(trigger.label)
    # Actor paths are tried in order and the first that names someone wins ("the US buildup",
    # before "the subject of the clause around it").
    actor_types = {EntityType(name) for name in trigger.words("actor_types")} or set(PARTIES)
    actors: list[str] = []
    parties = 0  # the actors named, before the states they act for are added
    one_side = False  # the members a phrase lists ("critics, including X and Y"), one state's forces ("the PLA Navy and Air Force")
    unnamed: list[str] = []  # a group ("gunmen") acts only where nothing names an actor
    for path in events.paths(trigger, "actors"):
        reached = index.follow(token, [path])
        actors = [key for key in _parties(reached, index) if index.type_of(key) in actor_types]
        unnamed = unnamed or _groups(reached, index)
        if actors:
            parties = len(actors)
            heads = path.follow(token)
            # The state an acting organization or person belongs to acts through them ("the Chinese PLA Navy").
            states = dict.fromkeys(key for head in heads for key in index.states_of(head))
            one_side = any(members_named(head) for head in heads) or len(states) == 1 and all(
                index.type_of(key) is EntityType.ORGANIZATION for key in actors)
            actors += [key for key in states if key not in actors]
            break
    inherited = False
    if not actors and not trigger.flag("own_phrase") and not _force_of_a_thing(token, event_type, lex):
        subject = _inherited_subject(token, index)
        actors = [key for key in subject if index.type_of(key) in actor_types]
        inherited = bool(actors)
        if not unnamed:  # "police rescued 46 students, *arresting* eight suspects"
            unnamed = _groups(subject, index)
            inherited = inherited or bool(unnamed)
    if actor_types == set(PARTIES):
        actors = actors or unnamed
    clauses = _attack_clauses(token, lex, index) if event_type is EventType.ASSAULT else []
    if not actors and event_type is EventType.ASSAULT:
        # "four officers were killed in an *Israeli* airstrike": whoever carried out the attack.
        # "three soldiers are killed *when militants attack* a patrol boat": the clause's attacker.
        actors = _noun_attackers(token, lex, index) or _clause_attackers(token, clauses, index)
        inherited = bool(actors)
    target_types = set(PARTIES) | ({EntityType.MILITARY_ASSET} if event_type in FORCE else set())
    if event_type is not EventType.MOBILIZE:  # forces sent are no target
        target_types.add(EntityType.GROUP)
    allowed_targets = {EntityType(name) for name in trigger.words("target_types")}
    if allowed_targets:
        target_types &= allowed_targets
    # "called Theresa May's deal 'lousy'" calls no one: the party called is the object itself or
    # whom it represents ("called the Russian president"), never what merely qualifies it.
    parties_only = trigger.flag("party_objects")
    reached = index.follow(token, events.paths(trigger, "targets"), qualifiers=not parties_only,
                           transparent=REPRESENTATIVES if parties_only else frozenset())  # fmt: skip
    targets = [key for key in reached + _shared_patient(token, index)
               if index.type_of(key) in target_types
               and (index.entities[key].named or index.type_of(key) is not EntityType.MILITARY_ASSET)]  # fmt: skip
    location_paths = events.paths(trigger, "locations")
    places = index.follow(token, location_paths)
    location = next((key for key in places if index.type_of(key) is EntityType.LOCATION), None) or _place_within(
        token, location_paths, index) or (_attack_place(token, clauses, lex, index) or _target_place(token, trigger, lex, index)
                                          if event_type is EventType.ASSAULT else None)  # fmt: skip
    if location is None and not _named(actors, index) and trigger.flag("state_places"):  # "people rally *across* X"
        location = _state_place(token, location_paths, trigger.words("state_places"), index)
    struck: list[str] = []  # the place unnamed victims were struck in, a target as far away as they are
    # "Israeli strikes kill nine people in southern Lebanon": the place paths reach a state itself.
    struck_state = _struck_state(token, trigger, location_paths, events, index) if event_type is EventType.ASSAULT and location is None else []
    if event_type is EventType.ASSAULT and (location is not None or struck_state) and all(
        index.type_of(key) is EntityType.GROUP for key in targets
    ):
        # "Russian strikes on Odesa, Ukraine": a state striking a place of another state strikes
        # that state; not its own ("the Sudanese Army ... in Geneina, Sudan"), and a force of no
        # stated state fighting where it is ("RSF attacks in Misteriha, Sudan") strikes no state.
        # The state stands before unnamed victims ("nine people killed in a strike on X, Iran").
        home = _home_states(actors, index)
        placed_in = _state_of_place(token, location_paths, index) if location is not None else struck_state
        targets = [key for key in placed_in if home and key not in home] or targets
        if location is not None and not placed_in and _victims_place(
            token, trigger, location, targets, actors, home | _states_in_names(actors, index), events, index
        ):
            # "Two civilians are killed in a Russian drone strike in Zaporizhzhia": the place was struck.
            struck = [location]
    mode = _mode(token, trigger, events)
    captured = event_type is EventType.COERCE and mode == "seize"
    if (event_type is EventType.ASSAULT or captured) and not struck and not _named(targets, index):
        # "Russia bombed Kyiv", "strikes on Odesa", "Kyiv was hit by Russian missiles": the place struck;
        # "the RSF retakes Kurmuk", "seizes control of X": the place captured.
        struck = _struck_places(token, trigger, lex, index, actors, captured)
    if event_type is EventType.MOBILIZE:
        targets += [key for key in places if index.type_of(key) is EntityType.STATE and key not in targets]
    if not targets and inherited and event_type in SAID_TO:
        targets = _met(token, lex, index)
    excluded = _not_acted_upon(token, trigger, lex, index, sent, actors)
    if event_type is EventType.ASSAULT and _between_sides(token, trigger, events):
        # "1,300 Syrians are killed amid clashes between X and Y": people killed in a fight are no side's target.
        excluded = excluded | {key for key in targets if _people_of_state(key, sent, index)}
    targets = [key for key in targets if key not in excluded]
    # "killed in clashes with Hezbollah", "clashes with the RSF and the SPLM-N": the one side named
    # (a list after *with* is one side) fought, the other is not named.
    one_sided = (not actors and trigger.flag("one_sided") and bool(targets) and index.type_of(targets[0]) is not EntityType.GROUP
                 and (len(targets) == 1 or _one_list_after_with(token, targets, index)))  # fmt: skip
    if one_sided:
        actors, targets, one_side = targets, [], True
    # "X and Y clashed", not "X and Y fight corruption" (nor "fight" misread as its modifier)
    mutual = token.lemma_.lower() in trigger.words("reciprocal_lemmas") and token.dep_ != "compound" and not OBJECT.follow(token)
    if not targets and parties > 1 and (mutual or _each_other(token)):
        # "X and Y accuse each other", "X and Y clashed": each acts on the others (one event
        # per pair, _pairs).
        targets = actors[:parties]
    whole = trigger.flag("symmetric") and not (targets and len(actors) > 1)
    if trigger.flag("symmetric"):
        if len(actors) > 1 and not targets and parties != 1 and not one_side:
            # "Trump and Putin agree": the party named first acts, in the order of the text
            # ("Macron's talks" are not talks between Macron and France).
            actors = sorted(actors, key=lambda key: index.first_in(sent, key))
            actors, targets = actors[:1], actors[1:]
        elif not actors and len(targets) > 1 and token.pos_ == "NOUN":
            # "talks between X and Y"; a verb's conjoined object ("sending envoys X and Y") is
            # acted upon, never the actor.
            actors, targets = targets[:1], targets[1:]
    # An event needs someone acting (or an article that does not say who acted) and, unless its
    # type stands alone (a deployment) or a place says where it happened, someone acted upon.
    # "Thousands of Haredi Jews gather in X to protest": a crowd no entity stands for (`crowd`).
    unstated = not actors and (trigger.flag("crowd") or ((event_type in FORCE or trigger.flag("told_by")) and (
        _actor_unstated(token, trigger, lex, index) if token.pos_ == "VERB" else location is not None and _untold_attack(token, trigger, lex, index)
    )))
    alone = one_sided or trigger.flag("targetless") or bool(location and trigger.flag("placed"))
    # "Israeli strikes kill 78 Palestinians": a party acting on counted victims no entity names (with
    # no actor and no place, nobody in nowhere: no fact).
    counted = bool(actors) and not targets and event_type in FORCE and _counted(token, lex)
    # "Iran calls for a ceasefire": a named actor's demand of no entity stands on its object (plainly
    # stated: below).
    on_object = (trigger.flag("object_suffices") and not (targets or alone or counted)
                 and bool(_named(actors, index))
                 and _demands_something(token, trigger, lex, index))  # fmt: skip
    alone = alone or on_object
    if not (actors or unstated) or not (targets or struck or alone or counted):
        return None
    if trigger.flag("requires_actor") and inherited and not targets:
        return None
    modality = assess(token, index, lex.cues)
    if event_type is EventType.REQUEST and modality.hypothetical and token.head.i != token.i and _requests(token.head, lex):
        # "urged X, asking the US to waive": the asking is the urging, made, not planned.
        modality = dataclasses.replace(modality, hypothetical=False)
    if on_object and (modality.negated or modality.hypothetical or partisan(modality, actors, index)):
        return None  # "X may call for a ceasefire", "Y says X called for talks": nothing acted upon to keep
    if unstated and (modality.negated or modality.hypothetical):
        return None  # "X was not killed", "X could be arrested": by no one named, not a fact to keep
    if (speaker_state := _speaker_state(actors, modality.claimed_by, index)) is not None and speaker_state not in targets:
        actors, inherited = [speaker_state], True  # "Nigerian president X says the military rescued ..."
    # "if X attacks", "warned X against attacking", "unclear whether X attacked": no threat by X.
    conditional = any(word.lower() in ("if", "unless", "against", "whether") for word in (modality.cue or "").split())
    halted = trigger.options.get("if_halted")
    if halted and _halted(token, trigger.words("halted_by")):
        # "agreed to stop strikes on X", "suspends airstrikes on X": the attacks end.
        event_type = EventType(halted)
    elif (
        modality.hypothetical and not modality.negated and not conditional and trigger.options.get("if_hypothetical")
        # the claimant is the actor or named as one of the acting state's own ("*Israeli* Prime
        # Minister Netanyahu says Israel will retaliate"): its words are the state's
        and (modality.claimed_by is None or modality.claimed_by in actors
             or not set(actors).isdisjoint(_states_of([modality.claimed_by], index)))
    ):  # fmt: skip
        # "vowed to strike", "would attack", "the intent to remove": a threat, not an attack;
        # and the threat itself was made, it is no hypothesis.
        event_type = EventType(trigger.options["if_hypothetical"])
        modality = dataclasses.replace(modality, hypothetical=False)
    verbal = trigger.options.get("between_people")
    if isinstance(verbal, dict) and token.lemma_.lower() in verbal.get("lemmas", ()) and actors and all(
        index.type_of(key) is EntityType.PERSON for key in (*actors, *targets)
    ):
        # "Biden attacked Trump": between politicians an attack is in words.
        event_type = EventType(verbal["type"])
    when = clause_time(token, times)
    # "Clashes erupt between the Ethiopian army and Y": the sides a fight noun names are one list, the
    # second side and the modifier of a side's noun no farther than the first side's noun.
    fight = event_type is EventType.ASSAULT and token.pos_ == "NOUN" and _reciprocal(token, trigger)
    steps = _steps(token, index, [*actors, *targets], one_list=fight)
    targets += struck
    named_targets = _named(targets, index)
    targets = named_targets or targets  # groups are acted upon only where no one named is
    named_actor = bool(_named(actors, index))
    # The party acted upon is named or needs no name: the event stands alone, or the codebook needs no
    # recipient ("releases 131 detainees").
    acted_upon = bool(named_targets) or alone or (trigger.flag("unnamed_targets") and bool(targets))
    followed = _followed(event_type, [*actors, *targets], location, index)
    # "Protests erupt in X": a noun its own verb says happened states its event more firmly than
    # one the news names in passing.
    base = float(trigger.options.get("told_base", trigger.base)) if unstated and token.pos_ == "NOUN" else trigger.base
    score = confidence.score(
        base,
        # No named actor, or no party acted upon where one is needed: the party an analyst would follow is unknown.
        unnamed=not (named_actor and acted_upon) and not followed,
        # "Israeli strikes kill 26 people": a named party's attack on victims no name stands for is
        # whole; an arrest only where its victims are counted ("Turkish police arrest 161 people";
        # "issued arrest warrants on 36 people" leaves out whom it names).
        complete=acted_upon or event_type is EventType.MOBILIZE or (event_type is EventType.ASSAULT and named_actor)
        or (event_type is EventType.COERCE and named_actor and _counted(token, lex)),
        steps=steps, negated=modality.negated, hypothetical=modality.hypothetical,
        attributed=partisan(modality, actors, index),
        # Only groups inherited ("people gather in X to *protest* against Y") name no party to get
        # wrong: the event stands on its place or its named target.
        inherited=inherited and (named_actor or not followed),
    )  # fmt: skip
    provenance = Provenance(sentence_evidence(sent), NAME, score, modality.claimed_by, modality.negated, modality.hypothetical)
    phrase = token.doc[token.left_edge.i : token.right_edge.i + 1]
    involved = tuple(key for key in index.in_span(phrase, [EntityType.MILITARY_ASSET]) if key not in targets)
    event = Event(type=event_type, actors=tuple(actors), targets=tuple(targets), provenance=provenance,
                  mode=mode, when=when, location=location, assets=involved)  # fmt: skip
    return event, whole


def _not_acted_upon(token: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex, sent: Span, actors: list[str]) -> set[str]:
    """Who a trigger's targets leave out. No one acts on themselves, nor a person on the state
    they hold office in ("Trump expands the country's travel ban": not a cooperation of Trump with
    the United States)."""
    excluded = {*actors, *_states_of([actor for actor in actors if index.type_of(actor) is EntityType.PERSON], index)}
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
        excluded |= _owned(sent, actors, index) | _states_of(actors, index) | _states_in_names(actors, index)
    return excluded


def _passive_patients(token: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex) -> set[str]:
    """The parties a trigger's target paths reach as the passive subject of a verb the dictionary
    codes a type of its `patient_types` ("X was *killed*", "was *arrested*"): the ones acted upon."""
    types = trigger.words("patient_types")
    subjects = [subject for path in lex.events.paths(trigger, "targets") if path.steps[-1].dep == "nsubjpass"
                for subject in path.follow(token)]  # fmt: skip
    return {key for subject in subjects if any(found.label in types for found in _verb_types(subject.head, lex))
            for key in index.entities_of(subject)}  # fmt: skip


def _demands_something(token: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex) -> bool:
    """A verb whose target paths reach an object, said by a named speaker: not a document's words
    ("the Turkish statement called for") nor a plea ("pled guilty to")."""
    return token.pos_ == "VERB" and any(path.follow(token) for path in lex.events.paths(trigger, "targets")) and all(
        child.dep_ not in ("acomp", "oprd") and (child.dep_ != "nsubj" or child.pos_ in ("PROPN", "PRON") or index.at(child))
        for child in token.children)  # fmt: skip


def _followed(event_type: EventType, parties: Iterable[str], location: str | None, index: EntityIndex) -> bool:
    """Violence or a crowd the news reports with a named party on either side or with its place ("X
    was shot dead", "gunmen killed four in Y", "thousands of people march in Z"): an analyst follows
    it by that party or place, whoever did it, so it is not scored as unnamed (confidence.UNNAMED)."""
    return event_type in FOLLOWED_TYPES and (location is not None or bool(_named(parties, index)))


def _told_of_named(events: list[Event], index: EntityIndex) -> list[Event]:
    """An attack or arrest told with no actor, in an article where another of its type names its
    actor ("Iran fires missiles at Israel ... In Haifa, four people are injured"), is most likely that
    one told again by its toll: it is scored as one by no one named after all."""
    named = {event.type for event in events if not (event.provenance.negated or event.provenance.hypothetical)
             and _named(event.actors, index)}  # fmt: skip
    return [
        dataclasses.replace(event, provenance=dataclasses.replace(
            event.provenance, confidence=confidence.score(event.provenance.confidence, unnamed=True)))
        if not event.actors and event.type in named and _followed(event.type, event.targets, event.location, index)
        else event
        for event in events
    ]  # fmt: skip


DEFINITE = frozenset({"the", "this", "that"})
# A meeting or an agreement of the same parties told twice in one article is one event; two
# accusations of the same party by the same party may be two statements.
MEETINGS = frozenset({EventType.CONSULT, EventType.AGREE})


def _definite(noun: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ in DEFINITE for child in noun.children)


def _told_before(token: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex,
                 times: list[tuple[int, int, Interval]], events: list[Event]) -> bool:  # fmt: skip
    """ "Two people confirmed *the call* occurred late last week and included Rubio": a definite
    event noun with no parties of its own is the event told before. It adds who took part and,
    when narrower, when it happened, to the latest earlier event of its type (and mode)."""
    if token.pos_ != "NOUN" or not _definite(token):
        return False
    table = lex.events
    if index.follow(token, [*table.paths(trigger, "actors"), *table.paths(trigger, "targets")]):
        return False
    mode = _mode(token, trigger, table)
    i = max((i for i, event in enumerate(events) if event.type.value == trigger.label
             and (mode is None or event.mode in (None, mode)) and not event.provenance.hypothetical
             and event.provenance.evidence.start < token.idx), default=None)  # fmt: skip
    if i is None:
        return False
    event = events[i]
    joined = [key for key in _named_by(token, table.paths(trigger, "participants"), index) if key not in event.targets]
    when = clause_time(token, times)
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
        claimants = _named_by(verb, [SUBJECT], index)
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
    return any(_attack_trigger(noun, lex) is not None and _definite(noun) for noun in owned)


def _denied_claims(doc: Doc, index: EntityIndex, lex: Lexicons, events: list[Event]) -> list[Event]:
    """ "X says it struck Y. Z denies the claim.": a definite claim noun with no words of its own
    ("the claim", "the reports"), the object of a denying verb, stands for the claims of the
    latest earlier sentence that someone other than the denier made; each is stored again,
    negated and claimed by the denier, so the claim is contested."""
    denying = {word for (where, word), kind in lex.cues.items() if kind == "negation" and where in ("governor", "complement")}
    denials: list[Event] = []
    for token in tokens_whose(doc, "LEMMA", CLAIM_NOUNS):
        verb = token.head
        if token.dep_ != "dobj" or verb.lemma_.lower() not in denying or not _definite(token) or any(
            child.dep_ not in ("det", "amod") for child in token.children
        ):
            continue
        deniers = _named_by(verb, [SUBJECT], index)
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
    mixed = bool(states and others) and states <= _states_of(others, index)
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
    patterns/roles.tsv): before the name ("*Quds Force* commander Esmail Qaani"), or before the
    title noun the name stands in apposition to ("the *Italian* Foreign Minister, Antonio Tajani");
    not a nationality alone ("the *Israeli* hostage X")."""
    parties: list[str] = []
    for token in _mention_ends(person, index):
        if not sentence.start <= token.idx < sentence.end:
            continue
        titles = [token]
        if token.dep_ == "appos" and index.at(token.head) is None:
            titles.append(token.head)
        for title in titles:
            phrase = token.doc[title.left_edge.i : title.i + 1]
            if any(word.lower_ in _title_nouns() and index.at(word) is None for word in phrase):
                parties += index.in_span(phrase, [EntityType.STATE, EntityType.ORGANIZATION])
    return list(dict.fromkeys(party for party in parties if party != person))


@lru_cache(maxsize=1)
def _title_nouns() -> frozenset[str]:
    """The last words of the titles of patterns/roles.tsv ("minister", "commander")."""
    return frozenset(surface.split()[-1] for surface in load_role_words())


def _one_list_after_with(token: Token, keys: list[str], index: EntityIndex) -> bool:
    """Every party is named in one list after the noun's *with* or *against* ("clashes with X and Y")."""
    return set(keys) <= set(index.follow(token, [WITH_OBJECT]))


def _each_other(token: Token) -> bool:
    """The verb's object (or the object of its preposition) is "each other" or "one another"."""
    return any(part.lower_ == "other" and part.i > 0 and token.doc[part.i - 1].lower_ in ("each", "one")
               for child in token.children if child.dep_ in ("dobj", "prep") for part in child.subtree)  # fmt: skip


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


def _requirements_met(token: Token, trigger: Trigger, assets: set[int]) -> bool:
    """The words around `token` meet the trigger's requirements (a requirement not stated is met)."""

    def met(requirement: str, words: Iterable[str]) -> bool:
        required = trigger.words(requirement)
        return not required or not required.isdisjoint(words)

    def lemmas_below(deps: Iterable[str]) -> Iterator[str]:
        return (part.lemma_.lower() for child in token.children if child.dep_ in deps for part in child.subtree)

    preps = {child.lower_ for child in token.children if child.dep_ in ("prep", "prt")}
    deps = {child.dep_ for child in token.children}
    if preps & trigger.words("excludes_prep") or deps & trigger.words("excludes_child"):
        return False  # "calling it a lie" is no phone call
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in trigger.words("excludes_xcomp") for c in token.children):
        return False  # "ordered the troops to withdraw" sends no one
    # "provided Ukraine *with* a loan": what is given may follow "with"; a misread verb's object
    # is its head ("fire *missiles*").
    misread = [token.head.lemma_.lower()] if trigger.pos == "VERB" and token.dep_ == "compound" else []
    objects = (part.lemma_.lower() for child in token.children if child.dep_ in ("dobj", "nsubjpass")
               or (child.dep_ == "prep" and child.lower_ == "with")
               for part in child.subtree)  # fmt: skip
    if not (
        met("requires_prep", preps)
        and met("requires_child", deps)
        and met("requires_prep_object", lemmas_below(("prep",)))
        and met("requires_modifier", (c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound")))
        and met("requires_object_lemmas", chain(misread, objects))
        # "declared the envoy persona non grata": the words may sit anywhere in the complement.
        and met("requires_complement_lemmas", lemmas_below(("ccomp", "xcomp", "oprd", "dobj")))
        and met("requires_subject_lemmas", _subject_lemmas(token))
        and met("requires_clause_lemmas", _clause_lemmas(token))
    ):
        return False
    # What is sent must be an asset itself ("ordered troops"), not merely mention one ("ordered
    # the suspension of Patriot shipments").
    return not trigger.flag("requires_asset") or any(
        head.i in assets for child in token.children if child.dep_ in ("dobj", "nsubjpass")
        for head in (child, *child.conjuncts)
    )  # fmt: skip


def _subject_lemmas(verb: Token) -> set[str]:
    """The lemmas of who does what a verb says: its subject or the noun it qualifies ("demonstrators
    *gathered* in X"), each conjunct, and what a count subject counts ("thousands *of protesters*")."""
    heads = [child for child in verb.children if child.dep_ == "nsubj"] or ([verb.head] if verb.dep_ == "acl" else [])
    nouns = [noun for head in heads for noun in (head, *head.conjuncts)]
    for noun in list(nouns):
        if noun.pos_ in ("NUM", "NOUN"):
            for counted in OF_OBJECT.follow(noun):
                nouns += [counted, *counted.conjuncts]
    return {noun.lemma_.lower() for noun in nouns}


def _clause_lemmas(verb: Token) -> set[str]:
    """The lemmas of what a verb's clause says its subject does it for: its complement or adverbial
    clause ("gather *to protest*")."""
    return {child.lemma_.lower() for child in verb.children if child.dep_ in ("advcl", "xcomp")}


def _parties(keys: Iterable[str], index: EntityIndex) -> list[str]:
    return [key for key in keys if index.type_of(key) in PARTIES]


def _groups(keys: Iterable[str], index: EntityIndex) -> list[str]:
    return [key for key in keys if index.type_of(key) is EntityType.GROUP]


def _named_by(head: Token, paths: Iterable[Path], index: EntityIndex) -> list[str]:
    """The parties `paths` reach from `head`."""
    return _parties(index.follow(head, paths), index)


def _acting(head: Token, paths: Iterable[Path], index: EntityIndex) -> list[str]:
    """The parties `paths` reach from `head`, else the groups no one names ("gunmen")."""
    reached = index.follow(head, paths)
    return _parties(reached, index) or _groups(reached, index)


def _reached(token: Token, paths: Iterable[Path]) -> Iterator[Token]:
    """The tokens each of `paths` reaches from `token`, path by path."""
    for path in paths:
        yield from path.follow(token)


def _named(keys: Iterable[str], index: EntityIndex) -> list[str]:
    """`keys` less the groups no name stands for ("gunmen")."""
    return [key for key in keys if index.type_of(key) is not EntityType.GROUP]


@lru_cache(maxsize=8)
def _cancelling(blocks: frozenset[str]) -> frozenset[str]:
    """The verbs of the CAMEO blocks that undo what they govern (cancel, postpone, halt ...), or
    of other named blocks (NAME: appoint, elect, nominate ...)."""
    return verb_dictionary().verbs_of(blocks)


def _halted(token: Token, verbs: frozenset[str]) -> bool:
    """The trigger is what a verb of `verbs` stops: its object or complement ("stop strikes",
    "halt attacking"), the "of" phrase of that object ("suspends the implementation of
    the accord"), or what it leaves ("withdrew X from a treaty", "pulled out of the deal")."""
    node = token
    if node.dep_ == "pobj" and node.head.lower_ in ("from", "of") and node.head.head.pos_ == "VERB":
        return bool(_verb_forms(node.head.head) & verbs)
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
        node = node.head.head
    gerund = node.dep_ == "acl" and node.tag_ == "VBG"  # "Trump cancels sending", the verb misread as a noun
    return (node.dep_ in ("dobj", "xcomp", "nsubjpass") or gerund) and bool(_verb_forms(node.head) & verbs)


def _verb_forms(verb: Token) -> set[str]:
    """A verb's lemma, alone and with each of its particles ("call", "call off")."""
    lemma = verb.lemma_.lower()
    return {lemma, *(f"{lemma} {child.lower_}" for child in verb.children if child.dep_ == "prt")}


def _states_of(keys: Iterable[str], index: EntityIndex) -> set[str]:
    """The states that qualify any of `keys` where the article names them ("*Turkish* President Erdogan")."""
    states: set[str] = set()
    for key in keys:
        for token in _mention_ends(key, index):
            states.update(index.in_span(token.doc[token.left_edge.i : token.i], [EntityType.STATE]))
    return states


def _mention_ends(key: str, index: EntityIndex) -> list[Token]:
    """The last word of each mention of `key`: the token whose head is no word of that mention."""
    return [token for token in index.tokens_of(key) if token.head.i == token.i or index.at(token.head) != key]


def _states_in_names(keys: Iterable[str], index: EntityIndex) -> set[str]:
    """The article's states whose name or demonym is a word of a party's own name ("the *Russian*
    Ministry of Defence": Russia), which `_states_of` does not see inside the mention."""
    names = "".join(f" {index.entities[key].label.lower()} " for key in keys if index.type_of(key) is not EntityType.STATE)
    if not names:
        return set()
    return {key for key, entity in index.entities.items() if entity.type is EntityType.STATE
            and any(f" {word} " in names for word in load_gazetteer().state_words(entity.label))}  # fmt: skip


def _state_of_place(token: Token, paths: Iterable[Path], index: EntityIndex) -> list[str]:
    """The states that place a place the trigger reaches, within its own phrase: in apposition
    ("Odesa, Ukraine"; "Bohodukhiv, Kharkiv Oblast, Ukraine") or after "in"/"of" ("Lviv in
    western Ukraine", "the Kyiv and Odesa oblasts of Ukraine")."""
    found: list[str] = []
    for reached in _reached(token, paths):
        named = (reached, *(child for child in reached.children if child.dep_ == "compound"))  # "Muharraq Governorate"
        if not any(index.place_at(t) for t in named):
            continue
        found += [state for state in _placing_states(reached, index) if state not in found]
    return found


def _struck_state(token: Token, trigger: Trigger, paths: Iterable[Path], events: Lexicon, index: EntityIndex) -> list[str]:
    """The state a place path reaches after one of the trigger's `struck_states` prepositions
    ("drone strikes *across Ukraine*", "kill nine people *in southern Lebanon*"; not "near")."""
    prepositions = trigger.words("struck_states")
    if not prepositions or _members_struck(token, trigger, events, index):
        return []
    state = _state_place(token, paths, prepositions, index)
    return [state] if state is not None else []


def _members_struck(token: Token, trigger: Trigger, events: Lexicon, index: EntityIndex) -> bool:
    """Those the attack struck are members of a named organization ("members of the IRGC are
    killed in strikes in Iraq"): the organization's people, not the state they were in."""
    for victims in _reached(token, events.paths(trigger, "targets")):
        for owner in OF_OBJECT.follow(victims):
            if any(index.type_of(key) is EntityType.ORGANIZATION for key in index.entities_of(owner)):
                return True
    return False


def _victims_place(token: Token, trigger: Trigger, location: str, targets: list[str], actors: list[str], home: set[str],
                   events: Lexicon, index: EntityIndex) -> bool:  # fmt: skip
    """A named party's attack on unnamed civilians only (the trigger's `victims_place` sectors)
    struck the place on land it happened in: not a body of water, not a place it happened near
    ("near the Al-Shifa Hospital"), not a fight between sides ("killed in clashes"), and not a
    place of the party's own state (`home`: "the Sudanese army ... in Kutum, North Darfur, Sudan")."""
    sectors = trigger.words("victims_place")
    if not (sectors and targets and _named(actors, index)) or _between_sides(token, trigger, events):
        return False
    if any(index.entities[key].sector not in sectors for key in targets):
        return False
    sent = token.sent  # where the sentence first names the place (the last word of that mention)
    mention = next((end for end in _mention_ends(location, index) if sent.start <= end.i < sent.end), None)
    if mention is None or _on_water(index.entities[location]) or not _happened_in(mention):
        return False
    return home.isdisjoint(_placing_states(mention, index))


def _people_of_state(key: str, sent: Span, index: EntityIndex) -> bool:
    """The sentence names the state only by its people, a plural demonym ("26 *Palestinians*":
    kg.extract.entities)."""
    mentions = [t for t in index.tokens_of(key) if sent.start <= t.i < sent.end]
    return index.type_of(key) is EntityType.STATE and bool(mentions) and all(t.tag_ in ("NNPS", "NNS") for t in mentions)


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


def _between_sides(token: Token, trigger: Trigger, events: Lexicon) -> bool:
    """The attack is a fight between sides: its trigger is a reciprocal word ("clashed"), or it or
    what caused the harm is a fight noun ("killed in clashes")."""
    return token.lemma_.lower() in trigger.words("reciprocal_lemmas") or any(_fight(noun, events) for noun in (token, *_causes(token)))


def _fight(noun: Token, events: Lexicon) -> bool:
    """A noun of a fight between sides (a reciprocal ASSAULT noun: "clashes")."""
    lemma = noun.lemma_.lower()
    triggers = events.by_lemma(lemma, "NOUN")
    return any(t.label == EventType.ASSAULT.value and t.flag("reciprocal") for t in triggers)


def _home_states(actors: list[str], index: EntityIndex) -> set[str]:
    """The states the actors are or act for (a state, a person's or an organization's state)."""
    return {key for key in actors if index.type_of(key) is EntityType.STATE} | _states_of(actors, index)


def _struck_places(token: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex, actors: list[str],
                   captured: bool = False) -> list[str]:  # fmt: skip
    """The named places in the object slot of a named party's attack (the trigger's `struck`
    paths: "Russia bombed *Kyiv*", "strikes *on Odesa* and *Kherson*", "*Kyiv* was hit by"), or
    that name the place noun there ("the *Shalamcheh* area", "the port *of Mukalla*"): what it
    struck. Not where it happened ("in / near X": no such path), a place in the phrase of a person
    or thing struck ("the police chief of X"), nor a place of the attacker's own state by its phrase
    ("Ruritanian drones attacked X, Ruritania"); a place `captured` is what was taken wherever it
    lies ("the Sudanese army recaptures Kurmuk, Sudan")."""
    if not _named(actors, index):
        return []
    home = set() if captured else _home_states(actors, index) | _states_in_names(actors, index)
    places: list[str] = []
    for head in _reached(token, lex.events.paths(trigger, "struck")):
        for part in (head, *head.conjuncts):
            common_place = index.at(part) is None and part.lemma_.lower() in PLACE_NOUNS
            for named in (part, *(_place_names(part) if common_place else ())):
                key = index.at(named)
                if key is None or key in places or index.type_of(key) is not EntityType.LOCATION:
                    continue
                if home.isdisjoint(_placing_states(named, index)):
                    places.append(key)
    return places


def _place_names(noun: Token) -> list[Token]:
    """The name a place noun stands for: the object of its "of" ("the town *of X*", "areas *of X*"),
    else its compounds ("the *X* area"); with an "of", a compound is the region it lies in ("the
    *White Nile* town of X")."""
    return OF_OBJECT.follow(noun) or [child for child in noun.children if child.dep_ == "compound"]


def _on_water(place: Entity) -> bool:
    """The place is a body of water, by its name ("the Pacific Ocean") or the gazetteer's kind for
    it ("the eastern Pacific", "the Bab-el-Mandeb": Sea, Strait)."""
    kinds = {(entry.kind or "").lower() for entry in load_gazetteer().lookup(place.label) if entry.type is EntityType.LOCATION}
    return not WATER_NOUNS.isdisjoint({*place.label.lower().split(), *kinds})


def _happened_in(mention: Token) -> bool:
    """The place is named after a preposition of where something happened, not of what lies beside
    it ("near", "off"), through any "of" ("the town *of* X")."""
    node = mention
    while node.dep_ in ("compound", "appos", "conj", "pobj") and node.head.i != node.i:
        if node.dep_ == "pobj" and node.head.lower_ != "of":
            return node.head.lower_ not in NEARBY_PREPOSITIONS
        node = node.head
    return True


def _placing_states(mention: Token, index: EntityIndex) -> list[str]:
    """The states the place's own phrase puts it in ("Kutum, North Darfur, *Sudan*"), in the order
    of the text."""
    states: list[str] = []
    for part in mention.subtree:
        key = index.at(part)
        if key is not None and key not in states and index.type_of(key) is EntityType.STATE and _places(part, mention):
            states.append(key)
    return states


def _places(part: Token, place: Token) -> bool:
    """`part` qualifies `place` as where it lies: every step up from it is an apposition, a
    conjunct, or the object of "in" or "of"."""
    node = part
    while node.i != place.i:
        if node.dep_ == "pobj" and node.head.lower_ in ("in", "of"):
            node = node.head.head
        elif node.dep_ in ("appos", "conj"):
            node = node.head
        else:
            return False
    return True


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
    return any(trigger.label == EventType.REQUEST.value for trigger in _verb_types(token, lex))


def _met(token: Token, lex: Lexicons, index: EntityIndex) -> list[str]:
    """Whom the meeting or speech verb that governs a trigger addressed: in "meets Netanyahu
    and urges a halt" the urging is addressed to Netanyahu."""
    head = token.head
    if token.dep_ not in ("conj", "advcl") or head.pos_ != "VERB":
        return []
    for trigger in _verb_types(head, lex):
        if trigger.label == EventType.CONSULT.value:
            return _named_by(head, lex.events.paths(trigger, "targets"), index)
    if head.lemma_.lower() in lex.speech_verbs:
        # "wrote to the US Embassy asking to waive ...": whom the words were addressed to.
        return _named_by(head, [ADDRESSEE], index)
    return []


# Prepositions by which the victims of a passive stand in an attack: "killed *in* a strike".
IN_ATTACK = frozenset({"in", "during", "amid"})


def _passive(token: Token) -> bool:
    return {"auxpass", "nsubjpass"} <= {child.dep_ for child in token.children} or headline_passive(token)


def _attack_nouns(token: Token, lex: Lexicons) -> list[tuple[Token, Trigger]]:
    """The attack nouns, with their triggers, a passive suffers "in" ("are killed and others injured *in shelling*",
    the phrase on either conjunct), or the attack noun subject of an active verb ("*a suicide
    bombing* killed four", "launched *an airstrike* that killed four")."""
    subjects = [token.head if token.dep_ == "relcl" and child.lower_ in RELATIVE else child for child in SUBJECT.follow(token)]
    nouns = _causes(token) if _passive(token) else subjects
    triggers = [(noun, _attack_trigger(noun, lex)) for noun in nouns]
    return [(noun, trigger) for noun, trigger in triggers if trigger is not None]


def _attack_trigger(noun: Token, lex: Lexicons) -> Trigger | None:
    """The ASSAULT noun trigger of a word, read as a noun ("in *shelling* by X" is often a gerund),
    or of the weapon that stands for its attack ("a missile struck X", "hit by rockets", "an
    *explosive device* detonates"), also told by the blast it set off ("a car bomb *explosion*
    kills", "after the *explosion* of a roadside bomb"; not "a gas explosion")."""
    modified = [f"{child.lower_} {noun.lemma_.lower()}" for child in noun.children if child.dep_ in ("amod", "compound")]
    forms = (noun.lemma_.lower(), noun.lower_, *modified)  # "explosive device" is a weapon of two words
    found = chain(*(lex.events.by_lemma(form, pos) for pos in ("NOUN", "weapon") for form in forms))
    attack = next((trigger for trigger in found if trigger.label == EventType.ASSAULT.value), None)
    if attack is not None:
        return attack
    for weapon in _blast_weapons(noun):
        attack = _attack_trigger(weapon, lex)
        if attack is not None and noun.lemma_.lower() in attack.words("blasts"):
            return attack
    return None


def _blast_weapons(noun: Token) -> list[Token]:
    """The words that may name what set off a blast noun: its modifiers ("a *bomb* blast") and the
    object of its "of" ("the explosion of a roadside *bomb*")."""
    modifiers = [child for child in noun.children if child.dep_ in ("compound", "nmod")]
    of_phrases = [prep for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"]
    return modifiers + [obj for prep in of_phrases for obj in prep.children if obj.dep_ == "pobj"]


# Subordinators of a clause that tells how a casualty came about: "are killed *when* gunmen open fire".
ATTACK_CLAUSE_MARKS = frozenset({"when", "after", "as", "while"})


def _attack_clauses(token: Token, lex: Lexicons, index: EntityIndex) -> list[Token]:
    """The active attack verbs of the clauses of time of a passive, or of a passive joined to it,
    whose own reading hits no one but the passive's victims ("are killed *when* gunmen *open* fire
    on a bar", "are injured *after* a bomb *strikes* their truck"): those the passive names are the
    ones hit."""
    if not _passive(token):
        return []
    victims = _victims(token, index)
    return [clause for verb in _joined_passives(token) for clause in verb.children
            if clause.dep_ in ("advcl", "ccomp") and clause.pos_ == "VERB" and not _passive(clause)
            and any(child.dep_ in ("mark", "advmod") and child.lower_ in ATTACK_CLAUSE_MARKS for child in clause.children)
            and any(_hits_only(clause, trigger, victims, lex, index) for trigger in _verb_types(clause, lex))]  # fmt: skip


def _victims(passive: Token, index: EntityIndex) -> set[str]:
    """The entities the subjects of a passive, and of the passives joined to it, stand for."""
    return {key for verb in (passive, *passive.conjuncts) for key in index.follow(verb, [PASSIVE_SUBJECT])}


def _hits_only(verb: Token, trigger: Trigger, victims: set[str], lex: Lexicons, index: EntityIndex) -> bool:
    """The verb reads as an attack whose targets name no party or group but `victims`; not a
    defence ("are killed after the army *intercepts* a drone": by its debris). An attack on someone
    else ("open fire on villagers", "clash with police") is read by the verb itself, the passive
    its toll."""
    if trigger.label != EventType.ASSAULT.value or trigger.flag("defensive"):
        return False
    hit = index.follow(verb, lex.events.paths(trigger, "targets"))
    return set(_parties(hit, index) + _groups(hit, index)) <= victims


def _clause_attackers(passive: Token, clauses: list[Token], index: EntityIndex) -> list[str]:
    """Who the first of a passive's attack clauses (`_attack_clauses`) that names one names as its subject ("when *Israeli
    forces* open fire"): the parties, else the unnamed groups; none where one of them is among those
    the passive acts on, the victims ("X is shot dead after *he* stabs two people", "an IDF reservist
    is killed after *their* vehicle hits a bomb")."""
    victims = _victims(passive, index)
    for clause in clauses:
        found = _acting(clause, [SUBJECT], index)
        if found and not victims.intersection(found):
            return found
    return []


def _noun_attackers(token: Token, lex: Lexicons, index: EntityIndex) -> list[str]:
    """The author the first of a verb's attack nouns names that names one ("killed in an *Israeli*
    airstrike", "after *an RSF* drone strike hits X")."""
    for noun, attack in _attack_nouns(token, lex):
        found = _acting(noun, lex.events.paths(attack, "actors"), index)  # "shelling by the RSF", "an ambush by gunmen"
        if found:
            return found
    return []


def _actor_unstated(token: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex) -> bool:
    """The article reports the event and not who did it: a passive with no agent ("four officers
    were killed in Bhakkar", "X was arrested on Sunday"), or a verb whose subject is an attack no
    one is named for ("a suicide bombing killed four officers"). Not where an attack it names
    holds a party no path reads as its author ("killed in clashes with the army")."""
    if trigger.flag("requires_actor") or token.lemma_.lower() in OUTCOMES:
        return False
    if any(not all(_attack_trigger(obj, lex) is not None and not _party_in(obj, lex, index) for obj in AGENT_OBJECT.follow(verb))
           for verb in (token, *token.conjuncts)):
        # "killed by gunmen", "beaten and dragged by protesters": stated, named or not; "hit by
        # drone strikes" names the attack, not its author.
        return False
    if _party_in(token, lex, index, besides=("nsubjpass", "dobj", "nsubj") if headline_passive(token) else ("nsubjpass", "dobj")):
        # "killed in an ambush by gunmen", "killed when militants stormed ...", "killed after
        # Russian strikes": someone other than the victims stands in the clause.
        return False
    if token.dep_ == "ccomp" and token.head.lemma_ == "be":
        return False  # "the lie is that X is defeated": what is said of something, not a report
    passive = _passive(token)
    attacks = _causes(token) if passive else [noun for noun, _ in _attack_nouns(token, lex)]
    if passive and any(_attack_trigger(noun, lex) is None for noun in attacks):
        return False  # "killed in a car crash": no attack (an active verb's attack nouns have their triggers)
    return (passive or bool(attacks)) and not any(_party_in(noun, lex, index) for noun in attacks)


def _force_of_a_thing(token: Token, event_type: EventType, lex: Lexicons) -> bool:
    """A participle of force modifying a thing no one wields ("announces *measures targeting* X",
    "uncover *graves containing* bodies") is no force, nor done by the subject of the clause; a
    weapon, an attack or a plan is the subject's own ("launch *a missile targeting* X", "developed
    *plans targeting* X": a modality cue of patterns/modality.tsv)."""
    head = token.head
    return (event_type in FORCE and token.dep_ == "acl" and token.tag_ == "VBG" and head.pos_ == "NOUN"
            and _attack_trigger(head, lex) is None and ("governor", head.lemma_.lower()) not in lex.cues)  # fmt: skip


def _attack_place(token: Token, clauses: list[Token], lex: Lexicons, index: EntityIndex) -> str | None:
    """Where the attack that did it happened, for a verb with no place of its own ("an attack *in
    Balochistan* kills five people", "killed in an airstrike *on Injar*"), else the first place its
    phrase names ("in a bombing targeting a bus *in Khuzdar*", "at a mosque inside a school *in
    Jakarta*")."""
    attacks = _attack_nouns(token, lex)
    phrases = [noun for noun, _ in attacks] + clauses
    places = chain((key for noun, trigger in attacks for key in index.follow(noun, lex.events.paths(trigger, "locations"))),
                   (key for head in phrases for key in index.in_span(token.doc[head.left_edge.i : head.right_edge.i + 1])))  # fmt: skip
    return next((key for key in places if index.type_of(key) is EntityType.LOCATION), None)


# Prepositions by which a place in the phrase of what an attack hit says where it happened ("open
# fire on a bar *in* El Empalme", "kill ten people *in* the village of Arzah").
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "around"})
# How the words of a place phrase hang together: "in *Maga*, Kebbi State", "in the village *of*
# Arzah" ("of" only below the preposition of place: in "attendees *of* a rally in X" the place is
# the rally's).
PLACE_PHRASE_DEPS = frozenset({"pobj", "compound", "appos", "conj", "cc", "punct"})


def _target_place(token: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex) -> str | None:
    """The first place the phrase of what an attack hit puts it in ("gunmen open fire on a bar *in
    El Empalme*", "kill ten people in the village of *Arzah*"), for an attack no place path places.
    A person's phrase tells their office, not the attack ("kills X, the head of the police in Y"),
    and a target reached through "of" only the place of what it belongs to ("assaults on attendees
    of a rally in Y")."""
    for head in _reached(token, lex.events.paths(trigger, "targets")):
        person = index.at(head)
        if (person is not None and index.type_of(person) is EntityType.PERSON) or (head.dep_ == "pobj" and head.head.lower_ == "of"):
            continue
        for part in head.subtree:
            key = index.at(part)
            if key is not None and index.type_of(key) is EntityType.LOCATION and _placed_within(part, head):
                return key
    return None


def _placed_within(part: Token, head: Token) -> bool:
    """`part` hangs from `head` by a preposition of place and the words of its phrase only."""
    node, placed = part, False
    while node.i != head.i:
        if node.dep_ == "prep" and node.lower_ in PLACE_PREPS:
            placed = True
        elif not (node.dep_ in PLACE_PHRASE_DEPS or node.dep_ == "prep" and node.lower_ == "of" and not placed):
            return False
        node = node.head
    return placed


def _counted(token: Token, lex: Lexicons) -> bool:
    """The object or passive subject is counted, victims or captives no name stands for ("kill
    *78 Palestinians*", "detained *more than 300 supporters*", "*64 Palestinians* are killed by
    Israeli tanks"): someone was acted upon though no entity is. Not weapons counted ("fired *36
    shells*"), which say nothing of whom they hit."""
    return any(child.dep_ in ("dobj", "nsubjpass") and any(n.dep_ == "nummod" for n in child.children)
               and not lex.events.by_lemma(child.lemma_.lower(), "weapon") for child in token.children)  # fmt: skip


UNTOLD_IN = frozenset({"following", "after", "in", "during", "amid", "amidst"})
# Clauses that tell an event as the backdrop of another ("This took place *as* protests continue in
# X"): an ongoing state of affairs, not the news of the day.
BACKDROP = frozenset({"as", "while"})


def _untold_attack(noun: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex) -> bool:
    """An attack or clash told by a noun that names no party, as the subject of a clause ("*clashes*
    erupt in X", "*an armed attack* in X left seven dead"), after which a clause happened ("charged
    *following a car bombing* in X") or in which a clause with no subject of its own did ("injured *in
    a car bombing* in X"; not "police seize weapons *in raids*": theirs). Not a definite or owned one,
    told elsewhere, nor one whose author is a name kg does not know ("a *Tatmadaw* airstrike"), nor
    a word that with no party is as often a police search (`named_only`: "arrested in raids"). A
    trigger with `told_by` verbs is told only as their subject ("*protests* are held / erupt in X";
    not "protests are planned", "arrested amid protests", "as protests continue")."""
    if noun.lemma_.lower() in trigger.words("named_only"):
        return False
    verbs = trigger.words("told_by")
    if verbs:
        verb = noun.head
        told = (noun.dep_ in ("nsubj", "nsubjpass") and not verbs.isdisjoint(_verb_phrases(verb))
                and not any(child.dep_ == "mark" and child.lower_ in BACKDROP for child in verb.children))
    elif noun.dep_ == "pobj" and noun.head.lower_ in UNTOLD_IN:
        told = noun.head.lower_ in ("after", "following") or not any(child.dep_ == "nsubj" for child in noun.head.head.children)
    else:
        told = noun.dep_ in ("nsubj", "nsubjpass")
    owned = _definite(noun) or any(child.dep_ in OWNERS and (child.dep_ == "poss" or child.pos_ == "PROPN") for child in noun.children)
    return told and not owned and not _party_in(noun, lex, index)


def _verb_phrases(verb: Token) -> set[str]:
    """A verb's forms (`_verb_forms`) and the verb with each of its objects ("take place")."""
    lemma = verb.lemma_.lower()
    return _verb_forms(verb) | {f"{lemma} {child.lemma_.lower()}" for child in verb.children if child.dep_ == "dobj"}


def _state_place(token: Token, paths: Iterable[Path], prepositions: frozenset[str], index: EntityIndex) -> str | None:
    """A state a place path reaches after one of `prepositions` ("held *across Spain*", "protests
    *in Israel*"): where an event no party is named for happened, for a trigger no path reaches a
    place of."""
    for reached in _reached(token, paths):
        key = index.at(reached)
        if key is not None and reached.head.lower_ in prepositions and index.type_of(key) is EntityType.STATE:
            return key
    return None


def _joined_passives(token: Token) -> list[Token]:
    """`token` and the passives joined to it, a participle whose auxiliary is left out among them
    ("are killed and others *injured* in an attack")."""
    joined = [token]
    for verb in token.conjuncts:
        gapped = verb.tag_ == "VBN" and not any(child.dep_ in ("aux", "auxpass", "dobj") for child in verb.children)
        if _passive(verb) or gapped:
            joined.append(verb)
    return joined


def _causes(token: Token) -> list[Token]:
    """The common nouns a passive, or a gapped passive joined to it, happened "in", "during" or
    "amid", save times ("killed in a car crash", "wounded during the protests"; not "in Red
    Harbour", "in the morning")."""
    return [noun for verb in _joined_passives(token) for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in IN_ATTACK
            for noun in prep.children if noun.dep_ in ("pobj", "pcomp") and noun.pos_ in ("NOUN", "VERB")
            and noun.ent_type_ not in ("DATE", "TIME")]  # fmt: skip


# Prepositions of where an attack happened, of whom an attack noun hit (HIT: "an attack *on* a
# patrol", "a bombing *targeting* a bus"; not a verb's: "arrested *on* a Kenyan warrant"; and
# `_hit_by_of`: "after the shelling *of* a UNIFIL base"), or of the source of its report
# ("*according* to police"): the states, places, victims and sources they hold are no authors;
# unless a preposition of the parties stands below ("in clashes *with* the army", "in an ambush
# *by* gunmen", "an attack on X *by* Y").
WHERE = frozenset({"in", "near", "at", "around", "outside", "inside", "across", "off", "according"})
HIT = frozenset({"on", "against", "targeting"})
PARTY_PREPS = frozenset({"by", "with", "between", "from"})


def _party_in(head: Token, lex: Lexicons, index: EntityIndex, besides: tuple[str, ...] = ()) -> bool:
    """A party or group stands in the phrase or clause of `head` other than as where it happened,
    whom an attack noun hit, or in a dependent by one of `besides` (the victims of a passive) of
    `head` or of a verb joined to it ("killed and others *injured*", "struck X, *killing* two")."""
    participles = [child for child in head.children if child.dep_ == "advcl" and child.tag_ == "VBG"]
    verbs = {head.i, *(verb.i for part in (head, *participles) for verb in (part, *part.conjuncts) if verb.pos_ == "VERB")}
    for part in head.subtree:
        key = index.at(part) or index.group_at(part)
        if key is None or index.type_of(key) in (EntityType.LOCATION, EntityType.MILITARY_ASSET) or (
            part.dep_ == "appos" and index.place_at(part.head)
        ):
            continue  # a place, the state it lies in ("Manabí Province, *Ecuador*"), or a weapon whose
            # owner, if any, is named by its own words
        node = part
        while node.i != head.i and not (node.dep_ == "prep" and node.lower_ in WHERE or node.lower_ in HIT and (
                node.dep_ == "acl" or node.dep_ == "prep" and node.head.pos_ == "NOUN") or _hit_by_of(node, lex)):
            if node.dep_ in ("prep", "agent") and node.lower_ in PARTY_PREPS:
                return True
            if node.dep_ in besides and node.head.i in verbs:
                break
            node = node.head
        if node.i == head.i:
            return True
    return False


def _hit_by_of(node: Token, lex: Lexicons) -> bool:
    """`node` is the *of* of an attack noun: it holds what was hit ("killed after the shelling *of*
    a UNIFIL base"), not who hit it."""
    return (node.dep_ == "prep" and node.lower_ == "of" and node.head.pos_ == "NOUN"
            and _attack_trigger(node.head, lex) is not None)


def _inherited_subject(token: Token, index: EntityIndex) -> list[str]:
    """The subject a trigger without one shares with the verb that governs it. A passive
    trigger inherits nothing: in "X died after being shot" X is the one shot, not the shooter; nor
    does a bare participle ("X arrests 115 suspects, *connected* with IS attacks")."""
    bare_participle = token.dep_ in ("acl", "advcl") and token.tag_ == "VBN" and not any(c.dep_ == "aux" for c in token.children)
    if bare_participle or any(child.dep_ in ("auxpass", "nsubjpass") for child in token.children) or headline_passive(token):
        return []
    node = token
    for _ in range(4):
        if node.dep_ not in INHERIT_DEPS and not (node.pos_ in ("NOUN", "PROPN") and node.dep_ in ("dobj", "pobj")):
            return []
        if node.dep_ == "advcl" and any(child.pos_ != "PRON" for child in SUBJECT.follow(node)):
            return []  # "X bans Y after *a mine explosion injures* two soldiers": the clause's own subject acts
        head = node.head
        if head.i == node.i or (node.dep_ in ("dobj", "xcomp", "pobj") and head.lemma_.lower() in AVERTING) or (
            node.pos_ in ("NOUN", "PROPN") and node.dep_ == "pobj" and head.lower_ not in TAKING_PART
        ):
            return []
        if node.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("of", "for", "against") and head.head.pos_ == "VERB":
            # "accused Kyiv of shelling", "thanked X for helping", "warned X against sending
            # troops": the object does it.
            return _named_by(head.head, [OBJECT], index)
        found = _acting(head, [SUBJECT], index)
        if found:
            return found
        node = head
    return []


def _place_within(token: Token, paths: Iterable[Path], index: EntityIndex) -> str | None:
    """A place that names the head of a place phrase standing for a state ("in Muharraq
    Governorate, Bahrain": Muharraq), for a trigger no place path reaches as a place."""
    for reached in _reached(token, paths):
        for child in reached.children:
            place = index.place_at(child) if child.dep_ == "compound" else None
            if place is not None:
                return place
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


# Sectors of a state's own organs: a group of one with no state of its own acts for the state its
# speaker speaks for.
STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


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
    states = _states_of([claimant], index)
    return states.pop() if len(states) == 1 else None


def _steps(token: Token, index: EntityIndex, keys: list[str], *, one_list: bool = False) -> int:
    """Dependency steps from the trigger to its farthest argument's nearest token; with `one_list`,
    a side is as far as the head of the first phrase of its list ("between the *Ethiopian* army and *Y*")."""
    farthest = 1
    for key in keys:
        mentions = [_side_head(other) if one_list else other for other in token.sent if index.at(other) == key]
        farthest = max(farthest, min((_tree_distance(token, mention) for mention in mentions), default=1))
    return farthest


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


def _tree_distance(a: Token, b: Token) -> int:
    """Steps between two tokens in the parse tree, counting content words only: a list ("China,
    India and Russia") is one step, and so is a prepositional phrase ("with the navies of China")."""
    up_a, up_b = ([t for t in (x, *x.ancestors) if t is x or t.dep_ not in FUNCTION_DEPS] for x in (a, b))
    return next(i + up_b.index(node) for i, node in enumerate(up_a) if node in up_b)  # the root, at the latest


def _mode(token: Token, trigger: Trigger, events: Lexicon) -> str | None:
    if trigger.options.get("mode"):
        return str(trigger.options["mode"])
    nearby = {token.lemma_.lower(), token.lower_, *(child.lemma_.lower() for child in token.children)}
    nearby.update(grandchild.lemma_.lower() for child in token.children if child.dep_ in ("prep", "compound", "amod")
                  for grandchild in child.children)  # fmt: skip
    found = next((mode for mode, words in events.modes if nearby & words), None)
    if found is not None:
        return found
    if token.lemma_.lower() in trigger.words("mode_lemmas"):
        return str(trigger.options.get("mode_default"))
    coded = trigger.options.get("coded_mode")  # the PLOVER mode of the verb's CAMEO code
    return str(coded) if coded else None


def _one_attack(event: Event, other: Event, groups: frozenset[str], places: frozenset[str],
                people: dict[int, frozenset[str]]) -> bool:  # fmt: skip
    """ "An Israeli airstrike on Tyre kills five people": the attack noun (Israel -> Lebanon) and
    the casualty verb (Israel -> people) of one sentence read one attack. An attack told again in
    its sentence by the same actor with no named party of its own is that attack, unless told in
    another place (the place it struck, `_victims_place` or `_struck_places`, is no party of its own
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
    struck where that is its place, `_victims_place` or `_struck_places`, which a reading naming the
    party struck outranks and a reading of the victims alone does not), then victims named by their
    people (before a reading of no party struck: "open fire on a car, killing two Palestinians"), a
    date, confidence."""
    struck_people = people.get(event.provenance.evidence.start, frozenset())
    unnamed = groups | struck_people
    struck = event.location is not None and event.location in event.targets
    named = len(set(event.actors) - unnamed) + len(set(event.targets) - unnamed - {event.location}) + (0.5 if struck else 0)
    return -named, -len(struck_people & set(event.targets)), event.when is None, -event.provenance.confidence


def _deduplicate(events: list[Event], headline_end: int, groups: frozenset[str], places: frozenset[str],
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
