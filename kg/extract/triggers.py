"""The triggers a word stands for (part of the events stage): Token -> list[Trigger].

A noun's triggers are those of patterns/events.jsonl; a verb's are its hand-written triggers there
whose requirements the words around it meet, else the type the CAMEO coder (kg.extract.coder)
gives it, with that type's trigger. A present-tense verb the tagger misread as a noun ("Iran
*summons* the ambassador") is read as the verb its form inflects.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING

from kg.extract.coder import headline_passive, verb_dictionary
from kg.extract.arguments import CROWDS, RELATIVE
from kg.extract.lexicon import Lexicons, Trigger
from kg.extract.paths import INFINITIVE, OBJECT, OF_OBJECT, parse_path

if TYPE_CHECKING:
    from spacy.tokens import Token

# Where a gerund stands for its event noun ("*Fighting* between X and Y killed 12").
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
# The words that qualify a noun: "a *prisoner* swap", "a *24-hour* strike", "the *teachers'* strike".
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
# The subordinator of a for-to clause ("calls *for* Iran to cease"), which is the verb's preposition.
FOR_MARK = parse_path(">mark[for]")


def triggers(token: Token, lex: Lexicons, assets: set[int]) -> list[Trigger]:
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
        nouns = [_held_by_its_verb(trigger, token, lex) for trigger in _senses(events.by_lemma(lemma, "NOUN"), token, assets)]
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
        verbs = verb_triggers(token, candidate, lex, assets)
        if verbs:
            break
    # A trigger's own paths first ("launch a missile *at* X"), then those of the misparse.
    return nouns + [
        dataclasses.replace(verb, slots={**verb.slots, **{
            slot: tuple(dict.fromkeys((*verb.slots.get(slot, ()), *more))) for slot, more in paths.items()},
            **passive})
        for verb in verbs
    ]  # fmt: skip


def _senses(nouns: list[Trigger], token: Token, assets: set[int]) -> list[Trigger]:
    """A word's triggers less the types a sense the words around it mark displaces: a *general*
    strike, workers *on* strike, is a protest and no attack; sanctions *suspended* are eased, no
    suspension of their party."""
    displaced: set[str] = set()
    for trigger in nouns:
        if trigger.words("displaces") and requirements_met(token, trigger, assets):
            displaced |= trigger.words("displaces")
    return [trigger for trigger in nouns if trigger.label not in displaced]


def _held_by_its_verb(trigger: Trigger, noun: Token, lex: Lexicons) -> Trigger:
    """A meeting noun takes its parties from the verb it is the object or passive subject of
    only where that verb reads as the meeting itself ("*held* talks", "the agreement was *signed*
    by") or, for an object, as no event at all ("*had* a phone call"); a verb of another event
    ("*welcomed* the talks") or, for a passive, of none ("the call was *seconded* by A and B": an
    appeal backed) leaves the noun its own phrase ("A's call with B")."""
    if not trigger.flag("symmetric") or noun.dep_ not in ("dobj", "nsubjpass") or noun.head.pos_ != "VERB":
        return trigger
    types = {verb.label for verb in verb_types(noun.head, lex)}
    if types & {trigger.label, *trigger.words("supersedes")} or not types and noun.dep_ == "dobj":
        return trigger
    own = tuple(path for path in lex.events.paths(trigger, "actors") if path.steps[0].down)
    return dataclasses.replace(trigger, slots={**trigger.slots, "actors": own}, options={**trigger.options, "own_phrase": True})


def verb_triggers(token: Token, lemma: str, lex: Lexicons, assets: set[int]) -> list[Trigger]:
    """A verb's hand-written triggers whose requirements it meets (constructions the CAMEO
    dictionary lacks: "declared X persona non grata"); else the type the coder gives it, with
    that type's trigger ("coded" in patterns/events.jsonl), unless a hand-written trigger of
    that type for the verb has just failed its requirements ("called X a coward": no call); one
    that reads only a sense its object marks (`keeps_coder`: "approves the *extradition* of X")
    leaves the verb's other objects to the coder ("approves 19 settlements")."""
    written = lex.events.by_lemma(lemma, "VERB")
    # "suspends sanctions on X": the sense the object marks (easing one's own measure) displaces
    # the verb's other rows (a suspension from a body, SANCTION).
    own = _senses([trigger for trigger in written if requirements_met(token, trigger, assets)], token, assets)
    if own:
        return own
    code = verb_dictionary().code(token, lemma, default=lemma not in lex.events.pattern_only)
    failed = {t.label for t in written if not t.flag("keeps_coder")}
    if code is None or code.type is None or code.cameo in lex.events.left_to_others or code.type.value in failed:
        return []
    template = lex.events.coded[code.type.value]  # patterns/events.jsonl has one for every type
    options = {**template.options, "coded_mode": code.mode} if code.mode else template.options
    if code.words:  # "hails the assassination of X": the pattern's own object word (`_acted_upon`)
        options = {**options, "coded_words": sorted(code.words)}
    if code.mode in template.words("targetless_modes"):
        options = {**options, "targetless": True}  # "X resigns": a resignation acts on no one
    # "appoints X as prime minister": CAMEO codes the naming of an official as cooperation or
    # support, where the text gives a person a title (a role: kg.extract.roles), no event between
    # parties; the reading stays in the store, under the export threshold.
    base = float(template.options["appointing_base"]) if lemma in cancelling(template.words("appointing_blocks")) else template.base
    return [dataclasses.replace(template, id=f"cameo.{code.cameo}", lemmas=frozenset({lemma}), options=options, base=base)]


