/*-------------------------------------------------------------------------
 *
 * sheet_xlsx.c
 *	  Reading Office Open XML workbooks (.xlsx) into sheets: the zip
 *	  container through zlib, the parts through libxml2's streaming reader.
 *
 * A workbook is untrusted bytes from a vendor, read inside the server, so
 * every step is bounded by what is actually inflated and parsed, never by
 * what the file claims:
 *
 * - Zip: the central directory is read whole and checked before anything is
 *	 inflated: at most KANSA_ZIP_MAX_ENTRIES entries, no duplicate names, the
 *	 local header of each entry names the same part, entries do not overlap
 *	 (the "overlapping entries" zip bomb), no encryption, no ZIP64, only
 *	 stored and deflated parts.  Only the XML parts a workbook needs are ever
 *	 opened (a zip nested inside the workbook is never looked at).  Inflating
 *	 stops at the size the directory declares, which must fit in what is left
 *	 of the inflated-bytes cap; a part holding more, or less, than declared,
 *	 or with another CRC-32, is an error.  As in Apache POI's ZipSecureFile,
 *	 a part above 1 MB that inflates more than 100 times is refused.  zlib
 *	 allocates through palloc, so an error or a cancel frees everything.
 *
 * - XML: as core's xml.c does, pg_xml_init() / pg_xml_done() around the
 *	 parse inside PG_TRY, the reader freed on the error path, errors raised
 *	 after libxml2 has returned.  Options: XML_PARSE_NONET only (no entity
 *	 substitution, no DTD loading or validation, no XInclude, no HUGE, so
 *	 libxml2's own depth and size limits stay on).  ECMA-376 Part 2 forbids
 *	 a DOCTYPE in a package part: a part holding "<!DOCTYPE" is refused
 *	 before libxml2 sees it.  Before parsing, a byte scan enforces kansa's own
 *	 caps on element and attribute names and on text between tags.
 *
 * What is read: the workbook's sheet list (xl/workbook.xml through the
 * package and workbook relationships), shared strings (rich-text runs
 * concatenated, phonetic runs <rPh> left out, _xHHHH_ escapes decoded as
 * Excel decodes them), and for each worksheet its cells: shared and
 * inline strings, numbers (printed with 15 significant digits, as Excel
 * shows them in General format), booleans (TRUE/FALSE), error values and
 * cached formula results.  Merged ranges give every cell
 * of the range the top-left value.  Hidden sheets are read as any other
 * (a follow-up sheet's hidden _kansa sheet is how its reply is matched);
 * styles, dates' number formats, the hidden state itself and comments are
 * not read.
 *
 * src/sheet_xlsx.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>
#include <zlib.h>
#include <libxml/xmlreader.h>

#include "miscadmin.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "nodes/pg_list.h"
#include "port/pg_bswap.h"
#include "utils/xml.h"

#include "sheet.h"

#define KANSA_ZIP_MAX_ENTRIES	10000
#define KANSA_ZIP_MAX_NAME		1024
#define KANSA_ZIP_GRACE			(1024 * 1024)	/* no ratio check below */
#define KANSA_ZIP_MAX_RATIO		100 /* inflated / deflated */
#define KANSA_XML_MAX_NAME		1000	/* element/attribute names */
#define KANSA_MERGE_MAX_CELLS	1000000 /* cells filled from merges */

typedef struct ZipEntry
{
	char	   *name;
	int			method;
	int			flags;
	uint32		crc;
	uint32		csize;
	uint32		usize;
	uint32		offset;			/* local header */
	uint32		data;			/* first byte of the compressed data */
} ZipEntry;

typedef struct Xlsx
{
	const unsigned char *data;
	size_t		len;
	int			nentries;
	ZipEntry   *entries;		/* sorted by name */
	int64		inflated;		/* bytes inflated so far */
	const KansaSheetLimits *limits;
	/* shared strings */
	int			nstrings;
	int			capstrings;
	char	  **strings;
} Xlsx;

static uint16
get16(const unsigned char *p)
{
	return (uint16) (p[0] | (p[1] << 8));
}

static uint32
get32(const unsigned char *p)
{
	return (uint32) p[0] | ((uint32) p[1] << 8) | ((uint32) p[2] << 16) |
		((uint32) p[3] << 24);
}

static void
zip_error(const char *msg, const char *part)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 part ? errmsg("invalid xlsx workbook: %s (part \"%s\")", msg, part) :
			 errmsg("invalid xlsx workbook: %s", msg)));
}

static int
entry_name_cmp(const void *a, const void *b)
{
	return strcmp(((const ZipEntry *) a)->name, ((const ZipEntry *) b)->name);
}

static int
entry_offset_cmp(const void *a, const void *b)
{
	uint32		x = (*(ZipEntry *const *) a)->offset;
	uint32		y = (*(ZipEntry *const *) b)->offset;

	return x < y ? -1 : x > y ? 1 : 0;
}

/*
 * The offset of the end of central directory record: the last one within
 * the 64 KB a comment may take whose comment ends the file.
 */
static size_t
zip_find_eocd(const Xlsx *x)
{
	const unsigned char *d = x->data;
	size_t		len = x->len;
	size_t		stop;
	size_t		p;

	if (len < 22)
		zip_error("file too short for a zip archive", NULL);
	stop = len - 22 > 65535 ? len - 22 - 65535 : 0;
	for (p = len - 22;; p--)
	{
		if (get32(d + p) == 0x06054b50 && p + 22 + get16(d + p + 20) == len)
			return p;
		if (p == stop)
			break;
	}
	zip_error("end of central directory not found", NULL);
	return 0;					/* keep compiler quiet */
}

