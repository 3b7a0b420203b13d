#!/usr/bin/env python3
"""evalreal.py BINARY - the real-world evaluation.

Scans every codebase that `make bench-sources` fetched into bench/src/
(each tree with a compile_commands.json), counts findings per rule, and
writes docs/real-world.md: findings per codebase and rule, parse errors,
and triage tables.

Triage: for the rules ref-leak, ref-overrelease, use-after-release and
null-deref, every finding of a codebase when there are at most 60, else a
fixed sample of 60 (the findings ordered by the SHA-256 of their
fingerprint, which is stable across runs and line shifts).  Every finding
of the gc-* rules is triaged.  Verdicts come from bench/triage.tsv, written
by hand after reading the code:

    codebase <TAB> fingerprint <TAB> verdict <TAB> reason

verdict is one of bug, fp, unsure.  A sampled finding without a verdict is
listed as "untriaged"; verdicts whose finding is gone (fixed false
positives) are listed separately, so that nothing is silently dropped.
"""
import collections
import datetime
import hashlib
import json
import os
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(TOP, "bench", "src")
TRIAGE = os.path.join(TOP, "bench", "triage.tsv")
OUT = os.path.join(TOP, "docs", "real-world.md")
SAMPLED_RULES = ("ref-leak", "ref-overrelease", "use-after-release", "null-deref")
GC_RULES = ("gc-traverse-incomplete", "gc-missing-flag", "gc-dealloc", "gc-alloc")
SAMPLE = 60
VERDICTS = {"bug": "true bug", "fp": "false positive", "unsure": "unsure"}


def codebases():
    """(name, tree) for every fetched tree, CPython first."""
    found = []
    if not os.path.isdir(SRC):
        return found
    for entry in sorted(os.listdir(SRC)):
        tree = os.path.join(SRC, entry)
        if os.path.isfile(os.path.join(tree, "compile_commands.json")):
            found.append((entry, tree))
    found.sort(key=lambda c: (not c[0].startswith("python3."), c[0]))
    return found


def scan(binary, tree):
    """Run one scan; return (findings, summary line, exit code, stderr)."""
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run(
            [binary, "scan", "-j2", "--no-incremental", "-p", tree,
             "--db", os.path.join(tmp, "db"), "--format", "json"],
            capture_output=True, text=True)
    try:
        findings = json.loads(proc.stdout)["findings"]
    except (ValueError, KeyError):
        findings = []
    lines = proc.stderr.strip().splitlines()
    summary = lines[-1] if lines else ""
    return findings, summary, proc.returncode, proc.stderr


