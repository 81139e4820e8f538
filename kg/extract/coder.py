"""The CAMEO verb coder (part of extract): a verb token and its parse -> a PLOVER type and mode.

patterns/cameo_verbs.jsonl (generated from the CAMEO verb dictionary by
scripts/convert_cameo.py) holds verb forms in synonym blocks and each block's patterns: words
the subject must hold, words the rest of the clause must hold, prepositional phrases with their
words, and synsets (`&MILITARY`, patterns/cameo_synsets.jsonl) standing for any of their
phrases. `VerbDictionary.code(token)` looks up the token's lemma (and form), takes the most
specific verb entry whose particles the token has ("blow *up*", "meet *with*"), tests that
block's few patterns on the token's own dependents (those a row confines to some of the block's
verbs, `verbs`, only on them), most specific first, and falls back to the verb's own code. A
pattern may code no event ("fight corruption"): then the verb says nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import DataFileError
from kg.extract.lexicon import WORDS
from kg.patterns import Problems, json_objects, raise_problems
from kg.records import EventType
from kg.resources import data_dir

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Span, Token

FORMS_KEY = "kg.coder.forms"
SENSES_FILE = "cameo_senses.jsonl"
# Dependents that are the verb's subject side, and those outside its own clause.
SUBJECT_DEPS = frozenset({"nsubj", "csubj", "agent", "expl"})
# A complement clause has its own subject and verb: its words are not this verb's object.
OUTSIDE_DEPS = frozenset({"conj", "cc", "punct", "parataxis", "advcl", "relcl", "mark", "aux", "auxpass", "neg", "ccomp"})
# A bare adverbial particle in a pattern's object ("press *on*", "fire *off*") belongs to the
# verb itself, not to any phrase of the clause: a requirement of that one word.
PARTICLES = frozenset(((word,),) for word in "on off up down out back over away around through along in".split())
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
# A complement verb's own clauses: its that-clause, its adverbial clause.
INNER_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis"})
PREP_DEPS = frozenset({"prep", "agent", "dative"})
# What a noun's phrase adds to the noun and its modifiers (its preps are tested as preps).
NOUN_PHRASE_DEPS = frozenset({"prep", "conj", "cc", "acl", "relcl", "appos"})
# A subject's conjuncts and appositions are subjects too ("X and Y", "its leader, Z").
SUBJECT_PHRASE_DEPS = frozenset({"prep", "acl", "relcl"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})
COMMON_POS = NOMINAL_POS - {"PROPN"}
# What makes a past form active: an auxiliary, or an object or complement of its own.
ACTIVE_DEPS = frozenset({"aux", "auxpass", "nsubjpass", "csubj", "expl", "dobj", "dative", "ccomp", "xcomp", "prt"})
FULL_STOPS = frozenset({".", "!", "?", ";", ":"})
# "struck Beirut *for the first time*", "attacked X *for two days*": a for-phrase of a span of time
# tells how long or how often, not what the act is for.
TIME_SPANS = WORDS["time_span_nouns"]
TIME_ENTITIES = frozenset({"DATE", "TIME"})

# A requirement is met by any of its alternatives; an alternative is a phrase, all of whose
# words must be present ("armed forces").
Requirement = tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Code:
    """What a verb codes in its context: a PLOVER type (None: no event), mode, CAMEO code and
    the dictionary lines it comes from."""

    type: EventType | None
    mode: str | None
    cameo: str
    source: str
    # The words a pattern names in the verb's object and phrases ("LAUNCH * CAMPAIGN (AGAINST)",
    # "HAIL * ASSASSINATION"): none for the code of the verb alone.
    words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class VerbPattern:
    subject: tuple[Requirement, ...]
    object: tuple[Requirement, ...]
    preps: tuple[tuple[str, tuple[Requirement, ...]], ...]
    code: Code
    verbs: frozenset[str] = frozenset()  # the verbs of its block it was written for; empty: all
    # Its object words are met outside the verb's prepositional phrases, which the dictionary
    # writes in parentheses: a no-event row "* &AIRCRAFT" is not met by "attacked X *with drones*".
    outside_preps: bool = False

    def reads(self, verb: str) -> bool:
        """Whether the pattern applies to `verb` of its block ("hold", "cordon off")."""
        return not self.verbs or verb in self.verbs

    @property
    def names_time(self) -> bool:
        """Whether the pattern asks for a span of time in its clause ("HOLD * FOR DAY": held for days)."""
        return any(word in TIME_SPANS for requirement in self.object for phrase in requirement for word in phrase)

    @property
    def weight(self) -> int:
        """How much the pattern asks for: the more, the more specific."""
        return len(self.subject) + len(self.object) + sum(1 + len(words) for _, words in self.preps)

    @property
    def keys(self) -> frozenset[str]:
        """Words one of which any match has nearby: the first words of the alternatives of its
        narrowest requirement, else its prepositions."""
        requirements = [*self.subject, *self.object, *(r for _, words in self.preps for r in words)]
        if not requirements:
            return frozenset(prep for prep, _ in self.preps)
        return frozenset(phrase[0] for phrase in min(requirements, key=len))


@dataclass(frozen=True, slots=True)
class Block:
    """A synonym block's patterns, most specific first, indexed by their key words."""

    patterns: tuple[VerbPattern, ...]
    by_key: dict[str, tuple[int, ...]]

    def candidates(self, words: frozenset[str]) -> list[VerbPattern]:
        found = sorted({i for word in words for i in self.by_key.get(word, ())})
        return [self.patterns[i] for i in found]


