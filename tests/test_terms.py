"""IRI minting: stable, distinct, safe for any name a news article can contain."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.records import EntityType
from kg.prefixes import curie, expand_curie
from kg.terms import ENTITY_PATH, PREFIXES, entity_iri, fact_iri, normalize_name, slug, wikidata_iri


@given(st.text(min_size=1, max_size=300))
def test_terms_slug_is_stable_and_a_valid_iri(name: str) -> None:
    if not normalize_name(name):
        with pytest.raises(ValueError, match="empty once normalised"):
            slug(name)
        return
    iri = entity_iri(EntityType.PERSON, name)
    assert iri == entity_iri(EntityType.PERSON, name)
    ox.NamedNode(str(iri))  # raises on an invalid IRI


@given(st.text(min_size=1, max_size=60), st.text(min_size=1, max_size=60))
def test_terms_distinct_normalised_names_get_distinct_slugs(a: str, b: str) -> None:
    if normalize_name(a) and normalize_name(b) and normalize_name(a) != normalize_name(b):
        assert slug(a) != slug(b)


def test_terms_spelling_variants_of_one_name_share_an_iri() -> None:
    variants = ["Côte d’Ivoire", "Co\u0302te d'Ivoire", "Côte d'Ivoire\u00a0", "Côte d'\u200dIvoire", "Côte  d'Ivoire"]
    assert len({entity_iri(EntityType.STATE, v) for v in variants}) == 1


def test_terms_lookalike_letters_and_case_stay_apart() -> None:
    assert entity_iri(EntityType.STATE, "Cоte d'Ivoire") != entity_iri(EntityType.STATE, "Cote d'Ivoire")  # Cyrillic о
    assert entity_iri(EntityType.STATE, "US") != entity_iri(EntityType.STATE, "Us")
    assert slug("a/b") == "a%2Fb"
    assert slug("a%2Fb") == "a%252Fb"
    assert slug("a b") != slug("a_b")


def test_terms_hostile_names_are_encoded_not_interpreted() -> None:
    iri = entity_iri(EntityType.ORGANIZATION, "Foo> } ; DROP ALL ; <http://x")
    assert ">" not in iri and " " not in iri and "<" not in iri
    assert "\u202e" not in slug("evil\u202egnirts")


def test_terms_long_names_are_bounded_and_stable() -> None:
    name = "x" * 10_000
    assert len(slug(name)) < 120
    assert slug(name) == slug(name)
    assert slug(name) != slug(name + "y")


def test_terms_empty_names_are_refused() -> None:
    with pytest.raises(ValueError, match="empty once normalised"):
        slug("\u200d \u200b")


def test_terms_fact_iris_depend_on_every_part() -> None:
    assert fact_iri("event", "a1", "x", "y") == fact_iri("event", "a1", "x", "y")
    assert fact_iri("event", "a1", "x", "y") != fact_iri("event", "a1", "xy", "")
    assert fact_iri("event", "a1", "x") != fact_iri("event", "a2", "x")


def test_terms_wikidata_iris_take_item_ids_only() -> None:
    assert str(wikidata_iri("Q30")) == "http://www.wikidata.org/entity/Q30"
    for bad in ("P35", "Q0", "q30", "Q30> ; DROP ALL", ""):
        with pytest.raises(ValueError, match="not a Wikidata item id"):
            wikidata_iri(bad)



def _read_by_oxigraph(curie_text: str) -> str:
    """The IRI pyoxigraph reads `curie_text` as, in a query declaring kg's prefixes."""
    declarations = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())
    solutions = ox.Store().query(f"{declarations}SELECT ?x WHERE {{ VALUES ?x {{ {curie_text} }} }}")
    assert isinstance(solutions, ox.QuerySolutions)
    return str(next(iter(solutions))[0].value)  # type: ignore[union-attr]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(list(EntityType)), st.text(min_size=1, max_size=60).filter(normalize_name), st.sampled_from(["", "/position/president"]))
def test_terms_every_minted_iri_has_a_curie_that_sparql_reads_back(entity_type: EntityType, name: str, tail: str) -> None:
    """Escapes (`\\/`) are SPARQL 1.1's PN_LOCAL_ESC; rdflib's parser accepts but does not undo them."""
    iri = str(entity_iri(entity_type, name)) + tail
    short = curie(iri)
    assert short.startswith(f"{ENTITY_PATH[entity_type]}:")
    assert expand_curie(short) == iri
    assert _read_by_oxigraph(short) == iri


def test_terms_curies_of_kg_iris() -> None:
    from rdflib.plugins.sparql import prepareQuery

    assert curie(str(entity_iri(EntityType.STATE, "Türkiye"))) == "state:T%C3%BCrkiye"
    prepareQuery("PREFIX state: <https://w3id.org/kg-ir/id/state/> SELECT * WHERE { state:T%C3%BCrkiye ?p ?o }")
    assert curie(str(fact_iri("designation", "a", "b"))).startswith("designation:")
    assert curie(str(wikidata_iri("Q30"))) == "wd:Q30"
    assert curie("https://w3id.org/kg-ir/id/state/United_States/position/president") == "state:United_States\\/position\\/president"
    assert curie("https://example.org/x") == "https://example.org/x"
    assert expand_curie("kgr:state/United_States") == expand_curie("state:United_States") == "https://w3id.org/kg-ir/id/state/United_States"
    assert expand_curie("United States") is None and expand_curie("nosuch:x") is None and expand_curie("http://x.org/") is None


def test_terms_every_entity_path_is_a_minted_kind_with_its_own_prefix() -> None:
    from kg.prefixes import MINTED_KINDS, PREFIXES
    from kg.terms import ENTITY_PATH, KGR

    for path in ENTITY_PATH.values():
        assert path in MINTED_KINDS and PREFIXES[path] == f"{KGR}{path}/"


@pytest.mark.parametrize("name", ["SP.t.i", "3S.H.P", "p.6F.CW7t", "#ß\\oCA.:\"/#O.#", "sg).fü.T", "o e.l\t.", "USS Dwight D. Eisenhower"])
def test_terms_curies_with_dots_read_back_through_oxigraph(name: str) -> None:
    """Names whose plain '.' Oxigraph's parser misread (found by the property test above)."""
    for tail in ("", "/position/president"):
        iri = str(entity_iri(EntityType.PERSON, name)) + tail
        assert _read_by_oxigraph(curie(iri)) == iri == expand_curie(curie(iri))