def verb_types(token: Token, lex: Lexicons) -> list[Trigger]:
    """The event triggers a governing verb stands for ("*urged* X, asking ..."); none for another word."""
    return verb_triggers(token, token.lemma_.lower(), lex, set()) if token.pos_ == "VERB" else []


def _misread_verb(token: Token) -> bool:
    """A noun that takes a direct object, or one with a name before it ("The EU sanctions")
    heading its sentence or in a sentence without any verb, is a verb the tagger misread."""
    if OBJECT.follow(token):
        return True
    named_before = any(child.pos_ == "PROPN" and child.dep_ in ("compound", "nsubj", "amod") and child.i < token.i
                       for child in token.children)  # fmt: skip
    # The sentence is read last, only where it decides: Token.sent looks for it anew.
    return named_before and (token.dep_ == "ROOT" or not any(other.pos_ in ("VERB", "AUX") for other in token.sent))


def _verb_lemmas(form: str) -> list[str]:
    """Base forms a present-tense verb form may have: "fire" (the Houthis fire), "summons" ->
    "summon", "launches" -> "launch", "carries" -> "carry"."""
    if not form.endswith("s") or form.endswith("ss"):
        return [form]
    return [form[:-1], *([form[:-2]] if form.endswith("es") else []), *([form[:-3] + "y"] if form.endswith("ies") else [])]


def requirements_met(token: Token, trigger: Trigger, assets: set[int]) -> bool:
    """The words around `token` meet the trigger's requirements (a requirement not stated is met)."""

    def met(requirement: str, words: Iterable[str]) -> bool:
        required = trigger.words(requirement)
        return not required or not required.isdisjoint(words)

    def lemmas_below(deps: Iterable[str]) -> Iterator[str]:
        return (part.lemma_.lower() for child in token.children if child.dep_ in deps for part in child.subtree)

    def modifiers() -> Iterator[str]:
        return (child.lemma_.lower() for child in token.children if child.dep_ in MODIFIER_DEPS)

    preps = {child.lower_ for child in token.children if child.dep_ in ("prep", "prt")}
    # "calls *for* Iran to cease": the parser hangs a for-to clause's "for" as its subordinator;
    # it is the verb's preposition all the same (no phone call; a call for X to act).
    if any(child.dep_ in ("advcl", "ccomp") and FOR_MARK.follow(child) and INFINITIVE.follow(child) for child in token.children):
        preps.add("for")
    deps = {child.dep_ for child in token.children}
    if preps & trigger.words("excludes_prep") or deps & trigger.words("excludes_child"):
        return False  # "calling it a lie" is no phone call
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in trigger.words("excludes_xcomp") for c in token.children):
        return False  # "ordered the troops to withdraw" sends no one
    # "provided Ukraine *with* a loan": what is given may follow "with"; a misread verb's object
    # is its head ("fire *missiles*"), and so is a relative pronoun's: "a disruption *that*
    # Slovakia attributes to Ukraine".
    relative = token.dep_ == "relcl" and any(child.dep_ in ("dobj", "nsubjpass") and child.lower_ in RELATIVE
                                             for child in token.children)  # fmt: skip
    head_as_object = [token.head.lemma_.lower()] if trigger.pos == "VERB" and token.dep_ == "compound" or relative else []
    objects = _object_heads(token) if trigger.flag("object_heads") else (
        part.lemma_.lower() for child in token.children if child.dep_ in ("dobj", "nsubjpass")
        or (child.dep_ == "prep" and child.lower_ == "with") for part in child.subtree)  # fmt: skip
    if not (
        met("requires_prep", preps)
        and met("requires_child", deps)
        and met("requires_prep_object", lemmas_below(("prep",)))
        and met("requires_modifier", modifiers())
        and met("requires_object_lemmas", chain(head_as_object, objects))
        # "declared the envoy persona non grata": the words may sit anywhere in the complement.
        and met("requires_complement_lemmas", lemmas_below(("ccomp", "xcomp", "oprd", "dobj")))
        and met("requires_subject_lemmas", _subject_lemmas(token))
        and met("requires_clause_lemmas", _clause_lemmas(token))
    ):
        return False
    # "a *general* strike", "go *on* strike", "a strike *over pay*": any one of several cues will do.
    cues = trigger.options.get("requires_one_of")
    if cues:
        alternatives: dict[str, Callable[[], Iterable[str]]] = {
            "modifier": modifiers, "verb_prep": lambda: _verb_prep(token), "prep_object": lambda: lemmas_below(("prep",))}
        if not any(not frozenset(words).isdisjoint(alternatives[name]()) for name, words in cues.items()):
            return False
    if (told_by := trigger.options.get("subject_of")) and not _subject_of(token, told_by):
        return False  # "a ceasefire between X and Y *comes into effect*", not "*during* a ceasefire"
    if trigger.flag("refusal") and not refused(token, trigger):
        return False  # "will join X" is no refusal, nor "may not join X" (kg.extract.events)
    # What is sent must be an asset itself ("ordered troops"), not merely mention one ("ordered
    # the suspension of Patriot shipments").
    return not trigger.flag("requires_asset") or any(
        head.i in assets for child in token.children if child.dep_ in ("dobj", "nsubjpass")
        for head in (child, *child.conjuncts)
    )  # fmt: skip


