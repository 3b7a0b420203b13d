#!/bin/sh
# sources.sh - fetch the pinned Debian 12 (bookworm) sources of the real-code
# benchmark into bench/src/ (git-ignored) and write a compile_commands.json at
# the top of each unpacked tree.  Nothing is built: every flag is hand-written
# below, as the package's own build would pass it.  The header packages that
# the listed translation units include are installed with apt-get (as root)
# when missing.  A deb-src entry is added (as root) for the running Debian
# release when none exists, mirroring the machine's own deb entries.  A rerun
# with a tree present does not fetch it again.
#
# Codebases, pinned versions, and how their flags were chosen:
#   cpython-3.11  python3.11=3.11.2-6+deb12u8 -> python3.11-3.11.2
#       Modules/*.c and Modules/_*/*.c with -DPy_BUILD_CORE_MODULE, CPython's
#       Include/ and Include/internal, and the pyconfig.h that python3.11-dev
#       installs (copied alone into bench/src/pyinc so that the source tree's
#       own headers win).  No CPython build is needed.  Per-module flags are
#       the MODULE_*_CFLAGS of the Makefile written by Debian's configure (as
#       libpython3.11-dev installs it in /usr/lib/python3.11/config-3.11-*/):
#       _decimal with the bundled libmpdec (Debian does not configure
#       --with-system-libmpdec; bookworm has no libmpdec-dev):
#       -I Modules/_decimal/libmpdec -DCONFIG_64=1 -DANSI=1 -DHAVE_UINT128_T=1;
#       _tkinter.c and tkappinit.c -I /usr/include/tcl8.6 -Wno-strict-prototypes
#       -DWITH_APPINIT=1; _uuid -I /usr/include/uuid; nis -I /usr/include/tirpc;
#       binascii -DUSE_ZLIB_CRC32; -I Modules/_io, Modules/_multiprocessing,
#       Modules/_sqlite for the files of those directories.  _dbm is built by
#       setup.py: with Debian's --with-dbmliborder=bdb:gdbm and libdb-dev that
#       is -DUSE_BERKDB (Berkeley DB's <db.h>; the shipped _dbm links
#       libdb-5.3).  Left out, as never compiled on Linux or never alone:
#         Modules/_winapi.c, Modules/overlapped.c, Modules/_io/winconsoleio.c
#           Windows only (PCbuild);
#         Modules/_scproxy.c  macOS only;
#         Modules/_ctypes/malloc_closure.c  macOS (setup.py) and Windows only;
#         Modules/_ssl/debughelpers.c, Modules/_ssl/misc.c,
#         Modules/_ssl/cert.c  #included by Modules/_ssl.c;
#         Modules/_sha3/sha3.c  #included by Modules/_sha3/sha3module.c;
#         Modules/getaddrinfo.c, Modules/getnameinfo.c  #included by
#           Modules/socketmodule.c (the other #included .c files, under
#           Modules/_blake2/impl and Modules/expat, are outside the globs);
#         Modules/getpath.c  part of the interpreter, not a module; it needs
#           the generated Python/frozen_modules/getpath.h;
#         Modules/gcmodule.c  part of the interpreter; with Debian's
#           pyconfig.h (WITH_DTRACE) it needs the generated
#           Include/pydtrace_probes.h.
# The C extension packages below are compiled as their setup.py does for
# Debian's python3.11, so each gets -I /usr/include/python3.11 plus:
#   pillow  pillow=9.4.0-1.1+deb12u1 -> pillow-9.4.0
#       The 7 extensions of setup.py's ext_modules, all enabled as in Debian's
#       build (its Build-Depends bring every optional library: jpeg, zlib,
#       tiff, openjpeg, imagequant, xcb, freetype with system raqm, lcms2,
#       webp with webpmux): PIL._imaging (src/_imaging.c, the _IMAGING and
#       _LIB_IMAGING lists read from setup.py) with -DHAVE_LIBJPEG
#       -DHAVE_OPENJPEG -DHAVE_LIBZ -DHAVE_LIBIMAGEQUANT -DHAVE_LIBTIFF
#       -DHAVE_XCB -DPILLOW_VERSION="9.4.0"; _imagingft with -DHAVE_RAQM
#       -DHAVE_RAQM_SYSTEM (the bundled src/thirdparty raqm/fribidi are only
#       built with --vendor-raqm, so they are not listed); _webp with
#       -DHAVE_WEBPMUX; _imagingcms, _imagingtk (+ src/Tk/tkImaging.c, which
#       loads Tcl/Tk at run time through its own _tkmini.h), _imagingmath,
#       _imagingmorph.  setup.py adds its include dirs to every extension:
#       pkg-config's for libopenjp2 and freetype2, /usr/local/include and
#       /usr/include.
#   cffi  python-cffi=1.15.1-5 -> python-cffi-1.15.1
#       setup.py's single source c/_cffi_backend.c (it #includes the other
#       c/*.c itself) with -DFFI_BUILDING=1, and -DUSE__THREAD and
#       -DHAVE_SYNC_SYNCHRONIZE, which its compiler probes find on Linux;
#       pkg-config gives libffi no -I on Debian.
#   mysqldb  python-mysqldb=1.4.6-2 -> python-mysqldb-1.4.6
#       MySQLdb/_mysql.c with setup_posix.py's -Dversion_info=(1,4,6,'final',0)
#       -D__version__=1.4.6 and mysql_config --include of Debian's
#       default-libmysqlclient-dev (MariaDB): -I /usr/include/mariadb
#       -I /usr/include/mariadb/mysql.
# These are upstream sources only (apt-get source --tar-only PIN: the pinned
# .orig tarball, unpacked as SOURCE-UPSTREAMVERSION), because the package
# mirror reachable here does not serve their Debian packaging tarball, so
# Debian's patches are not applied:
#   bsddb3  python-bsddb3=6.2.9-2 -> python-bsddb3-6.2.9
#       setup3.py's Modules/_bsddb.c with Berkeley DB's include dir,
#       -I /usr/include (libdb-dev).
#   pyaudio  python-pyaudio=0.2.13-1 -> python-pyaudio-0.2.13
#       setup.py's 9 sources src/pyaudio/*.c (mac_core_stream_info.c is
#       listed too; it is empty without -DMACOS) with the POSIX branch's
#       -I /usr/local/include -I /usr/include (portaudio19-dev).
#   xxhash  python-xxhash=3.2.0-1 -> python-xxhash-3.2.0
#       src/_xxhash.c as setup.py builds it with XXHASH_LINK_SO set (the
#       tarball ships deps/xxhash empty): no extra flag, system xxhash.h
#       (libxxhash-dev).
#   markupsafe  markupsafe=2.1.2-1 -> markupsafe-2.1.2
#       setup.py's src/markupsafe/_speedups.c, no extra flag.
#   netifaces  netifaces=0.11.0-2 -> netifaces-0.11.0
#       netifaces.c with -DNETIFACES_VERSION=0.11.0 and the -DHAVE_* macros
#       that setup.py's feature probes define on Debian 12 amd64 (glibc,
#       getifaddrs, netlink; results copied from one run of them).
#   crcmod  python-crcmod=1.7+dfsg-3 -> python-crcmod-1.7+dfsg
#       setup.py's python3/src/_crcfunext.c, no extra flag.
# Tried and dropped: python-kyotocabinet (C++), and python-psutil, simplejson,
# ujson, python-zstandard, python-lz4, python-regex, python-levenshtein,
# python-bitarray, pycryptodome (neither their Debian nor their upstream
# tarball is served by the package mirror reachable here).
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
SRC=$TOP/bench/src
PIN=python3.11=3.11.2-6+deb12u8
TREE=$SRC/python3.11-3.11.2
mkdir -p "$SRC"
say() { echo "bench-sources: $*" >&2; }

