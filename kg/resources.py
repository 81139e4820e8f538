"""Where the declarative data lives: ontology/, shapes/, queries/, patterns/, gazetteers/, report/.

In a wheel they ship inside the package as kg/data/<name>; in a source checkout they are the
top-level folders beside kg/.
"""

from __future__ import annotations

from pathlib import Path

DATA_FOLDERS = ("ontology", "shapes", "queries", "patterns", "gazetteers", "report")


def data_dir(name: str) -> Path:
    """The folder of one kind of declarative data, installed or in a checkout."""
    if name not in DATA_FOLDERS:
        raise ValueError(f"unknown data folder {name!r}; expected one of {', '.join(DATA_FOLDERS)}")
    installed = Path(__file__).parent / "data" / name
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / name
