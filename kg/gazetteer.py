"""Gazetteer loading: gazetteers/*.tsv -> typed entries and dated office tenures.

Read by nlp (entity rulers) and link (Wikidata linking). The files are tab-separated with a header
row; list cells are pipe-separated and an empty cell is none. states.tsv, igos.tsv and leaders.tsv
are built by scripts/build_gazetteers.py from the reference tables; organizations.tsv and
locations.tsv, when present, are curated by hand with the columns of igos.tsv;
phoenix_office_holders.tsv, when present, is built by scripts/convert_phoenix.py (dated posts, no QIDs).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from kg.errors import DataFileError
from kg.patterns import tsv_rows
from kg.records import EntityType
from kg.resources import data_dir

STATE_COLUMNS = ("qid", "name", "aliases", "demonyms", "capitals", "iso2", "iso3")
ORGANIZATION_COLUMNS = ("qid", "name", "aliases", "kind")
# locations.tsv adds the QID of the one state a place lies in, where it lies in one.
LOCATION_COLUMNS = (*ORGANIZATION_COLUMNS, "state")
LEADER_COLUMNS = (
    "person_qid", "person", "aliases", "position_qid", "position", "role",
    "of_qid", "of_name", "start", "end", "as_of", "source",
)  # fmt: skip
PHOENIX_COLUMNS = ("person", "aliases", "code", "country", "state", "sector", "start", "end", "source")
# Optional, built by scripts/convert_phoenix.py: dated posts of named actors, no QIDs.
PHOENIX_HOLDERS = "phoenix_office_holders.tsv"
# The Phoenix Countries actor file was generated on this day: an open end means held then, no later.
PHOENIX_AS_OF = date(2014, 1, 30)
# Hand-curated files: optional, with the columns of igos.tsv; the type each holds.
CURATED = {"igos.tsv": EntityType.ORGANIZATION, "organizations.tsv": EntityType.ORGANIZATION,
           "locations.tsv": EntityType.LOCATION}  # fmt: skip
REQUIRED = ("states.tsv", "igos.tsv", "leaders.tsv")
# Hand-curated states the reference tables lack (Afghanistan has no row there), with the columns
# of states.tsv and an empty qid: a state is a state even before it can be linked.
CURATED_STATES = "states_curated.tsv"

QID = re.compile(r"^Q[1-9][0-9]*$")
KIND = re.compile(r"^[A-Z][A-Za-z]*$")
YEAR = re.compile(r"^[0-9]{4}$")
# A short acronym ("US", "U.S.", "WHO") matches only text written in capitals: "us" and "who" are
# words. A longer one ("NATO") also matches "Nato".
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
CASE_SENSITIVE_UP_TO = 3
_PUNCTUATION = re.compile(r"[^\w\s]")
_POSSESSIVE = re.compile(r"['\u2019]s$")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One known state, organisation, location or person, with every name it goes by."""

    qid: str | None
    name: str
    aliases: tuple[str, ...]
    type: EntityType
    kind: str | None
    source: str
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    state: str | None = None  # a Location only: the QID of the state it lies in

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name and its aliases (not demonyms or capitals)."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Tenure:
    """`person` held `position` (the role `role`) of `of_qid` from `start` to `end`.

    A year-only source date widens to the whole year (start 1 Jan, end 31 Dec). An open `end`
    means still in office on `as_of`, the date of the source snapshot; after it we do not know.
    """

    person_qid: str
    person: str
    aliases: tuple[str, ...]
    position_qid: str | None
    position: str
    role: str
    of_qid: str
    of_name: str
    start: date | None
    end: date | None
    source: str
    as_of: date | None = None

    def held_on(self, day: date) -> bool:
        """True when the sources show the office held on `day` (an unknown start never is)."""
        if self.start is None or day < self.start:
            return False
        last = self.end if self.end is not None else self.as_of
        return last is None or day <= last


@dataclass(frozen=True, slots=True)
class PhoenixPost:
    """A dated post of a named actor in the Phoenix actor dictionaries: `person` belonged to the
    CAMEO `sector` ("GOV" government, "ELI" elite, "MIL", ...) of `state` (a state's name in the
    dictionary, empty for an international organization's people) from `start` to `end`.

    It says that a name is a person's and whose government they were part of; it holds no QID,
    and the dictionaries stop around 2014 (`PHOENIX_AS_OF`): leaders.tsv stays the source of
    QIDs and of current office holders.
    """

    person: str
    aliases: tuple[str, ...]
    code: str
    state: str
    sector: str
    start: date | None
    end: date | None
    source: str

    def held_on(self, day: date) -> bool:
        """True when the dictionary shows the post held on `day` (an open end: until PHOENIX_AS_OF)."""
        last = self.end if self.end is not None else PHOENIX_AS_OF
        return (self.start is None or self.start <= day) and day <= last