# make sure apt knows deb-src entries (once per run)
DEBSRC=
deb_src() {
    [ -z "$DEBSRC" ] || return 0
    DEBSRC=1
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
}

# fetch PIN DIR: `apt-get source PIN` (Debian's patches applied), unpacked as $SRC/DIR
fetch() {
    [ -d "$SRC/$2" ] && return 0
    deb_src
    command -v dpkg-source >/dev/null || apt-get install -y -qq dpkg-dev >/dev/null
    say "apt-get source $1"
    (cd "$SRC" && apt-get source -qq "$1" >/dev/null)
    [ -d "$SRC/$2" ] || { say "apt-get source $1 did not unpack $2"; exit 1; }
}

# fetch_orig PIN DIR: the upstream tarball alone (`apt-get source --tar-only
# PIN`), unpacked as $SRC/DIR
fetch_orig() {
    [ -d "$SRC/$2" ] && return 0
    deb_src
    say "apt-get source --tar-only $1"
    (cd "$SRC" && apt-get source -qq --tar-only "$1" >/dev/null)
    up=${1#*=}; up=${up#*:}; up=${up%-*}
    orig=
    for f in "$SRC/${1%%=*}_$up".orig.tar.*; do [ -f "$f" ] && orig=$f; done
    [ -n "$orig" ] || { say "apt-get source --tar-only $1 left no .orig tarball"; exit 1; }
    rm -rf "$SRC/$2.tmp"
    mkdir "$SRC/$2.tmp"
    tar xf "$orig" -C "$SRC/$2.tmp" --strip-components=1
    mv "$SRC/$2.tmp" "$SRC/$2"
}

# need PKG...: apt-get install those of the packages not installed yet
need() {
    missing=
    for p in "$@"; do
        dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing="$missing $p"
    done
    [ -n "$missing" ] || return 0
    [ "$(id -u)" -eq 0 ] || { say "missing header packages:$missing (install them as root, then rerun)"; exit 2; }
    say "installing header packages:$missing"
    # shellcheck disable=SC2086 # one word per package
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null ||
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null; }
}

