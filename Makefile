# pyrefcheck - build, test and install.
#
#   make            build build/pyrefcheck
#   make deps       install missing Debian packages (apt-get; sudo when not root)
#   make demo       scan the bundled example extension and show the findings
#   make check      build and run every test (cmocka units + corpus runner)
#   make install PREFIX=/usr/local

LLVM_CONFIG ?= llvm-config-19
PREFIX      ?= /usr/local
CC          ?= cc

DEB_PACKAGES = libclang-19-dev llvm-19-dev libsqlite3-dev libcmocka-dev \
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

.PHONY: all deps demo check unit corpus bench install clean
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

# Benchmarks (timings, not tests): the engine's scaling on generated
# functions with N allocations, against clang -fsyntax-only on the same file.
bench: deps
	@$(MAKE) --no-print-directory all
	@sh bench/scaling.sh $(B)/pyrefcheck

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/pyrefcheck
	install -m 755 $(B)/pyrefcheck $(DESTDIR)$(PREFIX)/bin/pyrefcheck
	install -m 644 rules/*.rules $(DESTDIR)$(PREFIX)/share/pyrefcheck/

clean:
	rm -rf $(B)
