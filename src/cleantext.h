/*-------------------------------------------------------------------------
 *
 * cleantext.h
 *	  The text of an answer made fit to read: markup and entities removed,
 *	  and its sentences found.
 *
 * src/cleantext.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef KANSA_CLEANTEXT_H
#define KANSA_CLEANTEXT_H

extern char *kansa_clean_text(const char *str, size_t len);
extern char *kansa_answer_key(const char *str, size_t len);
extern int	kansa_split_sentences(const char *text, int len, int **starts,
								  int **lens);

#endif							/* KANSA_CLEANTEXT_H */
