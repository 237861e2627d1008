"""Reading and checking curriculum/tracks.yaml: the tracks through the modules, and the
portfolios some stages ask for (pure).

A track is an order through the model's modules for one group of people, in steps. A step is
either a stage of the model (``stage: 2``: that stage's modules, in the model's order, so the
proposer track follows the stages without repeating them) or a named group (``name``,
``description`` and ``modules``). A step's quizzes open when every earlier step is done
(:mod:`.progress`), so a track brings forward the modules its people need first.

The check makes sure each track can be followed to the end: the modules it names exist and
none is named twice; every step has modules; every module of the model is on every track, so
each track reaches every module (and so every stage's certificate); track ids are unique; and
each role in ``roles`` (the people who start on the track) is a role of the platform and
starts on one track only.

The file's ``portfolios`` give each stage that asks for one its portfolio brief and rubric
(:mod:`.rubrics`); the stage must be in the model and listed once.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from .content import Module, PortfolioBrief, Problem, Stage, Step, Track
from .reading import read_yaml
from .rubrics import read_portfolio

TRACK_FIELDS = {"id", "name", "summary", "roles", "steps"}


def read_tracks_file(
    path: Path,
    label: str,
    stages: Collection[Stage],
    modules: Mapping[str, Module],
    roles: Collection[str] | None,
    problems: list[Problem],
) -> tuple[tuple[Track, ...], dict[int, PortfolioBrief]]:
    """The tracks of a tracks file, checked against the stages, modules and roles given (roles
    are not checked when None), and the portfolio brief of each stage that asks for one."""
    raw = read_yaml(path, label, problems)
    if raw is None:
        return (), {}
    if (
        not isinstance(raw, dict)
        or not {"tracks"} <= set(raw) <= {"tracks", "portfolios"}
        or not isinstance(raw["tracks"], list)
    ):
        problems.append(
            Problem(label, "the tracks file must have 'tracks' (a list) and may have 'portfolios'")
        )
        return (), {}
    tracks = _read_tracks(raw["tracks"], label, stages, modules, roles, problems)
    return tracks, _read_portfolios(raw.get("portfolios", []), label, stages, problems)


def _read_portfolios(
    raw: Any, label: str, stages: Collection[Stage], problems: list[Problem]
) -> dict[int, PortfolioBrief]:
    if not isinstance(raw, list):
        problems.append(Problem(label, "'portfolios' must be a list"))
        return {}
    numbers = {stage.number for stage in stages}
    found: dict[int, PortfolioBrief] = {}
    for entry in raw:
        number = entry.get("stage") if isinstance(entry, dict) else None
        if number not in numbers or number in found:
            problems.append(
                Problem(
                    label, f"portfolio for stage {number!r}: not a stage of the model, or repeated"
                )
            )
            continue
        rest = {key: value for key, value in entry.items() if key != "stage"}
        brief = read_portfolio(rest, label, f"the stage {number} portfolio", problems)
        if brief is not None:
            found[number] = brief
    return found


def _read_tracks(
    raw: list,
    label: str,
    stages: Collection[Stage],
    modules: Mapping[str, Module],
    roles: Collection[str] | None,
    problems: list[Problem],
) -> tuple[Track, ...]:
    tracks: list[Track] = []
    for number, entry in enumerate(raw, start=1):
        track = _track(entry, number, label, stages, problems)
        if track is None:
            continue
        if any(other.id == track.id for other in tracks):
            problems.append(Problem(label, f"track id '{track.id}' is used more than once"))
            continue
        _check_modules(track, modules, label, problems)
        tracks.append(track)
    if not tracks:
        problems.append(Problem(label, "there is no usable track"))
    _check_roles(tracks, roles, label, problems)
    return tuple(tracks)


def _track(
    entry: Any, number: int, label: str, stages: Collection[Stage], problems: list[Problem]
) -> Track | None:
    if not isinstance(entry, dict) or set(entry) != TRACK_FIELDS:
        fields = ", ".join(sorted(TRACK_FIELDS))
        problems.append(Problem(label, f"track {number} must have exactly these fields: {fields}"))
        return None
    texts = [entry[key] for key in ("id", "name", "summary")]
    if not all(isinstance(text, str) and text.strip() for text in texts):
        problems.append(Problem(label, f"track {number}: id, name and summary must be texts"))
        return None
    ident = entry["id"].strip()
    roles = entry["roles"]
    if not isinstance(roles, list) or not all(isinstance(role, str) for role in roles):
        problems.append(Problem(label, f"track {ident}: 'roles' must be a list of role names"))
        return None
    if not isinstance(entry["steps"], list) or not entry["steps"]:
        problems.append(Problem(label, f"track {ident}: 'steps' must be a non-empty list"))
        return None
    steps = []
    for position, raw_step in enumerate(entry["steps"], start=1):
        step = _step(raw_step, position, f"track {ident} step {position}", stages, label, problems)
        if step is None:
            return None
        steps.append(step)
    return Track(ident, entry["name"].strip(), entry["summary"].strip(), tuple(roles), tuple(steps))


def _step(
    raw: Any,
    number: int,
    where: str,
    stages: Collection[Stage],
    label: str,
    problems: list[Problem],
) -> Step | None:
    if isinstance(raw, dict) and set(raw) == {"stage"}:
        stage = next((stage for stage in stages if stage.number == raw["stage"]), None)
        if stage is None:
            problems.append(Problem(label, f"{where}: stage {raw['stage']!r} is not in the model"))
            return None
        return Step(number, stage.name, stage.description, stage.module_ids, stage.number)
    if (
        not isinstance(raw, dict)
        or set(raw) != {"name", "description", "modules"}
        or not all(
            isinstance(raw[key], str) and raw[key].strip() for key in ("name", "description")
        )
        or not isinstance(raw["modules"], list)
        or not all(isinstance(ident, str) for ident in raw["modules"])
    ):
        problems.append(
            Problem(
                label,
                f"{where}: a step is either 'stage' (a number) or 'name', 'description' and "
                "'modules' (a list of module ids)",
            )
        )
        return None
    modules = tuple(ident.strip() for ident in raw["modules"])
    return Step(number, raw["name"].strip(), raw["description"].strip(), modules)


def _check_modules(
    track: Track, modules: Mapping[str, Module], label: str, problems: list[Problem]
) -> None:
    named = track.module_ids
    for step in track.steps:
        if not step.module_ids:
            problems.append(Problem(label, f"track {track.id}: step {step.number} has no modules"))
        for ident in step.module_ids:
            if ident not in modules:
                problems.append(
                    Problem(label, f"track {track.id} names module {ident}, which does not exist")
                )
    for ident in sorted({ident for ident in named if named.count(ident) > 1}):
        problems.append(Problem(label, f"track {track.id} names module {ident} more than once"))
    for ident in sorted(set(modules) - set(named)):
        problems.append(
            Problem(
                label,
                f"track {track.id} does not reach module {ident}: add it to a step, or its quiz "
                "never opens for the people on the track",
                blocking=False,
            )
        )


def _check_roles(
    tracks: list[Track], roles: Collection[str] | None, label: str, problems: list[Problem]
) -> None:
    starts: dict[str, str] = {}
    for track in tracks:
        for role in track.roles:
            if roles is not None and role not in roles:
                known = ", ".join(sorted(roles))
                problems.append(
                    Problem(label, f"track {track.id}: '{role}' is not a role (one of {known})")
                )
            elif role in starts:
                problems.append(
                    Problem(
                        label,
                        f"role '{role}' starts on two tracks: {starts[role]} and {track.id}",
                    )
                )
            else:
                starts[role] = track.id
