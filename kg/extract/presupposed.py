"""Events another phrase presupposes (part of the events stage): a trigger noun Token -> whether the
phrase that governs it takes the event as under way.

"calls on Iran to *cease* its attacks on ships", "Israel must *stop* its strikes on Lebanon", "an
*end to* Russian attacks on Kyiv", "*further* Iranian attacks": the attacks were made, whatever
is said of their halting; "X resigns *amid* protests over Y", "killed *amid* fighting between X
and Y": the protests and the fighting are the backdrop under way. The event noun then states its
event like any other (the convention of bench/COVERAGE.md, "Presupposed events", rules 6 and 8),
undated, besides the event of the phrase that governs it (the request, the halting).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.lexicon import WORDS
from kg.extract.triggers import verb_forms

if TYPE_CHECKING:
    from spacy.tokens import Token

PRESUPPOSING_VERBS = WORDS["presupposing_verbs"]
PRESUPPOSING_NOUNS = WORDS["presupposing_nouns"]
PRESUPPOSING_MODIFIERS = WORDS["presupposing_modifiers"]
AMID = WORDS["amid_prepositions"]
AIMED_ONLY, ATTACK_MODIFIERS = WORDS["aimed_attack_nouns"], WORDS["attack_noun_modifiers"]
AIMS = frozenset({"on", "against", "targeting", "upon"})
# The words of a noun that make the event it names one yet to come ("amid *planned* protests",
# "amid *possible* strikes"): no event under way.
NOT_UNDER_WAY = frozenset({"planned", "possible", "potential", "expected", "threatened", "proposed", "future"})


def presupposing(noun: Token) -> Token | None:
    """The word that takes the attack `noun` names as already under way: the verb of `PRESUPPOSING_VERBS`
    whose object it is ("cease *attacks*", "continue its *strikes*", a later conjunct with the first),
    the noun of `PRESUPPOSING_NOUNS` whose *to* or *of* phrase it is ("an end to *attacks*", "the
    continuation of *strikes*"), or its modifier of `PRESUPPOSING_MODIFIERS` ("*further* attacks")."""
    if noun.pos_ != "NOUN" or _yet_to_come(noun) or noun.lemma_.lower() in AIMED_ONLY and not _aimed(noun):
        return None
    modifier = next((child for child in noun.children if child.dep_ == "amod" and child.lower_ in PRESUPPOSING_MODIFIERS), None)
    if modifier is not None:
        return modifier
    node = first_of_list(noun)
    head = node.head
    if node.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and verb_forms(head) & PRESUPPOSING_VERBS:
        return head
    if node.dep_ == "pobj" and head.lower_ in ("to", "of") and head.head.pos_ == "NOUN" and head.head.lemma_.lower() in PRESUPPOSING_NOUNS:
        return head.head
    return None


def amid_event(noun: Token) -> bool:
    """The event noun is the backdrop *amid* which its clause happened ("resigns amid *protests*",
    "amid ongoing *clashes* between X and Y"), a later conjunct with the first; not one yet to come
    ("amid *planned* protests") nor the object of another noun ("amid fears of protests": not an
    *amid* object)."""
    if noun.pos_ != "NOUN" or _yet_to_come(noun):
        return False
    node = first_of_list(noun)
    return node.dep_ == "pobj" and node.head.lower_ in AMID


def first_of_list(noun: Token) -> Token:
    """The first noun of the list `noun` is a later conjunct of ("halt its strikes and *raids*"), or
    `noun` itself: the phrase that governs the list governs each."""
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head
    return noun


def _aimed(noun: Token) -> bool:
    """The attack noun is aimed at something ("strikes *on* X") or a weapon's ("*drone* strikes")."""
    return any(child.dep_ == "prep" and child.lower_ in AIMS or child.dep_ in ("amod", "compound") and child.lower_ in ATTACK_MODIFIERS
               for child in noun.children)  # fmt: skip


def _yet_to_come(noun: Token) -> bool:
    return any(child.dep_ in ("amod", "compound") and child.lower_ in NOT_UNDER_WAY for child in noun.children)


# Prepositions by which a verb of asking names whom it asks: "calls *on* Iran to cease ...".
ASKED_ON = frozenset({"on", "upon"})


def owner_named_for(noun: Token) -> list[Token] | None:
    """Where the attacker of a presupposed attack owned by a pronoun is named ("cease *its*
    attacks"): the subject of the verb that presupposes it ("Israel must stop its strikes"), else,
    for a verb that completes another, the party that other verb asks ("calls on *Iran* to cease
    its attacks", "urged *Israel* to halt its strikes") or, asking no one, its subject ("Iran vowed
    to continue its attacks"). None where no pronoun owns the noun (its own phrase names the
    attacker, or none)."""
    if not any(child.dep_ == "poss" and child.pos_ == "PRON" for child in noun.children):
        return None
    verb = presupposing(noun)
    if verb is None or verb.pos_ != "VERB":
        return []
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    if subjects or verb.dep_ != "xcomp":
        return subjects
    asking = verb.head
    asked = [child for child in asking.children if child.dep_ in ("dobj", "dative")]
    asked += [obj for prep in asking.children if prep.dep_ == "prep" and prep.lower_ in ASKED_ON
              for obj in prep.children if obj.dep_ == "pobj"]  # fmt: skip
    return asked or [child for child in asking.children if child.dep_ == "nsubj"]
