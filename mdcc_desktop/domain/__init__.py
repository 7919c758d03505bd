"""Plain dataclasses, enums and rules of the domain: no Qt, no SQL."""
