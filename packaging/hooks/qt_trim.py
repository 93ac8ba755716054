"""The parts of Qt that PyInstaller's hooks would collect and CollabDesk does not use.

The hooks beside this file replace PyInstaller's own for QtCore, QtGui and QtNetwork: they
collect the same, less these. Leaving a plugin out here, rather than deleting it from the
finished bundle, also leaves out the system libraries only it needs (the GTK theme alone
brings GTK 3, cairo and pango from the build machine).
"""

from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

ALL = None
UNUSED_PLUGINS = {
    # plugin folder: plugin names (without "lib" or extension), or ALL
    "platformthemes": {"qgtk3"},  # the app sets the Fusion style; the portal theme stays
    "platforms": {"qeglfs", "qlinuxfb", "qminimal", "qminimalegl", "qvkkhrdisplay", "qvnc", "qdirect2d"},
    "egldeviceintegrations": ALL,  # for eglfs, left out above
    "generic": ALL,  # evdev and TUIO input for embedded devices
    "platforminputcontexts": {"qtvirtualkeyboardplugin"},  # needs QtQuick; compose and IBus stay
    "imageformats": ALL,  # the app reads no images; PNG is built into QtGui
    "iconengines": ALL,  # no SVG icons
    "tls": ALL,  # QtNetwork carries only the local single-instance socket
    "networkinformation": ALL,
}


def _unused(source: str, destination: str) -> bool:
    folder = Path(destination).name
    if folder == "translations":  # the UI is in English and loads no Qt translation
        return True
    if folder not in UNUSED_PLUGINS:
        return False
    names = UNUSED_PLUGINS[folder]
    return names is ALL or Path(source).name.split(".")[0].removeprefix("lib") in names


def trimmed_qt6_dependencies(hook_file: str) -> tuple[list, list, list]:
    """What PyInstaller's hook for this Qt module collects, less what CollabDesk does not use."""
    hiddenimports, binaries, datas = add_qt6_dependencies(hook_file)
    return (hiddenimports, [b for b in binaries if not _unused(*b)], [d for d in datas if not _unused(*d)])
