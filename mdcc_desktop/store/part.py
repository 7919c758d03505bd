"""What a part of the store (its methods for one kind of record, in a module of their own) uses
of the whole :class:`~mdcc_desktop.store.store.Store`: named here for the type checker; the
Store class, made of the parts, provides them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any


class StorePart:
    """A part of the Store (see the module's docstring)."""

    if TYPE_CHECKING:

        def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]: ...

        def _insert(self, obj: Any, **columns: Any) -> int: ...
