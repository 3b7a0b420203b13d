#!/bin/sh
# precommit_test.sh - the pre-commit hook with the real pre-commit framework:
# a throwaway git repository holding a small extension points its
# .pre-commit-config.yaml at this repository (at its current commit); a
# clean commit passes, a commit that introduces a leak is refused with the
# finding printed, and a known (baselined) finding does not block commits.
# The last line is "pre-commit: N passed, N failed".
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d /tmp/pyrefcheck-precommit-XXXXXX)
trap 'rm -rf "$T"' EXIT
PASS=0
FAIL=0
ok() { PASS=$((PASS + 1)); echo "ok   $1"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL $1"; sed 's/^/     | /' "$T/out" | tail -25; }

command -v pre-commit >/dev/null || { echo "pre-commit: the pre-commit package is missing (make deps)"; exit 2; }
REV=$(git -C "$TOP" rev-parse HEAD) || exit 2
export PRE_COMMIT_HOME="$T/cache" GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.invalid \
       GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.invalid
R=$T/repo
mkdir -p "$R" && cd "$R" && git init -q . || exit 2
cat >.pre-commit-config.yaml <<EOF2
repos:
  - repo: file://$TOP
    rev: $REV
    hooks:
      - id: pyrefcheck
EOF2
printf '.pyrefcheck/\n' >.gitignore
cat >mod.c <<'EOF2'
#include <Python.h>
static PyObject *
answer(PyObject *self, PyObject *args)
{
    return PyLong_FromLong(42);
}
static PyMethodDef mod_methods[] = {{"answer", answer, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};
EOF2
pre-commit install >"$T/out" 2>&1 || { bad "pre-commit install"; exit 1; }
git add .pre-commit-config.yaml .gitignore mod.c
if git commit -q -m "clean extension" >"$T/out" 2>&1; then ok "a clean commit passes"; else bad "a clean commit passes"; fi

cat >leak.c <<'EOF2'
#include <Python.h>
static PyObject *
pair(PyObject *self, PyObject *args)
{
    PyObject *a = PyLong_FromLong(1);
    PyObject *b = PyLong_FromLong(2);
    if (a == NULL || b == NULL)
        return NULL;
    return PyTuple_Pack(2, a, b);
}
static PyMethodDef leak_methods[] = {{"pair", pair, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};
EOF2
git add leak.c
if git commit -q -m "introduce a leak" >"$T/out" 2>&1; then
    bad "a commit with a leak is refused"
else
    ok "a commit with a leak is refused"
fi
if grep -q "leak.c:5:[0-9]*: warning: .*\[ref-leak\]" "$T/out"; then ok "the finding is printed"; else bad "the finding is printed"; fi
if [ "$(git rev-list --count HEAD)" = 1 ]; then ok "nothing was committed"; else bad "nothing was committed"; fi

# known findings: baselined (with the hook's own build), they no longer block
HOOK_BIN=$(find "$T/cache" -path '*/build/pyrefcheck' -type f | head -1)
"${HOOK_BIN:-$TOP/build/pyrefcheck}" baseline save >"$T/out" 2>&1
if git commit -q -m "leak, known and accepted" >"$T/out" 2>&1; then ok "a baselined finding does not block"; else bad "a baselined finding does not block"; fi

echo "pre-commit: $PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
