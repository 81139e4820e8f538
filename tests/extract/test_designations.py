"""Designations, sanctions and bans from news phrasing and official notices written for the test."""

from datetime import date

from kg.extract import designations
from kg.records import Designation, DesignationCategory, DesignationStatus, EntityType
from fictional_names import FICTIONAL_NAMES

STATE, PERSON, ORG = EntityType.STATE, EntityType.PERSON, EntityType.ORGANIZATION
NAMES = {
    **FICTIONAL_NAMES,
    "Black Lotus Brigade": ("lotus", ORG),
    "Brigade of the Lotus": ("lotus_alias", ORG),
    "Ivo Marek": ("marek", PERSON),
    "Lena Dorn": ("dorn", PERSON),
    "Helia Air": ("helia", ORG),
    "Ruritanian Treasury": ("treasury", ORG),
}


def _designations(
    annotated, text: str, published: date = date(2025, 11, 29)
) -> list[Designation]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES, published)
    return designations.extract(doc, entities, article)


def _pairs(found: list[Designation]) -> set[tuple[str, str, str]]:
    return {(d.authority, d.designee, d.category.value) for d in found}


def test_designations_fto_in_news_phrasing(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _designations(
        annotated,
        "Ruritania designated the Black Lotus Brigade as a foreign terrorist organization.",
    )
    assert _pairs(found) == {("ruritania", "lotus", "fto")}
    assert found[0].label == "foreign terrorist organization"
    assert found[0].category.flat == "terrorist"


def test_designations_label_in_relative_clause(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Talks stalled over the Black Lotus Brigade, a group Ruritania labels a terrorist organization."
    assert ("ruritania", "lotus", "terrorist") in _pairs(_designations(annotated, text))


def test_designations_designate_without_category_is_nothing(annotated) -> None:  # type: ignore[no-untyped-def]
    assert (
        _designations(
            annotated, "Ruritania designated Ivo Marek as its envoy to Freedonia."
        )
        == []
    )


def test_designations_sanctions_imposed_on_several(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Ruritania and Freedonia imposed sanctions on the ministers Ivo Marek and Lena Dorn."
    assert _pairs(_designations(annotated, text)) == {
        ("ruritania", "marek", "sanctions"), ("ruritania", "dorn", "sanctions"),
        ("freedonia", "marek", "sanctions"), ("freedonia", "dorn", "sanctions"),
    }  # fmt: skip


def test_designations_sanctioned_in_passive(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _designations(annotated, "Helia Air was sanctioned by Ruritania on Monday.")
    assert _pairs(found) == {("ruritania", "helia", "sanctions")}
    assert found[0].announced is not None and found[0].announced.earliest == date(
        2025, 11, 24
    )


def test_designations_qualified_plural_is_not_the_state(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Ruritania announced sanctions on six Freedonian officials, including Lena Dorn."
    NAMES_WITH_DEMONYM = {**NAMES, "Freedonian": ("freedonia", STATE)}
    doc, entities, article = annotated(text, NAMES_WITH_DEMONYM)
    assert _pairs(designations.extract(doc, entities, article)) == {
        ("ruritania", "dorn", "sanctions")
    }


def test_designations_flight_ban_is_travel_ban(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _designations(
        annotated, "Elbonia banned Helia Air from flying to its airports."
    )
    assert _pairs(found) == {("elbonia", "helia", "travel_ban")}


def test_designations_visa_suspension_for_citizens(annotated) -> None:  # type: ignore[no-untyped-def]
    NAMES_WITH_DEMONYM = {**NAMES, "Ruritanian": ("ruritania", STATE)}
    doc, entities, article = annotated(
        "Elbonia suspended visas for Ruritanian citizens.", NAMES_WITH_DEMONYM
    )
    assert _pairs(designations.extract(doc, entities, article)) == {
        ("elbonia", "ruritania", "travel_ban")
    }


def test_designations_potential_sanctions_are_hypothetical(annotated) -> None:  # type: ignore[no-untyped-def]
    [found] = _designations(annotated, "Ruritania threatened to sanction Ivo Marek.")
    assert found.provenance.hypothetical


def test_designations_revocation(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _designations(annotated, "Ruritania revoked the sanctions on Helia Air.")
    assert [(d.designee, d.status) for d in found] == [
        ("helia", DesignationStatus.REVOKED)
    ]


NOTICE = """Designation of Black Lotus Brigade as a Foreign Terrorist Organization

Based upon a review of the administrative record, and in consultation with the Attorney General, I have concluded that there is a sufficient factual basis to find that the circumstances described in section 219 of the Immigration and Nationality Act exist with respect to: Black Lotus Brigade (also known as Brigade of the Lotus).

Therefore, I hereby designate the aforementioned organization and its aliases as a Foreign Terrorist Organization pursuant to section 219 of the INA.

This determination shall be published in the Federal Register. The designation goes into effect upon publication.

Dated: March 3, 2025.
Ivo Marek,
Secretary of State."""


def test_designations_federal_register_notice(annotated) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(NOTICE, NAMES, date(2025, 3, 10))
    found = [
        d for d in designations.extract(doc, entities, article) if d.designee == "lotus"
    ]
    assert [(d.authority, d.category) for d in found] == [
        ("marek", DesignationCategory.FTO)
    ]
    notice = found[0]
    assert notice.legal_basis is not None and notice.legal_basis.lower().startswith(
        "section 219"
    )
    assert notice.announced is not None and notice.announced.earliest == date(
        2025, 3, 3
    )
    assert notice.effective is not None and notice.effective.earliest == date(
        2025, 3, 10
    )
    assert notice.status is DesignationStatus.IN_FORCE


def test_designations_state_body_named_for_its_state_lists_for_the_state(
    annotated,
) -> None:  # type: ignore[no-untyped-def]
    names = {
        **NAMES,
        "Ruritania Department of Transport": ("transport", ORG, "GovernmentBody"),
    }
    doc, entities, article = annotated(
        "Ruritania grew uneasy. The Ruritania Department of Transport banned flights to Freedonia.",
        names,
    )
    assert _pairs(designations.extract(doc, entities, article)) == {
        ("ruritania", "freedonia", "travel_ban")
    }


def test_designations_since_dates_a_listing(annotated) -> None:  # type: ignore[no-untyped-def]
    [found] = _designations(
        annotated, "Helia Air has been the subject of Ruritania sanctions since 2011."
    )
    assert found.announced is not None and found.announced.earliest == date(2011, 1, 1)


def test_designations_ended_ban_is_revoked(annotated) -> None:  # type: ignore[no-untyped-def]
    [found] = _designations(annotated, "Ruritania ended its ban on Helia Air flights.")
    assert (
        found.status is DesignationStatus.REVOKED
        and found.category is DesignationCategory.TRAVEL_BAN
    )


def test_designations_ships_banned_from_ports(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Ruritanian": ("ruritania", STATE)}
    doc, entities, article = annotated(
        "Elbonia banned Ruritanian ships from its ports.", names
    )
    assert _pairs(designations.extract(doc, entities, article)) == {
        ("elbonia", "ruritania", "travel_ban")
    }


def test_designations_added_to_a_terrorist_list(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _designations(
        annotated, "Ruritania added the Black Lotus Brigade to its terrorist list."
    )
    assert _pairs(found) == {("ruritania", "lotus", "terrorist")}


def test_designations_designated_with_two_objects(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _designations(
        annotated,
        "Ruritania designated the Black Lotus Brigade a Foreign Terrorist Organization.",
    )
    assert ("ruritania", "lotus", "fto") in _pairs(found)


def test_designations_requested_sanctions_are_no_listing(annotated) -> None:  # type: ignore[no-untyped-def]
    assert (
        _designations(
            annotated, "Freedonia requested international sanctions against Ruritania."
        )
        == []
    )


def test_designations_order_designating(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Ivo Marek signed an order designating the Black Lotus Brigade as a terrorist organization."
    assert _pairs(_designations(annotated, text)) == {("marek", "lotus", "terrorist")}


def test_designations_shared_future_makes_it_hypothetical(annotated) -> None:  # type: ignore[no-untyped-def]
    [found] = _designations(
        annotated,
        "Elbonia will recognize the government and impose sanctions on Ruritania.",
    )
    assert found.provenance.hypothetical


def test_designations_banning_citizens_of_a_state(annotated) -> None:  # type: ignore[no-untyped-def]
    assert _pairs(
        _designations(
            annotated, "Elbonia banned citizens of Ruritania from entering the country."
        )
    ) == {("elbonia", "ruritania", "travel_ban")}
    assert _pairs(
        _designations(annotated, "Elbonia banned Helia Air of Ruritania from flying.")
    ) == {("elbonia", "helia", "travel_ban")}


def test_designations_sanctions_read_as_a_noun_name_their_designees_in_apposition(
    annotated,
) -> None:  # type: ignore[no-untyped-def]
    # Headline present tense parsed as a noun phrase: "[Ruritania sanctions], Ivo Marek ...".
    found = _designations(
        annotated, "Ruritania sanctions Elbonian oligarchs Ivo Marek and Lena Dorn."
    )
    assert {("marek", "sanctions"), ("dorn", "sanctions")} <= {
        (d.designee, d.category.value) for d in found
    }


def test_designations_added_to_an_entry_ban_list_by_plural_pronoun(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _designations(
        annotated,
        "Ruritania and Freedonia protested after Elbonia added them to a list of countries "
        "subject to a full entry ban.",
    )
    assert _pairs(found) == {
        ("elbonia", "ruritania", "travel_ban"),
        ("elbonia", "freedonia", "travel_ban"),
    }


def test_designations_bans_and_sanctions_on_several_including_named(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _designations(
        annotated,
        "Ruritania imposes travel bans and financial sanctions on four officials, including Ivo Marek.",
    )
    assert _pairs(found) == {
        ("ruritania", "marek", "travel_ban"),
        ("ruritania", "marek", "sanctions"),
    }


def test_designations_added_to_another_kind_of_list(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _designations(
        annotated,
        "Ruritania adds Freedonia to its list of countries failing to fight drug trafficking.",
    )
    assert _pairs(found) == {("ruritania", "freedonia", "other")}


def test_designations_lists_or_labels_as_a_terrorist_organization(annotated) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Ruritania lists the Black Lotus Brigade as a terrorist organization.",
        "Ruritania labels the Black Lotus Brigade a terrorist group.",
    ):
        assert _pairs(_designations(annotated, text)) == {("ruritania", "lotus", "terrorist")}, text


def test_designations_passive_with_the_agent_after_the_category(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "The Black Lotus Brigade was designated a foreign terrorist organization by Ruritania."
    assert _pairs(_designations(annotated, text)) == {("ruritania", "lotus", "fto")}


def test_designations_sanctions_announced_or_imposed_by(annotated) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Ruritania announced sanctions on Helia Air.",
        "Sanctions on Helia Air imposed by Ruritania remain in force.",
    ):
        assert _pairs(_designations(annotated, text)) == {("ruritania", "helia", "sanctions")}, text


def test_designations_bars_from_entering_is_a_travel_ban(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Ruritania bars Ivo Marek from entering the country."
    assert _pairs(_designations(annotated, text)) == {("ruritania", "marek", "travel_ban")}


def test_designations_lifting_easing_or_delisting_revokes(annotated) -> None:  # type: ignore[no-untyped-def]
    for text, category in (
        ("Ruritania lifted sanctions on Freedonia.", "sanctions"),
        ("Ruritania eased sanctions on Freedonia.", "sanctions"),
        ("Ruritania suspended its sanctions on Freedonia for six months.", "sanctions"),
        ("Ruritania removed the Black Lotus Brigade from its list of terrorist organizations.", "terrorist"),
    ):
        found = _designations(annotated, text)
        assert [(d.category.flat, d.status) for d in found] == [(category, DesignationStatus.REVOKED)], text
        assert not found[0].provenance.hypothetical


def test_designations_planned_sanctions_are_hypothetical(annotated) -> None:  # type: ignore[no-untyped-def]
    [found] = _designations(annotated, "Ruritania plans to impose sanctions on Freedonia.")
    assert (found.authority, found.designee) == ("ruritania", "freedonia")
    assert found.provenance.hypothetical and found.status is DesignationStatus.IN_FORCE
    assert found.provenance.confidence < 0.5  # a planned listing is no listing to export


def test_designations_negated_listing_falls_below_the_export_threshold(annotated) -> None:  # type: ignore[no-untyped-def]
    [found] = _designations(annotated, "Ruritania did not sanction Helia Air.")
    assert found.provenance.negated and found.provenance.confidence < 0.5


def test_designations_present_tense_verb_tagged_as_a_plural_noun(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Ruritanian": ("ruritania", STATE)}
    for text, expected in (
        ("Freedonia sanctions Ruritanian minister Ivo Marek.", {("freedonia", "marek", "sanctions")}),
        ("Freedonia sanctions Helia Air and the Black Lotus Brigade over the attacks.",
         {("freedonia", "helia", "sanctions"), ("freedonia", "lotus", "sanctions")}),
    ):  # fmt: skip
        doc, entities, article = annotated(text, names)
        assert doc[1].tag_ == "NNS"  # the construction under test: the verb read as a plural noun
        assert _pairs(designations.extract(doc, entities, article)) == expected, text
    doc, entities, article = annotated("Freedonia sanctions package targets Ruritania.", names)
    assert designations.extract(doc, entities, article) == []


def test_designations_an_order_designating_or_lifting_performs_it(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Ivo Marek signs an executive order designating the Black Lotus Brigade as a terrorist organization."
    [found] = _designations(annotated, text)
    assert (found.authority, found.designee, found.category.flat) == ("marek", "lotus", "terrorist")
    assert not found.provenance.hypothetical and found.provenance.confidence >= 0.5
    [lifted] = _designations(annotated, "Ivo Marek signs an executive order lifting all Ruritanian sanctions on Freedonia.")
    assert (lifted.authority, lifted.designee, lifted.status) == ("ruritania", "freedonia", DesignationStatus.REVOKED)
    assert not lifted.provenance.hypothetical
    # A plan to list is still only a plan.
    [planned] = _designations(annotated, "Ruritania announced a plan to sanction Helia Air.")
    assert planned.provenance.hypothetical


def test_designations_a_ban_takes_its_category_from_what_it_bans_not_from_asides(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Freedom Party": ("party", ORG)}
    for text, expected in (
        # A relative clause, or a phrase that only dates the ban, names no travel.
        ("Ruritania bans the Freedom Party of Ivo Marek, who was ousted last year, before his flight to Elbonia.", "other"),
        ("Ruritania bans the Freedom Party of Ivo Marek, who fled on a flight to Elbonia.", "other"),
        # What the ban keeps the party from doing is its category.
        ("Ruritania bans the Freedom Party from entering the country.", "travel_ban"),
        ("Ruritania bans the Freedom Party from flying to its airports before the election.", "travel_ban"),
    ):  # fmt: skip
        doc, entities, article = annotated(text, names)
        assert _pairs(designations.extract(doc, entities, article)) == {("ruritania", "party", expected)}, text


def test_designations_foreign_agent_and_extremist_listings_are_other(annotated) -> None:  # type: ignore[no-untyped-def]
    agent = _designations(annotated, "Ruritania designates the journalist Ivo Marek as a foreign agent.")
    assert _pairs(agent) == {("ruritania", "marek", "other")}
    assert agent[0].label == "foreign agent"
    extremist = _designations(annotated, "Ruritania declares the Black Lotus Brigade an extremist organization.")
    assert _pairs(extremist) == {("ruritania", "lotus", "other")}
    assert extremist[0].label == "extremist organization"


def test_designations_an_extremist_group_without_a_listing_verb_is_nothing(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Ruritania convicts Ivo Marek, a member of an extremist group, of arson."
    assert _designations(annotated, text) == []


def test_designations_named_ship_is_a_designee(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Velmora Star": ("velmora", EntityType.MILITARY_ASSET, "Vessel")}
    doc, entities, article = annotated("Ruritania sanctioned the tanker Velmora Star on Monday.", names)
    assert _pairs(designations.extract(doc, entities, article)) == {("ruritania", "velmora", "sanctions")}


def test_designations_unnamed_ship_is_no_designee(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "tanker": ("tanker", EntityType.MILITARY_ASSET, "Vessel", False)}
    doc, entities, article = annotated("Ruritania sanctioned a tanker on Monday.", names)
    assert _pairs(designations.extract(doc, entities, article)) == set()


def test_designations_a_ban_of_a_person_that_names_no_other_category_is_an_entry_ban(annotated) -> None:  # type: ignore[no-untyped-def]
    # GUIDELINES: a ban of a person from a state is a `travel_ban`, stated or not.
    for text, expected in (
        ("Freedonia permanently bans Ruritanian defence minister Ivo Marek.", {("freedonia", "marek", "travel_ban")}),
        ("Freedonia bans Ivo Marek and Lena Dorn from the country.",
         {("freedonia", "marek", "travel_ban"), ("freedonia", "dorn", "travel_ban")}),
    ):  # fmt: skip
        assert _pairs(_designations(annotated, text)) == expected, text


def test_designations_a_ban_of_a_person_from_an_act_or_of_a_party_stays_other(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Freedom Party": ("party", ORG)}
    for text, expected in (
        ("Freedonia bans Ivo Marek from running for office.", {("freedonia", "marek", "other")}),
        ("Freedonia bans Ivo Marek from the parliament for a year.", {("freedonia", "marek", "other")}),
        ("Freedonia bans the Freedom Party.", {("freedonia", "party", "other")}),
    ):  # fmt: skip
        doc, entities, article = annotated(text, names)
        assert _pairs(designations.extract(doc, entities, article)) == expected, text
