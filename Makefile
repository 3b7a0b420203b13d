# pyrefcheck - build, test and install.
#
#   make            build build/pyrefcheck
#   make deps       install missing Debian packages (apt-get; sudo when not root)
#   make demo       scan the bundled example extension and show the findings
#   make check      build and run every test (cmocka units + corpus runner)
#   make check-sanitize  the same tests, built with ASan+LSan+UBSan (build-san/)
#   make fuzz       libFuzzer harnesses, FUZZ_SECONDS each (build-fuzz/)
#   make check-valgrind  the demo scan under valgrind: no error, no leak
#   make install PREFIX=/usr/local

LLVM_CONFIG ?= llvm-config-19
PREFIX      ?= /usr/local
CC          ?= cc

DEB_PACKAGES = libclang-19-dev llvm-19-dev libsqlite3-dev libcmocka-dev valgrind \
               python3-dev libjansson-dev libxxhash-dev libinih-dev make gcc \
               chromium pre-commit git

LLVM_INC := $(shell $(LLVM_CONFIG) --includedir 2>/dev/null)
LLVM_LIB := $(shell $(LLVM_CONFIG) --libdir 2>/dev/null)

CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
           -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -I. -Ianalyzer -Irules -Idb $(if $(LLVM_INC),-isystem $(LLVM_INC))
comma  := ,
LDLIBS  = $(if $(LLVM_LIB),-L$(LLVM_LIB) -Wl$(comma)-rpath$(comma)$(LLVM_LIB)) -lclang \
          -lsqlite3 -ljansson -lxxhash -linih

