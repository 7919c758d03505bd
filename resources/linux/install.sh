#!/bin/sh
# Put MDCC Desktop in the desktop's application menu: its .desktop entry, its AppStream
# metadata and its icon (every PNG size, and the SVG) in the hicolor icon theme.
#
#   sh resources/linux/install.sh                      # for you: ~/.local/share
#   sh resources/linux/install.sh --prefix /usr/local  # for everyone (as root)
#   sh resources/linux/install.sh --bin "$PWD/dist/mdcc-desktop"   # the packaged build's folder
#
# --bin names the folder that holds the `mdcc-desktop` executable when it is not on PATH (the
# packaged build, or a virtual environment's bin/): the menu entry then starts it from there.
# Run it from the repository or from the packaged build's folder (where it finds
# _internal/mdcc_desktop/_data/resources). Uninstall: the same with --uninstall.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix="${XDG_DATA_HOME:-$HOME/.local/share}"
bin=""
uninstall=""
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="$2/share"; shift 2 ;;
        --bin) bin="$2"; shift 2 ;;
        --uninstall) uninstall=1; shift ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
id=org.mdcc_desktop.MdccDesktop
icons="$here/../icons"
apps="$prefix/applications"
metainfo="$prefix/metainfo"
theme="$prefix/icons/hicolor"

if [ -n "$uninstall" ]; then
    rm -f "$apps/$id.desktop" "$metainfo/$id.metainfo.xml" "$theme/scalable/apps/mdcc-desktop.svg"
    for png in "$icons"/app/mdcc-desktop-*.png; do
        size=${png##*-}; size=${size%.png}
        rm -f "$theme/${size}x${size}/apps/mdcc-desktop.png"
    done
else
    mkdir -p "$apps" "$metainfo" "$theme/scalable/apps"
    if [ -n "$bin" ]; then
        [ -x "$bin/mdcc-desktop" ] || { echo "install.sh: no mdcc-desktop in $bin" >&2; exit 2; }
        bin=$(cd "$bin" && pwd)
        sed -e "s|^Exec=mdcc-desktop|Exec=\"$bin/mdcc-desktop\"|" \
            -e "s|^TryExec=mdcc-desktop|TryExec=$bin/mdcc-desktop|" \
            "$here/$id.desktop" > "$apps/$id.desktop"
    else
        cp "$here/$id.desktop" "$apps/$id.desktop"
    fi
    cp "$here/$id.metainfo.xml" "$metainfo/$id.metainfo.xml"
    cp "$icons/mdcc-desktop.svg" "$theme/scalable/apps/mdcc-desktop.svg"
    for png in "$icons"/app/mdcc-desktop-*.png; do
        size=${png##*-}; size=${size%.png}
        mkdir -p "$theme/${size}x${size}/apps"
        cp "$png" "$theme/${size}x${size}/apps/mdcc-desktop.png"
    done
fi
# Refresh the menus' and the icon theme's caches where the tools are there (they need not be).
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$theme" || true
echo "install.sh: ${uninstall:+un}installed in $prefix"
