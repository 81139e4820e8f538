"""The report page's shipped parts: the vendored libraries match their pins, the quad classes match the ontology."""

from __future__ import annotations

import hashlib
import json
import re

from rdflib import Graph, Namespace

from kg.resources import data_dir

KG = Namespace("https://w3id.org/kg-ir/ontology#")
REPORT = data_dir("report")


def test_vendored_files_match_the_manifest_and_nothing_else_is_vendored() -> None:
    manifest = json.loads((REPORT / "vendor.json").read_text(encoding="utf-8"))
    pinned = {}
    for package in manifest["packages"]:
        assert re.fullmatch(r"\d+\.\d+\.\d+", package["version"]) and package["integrity"].startswith("sha512-")
        assert any("LICENSE" in name for name in package["files"]), f"{package['package']} ships without its licence"
        pinned.update(package["files"])
    for name, pin in pinned.items():
        digest = hashlib.sha256((REPORT / name).read_bytes()).hexdigest()
        assert digest == pin["sha256"], f"report/{name} is not the pinned {pin['path']}"
    assert {f"vendor/{path.name}" for path in (REPORT / "vendor").iterdir()} == set(pinned)


def test_report_events_quad_classes_are_the_ontology_ones() -> None:
    ontology = Graph().parse(data_dir("ontology") / "kg.ttl")
    declared = {str(cls).removeprefix(str(KG)): str(quad).removeprefix(str(KG)) for cls, quad in ontology.subject_objects(KG.quadClass)}
    text = (data_dir("queries") / "report_events.rq").read_text(encoding="utf-8")
    in_query = dict(re.findall(r"\(kg:(\w+) kg:(\w+)\)", text))
    assert len(declared) == 16 and in_query == declared
