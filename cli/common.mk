# cli/common.mk: what the clients' Makefiles share (cli/Makefile for
# kansa-import, kansa-report.mk, followup.mk).  Each sets PROGRAM, OBJS and
# PGFILEDESC, then includes this.  Every client links connect.o, the
# connection and messages they share (connect.c).

OBJS += connect.o

# The version is kansa.control's, its only home (the top Makefile reads it
# the same way).
KANSA_CONTROL = ../kansa.control
EXTVERSION = $(shell sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" $(KANSA_CONTROL))

PG_CPPFLAGS = -I$(libpq_srcdir) -DKANSA_VERSION='"$(EXTVERSION)"'
# override +=, so that a PG_CFLAGS given on the command line (such as
# make PG_CFLAGS=-Werror) adds to -Wextra rather than replacing it;
# KANSA_WERROR=-Werror comes from the top Makefile's `make test`.
override PG_CFLAGS += -Wextra $(KANSA_WERROR)
PG_LIBS_INTERNAL = -L$(pkglibdir) -lpgfeutils $(libpq_pgport)

# A program has no use for LLVM bitcode, which is for the server's JIT.
override with_llvm = no

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The server's link libraries (LIBS: selinux, zstd, pam, ...) are not the
# client's: it needs only libpq and the static libpgcommon and libpgport,
# and the other libraries' -dev packages need not be installed.  (Should
# the client one day call into libpgcommon's crypto or compression code,
# the library it needs goes here.)
LIBS := $(filter -lpgcommon -lpgport,$(LIBS))

# A new version in kansa.control is a new --version.
$(PROGRAM).o: $(KANSA_CONTROL)

# pg_config's bindir is not on PATH on Debian (/usr/lib/postgresql/15/bin),
# so the program is also linked from KANSA_IMPORT_LINKDIR, which is; set it
# empty to leave PATH alone.
KANSA_IMPORT_LINKDIR ?= /usr/local/bin

.PHONY: install-link uninstall-link

install: install-link
uninstall: uninstall-link

# (no link where the program is installed already: a server built with
# --prefix=/usr/local has its bindir there)
install-link:
ifneq ($(KANSA_IMPORT_LINKDIR),)
ifneq ($(abspath $(KANSA_IMPORT_LINKDIR)),$(abspath $(bindir)))
	$(MKDIR_P) '$(DESTDIR)$(KANSA_IMPORT_LINKDIR)'
	ln -sf '$(bindir)/$(PROGRAM)' '$(DESTDIR)$(KANSA_IMPORT_LINKDIR)/$(PROGRAM)'
endif
endif

uninstall-link:
ifneq ($(KANSA_IMPORT_LINKDIR),)
ifneq ($(abspath $(KANSA_IMPORT_LINKDIR)),$(abspath $(bindir)))
	if [ -L '$(DESTDIR)$(KANSA_IMPORT_LINKDIR)/$(PROGRAM)' ]; then rm -f '$(DESTDIR)$(KANSA_IMPORT_LINKDIR)/$(PROGRAM)'; fi
endif
endif