B = build
LIB_SRC  = $(filter-out analyzer/main.c,$(wildcard analyzer/*.c rules/*.c db/*.c))
LIB_OBJ  = $(patsubst %.c,$(B)/%.o,$(LIB_SRC)) $(B)/gen/schema_sql.o
UNIT_SRC = $(wildcard tests/test_*.c)
UNIT_BIN = $(patsubst tests/%.c,$(B)/tests/%,$(UNIT_SRC))
RUNNER   = $(B)/tests/corpus_runner

.PHONY: all deps demo check unit corpus bench bench-sources eval-real install clean \
        check-sanitize fuzz check-valgrind
all: $(B)/pyrefcheck

$(B)/%.o: %.c $(wildcard analyzer/*.h rules/*.h db/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

$(B)/gen/schema_sql.c: db/schema.sql
	@mkdir -p $(dir $@)
	{ echo '/* generated from db/schema.sql */'; \
	  echo 'const char store_schema_sql[] = {'; \
	  od -An -tx1 -v $< | sed -e 's/ \([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0};'; } > $@

$(B)/gen/schema_sql.o: $(B)/gen/schema_sql.c
	$(CC) $(CFLAGS) -c -o $@ $<

$(B)/libpyrefcheck.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/pyrefcheck: $(B)/analyzer/main.o $(B)/libpyrefcheck.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(B)/tests/%: tests/%.c $(B)/libpyrefcheck.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(B)/libpyrefcheck.a $(LDLIBS) -lcmocka

# Debian packages the build and the tests need; node and npm (for the SARIF
# validator, fetched from the npm registry by tests/sarif_check.sh) are
# checked as commands, since a nodejs package from another source may
# provide them.
deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -z "$$missing" ]; then echo "deps: all needed packages are installed"; exit 0; fi; \
	SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	echo "deps: installing$$missing with apt-get"; \
	$$SUDO apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing

# demo and check re-run make after deps, so that a fresh machine's newly
# installed llvm-config-19 is read.
demo: deps
	@$(MAKE) --no-print-directory all
	@sh tests/demo.sh

unit: $(UNIT_BIN)
	@fail=0; for t in $(UNIT_BIN); do echo "== $$t"; $$t || fail=1; done; exit $$fail

corpus: $(B)/pyrefcheck $(RUNNER)
	$(RUNNER) --pyrefcheck $(B)/pyrefcheck corpus

check: deps
	@$(MAKE) --no-print-directory all $(UNIT_BIN) $(RUNNER)
	@$(MAKE) --no-print-directory unit
	@$(MAKE) --no-print-directory corpus
	@sh tests/cli_test.sh $(B)/pyrefcheck
	@sh tests/robustness_test.sh $(B)/pyrefcheck
	@sh tests/html_check.sh $(B)/pyrefcheck
	@sh tests/precommit_test.sh
	@$(MAKE) --no-print-directory check-sanitize
	@$(MAKE) --no-print-directory check-valgrind

# The demo scan under valgrind (the calling process and its worker): no
# memory error and no leak of pyrefcheck's own memory.
check-valgrind: all
	@command -v valgrind >/dev/null || { echo "check-valgrind: valgrind is missing (apt-get install valgrind)"; exit 2; }
	@rm -f $(B)/valgrind.db* $(B)/valgrind.log*
	@valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    --error-exitcode=9 --log-file=$(B)/valgrind.log.%p \
	    $(B)/pyrefcheck scan -j1 --no-incremental --db $(B)/valgrind.db \
	    corpus/examples/spammodule.c >/dev/null 2>&1; \
	status=$$?; \
	grep -h "ERROR SUMMARY\|definitely lost\|indirectly lost" $(B)/valgrind.log.*; \
	if [ $$status -eq 9 ] || grep -q "ERROR SUMMARY: [1-9]" $(B)/valgrind.log.*; then \
	    echo "check-valgrind: FAILED (see $(B)/valgrind.log.*)"; exit 1; fi; \
	echo "check-valgrind: no error, no leak"

# The same tests as check, against a copy built with AddressSanitizer
# (LeakSanitizer on) and UndefinedBehaviorSanitizer into $(SAN_B)/.  The
# scripts capture the binary's stderr, so every sanitizer report goes to a
# file under $(SAN_B)/sanitizer-logs/ (and the process exits 86); any report
# fails the target.  UBSAN_LOG_PATH: see tests/fuzz/ubsan_log.c.  LeakSanitizer
# suppressions (for leaks inside libclang only): tests/fuzz/lsan.supp.  Worker
# processes end with _exit, so leaks are checked in the main process only.
# tests/precommit_test.sh is left out: it builds its own, unsanitized copy.
SAN_B      = build-san
SAN_CFLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=undefined
SAN_LOGS   = $(CURDIR)/$(SAN_B)/sanitizer-logs
SAN_ENV    = ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:exitcode=86:log_path=$(SAN_LOGS)/asan \
             LSAN_OPTIONS=suppressions=$(CURDIR)/tests/fuzz/lsan.supp:print_suppressions=0 \
             UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=86 \
             UBSAN_LOG_PATH=$(SAN_LOGS)/ubsan
SAN_MAKE   = $(SAN_ENV) CFLAGS='$(SAN_CFLAGS)' $(MAKE) --no-print-directory B=$(SAN_B) \
             LDLIBS='$(LDLIBS) $(CURDIR)/$(SAN_B)/ubsan_log.o'

$(SAN_B)/ubsan_log.o: tests/fuzz/ubsan_log.c
	@mkdir -p $(dir $@)
	$(CC) -O1 -g -Wall -Wextra -Werror -c -o $@ $<

check-sanitize: deps $(SAN_B)/ubsan_log.o
	@rm -rf $(SAN_LOGS) && mkdir -p $(SAN_LOGS)
	@$(SAN_MAKE) all $(patsubst $(B)/%,$(SAN_B)/%,$(UNIT_BIN) $(RUNNER))
	@fail=0; \
	$(SAN_MAKE) unit || fail=1; \
	$(SAN_MAKE) corpus || fail=1; \
	$(SAN_ENV) sh tests/cli_test.sh $(SAN_B)/pyrefcheck || fail=1; \
	$(SAN_ENV) sh tests/robustness_test.sh $(SAN_B)/pyrefcheck || fail=1; \
	$(SAN_ENV) sh tests/html_check.sh $(SAN_B)/pyrefcheck || fail=1; \
	echo "check-sanitize: tests/precommit_test.sh skipped (it builds its own, unsanitized copy)"; \
	n=$$(ls $(SAN_LOGS) | wc -l); \
	for f in $(SAN_LOGS)/*; do [ -f "$$f" ] && { echo "== $$f"; cat "$$f"; }; done; \
	echo "check-sanitize: $$n sanitizer report(s) in $(SAN_B)/sanitizer-logs"; \
	[ "$$n" -eq 0 ] || fail=1; \
	exit $$fail

# libFuzzer harnesses (tests/fuzz/fuzz_*.c) for the code that reads
# untrusted text, each linked with the library built by clang with
# -fsanitize=fuzzer-no-link,address,undefined into $(FUZZ_B)/; each runs for
# FUZZ_SECONDS (tests/fuzz/run.sh: seeds, logs, saving and minimising
# crashes under tests/fuzz/crashes/).  Fails if any harness crashed.
FUZZ_DEB_PACKAGES = clang-19 libclang-rt-19-dev
FUZZ_B       = build-fuzz
FUZZ_CC      = clang-19
FUZZ_CFLAGS  = -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
               -fno-omit-frame-pointer -fno-sanitize-recover=undefined
FUZZ_SECONDS = 60
FUZZ_NAMES   = $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_MAKE    = CFLAGS='$(FUZZ_CFLAGS)' $(MAKE) --no-print-directory B=$(FUZZ_B) CC=$(FUZZ_CC)

# (made by FUZZ_MAKE, where CC and CFLAGS are the fuzzing ones)
$(FUZZ_B)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_util.h $(FUZZ_B)/libpyrefcheck.a
	$(CC) $(CFLAGS) -fsanitize=fuzzer -DFUZZ_TOP='"$(CURDIR)"' -o $@ $< \
	    $(FUZZ_B)/libpyrefcheck.a $(LDLIBS)

fuzz:
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="$(DEB_PACKAGES) $(FUZZ_DEB_PACKAGES)"
	@$(FUZZ_MAKE) $(patsubst %,$(FUZZ_B)/fuzz_%,$(FUZZ_NAMES))
	@sh tests/fuzz/run.sh $(FUZZ_B) $(FUZZ_SECONDS) $(FUZZ_NAMES)

# Benchmarks (timings, not tests): the engine's scaling on generated
# functions with N allocations, and the real codebases of bench-sources,
# against clang -fsyntax-only on the same files; written to
# docs/benchmarks.md.
bench: deps bench-sources
	@$(MAKE) --no-print-directory all
	@rm -f $(B)/bench-scaling.txt $(B)/bench-realcode.tsv
	@sh bench/scaling.sh $(B)/pyrefcheck >$(B)/bench-scaling.txt; cat $(B)/bench-scaling.txt
	@BENCH_TSV=$(B)/bench-realcode.tsv sh bench/realcode.sh $(B)/pyrefcheck
	@python3 bench/report.py $(B)/bench-scaling.txt $(B)/bench-realcode.tsv docs/benchmarks.md

# The pinned sources the real-code benchmark scans (bench/src/, git-ignored).
bench-sources:
	@sh bench/sources.sh

# The real-world evaluation: scan every fetched codebase, write
# docs/real-world.md with findings per rule and the triage tables
# (verdicts from bench/triage.tsv).
eval-real: deps bench-sources
	@$(MAKE) --no-print-directory all
	@python3 bench/evalreal.py $(B)/pyrefcheck

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/pyrefcheck
	install -m 755 $(B)/pyrefcheck $(DESTDIR)$(PREFIX)/bin/pyrefcheck
	install -m 644 rules/*.rules $(DESTDIR)$(PREFIX)/share/pyrefcheck/

clean:
	rm -rf $(B)
