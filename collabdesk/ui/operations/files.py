"""Which files the UI must never open itself: the open database's (see ``store.hold``).

A fact about the whole process, not one store (POSIX locks belong to the process), so
the file dialogs' filter and the export targets ask it without an ``Operations``.
"""

from ...services.files import is_database_file

__all__ = ["is_database_file"]
