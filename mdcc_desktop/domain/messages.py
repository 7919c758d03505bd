"""Messages a user sees from below the interface: an id, parameters, and one English template.

A service that refuses an edit raises ``ValidationError(msg("owner_not_attendee"))``
rather than an English sentence. ``str()`` of a :class:`Message` is the English sentence, so the
command line, the logs and tests read exactly what they read before; the GUI turns the same
message into the interface's language (``ui/messages.py``: translate the template, then fill in
the parameters).

The catalogue is the only copy of the English templates. Each is marked with
``QT_TRANSLATE_NOOP("Messages", ...)`` (a no-op here, as in ``settings.py``, so the domain
imports no Qt), which ``pyside6-lupdate`` extracts from this file under the context the GUI
translates them in: no second table to keep in step. Placeholders are named (``{what}``), so a
translation can put them in its own order; a parameter that is itself a :class:`Message` (the
name of a field, "The due date") is rendered, and translated, in its own right.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` and return it unchanged."""
    return text


CATALOGUE: dict[str, str] = {
    # --- the names of fields, used as {what} in the rules below
    "field_child_name": QT_TRANSLATE_NOOP("Messages", "A child's name"),
    "field_referral": QT_TRANSLATE_NOOP("Messages", "The referral date"),
    "field_arrival": QT_TRANSLATE_NOOP("Messages", "The arrival time"),
    "field_left": QT_TRANSLATE_NOOP("Messages", "The time they left"),
    "field_attendee_name": QT_TRANSLATE_NOOP("Messages", "The attendee's name"),
    "field_item_start": QT_TRANSLATE_NOOP("Messages", "The item's start"),
    "field_item_end": QT_TRANSLATE_NOOP("Messages", "The item's end"),
    "field_item_title": QT_TRANSLATE_NOOP("Messages", "The agenda item's title"),
    "field_decision_text": QT_TRANSLATE_NOOP("Messages", "The decision's text"),
    "field_dissent": QT_TRANSLATE_NOOP("Messages", "A dissenting view"),
    "field_due": QT_TRANSLATE_NOOP("Messages", "The due date"),
    "field_action_description": QT_TRANSLATE_NOOP("Messages", "The action's description"),
    "field_date_of_birth": QT_TRANSLATE_NOOP("Messages", "The date of birth"),
    "field_expected_birth": QT_TRANSLATE_NOOP("Messages", "The expected date of birth"),
    "field_relationship": QT_TRANSLATE_NOOP("Messages", "The relationship to the child"),
    "field_household_name": QT_TRANSLATE_NOOP("Messages", "The household member's name"),
    "field_report_date": QT_TRANSLATE_NOOP("Messages", "The report's date"),
    "field_planned_minutes": QT_TRANSLATE_NOOP("Messages", "Planned minutes"),
    "field_case_reference": QT_TRANSLATE_NOOP("Messages", "The case reference"),
    "field_scheduled_start": QT_TRANSLATE_NOOP("Messages", "The scheduled start"),
    "field_conference": QT_TRANSLATE_NOOP("Messages", "The conference"),
    "field_kind_of_decision": QT_TRANSLATE_NOOP("Messages", "The kind of decision"),
    "field_mapping_line": QT_TRANSLATE_NOOP("Messages", "The mapping line"),
    "field_start": QT_TRANSLATE_NOOP("Messages", "The start"),
    "field_end": QT_TRANSLATE_NOOP("Messages", "The end"),
    "field_next_review": QT_TRANSLATE_NOOP("Messages", "The next review"),
    "field_completion_date": QT_TRANSLATE_NOOP("Messages", "The completion date"),
    "field_core_group_meeting": QT_TRANSLATE_NOOP("Messages", "The core group meeting"),
    "field_core_group_venue": QT_TRANSLATE_NOOP("Messages", "The core group meeting's venue"),
    "field_review_meeting": QT_TRANSLATE_NOOP("Messages", "The review conference"),
    "field_review_venue": QT_TRANSLATE_NOOP("Messages", "The review conference's venue"),
    "field_comments_by": QT_TRANSLATE_NOOP("Messages", "The date comments are due by"),
    "field_outcome": QT_TRANSLATE_NOOP("Messages", "The action's outcome"),
    "field_contingency": QT_TRANSLATE_NOOP("Messages", "The action's contingency"),
    "field_new_due_date": QT_TRANSLATE_NOOP("Messages", "The new due date"),
    "field_update_date": QT_TRANSLATE_NOOP("Messages", "The update's date"),
    "field_step_out_reason": QT_TRANSLATE_NOOP("Messages", "The reason they step out ({n})"),
    "field_step_out_time": QT_TRANSLATE_NOOP("Messages", "The time they step out"),
    # --- rules (domain/rules.py)
    "empty": QT_TRANSLATE_NOOP("Messages", "{what} must not be empty"),
    "not_visible": QT_TRANSLATE_NOOP(
        "Messages", "{what} must hold a visible character (not only spaces)"
    ),
    "end_before_start": QT_TRANSLATE_NOOP(
        "Messages", "{what}: the end ({end}) is before the start ({start})"
    ),
    "year_out_of_range": QT_TRANSLATE_NOOP(
        "Messages", "{what}: the year {year} is outside {first}–{last}"
    ),
    "minutes_not_whole": QT_TRANSLATE_NOOP("Messages", "{what} must be a whole number of minutes"),
    "minutes_out_of_range": QT_TRANSLATE_NOOP("Messages", "{what} must be from 0 to {limit}"),
    "text_too_long": QT_TRANSLATE_NOOP(
        "Messages", "{what} is {length} characters long, more than the limit of {limit} characters"
    ),
    "no_chair": QT_TRANSLATE_NOOP("Messages", "No one has the chair role."),
    "no_minute_taker": QT_TRANSLATE_NOOP("Messages", "No one is taking the minutes."),
    # --- conferences (services/conferences.py)
    "case_needs_child": QT_TRANSLATE_NOOP("Messages", "A case needs at least one child."),
    "case_exists": QT_TRANSLATE_NOOP(
        "Messages", "A case with the reference {reference!r} already exists."
    ),
    "start_needs_zone": QT_TRANSLATE_NOOP("Messages", "The scheduled start needs a time zone."),
    "review_other_case": QT_TRANSLATE_NOOP(
        "Messages", "A review can only continue a conference of the same case."
    ),
    "update_needs_note": QT_TRANSLATE_NOOP("Messages", "An update needs a note or a new status."),
    "update_date_needs_zone": QT_TRANSLATE_NOOP("Messages", "The update's date needs a time zone."),
    "distribution_not_attendee": QT_TRANSLATE_NOOP(
        "Messages", "Only attendees of this conference can be on its distribution list."
    ),
    "not_plain_database": QT_TRANSLATE_NOOP(
        "Messages", "The file {name} is not a plain database: nothing to encrypt."
    ),
    "encrypt_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "The database could not be encrypted ({error}); it has not been changed. {advice}",
    ),
    "encrypt_mismatch": QT_TRANSLATE_NOOP(
        "Messages",
        "The encrypted copy of the database did not match it; the database has not been "
        "changed. {advice}",
    ),
    "not_a_text_section": QT_TRANSLATE_NOOP(
        "Messages",
        '"{section}" is not a section of these minutes that an agenda item\'s notes can go '
        "under. Choose one of: {allowed}; or none, for the discussion.",
    ),
    "meeting_before_conference": QT_TRANSLATE_NOOP(
        "Messages",
        "{what} ({date}) is before the conference ({held}). Choose a date on or after the "
        "conference.",
    ),
    "meeting_needs_zone": QT_TRANSLATE_NOOP("Messages", "{what} needs a time zone."),
    "review_before_core_group": QT_TRANSLATE_NOOP(
        "Messages",
        "The review conference ({review}) is booked before the core group meeting ({core}).",
    ),
    "export_left_out": QT_TRANSLATE_NOOP(
        "Messages", "Left out of the file, which has no place for them: {parts}."
    ),
    "part_outcomes": QT_TRANSLATE_NOOP("Messages", "the actions' outcomes"),
    "part_contingencies": QT_TRANSLATE_NOOP("Messages", "the actions' contingencies"),
    "part_core_group": QT_TRANSLATE_NOOP("Messages", "the core group meeting as booked"),
    "part_review": QT_TRANSLATE_NOOP("Messages", "the review conference as booked"),
    "part_comments_by": QT_TRANSLATE_NOOP("Messages", "the date comments are due by"),
    "part_sections": QT_TRANSLATE_NOOP("Messages", "the minutes section of {count} agenda item(s)"),
    "review_before_reviewed": QT_TRANSLATE_NOOP(
        "Messages",
        "The review's date ({start}) is before the conference it reviews (held {held}). "
        "Choose a date after that conference.",
    ),
    "step_out_before_arrival": QT_TRANSLATE_NOOP(
        "Messages",
        "They can only step out once they have arrived: check them in first, or correct the "
        "time they stepped out.",
    ),
    "back_before_out": QT_TRANSLATE_NOOP(
        "Messages",
        "They cannot come back ({back}) before they step out ({out}): correct one of the two "
        "times.",
    ),
    "already_out": QT_TRANSLATE_NOOP(
        "Messages", "They are already out of the room: record that they came back in first."
    ),
    "out_before_back_last": QT_TRANSLATE_NOOP(
        "Messages",
        "They step out at {out} before coming back from the last time ({back}): correct one of "
        "the two times.",
    ),
    "leave_before_arrive": QT_TRANSLATE_NOOP(
        "Messages",
        "They cannot leave ({left}) before they arrive ({arrived}): correct one of the two times.",
    ),
    "dissent_not_attendee": QT_TRANSLATE_NOOP(
        "Messages", "A dissent must come from an attendee of this conference."
    ),
    "owner_not_attendee": QT_TRANSLATE_NOOP(
        "Messages", "The action's owner must be an attendee of this conference."
    ),
    "due_in_past": QT_TRANSLATE_NOOP("Messages", "The due date {due} is in the past."),
    "scale_range": QT_TRANSLATE_NOOP("Messages", "A safety scale is from 0 to 10."),
    "scale_not_attendee": QT_TRANSLATE_NOOP(
        "Messages", "Only attendees of this conference can give a safety scale."
    ),
    "locked_delete": QT_TRANSLATE_NOOP(
        "Messages",
        "This conference is finalised and locked; reopen it (with a reason) to delete it.",
    ),
    "locked_change": QT_TRANSLATE_NOOP(
        "Messages",
        "This conference is finalised and locked; reopen it (with a reason) to change it.",
    ),
    "attendee_has_dissent": QT_TRANSLATE_NOOP(
        "Messages", "{name} recorded a dissent on a decision; remove the dissent first."
    ),
    "attendee_listed": QT_TRANSLATE_NOOP("Messages", "{name} ({agency}) is already listed."),
    "not_a_kind_value": QT_TRANSLATE_NOOP(
        "Messages", "{value!r} is not a {kind} value (allowed: {allowed})."
    ),
    "no_conference": QT_TRANSLATE_NOOP("Messages", "conference {id} does not exist"),
    "no_record": QT_TRANSLATE_NOOP("Messages", "{kind} {id} does not exist"),
    "actions_carried": QT_TRANSLATE_NOOP("Messages", "{count} open action(s) carried forward."),
    # --- minutes, circulation and amendments (services/minutes.py)
    "unknown_template": QT_TRANSLATE_NOOP(
        "Messages", "unknown template {name!r}; templates: {templates}"
    ),
    "closure_needs_reason": QT_TRANSLATE_NOOP(
        "Messages", "Say why the office was closed (e.g. typhoon signal 8)."
    ),
    "closure_exists": QT_TRANSLATE_NOOP("Messages", "{day} is already a closure day."),
    "no_recipient": QT_TRANSLATE_NOOP(
        "Messages", "Pick at least one recipient from the distribution list."
    ),
    "not_on_distribution": QT_TRANSLATE_NOOP(
        "Messages", "Not on the distribution list: {names}. Add them there first."
    ),
    "no_folder": QT_TRANSLATE_NOOP("Messages", "the folder {folder} does not exist"),
    "folder_is_a_file": QT_TRANSLATE_NOOP(
        "Messages", "{folder} is a file, not a folder: choose a file name in a folder"
    ),
    "folder_takes_no_files": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} cannot be written: the folder {folder} does not accept new files (a system "
        "folder?); choose a folder of your own",
    ),
    "amendment_needs_who": QT_TRANSLATE_NOOP("Messages", "Say who asked for the amendment."),
    "amendment_needs_what": QT_TRANSLATE_NOOP("Messages", "Say what they asked to change."),
    "minutes_final_amend": QT_TRANSLATE_NOOP(
        "Messages", "The minutes are final; reopen the conference to amend them."
    ),
    "ruling_needed": QT_TRANSLATE_NOOP(
        "Messages", "Give the chair's ruling (what was decided and why)."
    ),
    "minutes_already_final": QT_TRANSLATE_NOOP("Messages", "The minutes are already final."),
    "rulings_pending": QT_TRANSLATE_NOOP(
        "Messages", "{count} amendment request(s) still need the chair's ruling."
    ),
    "letter_needs_folder": QT_TRANSLATE_NOOP(
        "Messages",
        "The outcome letter goes to {count} recipients, one letter each: give a folder to "
        "write them into, or choose one recipient by attendee id ({recipients}).",
    ),
    "letter_needs_output": QT_TRANSLATE_NOOP(
        "Messages",
        "Say where to write the letters: -o FOLDER (one file per recipient) or -o FILE.docx "
        "for one letter (with --to ATTENDEE_ID when there are several).",
    ),
    "letter_not_a_recipient": QT_TRANSLATE_NOOP(
        "Messages",
        "Attendee {attendee} is not sent the outcome letter. The letter goes to: {recipients}.",
    ),
    "letter_no_recipients": QT_TRANSLATE_NOOP(
        "Messages",
        "Nobody is invited to receive the outcome letter: add the family and the professionals "
        "invited to the attendance list first.",
    ),
    "issued_file_exists": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} already exists; an issued document never replaces a file. Choose a new name.",
    ),
    "issue_after_final": QT_TRANSLATE_NOOP(
        "Messages",
        "The minutes are final (version {number}); reopen the conference to issue them again.",
    ),
    "no_such_version": QT_TRANSLATE_NOOP(
        "Messages", "Conference {conference} has no issued version {number}{copy}."
    ),
    "version_copy_needed": QT_TRANSLATE_NOOP(
        "Messages", "Version {number} has several copies ({copies}); say which with --copy."
    ),
    "save_needs_output": QT_TRANSLATE_NOOP(
        "Messages", "--save N needs -o FILE: where to write the version."
    ),
    "version_not_kept": QT_TRANSLATE_NOOP(
        "Messages",
        "Version {number} was recorded before issued documents were kept in the database; "
        "only its time and SHA-256 are on record.",
    ),
    "reopen_needs_reason": QT_TRANSLATE_NOOP(
        "Messages", "Reopening final minutes needs a reason, which is recorded."
    ),
    "not_finalised": QT_TRANSLATE_NOOP("Messages", "The conference is not finalised."),
    "no_libreoffice": QT_TRANSLATE_NOOP(
        "Messages",
        "PDF needs LibreOffice, which is not installed (no 'soffice' on the PATH). The Word "
        "file was written; install LibreOffice or print it to PDF from Word.",
    ),
    "pdf_timeout": QT_TRANSLATE_NOOP(
        "Messages", "LibreOffice did not finish converting {name} in time"
    ),
    "pdf_failed": QT_TRANSLATE_NOOP("Messages", "LibreOffice could not convert {name}: {error}"),
    "pdf_missing": QT_TRANSLATE_NOOP("Messages", "LibreOffice did not produce {name}"),
    "no_libreoffice_pdf": QT_TRANSLATE_NOOP(
        "Messages",
        "A PDF needs LibreOffice, which is not installed (no 'soffice' on the PATH), so nothing "
        "was written. Write a Word file (.docx) instead, or install LibreOffice.",
    ),
    # --- Word templates (export/template_checks.py, export/minutes.py, export/rendering.py)
    "template_syntax": QT_TRANSLATE_NOOP(
        "Messages", "{template}: the template has a syntax error in the tag {tag}: {error}"
    ),
    "template_syntax_near": QT_TRANSLATE_NOOP(
        "Messages",
        "{template}: the template has a syntax error near the text “{near}”: {error} (a tag "
        "such as {{%p if %}} or {{%tr for %}} must be alone in its paragraph or table row)",
    ),
    "template_unclosed": QT_TRANSLATE_NOOP(
        "Messages", "{template}: the template has a syntax error: a block is never closed. {error}"
    ),
    "template_unknown_field": QT_TRANSLATE_NOOP(
        "Messages",
        "{template}: the tag {tag} names {name}, which is not a field of this document. The "
        "fields are: {fields}.",
    ),
    "template_undefined": QT_TRANSLATE_NOOP(
        "Messages",
        "{template}: the template asks for {name}, which this document does not have: check "
        "the spelling of the tag in the template.",
    ),
    "template_too_big": QT_TRANSLATE_NOOP(
        "Messages",
        "{template}: the template asks for more than a document can hold ({error}), so it was "
        "stopped. Look for a loop inside a loop, or a long range(), in the template.",
    ),
    "template_too_slow": QT_TRANSLATE_NOOP(
        "Messages",
        "{template}: filling in the template took longer than {seconds} seconds, so it was "
        "stopped. Look for a loop inside a loop, or a long range(), in the template.",
    ),
    "template_unsafe": QT_TRANSLATE_NOOP(
        "Messages", "{template}: the template tries something templates may not do: {error}"
    ),
    "template_failed": QT_TRANSLATE_NOOP(
        "Messages", "{template}: the template could not be filled in: {error}"
    ),
    "template_unusable": QT_TRANSLATE_NOOP(
        "Messages", "{template}: not a usable Word template ({error})"
    ),
    "template_not_docx": QT_TRANSLATE_NOOP(
        "Messages", "{template}: not a Word (.docx) file ({error})"
    ),
    "template_no_kind": QT_TRANSLATE_NOOP(
        "Messages",
        "{template} does not say what it is for: put {{# mdcc kind: minutes #}} or "
        "{{# mdcc kind: letter #}} in its first paragraph.",
    ),
    "template_wrong_kind": QT_TRANSLATE_NOOP(
        "Messages",
        "{template} is a {declared} template, not a {wanted} template: choose a {wanted} template.",
    ),
    "template_cancelled": QT_TRANSLATE_NOOP(
        "Messages", "Filling in {template} was cancelled; nothing was written."
    ),
    "template_crashed": QT_TRANSLATE_NOOP(
        "Messages",
        "{template}: the template could not be filled in: the process doing it stopped "
        "(exit code {code}), perhaps out of memory. Look for a loop inside a loop in the "
        "template.",
    ),
    # --- the action tracker (services/tracker.py)
    "status_unchanged": QT_TRANSLATE_NOOP(
        "Messages", "The status is unchanged: add a note to record progress."
    ),
    "done_in_future": QT_TRANSLATE_NOOP("Messages", "An action cannot be done in the future."),
    "due_move_needs_reason": QT_TRANSLATE_NOOP(
        "Messages", "Say why the due date moves; it is kept in the history."
    ),
    "new_owner_not_attendee": QT_TRANSLATE_NOOP(
        "Messages", "The new owner must be an attendee of the action's conference."
    ),
    "unknown_format": QT_TRANSLATE_NOOP(
        "Messages", "Unknown export format {format!r}: use one of {formats}."
    ),
    # --- the data folder (services/context.py)
    "data_dir_unusable": QT_TRANSLATE_NOOP(
        "Messages",
        "The data folder {folder} cannot be created or written: {error}. Choose another with "
        "--data-dir or MDCC_DATA_DIR.",
    ),
    "data_dir_is_file": QT_TRANSLATE_NOOP(
        "Messages",
        "The data folder {folder} cannot be created or written: {file} is a file, not a folder. "
        "Move the file away, or choose another folder with --data-dir or MDCC_DATA_DIR. Nothing "
        "was changed.",
    ),
    "data_dir_read_only": QT_TRANSLATE_NOOP(
        "Messages",
        "The data folder {folder} is read-only, so nothing could be saved. Make it writable (or "
        "copy it to a writable place and choose that with --data-dir or MDCC_DATA_DIR); nothing "
        "was changed.",
    ),
    "data_dir_full": QT_TRANSLATE_NOOP(
        "Messages",
        "The disk holding the data folder {folder} is full. Free some space and try again; "
        "nothing was changed.",
    ),
    # --- the store (store/store.py, store/connection.py, store/migrations.py)
    "db_missing": QT_TRANSLATE_NOOP(
        "Messages", "The database file {path} is missing: it cannot be opened."
    ),
    "db_closed": QT_TRANSLATE_NOOP(
        "Messages",
        "The database is closed (MDCC Desktop is locked or shutting down): unlock it and try "
        "again.",
    ),
    "db_gone": QT_TRANSLATE_NOOP(
        "Messages",
        "The database file {path} is missing: it was moved or deleted while it was closed. Put "
        "it back and try again.",
    ),
    "no_encryption": QT_TRANSLATE_NOOP(
        "Messages",
        "This copy of MDCC Desktop cannot open an encrypted database: it was built without "
        "encryption support (SQLCipher). The file has not been changed.",
    ),
    "schema_too_new": QT_TRANSLATE_NOOP(
        "Messages",
        "This database was written by a newer version of MDCC Desktop (schema {schema}; this "
        "version knows {known}). Install the newer version to open it; the file has not been "
        "changed.",
    ),
    # --- files read and written (services/files.py)
    "name_too_long_write": QT_TRANSLATE_NOOP(
        "Messages",
        "the file name is too long to write: {name}… (choose a shorter name)",
    ),
    "name_too_long_read": QT_TRANSLATE_NOOP(
        "Messages",
        "the file name is too long to read: {name}… (choose a shorter name)",
    ),
    "file_disk_full": QT_TRANSLATE_NOOP("Messages", "the disk is full: {path} was not written"),
    "file_read_only_disk": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} cannot be written: the disk or folder is read-only. Choose another folder; "
        "nothing was written",
    ),
    "file_denied_write": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} cannot be written (permission denied): is the folder read-only, or is the file "
        "open in another program such as Word?",
    ),
    "file_denied_read": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} cannot be read (permission denied): is the folder read-only, or is the file "
        "open in another program such as Word?",
    ),
    "file_cannot_write": QT_TRANSLATE_NOOP("Messages", "{path} cannot be written: {error}"),
    "file_cannot_read": QT_TRANSLATE_NOOP("Messages", "{path} cannot be read: {error}"),
    "file_missing": QT_TRANSLATE_NOOP("Messages", "{path} does not exist"),
    "not_a_file": QT_TRANSLATE_NOOP("Messages", "{path} is {kind}, not a file"),
    "file_too_big": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is larger than {size}, the most a {what} may be",
    ),
    "export_not_file": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is {kind}: exports are written only to files; choose a file name",
    ),
    "export_is_folder": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is a folder; give a file name such as {example}",
    ),
    "dangling_link": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is a link to {real}, which does not exist",
    ),
    "export_read_only": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is read-only; choose another name or make it writable",
    ),
    # --- exchange files (services/exchange.py)
    "json_duplicate_key": QT_TRANSLATE_NOOP(
        "Messages",
        "(file): the key {key!r} appears twice in one object",
    ),
    "json_not_number": QT_TRANSLATE_NOOP("Messages", "(file): {name} is not a JSON number"),
    "file_empty": QT_TRANSLATE_NOOP("Messages", "(file): the file is empty"),
    "not_utf8": QT_TRANSLATE_NOOP(
        "Messages",
        "(file): not UTF-8 text (byte {byte}); is this an exchange file?",
    ),
    "not_json": QT_TRANSLATE_NOOP(
        "Messages",
        "(file): not valid JSON at line {line}, column {column}: {error}",
    ),
    "json_too_nested": QT_TRANSLATE_NOOP(
        "Messages",
        "(file): nested too deeply to be an exchange file",
    ),
    "json_number_too_long": QT_TRANSLATE_NOOP(
        "Messages",
        "(file): holds a number too long to read (more than 4,300 digits)",
    ),
    "json_not_object": QT_TRANSLATE_NOOP(
        "Messages",
        "(file): the file must hold one JSON object, not a list or a value",
    ),
    "json_too_deep": QT_TRANSLATE_NOOP(
        "Messages",
        "(file): nested {depth} levels deep; an exchange file has at most {limit}",
    ),
    "file_too_large": QT_TRANSLATE_NOOP(
        "Messages",
        "(file): {size} bytes is larger than the limit of {limit} bytes ({megabytes} MB) for an"
        " exchange file",
    ),
    "in_the_file": QT_TRANSLATE_NOOP("Messages", "(file): {problem}"),
    # --- the disclosure log and the chair (services/disclosure.py)
    "logo_not_png": QT_TRANSLATE_NOOP(
        "Messages", "The logo must be a picture (PNG, JPEG, …); that file is not one."
    ),
    "logo_too_big": QT_TRANSLATE_NOOP(
        "Messages", "The logo is larger than {limit} MB: choose a smaller picture."
    ),
    "reporter_identity_needs_reason": QT_TRANSLATE_NOOP(
        "Messages",
        "Say why the reporter's identity is included: disclosing it can be an offence "
        "(Cap. 650, s.11), so the reason is kept in the disclosure log. Nothing was exported.",
    ),
    "chair_name_too_long": QT_TRANSLATE_NOOP(
        "Messages", "The chair's name is longer than {limit} characters: shorten it."
    ),
    "chair_email_invalid": QT_TRANSLATE_NOOP(
        "Messages",
        "{email} is not an e-mail address: give one such as name@example.org, or leave it empty.",
    ),
    "log_format_unknown": QT_TRANSLATE_NOOP(
        "Messages", "The disclosure log is exported as {formats}, not {format}."
    ),
    "log_changed": QT_TRANSLATE_NOOP(
        "Messages",
        "The disclosure log was changed: entry {entry} {problem}.",
    ),
    "log_cut_short": QT_TRANSLATE_NOOP(
        "Messages",
        "The disclosure log was changed: it ends at entry {entry} but {expected} entries were "
        "written (the last ones were removed).",
    ),
    "integrity_problem": QT_TRANSLATE_NOOP(
        "Messages", "SQLite's integrity check found a problem: {problem}"
    ),
    "foreign_key_problem": QT_TRANSLATE_NOOP(
        "Messages",
        "A row of {table} (row {row}) refers to a row of {parent} that does not exist.",
    ),
    # --- the database (store/errors.py)
    "db_locked": QT_TRANSLATE_NOOP(
        "Messages",
        "The database is in use by another program or another MDCC Desktop window. "
        "Close the other one and try again.",
    ),
    "disk_full": QT_TRANSLATE_NOOP(
        "Messages",
        "The disk is full: the last change was not saved. Free some space and try again; "
        "nothing saved before it is lost.",
    ),
    "read_only": QT_TRANSLATE_NOOP(
        "Messages",
        "The database file or its folder is read-only: changes cannot be saved. "
        "Check the folder's permissions.",
    ),
    "wrong_key": QT_TRANSLATE_NOOP(
        "Messages",
        "The password does not open the database file (or the file is not an "
        "MDCC Desktop database). Check the password and try again; the file has not "
        "been changed.",
    ),
    "not_a_database": QT_TRANSLATE_NOOP(
        "Messages",
        "The database file is damaged or is not an MDCC Desktop database. {advice}",
    ),
    "db_empty": QT_TRANSLATE_NOOP(
        "Messages",
        "The database file {path} is empty (0 bytes): its contents were lost, for example by an "
        "interrupted copy or sync. It has not been changed. {advice}",
    ),
    "integrity_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "The database file is damaged (SQLite's integrity check failed). It has not been "
        "changed. {advice}",
    ),
    "db_damaged": QT_TRANSLATE_NOOP("Messages", "The database file is damaged. {advice}"),
    "text_damaged": QT_TRANSLATE_NOOP(
        "Messages", "Some text in the database file is damaged and cannot be read. {advice}"
    ),
    "cannot_open": QT_TRANSLATE_NOOP(
        "Messages",
        "The database file cannot be opened: check that its folder exists and is writable.",
    ),
    "disk_io": QT_TRANSLATE_NOOP(
        "Messages",
        "The disk could not read or write the database file (an input/output error), so "
        "the last change may not have been saved. Check that the drive or network share "
        "holding the data folder is connected and working, then try again.",
    ),
    "restore_from_backup": QT_TRANSLATE_NOOP(
        "Messages",
        "Close MDCC Desktop and restore it from the backups folder: the newest backup is {backup}.",
    ),
    "no_backup": QT_TRANSLATE_NOOP(
        "Messages",
        "There is no backup in the backups folder{where}: keep a copy of the file and ask for "
        "help recovering it.",
    ),
    # --- backups and restoring them (store/backup.py, services/backups.py)
    "backup_disk_full": QT_TRANSLATE_NOOP(
        "Messages",
        "The disk is full: the backup {path} was not made (nothing was changed). Free some "
        "space, or choose another backups folder in the settings, and try again.",
    ),
    "backup_read_only": QT_TRANSLATE_NOOP(
        "Messages",
        "The backups folder {folder} is read-only: no backup was made (nothing was changed). "
        "Check the folder's permissions, or choose another backups folder in the settings.",
    ),
    "backup_folder_is_file": QT_TRANSLATE_NOOP(
        "Messages",
        "The backups folder {folder} is a file, not a folder: no backup was made. Move the "
        "file away or choose another backups folder in the settings.",
    ),
    "backup_cannot_write": QT_TRANSLATE_NOOP(
        "Messages", "The backup {path} could not be made: {error}. Nothing was changed."
    ),
    "backup_copy_damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "The copy {path} did not pass the integrity check, so it was not kept. The disk may be "
        "failing: make a copy of the data folder elsewhere.",
    ),
    "backup_missing": QT_TRANSLATE_NOOP("Messages", "There is no backup file {path}."),
    "backup_not_a_file": QT_TRANSLATE_NOOP(
        "Messages", "{path} is not a file: choose a backup file to restore."
    ),
    "backup_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "The backup {path} cannot be read: {error}. Nothing was changed."
    ),
    "backup_not_encrypted": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is not encrypted, so it is not a backup of this data folder (every backup is "
        "encrypted with the folder's key). Nothing was changed.",
    ),
    "backup_wrong_key": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} does not open with this data folder's key: it is a backup of another data "
        "folder, or not an MDCC Desktop backup. Restore it into the folder it came from (with "
        "that folder's key file). Nothing was changed.",
    ),
    "backup_damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup {path} is damaged (it fails SQLite's integrity check): it cannot be "
        "restored. Choose another backup; nothing was changed.",
    ),
    "backup_not_mdcc": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} opens with this folder's key but holds no MDCC Desktop data: it cannot be "
        "restored. Nothing was changed.",
    ),
    "backup_too_new": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup {path} was made by a newer version of MDCC Desktop (schema {schema}; this "
        "version knows {known}): install the newer version to restore it. Nothing was changed.",
    ),
    "backup_is_the_database": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is the database itself, not a backup: choose a file in the backups folder.",
    ),
    "restore_while_open": QT_TRANSLATE_NOOP(
        "Messages",
        "MDCC Desktop is open on the data folder {folder}: close it first, or restore from its "
        "File menu. Nothing was changed.",
    ),
    "backup_target_exists": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} exists already: a backup never replaces a file. Choose a new file name.",
    ),
    # --- the key file and the passphrase (store/keys.py, services/protection.py)
    "key_file_entry_not_object": QT_TRANSLATE_NOOP(
        "Messages", "The key file's {where} entry is not an object."
    ),
    "key_file_unknown_method": QT_TRANSLATE_NOOP(
        "Messages", "The key file's {where} entry uses a method this app does not know."
    ),
    "key_file_out_of_range": QT_TRANSLATE_NOOP(
        "Messages", "The key file's {where} is out of range."
    ),
    "key_file_not_ours": QT_TRANSLATE_NOOP(
        "Messages", "The key file is not an MDCC Desktop key file."
    ),
    "key_file_version": QT_TRANSLATE_NOOP(
        "Messages",
        "The key file is version {version!r}; this app reads version {supported}. Install the "
        "version of MDCC Desktop that wrote it.",
    ),
    "key_file_bad_id": QT_TRANSLATE_NOOP("Messages", "The key file's key_id is not valid."),
    "key_file_missing": QT_TRANSLATE_NOOP("Messages", "There is no key file at {path}."),
    "key_file_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "The key file {path} cannot be read: {error}."
    ),
    "key_file_too_large": QT_TRANSLATE_NOOP(
        "Messages", "The key file is too large to be one this app wrote."
    ),
    "key_file_not_json": QT_TRANSLATE_NOOP("Messages", "The key file is damaged (not valid JSON)."),
    "key_file_part_missing": QT_TRANSLATE_NOOP("Messages", "The key file's {where} is missing."),
    "key_file_not_base64": QT_TRANSLATE_NOOP(
        "Messages", "The key file's {where} is not valid base 64."
    ),
    "key_file_wrong_length": QT_TRANSLATE_NOOP(
        "Messages", "The key file's {where} has the wrong length."
    ),
    "key_file_gone": QT_TRANSLATE_NOOP(
        "Messages",
        "The database in {folder} is encrypted but its key file ({name}) is missing, so it "
        "cannot be opened. Put the key file back from a copy of the data folder; nothing has "
        "been changed.",
    ),
    "passphrase_too_short": QT_TRANSLATE_NOOP(
        "Messages", "The passphrase must have at least {n} characters."
    ),
    "passphrase_control_characters": QT_TRANSLATE_NOOP(
        "Messages", "The passphrase cannot hold control characters."
    ),
    "wrong_passphrase": QT_TRANSLATE_NOOP(
        "Messages", "That passphrase does not open this data folder."
    ),
    "key_file_not_this_database": QT_TRANSLATE_NOOP(
        "Messages",
        "The passphrase opens the key file ({name}) in {folder}, but that key does not open the "
        "database there: the key file belongs to another data folder, or the database was "
        "replaced. Put back this folder's own key file and database from one copy of the data "
        "folder; nothing has been changed.",
    ),
    "wrong_recovery_code": QT_TRANSLATE_NOOP(
        "Messages", "That recovery code does not open this data folder."
    ),
    "already_set_up": QT_TRANSLATE_NOOP(
        "Messages", "This data folder already has a passphrase; change it instead."
    ),
    "wait_before_trying": QT_TRANSLATE_NOOP(
        "Messages", "Too many wrong tries: wait {seconds} second(s) before trying again."
    ),
    # --- the command line's unlocking (cli_unlock.py)
    "passphrase_file_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "The passphrase file {path} cannot be read: {error}."
    ),
    "passphrase_file_too_large": QT_TRANSLATE_NOOP(
        "Messages", "The passphrase file {path} is too large to hold a passphrase."
    ),
    "passphrase_file_not_utf8": QT_TRANSLATE_NOOP(
        "Messages", "The passphrase file {path} is not UTF-8 text."
    ),
    "passphrase_file_empty": QT_TRANSLATE_NOOP("Messages", "The passphrase file {path} is empty."),
    "passphrases_differ": QT_TRANSLATE_NOOP(
        "Messages", "The two passphrases differ: nothing was changed."
    ),
    "no_new_passphrase": QT_TRANSLATE_NOOP(
        "Messages",
        "The data folder is to be encrypted with a passphrase of your choice: give it with "
        "--passphrase-file FILE or the {variable} environment variable, or run mdcc in a "
        "terminal to be asked.",
    ),
    "no_passphrase": QT_TRANSLATE_NOOP(
        "Messages",
        "The data folder is encrypted: give its passphrase with --passphrase-file FILE or the "
        "{variable} environment variable, or run mdcc in a terminal to be asked.",
    ),
}


