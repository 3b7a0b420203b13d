#!/bin/sh
# sources.sh - fetch the pinned Debian source of CPython 3.11 into
# bench/src/ (git-ignored) and write a compile_commands.json for its C
# modules (Modules/*.c, Modules/_*/*.c) with hand-written flags:
# -DPy_BUILD_CORE_MODULE, CPython's Include/ and Include/internal, and the
# pyconfig.h that python3.11-dev installs (copied alone into bench/src/pyinc
# so that the source tree's own headers win).  No CPython build is needed.
# A deb-src entry is added (as root) for the running Debian release when
# none exists, mirroring the machine's own deb entries.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
SRC=$TOP/bench/src
PIN=python3.11=3.11.2-6+deb12u8
TREE=$SRC/python3.11-3.11.2
mkdir -p "$SRC"
say() { echo "bench-sources: $*" >&2; }

if [ ! -d "$TREE" ]; then
    if ! grep -rqs '^deb-src\|^Types:.*deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
        [ "$(id -u)" -eq 0 ] || { say "no deb-src entry and not root: add one, then rerun"; exit 2; }
        say "adding deb-src entries (copies of the machine's deb entries)"
        for f in /etc/apt/sources.list.d/*.sources; do
            [ -f "$f" ] || continue
            sed 's/^Types: *deb$/Types: deb-src/' "$f"
        done >/etc/apt/sources.list.d/pyrefcheck-deb-src.sources
        if [ -f /etc/apt/sources.list ]; then
            sed -n 's/^deb /deb-src /p' /etc/apt/sources.list >/etc/apt/sources.list.d/pyrefcheck-deb-src.list
        fi
        apt-get update -qq
    fi
    command -v dpkg-source >/dev/null || apt-get install -y -qq dpkg-dev >/dev/null
    say "apt-get source $PIN"
    (cd "$SRC" && apt-get source -qq "$PIN" >/dev/null)
fi

mkdir -p "$SRC/pyinc"
cp "$(python3.11 -c 'import sysconfig; print(sysconfig.get_config_h_filename())' 2>/dev/null ||
      ls /usr/include/*/python3.11/pyconfig.h | head -1)" "$SRC/pyinc/pyconfig.h"
python3 - "$TREE" "$SRC/pyinc" <<'PY'
import glob, json, os, sys
tree, pyinc = sys.argv[1], sys.argv[2]
base = ["cc", "-c", "-DPy_BUILD_CORE_MODULE", "-I", pyinc, "-I", "Include",
        "-I", "Include/internal"]
files = sorted(set(glob.glob("Modules/*.c", root_dir=tree) +
                   glob.glob("Modules/_*/*.c", root_dir=tree)))
entries = [{"directory": tree, "file": f, "arguments": base + [f]} for f in files]
with open(os.path.join(tree, "compile_commands.json"), "w") as fp:
    json.dump(entries, fp, indent=1)
print("bench-sources: %d translation units in %s/compile_commands.json" % (len(entries), tree), file=sys.stderr)
PY
