"""How the news tells an attack around a casualty verb (part of the events stage): a trigger
Token -> its attack nouns, attack clauses and their authors.

"Four officers were killed in an *Israeli airstrike*", "three soldiers are killed *when militants
attack* a patrol boat": the noun or clause of time that tells the attack, and who it names as the
attacker; whether the article says who acted at all (`actor_unstated`, `untold_attack`); and
whether the attack is a fight between sides ("killed in *clashes*").
"""

from __future__ import annotations

from itertools import chain
from typing import TYPE_CHECKING

from kg.extract.arguments import OWNERS, RELATIVE, EntityIndex, acting, definite, groups, parties
from kg.extract.coder import headline_passive
from kg.extract.lexicon import WORDS, Lexicon, Lexicons, Trigger
from kg.extract.paths import AGENT_OBJECT, SUBJECT, parse_path
from kg.extract.triggers import verb_forms, verb_types
from kg.records import EntityType, EventType

if TYPE_CHECKING:
    from spacy.tokens import Token

OUTCOMES = WORDS["outcome_verbs"]
PASSIVE_SUBJECT = parse_path(">nsubjpass")


def between_sides(token: Token, trigger: Trigger, events: Lexicon) -> bool:
    """The attack is a fight between sides: its trigger is a reciprocal word ("clashed"), or it or
    what caused the harm is a fight noun ("killed in clashes")."""
    return token.lemma_.lower() in trigger.words("reciprocal_lemmas") or any(fight_noun(noun, events) for noun in (token, *_causes(token)))


def fight_subject(token: Token, events: Lexicon) -> bool:
    """The trigger's subject is a fight noun ("*clashes* between FARC factions kill 48 people"): the
    harm came of a fight, whoever the one side named."""
    return any(child.dep_ in ("nsubj", "nsubjpass") and fight_noun(child, events) for child in token.children)


def in_attack(token: Token, events: Lexicon) -> bool:
    """A passive happened in a noun of an ASSAULT ("kidnapped *in an attack* by gunmen")."""
    return any(attack_noun(noun, events) for noun in _causes(token))


def attack_noun(noun: Token, events: Lexicon) -> bool:
    """A noun of an ASSAULT ("an *attack* kills 23"; "killed by a *bomb*" is none)."""
    return any(t.label == EventType.ASSAULT.value for t in events.by_lemma(noun.lemma_.lower(), "NOUN"))


def fight_noun(noun: Token, events: Lexicon) -> bool:
    """A noun of a fight between sides (a reciprocal ASSAULT noun: "clashes")."""
    lemma = noun.lemma_.lower()
    triggers = events.by_lemma(lemma, "NOUN")
    return any(t.label == EventType.ASSAULT.value and t.flag("reciprocal") for t in triggers)


# Prepositions by which the victims of a passive stand in an attack: "killed *in* a strike".
IN_ATTACK = frozenset({"in", "during", "amid"})
# Prepositions by which they were struck by the attack a noun tells before it: "killed in X *after*
# a Russian missile strike" (an attack noun only: "killed after a car crash" names no attack).
AFTER_ATTACK = frozenset({"after", "following"})


def _passive(token: Token) -> bool:
    return {"auxpass", "nsubjpass"} <= {child.dep_ for child in token.children} or headline_passive(token)


def attack_nouns(token: Token, lex: Lexicons) -> list[tuple[Token, Trigger]]:
    """The attack nouns, with their triggers, a passive suffers "in" ("are killed and others injured *in shelling*",
    the phrase on either conjunct), or the attack noun subject of an active verb ("*a suicide
    bombing* killed four", "launched *an airstrike* that killed four")."""
    subjects = [token.head if token.dep_ == "relcl" and child.lower_ in RELATIVE else child for child in SUBJECT.follow(token)]
    nouns = _causes(token) + _causes(token, AFTER_ATTACK) if _passive(token) else subjects
    triggers = [(noun, attack_trigger(noun, lex)) for noun in nouns]
    return [(noun, trigger) for noun, trigger in triggers if trigger is not None]


def attack_trigger(noun: Token, lex: Lexicons) -> Trigger | None:
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
        attack = attack_trigger(weapon, lex)
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


def attack_clauses(token: Token, lex: Lexicons, index: EntityIndex) -> list[Token]:
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
            and any(_hits_only(clause, trigger, victims, lex, index) for trigger in verb_types(clause, lex))]  # fmt: skip


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
    return set(parties(hit, index) + groups(hit, index)) <= victims


def clause_attackers(passive: Token, clauses: list[Token], index: EntityIndex) -> list[str]:
    """Who the first of a passive's attack clauses (`attack_clauses`) that names one names as its subject ("when *Israeli
    forces* open fire"): the parties, else the unnamed groups; none where one of them is among those
    the passive acts on, the victims ("X is shot dead after *he* stabs two people", "an IDF reservist
    is killed after *their* vehicle hits a bomb")."""
    victims = _victims(passive, index)
    for clause in clauses:
        found = acting(clause, [SUBJECT], index)
        if found and not victims.intersection(found):
            return found
    return []