def _subject_of(noun: Token, verbs: dict[str, list[str]]) -> bool:
    """A noun is the subject of a verb of `verbs` (its lemma, with one of the words listed for it,
    if any, among its objects and the objects of its prepositions: "takes *effect*", "comes into
    *effect*", "holds")."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in verbs:
        return False
    needed = verbs[verb.lemma_.lower()]
    words = {w.lemma_.lower() for w in verb.subtree if w.dep_ in ("dobj", "pobj", "prt") and w.i > verb.i}
    return not needed or not words.isdisjoint(needed)


def refused(token: Token, trigger: Trigger) -> bool:
    """A refusal trigger's verb is refused: negated under a modal of the future alone ("X *will
    not* join Y", "*won't* take part", `refusal_modals`), or the complement of a refusing word
    that is not negated itself ("X *refused* to join Y", "its *refusal* to participate",
    `refusal_governors`), or of an intending word that is ("X does *not plan* to negotiate with Y",
    `refusal_negated_governors`)."""
    children = list(token.children)
    if any(child.dep_ == "neg" for child in children):
        modals = [child.lower_ for child in children if child.dep_ in ("aux", "auxpass")]
        return bool(modals) and set(modals) <= trigger.words("refusal_modals")
    governor = token.head
    if token.dep_ not in ("xcomp", "acl") or governor.i == token.i:
        return False
    negated = any(child.dep_ == "neg" for child in governor.children)
    if governor.lemma_.lower() in trigger.words("refusal_negated_governors"):
        return negated  # "X does *not plan* to enter negotiations with Y", not "X plans to"
    return governor.lemma_.lower() in trigger.words("refusal_governors") and not negated


def _object_heads(verb: Token) -> Iterator[str]:
    """The lemmas of a verb's objects themselves, each conjunct, and what a count object counts
    ("exchanged *prisoners*", "swapped hundreds of *captives*"), not the words that qualify them
    ("exchanged lists of prisoners" frees no one)."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            for noun in (child, *child.conjuncts):
                yield noun.lemma_.lower()
                if noun.like_num or noun.lemma_.lower() in CROWDS:
                    yield from (counted.lemma_.lower() for counted in OF_OBJECT.follow(noun))


def _verb_prep(noun: Token) -> list[str]:
    """The verb and preposition a noun is the object of ("go on" for "workers *go on* strike"), if any."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.pos_ not in ("VERB", "AUX"):
        return []
    return [f"{noun.head.head.lemma_.lower()} {noun.head.lower_}"]


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


@lru_cache(maxsize=8)
def cancelling(blocks: frozenset[str]) -> frozenset[str]:
    """The verbs of the CAMEO blocks that undo what they govern (cancel, postpone, halt ...), or
    of other named blocks (NAME: appoint, elect, nominate ...)."""
    return verb_dictionary().verbs_of(blocks)


def verb_forms(verb: Token) -> set[str]:
    """A verb's lemma, alone and with each of its particles ("call", "call off")."""
    lemma = verb.lemma_.lower()
    return {lemma, *(f"{lemma} {child.lower_}" for child in verb.children if child.dep_ == "prt")}
