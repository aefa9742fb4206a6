# cli/followup.mk: kansa-followup, the client that writes a follow-up
# sheet, built the PGXS way as kansa-import is (cli/Makefile): PGXS builds
# one PROGRAM per Makefile.  The top Makefile's make, make install, make
# uninstall and make clean come here as well.

PROGRAM = kansa-followup
OBJS = kansa-followup.o
PGFILEDESC = "kansa-followup - write the follow-up sheet of an assessment (kansa.followup_sheet())"

include common.mk
