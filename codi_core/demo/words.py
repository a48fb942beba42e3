"""The demo's Thai word lists, kept as data in ``data/*.json`` (shipped as package data):
given names, family-name parts, village and community names, organization patterns, the
programs' project codes, shares, indicators and disasters, the bodies' working groups and
networks, agenda wording, absence reasons, assessment evidence and the province's plan.
Texts with ``{...}`` fields are ``str.format`` templates (each file says its fields)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def _load(name: str) -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath("data", name).read_text("utf-8"))


_names = _load("names.json")
MALE_NAMES: tuple[str, ...] = tuple(_names["male_names"])
FEMALE_NAMES: tuple[str, ...] = tuple(_names["female_names"])
SURNAME_HEADS: tuple[str, ...] = tuple(_names["surname_heads"])
SURNAME_TAILS: tuple[str, ...] = tuple(_names["surname_tails"])
# Longer family names end the way Thai ones do (…วงศ์, …กุล, …ชัย).
SURNAME_ENDINGS: tuple[str, ...] = tuple(_names["surname_endings"])

_places = _load("places.json")
VILLAGE_HEADS: tuple[str, ...] = tuple(_places["village_heads"])
VILLAGE_TAILS: tuple[str, ...] = tuple(_places["village_tails"])
# str.format patterns with {x}: a place name.
URBAN_PATTERNS: tuple[str, ...] = tuple(_places["urban_patterns"])
OCCUPATION_GROUPS: tuple[str, ...] = tuple(_places["occupation_groups"])
COASTAL_PROVINCES: frozenset[str] = frozenset(_places["coastal_provinces"])

_programs = _load("programs.json")
PROGRAM_ABBR: dict[str, str] = _programs["abbreviations"]
# Share of projects per program.
PROGRAM_WEIGHTS: dict[str, int] = _programs["weights"]
# Per program: (indicator name, unit) pairs.
INDICATORS: dict[str, list[tuple[str, str]]] = {
    program: [(name, unit) for name, unit in pairs]
    for program, pairs in _programs["indicators"].items()
}
HAZARDS: tuple[str, ...] = tuple(_programs["hazards"])

_bodies = _load("bodies.json")
# (program or None, title): the province's working groups, in the order a scale takes them.
WORKING_GROUPS: list[tuple[str | None, str]] = [
    (program, title) for program, title in _bodies["working_groups"]]
PROVINCE_NETWORKS: tuple[str, ...] = tuple(_bodies["province_networks"])
DISTRICT_NETWORKS: tuple[str, ...] = tuple(_bodies["district_networks"])

_agenda = _load("agenda.json")
ANNOUNCEMENTS: tuple[str, ...] = tuple(_agenda["announcements"])
INFORMATION: tuple[str, ...] = tuple(_agenda["information"])
# (title, resolution) of the usual matters for decision.
DECISIONS: tuple[tuple[str, str], ...] = tuple(
    (title, resolution) for title, resolution in _agenda["decisions"])
ACTION_TITLES: tuple[str, ...] = tuple(_agenda["action_titles"])

_plans = _load("plans.json")
# (title, submitted to)
POLICY_PROPOSALS: tuple[tuple[str, str], ...] = tuple(
    (title, to) for title, to in _plans["policy_proposals"])
# (name, unit, size of the first year's baseline)
PROVINCE_INDICATORS: tuple[tuple[str, str, int], ...] = tuple(
    (name, unit, size) for name, unit, size in _plans["province_indicators"])

_texts = _load("texts.json")
ABSENCE_REASONS: tuple[str, ...] = tuple(_texts["absence_reasons"])
# The ten criteria's evidence, in criterion order; str.format with {n} and {m}.
CRITERION_EVIDENCE: tuple[str, ...] = tuple(_texts["criterion_evidence"])
