#!/bin/sh
# realcode.sh BINARY - the real-code benchmark: for each codebase fetched by
# `make bench-sources`, `clang-19 -fsyntax-only` over the same translation
# units and flags, and `pyrefcheck scan -j1`, alternating (A B A B A B),
# medians of 3; then -j2 and an unchanged rescan.  Prints the translation
# units and their source lines (`wc -l`), seconds, the ratio to clang, peak
# RSS, functions analysed and incomplete, findings per rule.
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TOP=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d /tmp/pyrefcheck-realcode-XXXXXX)
trap 'rm -rf "$T"' EXIT

# seconds and peak RSS (kB) of a command: "SECONDS KB"
measure() {
    python3 - "$@" <<'PY'
import resource, subprocess, sys, time
t = time.monotonic()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print("%.3f %d" % (time.monotonic() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
PY
}

clang_all() {
    python3 - "$1" <<'PY'
import json, subprocess, sys, os
for e in json.load(open(sys.argv[1] + "/compile_commands.json")):
    args = [a for a in e["arguments"][1:] if a not in ("-c",)]
    subprocess.run(["clang-19", "-fsyntax-only", "-w"] + args, cwd=e["directory"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
PY
}

median() { sort -n | sed -n 2p; }

row() {
    name=$1 dir=$2
    [ -f "$dir/compile_commands.json" ] || { echo "$name: not fetched (make bench-sources)"; return; }
    tus=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$dir/compile_commands.json")
    lines=$(python3 -c 'import json,sys; print("\n".join(e["file"] for e in json.load(open(sys.argv[1]))))' "$dir/compile_commands.json" |
        while IFS= read -r f; do cat "$dir/$f"; done | wc -l | tr -d ' ')
    : >"$T/c" ; : >"$T/p"
    for round in 1 2 3; do
        s=$(date +%s.%N); clang_all "$dir"; e=$(date +%s.%N)
        awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f\n", e - s }' >>"$T/c"
        measure "$BIN" scan -j1 --no-incremental -p "$dir" --db "$T/db" >>"$T/p"
    done
    c=$(median <"$T/c"); p=$(cut -d' ' -f1 "$T/p" | median); rss=$(cut -d' ' -f2 "$T/p" | sort -n | tail -1)
    j2=$(measure "$BIN" scan -j2 --no-incremental -p "$dir" --db "$T/db2" | cut -d' ' -f1)
    "$BIN" scan -j2 -p "$dir" --db "$T/db3" >/dev/null 2>&1
    re=$(measure "$BIN" scan -j2 -p "$dir" --db "$T/db3" | cut -d' ' -f1)
    "$BIN" scan -j2 --no-incremental -p "$dir" --db "$T/db4" --format json >"$T/f.json" 2>"$T/f.err"
    stats=$(tail -1 "$T/f.err" | sed 's/.*(\([0-9]*\) functions analysed, \([0-9]*\) incomplete.*/\1 \2/')
    printf '%-16s %5s %7s %8s %8s %6.2f %6.2f %7.1f%% %8s MB %s\n' "$name" "$tus" "$lines" "$c" "$p" \
        "$(awk -v p="$p" -v c="$c" 'BEGIN { print p / c }')" \
        "$(awk -v p="$p" -v j="$j2" 'BEGIN { print p / j }')" \
        "$(awk -v r="$re" -v j="$j2" 'BEGIN { print 100 * r / j }')" \
        "$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')" "$stats"
    rules=$(python3 -c 'import collections,json,sys; print(json.dumps(dict(sorted(collections.Counter(f["rule"] for f in json.load(open(sys.argv[1]))["findings"]).items()))))' "$T/f.json")
    echo "           findings: $rules"
    # one tab-separated row per codebase for bench/report.py
    if [ -n "${BENCH_TSV:-}" ]; then
        # shellcheck disable=SC2086 # "functions incomplete"
        set -- $stats
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$tus" "$lines" "$c" "$p" \
            "$j2" "$re" "$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')" "$1" "$2" \
            "$rules" >>"$BENCH_TSV"
    fi
}

echo
printf '%-16s %5s %7s %8s %8s %6s %6s %8s %11s %s\n' codebase TUs lines clang_s prc_s ratio j2_x rescan peak_RSS "functions incomplete"
row cpython-3.11 "$TOP/bench/src/python3.11-3.11.2"
row pillow-9.4.0 "$TOP/bench/src/pillow-9.4.0"
row cffi-1.15.1 "$TOP/bench/src/python-cffi-1.15.1"
row mysqldb-1.4.6 "$TOP/bench/src/python-mysqldb-1.4.6"
row bsddb3-6.2.9 "$TOP/bench/src/python-bsddb3-6.2.9"
row pyaudio-0.2.13 "$TOP/bench/src/python-pyaudio-0.2.13"
row xxhash-3.2.0 "$TOP/bench/src/python-xxhash-3.2.0"
row markupsafe-2.1.2 "$TOP/bench/src/markupsafe-2.1.2"
row netifaces-0.11.0 "$TOP/bench/src/netifaces-0.11.0"
row crcmod-1.7 "$TOP/bench/src/python-crcmod-1.7+dfsg"
