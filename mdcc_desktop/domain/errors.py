"""Errors that mean "the input is wrong", as opposed to a bug or a broken environment.

Each carries what it says as :class:`~mdcc_desktop.domain.messages.Message` values (an id and
parameters) or, where nothing has been given an id yet, plain English strings: ``str()`` of the
error is the English text, and the GUI translates the messages (``ui/messages.message_text``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mdcc_desktop.domain.messages import Message


class MdccError(Exception):
    """Base of every error MDCC Desktop shows to a user as a message rather than a crash."""

    def __init__(self, *args: Any) -> None:
        self.messages: list[Message | str] = (
            [args[0]] if len(args) == 1 and isinstance(args[0], Message | str) else []
        )
        super().__init__(*(str(a) if isinstance(a, Message) else a for a in args))


class ValidationError(MdccError):
    """Input a user or a file gave is not acceptable; ``problems`` has one line per problem
    (English), ``messages`` the same lines as messages the GUI can translate."""

    def __init__(self, problems: Iterable[Message | str] | Message | str) -> None:
        items: list[Message | str] = (
            [problems] if isinstance(problems, Message | str) else list(problems)
        )
        self.problems = [str(p) for p in items]
        super().__init__("\n".join(self.problems))
        self.messages = items


class NotFoundError(MdccError):
    """A record asked for by id or name does not exist."""


class ConferenceLockedError(MdccError):
    """The conference is finalised: it can be read but not changed until reopened."""