@dataclass(frozen=True, slots=True)
class VerbEntry:
    lemma: str
    particles: frozenset[str]
    default: Code
    block: Block
    block_name: str  # the dictionary's name of its synonym block ("REVOKE_")
    needs_object: bool = False  # its block reads it by its object: alone it codes nothing
    no_object: bool = False  # its own code is a sense with no object ("submit to X"): with one it codes nothing


@dataclass(frozen=True, slots=True)
class VerbDictionary:
    """The CAMEO verbs compiled into a lookup by trigger lemma."""

    entries: dict[str, tuple[VerbEntry, ...]]

    def code(self, token: Token, lemma: str | None = None, *, default: bool = True) -> Code | None:
        """The code of `token` read as the verb `lemma` (its own lemma by default), or None when
        the dictionary has no such verb or codes no event for it here. Without `default`, only
        a pattern's code counts, not the code of the verb alone."""
        candidates = self.entries.get(lemma or token.lemma_.lower(), ()) or self.entries.get(token.lower_, ())
        if not candidates:
            return None
        context = _Context(token)
        applicable = [entry for entry in candidates if entry.particles <= context.particles]
        most = max((len(entry.particles) for entry in applicable), default=0)
        applicable = [entry for entry in applicable if len(entry.particles) == most]
        matched = [pattern for entry in applicable for pattern in entry.block.candidates(context.words)
                   if context.matches(pattern)]  # fmt: skip
        if matched:
            best = max(matched, key=lambda pattern: pattern.weight)
            if best.code.words and any(entry.default.type is best.code.type for entry in applicable):
                # "condemns the killing of X" (BLAME "* KILLING (OF)") codes what the verb alone
                # codes: the words say nothing of whom; "hails the killing of X" (ACCLAIM) turns
                # praise into an accusation of X.
                return replace(best.code, words=frozenset()) if best.code.type is not None else None
            return best.code if best.code.type is not None else None
        return next((entry.default for entry in applicable if default and entry.default.type is not None
                     and (context.has_object or not entry.needs_object)
                     and not (entry.no_object and (context.has_object or context.participle_of_noun))), None)  # fmt: skip

    def verbs_of(self, blocks: frozenset[str]) -> frozenset[str]:
        """The verbs of the named synonym blocks ("CANCEL": "halt", "call off" ...), a verb with
        its particles written after it."""
        return frozenset(" ".join((entry.lemma, *sorted(entry.particles))) for found in self.entries.values()
                         for entry in found if entry.block_name in blocks)  # fmt: skip


