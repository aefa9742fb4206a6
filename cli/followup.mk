# cli/followup.mk: kansa-followup, the client that writes a follow-up
# sheet, built the PGXS way as kansa-import is (cli/Makefile): PGXS builds
# one PROGRAM per Makefile.  The top Makefile's make, make install, make
# uninstall and make clean come here as well.

PROGRAM = kansa-followup
OBJS = kansa-followup.o
PGFILEDESC = "kansa-followup - write the follow-up sheet of an assessment (kansa.followup_sheet())"

KANSA_CONTROL = ../kansa.control
EXTVERSION = $(shell sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" $(KANSA_CONTROL))

PG_CPPFLAGS = -I$(libpq_srcdir) -DKANSA_VERSION='"$(EXTVERSION)"'
override PG_CFLAGS += -Wextra $(KANSA_WERROR)
PG_LIBS_INTERNAL = -L$(pkglibdir) -lpgfeutils $(libpq_pgport)

override with_llvm = no

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# only libpq and the static libpgcommon and libpgport (see cli/Makefile)
LIBS := $(filter -lpgcommon -lpgport,$(LIBS))

kansa-followup.o: $(KANSA_CONTROL)

# linked onto PATH as kansa-import is (KANSA_IMPORT_LINKDIR; empty, none)
KANSA_IMPORT_LINKDIR ?= /usr/local/bin

.PHONY: install-link uninstall-link

install: install-link
uninstall: uninstall-link

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
