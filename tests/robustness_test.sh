#!/bin/sh
# robustness_test.sh BINARY - bad and hostile input for the pyrefcheck
# command: broken files, compile databases, rules files and databases must
# give a clear error naming the file and exit 2 (or be skipped, exit 0),
# never a crash, a hang or a silent success; nothing from the scanned
# project is executed; the database survives SIGKILL and concurrent scans;
# pathological functions and huge files finish within the time limit.
# Every pyrefcheck command runs under `timeout 60`, so a hang fails its
# check instead of blocking.  Each check prints "ok" or "FAIL"; "info"
# lines report what was observed; the last line is
# "robustness: N passed, N failed"; the exit status is non-zero on any
# failure.
set -u

BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TOP=$(cd "$(dirname "$0")/.." && pwd)
START_DIR=$(pwd)
T=$(mktemp -d /tmp/pyrefcheck-robust-XXXXXX)
trap 'rm -rf "$T"' EXIT
PASS=0
FAIL=0
LIMIT=60

ok() { PASS=$((PASS + 1)); echo "ok   $1"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL $1"; [ -f "$T/out" ] && sed 's/^/     | /' "$T/out" | head -20; }
info() { echo "info $*"; }

# check NAME WANT-EXIT COMMAND...: runs COMMAND under timeout with
# stdout+stderr in $T/out; GOT holds its exit status
check() {
    name=$1 want=$2
    shift 2
    timeout $LIMIT "$@" >"$T/out" 2>&1
    GOT=$?
    if [ "$GOT" -eq "$want" ]; then ok "$name"; else bad "$name (exit $GOT$(why $GOT), want $want)"; fi
}

# check_any NAME "CODES" COMMAND...: like check, any of CODES is fine
check_any() {
    name=$1 want=$2
    shift 2
    timeout $LIMIT "$@" >"$T/out" 2>&1
    GOT=$?
    for w in $want; do
        if [ "$GOT" -eq "$w" ]; then ok "$name (exit $GOT)"; return; fi
    done
    bad "$name (exit $GOT$(why $GOT), want one of: $want)"
}

# why CODE: what an exit status means when it is not pyrefcheck's own
why() {
    if [ "$1" -eq 124 ]; then echo ": hung, killed after ${LIMIT}s"
    elif [ "$1" -gt 128 ]; then echo ": killed by signal $(($1 - 128))"
    elif [ "$1" -gt 2 ]; then echo ": not a pyrefcheck exit code"
    fi
}

# has NAME PATTERN / lacks NAME PATTERN: the last command's output does or
# does not contain PATTERN (grep -E)
has() {
    if grep -Eq -- "$2" "$T/out"; then ok "$1"; else bad "$1 (no '$2')"; fi
}
lacks() {
    if grep -Eq -- "$2" "$T/out"; then bad "$1 (found '$2')"; else ok "$1"; fi
}

# is NAME GOT WANT: two values are equal
is() {
    if [ "$2" = "$3" ]; then ok "$1"; else bad "$1 (got '$2', want '$3')"; fi
}

# q DB SQL: one value through `pyrefcheck query` (read-only)
q() {
    timeout $LIMIT "$BIN" query --db "$1" --csv "$2" 2>/dev/null | tail -1 | tr -d '\r'
}

# sql DB SQL: the sqlite3 shell, or Python's sqlite3 module without it
if command -v sqlite3 >/dev/null 2>&1; then
    sql() { sqlite3 "$1" "$2"; }
else
    sql() {
        python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for row in c.execute(sys.argv[2]).fetchall():
    print("|".join(str(x) for x in row))
c.commit()
' "$1" "$2"
    }
fi

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

EX=$TOP/corpus/examples/spammodule.c
PYINC=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["include"])' 2>/dev/null)
[ -f "$PYINC/Python.h" ] || PYINC=$(ls -d /usr/include/python3.*/ 2>/dev/null | tail -1)
PYINC=${PYINC%/}
DB=$T/db/findings.db

cd "$T" || exit 2
cp "$EX" spam.c

# ---- 1. bad input ---------------------------------------------------------

echo "# bad input"
check "missing file exits 2" 2 "$BIN" scan --db "$DB" nothere.c
has "missing file is named" "nothere.c"