class _Context:
    """The words around a verb token, gathered once: its particles, subject side and clause."""

    def __init__(self, token: Token) -> None:
        forms = _forms(token.doc)
        children = list(token.children)
        self.particles = {word for child in children for word in forms[child.i]}
        passive = headline_passive(token)
        subject_deps = SUBJECT_DEPS - {"nsubj"} if passive else SUBJECT_DEPS
        subject = [child for child in children if child.dep_ in subject_deps]
        # "granted Angela Stanton a pardon": behind a name of several words the parser hangs the
        # thing given on the recipient as an apposition; it is the verb's second object.
        given = [second for child in children if child.dep_ in ("dative", "dobj") for second in child.subtree
                 if _second_object(second, child)]  # fmt: skip
        # "holds X responsible", "believes X responsible": the parser hangs a verbless small clause
        # as a complement clause, but its adjective is the verb's object complement, the word
        # CAMEO's patterns read (HOLD `* RESPONSIBLE [112]`, BELIEVE `* RESPONSIBLE [110]`).
        small = [child for child in children if child.dep_ == "ccomp" and _small_clause(child)]
        clause = [child for child in children if child.dep_ not in subject_deps and child.dep_ not in OUTSIDE_DEPS] + given + small
        # Words the subject must hold are its own, as an object's are: not those of its phrases
        # (but a name's, "Coalition of Patriots for Change", are the name).
        self.subject = _core_words(forms, subject, SUBJECT_PHRASE_DEPS, COMMON_POS)
        if token.dep_ == "compound" or token.pos_ == "NOUN":
            # A verb the parser read as a noun or a modifier: names before it are its subject.
            self.subject |= _span_words(forms, [child for child in children if child.i < token.i])
        self.clause = _core_words(forms, clause)
        self._forms, self._unprepped = forms, [child for child in clause if child.dep_ not in PREP_DEPS]
        objects = [child for child in children if child.dep_ in OBJECT_DEPS or (passive and child.dep_ == "nsubj")] + given
        self._modified = frozenset[str]()
        if token.dep_ == "compound" or (passive and token.dep_ == "acl"):
            # "The Houthis fire missiles at X", "Diplomat *expelled* from Y": the noun it
            # modifies is its object.
            self._modified = _span_words(forms, [token.head]) - _span_words(forms, [token])
            self.clause |= self._modified
            objects.append(token.head)
        # Prepositional phrases of the verb itself, and of its object ("sent police *to the
        # border*"); deeper ones belong to other words ("ship-*to*-ship transfers").
        preps = [child for child in children if child.dep_ in PREP_DEPS] + [
            grandchild for head in objects for grandchild in head.children if grandchild.dep_ in PREP_DEPS
        ]
        self.preps = [(forms[prep.i][0], _span_words(forms, [prep])) for prep in preps]
        # The for-phrases of a span of time meet no bare "(FOR)" of a pattern that names no time.
        self.time_spans = frozenset(i for i, prep in enumerate(preps) if _time_span(prep))
        self.has_object = bool(objects) or any(child.dep_ in ("ccomp", "xcomp") for child in children)
        # "initiatives *submitted* by X to the UN": a past participle modifying a noun acts on it.
        self.participle_of_noun = token.dep_ == "acl" and token.tag_ == "VBN"
        self.words = self.subject | self.clause | frozenset(word for form, phrase in self.preps for word in (form, *phrase))

    @cached_property
    def unprepped(self) -> frozenset[str]:
        """The clause's words outside the verb's prepositional phrases, read by a no-event pattern's
        object words (`VerbPattern.outside_preps`): made only when such a pattern is tried."""
        return _core_words(self._forms, self._unprepped) | self._modified

    def matches(self, pattern: VerbPattern) -> bool:
        return (
            all(_met(requirement, self.subject) for requirement in pattern.subject)
            and all(_met(requirement, self.particles if requirement in PARTICLES
                         else self.unprepped if pattern.outside_preps else self.clause)
                    for requirement in pattern.object)
            and all(any(form == prep and all(_met(requirement, phrase) for requirement in words)
                        and (words or i not in self.time_spans or pattern.names_time)
                        for i, (form, phrase) in enumerate(self.preps))
                    for prep, words in pattern.preps)
        )  # fmt: skip


