#!/bin/sh
# Add CollabDesk to your applications menu, for you alone (no administrator rights):
#   ./install.sh              from the unpacked CollabDesk folder; run it again after moving the folder
#   ./install.sh --uninstall  take it out of the menu again (the folder and your workshops stay)
# It writes the menu entry to ~/.local/share/applications, the icon to ~/.local/share/icons
# (XDG_DATA_HOME instead of ~/.local/share when set) and, when ~/.local/bin exists, a
# `collabdesk` command there that runs this copy.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
ENTRY=$DATA/applications/collabdesk.desktop
ICONS=$DATA/icons/hicolor
COMMAND=$HOME/.local/bin/collabdesk

refresh_menus() {
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$DATA/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$ICONS" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$ENTRY" "$ICONS/256x256/apps/collabdesk.png" "$ICONS/scalable/apps/collabdesk.svg"
    if [ -L "$COMMAND" ] && [ "$(readlink "$COMMAND")" = "$HERE/collabdesk" ]; then rm -f "$COMMAND"; fi
    refresh_menus
    echo "CollabDesk is out of the applications menu. Your workshops are kept; delete $HERE to remove the app."
    exit 0
fi

case "$HERE" in
    *[\"\`\$\\%\|\&]*)
        echo "install.sh: a menu entry cannot name a folder whose path holds \" \` \$ \\ % | or &: move $HERE" >&2
        exit 1 ;;
esac
if [ ! -x "$HERE/collabdesk" ]; then
    echo "install.sh: run it from the unpacked CollabDesk folder (no collabdesk program in $HERE)" >&2
    exit 1
fi

RESOURCES=$HERE/_internal/collabdesk/resources/icons
mkdir -p "$DATA/applications" "$ICONS/256x256/apps" "$ICONS/scalable/apps"
cp "$RESOURCES/collabdesk.png" "$ICONS/256x256/apps/collabdesk.png"
cp "$RESOURCES/collabdesk.svg" "$ICONS/scalable/apps/collabdesk.svg"
sed -e "s|^Exec=collabdesk\$|Exec=\"$HERE/collabdesk\"|" -e "s|^TryExec=collabdesk\$|TryExec=$HERE/collabdesk|" \
    "$HERE/collabdesk.desktop" > "$ENTRY.tmp"
mv "$ENTRY.tmp" "$ENTRY"
if [ -d "$HOME/.local/bin" ] && { [ ! -e "$COMMAND" ] || [ -L "$COMMAND" ]; }; then
    ln -sf "$HERE/collabdesk" "$COMMAND"
fi
refresh_menus
echo "CollabDesk is in your applications menu (it runs $HERE/collabdesk)."
