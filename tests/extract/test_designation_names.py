"""Type designations and titles written as names: an aircraft's designation ("F/A-18", "MiG-29",
"UH-60") in a span the model tags as a name is the military asset, never an organization or a person;
the service before it stays its operator; a struck aircraft is struck as its state; a weapon model
named by a word ("Pantsir", "Shahed") before its class noun is the asset as well (sentences
written for the test)."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract
from kg.nlp import annotate
from kg.records import Article, Deployment, EntityType, Event, EventType

PARTIES = (EntityType.ORGANIZATION, EntityType.PERSON, EntityType.LOCATION)


def _extracted(pipeline, text: str):  # type: ignore[no-untyped-def]
    article = Article(id="designations", text=text, published=date(2025, 11, 29))
    return extract(annotate(pipeline.nlp, article), article, gazetteer=pipeline.gazetteer)


@pytest.mark.parametrize(("text", "designation"), [
    ("Two Turkish MiG-29 Fulcrums flew over Cyprus.", "MiG-29"),  # the model: a person
    ("A French Navy F/A-18 Super Hornet fires on a smuggling boat.", "F/A-18"),  # split at the slash
    ("An Australian F/A-18 Super Hornet crashed off Queensland.", "F/A-18"),
    ("A Colombian Air Force Sikorsky UH-60 Black Hawk crashes near Cali.", "UH-60"),  # a helicopter
    # A model word before its class noun, which the model tagged a name of its own.
    ("Ukraine shot down a Pantsir system near Belgorod.", "Pantsir"),  # the model: a location
    ("Russian Shahed drones struck Odesa overnight.", "Shahed"),  # the model: "Russian Shahed", an organization
    ("Egypt flies Dassault Mirage 2000 jets over Sinai.", "Mirage"),  # "Dassault Mirage 2000", an organization
])  # fmt: skip
def test_a_designation_is_the_asset_not_a_party(found_entities, text: str, designation: str) -> None:  # type: ignore[no-untyped-def]
    entities = found_entities(text)
    assert not [e.label for e in entities if designation in e.label and e.type in PARTIES]
    assert [e.label for e in entities if designation in e.label and e.type is EntityType.MILITARY_ASSET]


def test_the_service_before_a_designation_stays_an_organization_and_operates_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    extraction = _extracted(pipeline, "A Chilean Air Force F-16 Fighting Falcon landed in Peru.")
    types = {e.label: e.type for e in extraction.entities}
    assert types["Chilean Air Force"] is EntityType.ORGANIZATION
    deployment = next(c for c in extraction.claims if isinstance(c, Deployment))
    # the asset is named from its code on, its owner left to the operator
    assert next(e.label for e in extraction.entities if e.key == deployment.asset) == "F-16 Fighting Falcon"
    assert (deployment.operator, deployment.location) == ("chilean_air_force", "peru")


def test_the_owner_of_a_designation_acts_for_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    extraction = _extracted(pipeline, "A Kuwaiti F/A-18 Hornet bombed a rebel depot in Yemen.")
    assaults = [c for c in extraction.claims if isinstance(c, Event) and c.type is EventType.ASSAULT]
    assert [(a.actors, a.targets) for a in assaults] == [(("kuwait",), ("yemen",))]
    assert assaults[0].assets and all("f_a_18" in key for key in assaults[0].assets)


def test_a_struck_aircraft_is_struck_as_its_state(pipeline) -> None:  # type: ignore[no-untyped-def]
    extraction = _extracted(pipeline, "Ukraine shot down a Russian Su-35 fighter.")
    assert [(c.actors, c.targets) for c in extraction.claims if isinstance(c, Event) and c.type is EventType.ASSAULT] == [
        (("ukraine",), ("russia",))]


@pytest.mark.parametrize(("text", "label", "entity_type"), [
    ("Police arrest members of MS-13 in Honduras.", "MS-13", EntityType.ORGANIZATION),  # a gang, no aircraft
    ("Lockheed Martin wins a contract for F-35 jets.", "Lockheed Martin", EntityType.ORGANIZATION),
])  # fmt: skip
def test_names_beside_or_like_designations_keep_their_type(entity_types, text: str, label: str, entity_type: EntityType) -> None:  # type: ignore[no-untyped-def]
    assert entity_types(text)[label] is entity_type


def test_a_struck_model_is_no_target_of_the_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    extraction = _extracted(pipeline, "Ukrainian drones destroyed a Pantsir missile system in Crimea.")
    assaults = [c for c in extraction.claims if isinstance(c, Event) and c.type is EventType.ASSAULT]
    assert assaults and all("pantsir" not in assault.targets for assault in assaults)


@pytest.mark.parametrize(("text", "label", "entity_type"), [
    ("The Patriot Front marched in Boston.", "Patriot Front", EntityType.ORGANIZATION),  # a model's word alone in the match
    ("Iskander Khan met Shahed Hussain in Karachi.", "Iskander Khan", EntityType.PERSON),
    ("Iskander Khan met Shahed Hussain in Karachi.", "Shahed Hussain", EntityType.PERSON),
])  # fmt: skip
def test_names_holding_a_model_word_alone_keep_their_type(entity_types, text: str, label: str, entity_type: EntityType) -> None:  # type: ignore[no-untyped-def]
    assert entity_types(text)[label] is entity_type