def load_triage():
    verdicts = {}
    if not os.path.exists(TRIAGE):
        return verdicts
    with open(TRIAGE, encoding="utf-8") as fp:
        for n, line in enumerate(fp, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 4 or parts[2] not in VERDICTS:
                sys.exit("%s:%d: expected codebase, fingerprint, verdict "
                         "(bug|fp|unsure), reason separated by tabs" % (TRIAGE, n))
            verdicts[(parts[0], parts[1])] = (parts[2], parts[3])
    return verdicts


def sample(findings):
    picked = []
    for rule in SAMPLED_RULES:
        of_rule = [f for f in findings if f["rule"] == rule]
        picked += of_rule
    picked.sort(key=lambda f: hashlib.sha256(f["fingerprint"].encode()).hexdigest())
    return picked[:SAMPLE]


def rel(path, tree):
    return os.path.relpath(path, tree) if path.startswith(tree) else path


def parse_errors(stderr, tree):
    errs = [l for l in stderr.splitlines() if ": error:" in l or ": fatal error:" in l]
    return [rel(e, tree) for e in errs]


def verdict_table(out, keys, verdicts):
    """Append a table of the verdicts for keys (codebase, fingerprint)."""
    if keys:
        out.append("| codebase | fingerprint | verdict | reason |")
        out.append("|---|---|---|---|")
        for k in keys:
            v = verdicts[k]
            out.append("| %s | %s | %s | %s |" % (k[0], k[1], VERDICTS[v[0]],
                                                 v[1].replace("|", "\\|")))
    else:
        out.append("- none")
    out.append("")


def triage_table(out, name, tree, items, verdicts, tally):
    out.append("| # | rule | location | function | verdict | reason |")
    out.append("|---|---|---|---|---|---|")
    for i, f in enumerate(items, 1):
        v = verdicts.get((name, f["fingerprint"]))
        verdict, reason = (VERDICTS[v[0]], v[1]) if v else ("untriaged", "")
        tally[verdict] += 1
        out.append("| %d | %s | `%s:%d` | `%s` | %s | %s |" % (
            i, f["rule"], rel(f["file"], tree), f["line"], f["function"],
            verdict, reason.replace("|", "\\|")))
    out.append("")


def main():
    binary = os.path.abspath(sys.argv[1])
    verdicts = load_triage()
    bases = codebases()
    if not bases:
        sys.exit("eval-real: nothing fetched; run `make bench-sources` first")
    rules_seen = set()
    results = []
    for name, tree in bases:
        print("eval-real: scanning %s" % name, file=sys.stderr)
        findings, summary, rc, stderr = scan(binary, tree)
        if rc not in (0, 1):
            print("eval-real: %s: scan exited %d" % (name, rc), file=sys.stderr)
        rules_seen.update(f["rule"] for f in findings)
        results.append((name, tree, findings, summary, rc, parse_errors(stderr, tree)))

    cols = sorted(rules_seen)
    out = ["# Real-world evaluation", "",
           "Written by `make eval-real` on %s (pyrefcheck %s); the sources are the "
           "pinned Debian packages that `make bench-sources` fetches." % (
               datetime.date.today().isoformat(), version(binary)), "",
           "## Findings per codebase and rule", "",
           "| codebase | exit | %s |" % " | ".join(cols),
           "|---|---|" + "---|" * len(cols)]
    for name, tree, findings, summary, rc, errs in results:
        count = collections.Counter(f["rule"] for f in findings)
        out.append("| %s | %d | %s |" % (name, rc, " | ".join(str(count.get(c, 0)) for c in cols)))
    out.append("")
    out.append("Scan summaries (the last line pyrefcheck printed):")
    out.append("")
    for name, tree, findings, summary, rc, errs in results:
        # the temporary database's path is left out: it changes every run
        out.append("- %s: `%s`" % (name, summary.replace(tree + "/", "").split("; run ")[0]))
    out.append("")
    out.append("Files that did not parse (the compiler's first error; "
               "missing optional headers are listed here too):")
    out.append("")
    any_err = False
    for name, tree, findings, summary, rc, errs in results:
        for e in errs:
            out.append("- %s: `%s`" % (name, e))
            any_err = True
    if not any_err:
        out.append("- none")
    out.append("")

    out.append("## Triage")
    out.append("")
    out.append("Rules %s: every finding when a codebase has at most %d, else a fixed "
               "sample of %d (ordered by the SHA-256 of the fingerprint). Verdicts "
               "come from `bench/triage.tsv`, written after reading the code." % (
                   ", ".join(SAMPLED_RULES), SAMPLE, SAMPLE))
    out.append("")
    tally_all = collections.Counter()
    shown = set()
    reported = set((name, f["fingerprint"])
                   for name, tree, findings, summary, rc, errs in results
                   for f in findings)
    for name, tree, findings, summary, rc, errs in results:
        items = sample(findings)
        total = sum(1 for f in findings if f["rule"] in SAMPLED_RULES)
        tally = collections.Counter()
        out.append("### %s (%d of %d findings)" % (name, len(items), total))
        out.append("")
        if items:
            triage_table(out, name, tree, items, verdicts, tally)
            out.append(tally_line(tally))
            out.append("")
        tally_all.update(tally)
        shown.update((name, f["fingerprint"]) for f in items)

    out.append("## Triage of the garbage-collector rules")
    out.append("")
    tally_gc = collections.Counter()
    for name, tree, findings, summary, rc, errs in results:
        items = [f for f in findings if f["rule"] in GC_RULES]
        if not items:
            continue
        items.sort(key=lambda f: (f["rule"], f["file"], f["line"]))
        out.append("### %s (%d findings)" % (name, len(items)))
        out.append("")
        triage_table(out, name, tree, items, verdicts, tally_gc)
        shown.update((name, f["fingerprint"]) for f in items)
    out.append(tally_line(tally_gc) if tally_gc else "No gc-* findings.")
    out.append("")

    out.append("## Overall")
    out.append("")
    out.append("Sampled rules: " + tally_line(tally_all))
    out.append("")
    judged = tally_all["true bug"] + tally_all["false positive"]
    share = 100.0 * tally_all["true bug"] / judged if judged else 0.0
    out.append("Target: at least 85%% of triaged findings are true bugs: %s (%.1f%%)." % (
        "met" if share >= 85 else "not met", share))
    bad = [name for name, tree, findings, summary, rc, errs in results
           if rc not in (0, 1) or errs]
    out.append("")
    out.append("Every codebase scanned without a crash and with every file parsed "
               "(exit 0: no finding, 1: findings)." if not bad else
               "Codebases with a scan error or a file that did not parse: %s." % ", ".join(bad))
    out.append("")
    notes = os.path.join(TOP, "bench", "real-world-notes.md")
    if os.path.exists(notes):
        with open(notes, encoding="utf-8") as fp:
            out.append(fp.read().rstrip("\n"))
        out.append("")
    unshown = sorted(k for k in verdicts if k not in shown and k in reported)
    gone = sorted(k for k in verdicts if k not in reported)
    out.append("## Verdicts of findings outside the samples")
    out.append("")
    out.append("Still reported, but no longer in a codebase's sample of 60 (the "
               "sample changes as findings come and go):")
    out.append("")
    verdict_table(out, unshown, verdicts)
    out.append("## Verdicts whose finding is no longer reported")
    out.append("")
    out.append("False positives fixed in the analysis or the rules since they were "
               "triaged (each has a clean corpus case), and findings judged true "
               "bugs that are now reported at another point of the same path, "
               "with another message or under another rule (a NULL handed to a "
               "call that checks for NULL is judged by exception-state).  The "
               "verdicts are kept so that a finding that comes back is judged:")
    out.append("")
    verdict_table(out, gone, verdicts)
    with open(OUT, "w", encoding="utf-8") as fp:
        fp.write("\n".join(out))
    print("eval-real: wrote %s" % os.path.relpath(OUT, TOP), file=sys.stderr)


def tally_line(t):
    judged = t["true bug"] + t["false positive"]
    share = "%.1f%%" % (100.0 * t["true bug"] / judged) if judged else "n/a"
    return ("%d true bugs, %d false positives, %d unsure, %d untriaged; "
            "true bugs among judged findings: %s" % (
                t["true bug"], t["false positive"], t["unsure"], t["untriaged"], share))


def version(binary):
    try:
        return subprocess.run([binary, "--version"], capture_output=True,
                              text=True).stdout.split()[-1]
    except (OSError, IndexError):
        return "?"


if __name__ == "__main__":
    main()
