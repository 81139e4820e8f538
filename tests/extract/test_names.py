"""The word lists the entity stage judges names by: loaders report every bad row."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from kg.errors import DataFileError
from kg.extract.lexicon import word_lists
from kg.extract.names import PLACE_NOUNS, TITLE_WORDS, latin_key, not_entities, org_kind, org_kinds


def test_names_not_entities_match_last_word_or_whole_name() -> None:
    doc = spacy.blank("en")("the Syrian Civil War and Foreign Terrorist Organization and Government")
    lists = not_entities()
    assert lists.match(doc[1:4])  # "... Civil War"
    assert lists.match(doc[5:8])  # a designation category
    assert lists.match(doc[9:10])  # "Government" alone
    assert not lists.match(doc[1:3])  # "Syrian Civil"


def test_names_org_kind_by_ending() -> None:
    assert org_kind("Mexican Navy") == "ArmedForces"
    assert org_kind("Xinhua News Agency") == "MediaOrganization"
    assert org_kind("Ruritanian Liberal Party") == "PoliticalParty"
    assert org_kind("Kivu Defence Alliance") is None


def test_names_latin_key_ignores_accents_and_transliterated_letters() -> None:
    assert latin_key("Jarosław Kaczyński") == latin_key("Jaroslaw Kaczynski") == "jaroslaw kaczynski"


def test_names_word_list_problems_are_all_reported(tmp_path: Path) -> None:
    path = tmp_path / "not_entities.tsv"
    path.write_text("name\tmatch\tnote\nwar\tlast\t\nsummit\tend\t\ndeal\t\t\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        not_entities(path)
    assert f"{path}:3: match must be 'last'" in str(caught.value)
    assert f"{path}:4: match must be 'last'" in str(caught.value)
    kinds = tmp_path / "org_kinds.tsv"
    kinds.write_text("ending\tkind\nnavy\tArmedForces\nparty\tParty\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        org_kinds(kinds)
    assert str(caught.value).endswith(f"{kinds}:3: kind 'Party' is not an organization kind of patterns/labels.tsv")
    words = tmp_path / "word_lists.tsv"
    words.write_text("list\twords\tmeaning\nplace_nouns\ttown city\t\ntitle_words\t\t\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        word_lists(words)
    assert str(caught.value).endswith(f"{words}:3: list and words are both required")


def test_names_word_lists_are_lower_case_words_by_list() -> None:
    assert {"town", "governorate"} <= PLACE_NOUNS
    assert {"u.s.", "gen.", "president"} <= TITLE_WORDS
    for words in word_lists().values():
        assert all(word == word.lower() for word in words)
