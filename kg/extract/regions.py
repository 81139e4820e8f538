"""Extract stage, entities: the names of regions ("Donetsk Oblast", "Rif Dimashq Governorate").

Input: the annotated Doc and the mention candidates. Output: `region_names(...)`, the candidates
with each region's name as one place in place of the names it overlaps, and the place named
before it ("in Taganrog, Rostov Oblast"); `region_name(...)` tells a region's name by its last word.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.names import HYPHENS, REGION_NAME_ENDS, MentionCandidate, token_owners, unknown
from kg.records import EntityType


def region_names(doc: Doc, candidates: list[MentionCandidate]) -> list[MentionCandidate]:
    """ "in Siversk, Donetsk Oblast", "Kyiv Oblast", "Rif Dimashq Governorate": the capitalised words
    right before a word that ends only a region's name (names.REGION_NAME_ENDS) name that region, one
    place, which the model often leaves untagged or cuts to the city or state inside it. The names
    that overlap it give way to it."""
    result = list(candidates)
    for end in (i + 1 for i, token in enumerate(doc) if _region_name_end(token)):
        start = _region_name_start(doc, end - 1)
        if start == end - 1:
            continue
        kept = [c for c in result if c.end <= start or c.start >= end]
        kept.append(unknown(start, end, EntityType.LOCATION, doc[start:end].text))
        kept += _place_before_region(doc, start, kept)
        result = kept
    return result


def _place_before_region(doc: Doc, region_start: int, candidates: list[MentionCandidate]) -> list[MentionCandidate]:
    """ "in Taganrog, Rostov Oblast": capitalised words no name holds, between a preposition and the
    comma before a region's name, are a place in that region."""
    comma = region_start - 1
    if comma < 2 or doc[comma].text != ",":
        return []
    start = _region_name_start(doc, comma)
    taken = token_owners(candidates)
    if start == comma or start == 0 or doc[start - 1].pos_ != "ADP" or any(i in taken for i in range(start, comma)):
        return []
    return [unknown(start, comma, EntityType.LOCATION, doc[start:comma].text)]


def _region_name_end(token: Token) -> bool:
    """ "Oblast", "Governorate": a capitalised word that ends only a region's name (names.REGION_NAME_ENDS)."""
    return token.is_title and token.lower_ in REGION_NAME_ENDS


def _region_name_start(doc: Doc, last: int) -> int:
    """Where the capitalised words before token `last` start: proper nouns, with the words joined to
    them by a hyphen written without spaces ("Deir ez-Zor", "al-Mahrah", "Warmian–Masurian"); not "the", "In"."""
    start = last
    while start > 0:
        before = doc[start - 1]
        if before.text[:1].isupper() and before.is_alpha and before.pos_ == "PROPN":
            start -= 1
        elif before.text in HYPHENS and start > 1 and not before.whitespace_ and not doc[start - 2].whitespace_ \
                and doc[start - 2].is_alpha:  # fmt: skip
            start -= 2
        else:
            break
    return start


def region_name(doc: Doc, candidate: MentionCandidate) -> bool:
    """A region's name by its last word ("Kharkiv Oblast"; names.REGION_NAME_ENDS)."""
    return candidate.type is EntityType.LOCATION and _region_name_end(doc[candidate.end - 1])
