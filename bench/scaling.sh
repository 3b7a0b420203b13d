#!/bin/sh
# scaling.sh BINARY - the engine's scaling benchmark: functions with N
# sequential allocations, each followed by an error check that jumps to a
# shared cleanup block (the goto-error idiom), for N = 10, 100, 1000.
# Prints, for each N, the time of `clang-19 -fsyntax-only` on the file and
# of `pyrefcheck scan` (median of 3), so that growth in N can be compared.
set -eu
BIN=$1
T=$(mktemp -d /tmp/pyrefcheck-scaling-XXXXXX)
trap 'rm -rf "$T"' EXIT
PYINC=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["include"])')

gen() {
    n=$1
    echo '#include <Python.h>'
    echo 'static PyObject *build(PyObject *self, PyObject *args)'
    echo '{'
    i=0; while [ $i -lt "$n" ]; do echo "    PyObject *v$i = NULL;"; i=$((i + 1)); done
    echo '    PyObject *t = NULL;'
    i=0; while [ $i -lt "$n" ]; do
        echo "    v$i = PyLong_FromLong($i);"
        echo "    if (v$i == NULL) goto error;"
        i=$((i + 1)); done
    echo "    t = PyTuple_New($n);"
    echo '    if (t == NULL) goto error;'
    i=0; while [ $i -lt "$n" ]; do echo "    PyTuple_SET_ITEM(t, $i, v$i);"; i=$((i + 1)); done
    echo '    return t;'
    echo 'error:'
    i=0; while [ $i -lt "$n" ]; do echo "    Py_XDECREF(v$i);"; i=$((i + 1)); done
    echo '    return NULL;'
    echo '}'
    echo 'static PyMethodDef m[] = {{"build", build, METH_VARARGS, NULL}, {NULL, NULL, 0, NULL}};'
}

# median of three runs of a command, in seconds
median3() {
    for k in 1 2 3; do
        s=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || true
        e=$(date +%s.%N)
        awk -v s="$s" -v e="$e" 'BEGIN { printf "%.4f\n", e - s }' 
    done | sort -n | sed -n 2p
}

printf '%6s %10s %12s %8s %8s\n' N clang_s pyrefcheck_s ratio findings
for n in 10 100 1000; do
    gen "$n" >"$T/gen$n.c"
    c=$(median3 clang-19 -fsyntax-only -I"$PYINC" "$T/gen$n.c")
    p=$(median3 "$BIN" scan --no-incremental --db "$T/db" --python-include "$PYINC" "$T/gen$n.c")
    f=$("$BIN" scan --no-incremental --db "$T/db" --python-include "$PYINC" --format json "$T/gen$n.c" 2>/dev/null |
        python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))')
    printf '%6s %10.3f %12.3f %8.2f %8s\n' "$n" "$c" "$p" \
        "$(awk -v p="$p" -v c="$c" 'BEGIN { print p / c }')" "$f"
done

# Incremental and parallel scans of the corpus (every case file): the
# first scan (median of 3, each analysing everything), a rescan of the
# unchanged tree, and -j2.
TOP=$(cd "$(dirname "$0")/.." && pwd)
rm -f "$T/inc.db"*
first=$(median3 "$BIN" scan -j1 --db "$T/inc.db" --no-incremental "$TOP/corpus")
rescan=$(median3 "$BIN" scan -j1 --db "$T/inc.db" "$TOP/corpus")
par=$(median3 "$BIN" scan -j2 --no-incremental --db "$T/par.db" "$TOP/corpus")
echo
printf 'corpus: first scan -j1 %.3f s, unchanged rescan %.3f s (%.1f%%), -j2 %.3f s (speed-up %.2f)\n' \
    "$first" "$rescan" "$(awk -v a="$rescan" -v b="$first" 'BEGIN { print 100 * a / b }')" \
    "$par" "$(awk -v a="$first" -v b="$par" 'BEGIN { print a / b }')"
