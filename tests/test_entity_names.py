"""Entity names: IRIs, prefixed names, Wikidata ids and names resolved to the store's entities."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat, Store

from kg.errors import QueryError
from kg.names import EntityIndex, EntityNameError, Select, entity_exists, facts_mentioning, fold, quick_resolve
from kg.prefixes import entity_iri_of
from kg.query import bind_params, resolve_entity_params, resolve_query, run_query
from kg.terms import KGR

KG = "https://w3id.org/kg-ir/ontology#"
US = f"{KGR}state/United_States"
TURKIYE = f"{KGR}state/T%C3%BCrkiye"
PUTIN = f"{KGR}person/Vladimir_Putin"
ERDOGAN = f"{KGR}person/Recep_Tayyip_Erdo%C4%9Fan"
UN = f"{KGR}organization/United_Nations"
GEORGIA_STATE = f"{KGR}state/Georgia"
GEORGIA_PLACE = f"{KGR}location/Georgia"

# (IRI, class, label, Wikidata id, aliases as articles wrote them)
ENTITIES = [
    (US, "State", "United States", "Q30", ["US", "Washington", "U.S."]),
    (TURKIYE, "State", "Türkiye", "Q43", ["Turkey", "Turkish"]),
    (PUTIN, "Person", "Vladimir Putin", "Q7747", ["Vladimir Putin"]),
    (ERDOGAN, "Person", "Recep Tayyip Erdoğan", "Q39259", ["Erdogan"]),
    (UN, "Organization", "United Nations", "Q1065", ["UN"]),
    (GEORGIA_STATE, "State", "Georgia", None, ["Georgia"]),
    (GEORGIA_PLACE, "Location", "Georgia", None, ["Georgia"]),
]
EVENT = f"{KGR}event/0001"
ARTICLE = f"{KGR}article/a1"


def _store(layout: str, *, keys: bool = True) -> Store:
    """Two articles; entity descriptions in each article graph ("per-article") or in one graph
    of their own with aliases left in the articles ("entities-graph"); each label and alias with
    its key beside it (kg.dataset.name_key) unless `keys` is false (a store written before them)."""
    store = Store()
    graphs: dict[str, list[str]] = {f"{KGR}graph/a1": [], f"{KGR}graph/a2": [], f"{KGR}entities": []}
    for iri, type_, label, qid, aliases in ENTITIES:
        description = [f'<{iri}> a <{KG}{type_}> .', f'<{iri}> <http://www.w3.org/2000/01/rdf-schema#label> "{label}" .']
        if qid:
            description.append(f"<{iri}> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/{qid}> .")
        alias_lines = [f'<{iri}> <{KG}alias> "{alias}" .' for alias in aliases]
        if keys:
            description.append(f'<{iri}> <{KG}labelKey> "{fold(label)}" .')
            alias_lines += [f'<{iri}> <{KG}aliasKey> "{fold(alias)}" .' for alias in aliases]
        for article in ("a1", "a2"):
            graphs[f"{KGR}graph/{article}"] += alias_lines + (description if layout == "per-article" else [])
        if layout == "entities-graph":
            graphs[f"{KGR}entities"] += description
    graphs[f"{KGR}graph/a1"] += [
        f"<{EVENT}> a <{KG}Consult> ; <{KG}actor> <{PUTIN}> ; <{KG}target> <{ERDOGAN}> ; <{KG}derivedFrom> <{ARTICLE}> ;"
        f' <{KG}negated> false ; <{KG}hypothetical> false .',
        f"<{KGR}designation/0002> <{KG}authority> <{US}> ; <{KG}designee> <{ERDOGAN}> ; <{KG}derivedFrom> <{ARTICLE}> .",
    ]
    for graph, lines in graphs.items():
        if lines:
            store.load("\n".join(lines).encode("utf-8"), format=RdfFormat.TURTLE, to_graph=NamedNode(graph))
    return store


@pytest.fixture(params=["per-article", "entities-graph"])
def index(request: pytest.FixtureRequest) -> EntityIndex:
    return EntityIndex.from_store(_store(request.param))


def test_names_fold_ignores_case_accents_punctuation_and_underscores() -> None:
    assert fold("Türkiye") == fold("TURKIYE") == "turkiye"
    assert fold("united_states") == fold("United States")
    assert fold("U.S.") == fold("US") == "us"
    assert fold("Erdoğan") == "erdogan"


@pytest.mark.parametrize(
    "value, iri",
    [
        (US, US),
        (f"<{US}>", US),
        ("state:United_States", US),
        ("kgr:state/United_States", US),
        ("kgr:state\\/United_States", US),
        ("state:T%C3%BCrkiye", TURKIYE),
        ("Q30", US),
        ("wd:Q30", US),
        ("http://www.wikidata.org/entity/Q30", US),
        ("https://www.wikidata.org/wiki/Q43", TURKIYE),
        ("United States", US),
        ("united_states", US),
        ("Türkiye", TURKIYE),
        ("turkiye", TURKIYE),
        ("Turkey", TURKIYE),
        ("Washington", US),
        ("erdogan", ERDOGAN),
        ("Erdoğan", ERDOGAN),
        ("Putin", PUTIN),
        ("  Vladimir   Putin ", PUTIN),
    ],
)
def test_names_resolve_every_way_of_naming_an_entity(index: EntityIndex, value: str, iri: str) -> None:
    assert index.resolve(value).iri == iri


def test_names_a_label_outranks_an_alias_of_another_entity() -> None:
    index = EntityIndex.from_store(_store("per-article"))
    assert index.resolve("UN").iri == UN  # alias only
    assert index.resolve("United Nations").iri == UN  # label of UN, and a word run of nothing else


def test_names_unknown_name_is_an_error_listing_the_closest(index: EntityIndex) -> None:
    with pytest.raises(EntityNameError) as error:
        index.resolve("Turky")
    assert "no entity is named 'Turky'" in str(error.value)
    assert error.value.candidates[0].iri == TURKIYE
    assert "Türkiye (state:T%C3%BCrkiye, kg:State, Q43)" in str(error.value)


def test_names_ambiguous_name_is_an_error_listing_every_entity_it_names(index: EntityIndex) -> None:
    with pytest.raises(EntityNameError) as error:
        index.resolve("georgia")
    assert {entity.iri for entity in error.value.candidates} == {GEORGIA_STATE, GEORGIA_PLACE}
    assert "'georgia' names 2 entities" in str(error.value)
    with pytest.raises(EntityNameError) as error:
        index.resolve("United")  # a word of two names
    assert {entity.iri for entity in error.value.candidates} == {US, UN}


def test_names_unknown_iri_and_unlinked_qid_are_errors(index: EntityIndex) -> None:
    with pytest.raises(EntityNameError) as error:
        index.resolve("state:United_Sates")
    assert f"no entity <{KGR}state/United_Sates>" in str(error.value)
    assert error.value.candidates[0].iri == US
    with pytest.raises(EntityNameError, match="no entity in the store is linked to Wikidata Q1"):
        index.resolve("wd:Q1")
    with pytest.raises(EntityNameError, match="similar name"):
        index.resolve("Zzyzx")


def test_names_search_is_partial_fuzzy_and_ranks_exact_names_first(index: EntityIndex) -> None:
    assert [match.entity.iri for match in index.search("united")] == [UN, US]  # word starts, by label
    assert index.search("us")[0].entity.iri == US  # an exact alias first
    assert index.search("erdgan")[0].entity.iri == ERDOGAN  # a typo
    assert index.search("tayyip")[0].name == "Recep Tayyip Erdoğan"
    assert index.search("zzyzx") == []


def test_names_entity_iri_of_reads_iris_and_prefixed_names_only() -> None:
    assert entity_iri_of("state:United_States") == US
    assert entity_iri_of(f"<{US}>") == US
    assert entity_iri_of("Q30") is None
    assert entity_iri_of("wd:Q30") is None
    assert entity_iri_of("United States") is None
    assert entity_iri_of("nosuchprefix:x") is None


@pytest.mark.parametrize("layout", ["per-article", "entities-graph"])
def test_names_facts_and_existence_read_the_named_graphs(layout: str) -> None:
    store = _store(layout)
    assert facts_mentioning(store, [ERDOGAN, US, UN]) == {ERDOGAN: 2, US: 1, UN: 0}
    assert entity_exists(store, US) and not entity_exists(store, f"{KGR}state/Atlantis")
    assert not entity_exists(store, EVENT)  # a fact is not an entity


def test_names_query_parameters_resolve_to_iris_before_binding() -> None:
    store = _store("per-article")
    query = resolve_query("actor_timeline")
    assert resolve_entity_params(store, query, {"actor": "putin"}) == [("actor", PUTIN)]
    assert resolve_entity_params(store, query, [("actor", "state:United_States")]) == [("actor", US)]
    with pytest.raises(QueryError, match="a name or Wikidata id is looked up in a store first"):
        bind_params(query, {"actor": "Putin"})
    with pytest.raises(EntityNameError, match="no entity is named 'Atlantis'"):
        run_query(store, query, {"actor": "Atlantis"})
    other = resolve_query("events_of_type")  # an iri parameter is not looked up
    params = {"type": "kg:Consult", "from": "2025-01-01", "to": "2025-12-31"}
    assert resolve_entity_params(store, other, params) == list(params.items())



def _plain_select(store: Store) -> Select:
    """A remote endpoint's client stand-in: rows of plain values, counts as ints, unbound as None."""

    def select(text: str) -> list[tuple[object, ...]]:
        def plain(term: object) -> object:
            if isinstance(term, Literal) and term.datatype.value.endswith("#integer"):
                return int(term.value)
            return None if term is None else term.value  # type: ignore[attr-defined]

        return [tuple(plain(term) for term in solution) for solution in store.query(text)]  # type: ignore[union-attr]

    return select


