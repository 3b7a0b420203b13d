#!/bin/sh
# pre-commit-hook.sh FILE... - the pre-commit hook's entry point.  pre-commit
# runs it from the root of the user's repository with the staged C files as
# arguments; it builds pyrefcheck in pre-commit's copy of this repository
# on first use, then scans those files and fails only on new findings.
# PYREFCHECK_ARGS adds scan options (e.g. "-- -Iinclude").
set -eu
HOOK_REPO=$(cd "$(dirname "$0")/.." && pwd)
BIN=$HOOK_REPO/build/pyrefcheck
if [ ! -x "$BIN" ]; then
    echo "pyrefcheck: building in $HOOK_REPO (first use)" >&2
    make -C "$HOOK_REPO" --no-print-directory -s >&2
fi
# shellcheck disable=SC2086
exec "$BIN" scan --new-only "$@" ${PYREFCHECK_ARGS:-}
