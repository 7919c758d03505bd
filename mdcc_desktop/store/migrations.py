"""Ordered schema migrations, each in its own transaction, with a file backup before any runs.

sqlite-utils' ``Migrations`` records each applied step by name in ``_sqlite_migrations`` and runs
each in a transaction with its record. On top of that we keep ``PRAGMA user_version`` equal to
the number of steps applied, take a copy of the file before migrating a database that already
has data, and refuse a database whose schema is newer than this app (a newer app has written
steps we do not know): opening it would risk writing rows it cannot read back.

Add a step by appending a function decorated with ``@MIGRATIONS()``; never edit or reorder a
released step. sqlite-utils itself is imported only when a step is to run (a database already
up to date is checked with one query), so opening one costs no import of it.
Beware: ``table.transform()`` drops FTS triggers: re-create them with ``_search_triggers``
in the same step.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mdcc_desktop.domain.messages import msg
from mdcc_desktop.store import connection
from mdcc_desktop.store.connection import Key
from mdcc_desktop.store.errors import SchemaTooNewError

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

log = logging.getLogger(__name__)

MIGRATION_SET = "mdcc"
# Where sqlite-utils' Migrations records the steps applied (one row per step and set).
MIGRATIONS_TABLE = "_sqlite_migrations"
Step = Callable[["Database"], None]


class _Steps:
    """The migration steps, in order: registered with ``@MIGRATIONS(name=...)`` as on
    sqlite-utils' ``Migrations``, which is made (and sqlite-utils imported) only when a step is
    to run or its API is asked for (``applied``, ``pending``, ``apply``, ``_migrations``)."""

    def __init__(self) -> None:
        object.__setattr__(self, "steps", [])
        object.__setattr__(self, "made", None)

    steps: list[tuple[str, Step]]
    made: Migrations | None

    def __call__(self, *, name: str) -> Callable[[Step], Step]:
        def register(fn: Step) -> Step:
            self.steps.append((name, fn))
            if self.made is not None:
                self.made(name=name)(fn)
            return fn

        return register

    @property
    def full(self) -> Migrations:
        if self.made is None:
            from sqlite_utils import Migrations

            made = Migrations(MIGRATION_SET)
            for name, fn in self.steps:
                made(name=name)(fn)
            object.__setattr__(self, "made", made)
            return made
        return self.made

    def names(self) -> list[str]:
        if self.made is not None:  # a test may have changed its list
            return [m.name for m in self.made._migrations]
        return [name for name, _ in self.steps]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.full, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.full, name, value)

    def __delattr__(self, name: str) -> None:
        # What monkeypatch's undo does to an attribute it set: back to the registered steps.
        object.__setattr__(self, "made", None)


MIGRATIONS = _Steps()


def _run(db: Database, script: str) -> None:
    """Run DDL statement by statement inside the caller's transaction (executescript commits)."""
    for statement in script.split(";\n"):
        if statement.strip():
            db.execute(statement)