/*
 * Read the central directory entry at d[p] into e, and check it: within
 * the directory [cdoff, cdoff + cdsize), no ZIP64 or encryption, a local
 * header before the directory that names the same part, its data in
 * bounds.  Returns the offset of the next entry.
 */
static size_t
zip_read_entry(const Xlsx *x, ZipEntry *e, size_t p, uint32 cdoff, uint32 cdsize)
{
	const unsigned char *d = x->data;
	int			nlen,
				xlen,
				clen,
				lnlen,
				lxlen;

	if (p + 46 > (size_t) cdoff + cdsize || get32(d + p) != 0x02014b50)
		zip_error("corrupt central directory", NULL);
	e->flags = get16(d + p + 8);
	e->method = get16(d + p + 10);
	e->crc = get32(d + p + 16);
	e->csize = get32(d + p + 20);
	e->usize = get32(d + p + 24);
	nlen = get16(d + p + 28);
	xlen = get16(d + p + 30);
	clen = get16(d + p + 32);
	e->offset = get32(d + p + 42);
	if (nlen == 0 || nlen > KANSA_ZIP_MAX_NAME ||
		p + 46 + nlen + xlen + clen > (size_t) cdoff + cdsize)
		zip_error("corrupt central directory", NULL);
	if (memchr(d + p + 46, '\0', nlen) != NULL)
		zip_error("entry name holds a NUL byte", NULL);
	e->name = pnstrdup((const char *) d + p + 46, nlen);
	if (e->csize == 0xFFFFFFFF || e->usize == 0xFFFFFFFF ||
		e->offset == 0xFFFFFFFF)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("ZIP64 workbooks are not supported")));
	if (e->flags & 0x0001)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("encrypted workbooks are not supported"),
				 errhint("Save the workbook without a password.")));

	/* the local header must exist and name the same part */
	if ((size_t) e->offset + 30 > cdoff ||
		get32(d + e->offset) != 0x04034b50)
		zip_error("local header missing", e->name);
	lnlen = get16(d + e->offset + 26);
	lxlen = get16(d + e->offset + 28);
	if (lnlen != nlen || (size_t) e->offset + 30 + lnlen > cdoff ||
		memcmp(d + e->offset + 30, e->name, nlen) != 0)
		zip_error("local and central directory names differ", e->name);
	e->data = e->offset + 30 + lnlen + lxlen;
	if ((size_t) e->data + e->csize > cdoff)
		zip_error("entry data out of bounds", e->name);
	return p + 46 + nlen + xlen + clen;
}

/*
 * Sort the entries by name and check that no two share a name (a reader
 * must never pick "the first one") or bytes.
 */
static void
zip_check_entries(Xlsx *x)
{
	int			n = x->nentries;
	ZipEntry  **byoffset;
	int			i;

	qsort(x->entries, n, sizeof(ZipEntry), entry_name_cmp);
	for (i = 1; i < n; i++)
		if (strcmp(x->entries[i - 1].name, x->entries[i].name) == 0)
			zip_error("duplicate entry", x->entries[i].name);

	byoffset = palloc(Max(n, 1) * sizeof(ZipEntry *));
	for (i = 0; i < n; i++)
		byoffset[i] = &x->entries[i];
	qsort(byoffset, n, sizeof(ZipEntry *), entry_offset_cmp);
	for (i = 1; i < n; i++)
		if ((size_t) byoffset[i - 1]->data + byoffset[i - 1]->csize >
			byoffset[i]->offset)
			zip_error("entries overlap", byoffset[i]->name);
	pfree(byoffset);
}

/*
 * Read and check the central directory: one volume, no ZIP64, at most
 * KANSA_ZIP_MAX_ENTRIES entries, each checked by zip_read_entry, none
 * sharing a name or bytes with another.
 */
static void
zip_open(Xlsx *x)
{
	const unsigned char *d = x->data;
	size_t		eocd = zip_find_eocd(x);
	uint32		cdsize,
				cdoff;
	int			n,
				i;
	size_t		p;

	n = get16(d + eocd + 10);
	cdsize = get32(d + eocd + 12);
	cdoff = get32(d + eocd + 16);
	if (n == 0xFFFF || cdsize == 0xFFFFFFFF || cdoff == 0xFFFFFFFF)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("ZIP64 workbooks are not supported")));
	if (get16(d + eocd + 4) != 0 || get16(d + eocd + 6) != 0 ||
		get16(d + eocd + 8) != n)
		zip_error("multi-volume archives are not supported", NULL);
	if (n > KANSA_ZIP_MAX_ENTRIES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("xlsx workbook has more than %d zip entries", KANSA_ZIP_MAX_ENTRIES)));
	if ((size_t) cdoff + cdsize > eocd)
		zip_error("central directory out of bounds", NULL);

	x->entries = palloc0(Max(n, 1) * sizeof(ZipEntry));
	x->nentries = n;
	p = cdoff;
	for (i = 0; i < n; i++)
		p = zip_read_entry(x, &x->entries[i], p, cdoff, cdsize);
	zip_check_entries(x);
}

static ZipEntry *
zip_find(Xlsx *x, const char *name)
{
	ZipEntry	key;

	key.name = (char *) name;
	return bsearch(&key, x->entries, x->nentries, sizeof(ZipEntry), entry_name_cmp);
}

