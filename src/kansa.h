/*-------------------------------------------------------------------------
 *
 * kansa.h
 *	  What every reader of the kansa extension shares: the one limit on the
 *	  text it takes and the one error for a literal it refuses.  Each type
 *	  and capability has its own header (control_id.h, answer.h, evidence.h,
 *	  measure.h, canon.h, normalize.h, ...).
 *
 * src/kansa.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef KANSA_H
#define KANSA_H

/*
 * The most bytes of text any of kansa's readers takes (answers, literals,
 * service types): one policy for all of them, applied by the shared
 * normaliser (kansa_nfkc, and so kansa_fold) and by the parsers that look
 * at their input before normalising it.  8 MiB holds two million Japanese
 * characters, sixty times the longest cell Excel can hold (32,767
 * characters); the readers are linear in their input, and even the
 * characters NFKC expands eighteen-fold keep the folded form far below the
 * 1 GB allocation limit.  A longer text is refused with
 * program_limit_exceeded.
 */
#define KANSA_MAX_TEXT_BYTES	(8 * 1024 * 1024)

/* normalize.c */
extern void kansa_check_text_size(size_t len);

/* kansa.c */
extern void kansa_invalid_input(const char *type, const char *str, size_t len,
								const char *detail) pg_attribute_noreturn();

#endif							/* KANSA_H */
