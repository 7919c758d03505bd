"""The first run of a new data folder: a short welcome in three steps.

1. :class:`~.dialogs.LanguageDialog`, before anything is written: the language of the interface
   (switched at once, so the next steps speak it).
2. The set-up screen of ``ui/unlock`` (the passphrase, then the recovery code shown once with a
   check that it was written down). Leaving before its end leaves the folder as it was.
3. :class:`~.dialogs.AboutYouDialog`, once the folder is open: the organisation, the chair's
   name and e-mail, the default jurisdiction, and the offer to open the demo conference.

Settings' ``first_run`` says how far it went: "started" once the passphrase is set, "done" at
the end (or when the chair chose to skip the last step); a start on a folder left at "started"
shows the last step again, and a folder whose first run is done never sees it again.
"""
