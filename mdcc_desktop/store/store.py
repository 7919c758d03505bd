"""Reading and writing domain records; the single owner of a database connection.

Every write runs in a transaction (``Store.transaction`` nests through savepoints) so that a
service's use case is all or nothing. SQLite errors caused by the environment (locked, full,
read-only, damaged) become :class:`~mdcc_desktop.store.errors.StoreError` with a message a user
can act on; anything else propagates as the bug it is.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import operator
import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from mdcc_desktop.domain.clock import now
from mdcc_desktop.domain.errors import NotFoundError
from mdcc_desktop.domain.messages import msg
from mdcc_desktop.domain.models import (
    Action,
    ActionUpdate,
    AgendaItem,
    Amendment,
    Attendee,
    Case,
    Child,
    Circulation,
    ClosureDay,
    Conference,
    ConferenceRecord,
    ConferenceStatus,
    ConferenceSummary,
    ConferenceType,
    Decision,
    Dissent,
    DistributionEntry,
    Exclusion,
    HouseholdMember,
    LogEntry,
    MandatoryReport,
    MinutesVersion,
    Person,
    Role,
    SafetyLine,
    Scaling,
)
from mdcc_desktop.domain.read_models import SearchHit
from mdcc_desktop.domain.text import clean_filter_text
from mdcc_desktop.store import migrations
from mdcc_desktop.store.connection import (
    BUSY_TIMEOUT_MS,
    Database,
    Key,
    check_integrity,
    enable_wal,
    open_database,
)
from mdcc_desktop.store.errors import (
    CannotOpenError,
    StoreClosedError,
    StoreError,
    mapped_errors,
)
from mdcc_desktop.store.minutes_records import MinutesRecords
from mdcc_desktop.store.rows import (
    columns_of,
    escape_like,
    from_row,
    to_cell,
    to_row,
)
from mdcc_desktop.store.tracker_queries import TrackerQueries
from mdcc_desktop.store.versions import DocumentVersions

if TYPE_CHECKING:
    from mdcc_desktop.store.disclosure_log import DisclosureLog

T = TypeVar("T")

log = logging.getLogger(__name__)

# table name -> (dataclass, parent column); the only tables generic helpers may touch.
TABLES: dict[type[Any], str] = {
    Case: "cases",
    Child: "children",
    HouseholdMember: "household_members",
    Person: "people",
    Conference: "conferences",
    Attendee: "attendees",
    Exclusion: "attendee_exclusions",
    AgendaItem: "agenda_items",
    Decision: "decisions",
    Dissent: "dissents",
    Action: "actions",
    ActionUpdate: "action_updates",
    DistributionEntry: "distribution",
    SafetyLine: "safety_lines",
    Scaling: "safety_scaling",
    MinutesVersion: "minutes_versions",
    Circulation: "circulations",
    Amendment: "amendments",
    LogEntry: "conference_log",
    ClosureDay: "closure_days",
}

_MANDATORY_COLUMNS = {
    "made": "mandatory_report_made",
    "date": "mandatory_report_date",
    "made_to": "mandatory_report_made_to",
    "reporter_identity": "reporter_identity",
}


def _create_database(path: Path, key: Key | None = None) -> None:
    """Make a new database at ``path`` whole or not at all.

    It is built under a temporary name and linked into place, so that ``path`` never exists as
    the empty file a crash during creation would leave (an empty file is refused as damaged).
    If another process created ``path`` meanwhile, theirs is kept.
    """
    tmp = path.with_name(f".{path.name}.new-{os.getpid()}-{os.urandom(4).hex()}")
    try:
        db = open_database(tmp, wal=False, key=key)
        try:
            with mapped_errors():
                migrations.migrate(db, None, None)
                enable_wal(db)
        finally:
            db.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links: a tiny race, as before
            if not path.exists():
                os.replace(tmp, path)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
            leftover.unlink(missing_ok=True)


def _connect(
    path: Path | str,
    file_path: Path | None,
    backup_dir: Path | None,
    busy_timeout_ms: int,
    key: Key | None,
    *,
    check: bool = True,
) -> Database:
    """A checked, migrated connection on ``path``, creating the file if need be.

    ``check=False`` leaves out the integrity check (the caller runs it later, see
    :meth:`Store.check_file`) unless the schema is to be migrated: nothing is ever written
    into a file that was not checked first."""
    if file_path is not None and not file_path.exists():
        # If it cannot be made, opening it below says why (folder missing, read-only...).
        with contextlib.suppress(OSError, StoreError):
            _create_database(file_path, key)
    # WAL only once the schema check passed: refusing a newer file must not change it.
    db = open_database(
        path, wal=False, backup_dir=backup_dir, busy_timeout_ms=busy_timeout_ms, key=key
    )
    try:
        if file_path is not None and (check or migrations.pending_steps(db)):
            check_integrity(db, backup_dir)
        with mapped_errors(backup_dir):
            migrations.migrate(db, file_path, backup_dir, key=key)
            enable_wal(db)
    except BaseException:
        db.close()
        raise
    return db


class _OwnGenerations:
    """The write generations this process committed to each database file (any of its
    connections, any thread): what changed_elsewhere does not count as news."""

    def __init__(self) -> None:
        self._by_file: dict[str, set[int]] = {}

    def add(self, database: str, generation: int) -> None:
        with _own_lock:
            own = self._by_file.setdefault(database, set())
            own.add(generation)
            if len(own) > 100_000:  # nobody is asking: forget the oldest half
                for g in sorted(own)[:50_000]:
                    own.discard(g)

    def take(self, database: str, generations: range) -> bool:
        """Whether all of ``generations`` are this process's own (forgetting them)."""
        with _own_lock:
            own = self._by_file.get(database, set())
            mine = all(g in own for g in generations)
            own.difference_update(generations)
            return mine


_own_lock = threading.Lock()
_own_generations = _OwnGenerations()


