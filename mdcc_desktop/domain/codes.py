"""Patterns of codes the settings and the profiles share (a module of its own, so that reading
the settings at start does not import the profile parser and the models behind it)."""

from __future__ import annotations

import re

PROFILE_CODE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
