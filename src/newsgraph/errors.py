"""newsgraph's one exception tree.

Every message says what is wrong and what to do about it::

    NewsgraphError
    ├── ConfigError        an option or setting has a value newsgraph cannot use
    ├── InputError         an input path or stream cannot be read at all
    ├── StoreError         the database cannot be opened, migrated or written
    │   └── NotFoundError  a document or fact asked for is not in the database
    └── MissingDependency  an optional extra is needed and not installed

Bad *records* inside readable inputs are not exceptions: they become
:class:`newsgraph.model.Rejection` values and go to the quarantine table.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""


class ConfigError(NewsgraphError):
    """An option or setting has a value newsgraph cannot use."""


class InputError(NewsgraphError):
    """An input path or stream cannot be read at all."""


class StoreError(NewsgraphError):
    """The database cannot be opened, migrated or written."""


class NotFoundError(StoreError):
    """A document or fact asked for is not in the database."""


class MissingDependency(NewsgraphError):
    """An optional extra is needed and not installed."""

    def __init__(self, *, package: str, extra: str, purpose: str) -> None:
        super().__init__(
            f"{purpose} needs the optional package {package!r}, which is not installed. "
            f"Install it with: pip install 'newsgraph[{extra}]'"
        )
        self.package = package
        self.extra = extra
