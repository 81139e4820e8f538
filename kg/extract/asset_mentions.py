"""Extract stage, entities: the military assets an article mentions, named or not.

Input: the annotated Doc, the mention candidates and the labels of patterns/labels.tsv. Output:
`unnamed_assets(...)`, a mention candidate for each match of patterns/assets.jsonl that no name
holds ("19 Chinese warships", "B-2 bombers"); a name right after a match ("the aircraft carrier
Shandong") is a named asset of that class instead, and so is a name after a merchant vessel noun
("the tanker Eagle S", class vessel). Before any of that, `cut_at_designations(...)` takes a
matched type designation ("F-16", "F/A-18 Super Hornet", "Mil Mi-8") out of the model's name spans,
so that it is no organization or person. kg.extract.assets reads what they do.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.assets import asset_matches
from kg.extract.groups import load_agents
from kg.extract.lexicon import Lexicons, load_lexicons
from kg.extract.names import (
    QUANTIFIERS, MentionCandidate, org_kind, proper_name_at, set_type, token_owners, unknown,
)  # fmt: skip
from kg.gazetteer import Gazetteer
from kg.patterns import LabelSpec
from kg.records import AssetClass, EntityType


def cut_at_designations(doc: Doc, ents: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """The model's name spans with an asset's designation cut out: a span that holds a match of
    patterns/assets.jsonl with a type designation in it (a word of capitals and digits: "F-16",
    "F/A-18", "Su-25", "P-8") names the aircraft or weapon, not an organization or a person ("a U.S.
    Navy F/A-18 Super Hornet", "Poseidon P-8 planes"); so does a model's name of the assets' model
    names with more of the match after it ("a Pantsir missile system", "Shahed drones", not a
    "Shahed" or "Iskander" alone, who may be a person). What comes before the match stays a name only
    where it is an organization's ("Venezuelan Air Force F-16": patterns/org_kinds.tsv) or the
    gazetteer knows it, up to the maker if one comes between ("Malian Air Force Mil Mi-24"); a
    maker or model name alone ("Sikorsky UH-60", "Poseidon P-8") goes with the asset. Spans of the
    entity ruler (known names, declared patterns) stay as they are."""
    lexicons = load_lexicons()
    models = lexicons.assets.model_names
    designations = [(start, end) for start, end, _ in asset_matches(doc, lexicons)
                    if any(_designation(token.text) or token.lower_ in models and token.i + 1 < end
                           for token in doc[start:end])]  # fmt: skip
    if not designations:
        return ents
    kept: list[Span] = []
    for ent in ents:
        cut = min((start for start, end in designations if start < ent.end and ent.start < end), default=None)
        if cut is None or ent.ent_id_:
            kept.append(ent)
            continue
        end = next((end for end in range(cut, ent.start, -1) if _owner_name(doc[ent.start : end], gazetteer)), None)
        if end is not None:
            kept.append(Span(doc, ent.start, end, label=ent.label_))
    return kept


def _owner_name(span: Span, gazetteer: Gazetteer) -> bool:
    """The words before a designation name an organization by its noun or a name the gazetteer
    knows ("Malian Air Force" of "Malian Air Force Mil Mi-24")."""
    name = " ".join(token.text for token in span if not token.is_punct and token.lower_ not in ("the", "a", "an", "'s", "’s"))
    return bool(name) and (org_kind(name) is not None or bool(gazetteer.lookup(name)))


def _designation(word: str) -> bool:
    """A type designation: a capital first, a digit in it ("F-16", "A-18", "Su-25", "MQ-9")."""
    return word[:1].isupper() and any(char.isdigit() for char in word)


def unnamed_assets(doc: Doc, candidates: list[MentionCandidate], labels: dict[str, LabelSpec]) -> list[MentionCandidate]:
    """The military assets of patterns/assets.jsonl's token patterns, each with its asset class ("an
    aircraft carrier strike group", "B-2 bombers"). A name right after the match ("the aircraft
    carrier Shandong", "cruiser USS Philippine Sea") is a named asset of that class; after a singular
    noun, also a name the model tags PERSON ("the frigate Yuncheng") or leaves untagged ("cruiser
    Moskva"). Any other match is an unnamed asset (`named=False`, the class's kind of the ASSET_* rows
    of patterns/labels.tsv) from its numbers, adjectives and owners on ("19 Chinese warships"); those
    with the same content words are one entity."""
    lexicons = load_lexicons()
    kinds = {spec.label: spec.kind for spec in labels.values() if spec.type is EntityType.MILITARY_ASSET}
    named = [(c.start, c.end) for c in candidates if c.type is EntityType.MILITARY_ASSET]
    by_token = token_owners(candidates)
    by_start = {c.start: c for c in candidates if c.unknown_name}
    by_end = {c.end: c for c in candidates if c.type is EntityType.MILITARY_ASSET and c.named}  # "USS X aircraft carrier"
    found: list[MentionCandidate] = []
    taken: set[int] = set()
    for start, end, asset_class in sorted(longest_asset_matches(doc, lexicons), key=lambda m: (m[0], -(m[1] - m[0]))):
        if any(s < end and start < e for s, e in named) or taken.intersection(range(start, end)):
            continue
        taken.update(range(start, end))
        if _person_agent(doc, start, end, asset_class) or _unmoved(doc, start, end, lexicons):
            continue
        kind = kinds.get("ASSET_" + asset_class.value.upper())
        name = by_start.get(end) or by_end.get(start)
        # "the destroyer Yinchuan", not "warships Trump sent" (the tagger may call the noun JJ or NNP)
        singular = doc[end - 1].is_lower and doc[end - 1].tag_ not in ("NNS", "NNPS")
        if name is None and singular:
            name = _untagged_name(doc, end, by_token)  # "Russia's cruiser Moskva"
            if name is not None:
                found.append(name)
        if name is not None and (name.type is not EntityType.PERSON or singular and name.start == end):
            if name.type is not EntityType.MILITARY_ASSET:
                set_type(name, EntityType.MILITARY_ASSET)
            name.kind = name.kind or kind
            continue
        if not any(_designation(token.text) for token in doc[start:end]):
            start = _phrase_start(doc[start:end], taken, lexicons.assets.phrase_stops)  # a designation is the asset's name: no owner or count in it
        span = doc[start:end]
        words = " ".join(token.lemma_.lower() for token in span if not token.is_stop and not token.is_punct)
        found.append(MentionCandidate(start, end, EntityType.MILITARY_ASSET, span.text, f"asset:{kind}:{words}", kind, 1,
                                      named=False))  # fmt: skip
    return found + _named_vessels(doc, candidates, taken, lexicons.assets.vessel_nouns, kinds.get("ASSET_VESSEL"))


def _named_vessels(doc: Doc, candidates: list[MentionCandidate], taken: set[int], nouns: frozenset[str],
                   kind: str | None) -> list[MentionCandidate]:  # fmt: skip
    """The ships named by a merchant or unspecified vessel noun of patterns/assets.jsonl
    (`vessel_nouns`): a name right after the singular noun ("the oil tanker Eagle S", "bulk carrier
    Magic Seas", "the spy ship Yantar"), or the name the noun is in apposition to ("the Eternity C,
    a Liberian-flagged ship"), is a vessel, whatever type the model gave it. Only a name the
    gazetteer does not know ("the tanker Iran seized" names a state), not the subject of a clause on
    the noun ("the vessel Smith boarded"), not after a possessive ("the ship's captain John Smith")
    or after "carrier" alone ("flag carrier Belavia" is an airline); in apposition, only a name of
    capitalised words (the parser also hangs "the only ship to cross" on "the Strait of Hormuz")."""
    by_start = {c.start: c for c in candidates if c.unknown_name}
    by_token = token_owners(candidates)
    found: list[MentionCandidate] = []
    for noun in doc:
        if noun.tag_ != "NN" or not noun.is_lower or noun.i in taken or not (
                noun.lower_ in nouns or noun.i > 0 and f"{doc[noun.i - 1].lower_} {noun.lower_}" in nouns):
            continue
        name, untagged = by_start.get(noun.i + 1), False
        if name is None and noun.i + 1 not in by_token:
            name = _untagged_name(doc, noun.i + 1, by_token)
            if name is not None and (len(name.name) < 2 or name.end < len(doc) and doc[name.end].text == "/"):
                name = None  # "M/T Lexie": a prefix cut by the tokenizer, not a name
            untagged = name is not None
        if name is None and noun.dep_ == "appos" and (owner := by_token.get(noun.head.i)) is not None \
                and owner.unknown_name and owner.end < noun.i and doc[owner.end].text == "," \
                and not any(token.is_lower for token in doc[owner.start : owner.end]):  # fmt: skip
            name = owner  # "the Eternity C, a Liberian-flagged ship"; not "the Strait of Hormuz, the only ship to ..."
        if name is None or _clause_subject(doc[name.start : name.end], noun):
            continue
        if untagged:
            found.append(name)
        if name.type is not EntityType.MILITARY_ASSET:
            set_type(name, EntityType.MILITARY_ASSET)
        name.kind = name.kind or kind
    return found


def _clause_subject(name: Span, noun: Token) -> bool:
    """The name is the subject of a clause on the noun: "the vessel *Smith* boarded"."""
    root = name.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ in ("relcl", "acl") and root.head.head.i == noun.i


def longest_asset_matches(doc: Doc, lex: Lexicons) -> list[tuple[int, int, AssetClass]]:
    """The asset matches as a Matcher added with greedy="LONGEST" returns them, filtered from the
    same run: per class (in order of first match), longest first, none overlapping another kept."""
    by_class: dict[AssetClass, list[tuple[int, int]]] = {}
    for start, end, asset_class in asset_matches(doc, lex):
        by_class.setdefault(asset_class, []).append((start, end))
    longest: list[tuple[int, int, AssetClass]] = []
    for asset_class, spans in by_class.items():
        taken: set[int] = set()
        for start, end in sorted(spans, key=lambda span: (span[1] - span[0], -span[0]), reverse=True):
            if taken.isdisjoint(range(start, end)):
                longest.append((start, end, asset_class))
                taken.update(range(start, end))
    return longest


def _unmoved(doc: Doc, start: int, end: int, lex: Lexicons) -> bool:
    """A one-word match of a moving-only noun that no moving verb moves: "Ruritanian forces" are an
    asset where they "entered Port Vell", "withdraw" or are "stationed in" it, or in "the withdrawal
    of Ruritanian forces"; where they only raid or strike, they are the actor of the attack."""
    noun = doc[start]
    if end - start != 1 or noun.lemma_.lower() not in lex.assets.moving_only:
        return False
    while noun.dep_ == "conj":  # "M23 forces and Ruritanian troops enter"
        noun = noun.head
    head = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun.head
    movers = [head] if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") else []
    # "forces stationed in Port Vell", "forces attempt to enter the city"
    movers += [c for c in (*noun.children, *head.children) if c.dep_ in ("acl", "relcl", "xcomp")]
    return not any(mover.lemma_.lower() in lex.assets.moving_verbs for mover in movers)


def _person_agent(doc: Doc, start: int, end: int, asset_class: AssetClass) -> bool:
    """A machine's noun that, with the word before it, is a Phoenix agent phrase of a sector other
    than the military names a person: "a suicide bomber", "freedom fighters" (troops are people anyway)."""
    return (asset_class is not AssetClass.TROOPS and start > 0
            and load_agents().get((doc[start - 1].lower_, doc[end - 1].lemma_.lower()), "MIL") != "MIL")


def _untagged_name(doc: Doc, start: int, by_token: dict[int, MentionCandidate]) -> MentionCandidate | None:
    """The capitalised words at `start` that no entity span holds, as a named asset."""
    end = start
    while end not in by_token and proper_name_at(doc, end) and not doc[end].ent_type_:
        end += 1
    return unknown(start, end, EntityType.MILITARY_ASSET, doc[start:end].text) if end > start else None


def _phrase_start(span: Span, taken: set[int], stops: frozenset[str]) -> int:
    """Where the noun phrase of an asset noun starts: its numbers, adjectives and owners
    ("19 Chinese warships", "ten thousand ENDF troops"), not its determiner ("an"), and after the last
    word of `stops` the parser put in it (a time word: "an overnight Russian missile strike"; a verb
    read as a noun: "Houthi rebels fire missiles", "the RSF launch drone strikes")."""
    doc = span.doc
    root = span.root
    start = min((t.left_edge.i for t in root.lefts
                 if t.dep_ in ("nummod", "amod", "compound", "quantmod") and t.pos_ in ("NUM", "ADJ", "NOUN", "PROPN")),
                default=span.start)  # fmt: skip
    start = min(start, span.start)
    start = max((token.i + 1 for token in doc[start : span.start] if token.lower_ in stops or token.lemma_.lower() in stops),
                default=start)  # fmt: skip
    while start < span.start and (doc[start].pos_ in ("DET", "PRON", "PUNCT", "ADP", "CCONJ", "ADV", "VERB")
                                  or doc[start].lower_ in QUANTIFIERS or start in taken):  # fmt: skip
        start += 1
    taken.update(range(start, span.start))
    return start
