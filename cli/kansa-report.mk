# cli/kansa-report.mk: kansa-report, which writes an assessment's report
# (kansa.report_html()) to HTML and, with Chromium, to PDF.  Built the PGXS
# way as kansa-import is (cli/Makefile): PGXS builds one PROGRAM per
# Makefile, so this one has its own, which cli/Makefile runs for make,
# make install, make uninstall and make clean.

PROGRAM = kansa-report
OBJS = kansa-report.o
PGFILEDESC = "kansa-report - write the report of a kansa assessment as HTML or PDF"

include common.mk