static voidpf
zip_palloc(voidpf opaque, uInt items, uInt size)
{
	return palloc_extended((Size) items * size, MCXT_ALLOC_NO_OOM);
}

static void
zip_pfree(voidpf opaque, voidpf address)
{
	pfree(address);
}

/*
 * Inflate one part into a NUL-terminated palloc'd buffer, bounded by the
 * inflated-bytes cap; *outlen receives its length.
 */
static char *
zip_read(Xlsx *x, ZipEntry *e, size_t *outlen)
{
	char	   *out;
	int64		cap = x->limits->max_inflated_bytes;

	if ((int64) e->usize > cap - x->inflated)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("xlsx workbook inflates to more than %lld bytes",
						(long long) cap),
				 errdetail("Part \"%s\" declares %u bytes.", e->name, e->usize),
				 errhint("The limit is the setting kansa.import_max_inflated_size.")));
	if (e->usize > KANSA_ZIP_GRACE &&
		(int64) e->usize > (int64) e->csize * KANSA_ZIP_MAX_RATIO)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("xlsx part \"%s\" inflates more than %d times (%u bytes from %u)",
						e->name, KANSA_ZIP_MAX_RATIO, e->usize, e->csize),
				 errdetail("Such ratios are the mark of a zip bomb, not of a spreadsheet.")));

	out = palloc_extended((Size) e->usize + 1, MCXT_ALLOC_HUGE);
	if (e->method == 0)
	{
		if (e->csize != e->usize)
			zip_error("stored entry sizes differ", e->name);
		memcpy(out, x->data + e->data, e->usize);
	}
	else if (e->method == 8)
	{
		z_stream	zs;
		int			rc = Z_OK;
		uint32		fed = 0;
		char		extra;

		memset(&zs, 0, sizeof(zs));
		zs.zalloc = zip_palloc;
		zs.zfree = zip_pfree;
		if (inflateInit2(&zs, -MAX_WBITS) != Z_OK)
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory"),
					 errdetail("Could not initialise zlib.")));
		zs.next_out = (Bytef *) out;
		zs.avail_out = e->usize;
		/* feed the input in 1 MB pieces, checking for cancels between them */
		while (rc == Z_OK)
		{
			uint32		chunk = Min(e->csize - fed, 1024 * 1024);

			CHECK_FOR_INTERRUPTS();
			zs.next_in = (Bytef *) x->data + e->data + fed;
			zs.avail_in = chunk;
			rc = inflate(&zs, Z_NO_FLUSH);
			fed += chunk - zs.avail_in;
			if (rc == Z_BUF_ERROR && zs.avail_out > 0 && fed < e->csize)
				rc = Z_OK;		/* more input needed */
			if (rc == Z_OK && zs.avail_out == 0)
			{
				/* the declared size is reached: anything more is a lie */
				zs.next_out = (Bytef *) &extra;
				zs.avail_out = 1;
				rc = inflate(&zs, Z_NO_FLUSH);
				if (zs.avail_out == 0 || rc != Z_STREAM_END)
				{
					inflateEnd(&zs);
					zip_error("part inflates to more than its declared size", e->name);
				}
			}
			if (rc == Z_OK && fed >= e->csize && zs.avail_in == 0 && zs.avail_out > 0)
			{
				inflateEnd(&zs);
				zip_error("truncated deflate data", e->name);
			}
		}
		inflateEnd(&zs);
		if (rc != Z_STREAM_END)
			zip_error("corrupt deflate data", e->name);
		if (zs.total_out != e->usize)
			zip_error("part inflates to another size than declared", e->name);
	}
	else
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("xlsx part \"%s\" uses zip compression method %d", e->name, e->method),
				 errdetail("Only stored (0) and deflated (8) parts are read.")));

	if (crc32(0L, (Bytef *) out, e->usize) != e->crc)
		zip_error("CRC-32 mismatch", e->name);
	x->inflated += e->usize;
	out[e->usize] = '\0';
	*outlen = e->usize;
	return out;
}

/*
 * kansa's own caps on a part, checked on its bytes before libxml2 parses
 * it: no DOCTYPE, names no longer than KANSA_XML_MAX_NAME bytes, and no text
 * between tags longer than eight times the cell cap (entities such as &amp;
 * make the raw text longer than the value; the value is checked again).
 */
static void
xml_prescan(const char *s, size_t len, const char *part, const KansaSheetLimits *limits)
{
	const char *p = s;
	const char *end = s + len;
	size_t		maxtext = (size_t) limits->max_cell_bytes * 8;

	while (p < end)
	{
		const char *lt = memchr(p, '<', end - p);
		const char *q;

		if (lt == NULL)
			lt = end;
		if ((size_t) (lt - p) > maxtext)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("xlsx part \"%s\" holds a text longer than %zu bytes",
							part, maxtext)));
		if (lt == end)
			break;
		if (end - lt >= 9 && memcmp(lt, "<!DOCTYPE", 9) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_XML_DOCUMENT),
					 errmsg("xlsx part \"%s\" has a document type declaration", part),
					 errdetail("Office Open XML parts must not have one (ECMA-376 Part 2, 9.1.4).")));
		/* inside the tag: no run of name characters may exceed the cap */
		q = lt + 1;
		while (q < end && *q != '>')
		{
			const char *w = q;

			while (q < end && *q != '>' && *q != ' ' && *q != '\t' &&
				   *q != '\n' && *q != '\r' && *q != '=' && *q != '"' && *q != '\'')
				q++;
			if (q - w > KANSA_XML_MAX_NAME)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("xlsx part \"%s\" holds a name longer than %d bytes",
								part, KANSA_XML_MAX_NAME)));
			if (q < end && (*q == '"' || *q == '\''))
			{
				/* skip an attribute value (bounded like text) */
				const char *close = memchr(q + 1, *q, end - q - 1);

				if (close == NULL)
					close = end;
				if ((size_t) (close - q) > maxtext)
					ereport(ERROR,
							(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
							 errmsg("xlsx part \"%s\" holds an attribute value longer than %zu bytes",
									part, maxtext)));
				q = close;
			}
			if (q < end && *q != '>')
				q++;
		}
		p = q < end ? q + 1 : end;
	}
}

