"""Extract stage, memberships (kg.memberships.v2): Doc + entities -> Membership claims.

Cue words and their frames are data, patterns/memberships.tsv (cue lemma, part of speech,
frame, confidence). The frames read the dependency parse around a cue:
- member-of: "X is a member of O", "X, a member of O", "X and Y are elected as members of O",
  "O members such as X", "O member states X and Y": the organization is the object of "of"
  (or a compound of the cue: "NATO members"), the members are the cue's apposition head, the
  subject of the verb the cue completes, or what the cue introduces ("such as", "including",
  an apposition, a compound head: "NATO member Poland").
- ally-of: "NATO allies such as X": as member-of, for international organizations only.
- party-member: "Likud lawmaker X", "X, a Labour MP": as member-of, for a person of a party only.
- join: "X joined O", "X became the 32nd member of O", "X's accession to O"; an infinitive
  ("applied to join O") is a joining not yet done (hypothetical).
- leave: "X announces its withdrawal from O", "X threatens to leave O": a member until then; a
  leaving the text states as done ("X left O", "X withdrew from O") is no current membership.
Two readings need no cue word: a person who holds a role of a party (kg.extract.roles: "Labour
leader X") is its member, and so is a person named with the party (`_named_with_party`).
Members are states or organizations (conjuncts included), and people of a party ("X joins the
Democratic Party"); the organization is an Organization entity that is no government body or
legislature, of a kind its frame admits (FRAME_KINDS) and, for a state, STATE_JOINS. A member the
role modifiers call no holder ("a former member of O") is none.

Confidence: docs/confidence.md. Negated readings ("X is not a member of O") are not emitted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import groupby, islice, takewhile
from pathlib import Path
from typing import Iterator

from spacy.tokens import Doc, Span, Token

from kg.extract.arguments import OWNERS, EntityIndex, sentence_evidence, topic_line_end
from kg.extract.confidence import score
from kg.extract.lexicon import WORDS, Cues, load_lexicons, valid_rows
from kg.extract.modality import Modality, assess
from kg.extract.paths import Path as DepPath
from kg.extract.paths import INFINITIVE, OBJECT, OF_OBJECT, heads_reached, parse_path
from kg.extract import roles
from kg.extract.role_words import NOT_HOLDING, load_role_meanings
from kg.extract.roles import PARTY
from kg.records import Article, Entity, EntityType, Membership, Provenance
from kg.resources import data_dir

NAME = "kg.memberships.v2"
OPEN_KINDS = (None, "InternationalOrganization", PARTY)
# The kinds of organization each frame's organization may be (None: any kind): "NATO allies" are
# members, "Hamas allies" are not; join and leave need an open kind ("left the White House").
FRAME_KINDS: dict[str, tuple[str | None, ...] | None] = {
    "member-of": None, "ally-of": ("InternationalOrganization",), "party-member": (PARTY,),
    "join": OPEN_KINDS, "leave": OPEN_KINDS,
}  # fmt: skip
NOUN_FRAMES = ("member-of", "ally-of", "party-member")  # a cue noun whose organization qualifies it
COPULAS = WORDS["copulas"]
COLLECTIVES = WORDS["collectives"]
MEMBER_TYPES = (EntityType.STATE, EntityType.ORGANIZATION)
STATE_JOINS = (None, "InternationalOrganization")  # what a state may be a member of: not Hamas, not a party
LEGISLATURES = WORDS["legislature_words"]
SUBJECTS = ("nsubj", "nsubjpass")
ANNOUNCING = WORDS["announcing"]
INTENTS = WORDS["intents"]
INTRODUCERS = ("including", "like")
# Nouns whose "of" phrase the cue noun stands in as one of several: "one of the NATO members".
PARTITIVES = frozenset({"one", "majority", "number", "group", "list", "handful", "half", "rest"})
# Where an organization stands: "a member of O", "withdrew from O", "accession to O", "joined O";
# and the one leaving or joining: "the withdrawal of X".
MEMBER_OF, OF = (parse_path(">prep[of,to,in]>pobj"),), (OF_OBJECT,)
LEFT, JOINED = (parse_path(">prep[from]>pobj"), OBJECT), (parse_path(">prep[to]>pobj"), OBJECT)
# The person a party's noun phrase is said to be of: "the ANO party of X", "the ANO party under leader X".
PARTY_OF = parse_path(">prep[of,under]>pobj")
# "X of the Labour Party": a person named with their party.
NAMED_WITH_PARTY = 0.8


@dataclass(frozen=True, slots=True)
class MembershipCue:
    cue: str
    pos: str
    frame: str
    confidence: float


@lru_cache(maxsize=4)
def load_membership_cues(path: Path | None = None) -> dict[tuple[str, str], MembershipCue]:
    """patterns/memberships.tsv by (cue, part of speech); every bad row is reported."""
    rows = valid_rows(path or data_dir("patterns") / "memberships.tsv", ("cue", "pos", "frame", "confidence"),
                      lambda row: row["pos"] in ("NOUN", "VERB") and row["frame"] in FRAME_KINDS and _unit(row["confidence"]),
                      f"expected a pos NOUN or VERB, a frame in {', '.join(FRAME_KINDS)} and a confidence in (0, 1], "
                      "not {pos!r}, {frame!r}, {confidence!r}")  # fmt: skip
    return {(row["cue"].lower(), row["pos"]): MembershipCue(row["cue"].lower(), row["pos"], row["frame"], float(row["confidence"]))
            for row in rows}  # fmt: skip


def _unit(text: str) -> bool:
    """`text` is a number in (0, 1]."""
    try:
        return 0.0 < float(text) <= 1.0
    except ValueError:
        return False


def extract(doc: Doc, entities: tuple[Entity, ...], article: Article) -> Iterator[Membership]:
    """Membership claims of one article (registered as kg.memberships.v2)."""
    index = EntityIndex(doc, entities)
    cues = load_membership_cues()
    modal_cues = load_lexicons().cues
    emitted: dict[tuple[str, str], Membership] = {}
    body_start = topic_line_end(article)
    for token in doc:
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN" if token.pos_ in ("NOUN", "PROPN") else ""
        cue = cues.get((token.lemma_.lower(), pos)) or cues.get((token.lower_, pos))
        if cue is None or token.idx < body_start:
            continue
        organizations = [o for o in _organizations(token, cue, index) if _fits(o, cue, index)]
        members = _members(token, cue, index, organizations)
        # A person is a member of parties only ("X joins the Democratic Party", "X, a member of the Labour Party").
        members = [m for m in members if (index.type_of(m) in MEMBER_TYPES and cue.frame != "party-member") or (
            index.type_of(m) is EntityType.PERSON and all(index.entities[o].kind == PARTY for o in organizations))]
        if not organizations or not members:
            continue
        modality = assess(token, index, modal_cues)
        phrase = token.doc[(token.head if token.dep_ == "compound" else token).left_edge.i : token.i] if cue.pos == "NOUN" else ()
        if modality.negated:
            continue  # "X is not a member of O"
        if any(word.pos_ in ("ADJ", "ADV") and load_role_meanings().get(word.lower_) in NOT_HOLDING
               and index.at(word) is None for word in (*phrase, *token.children)):  # fmt: skip
            continue  # "X, a former member of O"; "former Likud lawmaker X"
        hypothetical = modality.hypothetical or (cue.frame in ("join", "leave") and _infinitive(token))
        if cue.frame == "leave":
            if not (hypothetical or _pending(token)):
                continue  # "X left O", "X withdrew from O": no longer a member
            hypothetical = False  # "X threatens to leave O", "announces its withdrawal": a member until then
        provenance = _provenance(token, cue.confidence, modality, hypothetical)
        for organization in organizations:
            for member in members:
                if member == organization or (index.type_of(member) is EntityType.STATE
                                              and index.entities[organization].kind not in STATE_JOINS):
                    continue  # "whom they allege are Hamas members": no state is one
                _keep(emitted, Membership(member, organization, provenance))
    # A person holding a role of a party ("Labour Party leader X") or a state office the party's name
    # qualifies ("the Republican Senate Majority Leader") is its member.
    party_roles = [Membership(r.person, r.of, replace(r.provenance, extractor=NAME))
                   for r in roles.party_roles(doc, entities, article)]  # fmt: skip
    for claim in (*party_roles, *_named_with_party(doc, index, modal_cues)):
        _keep(emitted, claim)
    yield from emitted.values()


def _provenance(word: Token, base: float, modality: Modality, hypothetical: bool) -> Provenance:
    """The provenance of a membership read at `word` (negated readings are not emitted)."""
    confidence = score(base, hypothetical=hypothetical, attributed=modality.claimed_by is not None, state=True)
    return Provenance(sentence_evidence(word.sent), NAME, confidence, modality.claimed_by, False, hypothetical)


def _keep(emitted: dict[tuple[str, str], Membership], claim: Membership) -> None:
    """Keep the most confident claim of each (member, organization)."""
    key = (claim.member, claim.organization)
    if key not in emitted or claim.provenance.confidence > emitted[key].provenance.confidence:
        emitted[key] = claim


def _named_with_party(doc: Doc, index: EntityIndex, modal_cues: Cues) -> Iterator[Membership]:
    """A person named with their party: the party right before the name ("Democrat X",
    "Republican X"), after "of [the]" and ending the noun phrase ("MP X of the Labour Party", "X
    of the ruling ANO party", not "of the Labour Party's youth wing"), the party's noun phrase said
    to be the person's (`_owners`: "X's ANO party", "the ANO party of X"), or in apposition to the
    person ("X, a Democrat, said")."""
    for start, end, party in _party_mentions(doc, index):
        word = doc[start]
        people = [doc[end]] if end < len(doc) else []  # "Democrat X"
        phrase_end = end + 1 if end < len(doc) and doc[end].lower_ == "party" else end  # "the ANO party"
        people += _owners(doc[start:phrase_end], index)
        if word.dep_ == "appos":
            people.append(word.head)  # "X, a Democrat, said"
        modality = assess(word, index, modal_cues)
        provenance = _provenance(word, NAMED_WITH_PARTY, modality, modality.hypothetical)
        listed = _listed(doc, end, index) if word.tag_ in ("NNS", "NNPS") else []  # "Republicans X and Y"
        for person in dict.fromkeys([*listed, *(key for token in people if (key := index.at(token)) is not None)]):
            if index.type_of(person) is EntityType.PERSON:
                yield Membership(person, party, provenance)


def _owners(phrase: Span, index: EntityIndex) -> list[Token]:
    """Whose a party's noun phrase says the party is: the one its "of" qualifies ("X of the ruling
    ANO party"), its possessor ("X's ANO party"; for "his ANO party" or "her party, the ANO", the
    one person the sentence names before the pronoun), the person after its "of" ("the ANO party
    of X") or "under" ("the ANO party under leader X")."""
    head, doc = phrase.root, phrase.doc
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        return [head.head.head]
    noun = head.head if head.dep_ == "appos" and head.head.lower_ == "party" else head  # "her party, the ANO"
    owners = [c for t in (*phrase, noun) for c in t.children if c.dep_ == "poss" and not phrase.start <= c.i < phrase.end]
    owners += PARTY_OF.follow(head)
    before = {key: t for t in doc[head.sent.start : phrase.start] if (key := index.at(t)) is not None
              and index.type_of(key) is EntityType.PERSON}  # fmt: skip
    antecedent = list(before.values()) if len(before) == 1 else []
    return [t for owner in owners for t in (antecedent if owner.lower_ in ("his", "her") else [owner])]


def _party_mentions(doc: Doc, index: EntityIndex) -> Iterator[tuple[int, int, str]]:
    """(start, end, key) of every mention of a party: a run of tokens of one party entity."""
    for key, run in groupby(doc, key=index.at):
        if key is not None and index.type_of(key) is EntityType.ORGANIZATION and index.entities[key].kind == PARTY:
            tokens = list(run)
            yield tokens[0].i, tokens[-1].i + 1, key


def _fits(key: str, cue: MembershipCue, index: EntityIndex) -> bool:
    entity = index.entities[key]
    if entity.type is not EntityType.ORGANIZATION or entity.kind == "GovernmentBody":
        return False
    if entity.kind != "InternationalOrganization" and LEGISLATURES & set(entity.label.lower().split()):
        return False  # "members of the National Assembly" are its deputies
    kinds = FRAME_KINDS[cue.frame]
    return kinds is None or entity.kind in kinds


def _named(token: Token, paths: tuple[DepPath, ...], index: EntityIndex) -> list[str]:
    """The entities the phrases `paths` reach from `token` name themselves, conjuncts included, not
    those qualifying them: "joined the EU" is the EU, "joined the EU's defence initiative" is not."""
    keys = (index.at(head) for head in heads_reached(token, paths))
    return [key for key in keys if key is not None]


def _organizations(token: Token, cue: MembershipCue, index: EntityIndex) -> list[str]:
    if cue.frame in NOUN_FRAMES:
        found = index.follow(token, MEMBER_OF)
        if cue.frame == "party-member" and token.i > 0 and index.at(token.doc[token.i - 1]) is not None:
            found += index.entities_of(token.doc[token.i - 1])  # "Labour MP X", however parsed
        for child in token.children:  # "NATO members", "the EU's member states"
            if child.dep_ in OWNERS and index.at(child) is not None and not _non(child):
                found += index.entities_of(child)
        if token.dep_ == "compound" and token.head.lemma_ in COLLECTIVES:
            found += _organizations(token.head, cue, index)
        return found
    return _named(token, LEFT if cue.frame == "leave" else JOINED, index)


def _non(token: Token) -> bool:
    """ "non-EU countries": the organization's name after "non"."""
    words = [t.lower_ for t in token.doc[max(token.left_edge.i - 2, 0) : token.left_edge.i]]
    return bool(words) and (words[-1] in ("non", "non-") or words == ["non", "-"])


def _infinitive(token: Token) -> bool:
    """ "applied to join O", "proposals to withdraw from O": a joining or leaving not yet done."""
    return token.pos_ == "VERB" and bool(INFINITIVE.follow(token))


def _introduces(token: Token) -> bool:
    if token.dep_ == "prep":
        return token.lower_ in INTRODUCERS or (token.lower_ == "as" and any(c.lower_ == "such" for c in token.children))
    return token.dep_ == "amod" and token.lower_ == "such"


def _members(token: Token, cue: MembershipCue, index: EntityIndex, organizations: list[str]) -> list[str]:
    found: list[str] = []
    if cue.frame in ("leave", "join") and cue.pos == "NOUN":
        found += _named(token, OF, index)  # "the withdrawal of X from O"
    if cue.frame == "leave" and cue.pos == "VERB" and not any(c.dep_ in SUBJECTS for c in token.children):
        found += _intender(token, index)  # "X's efforts on leaving O"
    if found:
        return [key for key in found if key not in organizations]
    if cue.pos == "VERB":
        verb = token
    else:
        if token.dep_ == "compound" and token.head.lemma_ in COLLECTIVES:
            token = token.head  # "EU member states Hungary and Slovakia": read around "states"
        for child in token.children:
            if child.dep_ == "appos" or (child.dep_ == "poss" and child.pos_ != "PRON"):
                found += index.entities_of(child)
            if _introduces(child):  # "O members such as X and Y", "including X"
                for obj in (*child.children, *(grandchild for c in child.children for grandchild in c.children)):
                    if obj.dep_ == "pobj":
                        found += index.entities_of(obj)
        if cue.frame in NOUN_FRAMES and token.dep_ == "compound" and token.head.pos_ == "PROPN":
            # "NATO member Poland"; a singular noun names one ("Labour candidate X and independent Y": X only)
            found += index.entities_of(token.head) if token.tag_ in ("NNS", "NNPS") else index.entities_of(token.head)[:1]
        if token.dep_ == "appos":
            found += index.entities_of(token.head)  # "Venezuela, a member of OPEC"
        # The names right after the noun or its "of" phrase: "EU member states Hungary and Slovakia",
        # however parsed; "Republican members of the House X and Y".
        after = max((c.right_edge.i + 1 for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), default=token.i + 1)
        following = token.doc[after] if after < len(token.doc) and not found else None
        if following is not None and index.at(following) is not None and (after == token.i + 1 or cue.frame in NOUN_FRAMES):
            found += _listed(token.doc, after, index) or index.entities_of(following)
        found = [key for key in found if key not in organizations]  # "NATO's 32nd member" is no member of itself
        if found:
            return found
        verb = token.head  # the verb the cue noun's phrase depends on
        while (verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("prep", "pobj", "attr", "dobj", "conj", "compound")
               and verb.head.i != verb.i):  # fmt: skip
            if _qualifies_a_noun(verb):
                return []  # "it is the first plot *in another NATO country*": the plot is no member
            verb = verb.head
        if verb.lemma_ not in COPULAS and cue.frame in NOUN_FRAMES:
            return []  # "killed Taliban members": whoever killed them is no member
    found = [key for key in _subjects(verb, index) if key not in organizations]  # (none found before)
    if not found and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:  # not "X claims Y was a member"
        found = _subjects(verb.head, index)
    return found


def _qualifies_a_noun(word: Token) -> bool:
    """A preposition on a noun, the cue noun inside its phrase: the copula's attribute is that noun,
    not the cue ("it is the first such plot *in* another NATO country", "it is the army *of* a NATO
    member"). Not a part of a number or quantifier ("X is one *of* the NATO members"), nor a
    preposition on a verb ("X is *among* the NATO members", "elected *as* members of O")."""
    noun = word.head
    return (word.dep_ == "prep" and noun.pos_ in ("NOUN", "PROPN")
            and not (word.lower_ == "of" and noun.lemma_.lower() in PARTITIVES))  # fmt: skip


def _pending(token: Token) -> bool:
    """A leaving not done yet: announced, or the aim of an effort or plan ("announces its
    withdrawal", "efforts to complete the withdrawal", "efforts on leaving")."""
    for word in islice(token.ancestors, 3):
        if word.dep_ == "ROOT" and word.pos_ == "VERB" and word.lemma_ not in ANNOUNCING:
            return False
        if word.lemma_ in ANNOUNCING or word.lemma_ in INTENTS or _infinitive(word):
            return True
    return False


def _intender(token: Token, index: EntityIndex) -> list[str]:
    """Who a gerund's leaving is of: the possessor of the effort or plan it completes ("the UK's
    efforts on leaving O")."""
    for word in islice(token.ancestors, 3):
        if word.pos_ == "NOUN" and word.lemma_ in INTENTS:
            return [k for c in word.children if c.dep_ == "poss" and c.pos_ != "PRON" for k in index.entities_of(c)]
    return []


def _listed(doc: Doc, start: int, index: EntityIndex) -> list[str]:
    """The names of a list that starts at `start` ("X, Y and Z"); none for a single name."""
    items = takewhile(lambda token: index.at(token) is not None or token.lower_ in (",", "and"), doc[start:])
    found = list(dict.fromkeys(key for token in items if (key := index.at(token)) is not None))
    return found if len(found) > 1 else []


def _subjects(verb: Token, index: EntityIndex) -> list[str]:
    """The entities `verb`'s subjects name; for a list ("A, B, the C and D") every state or
    organization in it, however the parser attached the items."""
    found: list[str] = []
    for subject in (c for c in verb.children if c.dep_ in SUBJECTS):
        named = index.entities_of(subject)
        subtree = subject.doc[subject.left_edge.i : subject.right_edge.i + 1]
        if any(t.lower_ in (",", "and") for t in subtree):
            named += [key for key in index.in_span(subtree, MEMBER_TYPES) if key not in named]
        found += named
    return found
