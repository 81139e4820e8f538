"""Link: the entities of one article -> one Link each (a Wikidata QID, or scored candidates).

Offline from the gazetteer by default; entities the gazetteer does not know can be looked up online
through a `WikidataClient`. Candidates are scored from the entity's type, its names (label and
mentions: exact, acronym, demonym, capital, name part, fuzzy), the context (the other states and
people of the article), and the article's date against dated office tenures. A wrong link is worse
than none: only a clear winner is SUGGESTED; anything else is REJECTED with its candidates.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Protocol

from rapidfuzz import fuzz, process
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import LinkError, LinkUnavailable
from kg.gazetteer import Gazetteer, GazetteerEntry, acronym_key, entry_key, generic_names, normalize_key, own_states
from kg.rdf import ENTITY_CLASS
from kg.rdf import decimal_literal as score_literal
from kg.records import Candidate, EntityType, Extraction, Judgement, Link, Role
from kg.terms import KG, KGR, entity_iri, wikidata_iri

log = logging.getLogger(__name__)

SUGGEST_AT = 0.85  # the least score a link is suggested with
MARGIN = 0.15  # ... and by how much it must beat the runner-up
MAX_CANDIDATES = 5
EPSILON = 1e-9  # scores are sums of floats: 0.7 + 0.15 must reach 0.85
FUZZY_CUTOFF = 88.0  # rapidfuzz ratio (0-100) below which a name is not a candidate at all

# Scores of a name match, by how the name matched the entry.
EXACT, ACRONYM_STATE, ACRONYM, DEMONYM, CAPITAL, NAME_PART, SURNAME = 1.0, 0.95, 0.8, 0.9, 0.85, 0.9, 0.7
# An acronym of this many letters or more ("NATO", "UNHCR") names the one entry with a QID it is listed
# for: two or three letters ("SDF", "RSF", "ICC") stand for many bodies, so alone they are no link
# (ACRONYM); an entry with no QID keeps the acronym as written for its label.
LONG_ACRONYM_LETTERS, LONG_ACRONYM = 4, 0.9
MENTION_ONLY = 0.9  # factor for a match through a mention other than the label the article writes
FUZZY_WEIGHT = 0.9  # factor applied to a fuzzy ratio
# Context boosts.
OFFICE_HELD = 0.3  # the person held the office the article gives them, on the article's date
HOLDER_IN_CONTEXT = 0.2  # the person held an office, on the article's date, of a state of the article
RULED_IN_CONTEXT = 0.15  # ... of a state of the article at some time
STATE_OF_CONTEXT = 0.2  # a state one of whose office holders the article names
NAMED_IN_TEXT = 0.15  # the full name of an acronym's organisation, or a state's capital or demonym, is in the text

ONLINE_TYPES = frozenset({EntityType.STATE, EntityType.PERSON, EntityType.ORGANIZATION})
_FILLER = frozenset({"the", "of", "s"})


class CandidateSearch(Protocol):
    """What the linker needs of an online service (kg.wikidata.WikidataClient)."""

    def search(self, label: str, entity_type: EntityType) -> list[Candidate]: ...


@dataclass(frozen=True, slots=True)
class Subject:
    """What linking needs to know about one entity of one article."""

    key: str
    label: str
    type: EntityType
    names: tuple[str, ...]  # the label first, then the other texts it is mentioned by
    named: bool = True


@dataclass(frozen=True, slots=True)
class Office:
    """The article says the person `person` holds the office `role` of `of` (entity keys)."""

    person: str
    role: str
    of: str


@dataclass(slots=True)
class _Scored:
    entry: GazetteerEntry
    score: float
    how: str
    boosts: list[str] = field(default_factory=list)

    def boost(self, amount: float, why: str) -> None:
        self.score += amount
        self.boosts.append(why)


class Linker:
    """Links entities to Wikidata from a gazetteer, and optionally an online service."""

    def __init__(self, gazetteer: Gazetteer, *, online: CandidateSearch | None = None) -> None:
        self.gazetteer = gazetteer
        self.online = online
        self.failures = 0  # online lookups that failed in this run
        self._keys: dict[EntityType, dict[str, list[GazetteerEntry]]] = {t: {} for t in EntityType}
        self._tokens: list[tuple[GazetteerEntry, tuple[str, ...]]] = []
        names_of: dict[tuple[EntityType, str], set[str]] = {}
        for entry in gazetteer.entries:
            for name in entry.names:
                key = normalize_key(name)
                self._keys[entry.type].setdefault(key, []).append(entry)
                if entry.qid:
                    names_of.setdefault((entry.type, normalize_key(entry.name)), set()).add(entry.qid)
                if entry.type is EntityType.PERSON:
                    self._tokens.append((entry, tuple(key.split())))
        self._key_lists = {entity_type: list(keys) for entity_type, keys in self._keys.items()}  # what _fuzzy searches
        # The places in _tokens of the names that hold each word, and of those that end in each surname.
        self._holding: dict[str, set[int]] = {}
        self._by_surname: dict[str, list[int]] = {}
        for place, (_, name_tokens) in enumerate(self._tokens):
            for word in name_tokens:
                self._holding.setdefault(word, set()).add(place)
            surname = _surname(name_tokens)
            if surname is not None:
                self._by_surname.setdefault(surname, []).append(place)
        # QIDs whose canonical name another item of the same type also has: linking either would
        # mint one IRI for two items, so neither is ever suggested.
        self._shared_name = {qid for qids in names_of.values() if len(qids) > 1 for qid in qids}

    # ------------------------------------------------------------------ entry points

    def link(self, extraction: Extraction) -> dict[str, Link]:
        """One Link per entity of the article, keyed by `Entity.key`."""
        subjects = [
            Subject(entity.key, entity.label, entity.type, written_names(entity.label, [m.text for m in entity.mentions]),
                    entity.named)  # fmt: skip
            for entity in extraction.entities
        ]
        offices = [
            Office(claim.person, claim.role.lower(), claim.of)
            for claim in extraction.claims
            if isinstance(claim, Role) and claim.held
        ]
        article = extraction.article
        return self.link_subjects(subjects, offices, published=article.published, text=article.content)

    def link_subjects(self, subjects: Iterable[Subject], offices: Iterable[Office] = (), *,
                      published: date | None = None, text: str = "") -> dict[str, Link]:  # fmt: skip
        """Link entities described by `Subject`s, with the offices the article gives them."""
        subjects = list(subjects)
        offices = list(offices)
        scored = {subject.key: self._name_candidates(subject) for subject in subjects}
        first = {key: _winner(candidates) for key, candidates in scored.items()}
        context = {key: found.entry.qid for key, found in first.items() if found is not None and found.entry.qid}
        by_key = {subject.key: subject for subject in subjects}
        folded = text.casefold()
        others_bodies = self._others_bodies(subjects, scored, first)
        for subject in subjects:
            others = {qid for key, qid in context.items() if key != subject.key}
            self._add_offices(subject, scored[subject.key], offices, by_key, context, published)
            self._boost(subject, scored[subject.key], others, published, folded)
        return {subject.key: self._other_states_body(subject, others_bodies[subject.key]) if subject.key in others_bodies
                else self._decide(subject, scored[subject.key]) for subject in subjects}  # fmt: skip

    def _others_bodies(self, subjects: list[Subject], scored: dict[str, dict[str, _Scored]],
                       first: dict[str, _Scored | None]) -> dict[str, GazetteerEntry]:  # fmt: skip
        """The subjects named only by the generic words of a known body of one state ("Congress",
        "House of Representatives", "National Security Council": `generic_names`) in an article
        that names that state nowhere: by its name or demonym, by another of its bodies or by a
        person the gazetteer lists in one of its offices (the first-round winners of the other
        subjects). Such a body is another state's of that name ("Filipinos elect the House of
        Representatives", "Congress president José Jerí" of Peru), by key with the known body."""
        owners, generic = own_states(self.gazetteer), generic_names(self.gazetteer)
        bare: dict[str, GazetteerEntry] = {}
        for subject in subjects:
            best = first[subject.key]
            if subject.type is EntityType.ORGANIZATION and best is not None:
                names = generic.get(entry_key(best.entry), frozenset())
                if names and all(normalize_key(name) in names for name in subject.names):
                    bare[subject.key] = best.entry
        if not bare:
            return bare
        named: set[str] = set()
        for key, found in first.items():
            if found is None or key in bare:
                continue
            entry = found.entry
            if entry.type is EntityType.STATE:
                named.add(entry_key(entry))
            elif entry.type is EntityType.PERSON and entry.qid:
                named |= {tenure.of_qid for tenure in self.gazetteer.tenures_of(entry.qid)}
            elif entry_key(entry) in owners:
                named.add(owners[entry_key(entry)])
        return {key: entry for key, entry in bare.items() if owners[entry_key(entry)] not in named}

    @staticmethod
    def _other_states_body(subject: Subject, known: GazetteerEntry) -> Link:
        reason = f"another state's body: the article names not the state of {known.name!r}"
        return Link(subject.key, subject.label, Judgement.REJECTED, reason=reason)

    # ------------------------------------------------------------------ candidates by name

    def _name_candidates(self, subject: Subject) -> dict[str, _Scored]:
        found: dict[str, _Scored] = {}
        if not subject.named or subject.type is EntityType.MILITARY_ASSET:
            return found
        label_written = subject.names[0] == subject.label
        for position, name in enumerate(self._linking_names(subject, label_written)):
            factor = MENTION_ONLY if position and label_written else 1.0
            for entry in self.gazetteer.lookup(name):
                if entry.type is subject.type:
                    score, how = _how(entry, name)
                    _keep(found, entry, score * factor, how if position == 0 else f"mention {name!r}: {how}")
        if not found and subject.type is EntityType.PERSON:
            self._name_parts(subject.label, found)
        if not found:
            self._fuzzy(subject, found)
        return found

    def _linking_names(self, subject: Subject, label_written: bool) -> tuple[str, ...]:
        """The names to look `subject` up by: its written names, but only its label when an earlier
        stage built a label the article never writes and the gazetteer does not know ("Argentina's
        Congress", "Israel's Southern Command" for the mention "Congress" or "Southern Command"): the
        mention is then another state's body or group than the known one of its words."""
        if label_written or any(entry.type is subject.type for entry in self.gazetteer.lookup(subject.label)):
            return subject.names
        return (subject.label,)

    def _name_parts(self, label: str, found: dict[str, _Scored]) -> None:
        """The people one of whose names holds every word of `label` (two words or more), or whose
        surname `label` is (one word), in the order of the gazetteer."""
        tokens = set(normalize_key(label).split())
        if len(tokens) >= 2:
            for place in sorted(set.intersection(*(self._holding.get(word, set()) for word in tokens))):
                entry = self._tokens[place][0]
                _keep(found, entry, NAME_PART, f"name part of {entry.name!r}")
        elif tokens:
            for place in self._by_surname.get(next(iter(tokens)), []):
                entry = self._tokens[place][0]
                _keep(found, entry, SURNAME, f"surname of {entry.name!r}")

    def _fuzzy(self, subject: Subject, found: dict[str, _Scored]) -> None:
        keys = self._keys[subject.type]
        query = normalize_key(subject.label)
        if len(query) < 4:
            return
        for key, ratio, _ in process.extract(query, self._key_lists[subject.type], scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=MAX_CANDIDATES):
            for entry in keys[key]:
                _keep(found, entry, ratio / 100 * FUZZY_WEIGHT, f"similar to {key!r} ({ratio:.0f})")

    # ------------------------------------------------------------------ context

    def _add_offices(self, subject: Subject, found: dict[str, _Scored], offices: list[Office],
                     subjects: dict[str, Subject], context: dict[str, str], published: date | None) -> None:  # fmt: skip
        """The office the article gives a person, held on its date, names or confirms the person."""
        if subject.type is not EntityType.PERSON or not subject.named or published is None:
            return
        for office in offices:
            of_qid = context.get(office.of)
            if office.person != subject.key or of_qid is None:
                continue
            holders = self.gazetteer.holders(of_qid, office.role, published)
            for tenure in holders:
                entry = self.gazetteer.entry_by_qid(tenure.person_qid)
                if entry is None:
                    continue
                why = f"{office.role} of {tenure.of_name} on {published}"
                if _key(entry) in found:
                    found[_key(entry)].boost(OFFICE_HELD if len(holders) == 1 else RULED_IN_CONTEXT, why)
                elif len(holders) == 1 and self._describes(subject.label, entry, office, of_qid):
                    found[_key(entry)] = _Scored(entry, EXACT - OFFICE_HELD, why)
                    found[_key(entry)].boost(OFFICE_HELD, "the only holder")

    def _describes(self, label: str, person: GazetteerEntry, office: Office, of_qid: str) -> bool:
        """Whether `label` is a description of the office ("the Venezuelan president") or a part of
        the holder's name ("President Maduro"), not the name of someone else."""
        state = self.gazetteer.entry_by_qid(of_qid)
        words = set(_FILLER) | set(office.role.split())
        if state is not None:
            for name in (*state.names, *state.demonyms):
                words |= set(normalize_key(name).split())
        rest = set(normalize_key(label).split()) - words
        return rest <= set(normalize_key(person.name).split())

    def _boost(self, subject: Subject, found: dict[str, _Scored], others: set[str],
               published: date | None, text: str) -> None:  # fmt: skip
        for candidate in found.values():
            entry = candidate.entry
            if entry.type is EntityType.PERSON and entry.qid:
                tenures = [t for t in self.gazetteer.tenures_of(entry.qid) if t.of_qid in others]
                if published is not None and any(t.held_on(published) for t in tenures):
                    candidate.boost(HOLDER_IN_CONTEXT, "in office in a state of the article")
                elif tenures:
                    candidate.boost(RULED_IN_CONTEXT, "held an office of a state of the article")
            elif entry.type is EntityType.STATE and entry.qid:
                if any(t.person_qid in others for t in self.gazetteer.tenures_in(entry.qid)):
                    candidate.boost(STATE_OF_CONTEXT, "one of its office holders is in the article")
                if len(found) > 1 and any(_in_text(name, text) for name in (*entry.capitals, *entry.demonyms)):
                    candidate.boost(NAMED_IN_TEXT, "its capital or demonym is in the text")
            elif candidate.how.startswith("acronym") and _in_text(entry.name, text):
                candidate.boost(NAMED_IN_TEXT, "its full name is in the text")

    # ------------------------------------------------------------------ decision

    def _decide(self, subject: Subject, found: dict[str, _Scored]) -> Link:
        if not subject.named:
            return Link(subject.key, subject.label, Judgement.REJECTED, reason="unnamed: belongs to its article only")
        if not found:
            return self._online(subject)
        ranked = sorted(found.values(), key=lambda c: (-c.score, c.entry.name))
        candidates = tuple(
            Candidate(c.entry.qid, c.entry.name, round(min(1.0, c.score), 3)) for c in ranked[:MAX_CANDIDATES] if c.entry.qid
        )
        best = _winner(found)
        if best is None:
            runner_up = f"; runner-up {ranked[1].entry.name} {ranked[1].score:.2f}" if len(ranked) > 1 else ""
            reason = f"no clear winner: {ranked[0].entry.name} {ranked[0].score:.2f}{runner_up}"
            return Link(subject.key, subject.label, Judgement.REJECTED, candidates=candidates, reason=reason)
        why = "; ".join([best.how, *best.boosts])
        if best.entry.qid is None:
            return Link(subject.key, best.entry.name, Judgement.REJECTED, reason=f"known without a Wikidata QID ({why})")
        if best.entry.qid in self._shared_name:
            reason = f"another item is also called {best.entry.name!r}"
            return Link(subject.key, subject.label, Judgement.REJECTED, candidates=candidates, reason=reason)
        return Link(subject.key, best.entry.name, Judgement.SUGGESTED, qid=best.entry.qid, reason=why)

    def _online(self, subject: Subject) -> Link:
        unknown = Link(subject.key, subject.label, Judgement.REJECTED, reason="not in the gazetteer")
        if self.online is None or subject.type not in ONLINE_TYPES:
            return unknown
        try:
            found = self.online.search(subject.label, subject.type)
        except LinkUnavailable as error:
            log.error("wikidata: %s; no more online lookups in this run", error)
            self.online = None
            self.failures += 1
            return Link(subject.key, subject.label, Judgement.REJECTED, source="wikidata", reason=f"wikidata unavailable: {error}")
        except LinkError as error:
            log.warning("wikidata: lookup of %r failed: %s", subject.label, error)
            self.failures += 1
            return Link(subject.key, subject.label, Judgement.REJECTED, source="wikidata", reason=f"wikidata lookup failed: {error}")
        ranked = sorted(found, key=lambda c: (-c.score, c.qid))[:MAX_CANDIDATES]
        if not ranked:
            return Link(subject.key, subject.label, Judgement.REJECTED, source="wikidata", reason="not in the gazetteer nor on wikidata")
        best = ranked[0]
        clear = best.score >= SUGGEST_AT - EPSILON and (len(ranked) == 1 or best.score - ranked[1].score >= MARGIN - EPSILON)
        if not clear:
            return Link(subject.key, subject.label, Judgement.REJECTED, candidates=tuple(ranked), source="wikidata",
                        reason=f"no clear winner among {len(ranked)} wikidata items")  # fmt: skip
        return Link(subject.key, subject.label, Judgement.SUGGESTED, qid=best.qid, source="wikidata",
                    reason=f"the only wikidata item labelled {best.label!r}")  # fmt: skip


