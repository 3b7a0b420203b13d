#!/bin/sh
# html_check.sh BINARY - end-to-end test of the HTML report in a real
# browser: scans corpus/examples/spammodule.c into a temporary database,
# writes `report --format html`, checks the page's markup (balanced tags,
# no external resources, everything escaped), then renders it with headless
# Chromium (/usr/bin/chromium, Debian package "chromium") three times:
# as is, with "?open" (the page's script opens every finding) and as a
# copy with <details open>.  The screenshots are decoded with python3's
# standard library (zlib + struct) and must not be blank, must differ
# between closed and opened findings, and the opened ones must show the
# step-line highlight colour.  Each check prints "ok" or "FAIL"; the last
# line is "html: N passed, N failed".  KEEP=1 keeps the temporary
# directory (page and screenshots) and prints its name.
set -u

if [ $# -ne 1 ]; then
    echo "usage: $0 BINARY" >&2
    exit 2
fi
CHROMIUM=/usr/bin/chromium
if [ ! -x "$CHROMIUM" ]; then
    echo "html_check: $CHROMIUM is missing; install the Debian package" \
         "'chromium' (apt-get install -y chromium, or make deps)" >&2
    echo "html: 0 passed, 1 failed"
    exit 2
fi

BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TOP=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d /tmp/pyrefcheck-html-XXXXXX)
if [ "${KEEP:-0}" = 1 ]; then echo "html_check: keeping $T"; else trap 'rm -rf "$T"' EXIT; fi
PASS=0
FAIL=0