@dataclass(frozen=True, eq=False)
class Message:
    """One message: its catalogue id and the values of its placeholders. ``str()`` is English,
    and a message equals its English text (and another message of the same text), so code and
    tests that compare what a service said with a sentence keep working."""

    id: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.id not in CATALOGUE:
            raise KeyError(f"no message {self.id!r} in the catalogue")

    def __str__(self) -> str:
        return render(self, lambda template: template)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Message | str):
            return str(self) == str(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(str(self))

    @property
    def template(self) -> str:
        return CATALOGUE[self.id]


def msg(message_id: str, **params: Any) -> Message:
    """The message ``message_id`` with its placeholders' values."""
    return Message(message_id, params)


def render(message: Message | str, translate: Callable[[str], str]) -> str:
    """``message`` with ``translate`` applied to its template (and to those of the messages in
    its parameters), then the parameters filled in. A plain string is returned as it is. A
    translated template naming a placeholder the message lacks shows it as written, never
    fails."""
    if isinstance(message, str):
        return message
    values = {
        key: render(value, translate) if isinstance(value, Message) else value
        for key, value in message.params.items()
    }
    template = translate(message.template)
    try:
        return string.Formatter().vformat(template, (), _Lenient(values))
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        # A broken translation ("{due", "{0}", "{due.year}"): the English instead.
        return string.Formatter().vformat(message.template, (), _Lenient(values))


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def placeholders(template: str) -> set[str]:
    """The names of a template's placeholders."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
