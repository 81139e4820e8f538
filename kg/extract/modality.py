"""Attribution and modality of a claim's trigger (part of extract): Token -> Modality.

Reads the cue words of patterns/modality.tsv around the trigger: its own dependents ("did
*not* meet", "*may* strike", "a *possible* meeting"), a verb that keeps someone from it ("*banned*
X from attending"), the words that govern it ("*denied* attacking", "*threatened* to strike", "*plans* to visit", "X *said* Y attacked"), a conditional
clause ("*if* ...") and "*according to* X". A negated or hypothetical claim is never stored as
plain true; `claimed_by` names the entity the article attributes the claim to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract.arguments import QUALIFIERS, REPRESENTATIVES, EntityIndex
from kg.extract.groups import STATE_ORGANS, agent_at, organ_word
from kg.extract.lexicon import WORDS, Cues
from kg.records import EntityType

if TYPE_CHECKING:
    from spacy.tokens import Token

# How far up the tree a governing cue is looked for, and through which dependencies.
GOVERNOR_DEPTH = 4
CLIMB = frozenset("xcomp ccomp dobj pobj prep acl pcomp nsubj nsubjpass attr advcl relcl".split())
LIGHT_VERB_DEPS = frozenset({"dobj", "nsubjpass", "attr", "nsubj"})
CLAIMANT_TYPES = (EntityType.PERSON, EntityType.STATE, EntityType.ORGANIZATION)
# Nouns of a share in an event ("a role in the talks", "no part in the attack"): the event is the
# object of their "in", and whether the share is had is said on them and on their light verb.
SHARE_NOUNS = WORDS["share_nouns"]
# Nouns that count the events of their "of" phrase ("a *round* of talks", "a *wave* of strikes"):
# the event is said on them, as kg.extract.paths reads their parties ("a *possible* round of talks",
# "*will* hold a second round of talks", "*no* round of talks was held").
QUANTITY_NOUNS = WORDS["quantity_nouns"]


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool
    hypothetical: bool
    claimed_by: str | None
    cue: str | None  # the cue words that decided, for the evidence trail


def assess(trigger: Token, index: EntityIndex, cues: Cues, *, own_only: bool = False) -> Modality:
    """The modality of the claim whose trigger word is `trigger`.

    With `own_only`, only the word's own dependents count ("a *possible* deployment"), not the
    clause around it: for a thing named in passing rather than an event.
    """

    def cue_kind(where: str, token: Token) -> str | None:
        """The kind of the cue `token` is at `where` (by lemma, else by its lower-cased form)."""
        return cues.get((where, token.lemma_.lower())) or cues.get((where, token.lower_))

    kinds: set[str] = set()  # "negation", "hypothetical"
    claimed_by: str | None = None
    found: list[str] = []

    def note(kind: str | None, word: Token) -> None:
        if kind in ("negation", "hypothetical"):
            kinds.add(kind)
            found.append(word.text)

    def note_cue(where: str, word: Token) -> None:
        note(cue_kind(where, word), word)

    # The trigger's own dependents, and those of a light verb ("did not hold talks"); so too of a
    # share in the event and its light verb ("Iran will not have a role in the talks", "X has no
    # role in negotiations": the share denied or to come is the event's too).
    quantity = _quantity(trigger)
    # own_only reads no nouns below, but a counting noun carries the trigger's own modality all the same.
    carriers = [trigger, quantity] if own_only and quantity is not None else [trigger]
    nouns = [] if own_only else [noun for noun in (trigger, _share(trigger), quantity) if noun is not None and noun.pos_ == "NOUN"]
    for noun in nouns:
        if noun is not trigger:
            carriers.append(noun)
        if noun.dep_ in LIGHT_VERB_DEPS and noun.head.i != noun.i:
            carriers.append(noun.head)
    # "will destroy and obliterate", "will recognize X and impose sanctions": the auxiliary of the
    # first verb is shared by the verbs coordinated with it.
    carriers += [carrier.head for carrier in carriers if carrier.pos_ == "VERB" and carrier.dep_ == "conj" and not own_only]
    for carrier in carriers:
        for child in carrier.children:
            if child.dep_ in ("neg", "aux", "det", "advmod", "auxpass"):
                note_cue("child", child)
            if child.dep_ in ("amod", "compound", "advmod") and carrier.pos_ in ("NOUN", "PROPN"):
                note_cue("modifier", child)
            if child.dep_ in ("nsubj", "nsubjpass"):
                for word in child.children:
                    if word.dep_ in ("preconj", "det"):
                        note_cue("subject", word)
    if trigger.head.i != trigger.i and (trigger.head.lower_ == "without" or trigger.dep_ == "pcomp"):
        # "without meeting", "without talks", "warned X against sending troops" (but "protests
        # against the strikes" are against real ones)
        note_cue("head", trigger.head)
        if trigger.dep_ == "pcomp" and trigger.head.lower_ == "from":
            # "banned X from attending", "refrained from attacking": kept from the act
            note_cue("from", _keeper(trigger.head))

    # Governing words and conditional clauses on the way up; a verb coordinated with another of
    # the same form shares what governs the first ("attempted to stop and seize", but not
    # "urged X to reconsider and spoke with Y").
    shares = trigger.dep_ == "conj" and trigger.pos_ == "VERB" and trigger.tag_ == trigger.head.tag_
    node = trigger.head if shares else trigger
    nonfinite = True  # the way up so far is the trigger and the infinitives it completes
    for _ in range(0 if own_only else GOVERNOR_DEPTH):
        for child in node.children:
            if child.dep_ == "mark":
                note_cue("clause", child)
                if _present_tense(node):
                    note_cue("future_clause", child)
            speech = child.dep_ in ("parataxis", "ccomp") and cue_kind("governor", child) == "attribution"
            if speech and claimed_by is None and (claimed_by := _subject_claimant(child, index)):
                found.append(child.text)
        if node.dep_ not in CLIMB or node.head.i == node.i:
            break
        governor = node.head
        nonfinite = nonfinite and (node.dep_ == "xcomp" or adverbial_infinitive(node) or (
            node.i == trigger.i and trigger.pos_ == "NOUN" and node.dep_ == "dobj"))  # "to hold talks"
        if governor.pos_ in ("VERB", "AUX") and (_completes(trigger, node) or (nonfinite and adverbial_infinitive(node))):
            # "will not join X in striking Y", "did not manage to strike", "was not killed in an
            # Israeli strike": a non-finite clause, or an event the verb's "in" phrase names,
            # shares the verb's negation and modal (not "no one was killed": the strike happened);
            # so does a purpose infinitive reached through infinitives only ("will deploy troops
            # *to help train* X": the training is to come, as the deployment is).
            for child in governor.children:
                if child.dep_ in ("neg", "aux"):
                    note_cue("child", child)
        kind = cue_kind("governor", governor)
        participle = node.dep_ == "acl" and node.tag_ in ("VBG", "VBN")
        if kind is None and not (node.i == trigger.i and node.dep_ == "dobj") and not participle:
            # "rejected reports that it attacked" denies; "rejects the deployment" opposes it;
            # "an executive order designating X" designates: a participle modifying a noun is
            # no complement of it ("plans targeting X" stay plans: "plan" is a governor cue).
            kind = cue_kind("complement", governor)
        if (kind == "attribution" and node.dep_ in ("ccomp", "xcomp", "dobj", "prep") and claimed_by is None
                and (claimed_by := _subject_claimant(governor, index))):  # fmt: skip
            found.append(governor.text)
        elif (kind in ("negation", "hypothetical")
              and (node.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "pcomp", "acl")
                   or adverbial_infinitive(node)  # "orders the navy to open fire" parsed as advcl
                   or (kind == "negation" and _adverbial_gerund(node))  # "rules out sending" parsed as advcl
                   or (kind == "hypothetical" and _agreed_object(trigger, node)))
              and not (kind == "negation" and any(child.dep_ == "neg" for child in governor.children))):  # fmt: skip
            note(kind, governor)
            if kind == "hypothetical" and any(c.dep_ == "det" and c.lower_ == "no" for c in governor.children):
                note("negation", governor)  # "no plans to send troops"
        node = governor

    if claimed_by is None and not own_only:
        # "according to X" anywhere in the trigger's sentence.
        claimed_by = _claimant((obj for token in trigger.sent if cue_kind("prep", token) == "attribution"
                                for to in token.children for obj in to.children if obj.dep_ == "pobj"), index)  # fmt: skip
        if claimed_by:
            found.append("according to")
    return Modality("negation" in kinds, "hypothetical" in kinds, claimed_by, " ".join(found) or None)


# The tags of a verb, or of its auxiliary, in the present tense.
PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _present_tense(verb: Token) -> bool:
    """The clause `verb` heads is in the present tense, its own form or its auxiliary's ("until
    the US *lifts* sanctions", "until Hamas *is* disarmed"): after *until* a time still to come."""
    return verb.tag_ in PRESENT_TAGS or any(child.dep_ in ("aux", "auxpass") and child.tag_ in PRESENT_TAGS
                                            for child in verb.children)  # fmt: skip


