#!/usr/bin/env bash
# Installs the build into a scratch prefix and checks what a desktop needs from it: every file
# under the one app id, icons of the right sizes, the validators' verdicts, and that the
# installed binary runs. Exits 77 (skipped) only when a validator is missing, and says which.
# usage: checkinstall.sh BUILD_DIR APP_ID SCRATCH_DIR
set -uo pipefail
build=$1 id=$2 prefix=$3/prefix
rm -rf "$prefix"
failed=0
fail() { echo "FAIL: $*" >&2; failed=1; }

cmake --install "$build" --prefix "$prefix" >/dev/null || { echo "FAIL: cmake --install" >&2; exit 1; }

share=$prefix/share
for f in bin/sourceline share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
    share/mime/packages/$id.xml share/icons/hicolor/scalable/apps/$id.svg; do
    [ -f "$prefix/$f" ] || fail "not installed: $f"
done
for size in 16 22 24 32 48 64 128 256; do
    png=$share/icons/hicolor/${size}x$size/apps/$id.png
    if [ ! -f "$png" ]; then
        fail "not installed: ${png#"$prefix"/}"
    elif ! file "$png" | grep -q "PNG image data, $size x $size,"; then
        fail "$png is not a ${size}x$size PNG: $(file -b "$png")"
    fi
done

"$prefix/bin/sourceline" --check >/dev/null || fail "the installed sourceline --check failed"

# The MIME type must compile into the database and be what a Sourceline file is taken for.
if command -v update-mime-database >/dev/null; then
    update-mime-database "$share/mime" >/dev/null 2>&1 || fail "update-mime-database rejected $id.xml"
    grep -qx "application/x-sourceline+json" "$share/mime/types" 2>/dev/null ||
        fail "the MIME type application/x-sourceline+json is not in the compiled database"
fi

missing=()
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$share/applications/$id.desktop" || fail "desktop-file-validate"
else
    missing+=("desktop-file-validate (Debian: desktop-file-utils)")
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$share/metainfo/$id.metainfo.xml" ||
        fail "appstreamcli validate"
else
    missing+=("appstreamcli (Debian: appstream)")
fi

[ $failed -eq 0 ] || exit 1
if [ ${#missing[@]} -gt 0 ]; then
    echo "SKIPPED: not installed: ${missing[*]}"
    exit 77
fi
echo "installed files and validators: all good"