mkdir -p noc/sub
echo "nothing to see" >noc/README.txt
echo "int x;" >noc/sub/header.h
check "directory without C files exits 2" 2 "$BIN" scan --db "$DB" noc
has "directory without C files says so" "noc.*no C files"
mkdir -p emptydir
check "empty directory exits 2" 2 "$BIN" scan --db "$DB" emptydir
has "empty directory is named" "emptydir"

: >empty.c
check "empty .c file is skipped (exit 0)" 0 "$BIN" scan --db "$DB" empty.c
has "empty .c file counted as skipped" "1 skipped"

head -c 4096 /dev/urandom >junk.c
check_any "random bytes: no crash" "0 2" "$BIN" scan --db "$DB" junk.c
if [ "$GOT" -eq 2 ]; then
    info "random bytes: exit 2: $(grep -v '^pyrefcheck: [0-9]' "$T/out" | head -1)"
    has "random bytes error names the file" "junk.c"
elif [ "$GOT" -eq 0 ]; then
    info "random bytes: exit 0 ($(grep -o '[0-9]* skipped' "$T/out"))"
fi
head -c 4096 /dev/zero >zeros.c
check_any "file of NUL bytes: no crash" "0 2" "$BIN" scan --db "$DB" zeros.c
if [ "$GOT" -eq 2 ]; then
    info "NUL bytes: exit 2: $(grep -v '^pyrefcheck: [0-9]' "$T/out" | head -1)"
    has "NUL bytes error names the file" "zeros.c"
elif [ "$GOT" -eq 0 ]; then
    info "NUL bytes: exit 0 ($(grep -o '[0-9]* skipped' "$T/out"))"
fi

# Latin-1 and stray bytes in a comment and a string literal; the leak is
# at line 11 of this file.
{
    printf '/* caf\351 \377\376 comment */\n#include <Python.h>\n'
    printf 'static const char *msg = "bad \377\200 bytes caf\351";\n'
    sed -n '6,$p' "$EX"
} >badutf8.c
check "invalid UTF-8: leak still found" 1 "$BIN" scan --db "$DB" badutf8.c
has "invalid UTF-8: finding at its line" "^badutf8.c:11:[0-9]*: warning: .*\[ref-leak\]"
timeout $LIMIT "$BIN" scan --db "$DB" --format json badutf8.c >badutf8.json 2>"$T/out"
if python3 -m json.tool badutf8.json >/dev/null 2>"$T/out" &&
    grep -q '"ref-leak"' badutf8.json; then
    ok "invalid UTF-8: JSON output is valid"; else bad "invalid UTF-8: JSON output is valid"; fi
timeout $LIMIT "$BIN" scan --db "$DB" --format sarif badutf8.c >badutf8.sarif 2>"$T/out"
if sh "$TOP/tests/sarif_check.sh" "$T/badutf8.sarif" >"$T/out" 2>&1; then
    ok "invalid UTF-8: SARIF output is valid"; else bad "invalid UTF-8: SARIF output is valid"; fi
# a file name that is not UTF-8
LATIN1=$(printf 'caf\351.c')
cp "$EX" "$LATIN1"
timeout $LIMIT "$BIN" scan --db "$DB" --format json "$LATIN1" >latin1.json 2>"$T/out"
if python3 -m json.tool latin1.json >/dev/null 2>"$T/out"; then
    ok "non-UTF-8 file name: JSON output is valid"; else bad "non-UTF-8 file name: JSON output is valid"; fi
timeout $LIMIT "$BIN" scan --db "$DB" --format sarif "$LATIN1" >latin1.sarif 2>"$T/out"
if sh "$TOP/tests/sarif_check.sh" "$T/latin1.sarif" >"$T/out" 2>&1; then
    ok "non-UTF-8 file name: SARIF output is valid"; else bad "non-UTF-8 file name: SARIF output is valid"; fi

{ printf '/* a NUL \000 in a comment */\n'; cat "$EX"; } >nulcomment.c
check "NUL byte in a comment: analysed" 1 "$BIN" scan --db "$DB" nulcomment.c
has "NUL byte in a comment: finding at its line" "^nulcomment.c:14:[0-9]*: warning: .*\[ref-leak\]"
{ printf '#include <Python.h>\nstatic const char z[] = "a\000b";\n'; sed -n '5,$p' "$EX"; } >nulstring.c
check "NUL byte in a string literal: analysed" 1 "$BIN" scan --db "$DB" nulstring.c
has "NUL byte in a string literal: finding at its line" "^nulstring.c:11:[0-9]*: warning: .*\[ref-leak\]"