def _share(trigger: Token) -> Token | None:
    """The noun of a share (`share_nouns`: role, part) whose "in" phrase the noun trigger is the
    object of ("a *role* in the talks"), or the object of the verb the parser hung that phrase on
    ("played no *part* in the talks"), if any."""
    prep = trigger.head
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj" or prep.lower_ != "in" or prep.head.i == prep.i:
        return None
    holder = prep.head
    shares = [holder] if holder.pos_ == "NOUN" else [child for child in holder.children if child.dep_ == "dobj"]
    return next((noun for noun in shares if noun.pos_ == "NOUN" and noun.lemma_.lower() in SHARE_NOUNS), None)


def _quantity(trigger: Token) -> Token | None:
    """The quantity noun (`quantity_nouns`: round, series, wave) whose "of" phrase the noun
    trigger is the object of ("a second *round* of talks"), if any."""
    prep = trigger.head
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return None
    holder = prep.head
    return holder if holder.pos_ == "NOUN" and holder.lemma_.lower() in QUANTITY_NOUNS else None


def _keeper(prep: Token) -> Token:
    """The verb a "from" phrase completes, also where the parser hung the phrase on the verb's
    object or its conjunct ("blocks X and 80 other officials *from* attending")."""
    keeper = prep.head
    while keeper.dep_ in ("dobj", "conj") and keeper.pos_ in ("NOUN", "PROPN", "PRON") and keeper.head.i != keeper.i:
        keeper = keeper.head
    return keeper