@lru_cache(maxsize=1 << 16)  # the linker and the entity stage ask for the same names again and again
def normalize_key(name: str) -> str:
    """The lookup form of a name, as the gold scorer compares labels.

    Case-folded, accents removed, full stops and apostrophes (and a possessive 's) dropped, other
    punctuation folded to spaces, a leading "the" dropped: "the U.S.'s" -> "us".
    """
    text = (name if name.isascii() else unicodedata.normalize("NFKC", name)).strip()  # ASCII is its own NFKC
    text = _POSSESSIVE.sub("", text).casefold()
    if not text.isascii():  # ASCII has no accents to take off
        text = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"[.'\u2019\u2018`]", "", text)
    text = _PUNCTUATION.sub(" ", text)
    words = text.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def written_as(text: str, names: tuple[str, ...]) -> bool:
    """`text` is one of `names`, compared as the gazetteer compares names."""
    key = normalize_key(text)
    return any(normalize_key(name) == key for name in names)


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """The form names of a store are compared in (kg.names, the name keys of kg.dataset):
    `normalize_key` ("the U.S.'s" -> "us"), `_` as a space."""
    return normalize_key(name.replace("_", " "))


def acronym_key(name: str) -> str | None:
    """The acronym a name is written as ("U.S." -> "US"), or None when it is not one."""
    compact = re.sub(r"[.\s]", "", unicodedata.normalize("NFKC", _POSSESSIVE.sub("", name.strip())))
    return compact if ACRONYM.match(compact) else None


