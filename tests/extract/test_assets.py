"""Military assets: class, operator and place, from sentences written for the test."""

from spacy.matcher import Matcher

from kg.export import DEFAULT_MIN_CONFIDENCE
from kg.extract import asset_mentions, assets, events
from kg.extract.lexicon import load_lexicons, ship_key
from kg.records import AssetClass, Deployment, EntityType, Event, EventType, Mention, Provenance
from fictional_names import FICTIONAL_NAMES

STATE, ORG, LOC, ASSET = (
    EntityType.STATE,
    EntityType.ORGANIZATION,
    EntityType.LOCATION,
    EntityType.MILITARY_ASSET,
)
BASE_NAMES = {
    **FICTIONAL_NAMES,
    "United States": ("united_states", STATE),
    "U.S.": ("united_states", STATE),
    "Ruritanian": ("ruritania", STATE),
    "Ruritanian Navy": ("navy", ORG, "ArmedForces"),
    "Strike Group": ("strike_group", ORG),
    "Gulf of Tarn": ("gulf", LOC),
    "Port Vell": ("port_vell", LOC),
}


def _deployments(annotated, text: str, names: dict) -> list[Deployment]:  # type: ignore[no-untyped-def, type-arg]
    doc, entities, article = annotated(text, {**BASE_NAMES, **names})
    return assets.extract(doc, entities, article)


def _greedy_matches(doc):  # type: ignore[no-untyped-def]
    """What spaCy's own Matcher of the asset patterns finds, the longest of overlapping matches."""
    matcher = Matcher(doc.vocab)
    for asset_class, pattern in load_lexicons().assets.patterns:
        matcher.add(asset_class, [pattern], greedy="LONGEST")
    return matcher(doc)


def _read(found: list[Deployment]) -> set[tuple[str, str, str | None, str | None]]:
    return {(d.asset, d.asset_class.value, d.operator, d.location) for d in found}


