"""Templates (reusable agendas): read, created, edited, shared as files, and turned into workshops."""

import os
from pathlib import Path

from ...domain.model import Template, Workshop
from ...services import frameworks as framework_services
from ...services import library as library_services
from .gateway import Gateway


class TemplateOperations(Gateway):
    # -- reads --------------------------------------------------------------------------
    def all_templates(self) -> list[Template]:
        return framework_services.all_templates(self.store)

    def template(self, key: str) -> Template:
        return library_services.template(self.store, key)

    # -- writes -------------------------------------------------------------------------
    def create_template(self, name: str, framework_key: str) -> Template:
        return self._write("template", lambda: library_services.create_template(self.store, name, framework_key))

    def edit_template(self, key: str, **fields) -> Template:
        return self._write("template", lambda: library_services.edit_template(self.store, key, **fields))

    def rename_template(self, key: str, name: str) -> Template:
        return self._write("template", lambda: library_services.rename_template(self.store, key, name))

    def delete_template(self, key: str) -> None:
        self._write("template", lambda: library_services.delete_template(self.store, key))

    def import_template_file(self, path: str | os.PathLike) -> Template:
        return self._write("template", lambda: library_services.import_template_file(self.store, path))

    def export_template_file(self, key: str, path: str | os.PathLike) -> Path:
        return library_services.export_template_file(self.store, key, path)

    def new_workshop_from_template(self, key: str, *, title: str, **details) -> Workshop:
        workshop = self._write(
            "workshop", lambda: library_services.new_workshop_from_template(self.store, key, title=title, **details))
        self.hub.workshops_listed_changed.emit()
        return workshop
