"""A quick "valid" for an exchange file: its JSON Schema compiled into plain Python checks.

jsonschema walks every value through its general machinery, about 80 µs an action: eight
seconds for a conference with 100,000 actions. The exchange schema uses a small part of JSON
Schema (types, required and listed properties, enums, patterns, formats, lengths, bounds,
items, local ``$ref``), which compiles here into closures that only answer "valid or not",
some fifty times faster.

It never words a problem: when it answers no, the caller runs jsonschema as before to report
each problem with its path. So it may be stricter than jsonschema (a float 1.0 where an integer
is wanted is "no" here and left to jsonschema), never looser; a schema with a keyword it does
not know does not compile at all, and then jsonschema does everything.
"""

from __future__ import annotations

import numbers
import operator
import re
from collections.abc import Callable
from typing import Any, Protocol

Check = Callable[[Any], bool]

# Keywords that say nothing about validity.
_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$comment", "$defs", "title", "description", "default", "examples"}
)
_KNOWN = _ANNOTATIONS | {
    "type",
    "enum",
    "const",
    "pattern",
    "format",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minItems",
    "maxItems",
    "uniqueItems",
    "items",
    "properties",
    "required",
    "additionalProperties",
    "$ref",
}
# Python types each JSON type accepts here: exactly, no subclasses (bool is an int in Python).
_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


class FormatChecker(Protocol):
    def conforms(self, instance: object, format: str) -> bool: ...


class UnsupportedError(Exception):
    """The schema uses something this module does not compile."""


def compile_schema(schema: dict[str, Any], formats: FormatChecker) -> Check | None:
    """A function that says True only of documents valid against ``schema`` (None: the schema
    uses a keyword this module does not know, so use jsonschema)."""
    try:
        return _Compiler(schema, formats).compile(schema)
    except UnsupportedError:
        return None


def _all(checks: list[Check]) -> Check:
    if not checks:
        return lambda value: True
    first, rest = checks[0], checks[1:]
    if not rest:
        return first
    then = _all(rest)
    return lambda value: first(value) and then(value)


def _same_primitive(a: Any, b: Any) -> bool:
    """Equal in JSON's sense, for the values taken here (stricter: 1 and 1.0 differ)."""
    return type(a) is type(b) and a == b


def _is_number(value: Any) -> bool:
    return type(value) in (int, float)


class _Compiler:
    def __init__(self, root: dict[str, Any], formats: FormatChecker) -> None:
        self.root = root
        self.formats = formats
        self.refs: dict[str, Check] = {}

    def compile(self, node: Any) -> Check:
        if node is True:
            return lambda value: True
        if node is False:
            return lambda value: False
        if not isinstance(node, dict) or set(node) - _KNOWN:
            raise UnsupportedError(node)
        checks: list[Check] = []
        if "$ref" in node:
            checks.append(self._ref(node["$ref"]))
        if "type" in node:
            names = node["type"] if isinstance(node["type"], list) else [node["type"]]
            if any(n not in _TYPES for n in names):
                raise UnsupportedError(names)
            allowed = tuple(t for n in names for t in _TYPES[n])
            checks.append(lambda value: type(value) in allowed)
        if "enum" in node or "const" in node:
            options = node["enum"] if "enum" in node else [node["const"]]
            if not isinstance(options, list):
                raise UnsupportedError(options)
            strings = frozenset(o for o in options if type(o) is str)
            others = [o for o in options if type(o) in (int, float, bool, type(None))]

            def one_of(value: Any) -> bool:
                if type(value) is str:
                    return value in strings
                return any(_same_primitive(value, o) for o in others)

            checks.append(one_of)
        checks += self._string(node)
        checks += self._number(node)
        checks += self._array(node)
        if {"properties", "required", "additionalProperties"} & set(node):
            checks.append(self._object(node))
        return _all(checks)

    def _ref(self, ref: Any) -> Check:
        if not isinstance(ref, str) or not ref.startswith("#"):
            raise UnsupportedError(ref)
        if ref not in self.refs:
            target: Any = self.root
            for raw in filter(None, ref[1:].split("/")):
                part = raw.replace("~1", "/").replace("~0", "~")
                if not isinstance(target, dict) or part not in target:
                    raise UnsupportedError(ref)
                target = target[part]
            compiled: list[Check] = []
            self.refs[ref] = lambda value: compiled[0](value)  # a reference may recur
            compiled.append(self.compile(target))
        return self.refs[ref]

    def _string(self, node: dict[str, Any]) -> list[Check]:
        checks: list[Check] = []
        if "pattern" in node:
            search = re.compile(node["pattern"]).search  # jsonschema's own re.search
            checks.append(
                lambda value: (
                    not isinstance(value, str) or (type(value) is str and search(value) is not None)
                )
            )
        if "format" in node:
            name, formats = node["format"], self.formats
            checks.append(lambda value: formats.conforms(value, name))
        low, high = node.get("minLength"), node.get("maxLength")
        if low is not None or high is not None:
            low = low or 0
            high = high if high is not None else float("inf")
            checks.append(
                lambda value: (
                    not isinstance(value, str) or (type(value) is str and low <= len(value) <= high)
                )
            )
        return checks

    def _number(self, node: dict[str, Any]) -> list[Check]:
        tests: dict[str, Callable[[Any, Any], bool]] = {
            "minimum": operator.ge,
            "maximum": operator.le,
            "exclusiveMinimum": operator.gt,
            "exclusiveMaximum": operator.lt,
        }
        bounds = [(node[k], op) for k, op in tests.items() if k in node]
        if not bounds:
            return []

        def within(value: Any) -> bool:
            if _is_number(value):
                return all(op(value, bound) for bound, op in bounds)
            # Not a number to jsonschema (bool, text, ...) passes; an odd number type is "no".
            return isinstance(value, bool) or not isinstance(value, numbers.Number)

        return [within]

    def _array(self, node: dict[str, Any]) -> list[Check]:
        checks: list[Check] = []
        low, high = node.get("minItems"), node.get("maxItems")
        if low is not None or high is not None:
            low = low or 0
            high = high if high is not None else float("inf")
            checks.append(
                lambda value: (
                    not isinstance(value, list)
                    or (type(value) is list and low <= len(value) <= high)
                )
            )
        if node.get("uniqueItems") is True:
            # Only lists of text are settled here; anything else goes to jsonschema.
            checks.append(
                lambda value: (
                    not isinstance(value, list)
                    or (
                        type(value) is list
                        and all(type(v) is str for v in value)
                        and len(set(value)) == len(value)
                    )
                )
            )
        if "items" in node:
            item = self.compile(node["items"])
            checks.append(
                lambda value: (
                    not isinstance(value, list) or (type(value) is list and all(map(item, value)))
                )
            )
        return checks

    def _object(self, node: dict[str, Any]) -> Check:
        listed = node.get("properties", {})
        required = node.get("required", [])
        if not isinstance(listed, dict) or not isinstance(required, list):
            raise UnsupportedError(node)
        properties = {k: self.compile(v) for k, v in listed.items()}
        extra_schema = node.get("additionalProperties", True)
        extra = None if extra_schema is True else self.compile(extra_schema)

        def check(value: Any) -> bool:
            if type(value) is not dict:
                return not isinstance(value, dict)  # a dict subclass: leave it to jsonschema
            for key in required:
                if key not in value:
                    return False
            for key, item in value.items():
                known = properties.get(key)
                if known is not None:
                    if not known(item):
                        return False
                elif extra is not None and not extra(item):
                    return False
            return True

        return check
