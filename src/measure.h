/*-------------------------------------------------------------------------
 *
 * measure.h
 *	  The kansa.measure type, reference values and the figures vendors
 *	  state, and extract_measures(), which finds the figures in an answer.
 *
 * src/measure.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef KANSA_MEASURE_H
#define KANSA_MEASURE_H

#include "fmgr.h"

/*
 * A quantity with an optional bound, as reference values and vendors state
 * them: fixed length, twelve bytes.  What a and b hold depends on the kind:
 *
 *	frequency	a occurrences per b units (unit); with MEASURE_EVENT, a per
 *				event (バックアップ実施の都度) and b, unit zero
 *	duration	a units
 *	relative	the anchor's period (b, MEASURE_ANCHOR_SERVICE) plus a units
 *	ratio		a in ten-thousandths of a percent (99.5% is 995000)
 *	count		a generations
 *	coverage	a and b the first and last minute of the day (0..1440), every
 *				day, or weekdays only with MEASURE_WEEKDAYS
 *	choice		a is a bit set of options (measure.c's vocabulary); with
 *				MEASURE_ANY one of them is enough, else all are meant
 *	none		"-", no value set
 */
typedef struct Measure
{
	uint8		kind;
	uint8		bound;
	uint8		unit;
	uint8		flags;
	int32		a;
	int32		b;
} Measure;

typedef enum
{
	MEASURE_NONE = 0,
	MEASURE_FREQUENCY,
	MEASURE_DURATION,
	MEASURE_RATIO,
	MEASURE_COUNT,
	MEASURE_COVERAGE,
	MEASURE_RELATIVE,
	MEASURE_CHOICE,
	MEASURE_N_KINDS
} MeasureKind;

#define MEASURE_UNBOUNDED	0
#define MEASURE_AT_MOST		1
#define MEASURE_AT_LEAST	2

#define MEASURE_EVENT		0x01
#define MEASURE_ANY			0x02
#define MEASURE_WEEKDAYS	0x04

#define MEASURE_ANCHOR_SERVICE	1

/* Largest amount, count or period a measure holds (see measure.c). */
#define MEASURE_MAX_AMOUNT	100000

/* First byte of the binary send/recv format of measure. */
#define KANSA_MEASURE_FORMAT 1

#define PG_GETARG_MEASURE_P(n)	((Measure *) PG_GETARG_POINTER(n))

/* measure.c */
extern const char *const kansa_measure_kind_names[MEASURE_N_KINDS];
extern const char *kansa_measure_scan(const char *s, Measure *m, bool in_text);
extern const char *kansa_measure_scan_no_coverage(const char *s, Measure *m);
extern char *kansa_measure_text(const Measure *m);

/* One figure extract_measures() found: what it is about, its value, its words. */
typedef struct KansaFigure
{
	const char *quantity;
	Measure		measure;
	char	   *span;
} KansaFigure;

/* extract_measures.c */
extern int	kansa_extract_measures(const char *str, size_t len, KansaFigure **out);

#endif							/* KANSA_MEASURE_H */
