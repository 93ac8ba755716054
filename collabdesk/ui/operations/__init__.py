"""The UI's one door to the services: every write, its announcement, and its undo.

One module per feature (notes, board, timer, agenda, workshops, voting, health, actions,
library, templates, frameworks, team, phones). Each write is one service call, so one committed
transaction, made through ``Gateway._write``: refused while a closed workshop is
reviewed, reported on the hub's ``save_failed`` when the store cannot save it,
announced on ``saved`` and on the feature's own signal when it can. Undoable changes
are ``UndoStep``s (``undo.py``), the one undo authority. No other UI module imports
``services``: the import contract in ``tests/test_layers.py`` checks it.

A feature the first screen (the library) never uses imports its services module inside
each method, so start-up does not load it (notes, board, timer, agenda, voting, health,
actions, phones). Plain imports, not ``importlib.util.LazyLoader``: they are safe from
any thread.

``Operations`` is all of them on one object (``window.ops``): views and dialogs are
given it, never the window.
"""

from .actions import ActionOperations
from .agenda import AgendaOperations
from .board import BoardOperations
from .frameworks import FrameworkOperations
from .gateway import READ_ONLY, Gateway, ReadOnlyError, Store  # Store: the type views read through (ops.store)
from .health import HealthOperations
from .library import LibraryOperations
from .notes import NoteOperations
from .phones import PhoneOperations
from .team import TeamOperations
from .templates import TemplateOperations
from .timer import TimerOperations
from .voting import VotingOperations
from .workshops import WorkshopOperations

__all__ = ["READ_ONLY", "Gateway", "Operations", "ReadOnlyError", "Store"]


class Operations(NoteOperations, BoardOperations, TimerOperations, AgendaOperations, WorkshopOperations,
                 VotingOperations, HealthOperations, ActionOperations, LibraryOperations, TemplateOperations,
                 FrameworkOperations, TeamOperations,
                 PhoneOperations):
    """Every feature's operations over one store and one event hub."""