/* What a part handler sees of the reader. */
typedef struct XmlEvent
{
	int			type;			/* XML_READER_TYPE_* */
	const char *name;			/* local name of an element */
	bool		empty;			/* <element/> */
} XmlEvent;

typedef void (*XmlHandler) (xmlTextReaderPtr reader, XmlEvent *ev, void *arg);

/*
 * Parse a part with libxml2's streaming reader, calling handler for every
 * element start, element end and text node.
 */
static void
xml_parse(const char *part, size_t len, const char *partname,
		  const KansaSheetLimits *limits, XmlHandler handler, void *arg)
{
	PgXmlErrorContext *errcxt;
	volatile xmlTextReaderPtr reader = NULL;

	if (len > INT_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("xlsx part \"%s\" is too large", partname)));
	xml_prescan(part, len, partname, limits);

	errcxt = pg_xml_init(PG_XML_STRICTNESS_ALL);
	PG_TRY();
	{
		reader = xmlReaderForMemory(part, (int) len, NULL, NULL, XML_PARSE_NONET);
		if (reader == NULL || pg_xml_error_occurred(errcxt))
			xml_ereport(errcxt, ERROR, ERRCODE_OUT_OF_MEMORY,
						"could not allocate XML reader");
		for (;;)
		{
			int			rc = xmlTextReaderRead(reader);
			XmlEvent	ev;

			CHECK_FOR_INTERRUPTS();
			if (rc < 0 || pg_xml_error_occurred(errcxt))
				xml_ereport(errcxt, ERROR, ERRCODE_INVALID_XML_DOCUMENT,
							psprintf("could not parse xlsx part \"%s\"", partname));
			if (rc == 0)
				break;
			ev.type = xmlTextReaderNodeType(reader);
			if (ev.type == XML_READER_TYPE_DOCUMENT_TYPE ||
				ev.type == XML_READER_TYPE_ENTITY_REFERENCE)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_XML_DOCUMENT),
						 errmsg("xlsx part \"%s\" uses a document type or entity", partname)));
			if (ev.type == XML_READER_TYPE_ELEMENT ||
				ev.type == XML_READER_TYPE_END_ELEMENT)
			{
				ev.name = (const char *) xmlTextReaderConstLocalName(reader);
				ev.empty = ev.type == XML_READER_TYPE_ELEMENT &&
					xmlTextReaderIsEmptyElement(reader) == 1;
				if (ev.name == NULL)
					ev.name = "";
			}
			else if (ev.type == XML_READER_TYPE_TEXT ||
					 ev.type == XML_READER_TYPE_CDATA ||
					 ev.type == XML_READER_TYPE_WHITESPACE ||
					 ev.type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
			{
				ev.type = XML_READER_TYPE_TEXT;
				ev.name = (const char *) xmlTextReaderConstValue(reader);
				ev.empty = false;
				if (ev.name == NULL)
					ev.name = "";
			}
			else
				continue;
			handler(reader, &ev, arg);
		}
	}
	PG_CATCH();
	{
		if (reader != NULL)
			xmlFreeTextReader(reader);
		pg_xml_done(errcxt, true);
		PG_RE_THROW();
	}
	PG_END_TRY();
	xmlFreeTextReader(reader);
	pg_xml_done(errcxt, false);
}

/* The value of an attribute (by local name) of the current element, or NULL. */
static char *
xml_attr(xmlTextReaderPtr reader, const char *name)
{
	char	   *result = NULL;

	if (xmlTextReaderMoveToFirstAttribute(reader) != 1)
		return NULL;
	do
	{
		const char *n = (const char *) xmlTextReaderConstLocalName(reader);

		if (n != NULL && strcmp(n, name) == 0)
		{
			const char *v = (const char *) xmlTextReaderConstValue(reader);

			result = pstrdup(v ? v : "");
			break;
		}
	} while (xmlTextReaderMoveToNextAttribute(reader) == 1);
	xmlTextReaderMoveToElement(reader);
	return result;
}

/* Inflate and parse one part; false when the package has no such part. */
static bool
xlsx_part(Xlsx *x, const char *name, XmlHandler handler, void *arg)
{
	ZipEntry   *e = zip_find(x, name);
	size_t		len;
	char	   *buf;

	if (e == NULL)
		return false;
	buf = zip_read(x, e, &len);
	xml_parse(buf, len, name, x->limits, handler, arg);
	pfree(buf);
	return true;
}

/* ----- relationships ----- */

typedef struct Rel
{
	char	   *id;
	char	   *type;
	char	   *target;
} Rel;