SCHEMA_V1 = """
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    jurisdiction TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE children (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    alt_name TEXT,
    date_of_birth TEXT,
    expected_date_of_birth TEXT,
    sex TEXT CHECK (sex IN ('female', 'male', 'other', 'unknown')),
    school TEXT
);
CREATE INDEX children_case ON children(case_id);
CREATE TABLE household_members (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    alt_name TEXT,
    relationship TEXT NOT NULL,
    notes TEXT
);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    alt_name TEXT,
    agency TEXT,
    discipline TEXT,
    job_title TEXT,
    email TEXT,
    phone TEXT
);
CREATE INDEX people_name ON people(name);
CREATE TABLE conferences (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE RESTRICT,
    jurisdiction TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('initial', 'review', 'pre_birth', 'other')),
    title TEXT,
    referral_received TEXT,
    scheduled_start TEXT NOT NULL,
    started_at TEXT,
    ended_at TEXT,
    venue TEXT,
    language TEXT,
    previous_conference TEXT,
    previous_conference_id INTEGER REFERENCES conferences(id) ON DELETE SET NULL,
    next_review TEXT,
    mandatory_report_made INTEGER,
    mandatory_report_date TEXT,
    mandatory_report_made_to TEXT,
    reporter_identity TEXT,
    status TEXT NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned', 'in_progress', 'ended', 'finalised')),
    current_agenda_item_id INTEGER,
    has_safety_mapping INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX conferences_case ON conferences(case_id);
CREATE INDEX conferences_start ON conferences(scheduled_start);
CREATE INDEX household_conference ON household_members(conference_id);
CREATE TABLE attendees (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
    person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    position INTEGER NOT NULL DEFAULT 0,
    ref TEXT,
    name TEXT NOT NULL,
    alt_name TEXT,
    agency TEXT,
    discipline TEXT,
    job_title TEXT,
    email TEXT,
    phone TEXT,
    attendance TEXT NOT NULL DEFAULT 'invited'
        CHECK (attendance IN ('invited', 'present', 'apologies', 'absent', 'report_only')),
    arrived_at TEXT,
    left_at TEXT,
    report_submitted INTEGER,
    report_shared_with_parents INTEGER
);
CREATE INDEX attendees_conference ON attendees(conference_id);
CREATE TABLE attendee_roles (
    attendee_id INTEGER NOT NULL REFERENCES attendees(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (attendee_id, role)
);
CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    ref TEXT,
    title TEXT NOT NULL,
    planned_minutes INTEGER,
    started_at TEXT,
    ended_at TEXT,
    notes TEXT,
    restricted INTEGER
);
CREATE INDEX agenda_conference ON agenda_items(conference_id);
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
    agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    position INTEGER NOT NULL DEFAULT 0,
    ref TEXT,
    kind TEXT NOT NULL,
    value TEXT,
    text TEXT NOT NULL,
    rationale TEXT,
    method TEXT,
    restricted INTEGER
);
CREATE INDEX decisions_conference ON decisions(conference_id);
CREATE TABLE dissents (
    id INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
    attendee_id INTEGER NOT NULL REFERENCES attendees(id) ON DELETE RESTRICT,
    position INTEGER NOT NULL DEFAULT 0,
    view TEXT NOT NULL
);
CREATE INDEX dissents_decision ON dissents(decision_id);
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    ref TEXT,
    description TEXT NOT NULL,
    owner_id INTEGER REFERENCES attendees(id) ON DELETE SET NULL,
    owner_agency TEXT,
    due TEXT,
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
    priority TEXT,
    decision_id INTEGER REFERENCES decisions(id) ON DELETE SET NULL,
    agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    carried_from TEXT,
    carried_from_action_id INTEGER REFERENCES actions(id) ON DELETE SET NULL,
    completed_at TEXT
);
CREATE INDEX actions_conference ON actions(conference_id);
CREATE INDEX actions_due ON actions(status, due);
CREATE INDEX actions_owner ON actions(owner_id);
CREATE TABLE action_updates (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    at TEXT NOT NULL,
    note TEXT NOT NULL,
    status TEXT
);
CREATE INDEX action_updates_action ON action_updates(action_id);
CREATE TABLE distribution (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
    attendee_id INTEGER NOT NULL REFERENCES attendees(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    copy TEXT NOT NULL CHECK (copy IN ('full', 'parent'))
);
CREATE INDEX distribution_conference ON distribution(conference_id);
CREATE TABLE safety_lines (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL
);
CREATE INDEX safety_lines_conference ON safety_lines(conference_id);
CREATE TABLE safety_scaling (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
    attendee_id INTEGER NOT NULL REFERENCES attendees(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    note TEXT
);
CREATE INDEX safety_scaling_conference ON safety_scaling(conference_id);
CREATE TABLE minutes_versions (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    copy TEXT NOT NULL CHECK (copy IN ('full', 'parent')),
    created_at TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    path TEXT,
    final INTEGER NOT NULL DEFAULT 0,
    UNIQUE (conference_id, number, copy)
)
"""

# Text columns the search covers; trigram tokens make Chinese (no spaces) searchable.
# The first step indexed these (never change this list: it is what step 1 made) ...
SEARCH_COLUMNS_V1: dict[str, list[str]] = {
    "cases": ["reference"],
    "children": ["name", "alt_name"],
    "agenda_items": ["title", "notes"],
    "decisions": ["kind", "value", "text", "rationale"],
    "actions": ["description", "owner_agency"],
}
# ... and step 6 the names of household members and attendees (issue 10).
SEARCH_COLUMNS_V6: dict[str, list[str]] = {
    "household_members": ["name", "alt_name"],
    "attendees": ["name", "alt_name"],
}
SEARCH_COLUMNS: dict[str, list[str]] = {**SEARCH_COLUMNS_V1, **SEARCH_COLUMNS_V6}


