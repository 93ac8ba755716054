"""Workshop ▸ Let phones join: one switch for the running workshop's room network.

Off by default. Turning it on loads the network code (and aiohttp) for the first time;
it turns off with the same switch, when the workshop is closed or left, when the app
quits, and after the idle period. Off means off: the server stops listening and every
phone's token stops working.
"""

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from ...domain.errors import CollabDeskError
from ..operations import Operations


class PhonesSwitch(QObject):
    changed = Signal(bool)  # on or off
    turned_off = Signal(str)  # why, in words, when it was not the facilitator's own click
    failed = Signal(str, str)  # a title and a message: it could not be turned on
    shown = Signal()  # turned on by the facilitator: the window shows the Phones panel and the room view
    join_changed = Signal()  # how to join (or whether the room shows it) changed: a new code, locked

    def __init__(self, ops: Operations, parent: QObject | None = None):
        super().__init__(parent)
        self.ops = ops
        self.link = None  # the PhoneLink while on
        self.join_in_room = True  # the room view shows the QR code, address and code while phones are on

    def toggle(self, workshop_id: str | None, parent: QWidget) -> None:
        """The menu's, the run view's and the Phones panel's switch: off if on; else on (asking
        which network when the laptop has several), then the panel and the room view shown."""
        from .addresses import private_addresses

        if self.is_on or workshop_id is None:
            self.turn_off()
            self.changed.emit(False)
            return
        found = private_addresses()
        address = found[0].address if found else None
        if len(found) > 1:
            labels = [a.label for a in found]
            label, ok = QInputDialog.getItem(parent, "Let phones join", "Phones join over the network of:",
                                             labels, 0, False)
            if not ok:
                self.changed.emit(False)
                return
            address = found[labels.index(label)].address
        try:
            self.turn_on(workshop_id, address)
        except CollabDeskError as error:
            self.changed.emit(False)
            self.failed.emit("Phones cannot join", str(error))
            return
        self.shown.emit()

    def set_join_in_room(self, shown: bool) -> None:
        self.join_in_room = shown
        self.join_changed.emit()

    def join_card(self, parent: QWidget):
        """The room view's column on how to join, made inside ``parent`` (the room view), or None
        while phones are off or the facilitator has taken it down."""
        from .join_card import JoinCard

        if self.link is None or not self.join_in_room:
            return None
        return JoinCard(self.link.url, self.link.room.code, self.link.join_url(), locked=self.link.room.locked,
                        parent=parent)

    @property
    def is_on(self) -> bool:
        return self.link is not None

    def turn_on(self, workshop_id: str, address: str | None = None, port: int = 0, *, name: str | None = None) -> str:
        """Serve ``workshop_id`` to phones on ``address`` (the preferred private one when None);
        returns the join address. Raises CollabDeskError when the laptop has no private address
        or the port cannot be opened."""
        from .addresses import private_addresses
        from .link import PhoneLink

        self.turn_off()
        if address is None:
            found = private_addresses()
            if not found:
                raise CollabDeskError("This laptop is not on a local network. Turn on its hotspot or join the "
                                      "room's Wi-Fi, then let phones join.")
            address = found[0].address
        link = None
        try:
            link = PhoneLink(self.ops, workshop_id, address, port, name=name, parent=self)
            link.start()
        except (OSError, ValueError) as error:  # a ValueError: an address that is not a private one
            if link is not None:
                link.deleteLater()
            raise CollabDeskError(f"Phones cannot join on {address}: {error}") from None
        link.idle.connect(lambda: self.turn_off("Phones were turned off: nobody used the room for a while."))
        self.link = link
        self.join_in_room = True
        self.changed.emit(True)
        return link.join_url()

    def turn_off(self, reason: str = "") -> None:
        if self.link is None:
            return
        link, self.link = self.link, None
        link.stop()
        link.deleteLater()
        self.changed.emit(False)
        if reason:
            self.turned_off.emit(reason)