def _completes(trigger: Token, node: Token) -> bool:
    """`node`, on the way up from the trigger, joins the trigger to the verb it completes: the
    trigger itself as an xcomp, or the prepositional phrase whose gerund it is ("in *striking*")
    or, in or during, whose event noun it is ("wounded *in the attack*")."""
    if node.dep_ == "prep" and trigger.head.i == node.i:
        return trigger.dep_ == "pcomp" or (trigger.dep_ == "pobj" and trigger.pos_ == "NOUN"
                                           and node.lower_ in ("in", "during") and node.head.pos_ == "VERB")  # fmt: skip
    return node.i == trigger.i and node.dep_ == "xcomp"


def _agreed_object(trigger: Token, node: Token) -> bool:
    """The trigger is the object of the governor's "to" or "on" ("agreed *to* a swap", "agreed
    *on* talks"), not of a phrase that only dates or places it ("agreed ... *during* a call")."""
    return node.dep_ == "prep" and node.lower_ in ("to", "on") and trigger.head.i == node.i


def adverbial_infinitive(token: Token) -> bool:
    """An infinitive clause the parser made adverbial: a purpose ("deploys X *to monitor*"), or a
    complement misparsed ("orders the navy *to open* fire")."""
    return token.dep_ == "advcl" and any(child.dep_ == "aux" and child.lower_ == "to" for child in token.children)


def _adverbial_gerund(token: Token) -> bool:
    """A gerund complement the parser made adverbial, right after its verb or the verb's particle
    ("rules out *sending* warships"), not a participle clause set off from it ("rules out talks,
    *sending* troops")."""
    if token.dep_ != "advcl" or token.tag_ != "VBG" or any(child.dep_ == "mark" for child in token.children):
        return False
    verb = token.head
    ends = {verb.i, *(child.i for child in verb.children if child.dep_ == "prt")}
    return token.left_edge.i == token.i and token.i - 1 in ends


def _claimant(phrases: Iterable[Token], index: EntityIndex) -> str | None:
    """The first person, state or organization that the noun phrases headed by `phrases` name."""
    return next((key for phrase in phrases for key in _speakers(phrase, index)
                 if index.type_of(key) in CLAIMANT_TYPES), None)  # fmt: skip