def headline_passive(token: Token) -> bool:
    """A past form with no auxiliary and no object in a headline ("X shot dead in Aden",
    "Three soldiers wounded in attack", "Y says X poisoned"): a passive, its subject (or the
    noun it hangs on) the one acted upon. A headline is a line of its own with no full stop."""
    if token.tag_ not in ("VBD", "VBN") or token.pos_ != "VERB" or any(child.dep_ in ACTIVE_DEPS for child in token.children):
        return False
    patient = any(child.dep_ == "nsubj" for child in token.children) or (
        token.dep_ == "acl" and token.head.dep_ == "ROOT" and token.head.pos_ in ("NOUN", "PROPN")
    )
    return patient and _headline(token.sent)


def _headline(sent: Span) -> bool:
    words = [token for token in sent if not (token.is_space or token.is_quote)]
    if not words or words[-1].text in FULL_STOPS:
        return False
    doc, first, last = sent.doc, words[0].i, words[-1].i
    starts = first == 0 or "\n" in doc[first - 1].text_with_ws
    return starts and (last == len(doc) - 1 or "\n" in doc[last].whitespace_ + doc[last + 1].text)


def _forms(doc: Doc) -> list[tuple[str, str]]:
    """Each token's lower-cased form and lemma, computed once per Doc."""
    forms = doc.user_data.get(FORMS_KEY)
    if forms is None:
        strings = doc.vocab.strings  # read from the arrays of hashes: no Token object for each token
        forms = doc.user_data[FORMS_KEY] = [(strings[lower], strings[lemma].lower())
                                            for lower, lemma in doc.to_array(["LOWER", "LEMMA"]).tolist()]  # fmt: skip
    return forms


def _span_words(forms: list[tuple[str, str]], heads: list[Token]) -> frozenset[str]:
    """The forms and lemmas of the phrases `heads` head (a projective parse: a contiguous span)."""
    return frozenset(
        word for head in heads for i in range(head.left_edge.i, head.right_edge.i + 1) for word in forms[i]
    )


def _core_words(forms: list[tuple[str, str]], heads: list[Token], phrases: frozenset[str] = NOUN_PHRASE_DEPS,
                nominals: frozenset[str] = NOMINAL_POS) -> frozenset[str]:  # fmt: skip
    """The forms and lemmas of the phrases `heads` head, less a noun's own phrases (`phrases`: by
    default also its conjuncts): "initiate a ceasefire and an end to military operations"
    initiates no "military operation"; "fighting between X and the army continues" is no
    army's advance (a gerund subject is a noun); save an of-phrase of counted things ("a series
    of seven pardons", "hundreds of troops")."""
    words: set[str] = set()
    stack = list(heads)
    while stack:
        token = stack.pop()
        words.update(forms[token.i])
        nominal = token.pos_ in nominals or (token.tag_ == "VBG" and token.dep_ in SUBJECT_DEPS)
        # "prompting X to warn *that* such a move would lead to a conflict": a clause inside a
        # complement is that complement's own, none of the verb's words.
        inner = token.pos_ in ("VERB", "AUX")
        stack.extend(child for child in token.children
                     if not (nominal and child.dep_ in phrases or inner and child.dep_ in INNER_CLAUSE_DEPS) or _counted(child))  # fmt: skip
    return frozenset(words)


def _small_clause(complement: Token) -> bool:
    """A complement headed by an adjective with no verb, auxiliary or conjunction of its own ("holds
    X *responsible*"), not a clause ("believes that X is responsible": its head is the verb)."""
    return complement.pos_ == "ADJ" and not any(
        child.dep_ in ("aux", "auxpass", "mark") or child.pos_ in ("VERB", "AUX") for child in complement.children)


