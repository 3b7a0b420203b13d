#!/usr/bin/env python3
"""report.py SCALING_OUT REALCODE_TSV OUT.md - write docs/benchmarks.md from
one `make bench` run: the engine's scaling benchmark (its printed table)
and the real-code rows (tab-separated, from realcode.sh), with the date,
the machine's cores and CPU, and each target met or not."""
import datetime
import json
import os
import sys


def cpu_model():
    try:
        with open("/proc/cpuinfo") as fp:
            for line in fp:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def rows(path):
    out = []
    with open(path) as fp:
        for line in fp:
            f = line.rstrip("\n").split("\t")
            if len(f) != 11:
                continue
            name, tus, lines, c, p, j2, re_, rss, fn, inc, rules = f
            out.append({"name": name, "tus": int(tus), "lines": int(lines),
                        "clang": float(c), "prc": float(p), "j2": float(j2),
                        "rescan": float(re_), "rss": int(rss), "functions": int(fn),
                        "incomplete": int(inc), "rules": json.loads(rules)})
    return out


def main():
    scaling, tsv, out = sys.argv[1:4]
    data = rows(tsv)
    md = ["# Benchmarks", "",
          "Written by `make bench` on %s; machine: %d cores (%s). Times are "
          "medians of 3 rounds that alternate `clang-19 -fsyntax-only` over the "
          "same translation units and flags with `pyrefcheck scan -j1` "
          "(A B A B A B); `-j2` and the unchanged rescan are single runs." % (
              datetime.date.today().isoformat(), os.cpu_count(), cpu_model()), "",
          "## Real code", "",
          "| codebase | TUs | lines | clang s | pyrefcheck s | ratio | -j2 speed-up | "
          "rescan | peak RSS | functions | incomplete |",
          "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in data:
        md.append("| %s | %d | %d | %.2f | %.2f | %.2f | %.2f | %.1f%% | %d MB | %d | %d |" % (
            r["name"], r["tus"], r["lines"], r["clang"], r["prc"], r["prc"] / r["clang"],
            r["prc"] / r["j2"] if r["j2"] else 0, 100 * r["rescan"] / r["j2"] if r["j2"] else 0,
            r["rss"], r["functions"], r["incomplete"]))
    md += ["", "Findings per rule (one `-j2` scan):", ""]
    for r in data:
        md.append("- %s: %s" % (r["name"], ", ".join("%s %d" % kv for kv in r["rules"].items()) or "none"))
    cp = next((r for r in data if r["name"].startswith("cpython")), None)
    md += ["", "## Targets (CPython's modules)", ""]
    if cp:
        checks = [
            ("pyrefcheck -j1 at most 1.3x the clang floor", cp["prc"] / cp["clang"], "%.2fx", cp["prc"] / cp["clang"] <= 1.3),
            ("-j2 at least 1.7x faster than -j1", cp["prc"] / cp["j2"], "%.2fx", cp["prc"] / cp["j2"] >= 1.7),
            ("unchanged rescan under 10% of the first scan", 100 * cp["rescan"] / cp["j2"], "%.1f%%", cp["rescan"] / cp["j2"] < 0.10),
            ("no function left incomplete", cp["incomplete"], "%d", cp["incomplete"] == 0),
            ("peak RSS under 300 MB", cp["rss"], "%d MB", cp["rss"] < 300),
        ]
        md += ["| target | measured | met |", "|---|---|---|"]
        for what, val, fmt, ok in checks:
            md.append("| %s | %s | %s |" % (what, fmt % val, "yes" if ok else "no"))
    else:
        md.append("CPython was not fetched (`make bench-sources`).")
    md += ["", "## Engine scaling", "",
           "Generated functions with N allocations, each checked and jumping to a "
           "shared error block:", "", "```"]
    with open(scaling) as fp:
        md += [l.rstrip("\n") for l in fp if l.strip()]
    md += ["```", ""]
    with open(out, "w") as fp:
        fp.write("\n".join(md))
    print("bench: wrote %s" % out, file=sys.stderr)


if __name__ == "__main__":
    main()
