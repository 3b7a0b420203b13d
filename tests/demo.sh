#!/bin/sh
# demo.sh - what `make demo` runs: scan the bundled example extension,
# print its findings, and show where they are stored and how to query them.
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
BIN=$TOP/build/pyrefcheck
DB=$TOP/build/demo/findings.db
EXAMPLE=corpus/examples/spammodule.c

cd "$TOP" || exit 2
rm -f "$DB" "$DB-wal" "$DB-shm"
echo "\$ pyrefcheck scan --db build/demo/findings.db $EXAMPLE"
"$BIN" scan --db "$DB" "$EXAMPLE"
status=$?
if [ "$status" -eq 2 ]; then
    echo "demo: the scan failed" >&2
    exit 2
fi
cat <<EOF2

The findings are stored in the SQLite database $DB.
Try a query:
  build/pyrefcheck query --db build/demo/findings.db \\
    "SELECT file, line, rule, message FROM findings ORDER BY file, line"
or print them as SARIF:
  build/pyrefcheck report --db build/demo/findings.db --format sarif
EOF2
echo
echo "\$ pyrefcheck query --db build/demo/findings.db \"SELECT file, line, rule, function FROM findings\""
"$BIN" query --db "$DB" "SELECT file, line, rule, function FROM findings"