def _counted(prep: Token) -> bool:
    """An of-phrase of counted things names what its noun is made of: "issued a series *of seven
    pardons*" issues pardons, "*hundreds of troops* entered" is troops entering."""
    if prep.dep_ != "prep" or prep.lower_ != "of":
        return False
    vocab = prep.doc.vocab
    return vocab[prep.head.lemma_].like_num or any(
        obj.dep_ == "pobj" and any(child.dep_ == "nummod" for child in obj.children) for obj in prep.children
    )


def _time_span(prep: Token) -> bool:
    """A for-phrase of a span of time: "for the first time", "for two weeks", "for nearly 12 years"."""
    return prep.lower_ == "for" and any(
        obj.dep_ == "pobj" and (obj.lemma_.lower() in TIME_SPANS or obj.ent_type_ in TIME_ENTITIES) for obj in prep.children)


def _second_object(token: Token, recipient: Token) -> bool:
    """A common noun read as an apposition of a verb's recipient with nothing between them: the
    second object of a double object ("granted X a full pardon"), not an apposition set off by a
    comma ("gave X, the envoy, ..."); or one with an indefinite article that ends the phrase of
    the recipient's own apposition ("granted X, formerly the chief of staff, a full pardon")."""
    if token.dep_ != "appos" or token.pos_ != "NOUN" or token.left_edge.i <= token.head.i:
        return False
    before = token.doc[token.left_edge.i - 1]
    if token.head.i == recipient.i:
        return recipient.dep_ == "dative" and not before.is_punct
    return (before.text == "," and token.left_edge.lower_ in ("a", "an") and token.right_edge.i == recipient.right_edge.i
            and any(child.dep_ == "appos" and child.i < token.i for child in recipient.children))  # fmt: skip


def _met(requirement: Requirement, words: frozenset[str] | set[str]) -> bool:
    return any(all(word in words for word in phrase) for phrase in requirement)


def _code(row: dict[str, Any]) -> Code:
    return Code(EventType(row["type"]) if row["type"] else None, row["mode"], row["code"], row["source"])


def load_verb_dictionary(folder: Path) -> VerbDictionary:
    """Compile patterns/cameo_verbs.jsonl and cameo_synsets.jsonl, with kg's own rows of
    cameo_senses.jsonl, into a VerbDictionary."""
    problems: Problems = []
    synsets = _load_synsets(folder)
    verbs: list[dict[str, Any]] = []
    patterns: dict[str, list[VerbPattern]] = defaultdict(list)
    path = folder / "cameo_verbs.jsonl"
    for number, row in json_objects(path, problems):
        try:
            if row["kind"] == "verb":
                verbs.append(row)
            else:
                patterns[row["block"]].append(_pattern(row, synsets))
        except (KeyError, ValueError, TypeError) as error:
            problems.append((number, f"bad row: {error}"))
    raise_problems(path, problems)
    _add_sense_rows(folder / SENSES_FILE, {row["block"] for row in verbs}, synsets, patterns)
    entries: dict[str, list[VerbEntry]] = defaultdict(list)
    blocks: dict[tuple[str, tuple[int, ...]], Block] = {}  # one Block for the verbs that read the same patterns
    for row in verbs:
        verb = " ".join((row["lemma"], *row["particles"]))
        found = patterns.get(row["block"], [])
        read = tuple(i for i, pattern in enumerate(found) if pattern.reads(verb))
        if (row["block"], read) not in blocks:
            blocks[row["block"], read] = _block([found[i] for i in read])
        block, name = blocks[row["block"], read], row["block"].split("@")[0]
        entries[row["lemma"]].append(
            VerbEntry(row["lemma"], frozenset(row["particles"]), _code(row), block, name, bool(row.get("needs_object")),
                      bool(row.get("no_object"))))  # fmt: skip
    return VerbDictionary({lemma: tuple(found) for lemma, found in entries.items()})


def _load_synsets(folder: Path) -> dict[str, Requirement]:
    """patterns/cameo_synsets.jsonl: each synset's phrases, a plural one followed by its singular."""
    problems: Problems = []
    path = folder / "cameo_synsets.jsonl"
    synsets = {row["name"]: _with_singulars(row["phrases"], row.get("lemmas", {})) for _, row in json_objects(path, problems)}
    raise_problems(path, problems)
    return synsets


