# kansa: vendor security assessments in PostgreSQL
#
# The version is read from kansa.control, its only home.

EXTENSION = kansa
EXTVERSION = $(shell sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" $(EXTENSION).control)

MODULE_big = kansa
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

DATA_built = sql/$(EXTENSION)--$(EXTVERSION).sql
DATA = $(filter-out sql/$(EXTENSION).sql sql/$(EXTENSION)--$(EXTVERSION).sql,$(wildcard sql/$(EXTENSION)--*.sql))

TESTS = $(sort $(wildcard test/sql/*.sql))
REGRESS = $(patsubst test/sql/%.sql,%,$(TESTS))
REGRESS_OPTS = --inputdir=test --load-extension=$(EXTENSION) --encoding=UTF8

XML2_CFLAGS := $(shell xml2-config --cflags 2>/dev/null)
XML2_LIBS := $(shell xml2-config --libs 2>/dev/null || echo -lxml2)
MECAB_CFLAGS := $(shell mecab-config --cflags 2>/dev/null)
MECAB_LIBS := $(shell mecab-config --libs 2>/dev/null || echo -lmecab)
PG_CPPFLAGS = -I$(srcdir)/src $(XML2_CFLAGS) $(MECAB_CFLAGS)
PG_CFLAGS = -Wall -Wextra -Werror -Wno-unused-parameter
SHLIB_LINK = $(XML2_LIBS) -lz $(MECAB_LIBS)

EXTRA_CLEAN = sql/$(EXTENSION)--$(EXTVERSION).sql src/calibration.h results regression.diffs regression.out

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The install script: the hand-written source with the shipped catalogs
# (data/*.tsv) compiled in where it says so.
sql/$(EXTENSION)--$(EXTVERSION).sql: sql/$(EXTENSION).sql scripts/catalog2sql $(wildcard data/*.tsv)
	scripts/catalog2sql sql/$(EXTENSION).sql data > $@.tmp && mv $@.tmp $@

# The classifier's confidence table, measured by scripts/calibrate.
src/calibration.h: data/calibration.tsv scripts/calibration2h
	scripts/calibration2h data/calibration.tsv > $@.tmp && mv $@.tmp $@

src/classify.o src/classify.bc: src/calibration.h

.PHONY: bootstrap test demo bench fuzz clean-fuzz

bootstrap:
	@scripts/bootstrap

# Everything a newcomer needs, then the whole suite in a throwaway cluster.
test: bootstrap
	$(MAKE) all
	scripts/as-root $(MAKE) install
	scripts/run-tests

# Everything a newcomer needs, then the main job on the bundled data.
demo: bootstrap
	$(MAKE) all
	scripts/as-root $(MAKE) install
	scripts/run-demo

bench:
	bench/run

# libFuzzer targets of every parser (test/fuzz), built with clang, ASan and
# UBSan outside the server, each run FUZZ_SECONDS seconds (default 60) one
# after another; FUZZ_TARGETS picks some.  Exits non-zero on a crash.
fuzz:
	$(MAKE) -C test/fuzz run

clean: clean-fuzz

clean-fuzz:
	rm -rf test/fuzz/build

# ---------------------------------------------------------------------------
# kansa-import, the batch client: cli/ builds it the PGXS way with its own
# Makefile (PGXS's PROGRAM cannot share a Makefile with MODULE_big).  `make`,
# `make install` (into pg_config's bindir, and linked onto PATH from
# KANSA_IMPORT_LINKDIR, default /usr/local/bin; empty, none), `make
# uninstall` and `make clean` go there too.

.PHONY: all-kansa-import install-kansa-import uninstall-kansa-import clean-kansa-import

all: all-kansa-import
install: install-kansa-import
uninstall: uninstall-kansa-import
clean: clean-kansa-import

all-kansa-import:
	$(MAKE) -C cli all

install-kansa-import:
	$(MAKE) -C cli install

uninstall-kansa-import:
	$(MAKE) -C cli uninstall

clean-kansa-import:
	$(MAKE) -C cli clean