# compile databases
mkdir -p nocdb
check "-p without compile_commands.json exits 2" 2 "$BIN" scan --db "$DB" -p nocdb
has "missing compile_commands.json is named" "nocdb/compile_commands.json"
has "missing compile_commands.json: the reason is given" "No such file"
mkdir -p cdb_syntax cdb_object cdb_nofile cdb_gone
printf '[{"directory": "%s", "file": "spam.c",\n' "$T" >cdb_syntax/compile_commands.json
check "invalid JSON compile database exits 2" 2 "$BIN" scan --db "$DB" -p cdb_syntax
has "invalid JSON compile database is named" "cdb_syntax/compile_commands.json"
printf '{"directory": "%s", "file": "spam.c", "arguments": ["cc", "-c", "spam.c"]}\n' "$T" \
    >cdb_object/compile_commands.json
check "compile database that is not an array exits 2" 2 "$BIN" scan --db "$DB" -p cdb_object
has "compile database that is not an array is named" "cdb_object/compile_commands.json"
printf '[{"directory": "%s", "arguments": ["cc", "-c", "spam.c"]}]\n' "$T" \
    >cdb_nofile/compile_commands.json
check "compile database entry without \"file\" exits 2" 2 "$BIN" scan --db "$DB" -p cdb_nofile
has "entry without \"file\": database named" "cdb_nofile/compile_commands.json"
printf '[{"directory": "%s", "file": "gone.c", "arguments": ["cc", "-I%s", "-c", "gone.c"]}]\n' \
    "$T" "$PYINC" >cdb_gone/compile_commands.json
check "compile database naming a missing file exits 2" 2 "$BIN" scan --db "$DB" -p cdb_gone
has "the missing file is named" "gone.c"

# rules files
printf '# fine\nfunction PyFoo_New returns=new\nfunction PyBar returns=neww\n' >bad.rules
check "broken rules file exits 2" 2 "$BIN" scan --db "$DB" --rules bad.rules spam.c
has "broken rules file: FILE:LINE: reason" "bad.rules:3: .*neww"
head -c 300 /dev/urandom >junk.rules
check "binary rules file exits 2" 2 "$BIN" scan --db "$DB" --rules junk.rules spam.c
has "binary rules file: FILE:LINE: reason" "junk.rules:[0-9]+: "
check "missing rules file exits 2" 2 "$BIN" scan --db "$DB" --rules nothere.rules spam.c
has "missing rules file is named with the reason" "nothere.rules.*No such file"
mkdir -p rulesdir
check "rules file that is a directory exits 2" 2 "$BIN" scan --db "$DB" --rules rulesdir spam.c
has "rules directory: the message says it is a directory" "rulesdir.*[Dd]irectory"

# databases
mkdir -p dbdir
check "database path that is a directory exits 2" 2 "$BIN" scan --db dbdir spam.c
has "database directory is named" "dbdir"
printf 'this is a text file and not an SQLite database at all.\n%.0s' 1 2 3 4 5 6 7 8 >text.db
check "text database exits 2" 2 "$BIN" scan --db text.db spam.c
has "text database: not an SQLite database" "text.db: not an SQLite database"
head -c 8192 /dev/urandom >random.db
check "random-bytes database exits 2" 2 "$BIN" scan --db random.db spam.c
has "random-bytes database is named" "random.db"

NEWER=$T/newer.db
check "scan for the newer-schema database" 1 "$BIN" scan --db "$NEWER" spam.c
sql "$NEWER" "UPDATE schema_version SET version = 99"
check "newer schema_version: scan exits 2" 2 "$BIN" scan --db "$NEWER" spam.c
has "newer schema_version is explained" "newer.db.*schema version 99 is newer"
is "newer schema_version: no run added" "$(sql "$NEWER" 'SELECT count(*) FROM runs')" 1
is "newer schema_version: version left alone" "$(sql "$NEWER" 'SELECT version FROM schema_version')" 99
check "newer schema_version: query exits 2" 2 "$BIN" query --db "$NEWER" "SELECT 1"
check "newer schema_version: report exits 2" 2 "$BIN" report --db "$NEWER"

check "unknown --format exits 2" 2 "$BIN" scan --db "$DB" --format xml spam.c
has "unknown --format is named" "unknown format 'xml'"
check "report with unknown --format exits 2" 2 "$BIN" report --db "$DB" --format xml

