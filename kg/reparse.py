"""The headline present tense the model reads as a noun: one re-parse with the verb in the past.

News summaries are written in the present tense ("A Ruritanian court sentences X to life.",
"Russia and Ukraine exchange prisoners of war."). The small English model often tags that verb a
noun (or an adjective) and parses the whole sentence as one noun phrase, so no stage downstream
finds a clause. The past tense is no such trap: "A Ruritanian court sentenced X" parses as a clause.

For a sentence that ends with a stop (. ! ?) and holds no token tagged a finite verb, the words that
could be its verb are those tagged a noun, an adjective or a bare verb whose lower form is the base or
3rd-person present of a verb the coder knows (patterns/cameo_verbs.jsonl, the trigger lemmas of
patterns/events.jsonl), right after a noun (the end of a subject). Each is put in the past tense
(patterns/verb_pasts.tsv for CAMEO's irregular forms) and its line parsed once more, all of them in
one `nlp.pipe`; the same tokens, so the trees map one to one. A re-parse is adopted for its sentence
only when the candidate comes out as the finite verb heading the sentence (ROOT, VBD) with a noun
subject before it that agrees with the present form ("court sentences", "Russia and Ukraine
exchange") and was no adjective in the first parse ("Ruritanian strikes on Vell." stays a noun
phrase). The adopted sentence keeps its words and takes the re-parse's heads, dependencies, tags,
parts of speech, morphology and lemmas; the verb is tagged VBZ / VBP, a present tense, so the date
and tense readings see what the text says. The entity spans stay those of the first parse unless the
two differ only around the verb.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Sequence

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.patterns import Problems, json_objects, raise_problems, tsv_rows
from kg.resources import data_dir

FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})
CANDIDATE_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "VB"})
STOPS = frozenset({".", "!", "?"})
# Verbs left as parsed: *vote* heads elections ("Citizens of X vote to elect ...", no fact by the
# guidelines) and "X's parliament votes to remove Y", which the coder reads under its threshold
# from a right parse (as from "voted") but over it from the noun phrase.
NOT_REPARSED = frozenset({"vote"})
# The tags of a word that can end a subject, right before its verb (a closing bracket or a comma
# after an apposition: "The Armenian Foreign Minister, Ararat Mirzoyan, ... sign").
SUBJECT_END_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "-RRB-", ","})
SINGULAR_SUBJECT_TAGS = frozenset({"NN", "NNP"})
PLURAL_SUBJECT_TAGS = frozenset({"NNS", "NNPS"})
PLURAL_PRONOUNS = frozenset({"we", "they", "you", "i"})
# The attributes of the re-parse a sentence takes, and those kept of the first parse.
PARSE_ATTRIBUTES: list[int | str] = ["TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP"]
ENTITY_ATTRIBUTES: list[int | str] = ["ENT_IOB", "ENT_TYPE", "ENT_ID", "ENT_KB_ID"]
THIRD_PERSON_MORPH = "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
BASE_PRESENT_MORPH = "Tense=Pres|VerbForm=Fin"


@lru_cache(maxsize=1)
def present_forms() -> dict[str, tuple[str, str]]:
    """Each base and 3rd-person present form of a verb the coder knows -> (its lemma, its past)."""
    lemmas: set[str] = set()
    patterns = data_dir("patterns")
    problems: Problems = []
    for _, row in json_objects(patterns / "cameo_verbs.jsonl", problems):
        if row.get("kind") == "verb" and str(row.get("lemma", "")).isalpha():
            lemmas.add(row["lemma"].lower())
    raise_problems(patterns / "cameo_verbs.jsonl", problems)
    for _, row in json_objects(patterns / "events.jsonl", problems):
        if row.get("kind") is None and row.get("pos") in ("VERB", None) and not str(row.get("id", "")).startswith("mode."):
            lemmas.update(word.lower() for word in row.get("lemmas", ()) if word.isalpha())
    raise_problems(patterns / "events.jsonl", problems)
    irregular = {cells[0]: cells[1] for _, cells in tsv_rows(patterns / "verb_pasts.tsv", ("lemma", "past"))}
    forms: dict[str, tuple[str, str]] = {}
    for lemma in sorted(lemmas):
        entry = (lemma, irregular.get(lemma) or _regular_past(lemma))
        forms.setdefault(lemma, entry)
        forms.setdefault(_third_person(lemma), entry)
    return forms


def _third_person(lemma: str) -> str:
    if re.search(r"(?:s|sh|ch|x|z|o)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


def _regular_past(lemma: str) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    return lemma + "ed"


def verbless(sentence: Span) -> bool:
    """Whether `sentence` ends with a stop and holds no token tagged a finite verb."""
    words = [token for token in sentence if not token.is_space]
    return bool(words) and words[-1].text in STOPS and not any(token.tag_ in FINITE_TAGS for token in words)


def candidates(sentence: Span) -> list[Token]:
    """The words of a verbless sentence that could be its present-tense verb, in order."""
    forms = present_forms()
    found = []
    for token in sentence:
        if token.i == sentence.start or token.tag_ not in CANDIDATE_TAGS or not token.text.islower():
            continue
        if token.lower_ in forms and forms[token.lower_][0] not in NOT_REPARSED and token.nbor(-1).tag_ in SUBJECT_END_TAGS:
            found.append(token)
    return found


def reparse(nlp: Language, docs: Sequence[Doc]) -> list[Doc]:
    """`docs` (one per line, as `nlp.pipe` gave them), each verbless sentence re-parsed with its
    present-tense verb in the past and the re-parse adopted where it reads a clause (module doc)."""
    jobs: list[tuple[int, Span, Token]] = []
    for number, doc in enumerate(docs):
        for sentence in doc.sents:
            if verbless(sentence):
                jobs.extend((number, sentence, token) for token in candidates(sentence))
    if not jobs:
        return list(docs)
    forms = present_forms()
    variants = []
    for number, _, token in jobs:
        words = [word.text for word in docs[number]]
        words[token.i] = forms[token.lower_][1]
        variants.append(Doc(nlp.vocab, words=words, spaces=[bool(word.whitespace_) for word in docs[number]]))
    readings: dict[tuple[int, int], list[tuple[Token, Doc, Token]]] = {}
    for (number, sentence, token), parsed in zip(jobs, nlp.pipe(variants)):
        subject = _clause_subject(sentence, token, parsed)
        if subject is not None:
            readings.setdefault((number, sentence.start), []).append((token, parsed, subject))
    chosen: dict[int, list[tuple[Token, Doc]]] = {}
    for (number, _), clauses in readings.items():
        # A reading with a direct object before those without ("Wazalendo militias attack M23
        # positions": "attack ... positions", not "positions in Walikale" with "militias attack" its
        # subject); then a word another reading takes into its subject is a noun ("Security forces in
        # X arrest Y": "forces" read as the verb of "Security", "arrest" as the verb of "Security forces in X").
        transitive = [clause for clause in clauses if any(child.dep_ == "dobj" for child in clause[1][clause[0].i].children)]
        clauses = transitive or clauses
        inside = {token.i for _, parsed, subject in clauses for token in subject.subtree}
        token, parsed, _ = next(((t, p, s) for t, p, s in clauses if t.i not in inside), clauses[0])
        if all(t.i in inside for t, _, _ in clauses) and len(clauses) > 1:
            continue
        chosen.setdefault(number, []).append((token, parsed))
    result = list(docs)
    for number, adopted in chosen.items():
        result[number] = _rebuilt(docs[number], adopted)
    return result


def _clause_subject(sentence: Span, token: Token, parsed: Doc) -> Token | None:
    """The subject, in the re-parse, if it makes `token` the finite verb heading `sentence` with a
    noun subject before it that agrees with the present form and that the first parse read as no
    adjective; else None."""
    verb = parsed[token.i]
    if verb.tag_ != "VBD" or verb.dep_ != "ROOT":
        return None
    if verb.sent.start != sentence.start or verb.sent.end != sentence.end:
        return None
    lemma = present_forms()[token.lower_][0]
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")]
    # One subject, before the verb, and no subordinating word on it ("..., for peace talked").
    if len(subjects) != 1 or any(child.dep_ == "mark" for child in verb.children):
        return None
    subject = subjects[0]
    if subject.dep_ != "nsubj" or subject.i > token.i or sentence.doc[subject.i].tag_ == "JJ":
        return None
    if subject.tag_ not in SINGULAR_SUBJECT_TAGS | PLURAL_SUBJECT_TAGS | {"PRP"}:
        return None
    # Conjoined subjects are plural, also when the first is in apposition to its title
    # ("prime minister X and president Y meet").
    heads = [subject, *(child for child in subject.children if child.dep_ == "appos")]
    plural = (subject.tag_ in PLURAL_SUBJECT_TAGS or subject.lower_ in PLURAL_PRONOUNS
              or any(child.dep_ == "conj" for head in heads for child in head.children))  # fmt: skip
    return subject if plural is (token.lower_ == lemma) else None


def _rebuilt(doc: Doc, adopted: list[tuple[Token, Doc]]) -> Doc:
    """`doc` with the parse of each adopted sentence taken from its re-parse (module doc)."""
    parse = doc.to_array(PARSE_ATTRIBUTES)
    entities = doc.to_array(ENTITY_ATTRIBUTES)
    strings = doc.vocab.strings
    for token, parsed in adopted:
        sentence = token.sent
        rows = slice(sentence.start, sentence.end)
        parse[rows] = parsed.to_array(PARSE_ATTRIBUTES)[rows]
        lemma = present_forms()[token.lower_][0]
        third = token.lower_ != lemma
        parse[token.i, :4] = [strings.add("VBZ" if third else "VBP"), strings.add("VERB"),
                              strings.add(THIRD_PERSON_MORPH if third else BASE_PRESENT_MORPH), strings.add(lemma)]  # fmt: skip
        if _entities_differ_only_at(doc, parsed, token.i):
            entities[rows] = parsed.to_array(ENTITY_ATTRIBUTES)[rows]
    rebuilt = Doc(doc.vocab, words=[token.text for token in doc], spaces=[bool(token.whitespace_) for token in doc],
                  user_data=dict(doc.user_data))  # fmt: skip
    rebuilt.from_array(PARSE_ATTRIBUTES + ENTITY_ATTRIBUTES, numpy.hstack([parse, entities]))  # type: ignore[arg-type]  # a uint64 array, as to_array gives
    if doc.tensor is not None and len(doc.tensor) == len(doc):
        rebuilt.tensor = doc.tensor
    return rebuilt


def _entities_differ_only_at(doc: Doc, parsed: Doc, index: int) -> bool:
    """Whether the entity spans of `doc` and `parsed` are the same but for those touching token `index`."""

    def away(spans: Any) -> set[tuple[int, int, str, str]]:
        return {(span.start, span.end, span.label_, span.ent_id_) for span in spans if not span.start - 1 <= index <= span.end}

    return away(doc.ents) == away(parsed.ents)
