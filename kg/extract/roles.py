"""Extract stage, roles (kg.roles.v2): Doc + entities -> Role claims ("US President Donald Trump").

The titles come from kg.extract.role_words (the title lexicon), kg.extract.title_phrases (the
title phrases of a Doc, the slot of each token, the matches of the role patterns) and
kg.extract.role_readings (a person beside a title, by a pattern or by a clause). This module
reads them once per Doc (the memberships stage reads them too) and makes the claims.

Where the text names no state or organization ("President Trump", "Rubio, the secretary of
state"), `of` is, in order: the office the gazetteer's tenures show the person holding, roles.tsv's
`default_of`, the owner of the group the person is listed in, and for a state office or a head of
state the state the article is most about (all in kg.extract.implicit_owners); else no claim.

A governor's, mayor's or premier's office may be a province's, state's or city's (a Location:
"Ontario Premier X" is Ontario's premier); a capital's name written for its state gives its mayor
none ("Bucharest mayor X" is not Romania's).

A person written "incumbent X" with no title in a sentence about a presidential race ("Cameroonians
vote to elect their president, with the incumbent Paul Biya seeking his eighth term") is the sitting
president of the one state the article names (kg.extract.role_readings.incumbent_readings), where no
title gives the person a held role.

A title after "former" or "ex-" ("former Brazilian president X") is a past role: a Role that has
`ended` (held before the article's date, no more), never one the person holds; where the article
also says the person holds that office, the held one stands.

Confidence: docs/confidence.md. Roles in a negated reading ("X is not the president") are not emitted.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import cache, partial
from typing import Iterator

from spacy.tokens import Doc

from kg.extract.arguments import EntityIndex, sentence_evidence, topic_line_end
from kg.extract.confidence import INHERITED, score
from kg.extract.implicit_owners import dominant_state, entity_qids, group_owner, guessed_state, implicit_of
from kg.extract.lexicon import load_lexicons
from kg.extract.modality import assess
from kg.extract.paths import NEGATION
from kg.extract.role_readings import Reading, apposition_readings, clause_readings, incumbent_readings, read
from kg.extract.title_phrases import title_matches
from kg.gazetteer import load_gazetteer
from kg.records import Article, Entity, Provenance, Role

NAME = "kg.roles.v2"
READINGS_KEY = "kg_role_readings"  # Doc.user_data key: (entities, index, readings) of the last reading
PARTY = "PoliticalParty"


def extract(doc: Doc, entities: tuple[Entity, ...], article: Article) -> Iterator[Role]:
    """Role claims of one article (registered as kg.roles.v2)."""
    index, readings = _readings(doc, entities)
    # "Republican Senator X", "Labour minister X": a party is not whose state office it is.
    readings = [replace(r, of=None) if r.word.state_office and _party(r.of, index) else r for r in readings]
    yield from _claims(readings, index, article)


def party_roles(doc: Doc, entities: tuple[Entity, ...], article: Article) -> Iterator[Role]:
    """The roles of one article written with a party, a state office's included ("Republican
    Senator X": senator, Republican Party): whose member X is, for kg.extract.memberships."""
    index, readings = _readings(doc, entities)
    yield from _claims([r for r in readings if _party(r.of, index) and not r.ended], index, article)


def _party(key: str | None, index: EntityIndex) -> bool:
    return key is not None and index.entities[key].kind == PARTY


def _readings(doc: Doc, entities: tuple[Entity, ...]) -> tuple[EntityIndex, list[Reading]]:
    """Every title the patterns read, once per Doc and entities (kept in `Doc.user_data`: the
    roles and the memberships stages both read them)."""
    cached = doc.user_data.get(READINGS_KEY)
    if cached is not None and cached[0] is entities:
        return cached[1], cached[2]
    index = EntityIndex(doc, entities)
    roles, matches = title_matches(doc, index)
    readings: dict[tuple[str, int], Reading] = {}
    for spec, start, end in matches:
        for reading in read(doc[start:end], index, roles, spec):
            slot = (reading.person, reading.role_token.i)
            if slot not in readings or _rank(reading) > _rank(readings[slot]):
                readings[slot] = reading
    for reading in apposition_readings(doc, index, roles):  # where no pattern read the title its owner
        slot = (reading.person, reading.role_token.i)
        if slot not in readings or readings[slot].of is None:
            readings[slot] = reading
    by_clause, voided = clause_readings(doc, index, roles, list(readings.values()))
    readings = {slot: reading for slot, reading in readings.items() if reading.role_token.i not in voided} | {
        (reading.person, reading.role_token.i): reading for reading in by_clause}  # a clause's parse over word order
    held = {reading.person for reading in readings.values() if not reading.ended}
    for reading in incumbent_readings(doc, index):  # "incumbent X" in a presidential race: only where no title gives X one
        if reading.person not in held:
            readings[(reading.person, reading.role_token.i)] = reading
    doc.user_data[READINGS_KEY] = (entities, index, list(readings.values()))
    return index, list(readings.values())


def _rank(reading: Reading) -> tuple[float, bool]:
    """Of two readings of one title, the more confident; on a tie the one whose words name its `of`."""
    return reading.confidence, reading.of is not None


def _claims(readings: list[Reading], index: EntityIndex, article: Article) -> Iterator[Role]:
    """The roles the readings of the article's body give, `of` completed where the words give none
    (kg.extract.implicit_owners)."""
    gazetteer = load_gazetteer()
    body_start = topic_line_end(article)
    readings = [reading for reading in readings if reading.role_token.idx >= body_start]
    explicit: dict[str, list[Reading]] = defaultdict(list)
    for reading in readings:
        if reading.of is not None:
            explicit[reading.person].append(reading)
    qids = entity_qids(index, gazetteer)
    emitted: dict[tuple[str, str, str], Role] = {}
    dominant = cache(partial(dominant_state, index, qids, gazetteer, article, explicit))  # the same for every title
    for reading in sorted(readings, key=lambda r: r.role_token.i):
        of, inherited, guessed, title = reading.of, False, False, reading.role_token
        if of is None:
            of = implicit_of(reading, qids, gazetteer, article) or group_owner(reading, index)
            inherited = True
        if of is None:
            of = guessed_state(reading, index, dominant)  # "Belarus plans ... a decree signed by prime minister X"
            guessed = True
        if of is None or of == reading.person:
            continue
        modality = assess(title, index, load_lexicons().cues)
        if modality.negated or (title.head.lemma_ == "be" and NEGATION.follow(title.head)):
            continue
        confidence = score(reading.confidence * (INHERITED if guessed else 1.0), inherited=inherited,
                           hypothetical=modality.hypothetical)  # fmt: skip
        provenance = Provenance(sentence_evidence(title.sent), NAME, confidence, modality.claimed_by, False, modality.hypothetical)
        key = (reading.person, reading.word.role, of)
        role = Role(*key, provenance, ended=reading.ended)
        if key not in emitted or _role_rank(role) > _role_rank(emitted[key]):
            emitted[key] = role
    yield from emitted.values()


def _role_rank(role: Role) -> tuple[bool, float]:
    """Of two claims of one office for one person, the one the article says is held ("President X"
    over "former president X" elsewhere in it), else the more confident."""
    return not role.ended, role.provenance.confidence
