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

MAX_PROFILE_BYTES = 1024 * 1024  # the shipped profiles are under 20 kB


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
    """The profile in a file, or :class:`ProfileError` naming the problem: never another error."""
    try:  # a regular file of bounded size: a FIFO or /dev/zero is refused, not read
        raw = read_input(path, limit=MAX_PROFILE_BYTES, what="profile")
        data = tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"not valid TOML: {exc}") from exc
    except RecursionError as exc:
        raise ProfileError("nested too deeply to be a profile") from exc
    except UnicodeDecodeError as exc:
        raise ProfileError(f"cannot be read: not UTF-8 text (byte {exc.start})") from exc
    except ValidationError as exc:
        raise ProfileError(f"cannot be read: {exc}") from exc
    try:
        return parse_profile(data, source=str(path))
    except ProfileError:
        raise
    except RecursionError as exc:
        raise ProfileError("nested too deeply to be a profile") from exc
    except Exception as exc:  # one odd file must never stop the app
        # A value of a shape the checks above did not foresee: skip the file all the same.
        log.warning("profile file %s: unexpected %s while reading it", path.name, type(exc))
        raise ProfileError(
            f"could not be used ({type(exc).__name__}); compare it with a shipped profile"
        ) from exc