def _search_triggers(db: Database, table: str) -> None:
    db.table(table).enable_fts(
        SEARCH_COLUMNS[table], tokenize="trigram", create_triggers=True, replace=True
    )


@MIGRATIONS(name="0001_initial_schema")
def _initial_schema(db: Database) -> None:
    _run(db, SCHEMA_V1)
    for table in SEARCH_COLUMNS_V1:
        _search_triggers(db, table)


SCHEMA_V2 = """
CREATE TABLE circulations (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
    minutes_version_id INTEGER REFERENCES minutes_versions(id) ON DELETE SET NULL,
    attendee_id INTEGER NOT NULL REFERENCES attendees(id) ON DELETE CASCADE,
    copy TEXT NOT NULL CHECK (copy IN ('full', 'parent')),
    at TEXT NOT NULL
);
CREATE INDEX circulations_conference ON circulations(conference_id);
CREATE TABLE amendments (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
    requested_by TEXT NOT NULL,
    request TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    ruling TEXT,
    accepted INTEGER,
    ruled_at TEXT
);
CREATE INDEX amendments_conference ON amendments(conference_id);
CREATE TABLE conference_log (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX conference_log_conference ON conference_log(conference_id);
CREATE TABLE closure_days (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,
    reason TEXT NOT NULL,
    jurisdiction TEXT,
    UNIQUE (day, jurisdiction)
)
"""


@MIGRATIONS(name="0002_minutes_lifecycle")
def _minutes_lifecycle(db: Database) -> None:
    """Circulation records, amendments, the conference log and user-added closure days."""
    _run(db, SCHEMA_V2)


SCHEMA_V3 = """
CREATE INDEX actions_due_order ON actions(due IS NULL, due)
"""


@MIGRATIONS(name="0003_tracker_indexes")
def _tracker_indexes(db: Database) -> None:
    """The tracker's default order (due date, undated last) read from an index, so that its
    first page need not sort every action; the expression must stay the ORDER BY's."""
    _run(db, SCHEMA_V3)


SCHEMA_V4 = """
ALTER TABLE attendees ADD COLUMN attendance_note TEXT;
CREATE TABLE attendee_exclusions (
    id INTEGER PRIMARY KEY,
    attendee_id INTEGER NOT NULL REFERENCES attendees(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    left_at TEXT NOT NULL,
    returned_at TEXT,
    reason TEXT NOT NULL
);
CREATE INDEX attendee_exclusions_attendee ON attendee_exclusions(attendee_id)
"""


@MIGRATIONS(name="0004_attendance_notes_and_exclusions")
def _attendance_notes_and_exclusions(db: Database) -> None:
    """Why someone sent apologies or was absent, and the parts of the meeting a person was asked
    to leave (the exchange file's ``attendance_note`` and ``exclusions``)."""
    _run(db, SCHEMA_V4)


SCHEMA_V5 = """
ALTER TABLE actions ADD COLUMN carried_to_action_id INTEGER
    REFERENCES actions(id) ON DELETE SET NULL;
UPDATE actions SET carried_to_action_id = (
    SELECT max(n.id) FROM actions n WHERE n.carried_from_action_id = actions.id
) WHERE id IN (SELECT carried_from_action_id FROM actions WHERE carried_from_action_id IS NOT NULL);
CREATE INDEX actions_carried_to ON actions(carried_to_action_id)
    WHERE carried_to_action_id IS NOT NULL;
CREATE INDEX actions_live_due ON actions(status, due) WHERE carried_to_action_id IS NULL
"""


@MIGRATIONS(name="0005_carried_actions_supersede")
def _carried_actions_supersede(db: Database) -> None:
    """An action carried into a review is superseded by its copy: the original records where it
    went (``carried_to_action_id``) and leaves the open lists, so every count counts a real
    action once. Actions already carried before this step are linked from their copies.
    The tracker's status and due-date filters, which now leave carried originals out, read
    a partial index of the actions not carried (its counts stay index-only)."""
    _run(db, SCHEMA_V5)


@MIGRATIONS(name="0006_search_people_by_name")
def _search_people_by_name(db: Database) -> None:
    """Household members and attendees are found by name, in both scripts: trigram indexes
    on their names, filled from the rows already there."""
    for table in SEARCH_COLUMNS_V6:
        _search_triggers(db, table)


