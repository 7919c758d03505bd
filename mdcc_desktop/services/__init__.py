"""Use cases shared by the GUI and the ``mdcc`` command line; no widgets here."""