# query must not write
QDB=$T/query.db
check "scan for the query database" 1 "$BIN" scan --db "$QDB" spam.c
STATE="SELECT (SELECT count(*) FROM runs) || '/' || (SELECT count(*) FROM findings) || '/' || (SELECT count(*) FROM files) || '/' || (SELECT count(*) FROM trace_steps) || '/' || (SELECT group_concat(status) FROM runs) || '/' || (SELECT count(*) FROM sqlite_master) || '/' || (SELECT max(version) FROM schema_version)"
BEFORE=$(sql "$QDB" "$STATE")
for stmt in "DELETE FROM findings" "UPDATE runs SET status = 7" \
    "INSERT INTO runs(started_at) VALUES ('x')" \
    "WITH x AS (SELECT 1) DELETE FROM trace_steps" "DROP TABLE runs" \
    "CREATE TABLE t(a)" "PRAGMA user_version = 5" \
    "DELETE FROM findings RETURNING id" "SELECT 1; DELETE FROM findings"; do
    check "query refuses: $stmt" 2 "$BIN" query --db "$QDB" "$stmt"
done
is "query: database unchanged" "$(sql "$QDB" "$STATE")" "$BEFORE"
check "query refuses VACUUM INTO" 2 "$BIN" query --db "$QDB" "VACUUM INTO '$T/vacuum-copy.db'"
if [ -e "$T/vacuum-copy.db" ]; then
    bad "refused VACUUM INTO writes no file (found $(wc -c <"$T/vacuum-copy.db") bytes vacuum-copy.db)"
else ok "refused VACUUM INTO writes no file"; fi

# inputs that reach the file walker and the store in unexpected shapes
mkdir -p loop1 loop2
cp "$EX" loop1/spam.c
cp "$EX" loop2/spam.c
ln -s . loop1/self
ln -s . loop2/a
ln -s . loop2/b
check "directory with a symlink loop" 1 "$BIN" scan --db "$DB" loop1
is "symlink loop: the file is analysed once" "$(grep -c 'warning: .*\[ref-leak\]' "$T/out")" 1
check "directory with two symlink loops finishes" 1 "$BIN" scan --db "$DB" loop2

mkdir -p overlap
cp "$EX" overlap/a.c
cp "$EX" overlap/b.c
check "a file named twice (directory and file)" 1 "$BIN" scan --db "$DB" overlap overlap/a.c
lacks "a file named twice: nothing fails to be stored" "cannot store"
check "the same file given twice" 1 "$BIN" scan --db "$DB" spam.c spam.c

mkfifo fifo.c 2>/dev/null && {
    check_any "a FIFO named as input does not hang" "0 2" "$BIN" scan --db "$DB" fifo.c
}

# expressions and statements nested deeper than the C stack allows for
# naive recursion; clang -fsyntax-only accepts both files
awk 'BEGIN {
    print "#include <Python.h>\nstatic PyObject *\nsum(PyObject *self, PyObject *arg)\n{"
    print "    long x = PyLong_AsLong(arg);\n    long s = x"
    for (i = 0; i < 30000; i++) printf " + x"
    print ";\n    return PyLong_FromLong(s);\n}"
}' >deepexpr.c
check_any "30000-term expression: no crash" "0 1 2" "$BIN" scan --db "$DB" deepexpr.c
awk 'BEGIN {
    print "#include <Python.h>\nstatic PyObject *\nsel(PyObject *self, PyObject *arg)\n{"
    print "    long c = PyLong_AsLong(arg);\n    long r = 0;\n    if (c == -1) r = -1;"
    for (i = 0; i < 7000; i++) printf "    else if (c == %d) r = %d;\n", i, i * 7
    print "    return PyLong_FromLong(r);\n}"
}' >elseif.c
check_any "7000-branch else-if chain: no crash" "0 1 2" "$BIN" scan --db "$DB" elseif.c
mkdir -p withcrash
cp deepexpr.c withcrash/a_deep.c
for k in 1 2 3 4 5 6; do cp "$EX" withcrash/b_spam$k.c; done
CDB=$T/crash.db
check_any "tree with a crashing file: no crash" "1 2" "$BIN" scan --db "$CDB" withcrash
is "tree with a crashing file: all 6 other files reported" \
    "$(grep -c 'b_spam[0-9].c:13:.*\[ref-leak\]' "$T/out")" 6
