#!/bin/sh
# sarif_check.sh FILE... - validate SARIF files with Microsoft's SARIF
# multitool (npm package @microsoft/sarif-multitool, version pinned below),
# installed on first use into build/sarif-multitool.
#
# Runs `validate --output LOG FILE` for each file and fails when the
# validator could not run or LOG holds any error-level result or
# notification.  Its error and warning lines are shown on stderr;
# warnings and notes do not fail the check.
# Exit status: 0 all valid, 1 some file invalid, 2 usage or install error.
set -eu

MULTITOOL_VERSION=5.7.0
PKG=@microsoft/sarif-multitool
TOP=$(cd "$(dirname "$0")/.." && pwd)
PREFIX=$TOP/build/sarif-multitool

say() { echo "sarif_check: $*" >&2; }

installed_version() {
    node -e 'try { console.log(require(process.argv[1]).version) } catch (e) {}' \
        "$PREFIX/node_modules/$PKG/package.json"
}

# Install the pinned wrapper package and its platform binary package.
install_multitool() {
    plat=$(node -p process.platform)
    say "installing $PKG@$MULTITOOL_VERSION ($plat) into $PREFIX with npm"
    mkdir -p "$PREFIX"
    npm install --prefix "$PREFIX" --save-exact --no-audit --no-fund \
        --loglevel=error "$PKG@$MULTITOOL_VERSION" \
        "$PKG-$plat@$MULTITOOL_VERSION" >/dev/null
}

# Path of the native Sarif.Multitool executable.  It is run directly, not
# through the package's bin.js, which passes arguments through a shell.
multitool_exe() {
    exe=$(node -p 'require(process.argv[1])' "$PREFIX/node_modules/$PKG")
    # npm may skip the package's postinstall "chmod u+x Sarif.Multitool".
    [ -x "$exe" ] || chmod u+x "$exe"
    echo "$exe"
}

# Number of error-level entries in a validation log.
count_errors() {
    node -e '
        const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
        let n = 0;
        for (const run of log.runs || []) {
            n += (run.results || []).filter(r => r.level === "error").length;
            for (const inv of run.invocations || []) {
                if (inv.executionSuccessful === false) n++;
                for (const k of ["toolExecutionNotifications",
                                 "toolConfigurationNotifications"])
                    n += (inv[k] || []).filter(x => x.level === "error").length;
            }
        }
        console.log(n);' "$1"
}

# Validate one file; returns non-zero when it is not valid SARIF.
check_file() {
    if [ ! -f "$1" ]; then
        say "$1: no such file"
        return 1
    fi
    rm -f "$TMP/log.sarif"
    if ! "$EXE" validate --output "$TMP/log.sarif" "$1" >"$TMP/console" 2>&1 \
        || [ ! -s "$TMP/log.sarif" ]; then
        cat "$TMP/console" >&2
        say "$1: FAILED (the validator did not run)"
        return 1
    fi
    grep -E ': (error|warning) [A-Z]+[0-9]+: ' "$TMP/console" >&2 || true
    errors=$(count_errors "$TMP/log.sarif") || errors="unreadable log,"
    if [ "$errors" != 0 ]; then
        say "$1: FAILED (errors: $errors)"
        return 1
    fi
    say "$1: valid SARIF"
}

if [ $# -eq 0 ]; then
    echo "usage: $0 FILE..." >&2
    exit 2
fi
for tool in node npm; do
    command -v "$tool" >/dev/null || { say "$tool is required"; exit 2; }
done
if [ "$(installed_version)" != "$MULTITOOL_VERSION" ]; then
    install_multitool || { say "npm install failed"; exit 2; }
fi
EXE=$(multitool_exe)
# The validator needs no culture data; this avoids a hard libicu dependency.
DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=${DOTNET_SYSTEM_GLOBALIZATION_INVARIANT:-1}
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT
say "validating with $("$EXE" --version 2>&1 | head -n 1)"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
status=0
for f in "$@"; do
    check_file "$f" || status=1
done
exit $status
