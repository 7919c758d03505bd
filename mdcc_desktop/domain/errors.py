"""Errors that mean "the input is wrong", as opposed to a bug or a broken environment."""

from __future__ import annotations


class MdccError(Exception):
    """Base of every error MDCC Desktop shows to a user as a message rather than a crash."""


class ValidationError(MdccError):
    """Input a user or a file gave is not acceptable; ``problems`` has one line per problem."""

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


class NotFoundError(MdccError):
    """A record asked for by id or name does not exist."""


class ConferenceLockedError(MdccError):
    """The conference is finalised: it can be read but not changed until reopened."""