has "tree with a crashing file: the crashing file is named" "a_deep.c"
is "tree with a crashing file: the run is ended" \
    "$(sql "$CDB" 'SELECT count(*) FROM runs WHERE ended_at IS NOT NULL')" 1

# ---- 2. nothing from the project is executed -----------------------------

echo "# nothing from the scanned project is executed"
mkdir -p inj
cp "$EX" inj/mod.c
printf '#!/bin/sh\ntouch "%s/PWNED_CC"\n' "$T" >inj/evilcc
chmod +x inj/evilcc
cat >inj/compile_commands.json <<'EOF'
[{"directory": "@DIR@", "file": "mod.c",
  "command": "cc -c -I@PYINC@ mod.c -o mod.o; touch PWNED $(touch PWNED2) `touch PWNED3` && touch PWNED4 | touch PWNED5"},
 {"directory": "@DIR@", "file": "mod2.c",
  "command": "./evilcc -c -I@PYINC@ mod2.c -o mod2.o"}]
EOF
cp "$EX" inj/mod2.c
sed -i "s|@DIR@|$T/inj|g; s|@PYINC@|$PYINC|g" inj/compile_commands.json
check "scan of a database with shell commands" 1 "$BIN" scan --db "$DB" -p inj
has "its file is still analysed" "mod.c:13:.*\[ref-leak\]"
if command -v cc >/dev/null 2>&1; then
    mkdir -p plug
    cp "$EX" plug/mod.c
    printf '#include <stdio.h>\n__attribute__((constructor)) static void pwn(void)\n{ FILE *f = fopen("%s/PWNED_PLUGIN", "w"); if (f) fclose(f); }\n' \
        "$T" >plug/evil.c
    if cc -shared -fPIC -o plug/evil.so plug/evil.c 2>"$T/out"; then
        cat >plug/compile_commands.json <<EOF
[{"directory": "$T/plug", "file": "mod.c",
  "arguments": ["cc", "-c", "-I$PYINC", "-fplugin=$T/plug/evil.so", "-Xclang", "-load", "-Xclang", "$T/plug/evil.so", "mod.c"]}]
EOF
        check_any "scan of a database loading a compiler plugin" "1 2" "$BIN" scan --db "$DB" -p plug
    else
        info "no plugin test: cc cannot build a shared object"
    fi
fi
PWNED=$( (find "$T" -name 'PWNED*'; ls -d "$START_DIR"/PWNED* 2>/dev/null) | sed "s|^$T/||")
is "no PWNED file created" "$(printf "%s" "$PWNED" | tr "\n" " ")" ""

# ---- 3. the database survives SIGKILL ------------------------------------

echo "# SIGKILL"
mkdir -p tree30
i=1
while [ $i -le 30 ]; do cp "$EX" tree30/spam$i.c; i=$((i + 1)); done
KDB=$T/kill.db
T0=$(now)
check "run 1: full scan of 30 files" 1 "$BIN" scan --db "$KDB" tree30
info "full scan of 30 files took $(elapsed "$T0" "$(now)") s"
is "run 1 has 30 findings" "$(q "$KDB" 'SELECT count(*) FROM findings WHERE run_id = 1')" 30
# touch_tree TAG: change every file of the tree (a comment at the end), so
# that an incremental scan cannot reuse the stored results and does the
# full work
touch_tree() {
    for f in tree30/*.c; do echo "/* $1 */" >>"$f"; done
}
RANDOM_DELAY=$(awk 'BEGIN { srand(); printf "%.2f", 0.05 + rand() * 0.4 }')
for delay in 0.05 0.3 0.5 "$RANDOM_DELAY" 0.15; do
    touch_tree "kill after $delay"
    timeout $LIMIT "$BIN" scan --db "$KDB" tree30 >/dev/null 2>&1 &
    tpid=$!
    sleep "$delay"
    child=$(pgrep -P "$tpid")
    workers=
    if [ -n "$child" ]; then
        workers=$(pgrep -P "$child")
        kill -9 "$child"
    fi
    wait "$tpid"
    rc=$?
    if [ -n "$child" ]; then
        is "kill -9 after ${delay}s: scan was killed" "$rc" 137
        # its worker processes (if any) must not outlive it for long
        left=
        for _ in 1 2 3 4 5 6 7 8 9 10; do
            left=
            for w in $workers; do kill -0 "$w" 2>/dev/null && left="$left $w"; done
            [ -z "$left" ] && break
            sleep 0.5
        done
        is "kill -9 after ${delay}s: no worker process left after 5s" "$left" ""
        for w in $left; do kill -9 "$w" 2>/dev/null; done
    else
        info "kill -9 after ${delay}s: scan had finished already (exit $rc)"
    fi
    is "kill -9 after ${delay}s: run 1 still has 30 findings (read-only query)" \
        "$(q "$KDB" 'SELECT count(*) FROM findings WHERE run_id = 1')" 30
    is "kill -9 after ${delay}s: integrity_check" "$(sql "$KDB" 'PRAGMA integrity_check')" ok
    is "kill -9 after ${delay}s: run 1 still ended" \
        "$(sql "$KDB" 'SELECT count(*) FROM runs WHERE id = 1 AND ended_at IS NOT NULL')" 1