ok() { PASS=$((PASS + 1)); echo "ok   $1"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL $1"; [ -f "$T/out" ] && sed 's/^/     | /' "$T/out" | head -20; }
# run NAME COMMAND...: COMMAND must succeed; its output goes to $T/out
run() {
    name=$1
    shift
    if "$@" >"$T/out" 2>&1; then ok "$name"; else bad "$name"; fi
}

# The PNG checks: python3 with the standard library only.
cat >"$T/png.py" <<'EOF'
import struct, sys, zlib

def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c

def unfilter(ftype, line, prev, bpp):
    if ftype == 0:
        return line
    out = bytearray(line)
    n = len(out)
    if ftype == 2:
        return bytearray((line[i] + prev[i]) & 255 for i in range(n))
    for i in range(n):
        a = out[i - bpp] if i >= bpp else 0
        if ftype == 1:
            out[i] = (out[i] + a) & 255
        elif ftype == 3:
            out[i] = (out[i] + ((a + prev[i]) >> 1)) & 255
        elif ftype == 4:
            c = prev[i - bpp] if i >= bpp else 0
            out[i] = (out[i] + paeth(a, prev[i], c)) & 255
        else:
            raise ValueError("bad PNG filter type %d" % ftype)
    return out

def decode(path):
    """Returns (width, height, rows of RGB tuples)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("%s: not a PNG" % path)
    pos, idat, hdr = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            hdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    w, h, depth, ctype, _, _, interlace = hdr
    chans = {0: 1, 2: 3, 4: 2, 6: 4}.get(ctype)
    if depth != 8 or chans is None or interlace:
        raise ValueError("unsupported PNG (depth %d, colour type %d, "
                         "interlace %d)" % (depth, ctype, interlace))
    raw = zlib.decompress(b"".join(idat))
    stride = w * chans
    prev, rows = bytearray(stride), []
    for y in range(h):
        off = y * (stride + 1)
        line = unfilter(raw[off], raw[off + 1:off + 1 + stride], prev, chans)
        prev = line
        if chans >= 3:
            rows.append([tuple(line[x:x + 3]) for x in range(0, stride, chans)])
        else:
            rows.append([(v, v, v) for v in line[0:stride:chans]])
    return w, h, rows

def stats(rows):
    counts = {}
    for r in rows:
        for p in r:
            counts[p] = counts.get(p, 0) + 1
    return counts

def near(p, q, tol=6):
    return all(abs(a - b) <= tol for a, b in zip(p, q))

def colour_pixels(counts, rgb):
    return sum(n for p, n in counts.items() if near(p, rgb))

STEP = (0xff, 0xf3, 0xb8)   # tr.step background (--step)
TARGET = (0xcf, 0x22, 0x2e) # finding-line edge and badge (--tgtedge)

def main():
    cmd = sys.argv[1]
    w, h, rows = decode(sys.argv[2])
    counts = stats(rows)
    total = w * h
    bg = max(counts.values())
    if cmd == "blank":
        frac = 1 - bg / total
        print("%dx%d, %d colours, %.1f%% not background"
              % (w, h, len(counts), 100 * frac))
        sys.exit(0 if len(counts) > 16 and frac > 0.02 else 1)
    if cmd == "highlight":   # PNG WANT(0|1): step highlight shown or not
        step, tgt = colour_pixels(counts, STEP), colour_pixels(counts, TARGET)
        print("step-colour pixels %d, target-colour pixels %d" % (step, tgt))
        shown = step > 2000 and tgt > 50
        sys.exit(0 if shown == (sys.argv[3] == "1") and (shown or step < 100)
                 else 1)
    if cmd == "differ":      # PNG OTHER: share of pixels that differ
        _, _, other = decode(sys.argv[3])
        diff = sum(1 for a, b in zip(rows, other)
                   for p, q in zip(a, b) if p != q)
        print("%.1f%% of pixels differ" % (100 * diff / total))
        sys.exit(0 if diff > total * 0.02 else 1)

main()
EOF

# The page's markup: balanced tags, nothing loaded from elsewhere.
cat >"$T/markup.py" <<'EOF'
import sys
from html.parser import HTMLParser

VOID = {"meta", "br", "img", "input", "link", "hr", "col", "wbr"}

class Check(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.details = [], [], 0
    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href", "action") or (value or "").find("://") >= 0:
                self.errors.append("external reference %s=%r" % (name, value))
        if tag == "details":
            self.details += 1
        if tag == "link":
            self.errors.append("<link> element")
        if tag not in VOID:
            self.stack.append(tag)
    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("unbalanced </%s> (open: %s)" % (tag, self.stack[-3:]))
        else:
            self.stack.pop()

text = open(sys.argv[1], encoding="utf-8").read()
c = Check()
c.feed(text)
c.close()
if c.stack:
    c.errors.append("unclosed %s" % c.stack)
if not text.startswith("<!DOCTYPE html>"):
    c.errors.append("no doctype")
if c.details < 1:
    c.errors.append("no <details>")
print("%d details, %s" % (c.details, "; ".join(c.errors) or "well formed"))
sys.exit(1 if c.errors else 0)
EOF

# shot NAME URL PNG: screenshot URL with headless Chromium
shot() {
    timeout 60 "$CHROMIUM" --headless=new --no-sandbox --disable-gpu \
        --disable-quic --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync \
        --user-data-dir="$(mktemp -d "$T/profile-XXXXXX")" \
        --window-size=1200,900 --screenshot="$3" "$2" >"$T/chromium.log" 2>&1
    if [ -s "$3" ]; then ok "$1"; else
        cp "$T/chromium.log" "$T/out"; bad "$1 (no screenshot)"; fi
}

cd "$T" || exit 2
cp "$TOP/corpus/examples/spammodule.c" "$T/spam.c"
"$BIN" scan --db "$T/f.db" spam.c >"$T/out" 2>&1
if [ $? -eq 1 ]; then ok "scan finds the leak"; else bad "scan finds the leak"; fi
"$BIN" report --format html --db "$T/f.db" >"$T/page.html" 2>"$T/out"
if [ $? -eq 1 ] && [ -s "$T/page.html" ]; then ok "report --format html writes a page"
else bad "report --format html writes a page"; fi
run "page markup is well formed and self-contained" python3 "$T/markup.py" "$T/page.html"
if grep -q '<tr class="line step' "$T/page.html" && grep -q 'class="badge">3<' "$T/page.html"
then ok "page has numbered step lines"; else bad "page has numbered step lines"; fi
sed 's/<details /<details open /' "$T/page.html" >"$T/open.html"

shot "screenshot of the page" "file://$T/page.html" "$T/shot.png"
shot "screenshot with ?open" "file://$T/page.html?open" "$T/shot-open.png"
shot "screenshot with <details open>" "file://$T/open.html" "$T/shot-details.png"
run "page screenshot is not blank" python3 "$T/png.py" blank "$T/shot.png"
run "closed findings hide the source" python3 "$T/png.py" highlight "$T/shot.png" 0
run "?open screenshot is not blank" python3 "$T/png.py" blank "$T/shot-open.png"
run "?open expands the findings" python3 "$T/png.py" differ "$T/shot-open.png" "$T/shot.png"
run "?open shows the highlighted path" python3 "$T/png.py" highlight "$T/shot-open.png" 1
run "<details open> expands the findings" python3 "$T/png.py" differ "$T/shot-details.png" "$T/shot.png"
run "<details open> shows the highlighted path" python3 "$T/png.py" highlight "$T/shot-details.png" 1

echo "html: $PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