class Store(TrackerQueries, MinutesRecords):
    """The database, behind one object whose identity outlives its connection.

    :meth:`close` drops the connection (and with it any key) and :meth:`reopen` makes a new
    one on the same file, so that the services holding this object keep working across a lock
    and an unlock; in between, every use raises :class:`StoreClosedError`.
    """

    def __init__(
        self,
        db: Database,
        path: Path | None = None,
        backup_dir: Path | None = None,
        *,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> None:
        self._db: Database | None = db
        self.path = path
        self.backup_dir = backup_dir
        self.busy_timeout_ms = busy_timeout_ms
        self._fts_reached: dict[str, list[str]] = {}
        self._purger: _SearchPurger | None = None
        self._purge_in_background = False
        # The names given to the open transactions, outermost first (None for unnamed ones).
        self._transaction_names: list[str | None] = []
        # What changed_elsewhere last saw: the connection's data_version and the generation.
        self._seen: tuple[int, int] | None = None
        self._key: Key | None = None
        # The database file as every connection of this process to it names it.
        self._identity = str(path.resolve()) if path is not None else f"memory:{id(self)}"
        self._changes_at_begin = 0

    @classmethod
    def open(
        cls,
        path: Path | str,
        backup_dir: Path | None = None,
        *,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        key: Key | None = None,
        check_integrity: bool = True,
    ) -> Store:
        """Open (creating if need be) and migrate the database at ``path``.

        A damaged or empty file raises DatabaseCorruptError before anything is written to it.
        ``key`` opens an encrypted file (see :func:`~.connection.open_database`); the object
        keeps it only while the connection is open, for :meth:`sibling` (``close`` drops it).
        ``check_integrity=False`` skips SQLite's quick check of every page
        (a third of a second on a large file) when the file needs no migration: the GUI runs
        it with :meth:`check_file` on a worker thread once its window is up. An empty file,
        or one that is not a database, is refused all the same.
        """
        file_path = None if str(path) == ":memory:" else Path(path)
        db = _connect(path, file_path, backup_dir, busy_timeout_ms, key, check=check_integrity)
        store = cls(db, file_path, backup_dir, busy_timeout_ms=busy_timeout_ms)
        store._key = key
        try:
            store.purge_search_index()  # what a killed app left in the index, if anything
        except BaseException:
            store.close()
            raise
        return store

    @staticmethod
    def check_file(path: Path, backup_dir: Path | None = None, key: Key | None = None) -> None:
        """SQLite's quick check of the database at ``path`` on a connection of its own (any
        thread may call it; it only reads): DatabaseCorruptError if it is damaged."""
        db = open_database(path, wal=False, backup_dir=backup_dir, key=key)
        try:
            check_integrity(db, backup_dir)
        finally:
            db.close()

    @classmethod
    def attach(
        cls, path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS, key: Key | None = None
    ) -> Store:
        """One more connection on a database this process has already opened with :meth:`open`
        (so checked and migrated): a worker thread's. Nothing is created, checked for damage or
        migrated again (the integrity check alone takes a third of a second on a large file).
        """
        if not path.is_file():
            raise CannotOpenError(msg("db_missing", path=str(path)))
        db = open_database(path, wal=False, busy_timeout_ms=busy_timeout_ms, key=key)
        return cls(db, path, None, busy_timeout_ms=busy_timeout_ms)

    @property
    def db(self) -> Database:
        """The open connection; StoreClosedError once :meth:`close` ran (until a reopen)."""
        db = self._db
        if db is None:
            raise StoreClosedError(msg("db_closed"))
        return db

    @property
    def disclosures(self) -> DisclosureLog:
        """The disclosure log, the chair's name and the whole-file checks (own module)."""
        from mdcc_desktop.store.disclosure_log import DisclosureLog

        return DisclosureLog(self)

    @property
    def closed(self) -> bool:
        return self._db is None

    def close(self) -> None:
        """Close the connection (a no-op when closed); the object stays, for :meth:`reopen`.
        A merge of the search index under way on the background thread is finished first."""
        purger, self._purger = self._purger, None
        if purger is not None:
            purger.stop()
        db, self._db = self._db, None
        self._key = None  # the key goes with the connection (the lock relies on it)
        self._transaction_names.clear()
        if db is not None:
            db.close()

    def reopen(self, key: Key | None = None) -> None:
        """Open a new connection on the same file after :meth:`close` (for an unlock).

        It goes through the same checks as :meth:`open` (damage, schema, migration); if they
        fail the store stays closed and the error is raised. Unlike :meth:`open` it never
        creates the file: one that went missing meanwhile is reported, not started afresh.
        """
        if self._db is not None:
            raise RuntimeError("the store is open: close it before reopening it")
        if self.path is None:
            raise RuntimeError("an in-memory database is gone once closed: it cannot be reopened")
        if not self.path.exists():
            raise CannotOpenError(msg("db_gone", path=str(self.path)))
        self._db = _connect(self.path, self.path, self.backup_dir, self.busy_timeout_ms, key)
        self._key = key
        if self._purge_in_background:
            self.purge_search_in_background(key=key)  # leftovers too
        else:
            self.purge_search_index()  # what was left in the index, as at an open

    @property
    def key(self) -> Key | None:
        """The key this store's file was opened with (None: a plain file, or closed): for a
        check on another thread's connection (the GUI's integrity check after the window)."""
        return self._key

    def sibling(self, busy_timeout_ms: int | None = None) -> Store:
        """Another connection to this open store's file, with its key: for a worker thread
        (see :meth:`attach`). StoreClosedError while this store is closed (locked)."""
        self.db  # noqa: B018 (raises StoreClosedError when closed)
        if self.path is None:
            raise RuntimeError("an in-memory database has no other connections")
        return Store.attach(
            self.path,
            busy_timeout_ms=self.busy_timeout_ms if busy_timeout_ms is None else busy_timeout_ms,
            key=self._key,
        )

    @property
    def current_transaction_name(self) -> str | None:
        """The use case the open transaction was named after (the outermost name), or None."""
        return next((n for n in self._transaction_names if n is not None), None)

    @contextlib.contextmanager
    def transaction(self, name: str | None = None) -> Iterator[None]:
        """All or nothing; nested calls are savepoints of the outermost transaction.

        The outermost one begins IMMEDIATE: it takes the write lock at once, waiting up to the
        busy timeout for another writer. A deferred transaction that reads first cannot upgrade
        its lock once another process has committed, and SQLite then fails at once ("database
        in use") without waiting.

        ``name`` says which use case the transaction carries out ("import conference"): a
        fixed phrase written in the code, never a person's name or any record's text, since it
        is logged and (later) written to the disclosure log. Inside, it is
        :attr:`current_transaction_name` (the outermost name wins over a nested one's).
        """
        conn = self.db.conn
        self._transaction_names.append(name)
        try:
            with mapped_errors(self.backup_dir):
                if conn.in_transaction:
                    with self.db.atomic():  # a savepoint
                        yield
                    return
                if name is not None:
                    log.debug("transaction %r begins", name)
                conn.execute("BEGIN IMMEDIATE")
                self._changes_at_begin = conn.total_changes
                try:
                    yield
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    if name is not None:
                        log.debug("transaction %r rolled back", name)
                    raise
                generation = self._raise_generation(conn)
                try:
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    if name is not None:
                        log.debug("transaction %r rolled back", name)
                    raise
                if generation is not None:
                    _own_generations.add(self._identity, generation)
                if name is not None:
                    log.debug("transaction %r committed", name)
        finally:
            if self._transaction_names:  # close() inside the block has emptied it
                self._transaction_names.pop()

    def _raise_generation(self, conn: Any) -> int | None:
        """Count a write transaction about to commit (None if it wrote nothing)."""
        if not conn.in_transaction or conn.total_changes == self._changes_at_begin:
            return None
        row = conn.execute(
            "UPDATE write_generation SET value = value + 1 WHERE id = 1 RETURNING value"
        ).fetchone()
        return int(row[0]) if row else None

    def changed_elsewhere(self) -> bool:
        """Whether another process has written to the database since the last call.

        SQLite's ``data_version`` tells that some other connection committed; the write
        generation (raised by every write transaction, in this process recorded as its own)
        tells whether it was this process's notes writer or someone else. The first call only
        takes note of where things stand.
        """
        with mapped_errors(self.backup_dir):
            version = int(self.db.execute("PRAGMA data_version").fetchone()[0])
            if self._seen is not None and self._seen[0] == version:
                return False
            row = self.db.execute("SELECT value FROM write_generation WHERE id = 1").fetchone()
        generation = int(row[0]) if row else 0
        before, self._seen = self._seen, (version, generation)
        if before is None:
            return False
        new = range(before[1] + 1, generation + 1)
        return not new or not _own_generations.take(self._identity, new)

    def _purge_search_index(self, table: str) -> None:
        """Take the text deleted from ``table`` (cascades included) out of the full-text indexes.

        FTS5 records a delete as a marker and keeps the deleted text's tokens in its segments
        until they are merged (the SQLite here predates FTS5's secure-delete option, 3.42);
        ``optimize`` merges them, so a deleted name is gone from the index (and, with
        secure_delete, from the file). It rewrites the whole index: 0.3-0.8 s for 100,000
        actions. So the indexes reached are noted in ``search_purge`` in the delete's own
        transaction, and merged either now or, once :meth:`purge_search_in_background` was
        called (the GUI), on a thread of their own right after the commit; a merge that never
        ran (the app was killed) is done when the file is next opened.
        """
        if table not in self._fts_reached:
            reached: list[str] = []
            pending = [table]
            while pending:
                current = pending.pop()
                if current in reached:
                    continue
                reached.append(current)
                for (child,) in self.db.execute(
                    "SELECT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f "
                    "WHERE m.type = 'table' AND f.[table] = ? AND f.on_delete = 'CASCADE'",
                    [current],
                ).fetchall():
                    pending.append(child)
            self._fts_reached[table] = [t for t in reached if t in migrations.SEARCH_COLUMNS]
        reached_fts = [f"{searched}_fts" for searched in self._fts_reached[table]]
        if not reached_fts:
            return
        for fts in reached_fts:
            self.db.execute("INSERT OR IGNORE INTO search_purge (fts) VALUES (?)", [fts])
        if self._purger is not None:
            self._purger.request()  # it waits for this transaction's commit (the write lock)
        else:
            self.purge_search_index()

    def purge_search_index(self, *, look_first: bool = True) -> int:
        """Merge every full-text index noted in ``search_purge`` (see _purge_search_index) and
        clear the note, in one transaction; returns how many were merged.

        ``look_first`` reads the note before taking the write lock, so that an open with
        nothing to merge writes nothing (a read-only file included). The background thread,
        woken inside the deleting transaction, must not: it would read the note before that
        transaction commits; taking the write lock first makes it wait for the commit."""
        if look_first:
            with mapped_errors(self.backup_dir):
                if not self.db.execute("SELECT 1 FROM search_purge LIMIT 1").fetchone():
                    return 0
        with self.transaction("purge deleted text from the search index"):
            names = [str(r[0]) for r in self.db.execute("SELECT fts FROM search_purge").fetchall()]
            for fts in names:
                if fts.removesuffix("_fts") not in migrations.SEARCH_COLUMNS:
                    continue  # only the index names this program writes there
                self.db.execute(f"INSERT INTO [{fts}] ([{fts}]) VALUES ('optimize')")
            if names:
                self.db.execute("DELETE FROM search_purge")
        return len(names)

    def purge_search_in_background(self, *, key: Key | None = None) -> None:
        """From now on, merge the search index after a delete on a thread of its own (with its
        own connection), so that the caller (the GUI) does not wait for it. Whatever another
        writer has to do meanwhile waits for the merge (the busy timeout), as for any write."""
        self._purge_in_background = True
        if self.path is None or self._purger is not None:
            return
        # Its own connection needs the key too (this store's, unless another is given).
        self._purger = _SearchPurger(self.path, key if key is not None else self._key)
        self._purger.request()  # leftovers, if any

    def wait_for_search_purge(self, timeout: float | None = None) -> bool:
        """Wait until the background merges asked for so far are done (True), or ``timeout``."""
        return self._purger.wait_idle(timeout) if self._purger is not None else True

    @contextlib.contextmanager
    def busy_timeout(self, ms: int) -> Iterator[None]:
        """Inside the block, wait at most ``ms`` for another writer (then fail as locked); the
        connection's own timeout comes back after it."""
        with mapped_errors(self.backup_dir):
            before = int(self.db.execute("PRAGMA busy_timeout").fetchone()[0])
            self.db.execute(f"PRAGMA busy_timeout = {int(ms)}")
        try:
            yield
        finally:
            with mapped_errors(self.backup_dir):
                self.db.execute(f"PRAGMA busy_timeout = {before}")

    # --- generic helpers -------------------------------------------------------------------

    def _insert(self, obj: Any, **columns: Any) -> int:
        row = to_row(obj)
        row.update({k: to_cell(v) for k, v in columns.items()})
        table = TABLES[type(obj)]
        with self.transaction():
            cursor = self.db.execute(
                f"INSERT INTO [{table}] ("
                + ", ".join(f"[{k}]" for k in row)
                + ") VALUES ("
                + ", ".join("?" for _ in row)
                + ")",
                list(row.values()),
            )
        pk = cursor.lastrowid
        assert pk is not None
        new_id = int(pk)
        obj.id = new_id
        return new_id

    def _update(self, cls: type[Any], row_id: int, changes: dict[str, Any]) -> None:
        if not changes:
            return
        allowed = set(to_row(_blank(cls)).keys())
        bad = set(changes) - allowed
        if bad:
            raise ValueError(f"not columns of {cls.__name__}: {sorted(bad)}")
        with self.transaction():
            cur = self.db.execute(
                f"UPDATE [{TABLES[cls]}] SET "
                + ", ".join(f"[{k}] = ?" for k in changes)
                + " WHERE id = ?",
                [*(to_cell(v) for v in changes.values()), row_id],
            )
            if cur.rowcount == 0:
                raise NotFoundError(msg("no_record", kind=cls.__name__, id=row_id))

    def _delete(self, cls: type[Any], row_id: int) -> None:
        table = TABLES[cls]
        with self.transaction():
            cur = self.db.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
            if cur.rowcount:
                self._purge_search_index(table)

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        with mapped_errors(self.backup_dir):
            cur = self.db.execute(sql, list(params))
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def _list(self, cls: type[T], where: str, params: Iterable[Any]) -> list[T]:
        rows = self._rows(
            f"SELECT * FROM [{TABLES[cls]}] WHERE {where} ORDER BY position, id", params
        )
        return [from_row(cls, r) for r in rows]

    def _children_of_conference(
        self, cls: type[T], parent_table: str, parent_column: str, conference_id: int
    ) -> dict[int, list[T]]:
        """The rows of ``cls`` (dissent, exclusions, updates) under one conference's parent rows,
        grouped by parent id, each group in its order."""
        grouped: dict[int, list[T]] = {}
        for row in self._rows(
            f"SELECT c.* FROM [{TABLES[cls]}] c JOIN [{parent_table}] p "
            f"ON p.id = c.[{parent_column}] WHERE p.conference_id = ? ORDER BY c.position, c.id",
            [conference_id],
        ):
            grouped.setdefault(row[parent_column], []).append(from_row(cls, row))
        return grouped

    def _get(self, cls: type[T], row_id: int) -> T:
        rows = self._rows(f"SELECT * FROM [{TABLES[cls]}] WHERE id = ?", [row_id])
        if not rows:
            raise NotFoundError(msg("no_record", kind=cls.__name__, id=row_id))
        return from_row(cls, rows[0])

    def next_position(self, cls: type[Any], parent_column: str, parent_id: int) -> int:
        rows = self._rows(
            f"SELECT coalesce(max(position), -1) + 1 AS p FROM [{TABLES[cls]}] "
            f"WHERE [{parent_column}] = ?",
            [parent_id],
        )
        return int(rows[0]["p"])

    def set_positions(self, cls: type[Any], ids_in_order: list[int]) -> None:
        with self.transaction():
            for position, row_id in enumerate(ids_in_order):
                self.db.execute(
                    f"UPDATE [{TABLES[cls]}] SET position = ? WHERE id = ?", [position, row_id]
                )

    # --- any record type ---------------------------------------------------------------------

    def get(self, cls: type[T], row_id: int) -> T:
        """One record of a simple type (no child lists) by id."""
        return self._get(cls, row_id)

    def update(self, cls: type[Any], row_id: int, changes: dict[str, Any]) -> None:
        self._update(cls, row_id, changes)

    def delete(self, cls: type[Any], row_id: int) -> None:
        self._delete(cls, row_id)

    # --- cases -----------------------------------------------------------------------------

    def add_case(self, case: Case) -> int:
        if case.created_at is None:
            case.created_at = now()
        return self._insert(case)

    def get_case(self, case_id: int) -> Case:
        return self._get(Case, case_id)

    def case_by_reference(self, reference: str) -> Case | None:
        rows = self._rows("SELECT * FROM cases WHERE reference = ?", [reference])
        return from_row(Case, rows[0]) if rows else None

    def list_cases(self) -> list[Case]:
        return [from_row(Case, r) for r in self._rows("SELECT * FROM cases ORDER BY reference")]

    def add_child(self, child: Child) -> int:
        return self._insert(child)

    def children(self, case_id: int) -> list[Child]:
        return self._list(Child, "case_id = ?", [case_id])

    def add_household_member(self, member: HouseholdMember) -> int:
        return self._insert(member)

    def household(self, conference_id: int) -> list[HouseholdMember]:
        return self._list(HouseholdMember, "conference_id = ?", [conference_id])

    # --- people directory ------------------------------------------------------------------

    def add_person(self, person: Person) -> int:
        return self._insert(person)

    def find_people(self, text: str, limit: int = 20) -> list[Person]:
        like = f"%{escape_like(text)}%"
        rows = self._rows(
            "SELECT * FROM people WHERE name LIKE ? ESCAPE '\\' OR alt_name LIKE ? ESCAPE '\\' "
            "OR agency LIKE ? ESCAPE '\\' ORDER BY name LIMIT ?",
            [like, like, like, limit],
        )
        return [from_row(Person, r) for r in rows]

    def person_matching(self, name: str, agency: str | None) -> Person | None:
        rows = self._rows(
            "SELECT * FROM people WHERE name = ? AND coalesce(agency, '') = ? LIMIT 1",
            [name, agency or ""],
        )
        return from_row(Person, rows[0]) if rows else None

    # --- conferences -----------------------------------------------------------------------

    def add_conference(self, conference: Conference) -> int:
        stamp = now()
        conference.created_at = conference.created_at or stamp
        conference.updated_at = conference.updated_at or stamp
        extra = {
            column: getattr(conference.mandatory_report, field)
            for field, column in _MANDATORY_COLUMNS.items()
        }
        return self._insert(conference, **extra)

    def get_conference(self, conference_id: int) -> Conference:
        rows = self._rows("SELECT * FROM conferences WHERE id = ?", [conference_id])
        if not rows:
            raise NotFoundError(msg("no_conference", id=conference_id))
        row = rows[0]
        report = MandatoryReport(
            made=None
            if row["mandatory_report_made"] is None
            else bool(row["mandatory_report_made"]),
            date=dt.date.fromisoformat(row["mandatory_report_date"])
            if row["mandatory_report_date"]
            else None,
            made_to=row["mandatory_report_made_to"],
            reporter_identity=row["reporter_identity"],
        )
        return from_row(Conference, row, mandatory_report=report)

    def update_conference(self, conference_id: int, changes: dict[str, Any]) -> None:
        changes = dict(changes)
        report = changes.pop("mandatory_report", None)
        with self.transaction():
            if report is not None:
                self.db.execute(
                    "UPDATE conferences SET "
                    + ", ".join(f"{c} = ?" for c in _MANDATORY_COLUMNS.values())
                    + " WHERE id = ?",
                    [
                        *(to_cell(getattr(report, f)) for f in _MANDATORY_COLUMNS),
                        conference_id,
                    ],
                )
            changes["updated_at"] = now()
            self._update(Conference, conference_id, changes)

    def touch_conference(self, conference_id: int) -> None:
        self._update(Conference, conference_id, {"updated_at": now()})

    def conference_ids_of_case(self, case_id: int) -> list[int]:
        rows = self._rows("SELECT id FROM conferences WHERE case_id = ? ORDER BY id", [case_id])
        return [r["id"] for r in rows]

    def conference_ids(self) -> list[int]:
        return [r["id"] for r in self._rows("SELECT id FROM conferences ORDER BY id")]

    @staticmethod
    def _conference_filter(
        text: str, statuses: Iterable[ConferenceStatus] | None
    ) -> tuple[str, list[Any]]:
        """The WHERE clause (over ``conferences c JOIN cases cs``) of the conference list."""
        like = f"%{escape_like(text)}%"
        wanted = [s.value for s in statuses] if statuses is not None else []
        status_filter = (
            f"AND c.status IN ({', '.join('?' for _ in wanted)})" if statuses is not None else ""
        )
        where = f"""
            (? = '%%' OR cs.reference LIKE ? ESCAPE '\\'
               OR EXISTS (SELECT 1 FROM children ch WHERE ch.case_id = cs.id
                          AND (ch.name LIKE ? ESCAPE '\\' OR ch.alt_name LIKE ? ESCAPE '\\')))
            {status_filter}
        """
        return where, [like, like, like, like, *wanted]

    def list_conferences(
        self,
        text: str = "",
        statuses: Iterable[ConferenceStatus] | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ConferenceSummary]:
        """The conferences, newest first, filtered by case reference or child name and status;
        ``limit`` and ``offset`` give one page of them (the children, attendees and open actions
        are then counted for that page's conferences only)."""
        where, params = self._conference_filter(text, statuses)
        page = "" if limit is None else "LIMIT ? OFFSET ?"
        if limit is not None:
            params = [*params, int(limit), int(offset)]
        rows = self._rows(
            f"""
            WITH page AS (
                SELECT c.id FROM conferences c JOIN cases cs ON cs.id = c.case_id
                WHERE {where}
                ORDER BY c.scheduled_start DESC, c.id DESC
                {page}
            )
            SELECT c.id, cs.reference, c.jurisdiction, c.type, c.scheduled_start, c.status,
                   c.title,
                   (SELECT group_concat(name, ', ') FROM
                       (SELECT name FROM children WHERE case_id = cs.id ORDER BY position, id))
                       AS children,
                   (SELECT count(*) FROM attendees a WHERE a.conference_id = c.id) AS attendees,
                   (SELECT count(*) FROM actions x WHERE x.conference_id = c.id
                        AND x.status IN ('open', 'in_progress')
                        AND x.carried_to_action_id IS NULL) AS open_actions
            FROM page JOIN conferences c ON c.id = page.id JOIN cases cs ON cs.id = c.case_id
            ORDER BY c.scheduled_start DESC, c.id DESC
            """,
            params,
        )
        return [
            ConferenceSummary(
                id=r["id"],
                case_reference=r["reference"],
                children=r["children"] or "",
                jurisdiction=r["jurisdiction"],
                type=ConferenceType(r["type"]),
                scheduled_start=dt.datetime.fromisoformat(r["scheduled_start"]),
                status=ConferenceStatus(r["status"]),
                title=r["title"],
                attendees=r["attendees"],
                open_actions=r["open_actions"],
            )
            for r in rows
        ]

    def count_conferences(
        self, text: str = "", statuses: Iterable[ConferenceStatus] | None = None
    ) -> int:
        """How many conferences :meth:`list_conferences` lists with this filter."""
        where, params = self._conference_filter(text, statuses)
        rows = self._rows(
            f"SELECT count(*) AS n FROM conferences c JOIN cases cs ON cs.id = c.case_id "
            f"WHERE {where}",
            params,
        )
        return int(rows[0]["n"])

    def delete_conference(self, conference_id: int) -> None:
        self._delete(Conference, conference_id)

    # --- attendees -------------------------------------------------------------------------

    def add_attendee(self, attendee: Attendee) -> int:
        with self.transaction():
            attendee_id = self._insert(attendee)
            self.set_roles(attendee_id, attendee.roles)
            self.set_exclusions(attendee_id, attendee.exclusions)
        return attendee_id

    def set_exclusions(self, attendee_id: int, exclusions: list[Exclusion]) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM attendee_exclusions WHERE attendee_id = ?", [attendee_id])
            for position, exclusion in enumerate(exclusions):
                exclusion.attendee_id = attendee_id
                exclusion.position = position
                self._insert(exclusion)

    def set_roles(self, attendee_id: int, roles: list[Role]) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM attendee_roles WHERE attendee_id = ?", [attendee_id])
            for position, role in enumerate(roles):
                self.db.execute(
                    "INSERT INTO attendee_roles (attendee_id, role, position) VALUES (?, ?, ?)",
                    [attendee_id, role.value, position],
                )

    def attendees(self, conference_id: int) -> list[Attendee]:
        found = self._list(Attendee, "conference_id = ?", [conference_id])
        roles: dict[int, list[Role]] = {}
        for r in self._rows(
            "SELECT r.attendee_id, r.role FROM attendee_roles r JOIN attendees a "
            "ON a.id = r.attendee_id WHERE a.conference_id = ? ORDER BY r.position",
            [conference_id],
        ):
            roles.setdefault(r["attendee_id"], []).append(Role(r["role"]))
        exclusions = self._children_of_conference(
            Exclusion, "attendees", "attendee_id", conference_id
        )
        for a in found:
            a.roles = roles.get(a.id or 0, [])
            a.exclusions = exclusions.get(a.id or 0, [])
        return found

    def get_attendee(self, attendee_id: int) -> Attendee:
        attendee = self._get(Attendee, attendee_id)
        attendee.roles = [
            Role(r["role"])
            for r in self._rows(
                "SELECT role FROM attendee_roles WHERE attendee_id = ? ORDER BY position",
                [attendee_id],
            )
        ]
        attendee.exclusions = self._list(Exclusion, "attendee_id = ?", [attendee_id])
        return attendee

    def update_attendee(self, attendee_id: int, changes: dict[str, Any]) -> None:
        changes = dict(changes)
        roles = changes.pop("roles", None)
        exclusions = changes.pop("exclusions", None)
        with self.transaction():
            self._update(Attendee, attendee_id, changes)
            if roles is not None:
                self.set_roles(attendee_id, roles)
            if exclusions is not None:
                self.set_exclusions(attendee_id, exclusions)

    def delete_attendee(self, attendee_id: int) -> None:
        self._delete(Attendee, attendee_id)

    # --- agenda ----------------------------------------------------------------------------

    def add_agenda_item(self, item: AgendaItem) -> int:
        return self._insert(item)

    def agenda(self, conference_id: int) -> list[AgendaItem]:
        return self._list(AgendaItem, "conference_id = ?", [conference_id])

    def get_agenda_item(self, item_id: int) -> AgendaItem:
        return self._get(AgendaItem, item_id)

    def update_agenda_item(self, item_id: int, changes: dict[str, Any]) -> None:
        self._update(AgendaItem, item_id, changes)

    def delete_agenda_item(self, item_id: int) -> None:
        self._delete(AgendaItem, item_id)

    # --- decisions -------------------------------------------------------------------------

    def add_decision(self, decision: Decision) -> int:
        with self.transaction():
            decision_id = self._insert(decision)
            for position, dissent in enumerate(decision.dissent):
                dissent.decision_id = decision_id
                dissent.position = position
                self._insert(dissent)
        return decision_id

    def decisions(self, conference_id: int) -> list[Decision]:
        found = self._list(Decision, "conference_id = ?", [conference_id])
        dissent = self._children_of_conference(Dissent, "decisions", "decision_id", conference_id)
        for decision in found:
            decision.dissent = dissent.get(decision.id or 0, [])
        return found

    def get_decision(self, decision_id: int) -> Decision:
        decision = self._get(Decision, decision_id)
        decision.dissent = self._list(Dissent, "decision_id = ?", [decision_id])
        return decision

    def update_decision(self, decision_id: int, changes: dict[str, Any]) -> None:
        self._update(Decision, decision_id, changes)

    def delete_decision(self, decision_id: int) -> None:
        self._delete(Decision, decision_id)

    def add_dissent(self, dissent: Dissent) -> int:
        assert dissent.decision_id is not None
        dissent.position = self.next_position(Dissent, "decision_id", dissent.decision_id)
        return self._insert(dissent)

    def update_dissent(self, dissent_id: int, changes: dict[str, Any]) -> None:
        self._update(Dissent, dissent_id, changes)

    def delete_dissent(self, dissent_id: int) -> None:
        self._delete(Dissent, dissent_id)

    # --- actions ---------------------------------------------------------------------------

    def add_action(self, action: Action) -> int:
        with self.transaction():
            action_id = self._insert(action)
            for position, update in enumerate(action.updates):
                update.action_id = action_id
                update.position = position
                self._insert(update)
        return action_id

    def add_actions(self, actions: list[Action]) -> None:
        """Insert many actions with their updates (an import): one statement per table, in
        one transaction, instead of a round of queries per action. Sets each action's ``id``
        and its updates' ``action_id``, ``position`` and ``id`` as ``add_action`` would."""
        with self.transaction():
            self._insert_many(actions)
            updates: list[ActionUpdate] = []
            for action in actions:
                for position, update in enumerate(action.updates):
                    update.action_id = action.id
                    update.position = position
                    updates.append(update)
            self._insert_many(updates)

    def _insert_many(self, objs: list[Any], chunk: int = 10_000) -> None:
        """Insert records of one type, numbered on from the table's highest id as SQLite would
        number them one by one (the highest id is read in the same transaction as the inserts:
        if another writer got in between, SQLite refuses the write, never reuses an id).

        The rows go first into a temporary table and then into the real one in a single
        statement: a full-text trigger fired row by row in one statement costs a fifth of
        the same trigger fired by a statement per row."""
        if not objs:
            return
        table = TABLES[type(objs[0])]
        stage = f"temp.[bulk_{table}]"
        with self.transaction():
            first = int(
                self.db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM [{table}]").fetchone()[0]
            )
            if first + len(objs) > 2**63 - 1:  # no room to count on: let SQLite pick each id
                for obj in objs:
                    self._insert(obj)
                return
            fields, converted = columns_of(cast(Any, type(objs[0])))
            assert fields == tuple(to_row(objs[0])), "columns_of disagrees with to_row"
            columns = ", ".join(f"[{c}]" for c in (*fields, "id"))
            marks = ", ".join("?" for _ in range(len(fields) + 1))
            self.db.execute(f"CREATE TEMP TABLE {stage} AS SELECT {columns} FROM [{table}] WHERE 0")
            insert = f"INSERT INTO {stage} ({columns}) VALUES ({marks})"
            get = operator.attrgetter(*fields)
            for start in range(0, len(objs), chunk):
                values = []
                for n, obj in enumerate(objs[start : start + chunk], start=first + start):
                    obj.id = n
                    row = list(get(obj))
                    for i in converted:
                        row[i] = to_cell(row[i])
                    row.append(n)
                    values.append(row)
                self.db.conn.executemany(insert, values)
            self.db.execute(
                f"INSERT INTO [{table}] ({columns}) SELECT {columns} FROM {stage} ORDER BY id"
            )
            self.db.execute(f"DROP TABLE {stage}")

    def actions(self, conference_id: int) -> list[Action]:
        found = self._list(Action, "conference_id = ?", [conference_id])
        updates = self._children_of_conference(ActionUpdate, "actions", "action_id", conference_id)
        for action in found:
            action.updates = updates.get(action.id or 0, [])
        return found

    def get_action(self, action_id: int) -> Action:
        action = self._get(Action, action_id)
        action.updates = self._list(ActionUpdate, "action_id = ?", [action_id])
        return action

    def update_action(self, action_id: int, changes: dict[str, Any]) -> None:
        self._update(Action, action_id, changes)

    def delete_action(self, action_id: int) -> None:
        self._delete(Action, action_id)

    def add_action_update(self, update: ActionUpdate) -> int:
        assert update.action_id is not None
        update.position = self.next_position(ActionUpdate, "action_id", update.action_id)
        return self._insert(update)

    # --- distribution, Signs of Safety, minutes versions --------------------------------------

    def add_distribution(self, entry: DistributionEntry) -> int:
        return self._insert(entry)

    def distribution(self, conference_id: int) -> list[DistributionEntry]:
        return self._list(DistributionEntry, "conference_id = ?", [conference_id])

    def delete_distribution(self, entry_id: int) -> None:
        self._delete(DistributionEntry, entry_id)

    def add_safety_line(self, line: SafetyLine) -> int:
        return self._insert(line)

    def safety_lines(self, conference_id: int) -> list[SafetyLine]:
        return self._list(SafetyLine, "conference_id = ?", [conference_id])

    def add_scaling(self, scaling: Scaling) -> int:
        return self._insert(scaling)

    def scaling(self, conference_id: int) -> list[Scaling]:
        return self._list(Scaling, "conference_id = ?", [conference_id])

    def add_minutes_version(self, version: MinutesVersion) -> int:
        return self._insert(version)

    @property
    def versions(self) -> DocumentVersions:
        """Issued documents kept whole, and their circulation (store/versions.py)."""
        return DocumentVersions(self)

    def minutes_versions(self, conference_id: int) -> list[MinutesVersion]:
        rows = self._rows(
            "SELECT * FROM minutes_versions WHERE conference_id = ? ORDER BY number, copy",
            [conference_id],
        )
        return [from_row(MinutesVersion, r) for r in rows]

    # --- whole conference --------------------------------------------------------------------

    def load_record(self, conference_id: int) -> ConferenceRecord:
        conference = self.get_conference(conference_id)
        case = self.get_case(conference.case_id)
        return ConferenceRecord(
            case=case,
            children=self.children(conference.case_id),
            household=self.household(conference_id),
            conference=conference,
            attendees=self.attendees(conference_id),
            agenda=self.agenda(conference_id),
            decisions=self.decisions(conference_id),
            actions=self.actions(conference_id),
            distribution=self.distribution(conference_id),
            safety_lines=self.safety_lines(conference_id),
            scaling=self.scaling(conference_id),
        )

    def search(self, text: str, limit: int = 50) -> list[tuple[str, int]]:
        """(table, row id) pairs whose text contains ``text``; trigram FTS for 3+ characters."""
        hits: list[tuple[str, int]] = []
        text = clean_filter_text(text)
        if not text.strip():
            return hits
        for table, columns in migrations.SEARCH_COLUMNS.items():
            if len(text) >= 3:
                quoted = '"' + text.replace('"', '""') + '"'
                rows = self._rows(
                    f"SELECT rowid AS rid FROM [{table}_fts] WHERE [{table}_fts] MATCH ? LIMIT ?",
                    [quoted, limit],
                )
            else:
                like = f"%{escape_like(text)}%"
                cond = " OR ".join(f"[{c}] LIKE ? ESCAPE '\\'" for c in columns)
                rows = self._rows(
                    f"SELECT rowid AS rid FROM [{table}] WHERE {cond} LIMIT ?",
                    [*([like] * len(columns)), limit],
                )
            hits.extend((table, int(r["rid"])) for r in rows)
        return hits

    _HIT_SQL: ClassVar[dict[str, str]] = {
        "cases": "SELECT cs.id AS rid, cs.reference AS text, cs.reference AS ref, "
        "(SELECT max(id) FROM conferences WHERE case_id = cs.id) AS conference_id "
        "FROM cases cs WHERE cs.id IN ({ids})",
        "children": "SELECT ch.id AS rid, ch.name || coalesce(' ' || ch.alt_name, '') AS text, "
        "cs.reference AS ref, (SELECT max(id) FROM conferences WHERE case_id = cs.id) "
        "AS conference_id FROM children ch JOIN cases cs ON cs.id = ch.case_id "
        "WHERE ch.id IN ({ids})",
        "agenda_items": "SELECT g.id AS rid, g.title || ': ' || coalesce(g.notes, '') AS text, "
        "cs.reference AS ref, g.conference_id FROM agenda_items g "
        "JOIN conferences c ON c.id = g.conference_id JOIN cases cs ON cs.id = c.case_id "
        "WHERE g.id IN ({ids})",
        "decisions": "SELECT d.id AS rid, d.text AS text, cs.reference AS ref, d.conference_id "
        "FROM decisions d JOIN conferences c ON c.id = d.conference_id "
        "JOIN cases cs ON cs.id = c.case_id WHERE d.id IN ({ids})",
        "actions": "SELECT x.id AS rid, x.description AS text, cs.reference AS ref, "
        "x.conference_id FROM actions x JOIN conferences c ON c.id = x.conference_id "
        "JOIN cases cs ON cs.id = c.case_id WHERE x.id IN ({ids})",
        "household_members": "SELECT h.id AS rid, h.name || coalesce(' ' || h.alt_name, '') "
        "|| ' (' || h.relationship || ')' AS text, cs.reference AS ref, h.conference_id "
        "FROM household_members h JOIN conferences c ON c.id = h.conference_id "
        "JOIN cases cs ON cs.id = c.case_id WHERE h.id IN ({ids})",
        "attendees": "SELECT a.id AS rid, a.name || coalesce(' ' || a.alt_name, '') "
        "|| coalesce(' (' || a.agency || ')', '') AS text, cs.reference AS ref, "
        "a.conference_id FROM attendees a JOIN conferences c ON c.id = a.conference_id "
        "JOIN cases cs ON cs.id = c.case_id WHERE a.id IN ({ids})",
    }

    def search_hits(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Search results with their case and conference, ready to show and to open."""
        by_table: dict[str, list[int]] = {}
        for table, row_id in self.search(text, limit):
            by_table.setdefault(table, []).append(row_id)
        hits: list[SearchHit] = []
        for table, ids in by_table.items():
            sql = self._HIT_SQL[table].format(ids=", ".join("?" for _ in ids))
            hits.extend(
                SearchHit(
                    kind=table,
                    record_id=int(row["rid"]),
                    conference_id=row["conference_id"],
                    case_reference=row["ref"],
                    text=row["text"],
                )
                for row in self._rows(sql, ids)
            )
        return hits


def _blank(cls: type[Any]) -> Any:
    """An instance of ``cls`` with placeholder values, to learn its column names."""
    import dataclasses

    kwargs = {
        f.name: None
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    return cls(**kwargs)


class _SearchPurger:
    """Merges the full-text indexes that still hold deleted text, on a thread of its own with
    its own connection (see Store._purge_search_index). Errors are logged and the note stays in
    ``search_purge``: the next request, or the next open, merges it."""

    # A merge waits this long for the GUI's write to finish (it only follows a commit).
    BUSY_TIMEOUT_MS = 60_000

    def __init__(self, path: Path, key: Key | None) -> None:
        self.path = path
        self._key = key
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._requests = 0
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="search-purge", daemon=True)
        self._thread.start()

    def request(self) -> None:
        with self._lock:
            self._requests += 1
            self._idle.clear()
            self._wake.set()

    def wait_idle(self, timeout: float | None = None) -> bool:
        return self._idle.wait(timeout)

    def stop(self) -> None:
        with self._lock:
            self._stopping = True
            self._wake.set()
        self._thread.join()

    def _run(self) -> None:
        store: Store | None = None
        try:
            while True:
                self._wake.wait()
                with self._lock:
                    self._wake.clear()
                    seen = self._requests
                    stopping = self._stopping
                try:
                    if store is None:
                        store = Store.attach(
                            self.path, busy_timeout_ms=self.BUSY_TIMEOUT_MS, key=self._key
                        )
                        self._key = None
                    merged = store.purge_search_index(look_first=False)
                    if merged:
                        log.info("deleted text merged out of %d search index(es)", merged)
                except Exception:  # logged without personal data; the note stays for a retry
                    log.exception("the search index could not be merged after a delete")
                with self._lock:
                    if self._requests == seen and not self._wake.is_set():
                        self._idle.set()
                if stopping:
                    return
        finally:
            if store is not None:
                store.close()
            self._idle.set()