static void
rels_handler(xmlTextReaderPtr reader, XmlEvent *ev, void *arg)
{
	List	  **rels = (List **) arg;

	if (ev->type == XML_READER_TYPE_ELEMENT && strcmp(ev->name, "Relationship") == 0)
	{
		Rel		   *r = palloc(sizeof(Rel));
		char	   *mode = xml_attr(reader, "TargetMode");

		r->id = xml_attr(reader, "Id");
		r->type = xml_attr(reader, "Type");
		r->target = xml_attr(reader, "Target");
		/* external targets are links out of the package: never followed */
		if (r->id && r->type && r->target &&
			(mode == NULL || strcmp(mode, "External") != 0))
			*rels = lappend(*rels, r);
	}
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t		n = strlen(s),
				m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/*
 * The part a relationship of part "source" points to: targets are relative
 * to the source's folder unless they start with "/"; ".." steps up.
 */
static char *
rel_resolve(const char *source, const char *target)
{
	StringInfoData buf;
	const char *slash = strrchr(source, '/');
	const char *p;

	initStringInfo(&buf);
	if (target[0] == '/')
		target++;
	else if (slash != NULL)
		appendBinaryStringInfo(&buf, source, slash - source + 1);
	for (p = target; strncmp(p, "../", 3) == 0; p += 3)
	{
		/* drop the last folder of what we have */
		if (buf.len > 0)
		{
			int			i = buf.len - 1;

			while (i > 0 && buf.data[i - 1] != '/')
				i--;
			buf.len = i;
			buf.data[i] = '\0';
		}
	}
	appendStringInfoString(&buf, p);
	return buf.data;
}

/* The relationships of a part, from its _rels/<name>.rels part. */
static List *
xlsx_rels(Xlsx *x, const char *part)
{
	const char *slash = strrchr(part, '/');
	char	   *relsname;
	List	   *rels = NIL;

	if (slash == NULL)
		relsname = psprintf("_rels/%s.rels", part);
	else
		relsname = psprintf("%.*s/_rels/%s.rels", (int) (slash - part), part, slash + 1);
	xlsx_part(x, relsname, rels_handler, &rels);
	return rels;
}

/* ----- shared strings ----- */

typedef struct TextState
{
	StringInfoData buf;
	int			depth_t;		/* inside <t> (of a run, not of <rPh>) */
	int			depth_rph;		/* inside a phonetic run */
	const KansaSheetLimits *limits;
	const char *part;
} TextState;

/* Track <t> and <rPh> inside <si> or <is>; true when the event was text. */
static void
text_event(TextState *ts, XmlEvent *ev)
{
	if (ev->type == XML_READER_TYPE_ELEMENT && !ev->empty)
	{
		if (strcmp(ev->name, "rPh") == 0)
			ts->depth_rph++;
		else if (strcmp(ev->name, "t") == 0)
			ts->depth_t++;
	}
	else if (ev->type == XML_READER_TYPE_END_ELEMENT)
	{
		if (strcmp(ev->name, "rPh") == 0 && ts->depth_rph > 0)
			ts->depth_rph--;
		else if (strcmp(ev->name, "t") == 0 && ts->depth_t > 0)
			ts->depth_t--;
	}
	else if (ev->type == XML_READER_TYPE_TEXT && ts->depth_t > 0 && ts->depth_rph == 0)
	{
		size_t		n = strlen(ev->name);

		if (ts->buf.len + n > (size_t) ts->limits->max_cell_bytes)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("xlsx part \"%s\" holds a string longer than %d bytes",
							ts->part, ts->limits->max_cell_bytes)));
		appendBinaryStringInfo(&ts->buf, ev->name, n);
	}
}

/*
 * Decode, in place, the _xHHHH_ escapes of a string of type ST_Xstring
 * (ECMA-376 Part 1, 22.9.2.19): Excel writes a character XML 1.0 cannot
 * hold as one, a carriage return as _x000D_ (a line break pasted from
 * Windows text is "_x000D_" and a LF), and escapes a literal "_x" that would
 * read as an escape as _x005F_x.  An escape of what a text cannot hold (NUL,
 * a surrogate, U+FFFE, U+FFFF) is kept as written.  Decoding never makes
 * the string longer.
 */
static void
xstring_decode(StringInfo buf)
{
	char	   *src = buf->data;
	char	   *end = buf->data + buf->len;
	char	   *dst = buf->data;

	if (strstr(buf->data, "_x") == NULL)
		return;
	while (src < end)
	{
		if (end - src >= 7 && src[0] == '_' && src[1] == 'x' && src[6] == '_' &&
			strspn(src + 2, "0123456789ABCDEFabcdef") >= 4)
		{
			char		hex[5];
			pg_wchar	c;

			memcpy(hex, src + 2, 4);
			hex[4] = '\0';
			c = (pg_wchar) strtoul(hex, NULL, 16);
			if (c != 0 && (c < 0xD800 || c > 0xDFFF) && c < 0xFFFE)
			{
				unsigned char utf[4];
				int			n;

				unicode_to_utf8(c, utf);
				n = pg_utf_mblen(utf);
				memcpy(dst, utf, n);
				dst += n;
				src += 7;
				continue;
			}
		}
		*dst++ = *src++;
	}
	*dst = '\0';
	buf->len = dst - buf->data;
}

typedef struct SstState
{
	Xlsx	   *x;
	TextState	text;
	bool		in_si;
} SstState;

