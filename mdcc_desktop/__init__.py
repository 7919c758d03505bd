"""MDCC Desktop: the chair's record of a multi-disciplinary child-protection case conference."""

__version__ = "0.1.0"
APP_NAME = "MDCC Desktop"
APP_ID = "mdcc-desktop"