done
info "runs after the kills (id|ended_at|findings): $(sql "$KDB" "SELECT r.id, ifnull(r.ended_at, '-'), (SELECT count(*) FROM findings f WHERE f.run_id = r.id) FROM runs r" | tr '\n' ' ')"
# the newest run is the one just killed: report must not pass it off as
# a complete run
if [ -z "$child" ]; then
    info "report after a killed scan: not checked, the last scan was not killed"
else
    timeout $LIMIT "$BIN" report --db "$KDB" >"$T/report.out" 2>"$T/report.err"
    n=$(grep -c 'warning: .*\[ref-leak\]' "$T/report.out")
    cp "$T/report.err" "$T/out"
    if [ "$n" -eq 30 ] || grep -Eqi 'interrupted|incomplete|not finished' "$T/report.err"; then
        ok "report after a killed scan shows a complete run or says it is incomplete"
    else
        bad "report after a killed scan shows a complete run or says it is incomplete ($n of 30 findings, no warning)"
    fi
fi
touch_tree "later full scan"
check "a later full scan works" 1 "$BIN" scan --db "$KDB" tree30
LAST=$(q "$KDB" 'SELECT max(id) FROM runs')
is "the later scan has 30 findings" "$(q "$KDB" "SELECT count(*) FROM findings WHERE run_id = $LAST")" 30
is "the later scan is ended" "$(q "$KDB" "SELECT count(*) FROM runs WHERE id = $LAST AND ended_at IS NOT NULL")" 1

# ---- 4. two scans writing one database at once ---------------------------

echo "# concurrent scans"
for round in fresh existing; do
    PDB=$T/par.db
    [ "$round" = fresh ] && rm -f "$PDB" "$PDB-wal" "$PDB-shm"
    touch_tree "concurrent $round"
    runs0=$( [ -f "$PDB" ] && sql "$PDB" 'SELECT count(*) FROM runs' || echo 0)
    timeout $LIMIT "$BIN" scan --db "$PDB" tree30 >"$T/p1.out" 2>&1 &
    p1=$!
    timeout $LIMIT "$BIN" scan --db "$PDB" tree30 >"$T/p2.out" 2>&1 &
    p2=$!
    wait "$p1"
    r1=$?
    wait "$p2"
    r2=$?
    cat "$T/p1.out" "$T/p2.out" >"$T/out"
    is "concurrent ($round database): both scans exit 1" "$r1 $r2" "1 1"
    is "concurrent ($round database): both runs ended" \
        "$(sql "$PDB" "SELECT count(*) FROM runs WHERE id > $runs0 AND ended_at IS NOT NULL")" 2
    is "concurrent ($round database): 30 findings in each run" \
        "$(sql "$PDB" "SELECT group_concat(n) FROM (SELECT (SELECT count(*) FROM findings f WHERE f.run_id = r.id) AS n FROM runs r WHERE r.id > $runs0)")" "30,30"
done

# ---- 5. pathological functions and huge files ----------------------------

