"""Where an event happened and what place it struck (part of the events stage): a trigger Token
and its paths -> keys of places and states.

The named place an attack struck or a capture took ("Russia bombed *Kyiv*", "the RSF retakes
*Kurmuk*"), the place unnamed victims were struck in, where an attack a verb names happened ("an
attack *in Balochistan* kills five"), the states a place phrase puts a place in ("Odesa,
*Ukraine*"), and the states the parties are or act for ("*Turkish* President Erdogan").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING

from kg.extract.arguments import EntityIndex, named
from kg.extract.attacks import attack_noun, attack_nouns, between_sides, fight_noun, fight_subject, in_attack
from kg.extract.lexicon import WORDS, Lexicon, Lexicons, Trigger
from kg.extract.paths import OF_OBJECT, Path, heads_reached
from kg.gazetteer import GazetteerEntry, load_gazetteer, written_as
from kg.records import Entity, EntityType

if TYPE_CHECKING:
    from spacy.tokens import Token

WATER_NOUNS = WORDS["water_nouns"]
NEARBY_PREPOSITIONS = WORDS["nearby_prepositions"]
PLACE_NOUNS = WORDS["place_nouns"]
STRUCK_THING_NOUNS = WORDS["struck_thing_nouns"]
# The last words of a named place an attack happened beside, not in: a building or thing, a boundary or landmark.
BESIDE_NOUNS = STRUCK_THING_NOUNS | WORDS["landmark_nouns"]
TAKING_LEMMAS = WORDS["taking_lemmas"]
SECURITY_NOUNS = WORDS["security_nouns"]
HARM_VERBS = WORDS["harm_verbs"]
# The prepositions of where a struck thing stood, and the kinds of place it stood in.
THING_PREPOSITIONS = frozenset({"in", "at"})
THING_PLACE_TYPES = frozenset({EntityType.LOCATION, EntityType.STATE})


def _reached(token: Token, paths: Iterable[Path]) -> Iterator[Token]:
    """The tokens each of `paths` reaches from `token`, path by path."""
    for path in paths:
        yield from path.follow(token)


def states_of(keys: Iterable[str], index: EntityIndex) -> set[str]:
    """The states that qualify any of `keys` where the article names them ("*Turkish* President Erdogan")."""
    states: set[str] = set()
    for key in keys:
        for token in mention_ends(key, index):
            states.update(index.in_span(token.doc[token.left_edge.i : token.i], [EntityType.STATE]))
    return states


def mention_ends(key: str, index: EntityIndex) -> list[Token]:
    """The last word of each mention of `key`: the token whose head is no word of that mention."""
    return [token for token in index.tokens_of(key) if token.head.i == token.i or index.at(token.head) != key]


def states_in_names(keys: Iterable[str], index: EntityIndex) -> set[str]:
    """The article's states whose name or demonym is a word of a party's own name ("the *Russian*
    Ministry of Defence": Russia), which `states_of` does not see inside the mention."""
    names = "".join(f" {index.entities[key].label.lower()} " for key in keys if index.type_of(key) is not EntityType.STATE)
    if not names:
        return set()
    return {key for key, entity in index.entities.items() if entity.type is EntityType.STATE
            and any(f" {word} " in names for word in load_gazetteer().state_words(entity.label))}  # fmt: skip


def state_of_place(token: Token, paths: Iterable[Path], index: EntityIndex) -> list[str]:
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


def struck_state(token: Token, trigger: Trigger, paths: Iterable[Path], events: Lexicon, index: EntityIndex) -> list[str]:
    """The state a place path reaches after one of the trigger's `struck_states` prepositions
    ("drone strikes *across Ukraine*", "kill nine people *in southern Lebanon*"; not "near")."""
    prepositions = trigger.words("struck_states")
    if not prepositions or _members_struck(token, trigger, events, index):
        return []
    state = state_place(token, paths, prepositions, index)
    return [state] if state is not None else []


def _members_struck(token: Token, trigger: Trigger, events: Lexicon, index: EntityIndex) -> bool:
    """Those the attack struck are members of a named organization ("members of the IRGC are
    killed in strikes in Iraq"): the organization's people, not the state they were in."""
    for victims in _reached(token, events.paths(trigger, "targets")):
        for owner in OF_OBJECT.follow(victims):
            if any(index.type_of(key) is EntityType.ORGANIZATION for key in index.entities_of(owner)):
                return True
    return False


def victims_place(token: Token, trigger: Trigger, location: str, targets: list[str], actors: list[str], home: set[str],
                  events: Lexicon, index: EntityIndex) -> bool:  # fmt: skip
    """A named party's attack on unnamed civilians only (the trigger's `victims_place` sectors), or
    an attack by armed men no name stands for (the trigger's `victims_place_groups` sectors:
    "gunmen", "bandits", "insurgents"; not police, soldiers, protesters or a lone "man"), struck the
    place on land it happened in: not a body of water, not a place it happened near ("near the
    Al-Shifa Hospital"), not a fight between sides ("killed in clashes", "clashes between X kill"),
    not a taking of people ("children abducted by X in Y": patterns/word_lists.tsv's `taking_lemmas`),
    and not a place of the party's own state (`home`: "the Sudanese army ... in Kutum, North Darfur,
    Sudan")."""
    sectors = trigger.words("victims_place")
    if not (sectors and targets and (_attackers(actors, trigger, index) or _partyless(token, actors, events))):
        return False
    if between_sides(token, trigger, events) or fight_subject(token, events) or _taking(token, events):
        return False
    if any(index.entities[key].sector not in sectors for key in targets):
        return False
    sent = token.sent  # where the sentence first names the place (the last word of that mention)
    mention = next((end for end in mention_ends(location, index) if sent.start <= end.i < sent.end), None)
    if mention is None or _on_water(index.entities[location]) or not _happened_in(mention):
        return False
    return home.isdisjoint(_placing_states(mention, index))


def _taking(token: Token, events: Lexicon) -> bool:
    """The trigger takes people (patterns/word_lists.tsv's `taking_lemmas`: "abducted by X in Y"),
    not in an attack that struck them there ("kidnapped in an attack by gunmen on a school in Y")."""
    return token.lemma_.lower() in TAKING_LEMMAS and not in_attack(token, events)


def _attackers(actors: list[str], trigger: Trigger, index: EntityIndex) -> bool:
    """The attack has a named actor, or only unnamed armed men of the trigger's `victims_place_groups` sectors."""
    if named(actors, index):
        return True
    sectors = trigger.words("victims_place_groups")
    return bool(actors) and all(index.entities[key].sector in sectors for key in actors)


def _partyless(token: Token, actors: list[str], events: Lexicon) -> bool:
    """An attack no party is told of ("23 people are killed in an attack in Tillaberi, Niger"), told
    as an attack (the trigger an attack word, or the victims killed in or by one; not "children have
    been killed in X"), in a sentence naming no security thing or force (patterns/word_lists.tsv's
    `security_nouns`: "a suicide bombing targeting a convoy", "an attack on a security post": the
    victims a side, not bystanders) and no fight or sides ("clashes", "between the towns of X and Y")."""
    if actors:
        return False
    sent = token.sent
    if any(word.lemma_.lower() in SECURITY_NOUNS or word.lower_ in SECURITY_NOUNS or word.lower_ == "between"
           or (word.pos_ == "NOUN" and fight_noun(word, events)) for word in sent):  # fmt: skip
        return False
    if token.lemma_.lower() not in HARM_VERBS:
        return True
    return in_attack(token, events) or any(
        child.dep_ in ("nsubj", "nsubjpass", "agent") and attack_noun(child if child.dep_ != "agent" else next(iter(child.children), child), events)
        for child in token.children)  # fmt: skip


def home_states(actors: list[str], index: EntityIndex) -> set[str]:
    """The states the actors are or act for (a state, a person's or an organization's state)."""
    return {key for key in actors if index.type_of(key) is EntityType.STATE} | states_of(actors, index)


def forces_homes(forces: frozenset[str], index: EntityIndex) -> set[str]:
    """The article's states among the gazetteer's states `forces` (`force_states` of the actors: the
    *IDF*'s Israel)."""
    return {key for key, entity in index.entities.items() if entity.type is EntityType.STATE and _named_state(entity.label) & forces} if forces else set()


# Kinds of organization that are one state's own armed force.
FORCE_KINDS = frozenset({"ArmedForces", "MilitaryUnit"})


def force_states(actors: Iterable[str], index: EntityIndex) -> frozenset[str]:
    """The gazetteer's states (by name) whose own armed force one of the actors is, by the state
    names and demonyms in the force's names, the gazetteer's as well as the article's ("the *IDF*":
    the Israel Defense Forces, Israel's; "the *Nigerian* Air Force": Nigeria's), whether or not the
    article names that state; none where its names name no state ("the Royal Navy", "the Quds Force")."""
    found: set[str] = set()
    for key in actors:
        entity = index.entities[key]
        if entity.type is EntityType.ORGANIZATION and entity.kind in FORCE_KINDS:
            found |= _names_states(entity.label, entity.kind)
    return frozenset(found)


@lru_cache(maxsize=1024)
def _names_states(label: str, kind: str) -> frozenset[str]:
    """The states named by a word of `label` or of the names of the gazetteer's force of `kind` it is."""
    gazetteer = load_gazetteer()
    names = [label, *(name for entry in gazetteer.lookup(label) if entry.kind == kind for name in entry.names)]
    text = "".join(f" {name.lower()} " for name in names)
    return frozenset(entry.name for entry in _gazetteer_states() if any(f" {word.lower()} " in text for word in (*entry.names, *entry.demonyms)))


@lru_cache(maxsize=1)
def _gazetteer_states() -> tuple[GazetteerEntry, ...]:
    return tuple(entry for entry in load_gazetteer().entries if entry.type is EntityType.STATE)


@lru_cache(maxsize=1024)
def _named_state(label: str) -> frozenset[str]:
    """The gazetteer's states (by name) an article's state of `label` is."""
    return frozenset(entry.name for entry in load_gazetteer().lookup(label) if entry.type is EntityType.STATE)


def struck_places(token: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex, actors: list[str],
                  captured: bool = False) -> list[str]:  # fmt: skip
    """The named places in the object slot of a named party's attack (the trigger's `struck`
    paths: "Russia bombed *Kyiv*", "strikes *on Odesa* and *Kherson*", "*Kyiv* was hit by"), or
    that name the place noun there ("the *Shalamcheh* area", "the port *of Mukalla*"): what it
    struck. Not where it happened ("in X": no such path), a place in the phrase of a person or
    thing struck ("the police chief of X"), nor a place of the attacker's own state by its phrase
    ("Ruritanian drones attacked X, Ruritania"); a place `captured` is what was taken wherever it
    lies ("the Sudanese army recaptures Kurmuk, Sudan"). Where no place is struck by name, outside a
    fight: the place a thing struck stood in (`_things_places`: "struck a police station *in X*"),
    else the place the attack itself is told near (`_near_places`: "strikes *near X*")."""
    if not named(actors, index):
        return []
    home = set() if captured else home_states(actors, index) | states_in_names(actors, index)
    struck = heads_reached(token, lex.events.paths(trigger, "struck"))
    places: list[str] = []
    for part in struck:
        common_place = index.at(part) is None and part.lemma_.lower() in PLACE_NOUNS
        for word in (part, *(_place_names(part) if common_place else ())):
            key = index.at(word)
            if key is None or key in places or index.type_of(key) is not EntityType.LOCATION:
                continue
            if home.isdisjoint(_placing_states(word, index)):
                places.append(key)
    if not places and not captured and not between_sides(token, trigger, lex.events):
        places = _things_places(struck, index, home) or _near_places(token, trigger, lex, index, home)
    return places


def _things_places(struck: list[Token], index: EntityIndex, home: set[str]) -> list[str]:
    """The places the unnamed things in `struck` stood in ("struck a police station *in Vell*", "an
    airstrike on a market *in Vell*"): on land, not of the attacker's own state; a thing only
    (patterns/word_lists.tsv's `struck_thing_nouns`), no person struck (the place of victims is
    `victims_place`'s)."""
    places: list[str] = []
    for part in struck:
        if index.at(part) is not None or part.lemma_.lower() not in STRUCK_THING_NOUNS:
            continue
        for word in _thing_place_words(part):
            key = index.at(word)
            if key is None or key in places or key in home or index.type_of(key) not in THING_PLACE_TYPES:
                continue
            if _on_land_abroad(key, word, home, index):
                places.append(key)
    return places


def _near_places(token: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex, home: set[str]) -> list[str]:
    """The named places the attack itself is told *near* (the trigger's `struck_near` paths: "U.S.
    strikes *near Bandar Abbas*", "shot by Ruritanian soldiers *near Vell*"): the area it struck,
    where nothing struck is named. Not a named building, boundary or landmark it happened beside
    (patterns/word_lists.tsv's `struck_thing_nouns` and `landmark_nouns`: "near the Al-Shifa
    Hospital", "near the Durand Line"), not water, not a place of the attacker's own state."""
    places: list[str] = []
    for word in heads_reached(token, lex.events.paths(trigger, "struck_near")):
        key = index.at(word)
        if key is None or key in places or index.type_of(key) is not EntityType.LOCATION:
            continue
        if _landmark(index.entities[key]) or not _on_land_abroad(key, word, home, index):
            continue
        places.append(key)
    return places


def _landmark(place: Entity) -> bool:
    """The place's name ends in a noun of a building, a boundary or a landmark ("the Al-Shifa
    *Hospital*", "the Iran–Pakistan *border*")."""
    return place.label.lower().split()[-1] in BESIDE_NOUNS


def _on_land_abroad(key: str, mention: Token, home: set[str], index: EntityIndex) -> bool:
    """The place is no body of water, and neither its phrase nor its name puts it in the attacker's
    own state (`home`: "a warehouse in X, *Ruritania*", a capital of that state)."""
    if _on_water(index.entities[key]) or not home.isdisjoint(_placing_states(mention, index)):
        return False
    place_states = _state_qids(index.entities[key].label)  # the state it is a capital of, if any
    return all(place_states.isdisjoint(_state_qids(index.entities[state].label)) for state in home)


def capital_states(keys: Iterable[str], index: EntityIndex) -> list[str]:
    """The article's states whose capital a place of `keys` is, by the gazetteer ("its embassy in
    *Tehran*": Iran, where the article names Iran); none for a place that is no capital."""
    qids = {entry.qid for key in keys if index.type_of(key) is EntityType.LOCATION
            for entry in load_gazetteer().lookup(index.entities[key].label)
            if entry.type is EntityType.STATE and written_as(index.entities[key].label, entry.capitals)}  # fmt: skip
    return [key for key, entity in index.entities.items()
            if qids and entity.type is EntityType.STATE and not qids.isdisjoint(_state_qids(entity.label))]  # fmt: skip


def _state_qids(name: str) -> set[str | None]:
    """The gazetteer's states that `name` names, as their name, demonym or capital."""
    return {entry.qid for entry in load_gazetteer().lookup(name) if entry.type is EntityType.STATE}


def _thing_place_words(thing: Token) -> list[Token]:
    """The objects of the thing's own "in / at" phrase ("a police station *in* Vell"), or of its
    verb's when the parse hangs the phrase there and the thing is the verb's object ("struck a
    police station | in Vell")."""
    holders = [thing, thing.head] if thing.dep_ == "dobj" else [thing]
    words: list[Token] = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in THING_PREPOSITIONS:
                words += [obj for obj in prep.children if obj.dep_ == "pobj"]
    return words


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


def attack_place(token: Token, clauses: list[Token], lex: Lexicons, index: EntityIndex) -> str | None:
    """Where the attack that did it happened, for a verb with no place of its own ("an attack *in
    Balochistan* kills five people", "killed in an airstrike *on Injar*"), else the first place its
    phrase names ("in a bombing targeting a bus *in Khuzdar*", "at a mosque inside a school *in
    Jakarta*")."""
    attacks = attack_nouns(token, lex)
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


def target_place(token: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex) -> str | None:
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


def state_place(token: Token, paths: Iterable[Path], prepositions: frozenset[str], index: EntityIndex) -> str | None:
    """A state a place path reaches after one of `prepositions` ("held *across Spain*", "protests
    *in Israel*"): where an event no party is named for happened, for a trigger no path reaches a
    place of."""
    for reached in _reached(token, paths):
        key = index.at(reached)
        if key is not None and reached.head.lower_ in prepositions and index.type_of(key) is EntityType.STATE:
            return key
    return None


def place_within(token: Token, paths: Iterable[Path], index: EntityIndex) -> str | None:
    """A place that names the head of a place phrase standing for a state ("in Muharraq
    Governorate, Bahrain": Muharraq), for a trigger no place path reaches as a place."""
    for reached in _reached(token, paths):
        for child in reached.children:
            place = index.place_at(child) if child.dep_ == "compound" else None
            if place is not None:
                return place
    return None
