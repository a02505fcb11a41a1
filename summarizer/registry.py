"""Registries: the one list of names, with their aliases, of the readers, the renderers and the engines.

Each kind has one registry in its package's ``__init__``; the command line, the service, the settings and the
docs take their choices from it, so adding a reader, a renderer or an engine is its own module plus one line.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Generic, Protocol, TypeVar


class Named(Protocol):
    """What a registry holds: an entry that knows its own name and the aliases a user may type for it."""

    @property
    def name(self) -> str: ...

    @property
    def aliases(self) -> tuple[str, ...]: ...


EntryT = TypeVar("EntryT", bound=Named)


class UnknownName(LookupError):
    """A name that no entry of a registry has; the message lists the choices."""


class Registry(Generic[EntryT]):
    """Entries by name, in the order they were registered; names and aliases are matched case-insensitively."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._entries: dict[str, EntryT] = {}
        self._aliases: dict[str, str] = {}

    def register(self, entry: EntryT) -> EntryT:
        """Add an entry under its name and aliases; a name already taken is a programming error."""
        for key in (entry.name, *entry.aliases):
            if key != key.lower() or key in self._entries or key in self._aliases:
                raise ValueError(f"{self.kind} {key!r} is registered already or not lower-case")
        self._entries[entry.name] = entry
        self._aliases.update(dict.fromkeys(entry.aliases, entry.name))
        return entry

    @contextmanager
    def registered(self, entry: EntryT) -> Iterator[EntryT]:
        """Register an entry for the duration of a with-block (a plugin's tests, a one-off run)."""
        self.register(entry)
        try:
            yield entry
        finally:
            del self._entries[entry.name]
            for alias in entry.aliases:
                del self._aliases[alias]

    def resolve(self, name: str) -> str:
        """The registered name for a name or an alias; UnknownName if none."""
        key = name.strip().lower()
        key = self._aliases.get(key, key)
        if key not in self._entries:
            raise UnknownName(f"unknown {self.kind} {name!r} (choose from: {', '.join(self.names())})")
        return key

    def get(self, name: str) -> EntryT:
        """The entry for a name or an alias; UnknownName if none."""
        return self._entries[self.resolve(name)]

    def names(self) -> tuple[str, ...]:
        """The registered names, in registration order."""
        return tuple(self._entries)

    def choices(self) -> tuple[str, ...]:
        """The names and then the aliases: what a user may type."""
        return (*self._entries, *self._aliases)

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        key = name.strip().lower()
        return key in self._entries or key in self._aliases

    def __iter__(self) -> Iterator[EntryT]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)