def _speakers(phrase: Token, index: EntityIndex) -> list[str]:
    """The entities the noun phrase headed by `phrase` names as a speaker. A state that only
    qualifies a common noun speaks only through the noun of one of its organs ("Syrian officials",
    "the Israeli military", "Iran's state media"): a noun of another sector, or of none, speaks
    for itself ("a Syrian war monitor", "a British monitoring group", "Israeli media"), and the
    speaker is the named organization or person the phrase holds, if any ("the Israeli
    newspaper Haaretz"), else no one."""
    keys = index.entities_of(phrase)
    if phrase.pos_ != "NOUN" or index.at(phrase) is not None or _state_voice(phrase, index):
        return keys
    qualifiers = [t for child in phrase.children if child.dep_ in (*QUALIFIERS, "appos") for t in child.subtree]
    qualifying = {index.at(t) for t in qualifiers}
    kept = [key for key in keys if not (index.type_of(key) is EntityType.STATE and key in qualifying)]
    if kept != keys:
        own = (index.at(t) for t in qualifiers)
        kept += [key for key in own if key is not None and index.entities[key].named
                 and index.type_of(key) in (EntityType.PERSON, EntityType.ORGANIZATION) and key not in kept]  # fmt: skip
    return kept


def _state_voice(noun: Token, index: EntityIndex) -> bool:
    """Whether the common noun `noun` is one through which the state that qualifies it speaks: the
    agent phrase it ends (patterns/agents.tsv) is of a state organ's sector ("security forces",
    "state media"), or it is a single word that stands for whom it comes from ("officials",
    "spokesman": `representatives`) or is qualified by a word of a state organ ("army spokesman",
    "government source", "security source", "state television", "military command":
    `organ_word`). A longer phrase of another sector speaks for itself ("opposition leader",
    "rebel commander")."""
    taken = {t.i for t in noun.doc[max(noun.i - 8, 0) : noun.i] if index.at(t) is not None}
    match = agent_at(noun, taken)
    if match is not None and (match[1] in STATE_ORGANS or match[0] < noun.i):
        return match[1] in STATE_ORGANS
    return noun.lemma_.lower() in REPRESENTATIVES or any(
        (child.dep_ in ("compound", "nmod", "amod") and child.pos_ in ("NOUN", "ADJ") and organ_word(child.lower_))
        or (child.dep_ in ("compound", "nmod") and child.pos_ == "NOUN" and _state_voice(child, index))
        for child in noun.children)  # fmt: skip


def _subject_claimant(verb: Token, index: EntityIndex) -> str | None:
    """ "X said ...": the claimant is the verb's subject, or the subject it shares (`_speaker`)."""
    return _claimant(_speaker(verb), index)


# How a speech verb without a subject of its own hangs on the verb whose subject speaks: "X files a
# lawsuit *and accuses* Y of ...", "X condemns it, *accusing* Y of ...", "X expels them *after
# accusing* Y of ...".
SHARED_SUBJECT_DEPS = frozenset({"conj", "advcl", "pcomp"})


def _speaker(verb: Token) -> list[Token]:
    """The subject of a speech verb: its own; else the noun the parser made the object of its
    "after" ("after *Belgium* accused Rwanda of ..."); else, for an active verb coordinated with
    another, a participle or a gerund after a preposition, the subject of the verb it hangs on."""
    for _ in range(3):
        subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects
        misread = [obj for mark in verb.children if mark.dep_ == "mark" for obj in mark.children if obj.dep_ == "pobj"]
        if misread or any(child.dep_ == "auxpass" for child in verb.children) or verb.dep_ not in SHARED_SUBJECT_DEPS:
            return misread
        if verb.dep_ == "pcomp":
            verb = verb.head  # the preposition, on the verb it hangs on
        if verb.head.pos_ not in ("VERB", "AUX") or verb.head.i == verb.i:
            return []
        verb = verb.head
    return []


# Claimants that report rather than take a side: a claim "according to Reuters" is the news.
REPORTERS = frozenset({"MediaOrganization"})


def partisan(modality: Modality, actors: Iterable[str], index: EntityIndex) -> bool:
    """Whether the claim is a party's word rather than the article's: attributed to someone
    other than its actor, who is not a news organization."""
    claimant = modality.claimed_by
    return claimant is not None and claimant not in set(actors) and index.entities[claimant].kind not in REPORTERS
