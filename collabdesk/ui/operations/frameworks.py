"""Frameworks (the domains an agenda is built from): read, created, copied, edited, shared as files."""

import os
from pathlib import Path

from ...domain.model import Framework
from ...services import frameworks as framework_services
from ...services import library as library_services
from .gateway import Gateway

DEFAULT_FRAMEWORK = framework_services.DEFAULT_FRAMEWORK


class FrameworkOperations(Gateway):
    # -- reads --------------------------------------------------------------------------
    def all_frameworks(self) -> list[Framework]:
        return framework_services.all_frameworks(self.store)

    def framework(self, key: str) -> Framework:
        return framework_services.framework(self.store, key)

    def framework_or_default(self, key: str) -> Framework:
        return framework_services.framework_or_default(self.store, key)

    # -- writes -------------------------------------------------------------------------
    def create_framework(self, name: str) -> Framework:
        return self._write("framework", lambda: library_services.create_framework(self.store, name))

    def copy_framework(self, key: str, name: str) -> Framework:
        return self._write("framework", lambda: library_services.copy_framework(self.store, key, name))

    def edit_framework(self, key: str, **fields) -> Framework:
        return self._write("framework", lambda: library_services.edit_framework(self.store, key, **fields))

    def rename_framework(self, key: str, name: str) -> Framework:
        return self._write("framework", lambda: library_services.rename_framework(self.store, key, name))

    def delete_framework(self, key: str) -> None:
        self._write("framework", lambda: library_services.delete_framework(self.store, key))

    def import_framework_file(self, path: str | os.PathLike) -> Framework:
        return self._write("framework", lambda: library_services.import_framework_file(self.store, path))

    def export_framework_file(self, key: str, path: str | os.PathLike) -> Path:
        return library_services.export_framework_file(self.store, key, path)
