# kansa: vendor security assessments in PostgreSQL
#
# The version is read from kansa.control, its only home.

EXTENSION = kansa
EXTVERSION = $(shell sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" $(EXTENSION).control)

MODULE_big = kansa
OBJS = \
	src/answer.o \
	src/automaton.o \
	src/canon.o \
	src/classify.o \
	src/cleantext.o \
	src/control_id.o \
	src/evidence.o \
	src/extract_evidence.o \
	src/extract_measures.o \
	src/followup.o \
	src/gap.o \
	src/gap_compat.o \
	src/import.o \
	src/kansa.o \
	src/layout.o \
	src/measure.o \
	src/mecab.o \
	src/normalize.o \
	src/pattern.o \
	src/reading.o \
	src/report.o \
	src/resolve.o \
	src/sheet.o \
	src/sheet_text.o \
	src/sheet_xlsx.o \
	src/summary.o \
	src/tenant.o

# The install script is built from its parts, one per concern, joined in
# this order (see sql/00_guard.sql).  An explicit list, not a wildcard: a
# part that is missing stops the build instead of leaving its objects out,
# and the order is written down where it is used.  test/cli/install-script.sh
# checks that the list holds every sql/[0-9]*.sql, in the order of their
# numbers.
SQL_PARTS = \
	sql/00_guard.sql \
	sql/10_control_id.sql \
	sql/11_answer.sql \
	sql/12_evidence.sql \
	sql/13_measure.sql \
	sql/20_reading.sql \
	sql/30_catalog.sql \
	sql/35_crosswalk.sql \
	sql/36_catalog_io.sql \
	sql/40_assessment.sql \
	sql/50_import.sql \
	sql/55_writers.sql \
	sql/57_finding.sql \
	sql/60_gaps.sql \
	sql/65_summary.sql \
	sql/67_attention.sql \
	sql/68_projection.sql \
	sql/69_oscal.sql \
	sql/70_security.sql \
	sql/75_catalog_io_security.sql \
	sql/80_findings.sql \
	sql/85_report.sql

# Upgrades (README, "Upgrading"; CHANGELOG.md).  sql/kansa--0.1.0.sql is
# the install script of 0.1.0 as it was released (built from commit
# 9d4a338), frozen and installed, so that an upgrade can be tested from it
# (test/cli/upgrade.sh).  The upgrade script sql/kansa--0.1.0--$(EXTVERSION).sql
# is built by scripts/upgrade2sql from
#   * the hand-written part, sql/upgrade/0.1.0--$(EXTVERSION).sql: what changes in
#     the objects 0.1.0 has (the tables altered in place with their rows
#     kept and backfilled, the views, functions, policies and indexes
#     dropped to be made again, privileges, operator families, the shipped
#     catalogs merged); and
#   * every part of SQL_PARTS where the hand-written part says "-- @PARTS@",
#     each statement kept unless it makes an object that is there at that
#     point (0.1.0's, less what the hand-written part dropped).
# So a new part (one more word in SQL_PARTS) and new objects in an old part
# come into the upgrade by themselves, and changed views and functions are
# taken from where they are defined, once the hand-written part drops the
# old ones; a changed table of 0.1.0 needs its ALTER TABLE there.
# test/cli/upgrade.sh compares a schema dump of 0.1.0 upgraded with one of
# a fresh install, so what is forgotten shows there.
UPGRADE_FROM = 0.1.0

DATA_built = sql/$(EXTENSION)--$(EXTVERSION).sql sql/$(EXTENSION)--$(UPGRADE_FROM)--$(EXTVERSION).sql
DATA = $(filter-out $(DATA_built),$(wildcard sql/$(EXTENSION)--*.sql))

TESTS = $(sort $(wildcard test/sql/*.sql))
REGRESS = $(patsubst test/sql/%.sql,%,$(TESTS))
REGRESS_OPTS = --inputdir=test --load-extension=$(EXTENSION) --encoding=UTF8

XML2_CFLAGS := $(shell xml2-config --cflags 2>/dev/null)
XML2_LIBS := $(shell xml2-config --libs 2>/dev/null || echo -lxml2)
MECAB_CFLAGS := $(shell mecab-config --cflags 2>/dev/null)
MECAB_LIBS := $(shell mecab-config --libs 2>/dev/null || echo -lmecab)
PG_CPPFLAGS = -I$(srcdir)/src $(XML2_CFLAGS) $(MECAB_CFLAGS)
# -Werror is not shipped (a newer compiler than ours must not break a user's
# build); the project's own checks, `make test` and CI, build with it.
KANSA_WERROR ?=
PG_CFLAGS = -Wall -Wextra -Wno-unused-parameter $(KANSA_WERROR)
# libxlsxwriter (Debian's libxlsxwriter-dev) writes the follow-up sheets
XLSXWRITER_LIBS := $(shell pkg-config --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter)
SHLIB_LINK = $(XML2_LIBS) -lz $(MECAB_LIBS) $(XLSXWRITER_LIBS)

EXTRA_CLEAN = $(DATA_built) src/calibration.h results regression.diffs regression.out

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The install script: the hand-written parts, joined, with the shipped
# catalogs (data/*.tsv) compiled in where 30_catalog.sql says so.
sql/$(EXTENSION)--$(EXTVERSION).sql: $(SQL_PARTS) scripts/catalog2sql $(wildcard data/*.tsv)
	scripts/catalog2sql $(SQL_PARTS) data > $@.tmp && mv $@.tmp $@

# The upgrade script: the hand-written part, with the install script's
# parts where it says "-- @PARTS@" (see above).
sql/$(EXTENSION)--$(UPGRADE_FROM)--$(EXTVERSION).sql: sql/$(EXTENSION)--$(UPGRADE_FROM).sql sql/upgrade/$(UPGRADE_FROM)--$(EXTVERSION).sql $(SQL_PARTS) scripts/upgrade2sql scripts/catalog2sql $(wildcard data/*.tsv)
	scripts/upgrade2sql sql/$(EXTENSION)--$(UPGRADE_FROM).sql sql/upgrade/$(UPGRADE_FROM)--$(EXTVERSION).sql $(SQL_PARTS) > $@.tmp && mv $@.tmp $@

# The classifier's confidence table, measured by scripts/calibrate.
src/calibration.h: data/calibration.tsv scripts/calibration2h
	scripts/calibration2h data/calibration.tsv > $@.tmp && mv $@.tmp $@

src/classify.o src/classify.bc: src/calibration.h

# The PGXN bundle: kansa-<version>.zip of the committed tree (git archive
# of HEAD; .gitattributes leaves out what make, make install and make
# installcheck do not need).  test/cli/dist.sh checks it.
DIST_ZIP ?= $(EXTENSION)-$(EXTVERSION).zip

.PHONY: dist
dist:
	git archive --format=zip --prefix=$(EXTENSION)-$(EXTVERSION)/ -o $(DIST_ZIP) HEAD

.PHONY: bootstrap test demo bench fuzz clean-fuzz

bootstrap:
	@scripts/bootstrap

# Everything a newcomer needs, then the whole suite in a throwaway cluster.
test: bootstrap
	$(MAKE) all KANSA_WERROR=-Werror
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
# kansa-import, the batch client, kansa-report, the report writer, and
# kansa-followup, which writes a follow-up sheet: cli/ builds them the
# PGXS way with Makefiles of their own (PGXS's PROGRAM cannot share a
# Makefile with MODULE_big, nor with another PROGRAM: cli/Makefile runs
# kansa-report.mk, the targets below run cli/followup.mk).  `make`,
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
	$(MAKE) -C cli -f followup.mk all

install-kansa-import:
	$(MAKE) -C cli install
	$(MAKE) -C cli -f followup.mk install

uninstall-kansa-import:
	$(MAKE) -C cli uninstall
	$(MAKE) -C cli -f followup.mk uninstall

clean-kansa-import:
	$(MAKE) -C cli clean
	$(MAKE) -C cli -f followup.mk clean
