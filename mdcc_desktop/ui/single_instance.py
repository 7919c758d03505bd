"""One MDCC Desktop window per data folder: a second start raises the first and exits.

Two apps on one data folder would overwrite each other's notes without a word. The first start
holds a :class:`QLockFile` in the data folder (portable, Windows included; a lock left by an app
that was killed is stale and taken over, since its process is gone) and listens on a local socket
(:class:`QLocalServer`, a named pipe on Windows) named from a hash of the data folder's resolved
path. A second start finds the lock held, asks the first through that socket to raise its main
window, says so and exits. The command line (``mdcc``) is not concerned: it takes no lock.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

# QtNetwork is loaded by listen() and ask_first_to_raise(), not at start: the first window
# comes up without it (the app listens once that window is on screen).

log = logging.getLogger(__name__)

LOCK_NAME = "mdcc-desktop.lock"
_RAISE = b"raise\n"
_DONE = b"raised\n"


def server_name(data_dir: Path) -> str:
    """The local socket's name for ``data_dir``: the same for every spelling of the folder."""
    import hashlib  # here: OpenSSL's hashes are not needed before the first window

    resolved = str(data_dir.expanduser().resolve())
    return "mdcc-desktop-" + hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:24]


class SingleInstance(QObject):
    """The lock on a data folder and the socket other starts knock on."""

    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.lock = QLockFile(str(data_dir / LOCK_NAME))
        # Only a lock whose process is gone is stale: by default Qt also takes over a lock older
        # than 30 s, and an app open for a whole meeting is far older than that.
        self.lock.setStaleLockTime(0)
        self._name: str | None = None
        self.server: QLocalServer | None = None
        # Whether the app that last held the folder ended without releasing it (killed,
        # crashed, power cut): set by acquire. The database is then checked before it opens.
        self.unclean_shutdown = False

    @property
    def name(self) -> str:
        """The local socket's name (:func:`server_name`), made when first needed."""
        if self._name is None:
            self._name = server_name(self.data_dir)
        return self._name

    def acquire(self) -> bool:
        """Take the data folder; False if another app holds it (a stale lock does not count).

        A folder that cannot hold a lock file (read-only, missing) is not refused here: opening
        the database says what is wrong with it.
        """
        left_behind = (self.data_dir / LOCK_NAME).exists()
        if not self.lock.tryLock(200):
            if self.lock.error() == QLockFile.LockError.LockFailedError:
                return False
            log.warning("no lock file in the data folder (%s)", self.lock.error().name)
            self.unclean_shutdown = True  # nothing tells: assume the worst
            return True
        self.unclean_shutdown = left_behind  # a lock file whose app is gone: it never closed
        if left_behind:
            log.info("the last app on this data folder did not shut down cleanly")
        return True

    def listen(self) -> None:
        """Listen for other starts on this data folder (once the folder is held; the app calls
        it once its first window is up). Until then another start is still refused, without
        raising this one."""
        from PySide6.QtNetwork import QLocalServer

        if self.server is not None or not self.lock.isLocked():
            return
        QLocalServer.removeServer(self.name)  # a socket left behind by a killed app
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        if self.server.listen(self.name):
            log.info("listening for other starts on this data folder")
        else:
            log.warning("other starts cannot reach this one: %s", self.server.errorString())

    def _accept(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(_RAISE.strip()):
            log.info("another start on this data folder was refused; raising the main window")
            self.raise_requested.emit()
            socket.write(_DONE)
            socket.flush()

    def ask_first_to_raise(self, timeout_ms: int = 2000) -> bool:
        """Ask the app holding the folder to raise its window; True if it answered."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(_RAISE)
        answered = socket.waitForBytesWritten(timeout_ms) and socket.waitForReadyRead(timeout_ms)
        socket.disconnectFromServer()
        return answered

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock.isLocked():
            self.lock.unlock()


def bring_to_front(window: object) -> None:
    """Show ``window`` (a QWidget) un-minimised, raised and active."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)
    window.show()
    window.setWindowState(
        (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
    )
    window.raise_()
    window.activateWindow()