def test_names_work_through_a_select_function_as_for_a_remote_endpoint() -> None:
    store = _store("entities-graph")
    select = _plain_select(store)
    assert EntityIndex.from_store(select).entities == EntityIndex.from_store(store).entities
    assert facts_mentioning(select, [ERDOGAN]) == {ERDOGAN: 2}
    assert entity_exists(select, US) and not entity_exists(select, f"{KGR}state/Atlantis")
    assert resolve_entity_params(select, resolve_query("actor_timeline"), {"actor": "Türkiye"}) == [("actor", TURKIYE)]


QUICK_VALUES = [
    "United States", "united states", "the United States", "UNITED  STATES ", "Türkiye", "turkiye", "TURKIYE",
    "Recep Tayyip Erdogan", "Q30", "wd:Q43", "q7747", "Q999", "Georgia", "US", "U.S.", "Turkey", "Putin",
    "United Nations'", "Atlantis", "...", "United_States", "Washington", "Erdogan", "tayyip", "Nations", "United",
    "Tayyip Recep", "Putin Vladimir", "Turk",
]  # fmt: skip


@pytest.mark.parametrize("value", QUICK_VALUES)
@pytest.mark.parametrize("layout", ["per-article", "entities-graph"])
def test_names_quick_resolve_answers_as_the_full_index_does(layout: str, value: str) -> None:
    """The look-up by the stored name keys, without the full index: a label, an alias, a partial
    name or a Wikidata id naming one entity gives the index's answer; several entities or none
    are left to the index, whose error lists the candidates."""
    store = _store(layout)
    try:
        expected: str | None = EntityIndex.from_store(store).resolve(value).iri
    except EntityNameError:
        expected = None
    assert quick_resolve(store, value) == expected


@pytest.mark.parametrize("value", QUICK_VALUES)
def test_names_quick_resolve_without_keys_never_answers_other_than_the_index(value: str) -> None:
    """A store written before the name keys: names are left to the index, Wikidata ids still quick."""
    store = _store("entities-graph", keys=False)
    try:
        expected: str | None = EntityIndex.from_store(store).resolve(value).iri
    except EntityNameError:
        expected = None
    found = quick_resolve(store, value)
    assert found is None or found == expected