# CPython
fetch "$PIN" python3.11-3.11.2
need libpython3.11-dev libexpat1-dev libbz2-dev liblzma-dev zlib1g-dev libssl-dev \
    libffi-dev libsqlite3-dev libncurses-dev libreadline-dev libgdbm-dev libcrypt-dev \
    libdb-dev uuid-dev tk-dev libtirpc-dev libnsl-dev
mkdir -p "$SRC/pyinc"
# Debian's (libpython3.11-dev, multiarch path), whatever python3.11 is first
# on PATH
cp "$(ls /usr/include/*-linux-gnu/python3.11/pyconfig.h | head -1)" "$SRC/pyinc/pyconfig.h"
python3 - "$TREE" "$SRC/pyinc" <<'PY'
import glob, json, os, sys
tree, pyinc = sys.argv[1], sys.argv[2]
base = ["cc", "-c", "-DPy_BUILD_CORE_MODULE", "-I", pyinc, "-I", "Include",
        "-I", "Include/internal"]
# never compiled on Linux, or never on their own (see the header comment)
EXCLUDE = {
    "Modules/_winapi.c": "Windows",
    "Modules/overlapped.c": "Windows",
    "Modules/_io/winconsoleio.c": "Windows",
    "Modules/_scproxy.c": "macOS",
    "Modules/_ctypes/malloc_closure.c": "macOS and Windows",
    "Modules/_ssl/debughelpers.c": "#included by Modules/_ssl.c",
    "Modules/_ssl/misc.c": "#included by Modules/_ssl.c",
    "Modules/_ssl/cert.c": "#included by Modules/_ssl.c",
    "Modules/_sha3/sha3.c": "#included by Modules/_sha3/sha3module.c",
    "Modules/getaddrinfo.c": "#included by Modules/socketmodule.c",
    "Modules/getnameinfo.c": "#included by Modules/socketmodule.c",
    "Modules/getpath.c": "part of the interpreter",
    "Modules/gcmodule.c": "part of the interpreter; needs the generated pydtrace_probes.h",
}
# extra flags: MODULE_*_CFLAGS of Debian's configured Makefile, and the
# define_macros of setup.py's _dbm for --with-dbmliborder=bdb:gdbm
TK = ["-I", "/usr/include/tcl8.6", "-Wno-strict-prototypes", "-DWITH_APPINIT=1"]
EXTRA = {
    "Modules/_decimal/_decimal.c": ["-I", "Modules/_decimal/libmpdec", "-DCONFIG_64=1",
                                    "-DANSI=1", "-DHAVE_UINT128_T=1"],
    "Modules/_dbmmodule.c": ["-DUSE_BERKDB"],
    "Modules/_tkinter.c": TK,
    "Modules/tkappinit.c": TK,
    "Modules/_uuidmodule.c": ["-I", "/usr/include/uuid"],
    "Modules/nismodule.c": ["-I", "/usr/include/tirpc"],
    "Modules/binascii.c": ["-DUSE_ZLIB_CRC32"],
}
DIR_EXTRA = {d: ["-I", d] for d in ("Modules/_io", "Modules/_multiprocessing", "Modules/_sqlite")}
files = sorted(set(glob.glob("Modules/*.c", root_dir=tree) +
                   glob.glob("Modules/_*/*.c", root_dir=tree)))