def noun_attackers(token: Token, lex: Lexicons, index: EntityIndex) -> list[str]:
    """The author the first of a verb's attack nouns names that names one ("killed in an *Israeli*
    airstrike", "after *an RSF* drone strike hits X")."""
    for noun, attack in attack_nouns(token, lex):
        found = acting(noun, lex.events.paths(attack, "actors"), index)  # "shelling by the RSF", "an ambush by gunmen"
        if found:
            return found
    return []


def actor_unstated(token: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex) -> bool:
    """The article reports the event and not who did it: a passive with no agent ("four officers
    were killed in Bhakkar", "X was arrested on Sunday"), or a verb whose subject is an attack no
    one is named for ("a suicide bombing killed four officers"). Not where an attack it names
    holds a party no path reads as its author ("killed in clashes with the army")."""
    if trigger.flag("requires_actor") or token.lemma_.lower() in OUTCOMES:
        return False
    if any(not all(attack_trigger(obj, lex) is not None and not _party_in(obj, lex, index) for obj in AGENT_OBJECT.follow(verb))
           for verb in (token, *token.conjuncts)):
        # "killed by gunmen", "beaten and dragged by protesters": stated, named or not; "hit by
        # drone strikes" names the attack, not its author.
        return False
    if _party_in(token, lex, index, besides=("nsubjpass", "dobj", "nsubj") if headline_passive(token) else ("nsubjpass", "dobj")):
        # "killed in an ambush by gunmen", "killed when militants stormed ...", "killed after
        # Russian strikes": someone other than the victims stands in the clause.
        return False
    passive = _passive(token)
    attacks = _causes(token) if passive else [noun for noun, _ in attack_nouns(token, lex)]
    if passive and any(attack_trigger(noun, lex) is None for noun in attacks):
        return False  # "killed in a car crash": no attack (an active verb's attack nouns have their triggers)
    return (passive or bool(attacks)) and not any(_party_in(noun, lex, index) for noun in attacks)


UNTOLD_IN = frozenset({"following", "after", "in", "during", "amid", "amidst"})
# Clauses that tell an event as the backdrop of another ("This took place *as* protests continue in
# X"): an ongoing state of affairs, not the news of the day.
BACKDROP = frozenset({"as", "while"})


def untold_attack(noun: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex) -> bool:
    """An attack or clash told by a noun that names no party, as the subject of a clause ("*clashes*
    erupt in X", "*an armed attack* in X left seven dead"), after which a clause happened ("charged
    *following a car bombing* in X") or in which a clause with no subject of its own did ("injured *in
    a car bombing* in X"; not "police seize weapons *in raids*": theirs). Not a definite or owned one,
    told elsewhere, nor one whose author is a name kg does not know ("a *Tatmadaw* airstrike"), nor
    a word that with no party is as often a police search (`named_only`: "arrested in raids"). A
    trigger with `told_by` verbs is told only as their subject ("*protests* are held / erupt in X";
    not "protests are planned", "as protests continue"; "arrested amid protests" is stated by
    kg.extract.presupposed's `amid_event`, whoever protested)."""
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
    owned = definite(noun) or any(child.dep_ in OWNERS and (child.dep_ == "poss" or child.pos_ == "PROPN") for child in noun.children)
    return told and not owned and not _party_in(noun, lex, index)


def _verb_phrases(verb: Token) -> set[str]:
    """A verb's forms (`verb_forms`) and the verb with each of its objects ("take place")."""
    lemma = verb.lemma_.lower()
    return verb_forms(verb) | {f"{lemma} {child.lemma_.lower()}" for child in verb.children if child.dep_ == "dobj"}


def joined_passives(token: Token) -> list[Token]:
    """A passive and the passives joined to it ("are killed and others *injured* in an attack"),
    none for an active verb."""
    return _joined_passives(token) if _passive(token) else []


def _joined_passives(token: Token) -> list[Token]:
    """`token` and the passives joined to it, a participle whose auxiliary is left out among them
    ("are killed and others *injured* in an attack")."""
    joined = [token]
    for verb in token.conjuncts:
        gapped = verb.tag_ == "VBN" and not any(child.dep_ in ("aux", "auxpass", "dobj") for child in verb.children)
        if _passive(verb) or gapped:
            joined.append(verb)
    return joined


def _causes(token: Token, prepositions: frozenset[str] = IN_ATTACK) -> list[Token]:
    """The common nouns a passive, or a gapped passive joined to it, happened "in", "during" or
    "amid" (or after another of `prepositions`), save times ("killed in a car crash", "wounded
    during the protests"; not "in Red Harbour", "in the morning")."""
    return [noun for verb in _joined_passives(token) for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in prepositions
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
            and attack_trigger(node.head, lex) is not None)