def test_assets_unnamed_group_with_operator_and_place(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Ruritania has deployed an aircraft carrier strike group near Freedonia."
    found = _deployments(
        annotated,
        text,
        {"aircraft carrier strike group": ("csg", ASSET, "CarrierStrikeGroup", False)},
    )
    assert _read(found) == {("csg", "carrier_strike_group", "ruritania", "freedonia")}


def test_assets_operator_from_demonym_qualifier(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Ruritanian warships patrolled the Gulf of Tarn."
    found = _deployments(
        annotated, text, {"warships": ("warships", ASSET, "Warship", False)}
    )
    assert {(d.asset_class, d.operator) for d in found} == {
        (AssetClass.WARSHIP, "ruritania")
    }


def test_assets_operator_from_of_phrase(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Missiles struck destroyers of the Ruritanian Navy in the Gulf of Tarn."
    found = _deployments(
        annotated, text, {"destroyers": ("destroyers", ASSET, "Warship", False)}
    )
    assert _read(found) == {("destroyers", "warship", "navy", "gulf")}


def test_assets_ship_prefix(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "The U.S. sent the USS Example and USS Sample to the Gulf of Tarn."
    names = {"USS Example": ("example", ASSET), "USS Sample": ("sample", ASSET)}
    assert _read(_deployments(annotated, text, names)) == {
        ("example", "warship", "united_states", "gulf"),
        ("sample", "warship", "united_states", "gulf"),
    }


def test_assets_class_noun_beside_a_name_is_one_asset(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "The United States moved the aircraft carrier USS Example to Port Vell."
    names = {
        "aircraft carrier": ("carrier", ASSET, "AircraftCarrier", False),
        "USS Example": ("example", ASSET, "AircraftCarrier"),  # the entity stage's kind: the noun beside it
    }
    assert _read(_deployments(annotated, text, names)) == {
        ("example", "aircraft_carrier", "united_states", "port_vell")
    }


def test_assets_listed_ships_take_the_group_place(annotated) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The United States sent the USS Example Carrier Strike Group to the Gulf of Tarn. "
        "The Strike Group includes the USS Sample and the USS Other."
    )
    names = {
        "USS Example Carrier Strike Group": ("csg", ASSET, "CarrierStrikeGroup"),
        "USS Sample": ("sample", ASSET),
        "USS Other": ("other", ASSET),
    }
    found = _read(_deployments(annotated, text, names))
    assert ("sample", "warship", "united_states", "gulf") in found
    assert ("other", "warship", "united_states", "gulf") in found
    assert all(operator != "strike_group" for _, _, operator, _ in found)


def test_assets_without_operator_are_left_out(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Drones were seen over Port Vell."
    assert (
        _deployments(annotated, text, {"Drones": ("drones", ASSET, "Drone", False)})
        == []
    )


def test_assets_lexicon_classes(annotated) -> None:  # type: ignore[no-untyped-def]
    doc, _, _ = annotated(
        "B-52 bombers, F-35 fighter jets, Patriot missile batteries, marines and a submarine.",
        {},
    )
    found = {doc.vocab.strings[match] for match, _, _ in _greedy_matches(doc)}
    assert {"bomber", "fighter", "air_defense", "troops", "submarine"} <= found


def test_assets_object_of_leave_is_where_they_are(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Ruritania announced that Ruritanian troops would be leaving Freedonia."
    [found] = _deployments(
        annotated, text, {"Ruritanian troops": ("troops", ASSET, "Troops", False)}
    )
    assert (found.operator, found.location) == ("ruritania", "freedonia")
    assert (
        not found.provenance.hypothetical
    )  # the leaving is planned; their being there is not


def test_assets_operator_of_a_deployment_noun(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "The Ruritanian Navy announced the deployment of fighter jets to the Gulf of Tarn."
    [found] = _deployments(
        annotated, text, {"fighter jets": ("jets", ASSET, "Fighter", False)}
    )
    assert (found.asset_class, found.operator, found.location) == (
        AssetClass.FIGHTER,
        "navy",
        "gulf",
    )


def test_assets_class_from_words_inside_the_name(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "The United States sent Carrier Air Wing 7 to the Gulf of Tarn."
    [found] = _deployments(annotated, text, {"Carrier Air Wing 7": ("wing", ASSET)})
    assert (
        found.asset_class is AssetClass.MILITARY_AIRCRAFT
        and found.operator == "united_states"
    )


def test_assets_conjoined_assets_share_the_operator(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Missiles targeted the USS Example and destroyers of the Ruritanian Navy."
    names = {
        "USS Example": ("example", ASSET, "AircraftCarrier"),
        "destroyers": ("destroyers", ASSET, "Warship", False),
    }
    assert {(d.asset, d.operator) for d in _deployments(annotated, text, names)} == {
        ("example", "navy"),
        ("destroyers", "navy"),
    }


def test_assets_denied_sending_is_marked_and_scored_low(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Ruritania must not send warships to the Gulf of Tarn."
    [found] = _deployments(
        annotated, text, {"warships": ("warships", ASSET, "Warship", False)}
    )
    assert found.provenance.negated and found.provenance.confidence < 0.5


def test_assets_withdrawn_from_a_place_were_there(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Ruritanian troops withdrew from the Port Vell region."
    [found] = _deployments(
        annotated, text, {"Ruritanian troops": ("troops", ASSET, "Troops", False)}
    )
    assert (found.operator, found.location) == ("ruritania", "port_vell")


def test_assets_entering_the_town_of(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Ruritanian troops entered the town of Port Vell."
    [found] = _deployments(
        annotated, text, {"Ruritanian troops": ("troops", ASSET, "Troops", False)}
    )
    assert found.location == "port_vell"


def test_assets_place_is_never_a_possessor(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "The Ruritanian Navy struck back in response to Freedonia's attacks on the USS Example and the USS Sample."
    names = {
        "USS Example": ("example", ASSET, "Warship"),
        "USS Sample": ("sample", ASSET, "Warship"),
    }
    assert all(d.location != "freedonia" for d in _deployments(annotated, text, names))


def test_assets_denied_presence_is_negated(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Ruritania denied that Ruritanian troops had entered Freedonia."
    [found] = _deployments(
        annotated, text, {"Ruritanian troops": ("troops", ASSET, "Troops", False)}
    )
    assert (
        found.location == "freedonia"
        and found.provenance.negated
        and not found.provenance.hypothetical
    )


def test_assets_one_presence_told_twice_is_one_deployment(annotated) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ruritanian troops patrolled Freedonia in 2019. "
        "There are about 5000 Ruritanian troops in Freedonia now."
    )
    names = {
        "Ruritanian troops": ("troops_a", ASSET, None, False),
        "5000 Ruritanian troops": ("troops_b", ASSET, None, False),
    }
    found = _deployments(annotated, text, names)
    assert [(d.asset_class.value, d.operator, d.location) for d in found] == [
        ("troops", "ruritania", "freedonia")
    ]


def test_assets_coordinated_verb_shares_the_operator(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Ruritania closes its border and deploys 4,000 troops to the Gulf of Tarn."
    found = _deployments(
        annotated, text, {"4,000 troops": ("troops", ASSET, None, False)}
    )
    assert _read(found) == {("troops", "troops", "ruritania", "gulf")}


def test_assets_longest_matches_are_what_a_greedy_matcher_returns(annotated) -> None:  # type: ignore[no-untyped-def]
    doc, _, _ = annotated(
        "The nuclear aircraft carrier strike group, two aircraft carriers and a carrier strike group sailed; "
        "strike groups, nuclear-powered aircraft carriers, B-52 bombers and F-35 fighter jets followed.",
        {},
    )
    lex = load_lexicons()
    expected = [(start, end, AssetClass(doc.vocab.strings[match])) for match, start, end in _greedy_matches(doc)]
    assert len(assets.asset_matches(doc, lex)) > len(expected) > 5  # overlapping matches were filtered
    assert asset_mentions.longest_asset_matches(doc, lex) == expected


def test_assets_named_ship_that_arrived_somewhere_without_a_named_navy(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "The aircraft carrier INS Example arrived in the Gulf of Tarn."
    names = {"aircraft carrier": ("carrier", ASSET, "AircraftCarrier", False), "INS Example": ("example", ASSET, "AircraftCarrier")}
    [found] = _deployments(annotated, text, names)
    assert (found.asset, found.asset_class.value, found.operator, found.location) == (
        "example", "aircraft_carrier", None, "gulf")  # fmt: skip
    # Incomplete and with no operator: kept in the store, below the export threshold.
    assert found.provenance.confidence < DEFAULT_MIN_CONFIDENCE


def test_assets_named_ships_with_no_operator_are_below_the_export_threshold(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {
        "destroyers": ("destroyers", ASSET, "Warship", False),
        "destroyer": ("destroyer", ASSET, "Warship", False),
        "Sample": ("sample", ASSET, "Warship"),
        "Example": ("example", ASSET, "Warship"),
    }
    # Two conjoined ships after a class noun with no operator: read and placed, not exported.
    found = _deployments(annotated, "The destroyers Sample and Example crossed the Gulf of Tarn.", names)
    assert _read(found) == {("sample", "warship", None, "gulf"), ("example", "warship", None, "gulf")}
    assert all(d.provenance.confidence < DEFAULT_MIN_CONFIDENCE for d in found)
    # With its operator the same reading is exported.
    [found_one] = _deployments(annotated, "The Ruritanian destroyer Sample crossed the Gulf of Tarn.", names)
    assert (found_one.operator, found_one.location) == ("ruritania", "gulf")
    assert found_one.provenance.confidence >= DEFAULT_MIN_CONFIDENCE


def test_assets_deployment_verbs_give_the_place(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {"warships": ("warships", ASSET, "Warship", False)}
    for text in (
        "Ruritanian warships sailed into the Gulf of Tarn.",
        "Ruritanian warships were stationed in the Gulf of Tarn.",
        "Ruritanian warships sailed through the Gulf of Tarn.",
        "Ruritania deployed warships to the Gulf of Tarn.",
    ):
        assert _read(_deployments(annotated, text, names)) == {("warships", "warship", "ruritania", "gulf")}, text


def test_assets_operator_from_the_class_noun_beside_the_name(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {"Sample": ("sample", ASSET, "Warship"), "frigate": ("frigate", ASSET, "Warship", False)}
    for text in ("Ruritania's frigate Sample docked in Port Vell.", "The Ruritanian frigate Sample docked in Port Vell."):
        assert _read(_deployments(annotated, text, names)) == {("sample", "warship", "ruritania", "port_vell")}, text


def test_assets_possessive_operator_of_drones(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _deployments(annotated, "Ruritania's drones struck Port Vell.", {"drones": ("drones", ASSET, "Drone", False)})
    assert {(d.asset_class, d.operator) for d in found} == {(AssetClass.DRONE, "ruritania")}


def test_assets_ship_prefixes_of_the_entity_patterns_are_the_operator_table() -> None:
    import json

    from kg.extract.lexicon import load_ship_prefixes
    from kg.resources import data_dir

    table = set(load_ship_prefixes(data_dir("patterns")))
    for line in (data_dir("patterns") / "entities.jsonl").read_text(encoding="utf-8").splitlines():
        spec = json.loads(line)
        if spec["id"].startswith("asset.ship-prefix"):
            assert set(spec["pattern"][0]["ORTH"]["IN"]) == table, spec["id"]


def test_assets_prefixed_ship_names_through_the_entity_stage() -> None:
    from datetime import date

    from kg.extract.entities import find_entities
    from kg.gazetteer import load_gazetteer
    from kg.nlp import annotate, load_nlp
    from kg.records import Article

    gazetteer = load_gazetteer()
    nlp = load_nlp(gazetteer=gazetteer)
    for text, ship, asset_class, place in (
        # a carrier of patterns/assets.jsonl `carrier_names`, and a name under a prefix the list does not hold
        ("The Indian Navy deployed INS Vikramaditya to the Arabian Sea.", "INS Vikramaditya", AssetClass.AIRCRAFT_CARRIER,
         "Arabian Sea"),
        ("The Indian Navy deployed INS Kolkata to the Arabian Sea.", "INS Kolkata", AssetClass.WARSHIP, "Arabian Sea"),
    ):
        article = Article(id="t", text=text, published=date(2025, 11, 29))
        doc = annotate(nlp, article)
        entities = find_entities(doc, article, gazetteer)
        labels = {entity.key: entity.label for entity in entities}
        found = {(labels[d.asset], d.asset_class, labels[d.location or ""] if d.location else None)
                 for d in assets.extract(doc, entities, article)}  # fmt: skip
        assert found == {(ship, asset_class, place)}, text


def test_assets_capitalised_marines_are_troops() -> None:
    from datetime import date

    from kg.extract.entities import find_entities
    from kg.gazetteer import load_gazetteer
    from kg.nlp import annotate, load_nlp
    from kg.records import Article

    gazetteer = load_gazetteer()
    nlp = load_nlp(gazetteer=gazetteer)
    article = Article(id="t", text="About 2,000 US Marines are stationed in Okinawa.", published=date(2025, 11, 29))
    doc = annotate(nlp, article)
    entities = find_entities(doc, article, gazetteer)
    labels = {entity.key: entity.label for entity in entities}
    found = {(d.asset_class, labels[d.operator or ""], labels[d.location or ""]) for d in assets.extract(doc, entities, article)}
    assert found == {(AssetClass.TROOPS, "United States", "Okinawa")}


def test_assets_victims_are_no_deployment(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {"soldiers": ("soldiers", ASSET, "Troops", False)}
    for text in (
        "Fourteen Ruritanian soldiers were killed in two attacks.",
        "Fourteen Ruritanian soldiers killed in an ambush near Port Vell.",
        "Gunmen ambushed Ruritanian soldiers near Port Vell.",
        "Two Ruritanian soldiers died in a blast.",
        "Two Ruritanian soldiers and a police officer were wounded.",
        "Four of the Ruritanian soldiers were wounded in an attack in Port Vell.",
        "Ruritania returned the bodies of Ruritanian soldiers who were killed in Port Vell.",
    ):
        assert _deployments(annotated, text, names) == [], text


def test_assets_soldiers_who_act_are_still_deployed(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {"soldiers": ("soldiers", ASSET, "Troops", False)}
    for text in (
        "Ruritania deployed soldiers to Port Vell.",
        "Ruritanian soldiers killed three gunmen in Port Vell.",
        "Ruritanian soldiers captured Port Vell.",
        "Ruritanian soldiers who have killed three gunmen patrol Port Vell.",
    ):
        assert {(d.operator) for d in _deployments(annotated, text, names)} == {"ruritania"}, text


def test_assets_that_attack_are_where_they_struck(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {"drones": ("drones", ASSET, "Drone", False)}
    for text in ("Ruritanian drones struck Port Vell.", "Ruritanian drones attacked Freedonia overnight."):
        assert {d.location for d in _deployments(annotated, text, names)} - {None} == ({"port_vell"} if "Port" in text else {"freedonia"}), text
    real = {"Russian": ("russia", STATE), "Poltava": ("poltava", LOC), "Russian missile": ("missile", ASSET, "Missile", False)}
    for text in ("A Russian missile strike on a residential building in Poltava kills two people.",
                 "Russian missile and drone attacks on Poltava continued."):
        found = _deployments(annotated, text, real)
        assert {(d.operator, d.location) for d in found} == {("russia", "poltava")}, text
    # "a missile and drone attack", parsed as "a missile" and "drone attack": both in it, both placed.
    both = {**real, "drone": ("drone", ASSET, "Drone", False)}
    for text in ("At least four people are killed in a Russian missile and drone attack on Poltava.",
                 "An overnight Russian missile and drone attack on Poltava kills three people."):
        found = _deployments(annotated, text, both)
        assert {(d.asset, d.operator, d.location) for d in found} == {("missile", "russia", "poltava"),
                                                                      ("drone", "russia", "poltava")}, text
    # Nor is an asset named in a noun that is no attack, or the subject of a verb that is none by its object.
    assert "poltava" not in {d.location for d in _deployments(annotated, "Russian missile production in Poltava rose.", real)}
    assert {d.location for d in _deployments(annotated, "Ruritanian drones watched Port Vell.", names)} == {None}


def test_assets_take_the_place_of_the_attack_they_act_in() -> None:
    def provenance(start: int, extractor: str) -> Provenance:
        return Provenance(Mention(start, start + 10, "x" * 10), extractor, 0.7)

    def event(kind: EventType, start: int) -> Event:
        return Event(kind, ("ruritania",), (), provenance(start, "kg.events"), location="port_vell", assets=("drones",))

    unplaced = Deployment("drones", AssetClass.DRONE, provenance(0, assets.NAME), operator="ruritania")
    placed = Deployment("drones", AssetClass.DRONE, provenance(0, assets.NAME), operator="ruritania", location="gulf")
    assert assets.placed_by_events([unplaced, event(EventType.ASSAULT, 0)])[0].location == "port_vell"
    assert assets.placed_by_events([unplaced, event(EventType.MOBILIZE, 0)])[0].location == "port_vell"
    # Not from an event of another kind or sentence, and never over a place of its own.
    assert assets.placed_by_events([unplaced, event(EventType.COERCE, 0)])[0].location is None
    assert assets.placed_by_events([unplaced, event(EventType.ASSAULT, 40)])[0].location is None
    assert assets.placed_by_events([placed, event(EventType.ASSAULT, 0)])[0].location == "gulf"


def test_assets_an_asset_is_no_place(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {"jets": ("jets", ASSET, "Fighter", False), "drones": ("drones", ASSET, "Drone", False)}
    found = _deployments(annotated, "Freedonia deployed jets in response to Ruritanian drones.", names)
    assert ("jets", "freedonia", None) in {(d.asset, d.operator, d.location) for d in found}


def test_assets_armed_forces_are_the_organization_not_a_deployment() -> None:
    from datetime import date

    from kg.extract.entities import find_entities
    from kg.gazetteer import load_gazetteer
    from kg.nlp import annotate, load_nlp
    from kg.records import Article

    gazetteer = load_gazetteer()
    nlp = load_nlp(gazetteer=gazetteer)
    for text, expected in (("Sudanese armed forces repel a drone attack in Dilling.", set()),
                           ("Sudanese troops repel a drone attack in Dilling.", {AssetClass.TROOPS})):
        article = Article(id="t", text=text, published=date(2025, 11, 29))
        doc = annotate(nlp, article)
        found = assets.extract(doc, find_entities(doc, article, gazetteer), article)
        assert {d.asset_class for d in found} == expected, text


def test_assets_operator_not_from_a_conjunct_that_is_no_asset(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {"soldiers": ("soldiers", ASSET, "Troops", False), "warships": ("warships", ASSET, "Warship", False)}
    text = "Witnesses saw 33 Ruritanian militants, 29 passengers and 8 soldiers in Port Vell."
    assert _deployments(annotated, text, names) == []
    # Beside another asset, the conjunct's qualifier does say whose: "soldiers and warships of the Ruritanian Navy".
    text = "Soldiers and warships of the Ruritanian Navy patrolled the Gulf of Tarn."
    assert {d.operator for d in _deployments(annotated, text, names)} == {"navy"}


def test_assets_fired_by_names_the_operator_and_an_interceptor_the_place(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {"missiles": ("missiles", ASSET, "MissileSystem", False), "drones": ("drones", ASSET, "Drone", False)}
    for text, expected in (
        ("Freedonia intercepts two missiles fired by the Ruritanian Navy.", ("missiles", "navy", "freedonia")),
        ("Freedonia intercepts two missiles launched by Ruritania.", ("missiles", "ruritania", "freedonia")),
        ("Freedonia reports intercepting 300 Ruritanian drones.", ("drones", "ruritania", "freedonia")),
        # Whoever fired them, not whoever made them; no interception, no interceptor's place.
        ("Freedonian missiles fired by Ruritania struck a bridge.", ("missiles", "ruritania", None)),
        ("Freedonia tracked 300 Ruritanian drones.", ("drones", "ruritania", None)),
    ):
        found = _deployments(annotated, text, names)
        assert {(d.asset, d.operator, d.location) for d in found} == {expected}, text
    # Made by is no operator.
    assert _deployments(annotated, "Freedonia intercepts two missiles made by Ruritania.", names) == []


def _pipeline_read(text: str) -> tuple[list, dict[str, str]]:  # type: ignore[type-arg]
    """The deployments the asset stage reads with kg's own entity stage, and each entity key's label."""
    from datetime import date

    from kg.extract.entities import find_entities
    from kg.gazetteer import load_gazetteer
    from kg.nlp import annotate, load_nlp
    from kg.records import Article

    gazetteer = load_gazetteer()
    article = Article(id="t", text=text, published=date(2025, 11, 29))
    doc = annotate(load_nlp(gazetteer=gazetteer), article)
    entities = find_entities(doc, article, gazetteer)
    return assets.extract(doc, entities, article), {entity.key: entity.label for entity in entities}


def _pipeline_deployments(text: str) -> set[tuple[AssetClass, str | None, str | None]]:
    """(class, operator label, place label) of what the asset stage reads with kg's own entity stage."""
    found, labels = _pipeline_read(text)
    return {(d.asset_class, labels.get(d.operator or ""), labels.get(d.location or "")) for d in found}


def test_assets_forces_that_move_are_troops() -> None:
    assert _pipeline_deployments("Jordanian forces entered the city of Mosul.") == {(AssetClass.TROOPS, "Jordan", "Mosul")}
    assert _pipeline_deployments("Kenyan forces withdraw from Kismayo.") == {(AssetClass.TROOPS, "Kenya", "Kismayo")}


def test_assets_forces_that_only_act_are_no_asset() -> None:
    for text in ("Turkish forces raided a house in Mosul.", "Turkish forces killed three militants near Mosul."):
        assert _pipeline_deployments(text) == set(), text


def test_assets_withdrawal_names_where_the_troops_were() -> None:
    found = _pipeline_deployments("Kenya announced the withdrawal of Kenyan troops from Somalia.")
    assert found == {(AssetClass.TROOPS, "Kenya", "Somalia")}


def test_assets_a_conjoined_subject_is_no_operator(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "The Ruritanian Navy and Freedonian troops entered Port Vell."
    names = {"Freedonian": ("freedonia", STATE), "Freedonian troops": ("troops", ASSET, "Troops", False)}
    assert _read(_deployments(annotated, text, names)) == {("troops", "troops", "freedonia", "port_vell")}


def test_assets_maker_or_model_inside_the_noun_phrase_is_no_operator(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {
        "Vellcorp": ("vellcorp", ORG),
        "Tarnwerk": ("tarnwerk", ORG, "Company"),
        "Zarkov": ("zarkov", ORG),
        "E-3 Sentry": ("e_3_sentry", ASSET, "MilitaryAircraft"),
        "missiles": ("missiles", ASSET, "MissileSystem", False),
    }
    for text, expected in (
        # A maker (a name of no kind, or a company) or a model before the class noun: no operator.
        ("A Vellcorp E-3 Sentry was deployed to Port Vell.", ("e_3_sentry", None, "port_vell")),
        ("Ruritania deployed Tarnwerk missiles to Port Vell.", ("missiles", "ruritania", "port_vell")),
        # A state beside the model stays the operator.
        ("Ruritanian Zarkov missiles were deployed to Port Vell.", ("missiles", "ruritania", "port_vell")),
    ):
        found = _deployments(annotated, text, names)
        assert {(d.asset, d.operator, d.location) for d in found} == {expected}, text
    assert _deployments(annotated, "Zarkov missiles were deployed to Port Vell.", names) == []


def test_assets_armed_force_inside_the_noun_phrase_stays_the_operator(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {
        "Ruritanian Army": ("ruritanian_army", ORG),  # no kind, but "army" is an agent noun
        "Zarkov": ("zarkov", ORG),
        "Vellist": ("vellist", ORG, "NonStateArmedGroup"),
        "troops": ("troops", ASSET, "Troops", False),
        "drones": ("drones", ASSET, "Drone", False),
    }
    for text, expected in (
        ("Ruritanian Army troops were deployed to Port Vell.", ("troops", "ruritanian_army", "port_vell")),
        ("Vellist drones were deployed to Port Vell.", ("drones", "vellist", "port_vell")),
        # Outside the noun phrase a name is read as before: the subject of the sending verb.
        ("Zarkov deployed drones to Port Vell.", ("drones", "zarkov", "port_vell")),
    ):
        found = _deployments(annotated, text, names)
        assert {(d.asset, d.operator, d.location) for d in found} == {expected}, text


def test_assets_the_unit_that_kills_in_a_passive_is_no_deployment(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {"troops": ("troops", ASSET, "Troops", False), "soldiers": ("soldiers", ASSET, "Troops", False)}
    for text in (
        "A protester was shot dead by Ruritanian troops in Port Vell.",
        "Three gunmen were killed by Ruritanian soldiers near Port Vell.",
        "Two civilians killed by Ruritanian troops in Port Vell were buried on Monday.",
        "A journalist is wounded by police and Ruritanian soldiers in Port Vell.",
    ):
        assert _deployments(annotated, text, names) == [], text


def test_assets_units_that_kill_are_still_deployed_where_the_text_sends_them(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {"troops": ("troops", ASSET, "Troops", False), "soldiers": ("soldiers", ASSET, "Troops", False)}
    for text in (
        "Ruritanian troops were deployed to Port Vell.",
        "Ruritania sends troops to Port Vell, where two protesters were killed by them.",
        "Ruritanian soldiers shot dead two gunmen in Port Vell.",
    ):
        assert {(d.operator, d.location) for d in _deployments(annotated, text, names)} == {("ruritania", "port_vell")}, text


def test_assets_a_weapon_that_kills_in_a_passive_stays(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {"missile": ("missile", ASSET, "Missile", False)}
    found = _deployments(annotated, "A hospital in Port Vell is hit by a Ruritanian missile.", names)
    assert {(d.asset_class, d.operator) for d in found} == {(AssetClass.MISSILE, "ruritania")}


def test_assets_captives_released_are_no_deployment(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {"Freedonian": ("freedonia", STATE), "soldiers": ("soldiers", ASSET, "Troops", False)}
    for text in ("Freedonian rebels release six wounded Ruritanian soldiers.", "Six Ruritanian soldiers were freed in Port Vell."):
        assert _deployments(annotated, text, names) == [], text
    found = _deployments(annotated, "Ruritanian soldiers released three hostages in Port Vell.", names)
    assert {d.operator for d in found} == {"ruritania"}


def _pipeline_assets(text: str) -> set[tuple[str, str | None, str | None]]:
    """(asset label, operator label, place label) of what the asset stage reads with kg's own entity stage."""
    found, labels = _pipeline_read(text)
    return {(labels[d.asset], labels.get(d.operator or ""), labels.get(d.location or "")) for d in found}


def test_assets_phrase_holds_no_time_word_or_misread_verb() -> None:
    # A time word the parser hangs on the asset noun, and a verb a verbless headline's parse reads as
    # a noun, are not part of the asset's phrase: the asset is named without them, its operator kept.
    for text, expected in (
        ("An overnight Russian missile and drone attack on Mosul kills two people.", ("Russian missile", "Russia", "Mosul")),
        ("Four people are killed in overnight Russian missile strikes on Mosul.", ("Russian missile", "Russia", "Mosul")),
        ("Mosul closes its airport after recent Jordanian drones entering the country.", ("Jordanian drones", "Jordan", None)),
        ("Houthi rebels fire missiles at Mosul.", ("missiles", "Houthi rebels", "Mosul")),
    ):
        assert expected in _pipeline_assets(text), (text, _pipeline_assets(text))
    # The numbers, adjectives and owners of the phrase stay in it.
    assert ("Three Jordanian drones", "Jordan", "Mosul") in _pipeline_assets("Three Jordanian drones struck Mosul.")


def test_assets_flag_state_is_no_operator_of_a_ship(annotated) -> None:  # type: ignore[no-untyped-def]
    # A flag is a registry, often of convenience, for the ship named and the one listed beside it.
    names = {"Velmora Star": ("velmora", ASSET, "Vessel"), "Ostrand Bay": ("ostrand", ASSET, "Vessel")}
    found = _deployments(annotated, "The Ruritanian-flagged tanker Velmora Star anchored in the Gulf of Tarn.", names)
    assert _read(found) == {("velmora", "vessel", None, "gulf")}
    text = "Two tankers, the Ruritanian-flagged Velmora Star and the crude carrier Ostrand Bay, anchored in the Gulf of Tarn."
    assert all(d.operator is None for d in _deployments(annotated, text, names))


def test_assets_merchant_ship_does_not_take_the_navy_of_the_asset_before_it(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "The Ruritanian destroyer Arvon collided with the merchant vessel Velmora Star in the Gulf of Tarn."
    found = _deployments(annotated, text, {"Arvon": ("arvon", ASSET, "Warship"), "Velmora Star": ("velmora", ASSET, "Vessel")})
    assert not any(d.asset == "velmora" and d.operator == "ruritania" for d in found)
    assert any(d.asset == "arvon" and d.operator == "ruritania" for d in found)


def test_assets_ship_of_a_crew_does_not_go_where_the_crew_went(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Sailors of tanker Velmora Star are flown to Port Vell."
    found = _deployments(annotated, text, {"Velmora Star": ("velmora", ASSET, "Vessel")})
    assert not any(d.location == "port_vell" for d in found)


def test_assets_what_a_noun_of_making_makes_is_no_deployment(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {"Ruritanian drones": ("drones", ASSET, "Drone", False), "warships": ("warships", ASSET, "Warship", False)}
    for text in (
        "Freedonia will support the production of Ruritanian drones.",
        "Freedonia funds the development and manufacture of Ruritanian drones.",
        "Ruritania announces the development of two warships.",
    ):
        assert _deployments(annotated, text, names) == [], text
    # Made assets that are sent are deployed all the same.
    assert _read(_deployments(annotated, "Freedonia sends Ruritanian drones to Port Vell.", names)) == {
        ("drones", "drone", "freedonia", "port_vell")
    }


# A carrier named under its navy's prefix, with no class noun in the text, is an aircraft carrier
# (patterns/assets.jsonl `carrier_names`); any other name under a prefix stays a warship.
def test_assets_named_carrier_under_a_prefix_is_an_aircraft_carrier(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "The U.S. sent the USS Abraham Lincoln and USS George H.W. Bush to the Gulf of Tarn."
    names = {"USS Abraham Lincoln": ("lincoln", ASSET), "USS George H.W. Bush": ("bush", ASSET)}
    assert _read(_deployments(annotated, text, names)) == {
        ("lincoln", "aircraft_carrier", "united_states", "gulf"),
        ("bush", "aircraft_carrier", "united_states", "gulf"),
    }


def test_assets_named_carrier_without_middle_initial(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "A fighter jet was lost while landing on the USS Harry Truman in the Gulf of Tarn."
    names = {"USS Harry Truman": ("truman", ASSET)}
    assert {(d.asset, d.asset_class) for d in _deployments(annotated, text, names)} == {
        ("truman", AssetClass.AIRCRAFT_CARRIER)
    }


def test_assets_other_ships_under_a_prefix_stay_warships(annotated) -> None:  # type: ignore[no-untyped-def]
    # "USS Roosevelt" is a destroyer, not the carrier "USS Theodore Roosevelt": short names are not listed
    text = "The U.S. sent the USS Mason and USS Roosevelt to the Gulf of Tarn."
    names = {"USS Mason": ("mason", ASSET), "USS Roosevelt": ("roosevelt", ASSET)}
    assert _read(_deployments(annotated, text, names)) == {
        ("mason", "warship", "united_states", "gulf"),
        ("roosevelt", "warship", "united_states", "gulf"),
    }


def test_assets_a_carrier_name_needs_its_prefix(annotated) -> None:  # type: ignore[no-untyped-def]
    # the list holds a carrier's name with its navy's prefix: an asset named without one is not read as it
    text = "The U.S. sent the Abraham Lincoln Example to the Gulf of Tarn."
    names = {"Abraham Lincoln Example": ("example", ASSET)}
    assert all(d.asset_class is not AssetClass.AIRCRAFT_CARRIER for d in _deployments(annotated, text, names))


def test_assets_carrier_names_are_kept_by_their_letters() -> None:
    carriers = load_lexicons().assets.carrier_names
    assert ship_key("USS George H. W. Bush") == ship_key("USS George H.W. Bush") == "ussgeorgehwbush"
    assert {ship_key("USS Gerald R. Ford"), ship_key("HMS Queen Elizabeth")} <= carriers
    assert ship_key("USS Mason") not in carriers



def test_assets_a_launched_weapon_is_where_it_was_launched_from(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {"missiles": ("missiles", ASSET, "Missile", False), "drones": ("drones", ASSET, "Drone", False),
             "Elbonia": ("elbonia", STATE)}  # fmt: skip
    cases = [
        # a launching verb's "from" phrase, on the verb or hung on the weapon, is where it was (blind33 W10)
        ("Ruritanian forces launched missiles from Freedonia in an attack against troops in Port Vell.", "freedonia"),
        ("Ruritania fired missiles from Freedonia at ships in the Gulf of Tarn.", "freedonia"),
        ("Ruritania launched drones from Elbonia at Port Vell.", "elbonia"),
        # no "from" phrase: the struck place as before
        ("Ruritania fired missiles at ships in the Gulf of Tarn.", "gulf"),
        # another verb's "from" phrase is where the asset left, not where it is
        ("Ruritania moved missiles from Freedonia to Port Vell.", "port_vell"),
    ]
    for text, place in cases:
        found = _deployments(annotated, text, names)
        assert {(d.operator, d.location) for d in found} == {("ruritania", place)}, (text, found)


def test_assets_troops_loyal_to_a_person_are_no_state_deployment(annotated) -> None:  # type: ignore[no-untyped-def]
    # The operator would come from the coordinated forces' demonym, or the troops' own: either way
    # the troops are a person's men, not the state's.
    names = {"troops": ("troops", ASSET, "Troops", False), "Ruritanian troops": ("rtroops", ASSET, "Troops", False)}
    for text in ("Fighting erupts in Port Vell between Ruritanian government forces and troops loyal to former governor Omar Tellen.",
                 "Ruritanian troops loyal to Omar Tellen entered Port Vell."):  # fmt: skip
        assert not {d.asset for d in _deployments(annotated, text, names)} & {"troops", "rtroops"}, text
    # Loyal to no one the text names: the state's.
    found = _deployments(annotated, "Ruritanian troops loyal to the government entered Port Vell.", names)
    assert ("rtroops", "troops", "ruritania", "port_vell") in _read(found)


def test_assets_a_relative_day_of_another_act_does_not_date_the_deployment(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {"Ruritanian troops": ("troops", ASSET, "Troops", False)}
    text = "Ruritanian troops arrive in Port Vell, joining units that arrived yesterday."
    assert [(d.location, d.when) for d in _deployments(annotated, text, names)] == [("port_vell", None)]
    text = "Ruritanian troops are deployed in Port Vell following the end of Alma Vask's term tomorrow."
    assert [(d.location, d.when) for d in _deployments(annotated, text, names)] == [("port_vell", None)]
    # The deployment's own day dates it.
    text = "Ruritanian troops arrived in Port Vell yesterday."
    assert [(d.location, d.when and d.when.expression) for d in _deployments(annotated, text, names)] == [("port_vell", "yesterday")]


def test_assets_victims_a_casualty_count_includes_are_no_deployment(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {"soldiers": ("soldiers", ASSET, "Troops", False)}
    for text in (
        "At least nine people, including four Ruritanian soldiers, were killed in an attack on Port Vell.",
        "Twelve people, including two Ruritanian soldiers, are wounded by shelling near Port Vell.",
    ):
        assert _deployments(annotated, text, names) == [], text


def test_assets_units_a_deployed_force_includes_are_still_deployed(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {"soldiers": ("soldiers", ASSET, "Troops", False), "troops": ("troops", ASSET, "Troops", False)}
    for text in (
        "Ruritania deployed new troops, including 300 soldiers, to Port Vell.",
        "Ruritanian troops, including 300 soldiers, entered Port Vell.",
    ):
        assert "ruritania" in {d.operator for d in _deployments(annotated, text, names)}, text


def _exported_deployments(annotated, text: str, names: dict) -> set[tuple[str, str | None, bool]]:  # type: ignore[no-untyped-def, type-arg]
    """(asset, place, exported) of each deployment once the events have placed what they could and
    the placeless ones were scored (kg.extract.extract's order)."""
    doc, entities, article = annotated(text, {**BASE_NAMES, **names})
    claims = assets.placed_by_events([*events.extract(doc, entities, article), *assets.extract(doc, entities, article)])
    return {(c.asset, c.location, c.provenance.confidence >= DEFAULT_MIN_CONFIDENCE)
            for c in assets.unplaced_assets(claims, doc, entities) if isinstance(c, Deployment)}  # fmt: skip


def test_assets_placeless_troops_jets_and_ships_that_are_not_sent_fall_below_the_export_threshold(annotated) -> None:  # type: ignore[no-untyped-def]
    troops = {"Ruritanian soldiers": ("soldiers", ASSET, "Troops", False), "Ruritanian troops": ("troops", ASSET, "Troops", False)}
    jets = {"Ruritanian warplanes": ("warplanes", ASSET, "Fighter", False)}
    ship = {"Ruritanian destroyer Sample": ("sample", ASSET, "Warship")}
    # A side of a clash, a withdrawal, an attack whose place is not read, a unit trained: no deployment stated.
    for text, names, asset in (
        ("Ruritanian soldiers fired warning shots to disperse the crowd.", troops, "soldiers"),
        ("Freedonia says that Ruritanian troops withdrew after a week.", troops, "troops"),
        ("Ruritanian warplanes carry out airstrikes on weapons depots.", jets, "warplanes"),
        ("Freedonia will train Ruritanian troops in demining.", troops, "troops"),
        ("The Ruritanian destroyer Sample collided with a merchant vessel.", ship, "sample"),
    ):
        assert _exported_deployments(annotated, text, names) == {(asset, None, False)}, text


def test_assets_placeless_assets_that_are_sent_or_placed_stay_exported(annotated) -> None:  # type: ignore[no-untyped-def]
    troops = {"4,000 troops": ("troops", ASSET, "Troops", False), "Ruritanian troops": ("troops", ASSET, "Troops", False),
              "front-line units": ("units", ASSET, "Troops", False)}  # fmt: skip
    # Sent with no named place ("to it", "to the region"): a deployment whose place is unnamed.
    for text, asset in (
        ("Ruritania closes its border with Freedonia and deploys 4,000 troops to it.", "troops"),
        ("Ruritania has sent 4,000 troops to support the offensive.", "troops"),
        ("Ruritania said that its front-line units should enter a wartime state.", "units"),
    ):
        assert _exported_deployments(annotated, text, troops) == {(asset, None, True)}, text
    # Placed: the factor is for placeless assets only.
    assert _exported_deployments(annotated, "Ruritanian troops withdrew from Port Vell.", troops) == {("troops", "port_vell", True)}
