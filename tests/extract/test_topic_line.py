"""A topic line (the title of a Current-events item: Wikipedia article names, not a sentence) states
no fact of any stage; the body does. The same words as the headline of a news story are read."""

from __future__ import annotations

from datetime import date

from kg.extract import assets, designations, events, memberships, roles
from kg.nlp import annotate
from kg.records import Article, EntityType, EventType
from fictional_names import FICTIONAL_NAMES

CURRENT_EVENTS = "Wikipedia Current events portal"
NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", EntityType.STATE),
    # An asset's operator is read from a demonym the lexicon knows: real ones here.
    "Russian drone": ("russian_drone", EntityType.MILITARY_ASSET, None, False),
    "Russian": ("russia", EntityType.STATE),
    "Poland": ("poland", EntityType.STATE),
    "Ivo Marek": ("marek", EntityType.PERSON),
    "Northern Alliance": ("northern_alliance", EntityType.ORGANIZATION),
}


def _item(annotated, english_model, title: str, body: str, source: str = CURRENT_EVENTS):  # type: ignore[no-untyped-def]
    """The Doc, entities and article of an item, its lines parsed apart as kg.nlp.annotate does."""
    article = Article(id="t", text=body, title=title, published=date(2025, 11, 29), source=source)
    _, entities, _ = annotated(article.content, NAMES)
    return annotate(english_model, article), entities, article


def test_a_topic_line_states_no_event_even_where_its_noun_is_tagged_a_verb(annotated, english_model) -> None:  # type: ignore[no-untyped-def]
    found = events.extract(*_item(annotated, english_model, "Ruritania strikes on Freedonia", "Alma Vask met Omar Tellen in Elbonia."))
    assert [e.type for e in found] == [EventType.CONSULT]


def test_a_headline_of_a_story_states_its_event(annotated, english_model) -> None:  # type: ignore[no-untyped-def]
    found = events.extract(*_item(annotated, english_model, "Ruritania attacks Freedonia", "Officials gave no toll.", "Wikinews"))
    assert [(e.type, e.actors, e.targets) for e in found] == [(EventType.ASSAULT, ("ruritania",), ("freedonia",))]


def test_a_topic_line_states_no_designation(annotated, english_model) -> None:  # type: ignore[no-untyped-def]
    title = "Elbonia–Ruritania relations, Ruritania sanctions, Freedonia–Ruritania relations"
    assert designations.extract(*_item(annotated, english_model, title, "Alma Vask met Omar Tellen in Elbonia.")) == []
    found = designations.extract(*_item(annotated, english_model, "Ruritania imposes sanctions on Freedonia", "More follows.", "Wikinews"))
    assert {(d.authority, d.designee) for d in found} == {("ruritania", "freedonia")}


def test_a_topic_line_states_no_asset_and_lends_the_body_none(annotated, english_model) -> None:  # type: ignore[no-untyped-def]
    title, body = "2025 Russian drone incursion into Poland", "Poland closes its airports."
    assert assets.extract(*_item(annotated, english_model, title, body)) == []
    found = assets.extract(*_item(annotated, english_model, title, "A Russian drone enters the airspace of Poland."))
    assert [(d.asset, d.operator) for d in found] == [("russian_drone", "russia")]
    assert found[0].provenance.evidence.start > len(title)


def test_a_topic_line_gives_no_title(annotated, english_model) -> None:  # type: ignore[no-untyped-def]
    title, body = "Assassination of Senator Ivo Marek", "Ruritania declassifies the files on Ivo Marek."
    assert list(roles.extract(*_item(annotated, english_model, title, body))) == []
    found = roles.extract(*_item(annotated, english_model, "Senator Ivo Marek of Ruritania resigns", body, "Wikinews"))
    assert [(r.person, r.role, r.of) for r in found] == [("marek", "senator", "ruritania")]


def test_a_topic_line_states_no_membership(annotated, english_model) -> None:  # type: ignore[no-untyped-def]
    title, body = "Accession of Elbonia to the Northern Alliance", "Alma Vask met Omar Tellen in Elbonia."
    assert list(memberships.extract(*_item(annotated, english_model, title, body))) == []
    found = memberships.extract(*_item(annotated, english_model, "Elbonia joins the Northern Alliance", body, "Wikinews"))
    assert [(m.member, m.organization) for m in found] == [("elbonia", "northern_alliance")]