SCHEMA_V7 = """
CREATE TABLE write_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO write_generation (id, value) VALUES (1, 0);
"""


@MIGRATIONS(name="0007_write_generation")
def _write_generation(db: Database) -> None:
    """A number every write transaction raises by one, so that a window can tell a change
    another process made (the command line, say) from its own (see Store.changed_elsewhere)."""
    _run(db, SCHEMA_V7)


SCHEMA_V8 = """
CREATE TABLE search_purge (
    fts TEXT PRIMARY KEY
)
"""


@MIGRATIONS(name="0008_search_purge_queue")
def _search_purge_queue(db: Database) -> None:
    """The full-text indexes that still hold a deleted record's text (FTS5 keeps it until its
    segments are merged): written in the delete's transaction, emptied once merged, so a merge
    that did not happen (the app killed first) is done at the next open."""
    _run(db, SCHEMA_V8)


SCHEMA_V9 = """
CREATE TABLE disclosure_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    by TEXT NOT NULL DEFAULT '',
    conference_id INTEGER,
    copy TEXT,
    recipient TEXT,
    target TEXT,
    reason TEXT,
    sha256 TEXT,
    with_reporter_identity INTEGER NOT NULL DEFAULT 0,
    previous TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);
CREATE INDEX disclosure_log_conference ON disclosure_log(conference_id);
CREATE TABLE disclosure_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    entries INTEGER NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER disclosure_log_no_update BEFORE UPDATE ON disclosure_log
BEGIN SELECT RAISE(ABORT, 'the disclosure log is append-only'); END;
CREATE TRIGGER disclosure_log_no_delete BEFORE DELETE ON disclosure_log
BEGIN SELECT RAISE(ABORT, 'the disclosure log is append-only'); END;
CREATE TABLE chair (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT ''
)
"""


@MIGRATIONS(name="0009_disclosure_log")
def _disclosure_log(db: Database) -> None:
    """The disclosure log (issue 11): what was shared, with whom, when and why, each entry
    hash-chained to the one before; its head (count and last hash) to tell entries cut off the
    end; triggers that refuse to change or remove an entry; and the chair's own name and e-mail
    (kept in the encrypted database, not in settings.json). ``conference_id`` has no foreign
    key: an entry outlives the conference it was about (the record of sharing is kept)."""
    _run(db, SCHEMA_V9)


SCHEMA_V10 = """
CREATE TABLE document_versions (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    copy TEXT NOT NULL CHECK (copy IN ('full', 'parent', 'letter')),
    status TEXT NOT NULL CHECK (status IN ('issued', 'final')),
    template TEXT NOT NULL DEFAULT '',
    issued_at TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER,
    content BLOB,
    context TEXT,
    UNIQUE (conference_id, number, copy)
);
CREATE INDEX document_versions_conference ON document_versions(conference_id, number);
INSERT INTO document_versions (conference_id, number, copy, status, issued_at, sha256)
    SELECT conference_id, number, copy, CASE WHEN final THEN 'final' ELSE 'issued' END,
           created_at, sha256
    FROM minutes_versions;
ALTER TABLE circulations ADD COLUMN document_version_id INTEGER
    REFERENCES document_versions(id) ON DELETE SET NULL;
ALTER TABLE circulations ADD COLUMN delivery TEXT NOT NULL DEFAULT 'email'
    CHECK (delivery IN ('email', 'hand'));
UPDATE circulations SET document_version_id = (
    SELECT d.id FROM document_versions d JOIN minutes_versions m
      ON m.conference_id = d.conference_id AND m.number = d.number AND m.copy = d.copy
    WHERE m.id = circulations.minutes_version_id
)
"""


@MIGRATIONS(name="0010_document_versions")
def _document_versions(db: Database) -> None:
    """Issued documents as records: each issued version (minutes copies and letters) keeps its
    number, copy, template, time, SHA-256, the document's bytes and the content it was made
    from, inside the encrypted database, so that it can be produced again byte for byte
    (a path was never a record). Versions recorded before this step keep their number, time
    and hash; their documents were not kept. A circulation names the version it gave and how
    it was delivered (e-mail, or by hand to someone without an address)."""
    _run(db, SCHEMA_V10)


