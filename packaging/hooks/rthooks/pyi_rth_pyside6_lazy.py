# Run-time hook for PySide6 in place of PyInstaller's own (rthooks.dat beside this folder
# claims PySide6 first): the same plugin path, without importing QtCore at every start.
#
# PyInstaller's hook imports QtCore to register a qt.conf when the bindings have none;
# PySide6's wheels register their own when QtCore loads, so the import only delayed the
# command line, which never needs Qt: `collabdesk --version` took 120 ms instead of 30.
# Its other steps serve QML and QtNetwork's OpenSSL, which CollabDesk does not use.


def _pyi_rthook():
    import os
    import sys

    qt = os.path.join(sys._MEIPASS, "PySide6")
    if sys.platform != "win32":
        qt = os.path.join(qt, "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")


_pyi_rthook()
del _pyi_rthook
