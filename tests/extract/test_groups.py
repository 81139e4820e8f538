"""Actors with no name: agent nouns of the Phoenix dictionary as GROUP entities, with their
sector and the state the text gives them, standing in events where no named party does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.errors import DataFileError
from kg.extract.arguments import EntityIndex
from kg.extract.entities import find_entities
from kg.extract.groups import load_agents
from kg.nlp import annotate
from kg.records import Article, Entity, EntityType, Event

PUBLISHED = date(2025, 11, 29)


def _entities(pipeline, text: str) -> tuple[Entity, ...]:  # type: ignore[no-untyped-def]
    article = Article(id="groups", text=text, published=PUBLISHED)
    return find_entities(annotate(pipeline.nlp, article), article, pipeline.gazetteer)


def _groups(pipeline, text: str) -> dict[str, Entity]:  # type: ignore[no-untyped-def]
    return {e.label: e for e in _entities(pipeline, text) if e.type is EntityType.GROUP}


def test_agents_table_reads_phrases_with_their_first_sector() -> None:
    agents = load_agents()
    assert agents[("police",)] == "COP"
    assert agents[("gunman",)] == "UAF"
    assert agents[("foreign", "minister")] == "GOV"
    assert agents[("security", "force")] == "COP"  # listed under COP before MIL


def test_agents_table_problems_are_all_reported(tmp_path: Path) -> None:
    path = tmp_path / "agents.tsv"
    path.write_text("phrase\tsector\tcode\tsource\npolice\tCOP\tCOP\tagents.txt:2\nmob\t\t\tagents.txt:3\n"
                    "rebel\tREB\tREB\n", encoding="utf-8")  # fmt: skip
    with pytest.raises(DataFileError) as caught:
        load_agents(path)
    assert f"{path}:3: a row needs a phrase, a sector and a source" in str(caught.value)
    assert f"{path}:4: a row needs a phrase, a sector and a source" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "label", "sector"),
    [
        ("Gunmen attacked a mosque in Kano on Friday.", "Gunmen", "UAF"),
        ("Police detained three journalists on Tuesday.", "journalists", "MED"),
        ("Thousands of protesters marched to the parliament.", "protesters", "OPP"),
        ("Rebels seized the town after a week of fighting.", "Rebels", "REB"),
    ],
)
def test_groups_take_the_sector_of_their_agent_noun(pipeline, text: str, label: str, sector: str) -> None:  # type: ignore[no-untyped-def]
    group = _groups(pipeline, text)[label]
    assert (group.sector, group.state, group.named) == (sector, None, False)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Iranian police arrested dozens of students.", "Iranian police"),
        ("Kenya's police dispersed the crowd.", "Kenya's police"),
    ],
)
def test_groups_take_the_state_that_qualifies_them(pipeline, text: str, label: str) -> None:  # type: ignore[no-untyped-def]
    entities = _entities(pipeline, text)
    group = next(e for e in entities if e.type is EntityType.GROUP and e.label == label)
    state = next(e for e in entities if e.key == group.state)
    assert (group.sector, state.type) == ("COP", EntityType.STATE)


def test_groups_leave_titles_names_and_nouns_inside_nouns_alone(pipeline) -> None:  # type: ignore[no-untyped-def]
    groups = _groups(pipeline, "Foreign Minister Abbas Araghchi visited a police station in Tehran.")
    assert groups == {}


def test_a_longer_title_ending_in_a_rank_stays_the_group_phoenix_codes(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "auditor general" is Phoenix's GOV agent, not the rank "general" (a title, which no group takes).
    extraction = pipeline.extract(Article(id="groups", text="The armed forces auditor general charges Kabila with treason.",
                                          published=PUBLISHED))  # fmt: skip
    event = next(c for c in extraction.claims if isinstance(c, Event))
    actor = extraction.entity(event.actors[0])
    assert (actor.type, actor.label, actor.sector) == (EntityType.GROUP, "auditor general", "GOV")


def test_group_mentions_with_the_same_words_are_one_group(pipeline) -> None:  # type: ignore[no-untyped-def]
    groups = [g for g in _groups(pipeline, "Gunmen opened fire on Monday. The gunmen fled.").values() if g.sector == "UAF"]
    assert len(groups) == 1
    assert [m.text for m in groups[0].mentions] == ["Gunmen", "gunmen"]


def test_a_group_acts_where_no_named_party_does(pipeline) -> None:  # type: ignore[no-untyped-def]
    extraction = pipeline.extract(Article(id="groups", text="Gunmen attacked a mosque in Kano on Friday.", published=PUBLISHED))
    event = next(c for c in extraction.claims if isinstance(c, Event))
    assert extraction.entity(event.actors[0]).type is EntityType.GROUP
    assert event.provenance.confidence >= 0.5  # an attack with its place is reported news, whoever did it


def test_a_groups_attack_on_no_one_named_nowhere_stays_below_the_threshold(pipeline) -> None:  # type: ignore[no-untyped-def]
    extraction = pipeline.extract(Article(id="groups", text="Gunmen attacked police officers on Friday.", published=PUBLISHED))
    event = next(c for c in extraction.claims if isinstance(c, Event))
    assert extraction.entity(event.actors[0]).type is EntityType.GROUP
    assert event.provenance.confidence < 0.5  # kept in the store, below the default export threshold


def test_unnamed_forces_in_a_speakers_word_act_for_the_speakers_state(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Sudan said the army struck Chad on Monday."
    extraction = pipeline.extract(Article(id="groups", text=text, published=PUBLISHED))
    [event] = [c for c in extraction.claims if isinstance(c, Event)]
    assert [extraction.entity(key).label for key in event.actors] == ["Sudan"]
    assert extraction.entity(event.targets[0]).label == "Chad"
    assert extraction.entity(event.provenance.claimed_by or "").label == "Sudan"


def test_a_group_never_replaces_a_named_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iranian police attacked the convoy, Tehran said."
    article = Article(id="groups", text=text, published=PUBLISHED)
    doc = annotate(pipeline.nlp, article)
    entities = find_entities(doc, article, pipeline.gazetteer)
    police = next(t for t in doc if t.lower_ == "police")
    with_groups = EntityIndex(doc, entities, groups=True)
    iran = with_groups.entities_of(police)
    assert [with_groups.type_of(key) for key in iran] == [EntityType.STATE]  # the state, not the group
    unqualified = with_groups.entities_of(police, qualifiers=False)
    assert [with_groups.type_of(key) for key in unqualified] == [EntityType.GROUP]
    assert EntityIndex(doc, entities).entities_of(police, qualifiers=False) == []  # only an index that asks for groups


def test_unreferenced_groups_are_left_out_of_the_extraction(pipeline) -> None:  # type: ignore[no-untyped-def]
    extraction = pipeline.extract(Article(id="groups", text="Protesters gathered in the square.", published=PUBLISHED))
    assert not [e for e in extraction.entities if e.type is EntityType.GROUP]


@pytest.mark.parametrize(
    "text",
    [
        "The Northern Front, an armed group, rejected the offer.",
        'Ruritania labels the Northern Front a "terrorist organization".',
    ],
)
def test_a_noun_describing_another_or_quoted_as_a_label_is_no_group(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    groups = _groups(pipeline, text)
    assert not [g for g in groups.values() if g.sector in ("REB", "UAF", "IMG")], groups


def test_forces_a_state_mobilizes_are_no_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    extraction = pipeline.extract(Article(id="groups", text="Iran puts police on high alert.", published=PUBLISHED))
    (event,) = [c for c in extraction.claims if isinstance(c, Event)]
    assert (event.type.value, event.targets) == ("MOBILIZE", ())