static void
sst_handler(xmlTextReaderPtr reader, XmlEvent *ev, void *arg)
{
	SstState   *s = (SstState *) arg;
	Xlsx	   *x = s->x;
	bool		close = false;

	if (ev->type == XML_READER_TYPE_ELEMENT && strcmp(ev->name, "si") == 0)
	{
		resetStringInfo(&s->text.buf);
		s->text.depth_t = s->text.depth_rph = 0;
		s->in_si = true;
		close = ev->empty;
	}
	else if (ev->type == XML_READER_TYPE_END_ELEMENT && strcmp(ev->name, "si") == 0)
		close = true;
	else if (s->in_si)
		text_event(&s->text, ev);

	if (close && s->in_si)
	{
		if (x->nstrings == x->capstrings)
		{
			x->capstrings = Max(64, x->capstrings * 2);
			x->strings = x->strings == NULL ?
				palloc(x->capstrings * sizeof(char *)) :
				repalloc_huge(x->strings, x->capstrings * sizeof(char *));
		}
		xstring_decode(&s->text.buf);
		x->strings[x->nstrings++] = pnstrdup(s->text.buf.data, s->text.buf.len);
		s->in_si = false;
	}
}

/* ----- worksheets ----- */

typedef struct Merge
{
	int			r1,
				c1,
				r2,
				c2;
} Merge;

typedef struct SheetState
{
	Xlsx	   *x;
	KansaSheet *sheet;
	const char *part;
	int			row;			/* current row */
	int			col;			/* current cell's column */
	bool		in_cell;
	bool		in_v;
	bool		in_is;
	char		ctype[16];		/* the cell's t attribute */
	StringInfoData v;			/* <v> text */
	TextState	text;			/* inline string */
	List	   *merges;
} SheetState;

/*
 * Parse a cell reference such as "B12" (or "$B$12"); false when it is not
 * one.  Columns beyond XFD and rows beyond 1048576 are refused.
 */
static bool
parse_ref(const char *s, int *row, int *col)
{
	int			c = 0,
				r = 0;

	if (*s == '$')
		s++;
	if (*s < 'A' || *s > 'Z')
		return false;
	while (*s >= 'A' && *s <= 'Z')
	{
		c = c * 26 + (*s++ - 'A' + 1);
		if (c > 16384)
			return false;
	}
	if (*s == '$')
		s++;
	while (*s >= '0' && *s <= '9')
	{
		r = r * 10 + (*s++ - '0');
		if (r > 1048576)
			return false;
	}
	if (*s != '\0')
		return false;
	*row = r;					/* 0 when the reference names only a column */
	*col = c;
	return true;
}

static void
sheet_error_ref(const char *part, const char *what, const char *ref)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid xlsx workbook: invalid %s \"%s\" (part \"%s\")",
					what, ref, part)));
}

/* Text of a number as Excel shows it in General format: 15 significant digits. */
static char *
number_text(const char *v)
{
	char	   *end;
	double		d;
	char		buf[64];

	while (*v == ' ')
		v++;
	if (*v == '\0')
		return pstrdup("");
	errno = 0;
	d = strtod(v, &end);
	if (end == v || *end != '\0' || errno != 0 || isinf(d) || isnan(d))
		return pstrdup(v);		/* not a number after all: keep the text */
	snprintf(buf, sizeof(buf), "%.15g", d);
	if (strcmp(buf, "-0") == 0)
		strcpy(buf, "0");
	return pstrdup(buf);
}

static void
cell_done(SheetState *s)
{
	const char *t = s->ctype;
	char	   *value;

	if (strcmp(t, "s") == 0)
	{
		char	   *end;
		long		i;

		if (s->v.len == 0)
			return;
		errno = 0;
		i = strtol(s->v.data, &end, 10);
		if (end == s->v.data || *end != '\0' || errno != 0 || i < 0 ||
			i >= s->x->nstrings)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid xlsx workbook: shared string index \"%s\" out of range (part \"%s\", row %d, column %d)",
							s->v.data, s->part, s->row, s->col)));
		value = s->x->strings[i];
	}
	else if (strcmp(t, "inlineStr") == 0)
	{
		xstring_decode(&s->text.buf);
		value = s->text.buf.data;
	}
	else if (strcmp(t, "b") == 0)
		value = s->v.len == 0 ? "" : strcmp(s->v.data, "0") == 0 ? "FALSE" : "TRUE";
	else if (strcmp(t, "n") == 0 || t[0] == '\0')
		value = number_text(s->v.data);
	else if (strcmp(t, "str") == 0)
	{
		/* a formula's text result is an ST_Xstring too */
		xstring_decode(&s->v);
		value = s->v.data;
	}
	else						/* e, d: the text as stored */
		value = s->v.data;
	kansa_sheet_set(s->sheet, s->row, s->col, value, strlen(value), s->x->limits);
}

/* A <row>: its number (r="12", else the row after the last), within the limit. */
static void
sheet_row_start(xmlTextReaderPtr reader, SheetState *s)
{
	char	   *r = xml_attr(reader, "r");
	int			n = s->row + 1;

	if (r != NULL)
	{
		char	   *end;
		long		v = strtol(r, &end, 10);

		if (end == r || *end != '\0' || v < 1 || v > 1048576)
			sheet_error_ref(s->part, "row number", r);
		n = (int) v;
	}
	if (n > s->x->limits->max_rows)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("sheet \"%s\" has more than %d rows",
						s->sheet->name, s->x->limits->max_rows)));
	s->row = n;
	s->col = 0;
}

/*
 * A <c>: its place (r="B3", else the cell after the last) and type, and a
 * fresh start for its value.
 */