for f in list(EXCLUDE) + list(EXTRA):
    if f not in files:
        sys.exit("bench-sources: %s/%s is missing" % (tree, f))
files = [f for f in files if f not in EXCLUDE]
entries = [{"directory": tree, "file": f,
            "arguments": base + DIR_EXTRA.get(os.path.dirname(f), []) + EXTRA.get(f, []) + [f]}
           for f in files]
with open(os.path.join(tree, "compile_commands.json"), "w") as fp:
    json.dump(entries, fp, indent=1)
print("bench-sources: %d translation units in %s/compile_commands.json" % (len(entries), tree), file=sys.stderr)
PY

# C extension packages
fetch pillow=9.4.0-1.1+deb12u1 pillow-9.4.0
fetch python-cffi=1.15.1-5 python-cffi-1.15.1
fetch python-mysqldb=1.4.6-2 python-mysqldb-1.4.6
fetch_orig python-bsddb3=6.2.9-2 python-bsddb3-6.2.9
fetch_orig python-pyaudio=0.2.13-1 python-pyaudio-0.2.13
fetch_orig python-xxhash=3.2.0-1 python-xxhash-3.2.0
fetch_orig markupsafe=2.1.2-1 markupsafe-2.1.2
fetch_orig netifaces=0.11.0-2 netifaces-0.11.0
fetch_orig python-crcmod=1.7+dfsg-3 python-crcmod-1.7+dfsg
need libpython3.11-dev \
    libjpeg-dev zlib1g-dev libtiff-dev libopenjp2-7-dev libimagequant-dev libxcb1-dev \
    libfreetype-dev libraqm-dev liblcms2-dev libwebp-dev \
    libffi-dev default-libmysqlclient-dev libdb-dev portaudio19-dev libxxhash-dev
python3 - "$SRC" <<'PY'
import ast, json, os, sys
src = sys.argv[1]
PYINC = ["-I", "/usr/include/python3.11"]

def setup_tuple(tree, name):
    """The literal value of NAME = (...) in TREE/setup.py."""
    with open(os.path.join(tree, "setup.py")) as fp:
        for node in ast.parse(fp.read()).body:
            if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == [name]:
                return ast.literal_eval(node.value)
    sys.exit("bench-sources: no %s in %s/setup.py" % (name, tree))

def write(dirname, groups):
    """groups: (files, flags) per extension module of setup.py"""
    tree = os.path.join(src, dirname)
    entries = []
    for files, flags in groups:
        for f in files:
            if not os.path.isfile(os.path.join(tree, f)):
                sys.exit("bench-sources: %s/%s is missing" % (tree, f))
            entries.append({"directory": tree, "file": f, "arguments": ["cc", "-c"] + flags + [f]})
    with open(os.path.join(tree, "compile_commands.json"), "w") as fp:
        json.dump(entries, fp, indent=1)
    print("bench-sources: %d translation units in %s/compile_commands.json" % (len(entries), tree), file=sys.stderr)