echo "# pathological input"
# timed NAME FILE DB: scan FILE into DB, print the time and the notes
timed() {
    t0=$(now)
    check_any "$1: finishes without crash or hang" "0 1 2" "$BIN" scan --db "$3" "$2"
    took=$(elapsed "$t0" "$(now)")
    info "$1: exit $GOT in $took s; $(grep '^pyrefcheck: [0-9]' "$T/out")"
    info "$1: analysis_notes: $(timeout $LIMIT "$BIN" query --db "$3" --csv \
        "SELECT count(*) || ' note(s), kinds: ' || ifnull(group_concat(DISTINCT kind), 'none') FROM analysis_notes" 2>&1 | tail -1 | tr -d '\r')"
    summary=$(sed -n 's/^pyrefcheck: .* \([0-9][0-9]*\) incomplete,.*/\1/p' "$T/out")
    is "$1: every incomplete function has an analysis note" \
        "$(q "$3" "SELECT count(*) FROM analysis_notes WHERE kind = 'analysis-incomplete'")" "${summary:-?}"
}

awk 'BEGIN {
    print "#include <Python.h>\nstatic PyObject *\nbig(PyObject *self, PyObject *arg)\n{"
    print "    long c = PyLong_AsLong(arg);\n    PyObject *x = NULL, *y = NULL;"
    for (i = 0; i < 3000; i++)
        printf "    if (c == %d) x = PyLong_FromLong(%d); else y = PyLong_FromLong(%d);\n", i, i, -i
    print "    Py_XDECREF(y);\n    return x;\n}"
    print "static PyMethodDef m[] = {{\"big\", big, METH_O, NULL}, {NULL, NULL, 0, NULL}};"
}' >branches.c
timed "3000 sequential if/else" branches.c "$T/branches.db"
info "3000 sequential if/else: $(q "$T/branches.db" 'SELECT count(*) FROM findings') findings, $(q "$T/branches.db" 'SELECT count(*) FROM trace_steps') trace steps, $(wc -c <"$T/out") bytes of output, database $(wc -c <"$T/branches.db") bytes"
rm -f "$T/branches.db" "$T/branches.db-wal" "$T/branches.db-shm"

awk 'BEGIN {
    print "#include <Python.h>\nstatic PyObject *\nnest(PyObject *self, PyObject *arg)\n{"
    print "    long n = PyLong_AsLong(arg);\n    PyObject *acc = PyList_New(0);\n    if (acc == NULL)\n        return NULL;"
    ind = "    "
    for (i = 0; i < 20; i++) {
        printf "%sfor (long i%d = 0; i%d < n; i%d++) {\n", ind, i, i, i
        ind = ind "    "
        printf "%sif (i%d %% 3 == 1) {\n", ind, i
        printf "%s    PyObject *t%d = PyLong_FromLong(i%d);\n", ind, i, i
        printf "%s    if (t%d == NULL) { Py_DECREF(acc); return NULL; }\n", ind, i
        printf "%s    if (PyList_Append(acc, t%d) < 0) { Py_DECREF(t%d); Py_DECREF(acc); return NULL; }\n", ind, i, i
        printf "%s    Py_DECREF(t%d);\n%s} else if (i%d == 7) {\n%s    continue;\n%s}\n", ind, i, ind, i, ind, ind
    }
    for (i = 0; i < 20; i++) { ind = substr(ind, 5); printf "%s}\n", ind }
    print "    return acc;\n}"
    print "static PyMethodDef m[] = {{\"nest\", nest, METH_O, NULL}, {NULL, NULL, 0, NULL}};"
}' >nest.c
timed "20-deep loop nest" nest.c "$T/nest.db"

awk 'BEGIN {
    print "#include <Python.h>"
    for (i = 0; i < 4200; i++) {
        printf "static PyObject *\nf%d(PyObject *self, PyObject *arg)\n{\n", i
        printf "    PyObject *a = PyLong_FromLong(%d);\n    if (a == NULL)\n        return NULL;\n", i
        printf "    PyObject *b = PyNumber_Add(a, arg);\n    %s\n", i % 10 == 0 ? "/* leaks a */" : "Py_DECREF(a);"
        printf "    if (b == NULL)\n        return NULL;\n    return b;\n}\n"
    }
    print "static PyMethodDef m[] = {"
    for (i = 0; i < 4200; i++) printf "    {\"f%d\", f%d, METH_O, NULL},\n", i, i
    print "    {NULL, NULL, 0, NULL}};"
}' >many.c
info "many.c: $(wc -l <many.c) lines"
timed "50,000-line file of small functions" many.c "$T/many.db"
is "50,000-line file: one leak per tenth function" "$(q "$T/many.db" 'SELECT count(*) FROM findings')" 420

echo "robustness: $PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