class Gazetteer:
    """Every known entry and tenure, indexed by normalised name and by QID."""

    def __init__(self, entries: tuple[GazetteerEntry, ...], tenures: tuple[Tenure, ...],
                 posts: Callable[[], list[PhoenixPost]] | None = None) -> None:  # fmt: skip
        """`posts` reads the Phoenix posts when they are first asked for (26,000 rows: a build
        that never needs them does not wait for them)."""
        self.entries = entries
        self.tenures = tenures
        self._read_posts = posts
        self._posts: dict[str, list[PhoenixPost]] | None = None
        self._by_key: dict[str, list[GazetteerEntry]] = defaultdict(list)
        self._by_acronym: dict[str, list[GazetteerEntry]] = defaultdict(list)
        self._by_qid: dict[str, GazetteerEntry] = {}
        self._offices: dict[tuple[str, str], list[Tenure]] = defaultdict(list)
        self._held_by: dict[str, list[Tenure]] = defaultdict(list)
        self._held_in: dict[str, list[Tenure]] = defaultdict(list)
        for entry in entries:
            for name in (*entry.names, *entry.demonyms, *entry.capitals):
                acronym = acronym_key(name)
                if acronym:
                    _add(self._by_acronym, acronym, entry)
                if not acronym or len(acronym) > CASE_SENSITIVE_UP_TO:
                    _add(self._by_key, normalize_key(name), entry)
            if entry.qid is not None:
                self._by_qid.setdefault(entry.qid, entry)
        for tenure in tenures:
            self._offices[(tenure.of_qid, tenure.role)].append(tenure)
            self._held_by[tenure.person_qid].append(tenure)
            self._held_in[tenure.of_qid].append(tenure)

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Entries one of whose names, demonyms or capitals is `name` (normalised)."""
        found: list[GazetteerEntry] = []
        acronym = acronym_key(name)
        for entry in (*self._by_acronym.get(acronym or "", ()), *self._by_key.get(normalize_key(name), ())):
            if entry not in found:
                found.append(entry)
        return found

    def state_words(self, name: str) -> set[str]:
        """The names and demonyms, lower-cased, of the states `name` is written for ("Russia":
        "russia", "russian", "russian federation", ...)."""
        return {word.lower() for entry in self.lookup(name) if entry.type is EntityType.STATE
                for word in (*entry.names, *entry.demonyms)}  # fmt: skip

    def states_of_people(self, plural: str) -> list[GazetteerEntry]:
        """The states whose people a plural demonym names ("Palestinians": Palestine; "Americans")."""
        demonym = plural[:-1] if plural.endswith("s") else ""
        return [entry for entry in self.lookup(demonym) if entry.type is EntityType.STATE and demonym in entry.demonyms]

    def entry_by_qid(self, qid: str) -> GazetteerEntry | None:
        return self._by_qid.get(qid)

    def tenures_of(self, person_qid: str) -> list[Tenure]:
        """The offices a person held, in the order of leaders.tsv."""
        return list(self._held_by.get(person_qid, ()))

    def tenures_in(self, of_qid: str) -> list[Tenure]:
        """The offices of a state or organization, in the order of leaders.tsv."""
        return list(self._held_in.get(of_qid, ()))

    def posts_of(self, name: str) -> list[PhoenixPost]:
        """The Phoenix posts of the actor one of whose names is `name` (normalised)."""
        if self._posts is None:
            self._posts = defaultdict(list)
            keys: dict[str, str] = {}  # a person's names repeat on each of their posts
            for post in self._read_posts() if self._read_posts is not None else ():
                for alias in (post.person, *post.aliases):
                    key = keys.get(alias) or keys.setdefault(alias, normalize_key(alias))
                    self._posts[key].append(post)
        return self._posts.get(normalize_key(name), [])

    def holders(self, of_qid: str, role: str, on: date) -> list[Tenure]:
        """Tenures of the office `role` of `of_qid` that the sources show held on `on`."""
        return [tenure for tenure in self._offices.get((of_qid, role.casefold()), ()) if tenure.held_on(on)]


def entry_key(entry: GazetteerEntry) -> str:
    """The handle of a gazetteer entry in `Span.ent_id_`: its QID, else its source and name."""
    return entry.qid or f"{entry.source}:{entry.name}"


# Kinds of organization that belong to one state, which another state may have one of by the same name.
STATE_KINDS = frozenset({"GovernmentBody", "ArmedForces", "MilitaryUnit", "NonStateArmedGroup", "PoliticalParty"})


@lru_cache(maxsize=4)
def own_states(gazetteer: Gazetteer) -> dict[str, str]:
    """The key of the one state each known state body, armed force, armed group or party (`STATE_KINDS`)
    belongs to by its names: a state's name or demonym before its words ("US Congress", "Chinese
    People's Liberation Army") or after "of" or in brackets at their end ("Supreme Court of the
    United States", "National Liberation Army (Colombia)"); by `entry_key`. No organization whose
    names say no state or more than one."""
    states_written = _states_written(gazetteer)
    found: dict[str, str] = {}
    for entry in gazetteer.entries:
        if entry.kind not in STATE_KINDS:
            continue
        said = {state for name in entry.names for written, _ in _state_splits(name)
                for state in states_written.get(written, ())}  # fmt: skip
        if len(said) == 1:
            found[entry_key(entry)] = said.pop()
    return found


@lru_cache(maxsize=4)
def generic_names(gazetteer: Gazetteer) -> dict[str, frozenset[str]]:
    """The names of each known body of one state (`own_states`) that are its own name less its
    state's name or demonym before ("Congress" of "United States Congress") or after "of", "of the"
    or in brackets at the end ("National Liberation Army" of "National Liberation Army (Colombia)"),
    by `entry_key` and in lookup form (`normalize_key`): the words another state's body may be
    named by. Not where its own name says no state ("Bundestag", "Islamic Revolutionary Guard
    Corps" are the names of one body, whatever aliases with a state's name the gazetteer lists)."""
    owners, states_written = own_states(gazetteer), _states_written(gazetteer)
    found: dict[str, frozenset[str]] = {}
    for entry in gazetteer.entries:
        own = owners.get(entry_key(entry))
        if own is None:
            continue
        rests = {rest for written, rest in _state_splits(entry.name) if own in states_written.get(written, ())}
        if rests & set(entry.names):
            found[entry_key(entry)] = frozenset(normalize_key(rest) for rest in rests & set(entry.names))
    return found


@lru_cache(maxsize=4)
def _states_written(gazetteer: Gazetteer) -> dict[str, frozenset[str]]:
    """Each name and demonym of a state -> the keys (`entry_key`) of the states written so."""
    written: defaultdict[str, set[str]] = defaultdict(set)
    for state in gazetteer.entries:
        if state.type is EntityType.STATE:
            for name in (*state.names, *state.demonyms):
                written[name].add(entry_key(state))
    return {name: frozenset(keys) for name, keys in written.items()}


def _state_splits(name: str) -> Iterator[tuple[str, str]]:
    """Each way an organization's name may hold a state's name or demonym, as (that part, the rest):
    its words before a space ("United States" | "Congress"), and the words after an "of", "of the"
    or "(" that end it ("Colombia" | "National Liberation Army" of "National Liberation Army (Colombia)")."""
    for i, char in enumerate(name):
        if char == " ":
            yield name[:i], name[i + 1 :]
    for marker in (" of ", " of the "):
        at = name.find(marker)
        while at != -1:
            yield name[at + len(marker) :], name[:at]
            at = name.find(marker, at + 1)
    if name.endswith(")"):
        at = name.find(" (")
        while at != -1:
            yield name[at + 2 : -1], name[:at]
            at = name.find(" (", at + 1)


def _add(index: dict[str, list[GazetteerEntry]], key: str, entry: GazetteerEntry) -> None:
    if key and entry not in index[key]:
        index[key].append(entry)


# --------------------------------------------------------------------------- reading


Row = dict[str, str]
Parsed = TypeVar("Parsed")


def _list(cell: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in cell.split("|") if item.strip())


def _qid(cell: str, column: str, *, required: bool) -> str | None:
    if not cell and not required:
        return None
    if not QID.match(cell):
        raise ValueError(f"{column} {cell!r} is not a Wikidata QID like Q30")
    return cell


def _date(cell: str, column: str, *, end: bool) -> date | None:
    if not cell:
        return None
    try:
        if YEAR.match(cell):
            return date(int(cell), 12, 31) if end else date(int(cell), 1, 1)
        return date.fromisoformat(cell)
    except ValueError:
        raise ValueError(f"{column} {cell!r} is not a year or an ISO date (YYYY or YYYY-MM-DD)") from None


def _required(row: Row, *columns: str) -> None:
    for column in columns:
        if not row[column]:
            raise ValueError(f"empty {column}")


def _state(row: Row, source: str, *, qid_required: bool = True) -> GazetteerEntry:
    _required(row, "name")
    return GazetteerEntry(
        qid=_qid(row["qid"], "qid", required=qid_required),
        name=row["name"],
        aliases=_list(row["aliases"]),
        type=EntityType.STATE,
        kind=None,
        source=source,
        demonyms=_list(row["demonyms"]),
        capitals=_list(row["capitals"]),
    )


def _curated_state(row: Row, source: str) -> GazetteerEntry:
    return _state(row, source, qid_required=False)


def _curated(entity_type: EntityType) -> Callable[[Row, str], GazetteerEntry]:
    def parse(row: Row, source: str) -> GazetteerEntry:
        _required(row, "name", "kind")
        if not KIND.match(row["kind"]):
            raise ValueError(f"kind {row['kind']!r} is not an ontology class name like InternationalOrganization")
        return GazetteerEntry(
            qid=_qid(row["qid"], "qid", required=False),
            name=row["name"],
            aliases=_list(row["aliases"]),
            type=entity_type,
            kind=row["kind"],
            source=source,
            state=_qid(row.get("state", ""), "state", required=False),
        )

    return parse


def _tenure(row: Row, source: str) -> Tenure:
    _required(row, "person", "position", "role", "of_name", "source")
    start = _date(row["start"], "start", end=False)
    end = _date(row["end"], "end", end=True)
    if start is not None and end is not None and end < start:
        raise ValueError(f"end {row['end']} is before start {row['start']}")
    return Tenure(
        person_qid=_qid(row["person_qid"], "person_qid", required=True) or "",
        person=row["person"],
        aliases=_list(row["aliases"]),
        position_qid=_qid(row["position_qid"], "position_qid", required=False),
        position=row["position"],
        role=row["role"].casefold(),
        of_qid=_qid(row["of_qid"], "of_qid", required=True) or "",
        of_name=row["of_name"],
        start=start,
        end=end,
        source=row["source"],
        as_of=_date(row["as_of"], "as_of", end=False),
    )


def _post(row: Row, source: str) -> PhoenixPost:
    _required(row, "person", "code", "sector", "source")
    start, end = _date(row["start"], "start", end=False), _date(row["end"], "end", end=True)
    if start is None and end is None:
        raise ValueError("a post needs a start or an end")
    return PhoenixPost(row["person"], _list(row["aliases"]), row["code"], row["state"], row["sector"], start, end,
                       row["source"])  # fmt: skip


def _read(path: Path, columns: tuple[str, ...], parse: Callable[[Row, str], Parsed],
          problems: list[tuple[Path, int | None, str]]) -> list[Parsed]:  # fmt: skip
    records = []
    try:
        for line, cells in tsv_rows(path, columns):
            try:
                if len(cells) != len(columns):
                    raise ValueError(f"{len(cells)} cells; expected {len(columns)} ({', '.join(columns)})")
                records.append(parse(dict(zip(columns, cells)), path.name))
            except ValueError as error:
                problems.append((path, line, str(error)))
    except DataFileError as error:  # a missing or unreadable file, a wrong header
        problems.append((path, error.line, error.problem))
    return records


def _raise_any(problems: list[tuple[Path, int | None, str]]) -> None:
    """One DataFileError at the first problem, listing every other one after it."""
    if problems:
        path, line, problem = problems[0]
        more = "".join(f"\n{p}{'' if n is None else f':{n}'}: {text}" for p, n, text in problems[1:])
        raise DataFileError(path, problem + more, line=line)


def _people(tenures: list[Tenure]) -> list[GazetteerEntry]:
    """One Person entry per office holder, with every label the sources give them."""
    names: dict[str, list[str]] = {}
    for tenure in tenures:
        labels = names.setdefault(tenure.person_qid, [])
        for label in (tenure.person, *tenure.aliases):
            if label not in labels:
                labels.append(label)
    return [
        GazetteerEntry(qid=qid, name=labels[0], aliases=tuple(labels[1:]), type=EntityType.PERSON, kind=None,
                       source="leaders.tsv")  # fmt: skip
        for qid, labels in names.items()
    ]


def read_gazetteer(folder: Path) -> Gazetteer:
    """Read and check every gazetteer file in `folder`; DataFileError lists every bad row."""
    problems: list[tuple[Path, int | None, str]] = []
    for name in REQUIRED:
        if not (folder / name).is_file():
            problems.append((folder / name, None, "missing; run scripts/build_gazetteers.py"))
    _raise_any(problems)
    entries: list[GazetteerEntry] = []
    entries += _read(folder / "states.tsv", STATE_COLUMNS, _state, problems)
    if (folder / CURATED_STATES).is_file():
        entries += _read(folder / CURATED_STATES, STATE_COLUMNS, _curated_state, problems)
    for name, entity_type in CURATED.items():
        if (folder / name).is_file():
            columns = LOCATION_COLUMNS if entity_type is EntityType.LOCATION else ORGANIZATION_COLUMNS
            entries += _read(folder / name, columns, _curated(entity_type), problems)
    tenures = _read(folder / "leaders.tsv", LEADER_COLUMNS, _tenure, problems)
    entries = _merge(entries, folder, problems)
    states = {entry.qid for entry in entries if entry.type is EntityType.STATE}
    problems += [(folder / entry.source, None, f"{entry.name}: state {entry.state} is no state of states.tsv")
                 for entry in entries if entry.state is not None and entry.state not in states]  # fmt: skip
    _raise_any(problems)
    entries += _people(tenures)
    posts = folder / PHOENIX_HOLDERS
    return Gazetteer(tuple(entries), tuple(tenures), (lambda: _read_posts(posts)) if posts.is_file() else None)


def _read_posts(path: Path) -> list[PhoenixPost]:
    """phoenix_office_holders.tsv; DataFileError lists every bad row."""
    problems: list[tuple[Path, int | None, str]] = []
    posts = _read(path, PHOENIX_COLUMNS, _post, problems)
    _raise_any(problems)
    return posts


def _merge(entries: list[GazetteerEntry], folder: Path,
           problems: list[tuple[Path, int | None, str]]) -> list[GazetteerEntry]:  # fmt: skip
    """One entry per QID: a later file (a curated one) names an item that an earlier file lists too.

    The later name and kind win; the earlier name becomes an alias. Two types for one QID is an error.
    """
    merged: dict[str, int] = {}
    result: list[GazetteerEntry] = []
    for entry in entries:
        if entry.qid is None or entry.qid not in merged:
            if entry.qid is not None:
                merged[entry.qid] = len(result)
            result.append(entry)
            continue
        earlier = result[merged[entry.qid]]
        if earlier.type is not entry.type:
            problems.append((folder / entry.source, None,
                             f"{entry.qid} is of type {entry.type.value} here and {earlier.type.value} in {earlier.source}"))  # fmt: skip
            continue
        names = [name for name in (*entry.aliases, *earlier.names) if name != entry.name]
        result[merged[entry.qid]] = GazetteerEntry(
            qid=entry.qid,
            name=entry.name,
            aliases=tuple(dict.fromkeys(names)),
            type=entry.type,
            kind=entry.kind or earlier.kind,
            source=f"{earlier.source}+{entry.source}",
            demonyms=tuple(dict.fromkeys((*earlier.demonyms, *entry.demonyms))),
            capitals=tuple(dict.fromkeys((*earlier.capitals, *entry.capitals))),
            state=entry.state or earlier.state,
        )
    return result


@lru_cache(maxsize=4)
def _cached(folder: Path) -> Gazetteer:
    return read_gazetteer(folder)


def load_gazetteer(folder: Path | None = None) -> Gazetteer:
    """The gazetteer in `folder` (default: the shipped gazetteers/), read once per process."""
    return _cached((folder or data_dir("gazetteers")).resolve())
