"""Reading a TOML table with typed getters that name the place of every error, and refuse unknown keys."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from haven_core.assessment import vocabulary as v
from haven_core.assessment.rules import Basis, Text
from haven_core.dates import PartialDate, PartialDateError


class RulesError(ValueError):
    """The rules file is wrong; the message names the place (``provisions[2] (CC 207.3).tags``) and why."""


class Table:
    """A TOML table being read: typed getters that name the path on error, and a check for unknown keys."""

    def __init__(self, data: Any, path: str) -> None:
        if not isinstance(data, Mapping):
            raise RulesError(f"{path}: expected a table, found {type(data).__name__}")
        self.data, self.path, self.seen = data, path, set[str]()

    def fail(self, key: str, message: str) -> RulesError:
        return RulesError(f"{self.path}.{key}: {message}" if key else f"{self.path}: {message}")

    def raw(self, key: str, required: bool = True) -> Any:
        self.seen.add(key)
        if key not in self.data:
            if required:
                raise self.fail(key, "missing")
            return None
        return self.data[key]

    def string(self, key: str, required: bool = True) -> str:
        value = self.raw(key, required)
        if value is None:
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(key, "expected non-empty text")
        return value

    def whole(self, key: str, required: bool = True) -> int | None:
        value = self.raw(key, required)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(key, f"expected a whole number of 0 or more, found {value!r}")
        return value

    def need_whole(self, key: str) -> int:
        value = self.whole(key)
        assert value is not None
        return value

    def number(self, key: str, *, at_most: float | None = None) -> float:
        value = self.raw(key)
        if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
            raise self.fail(key, f"expected a number of 0 or more, found {value!r}")
        if at_most is not None and value > at_most:
            raise self.fail(key, f"expected at most {at_most}, found {value}")
        return float(value)

    def flag(self, key: str) -> bool:
        value = self.raw(key, required=False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(key, "expected true or false")
        return value

    def date(self, key: str, required: bool = False) -> PartialDate | None:
        value = self.raw(key, required)
        if value is None:
            return None
        try:
            return PartialDate.parse(str(value))
        except PartialDateError as exc:
            raise self.fail(key, f"not a date: {exc}") from None

    def strs(
        self, key: str, *, known: frozenset[str] | None = None, required: bool = True
    ) -> tuple[str, ...]:
        value = self.raw(key, required)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(key, "expected a list of text")
        if known is not None and (unknown := sorted(set(value) - known)):
            raise self.fail(key, f"unknown {', '.join(repr(u) for u in unknown)}; known: {sorted(known)}")
        return tuple(value)

    def text(self, key: str, required: bool = True) -> Text | None:
        if self.raw(key, required) is None:
            return None
        table = self.table(key)
        text = table.words()
        table.done()
        return text

    def words(self) -> Text:
        """This table's ``en`` and ``ru`` texts (required) and ``fr`` (optional, but not empty if given)."""
        french = self.string("fr", required=False)
        if "fr" in self.data and not french.strip():
            raise self.fail("fr", "expected non-empty text (or leave fr out: the English is shown)")
        return Text(en=self.string("en"), ru=self.string("ru"), fr=french)

    def need_text(self, key: str) -> Text:
        text = self.text(key)
        assert text is not None
        return text

    def table(self, key: str) -> Table:
        return Table(self.raw(key), f"{self.path}.{key}" if self.path else key)

    def tables(self, key: str, name_key: str = "id") -> Iterator[Table]:
        items = self.raw(key)
        if not isinstance(items, list):
            raise self.fail(key, "expected a list of tables ([[...]])")
        for i, item in enumerate(items):
            label = item.get(name_key) if isinstance(item, Mapping) else None
            yield Table(item, f"{key}[{i}]" + (f" ({label})" if label else ""))

    def basis(self, prefix: str = "", kind: str = "domain") -> Basis:
        confidence = self.string(f"{prefix}confidence")
        if confidence not in v.CONFIDENCES:
            raise self.fail(f"{prefix}confidence", f"expected one of {sorted(v.CONFIDENCES)}")
        basis_kind = self.string(f"{prefix}basis", required=False) or kind
        if basis_kind not in v.BASES:
            raise self.fail(f"{prefix}basis", f"expected one of {sorted(v.BASES)}")
        cites = self.string(f"{prefix}cites", required=False)
        return Basis(
            source=self.string(f"{prefix}source"),
            confidence=confidence,
            cites=cites,
            kind=basis_kind,
            cite=self.strs(f"{prefix}cite"),
        )

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.seen)
        if unknown:
            raise self.fail("", f"unknown key {', '.join(repr(k) for k in unknown)}")
