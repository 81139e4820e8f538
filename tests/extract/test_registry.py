"""The extract stage's registry and entry point: versioned names, unknown keys, unnamed assets."""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Iterator

import pytest
from spacy.tokens import Doc

from kg import extract as stage
from kg.gazetteer import load_gazetteer
from kg.nlp import annotate, load_nlp
from kg.records import Article, Entity, Membership, Mention, Provenance


def test_extract_registered_names_are_versioned() -> None:
    assert {"kg.roles.v2", "kg.memberships.v2"} <= set(stage.EXTRACTORS)
    assert all(re.fullmatch(r"kg\.[a-z_]+\.v[0-9]+", name) for name in stage.EXTRACTORS)


def test_extract_drops_claims_on_unknown_entities_and_unused_unnamed_assets(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def fake(doc: Doc, entities: tuple[Entity, ...], article: Article) -> Iterator[Membership]:
        evidence = Mention(0, 5, article.content[0:5])
        yield Membership("venezuela", "no_such_key", Provenance(evidence, "kg.fake.v1", 0.9))

    monkeypatch.setattr(stage, "EXTRACTORS", {"kg.fake.v1": fake})
    gazetteer = load_gazetteer()
    article = Article(id="t", text="Venezuela watched as bomber aircraft flew past.", published=date(2025, 11, 29))
    with caplog.at_level(logging.WARNING, logger="kg.extract"):
        extraction = stage.extract(annotate(load_nlp(gazetteer=gazetteer), article), article, gazetteer=gazetteer)
    assert extraction.claims == ()
    assert "article t: kg.fake.v1 claim dropped, unknown entity no_such_key" in caplog.text
    assert [entity.label for entity in extraction.entities] == ["Venezuela"]  # the unused "bomber aircraft" is gone