# pillow: include dirs are the compiler's, shared by every extension
tree = os.path.join(src, "pillow-9.4.0")
inc = PYINC + ["-I", "/usr/include/openjpeg-2.5", "-I", "/usr/include/freetype2",
            "-I", "/usr/include/libpng16", "-I", "/usr/local/include", "-I", "/usr/include"]
imaging = (["src/_imaging.c"] + ["src/%s.c" % f for f in setup_tuple(tree, "_IMAGING")] +
           ["src/libImaging/%s.c" % f for f in setup_tuple(tree, "_LIB_IMAGING")])
write("pillow-9.4.0", [
    (imaging, ["-DHAVE_LIBJPEG", "-DHAVE_OPENJPEG", "-DHAVE_LIBZ", "-DHAVE_LIBIMAGEQUANT",
               "-DHAVE_LIBTIFF", "-DHAVE_XCB", '-DPILLOW_VERSION="9.4.0"'] + inc),
    (["src/_imagingft.c"], ["-DHAVE_RAQM", "-DHAVE_RAQM_SYSTEM"] + inc),
    (["src/_imagingcms.c"], inc),
    (["src/_webp.c"], ["-DHAVE_WEBPMUX"] + inc),
    (["src/_imagingtk.c", "src/Tk/tkImaging.c"], inc),
    (["src/_imagingmath.c"], inc),
    (["src/_imagingmorph.c"], inc),
])
write("python-cffi-1.15.1", [
    (["c/_cffi_backend.c"], ["-DFFI_BUILDING=1", "-DUSE__THREAD", "-DHAVE_SYNC_SYNCHRONIZE"] + PYINC),
])
write("python-mysqldb-1.4.6", [
    (["MySQLdb/_mysql.c"], ["-Dversion_info=(1,4,6,'final',0)", "-D__version__=1.4.6"] + PYINC +
     ["-I", "/usr/include/mariadb", "-I", "/usr/include/mariadb/mysql"]),
])
write("python-bsddb3-6.2.9", [(["Modules/_bsddb.c"], PYINC + ["-I", "/usr/include"])])
write("python-pyaudio-0.2.13", [
    (["src/pyaudio/%s.c" % f for f in ("main", "device_api", "host_api", "init",
                                        "mac_core_stream_info", "misc", "stream",
                                        "stream_io", "stream_lifecycle")],
     PYINC + ["-I", "/usr/local/include", "-I", "/usr/include"]),
])
write("python-xxhash-3.2.0", [(["src/_xxhash.c"], PYINC)])
write("markupsafe-2.1.2", [(["src/markupsafe/_speedups.c"], PYINC)])
write("netifaces-0.11.0", [
    (["netifaces.c"], ["-DNETIFACES_VERSION=0.11.0", "-DHAVE_GETIFADDRS=1", "-DHAVE_GETNAMEINFO=1"] +
     ["-DHAVE_%s_H=1" % h for h in ("NETASH_ASH", "NETATALK_AT", "NETAX25_AX25", "NETECONET_EC",
                                     "NETIPX_IPX", "NETPACKET_PACKET", "NETROSE_ROSE",
                                     "LINUX_ATM", "LINUX_LLC", "LINUX_TIPC")] +
     ["-DHAVE_SOCKADDR_%s=1" % s for s in ("AT", "AX25", "IN", "IN6", "IPX", "UN", "ROSE",
                                            "ASH", "EC", "LL", "ATMPVC", "ATMSVC", "LLC")] +
     ["-DHAVE_PF_NETLINK=1"] + PYINC),
])
write("python-crcmod-1.7+dfsg", [(["python3/src/_crcfunext.c"], PYINC)])
PY