def synset_words(names: Iterable[str], folder: Path | None = None) -> frozenset[str]:
    """The one-word phrases of the named CAMEO synsets, plural and singular (`&PEOPLE` or `&people`:
    "people", "civilians", "civilian" ...); a name no synset has is a DataFileError."""
    folder = folder or data_dir("patterns")
    synsets = {name.lower(): phrases for name, phrases in _load_synsets(folder).items()}
    wanted = [name.lower() for name in names]
    unknown = [name for name in wanted if name not in synsets]
    if unknown:
        raise DataFileError(folder / "cameo_synsets.jsonl", f"no synset named {', '.join(unknown)}")
    return frozenset(phrase[0] for name in wanted for phrase in synsets[name] if len(phrase) == 1)


def _pattern(row: dict[str, Any], synsets: dict[str, Requirement]) -> VerbPattern:
    lemmas: dict[str, str] = row.get("lemmas", {})
    preps = tuple((item["prep"], _requirements(item["words"], synsets, lemmas)) for item in row["preps"])
    objects = _requirements(row["object"], synsets, lemmas)
    named = frozenset(word for requirement in (*objects, *(r for _, words in preps for r in words))
                      for phrase in requirement for word in phrase)  # fmt: skip
    return VerbPattern(_requirements(row["subject"], synsets, lemmas), objects, preps,
                       replace(_code(row), words=named), frozenset(row.get("verbs", ())),
                       bool(row.get("object_outside_preps")))  # fmt: skip


def _add_sense_rows(path: Path, known_blocks: set[str], synsets: dict[str, Requirement],
                    patterns: dict[str, list[VerbPattern]]) -> None:  # fmt: skip
    """Add kg's own pattern rows (patterns/cameo_senses.jsonl, written by hand; none where the
    folder has no such file) to the CAMEO blocks they name: the words of a sense the dictionary
    codes elsewhere in the block but names too few of ("* (IN ELECTION) [---]": not "in the runoff")."""
    if not path.exists():
        return
    problems: Problems = []
    for number, row in json_objects(path, problems):
        try:
            if row["block"] not in known_blocks:
                raise ValueError(f"no CAMEO block {row['block']!r}")
            patterns[row["block"]].append(_pattern(row, synsets))
        except (KeyError, ValueError, TypeError) as error:
            problems.append((number, f"bad row: {error}"))
    raise_problems(path, problems)


def _block(patterns: list[VerbPattern]) -> Block:
    ordered = tuple(sorted(patterns, key=lambda pattern: -pattern.weight))
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, pattern in enumerate(ordered):
        for key in pattern.keys:
            by_key[key].append(i)
    return Block(ordered, {key: tuple(found) for key, found in by_key.items()})


def _requirements(words: list[str], synsets: dict[str, Requirement], lemmas: dict[str, str]) -> tuple[Requirement, ...]:
    """Each word's requirement: a synset's phrases, else the word, or its lemma where the row gives
    one (a plural word is met by its singular too: "ARREST WARRANTS" by "an arrest warrant")."""
    return tuple(synsets[word] if word.startswith("&") else _with_singulars([[word]], lemmas) for word in words)


def _with_singulars(phrases: list[list[str]], lemmas: dict[str, str]) -> Requirement:
    """The phrases, each followed by its words' `lemmas` where it has any plural word among them
    (a pattern's "warrants", a synset's "soldiers", "nuclear weapons"): the singular meets it too."""
    singular = [tuple(lemmas.get(word, word) for word in phrase) for phrase in phrases]
    return tuple(dict.fromkeys(alternative for phrase, lemma in zip(phrases, singular)
                               for alternative in (tuple(phrase), lemma)))  # fmt: skip


@lru_cache(maxsize=1)
def verb_dictionary() -> VerbDictionary:
    """The compiled CAMEO verbs of the installed patterns folder, cached."""
    return load_verb_dictionary(data_dir("patterns"))
