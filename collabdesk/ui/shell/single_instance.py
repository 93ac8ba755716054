"""One CollabDesk window per database: a second launch hands over to the first.

As Anki does, the first GUI listens on a local socket named from a hash of the
database path; a later launch on the same database connects, sends the workshop id it
was asked to open (if any), waits for the reply and exits 0. Another database gets
another name, so two different databases can be open side by side.

QtNetwork loads only when there may be someone to talk to: on POSIX the name is a socket
file's path, so a launch that finds no file there knows no window is running without it,
and the first window starts listening once its first frame is shown (``app.run_gui``).
"""

import getpass
import hashlib
import json
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ...paths import runtime_dir

CONNECT_MS = 800
REPLY_MS = 3000


def server_name(db_path: Path) -> str:
    """The socket's name: on Unix a path in this user's private runtime folder (mode 0700), so
    another account on the machine cannot claim it first; on Windows a pipe name per user."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name on some containers
        user = "user"
    digest = hashlib.sha1(f"{user}\0{Path(db_path).expanduser().resolve()}".encode()).hexdigest()[:20]
    if os.name != "posix":
        return f"collabdesk-{digest}"
    try:
        return str(runtime_dir() / f"instance-{digest}")
    except OSError:  # no private folder: the shared name still works for this account
        return f"collabdesk-{digest}"


def send_to_running(name: str, workshop_id: str | None = None) -> bool:
    """Ask a running CollabDesk to come forward (and open ``workshop_id``); False if none answers."""
    if os.path.isabs(name) and not os.path.lexists(name):  # no socket file: nobody can be listening
        return False
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write((json.dumps({"open": workshop_id}) + "\n").encode())
    socket.waitForBytesWritten(REPLY_MS)  # False when flushed already: not a failure
    while not socket.canReadLine() and socket.waitForReadyRead(REPLY_MS):
        pass
    reply = bytes(socket.readLine().data()).strip() if socket.canReadLine() else b""
    socket.disconnectFromServer()
    return reply == b"ok"


class InstanceServer(QObject):
    """Listens for later launches; emits ``open_requested`` with the workshop id (or None)."""

    open_requested = Signal(object)

    def __init__(self, name: str, parent=None):
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        """Start listening, clearing a socket file left by a crashed run."""
        if self.server.listen(self.name):
            return True
        self.server.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda socket=socket: self._on_ready(socket))
            socket.disconnected.connect(socket.deleteLater)
            if socket.canReadLine():
                self._on_ready(socket)

    def _on_ready(self, socket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data())
        try:
            request = json.loads(line.decode("utf-8"))
            workshop_id = request.get("open") if isinstance(request, dict) else None
        except (ValueError, UnicodeDecodeError):
            return
        socket.write(b"ok\n")
        socket.flush()
        self.open_requested.emit(workshop_id if isinstance(workshop_id, str) else None)