def _how(entry: GazetteerEntry, name: str) -> tuple[float, str]:
    """How `name` names `entry`, and the score of that kind of match."""
    key, acronym = normalize_key(name), acronym_key(name)
    for alias in entry.names:
        if acronym is not None and acronym_key(alias) == acronym:
            if entry.type is EntityType.STATE:
                return ACRONYM_STATE, f"acronym {acronym}"
            distinctive = len(acronym) >= LONG_ACRONYM_LETTERS and entry.qid is not None
            return (LONG_ACRONYM if distinctive else ACRONYM), f"acronym {acronym}"
        if normalize_key(alias) == key:
            return EXACT, f"name {alias!r}"
    if any(normalize_key(demonym) == key for demonym in entry.demonyms):
        return DEMONYM, f"demonym {name!r}"
    return CAPITAL, f"capital {name!r}"


def _surname(tokens: tuple[str, ...]) -> str | None:
    """The last word of a name, unless the name is a title of a place ("Abdullah II of Jordan")."""
    return tokens[-1] if tokens and "of" not in tokens else None


def _key(entry: GazetteerEntry) -> str:
    return entry.qid or f"{entry.type.value}:{entry.name}"


def _keep(found: dict[str, _Scored], entry: GazetteerEntry, score: float, how: str) -> None:
    key = _key(entry)
    if key not in found or found[key].score < score:
        found[key] = _Scored(entry, score, how)


