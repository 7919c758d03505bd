"""Finding and loading jurisdiction profiles: the shipped ones and those a user drops in.

Shipped profiles live in ``templates/profiles``; a ``*.toml`` file in the data dir's
``profiles/`` folder adds a profile or replaces a shipped one with the same code. A file that
cannot be used is skipped and reported (file name and problem), never a crash.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from pathlib import Path

from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.profiles import Profile, ProfileError, parse_profile
from mdcc_desktop.resources import data_dir
from mdcc_desktop.services.files import read_input

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProfileProblem:
    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path.name}: {self.message}"


class ProfileRegistry:
    def __init__(self, profiles: dict[str, Profile], problems: list[ProfileProblem]) -> None:
        self._profiles = profiles
        self.problems = problems

    @classmethod
    def load(cls, user_dir: Path | None = None) -> ProfileRegistry:
        folders = [data_dir("templates") / "profiles"]
        if user_dir is not None and user_dir.is_dir():
            folders.append(user_dir)
        profiles: dict[str, Profile] = {}
        problems: list[ProfileProblem] = []
        for folder in folders:
            for path in sorted(folder.glob("*.toml")):
                try:
                    profile = load_profile_file(path)
                except ProfileError as exc:
                    problems.append(ProfileProblem(path, str(exc)))
                    log.warning("profile file %s skipped: %s", path.name, exc)
                    continue
                profiles[profile.code] = profile
        return cls(profiles, problems)

    @property
    def codes(self) -> list[str]:
        return sorted(self._profiles)

    def all(self) -> list[Profile]:
        return [self._profiles[c] for c in self.codes]

    def find(self, code: str) -> Profile | None:
        return self._profiles.get(code)

    def get(self, code: str) -> Profile:
        profile = self._profiles.get(code)
        if profile is None:
            raise ValidationError(
                f"unknown jurisdiction profile {code!r}; known profiles: {', '.join(self.codes)}"
            )
        return profile


def load_profile_file(path: Path) -> Profile:
    try:  # a regular file of bounded size: a FIFO or /dev/zero is refused, not read
        data = tomllib.loads(read_input(path, what="profile").decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"not valid TOML: {exc}") from exc
    except (ValidationError, UnicodeDecodeError) as exc:
        raise ProfileError(f"cannot be read: {exc}") from exc
    return parse_profile(data, source=str(path))