SCHEMA_V11 = """
ALTER TABLE agenda_items ADD COLUMN section TEXT;
ALTER TABLE actions ADD COLUMN outcome TEXT;
ALTER TABLE actions ADD COLUMN contingency TEXT;
ALTER TABLE conferences ADD COLUMN core_group_at TEXT;
ALTER TABLE conferences ADD COLUMN core_group_venue TEXT;
ALTER TABLE conferences ADD COLUMN review_at TEXT;
ALTER TABLE conferences ADD COLUMN review_venue TEXT;
ALTER TABLE conferences ADD COLUMN comments_by TEXT
"""


@MIGRATIONS(name="0011_record_sections")
def _record_sections(db: Database) -> None:
    """The record real conferences keep (issue 12): the minutes section an agenda item's notes
    go under (purpose, the child's views, the parents' views, the chair's analysis, ...), the
    plan's outcome and contingency for each action, the core group meeting and the review as
    booked (date, time, venue) and the date by which comments on the minutes are due."""
    _run(db, SCHEMA_V11)


SCHEMA_V12 = """
CREATE INDEX actions_owner_live ON actions(owner_id) WHERE carried_to_action_id IS NULL
"""


@MIGRATIONS(name="0012_owner_filter_index")
def _owner_filter_index(db: Database) -> None:
    """The tracker's count of the actions whose owner's name holds some text reads a partial
    index of the live actions by owner, as the status and due-date filters read theirs
    (0005): 37 ms became 6 ms on 100,000 actions, the table's rows no longer read one by one to
    leave carried originals out."""
    _run(db, SCHEMA_V12)


def known_steps() -> list[str]:
    return MIGRATIONS.names()


def applied_steps(db: connection.Database | Database) -> list[str]:
    """The steps recorded as applied, in the order they were (what ``Migrations.applied``
    reads, without sqlite-utils)."""
    exists = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone()
    if not exists:
        return []
    rows = db.execute(
        f"SELECT name FROM [{MIGRATIONS_TABLE}] WHERE migration_set = ? ORDER BY rowid",
        [MIGRATION_SET],
    ).fetchall()
    return [str(r[0]) for r in rows]


def pending_steps(db: connection.Database | Database) -> list[str]:
    """The known steps not applied yet (the migration :func:`migrate` would run)."""
    applied = applied_steps(db)
    return [name for name in known_steps() if name not in applied]


def schema_version(db: connection.Database | Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    db: connection.Database | Database,
    db_path: Path | None,
    backup_dir: Path | None,
    *,
    key: Key | None = None,
) -> list[str]:
    """Bring ``db`` to this app's schema; return the names of the steps applied.

    Raises :class:`SchemaTooNewError` for a database written by a newer app, leaving it untouched.
    ``key`` is the one ``db`` was opened with: the backup taken first is encrypted with it.
    """
    known = known_steps()
    applied = applied_steps(db)
    unknown = [name for name in applied if name not in known]
    if unknown or schema_version(db) > len(known):
        raise SchemaTooNewError(
            msg("schema_too_new", schema=max(schema_version(db), len(applied)), known=len(known))
        )
    pending = [name for name in known if name not in applied]
    if not pending:
        return []
    migrations = MIGRATIONS.full
    full = db.full if isinstance(db, connection.Database) else db
    if applied and db_path is not None and backup_dir is not None:
        backup_before_migrating(db, db_path, backup_dir, len(applied), key=key)
    for name in pending:
        # One step at a time so that user_version moves inside each step's own transaction.
        migrations.apply(full, stop_before=[n for n in known if n != name and n not in applied])
        applied.append(name)
        with db.atomic():
            db.execute(f"PRAGMA user_version = {len(applied)}")
        log.info("applied schema step %s", name)
    return pending


def backup_before_migrating(
    db: connection.Database | Database,
    db_path: Path,
    backup_dir: Path,
    version: int,
    *,
    key: Key | None = None,
) -> Path:
    """A consistent copy (SQLite's online backup, WAL included) before the schema changes.

    The copy is opened through the connection factory, with ``key``, so that it has the same
    settings as the database and, once it is encrypted, the same key (never a clear copy). It is
    made and checked under a temporary name (``store.backup.copy_database``): a full disk stops
    the migration with a message rather than leave half a copy. The daily rotation counts it.
    """
    from mdcc_desktop.store.backup import copy_database

    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"{db_path.stem}-schema{version}-{stamp}.sqlite3"
    copy_database(db, target, key)
    log.info("backed up the database before migrating")
    return target