static void
sheet_cell_start(xmlTextReaderPtr reader, XmlEvent *ev, SheetState *s)
{
	char	   *r = xml_attr(reader, "r");
	char	   *t = xml_attr(reader, "t");
	int			row = s->row,
				col = s->col + 1;

	if (r != NULL && !parse_ref(r, &row, &col))
		sheet_error_ref(s->part, "cell reference", r);
	if (row == 0)
		row = Max(s->row, 1);
	s->row = row;
	s->col = col;
	strlcpy(s->ctype, t ? t : "", sizeof(s->ctype));
	resetStringInfo(&s->v);
	resetStringInfo(&s->text.buf);
	s->text.depth_t = s->text.depth_rph = 0;
	s->in_cell = !ev->empty;
	s->in_is = false;
	s->in_v = false;
}

/* A <mergeCell ref="A1:C1">: the range, kept for fill_merges. */
static void
sheet_merge(xmlTextReaderPtr reader, SheetState *s)
{
	char	   *ref = xml_attr(reader, "ref");
	char	   *colon = ref ? strchr(ref, ':') : NULL;
	Merge	   *m;

	if (colon == NULL)
		return;					/* a one-cell "merge" merges nothing */
	*colon = '\0';
	m = palloc(sizeof(Merge));
	if (!parse_ref(ref, &m->r1, &m->c1) || !parse_ref(colon + 1, &m->r2, &m->c2) ||
		m->r1 == 0 || m->r2 == 0 || m->r1 > m->r2 || m->c1 > m->c2)
	{
		*colon = ':';
		sheet_error_ref(s->part, "merged range", ref);
	}
	s->merges = lappend(s->merges, m);
}

/*
 * The events of a worksheet part: rows, cells and their values (<v>, or
 * the rich text of <is>), merged ranges.
 */
static void
sheet_handler(xmlTextReaderPtr reader, XmlEvent *ev, void *arg)
{
	SheetState *s = (SheetState *) arg;
	const char *name = ev->name;

	if (ev->type == XML_READER_TYPE_ELEMENT)
	{
		if (strcmp(name, "row") == 0)
			sheet_row_start(reader, s);
		else if (strcmp(name, "c") == 0)
			sheet_cell_start(reader, ev, s);
		else if (s->in_cell && strcmp(name, "v") == 0)
			s->in_v = !ev->empty;
		else if (s->in_cell && strcmp(name, "is") == 0)
			s->in_is = !ev->empty;
		else if (s->in_is)
			text_event(&s->text, ev);
		else if (strcmp(name, "mergeCell") == 0)
			sheet_merge(reader, s);
	}
	else if (ev->type == XML_READER_TYPE_END_ELEMENT)
	{
		if (strcmp(name, "c") == 0 && s->in_cell)
		{
			cell_done(s);
			s->in_cell = false;
		}
		else if (strcmp(name, "v") == 0)
			s->in_v = false;
		else if (strcmp(name, "is") == 0)
			s->in_is = false;
		else if (s->in_is)
			text_event(&s->text, ev);
	}
	else if (ev->type == XML_READER_TYPE_TEXT)
	{
		if (s->in_v)
		{
			size_t		n = strlen(name);

			if (s->v.len + n > (size_t) s->x->limits->max_cell_bytes)
				kansa_sheet_check_cell(s->x->limits, s->v.len + n, s->row, s->col);
			appendBinaryStringInfo(&s->v, name, n);
		}
		else if (s->in_is)
			text_event(&s->text, ev);
	}
}

/* Give every cell of each merged range the value of its top-left cell. */
static void
fill_merges(SheetState *s)
{
	ListCell   *lc;
	int64		filled = 0;
	const KansaSheetLimits *limits = s->x->limits;

	foreach(lc, s->merges)
	{
		Merge	   *m = (Merge *) lfirst(lc);
		const char *v = kansa_sheet_get(s->sheet, m->r1, m->c1);
		int			r,
					c;

		if (v == NULL)
			continue;
		if (m->r2 > limits->max_rows || m->c2 > limits->max_columns)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("merged range of sheet \"%s\" reaches beyond %d rows or %d columns",
							s->sheet->name, limits->max_rows, limits->max_columns)));
		filled += (int64) (m->r2 - m->r1 + 1) * (m->c2 - m->c1 + 1);
		if (filled > KANSA_MERGE_MAX_CELLS)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("merged ranges of sheet \"%s\" cover more than %d cells",
							s->sheet->name, KANSA_MERGE_MAX_CELLS)));
		for (r = m->r1; r <= m->r2; r++)
		{
			CHECK_FOR_INTERRUPTS();
			for (c = m->c1; c <= m->c2; c++)
				if (r != m->r1 || c != m->c1)
					kansa_sheet_put(s->sheet, r, c, v, limits);
		}
	}
}

/* ----- workbook ----- */

typedef struct WbSheet
{
	char	   *name;
	char	   *rid;
} WbSheet;

static void
workbook_handler(xmlTextReaderPtr reader, XmlEvent *ev, void *arg)
{
	List	  **sheets = (List **) arg;

	if (ev->type == XML_READER_TYPE_ELEMENT && strcmp(ev->name, "sheet") == 0)
	{
		WbSheet    *w = palloc(sizeof(WbSheet));

		w->name = xml_attr(reader, "name");
		w->rid = xml_attr(reader, "id");
		if (w->name != NULL && w->rid != NULL)
			*sheets = lappend(*sheets, w);
	}
}