def _winner(found: dict[str, _Scored]) -> _Scored | None:
    """The candidate that beats every other by the margin and reaches the threshold, if any."""
    ranked = sorted(found.values(), key=lambda c: -c.score)
    if not ranked or ranked[0].score < SUGGEST_AT - EPSILON:
        return None
    if len(ranked) > 1 and ranked[0].score - ranked[1].score < MARGIN - EPSILON:
        return None
    return ranked[0]


def _in_text(name: str, text: str) -> bool:
    """Whether `name` occurs in the case-folded `text` as whole words."""
    needle = name.casefold()
    start = text.find(needle)
    while start >= 0:
        end = start + len(needle)
        if (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        start = text.find(needle, start + 1)
    return False


def written_names(label: str, mentions: Iterable[str]) -> tuple[str, ...]:
    """The names to link an entity by: what the article writes, the label first when it is written.

    A label the article never writes (one an earlier stage took from the gazetteer, e.g.
    "SAARC Development Fund" for "SDF") is not evidence: the mentions are.
    """
    written = _unique(mentions)
    if not written:
        return (label,)
    if label in written:
        return (label, *(name for name in written if name != label))
    return written


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    kept: list[str] = []
    for name in names:
        if name and name not in kept:
            kept.append(name)
    return tuple(kept)


# --------------------------------------------------------------------------- re-linking a stored graph


def relink_graph(graph: Graph, linker: Linker, published: date | None = None) -> Graph:
    """One stored article graph with its links (owl:sameAs, kg:linkCandidate) computed again.

    Entity IRIs stay as they are. A suggested link whose canonical name would mint another IRI
    than the node has is kept only when the node's own label names that item alone (otherwise two
    articles could give one node two QIDs); else the node gets the candidates and no link.
    `published` defaults to the article's kg:publicationDate.
    """
    result = Graph()
    for prefix, namespace in graph.namespaces():
        result.bind(prefix, namespace)
    result += graph
    nodes = _entity_nodes(result)
    subjects = [_subject(result, node, entity_type) for node, entity_type in nodes.items()]
    offices = _offices(result)
    if published is None:
        published = next((v.toPython() for v in result.objects(None, KG.publicationDate) if isinstance(v, Literal)), None)
    text = " ".join(str(sentence) for sentence in result.objects(None, KG.sentence))
    links = linker.link_subjects(subjects, offices, published=published if isinstance(published, date) else None, text=text)
    for subject in subjects:
        node = URIRef(subject.key)
        _clear_links(result, node)
        _add_link(result, node, _keep_iri(linker, subject, links[subject.key]))
    return result


def _entity_nodes(graph: Graph) -> dict[URIRef, EntityType]:
    classes = {cls: entity_type for entity_type, cls in ENTITY_CLASS.items()}
    nodes: dict[URIRef, EntityType] = {}
    for cls, entity_type in classes.items():
        for node in graph.subjects(RDF.type, cls):
            if isinstance(node, URIRef):
                nodes[node] = entity_type
    return nodes


def _subject(graph: Graph, node: URIRef, entity_type: EntityType) -> Subject:
    label = str(graph.value(node, RDFS.label) or "")
    aliases = sorted(str(alias) for alias in graph.objects(node, KG.alias))
    path = str(node)[len(str(KGR)) :].split("/")
    return Subject(str(node), label, entity_type, written_names(label, aliases), named=len(path) == 2)


def _offices(graph: Graph) -> list[Office]:
    offices = []
    for tenure in graph.subjects(RDF.type, KG.Tenure):
        if graph.value(tenure, KG.negated) == Literal(True) or graph.value(tenure, KG.hypothetical) == Literal(True):
            continue
        holder, position = graph.value(tenure, KG.holder), graph.value(tenure, KG.position)
        role, of = graph.value(position, KG.roleName), graph.value(position, KG.positionOf)
        if holder is not None and role is not None and of is not None:
            offices.append(Office(str(holder), str(role).lower(), str(of)))
    return offices


def _keep_iri(linker: Linker, subject: Subject, link: Link) -> Link:
    if link.qid is None or link.judgement is not Judgement.SUGGESTED:
        return link
    if not subject.named or entity_iri(subject.type, link.label) == URIRef(subject.key):
        return link
    by_name = {entry.qid for entry in linker.gazetteer.lookup(subject.label) if entry.type is subject.type}
    if link.source == "gazetteer" and by_name == {link.qid}:
        return link
    return Link(
        link.entity_key,
        subject.label,
        Judgement.REJECTED,
        candidates=(Candidate(link.qid, link.label, 1.0),),
        source=link.source,
        reason=f"{link.reason}; not linked: the node was minted from {subject.label!r}, which does not name "
        f"{link.label} alone (build the article again to link it)",
    )


def _clear_links(graph: Graph, node: URIRef) -> None:
    graph.remove((node, OWL.sameAs, None))
    for candidate in list(graph.objects(node, KG.linkCandidate)):
        graph.remove((candidate, None, None))
    graph.remove((node, KG.linkCandidate, None))


def _add_link(graph: Graph, node: URIRef, link: Link) -> None:
    """The triples rdf.to_graph writes for a link (owl:sameAs, or one node per candidate)."""
    if link.qid:
        graph.add((node, OWL.sameAs, wikidata_iri(link.qid)))
        return
    for candidate in link.candidates:
        candidate_node = URIRef(f"{node}/candidate/{candidate.qid}")
        graph.add((node, KG.linkCandidate, candidate_node))
        graph.add((candidate_node, RDF.type, KG.LinkCandidate))
        graph.add((candidate_node, KG.candidateItem, wikidata_iri(candidate.qid)))
        graph.add((candidate_node, RDFS.label, Literal(candidate.label)))
        graph.add((candidate_node, KG.score, score_literal(candidate.score)))
