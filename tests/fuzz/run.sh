#!/bin/sh
# run.sh BUILD SECONDS NAME... - runs the libFuzzer harnesses BUILD/fuzz_NAME
# (built by `make fuzz`) for SECONDS each and prints, for each, the number
# of executions and whether it crashed; exits 1 if any did.
#
# Before fuzzing, every input saved under tests/fuzz/crashes/NAME/ is run
# once (regression check); while one still crashes, NAME is not fuzzed.  Seeds: tests/fuzz/seeds/NAME/, and for
# pipeline the C files of corpus/ (copied into BUILD/seeds/pipeline).  The
# working corpus grows in BUILD/corpus/NAME, logs go to BUILD/logs/NAME.log.
# A crash (also a leak, a timeout or running out of memory) is minimised
# for FUZZ_MINIMIZE_SECONDS (default 30) and saved with its stack under
# tests/fuzz/crashes/NAME/.  FUZZ_TIMEOUT (default 25) is the limit for
# one input, in seconds.
set -u
B=$1
SECONDS_EACH=$2
shift 2
TOP=$(cd "$(dirname "$0")/../.." && pwd)
B=$(cd "$B" && pwd)
CRASHES=$TOP/tests/fuzz/crashes
TIMEOUT=${FUZZ_TIMEOUT:-25}
MINIMIZE=${FUZZ_MINIMIZE_SECONDS:-30}
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$TOP/tests/fuzz/lsan.supp:print_suppressions=0}"
mkdir -p "$B/logs" "$B/corpus" "$B/seeds" "$B/artifacts" "$B/tmp"
# the harnesses' temporary files (see fuzz_util.h)
export TMPDIR="$B/tmp"
trap 'rm -rf "$B/tmp"' EXIT

# pipeline's seeds: the corpus files, flattened (dir_file.c)
rm -rf "$B/seeds/pipeline"
mkdir -p "$B/seeds/pipeline"
(cd "$TOP/corpus" && find . -name '*.c' -type f) | while read -r f; do
    f=${f#./}
    cp "$TOP/corpus/$f" "$B/seeds/pipeline/$(echo "$f" | tr / _)"
done

failed=0
summary=""
for name in "$@"; do
    bin=$B/fuzz_$name
    log=$B/logs/$name.log
    art=$B/artifacts/$name
    rm -rf "$art"
    mkdir -p "$art" "$B/corpus/$name"
    : >"$log"

    # regression: the saved crashing inputs must not crash any more
    reg=""
    if [ -d "$CRASHES/$name" ]; then
        for input in "$CRASHES/$name"/*; do
            case $input in *.txt|*"*") continue ;; esac
            if ! "$bin" -timeout="$TIMEOUT" -runs=1 "$input" >>"$log" 2>&1; then
                reg="$reg $(basename "$input")"
            fi
        done
    fi

    if [ -n "$reg" ]; then
        # fuzzing would only find the known crash again (on the seeds)
        failed=1
        line="fuzz_$name: 0 executions, not fuzzed: saved inputs still crash:$reg"
        echo "$line"
        summary="$summary$line
"
        continue
    fi

    seeds=""
    [ -d "$TOP/tests/fuzz/seeds/$name" ] && seeds="$TOP/tests/fuzz/seeds/$name"
    [ "$name" = pipeline ] && seeds="$B/seeds/pipeline"
    dict=""
    [ -f "$TOP/tests/fuzz/$name.dict" ] && dict="-dict=$TOP/tests/fuzz/$name.dict"
    echo "== fuzz_$name: ${SECONDS_EACH}s (log: $log)"
    # shellcheck disable=SC2086
    "$bin" -max_total_time="$SECONDS_EACH" -print_final_stats=1 \
        -timeout="$TIMEOUT" -rss_limit_mb=4096 -close_fd_mask=3 $dict \
        -artifact_prefix="$art/" "$B/corpus/$name" $seeds >>"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    [ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$log" | tail -1)
    artifact=$(ls "$art" 2>/dev/null | head -1)
    if [ "$rc" -eq 0 ] && [ -z "$artifact" ]; then
        result="no crash"
    else
        failed=1
        result="CRASHED (exit $rc)"
        if [ -n "$artifact" ]; then
            mkdir -p "$CRASHES/$name"
            min=$CRASHES/$name/$artifact
            "$bin" -minimize_crash=1 -max_total_time="$MINIMIZE" -timeout="$TIMEOUT" \
                -exact_artifact_path="$min" "$art/$artifact" >"$B/logs/$name.minimize.log" 2>&1
            [ -f "$min" ] || cp "$art/$artifact" "$min"
            "$bin" -timeout="$TIMEOUT" -runs=1 "$min" >"$min.txt" 2>&1
            result="$result: $artifact, minimised to $(wc -c <"$min") bytes: $min (stack: $min.txt)"
            grep -m1 -E 'ERROR: |runtime error|SUMMARY' "$min.txt" | sed 's/^/    /'
        fi
    fi
    line="fuzz_$name: ${execs:-0} executions, $result"
    echo "$line"
    summary="$summary$line
"
done
echo "== fuzz summary (${SECONDS_EACH}s each)"
printf "%s" "$summary"
exit $failed
