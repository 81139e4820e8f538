"""Linking accuracy on the gold dev set: the Linker on the gold entities (label, type, aliases, date).

Not a unit test: run `PYTHONPATH=. python bench/linking_dev.py [GOLD_DIR] [--short]` (default
../shared/gold/dev). Prints each gold entity with a QID that the linker missed or got wrong, and each
entity without one that the linker linked (unverifiable by gold; listed for review), then the accuracy:
right links / gold entities with a QID. With --short every entity is named by its shortest gold alias
only ("US", "Putin", "Venezuelan"), as an article that never writes the full name would.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from kg.gazetteer import load_gazetteer
from kg.link import Linker, Subject
from kg.records import EntityType, Judgement

ROOT = Path(__file__).resolve().parent.parent


def names(entity: dict[str, Any], short: bool) -> tuple[str, ...]:
    if short and entity.get("aliases"):
        return (min(entity["aliases"], key=len),)
    return (entity["label"], *entity.get("aliases", []))


def main(argv: list[str]) -> int:
    short = "--short" in argv
    paths = [arg for arg in argv if arg != "--short"]
    folder = Path(paths[0]) if paths else ROOT.parent / "shared" / "gold" / "dev"
    linker = Linker(load_gazetteer())
    right = wrong = missed = total = extra = 0
    for path in sorted(folder.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        article = gold["article"]
        published = date.fromisoformat(article["published"][:10]) if article.get("published") else None
        subjects = [
            Subject(e["key"], names(e, short)[0], EntityType(e["type"]), names(e, short),
                    named=e["type"] != "MilitaryAsset" or e.get("wikidata") is not None)  # fmt: skip
            for e in gold["entities"]
        ]
        text = f"{article.get('title', '')}\n\n{article['text']}"
        links = linker.link_subjects(subjects, published=published, text=text)
        for entity in gold["entities"]:
            link = links[entity["key"]]
            expected = entity.get("wikidata")
            got = link.qid if link.judgement is Judgement.SUGGESTED else None
            if expected:
                total += 1
                if got == expected:
                    right += 1
                elif got is None:
                    missed += 1
                    print(f"missed  {path.stem}: {entity['label']} ({expected}): {link.reason}")
                else:
                    wrong += 1
                    print(f"WRONG   {path.stem}: {entity['label']} ({expected}) -> {got}: {link.reason}")
            elif got:
                extra += 1
                print(f"no gold {path.stem}: {entity['label']} -> {got} ({link.label}): {link.reason}")
    print(f"linking accuracy {right / total:.3f} ({right}/{total}); wrong {wrong}; missed {missed}; "
          f"linked where gold has no QID {extra}")  # fmt: skip
    return 0 if wrong == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