static Rel *
rel_by_type(List *rels, const char *suffix)
{
	ListCell   *lc;

	foreach(lc, rels)
	{
		Rel		   *r = (Rel *) lfirst(lc);

		if (ends_with(r->type, suffix))
			return r;
	}
	return NULL;
}

/*
 * A zip container with no workbook: say what it is when its parts show it
 * (a Word or PowerPoint file, an OpenDocument file) and what to do.
 */
static void
refuse_other_zip(Xlsx *x)
{
	const char *what = NULL;

	if (zip_find(x, "word/document.xml") != NULL)
		what = "a Word document (.docx)";
	else if (zip_find(x, "ppt/presentation.xml") != NULL)
		what = "a PowerPoint presentation (.pptx)";
	else if (zip_find(x, "content.xml") != NULL && zip_find(x, "mimetype") != NULL)
		what = "an OpenDocument file (.ods, .odt)";
	if (what != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("file is %s, not an xlsx answer sheet", what),
				 errhint("Save the answer table as .xlsx (Excel workbook) or CSV, for example with LibreOffice or Excel, and import that.")));
}

/*
 * Open an xlsx workbook held in data and read its workbook part: the part's
 * name into *wbpart and its sheets (WbSheet, in workbook order) into
 * *wbsheets.  False when the zip has no workbook part.
 */
static bool
workbook_open(Xlsx *x, const char *data, size_t len, const KansaSheetLimits *limits,
			  char **wbpart, List **wbsheets)
{
	List	   *rootrels;
	Rel		   *r;

	memset(x, 0, sizeof(*x));
	x->data = (const unsigned char *) data;
	x->len = len;
	x->limits = limits;
	zip_open(x);

	rootrels = xlsx_rels(x, "");
	r = rel_by_type(rootrels, "/officeDocument");
	*wbpart = r ? rel_resolve("", r->target) : "xl/workbook.xml";
	*wbsheets = NIL;
	return xlsx_part(x, *wbpart, workbook_handler, wbsheets);
}

/*
 * Read the worksheets of an xlsx workbook, in workbook order, or only the
 * one named only_sheet.  Returns a List of KansaSheet.
 */
List *
kansa_sheets_from_xlsx(const char *data, size_t len, const char *only_sheet,
					   const KansaSheetLimits *limits)
{
	Xlsx		x;
	List	   *wbrels,
			   *wbsheets,
			   *result = NIL;
	Rel		   *r;
	char	   *wbpart;
	ListCell   *lc;
	bool		found = false;
	StringInfoData names;

	if (!workbook_open(&x, data, len, limits, &wbpart, &wbsheets))
	{
		refuse_other_zip(&x);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid xlsx workbook: no workbook part \"%s\"", wbpart),
				 errhint("Is the file a spreadsheet (xlsx) and not another Office document?")));
	}
	wbrels = xlsx_rels(&x, wbpart);

	r = rel_by_type(wbrels, "/sharedStrings");
	{
		SstState	sst;

		memset(&sst, 0, sizeof(sst));
		sst.x = &x;
		initStringInfo(&sst.text.buf);
		sst.text.limits = limits;
		sst.text.part = r ? rel_resolve(wbpart, r->target) : "xl/sharedStrings.xml";
		xlsx_part(&x, sst.text.part, sst_handler, &sst);
	}

	initStringInfo(&names);
	foreach(lc, wbsheets)
	{
		WbSheet    *w = (WbSheet *) lfirst(lc);
		ListCell   *lr;
		char	   *part = NULL;
		SheetState	s;

		if (names.len > 0)
			appendStringInfoString(&names, ", ");
		appendStringInfoString(&names, w->name);
		if (only_sheet != NULL && strcmp(only_sheet, w->name) != 0)
			continue;
		found = true;
		foreach(lr, wbrels)
		{
			Rel		   *rel = (Rel *) lfirst(lr);

			if (strcmp(rel->id, w->rid) == 0)
			{
				/* chart sheets and dialog sheets hold no cells */
				if (ends_with(rel->type, "/worksheet"))
					part = rel_resolve(wbpart, rel->target);
				break;
			}
		}
		if (part == NULL)
			continue;
		memset(&s, 0, sizeof(s));
		s.x = &x;
		s.sheet = kansa_sheet_new(w->name);
		s.part = part;
		initStringInfo(&s.v);
		initStringInfo(&s.text.buf);
		s.text.limits = limits;
		s.text.part = part;
		if (!xlsx_part(&x, part, sheet_handler, &s))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid xlsx workbook: sheet \"%s\" has no part \"%s\"",
							w->name, part)));
		fill_merges(&s);
		result = lappend(result, s.sheet);
	}
	if (only_sheet != NULL && !found)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("workbook has no sheet \"%s\"", only_sheet),
				 errdetail("Its sheets are: %s.", names.data)));
	return result;
}

/*
 * The names of an xlsx workbook's sheets (hidden ones too), in workbook
 * order, read from its workbook part alone: no sheet is parsed.
 */
List *
kansa_xlsx_sheet_names(const char *data, size_t len, const KansaSheetLimits *limits)
{
	Xlsx		x;
	List	   *wbsheets,
			   *result = NIL;
	char	   *wbpart;
	ListCell   *lc;

	if (!workbook_open(&x, data, len, limits, &wbpart, &wbsheets))
		return NIL;
	foreach(lc, wbsheets)
		result = lappend(result, ((WbSheet *) lfirst(lc))->name);
	return result;
}
