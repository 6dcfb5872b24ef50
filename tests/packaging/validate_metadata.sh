#!/usr/bin/env bash
# validate_metadata.sh desktop|appstream FILE: the freedesktop validators, held to "no complaints".
set -uo pipefail
kind=$1 file=$2
case "$kind" in
  desktop)
    # desktop-file-validate prints errors, warnings and hints alike; any line is a failure.
    out=$(desktop-file-validate "$file" 2>&1); rc=$?
    [ -z "$out" ] || printf '%s\n' "$out"
    [ "$rc" -eq 0 ] && [ -z "$out" ]
    ;;
  appstream)
    # Errors (E:) and warnings (W:) fail; infos and pedantic notes (I:, P:) may stay.
    out=$(appstreamcli validate --no-net "$file" 2>&1); rc=$?
    [ -z "$out" ] || printf '%s\n' "$out"
    [ "$rc" -eq 0 ] && ! grep -qE '^[EW]: ' <<<"$out"
    ;;
  *)
    echo "usage: validate_metadata.sh desktop|appstream FILE" >&2
    exit 2
    ;;
esac
