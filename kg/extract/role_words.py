"""Extract stage, roles: the title lexicon. Input: the data files below. Output: the role words by
their written form (`load_role_words`), what a word before a title says of its holder
(`load_role_meanings`), the verbs that give a person an office (`load_role_verbs`), and the
words of titles (`title_words`), by which the entity stage reads names too.

- patterns/roles.tsv: role words as written ("defence minister", "premier") -> the role as
  the facts format writes it ("defense minister", "prime minister"); for offices only one
  state has ("secretary of state") the QID of that state; `scope` "state" for offices of a
  state's government ("senator", "finance minister"), "rank" for military ranks ("major
  general", Phoenix's MIL agents: a rank, not a name's or a longer title's word,
  kg.extract.title_phrases); `source`, for rows derived from a data file, names it (the leaders
  table's titles).
- patterns/place_offices.tsv: the role words that may name an office of a sub-national place (a
  province, state, oblast or city: "governor", "mayor", "premier") and the role such an office is
  ("Ontario Premier X" is Ontario's premier, where "Chinese Premier X" is China's prime minister).
- patterns/role_modifiers.tsv (`load_role_meanings`): what a word before a role says of its holder.
- patterns/role_verbs.tsv (`load_role_verbs`): verbs that give a person an office by a clause.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from kg.extract.lexicon import valid_rows
from kg.extract.names import TITLE_WORDS, party_words
from kg.patterns import Problems, raise_problems, tsv_rows
from kg.resources import data_dir

# Titles of a state's head, given the state the article is about where the sentence names it.
STATE_HEADS = frozenset({"president", "prime minister", "head of state", "head of government"})
PAST = "past"  # the meaning of role_modifiers.tsv of a word whose person held the role after it before ("former")
NOT_HOLDING = ("not-holder", "deputy", PAST)  # meanings of role_modifiers.tsv whose person does not hold the very role after them


@dataclass(frozen=True, slots=True)
class RoleWord:
    """One written form of a role: `surface` -> `role`; `default_of` for one-state offices."""

    surface: str
    role: str
    default_of: str | None
    state_office: bool  # an office of a state's government ("senator", "finance minister")
    rank: bool = False  # a military rank ("major general")
    place_role: str | None = None  # the role when a sub-national place holds the office (place_offices.tsv)


@lru_cache(maxsize=4)
def load_role_words(path: Path | None = None) -> dict[str, RoleWord]:
    """patterns/roles.tsv by lower-case surface form; every bad row is reported."""
    path = path or data_dir("patterns") / "roles.tsv"
    words: dict[str, RoleWord] = {}
    problems: Problems = []
    for line, row in tsv_rows(path, ("surface", "role", "default_of", "scope")):
        row += [""] * (4 - len(row))
        surface, role, default_of, scope = row[0].lower(), row[1].lower(), row[2], row[3]
        if not surface or not role:
            problems.append((line, "surface and role are both required"))
        elif surface in words:
            problems.append((line, f"surface {surface!r} is listed twice"))
        elif default_of and not (default_of.startswith("Q") and default_of[1:].isdigit()):
            problems.append((line, f"default_of {default_of!r} is not a Wikidata QID like Q30"))
        elif scope not in ("", "state", "rank"):
            problems.append((line, f"scope {scope!r} is not 'state', 'rank' or empty"))
        else:
            words[surface] = RoleWord(surface, role, default_of or None, scope == "state", scope == "rank")
    raise_problems(path, problems)
    for surface, place_role in load_place_offices().items():
        if surface in words:
            words[surface] = replace(words[surface], place_role=place_role)
    return words


@lru_cache(maxsize=1)
def load_place_offices() -> dict[str, str]:
    """patterns/place_offices.tsv: lower-case role word of roles.tsv -> the role it names when a
    sub-national place holds the office; a word roles.tsv lacks is reported."""
    path = data_dir("patterns") / "place_offices.tsv"
    offices: dict[str, str] = {}
    problems: Problems = []
    known = {line_row[1][0].lower() for line_row in tsv_rows(data_dir("patterns") / "roles.tsv", ("surface",))}
    for line, row in tsv_rows(path, ("surface", "role")):
        row += [""] * (2 - len(row))
        surface, role = row[0].lower(), row[1].lower()
        if not surface or not role:
            problems.append((line, "surface and role are both required"))
        elif surface not in known:
            problems.append((line, f"surface {surface!r} is not a role word of roles.tsv"))
        else:
            offices[surface] = role
    raise_problems(path, problems)
    return offices


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """The title lexicon: the title words of kg.extract.names, the one-word roles of patterns/roles.tsv
    and the party nouns of patterns/party_words.tsv ("Republicans X")."""
    return TITLE_WORDS | frozenset(load_role_words()) | {w.word.lower() for w in party_words()}


@lru_cache(maxsize=4)
def load_role_meanings() -> dict[str, str]:
    """patterns/role_modifiers.tsv: word -> "holder" (its person holds the role), "not-holder"
    (does not: "opposition" leader), "past" (held it, and holds it no more: "former"), or "deputy"
    (holds the role with the word before it: "deputy health minister")."""
    return _table("role_modifiers.tsv", "word", "meaning", ("holder", "not-holder", PAST, "deputy"))


@lru_cache(maxsize=4)
def load_role_verbs() -> dict[str, str]:
    """patterns/role_verbs.tsv: verb lemma -> "object" (the office is its object's; its
    subject's when passive) or "subject" (its subject's; its agent's when passive)."""
    return _table("role_verbs.tsv", "verb", "holder", ("object", "subject"))


def _table(name: str, key: str, value: str, allowed: tuple[str, ...]) -> dict[str, str]:
    """A two-column file of patterns/: lower-case `key` -> `value`; every value not `allowed` is reported."""
    problem = f"{value} {{{value}!r}} is not one of {', '.join(allowed)}"
    rows = valid_rows(data_dir("patterns") / name, (key, value), lambda row: row[value] in allowed, problem)
    return {row[key].lower(): row[value] for row in rows}
