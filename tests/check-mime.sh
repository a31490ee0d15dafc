#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The MIME type recognises .tandem files by name and by content (SQLite with Tandem's
# application id), and not other SQLite databases.
# Usage: check-mime.sh MIME_XML SAMPLE.tandem
set -eu
xml="$1"; sample="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/share/mime/packages"
cp "$xml" "$tmp/share/mime/packages/io.github.tandem.Tandem.xml"
update-mime-database "$tmp/share/mime"
export XDG_DATA_HOME="$tmp/share" XDG_DATA_DIRS="$tmp/share:/usr/share"

cp "$sample" "$tmp/project.tandem"
cp "$sample" "$tmp/no-extension"
printf 'SQLite format 3\000' > "$tmp/other.db"

type_of () { gio info -a standard::content-type "$1" | sed -n 's/.*standard::content-type: //p'; }

by_name="$(type_of "$tmp/project.tandem")"
by_content="$(type_of "$tmp/no-extension")"
echo "project.tandem: $by_name"
echo "no-extension: $by_content"
[ "$by_name" = "application/x-tandem" ]
[ "$by_content" = "application/x-tandem" ]
echo "ok"
