/*-------------------------------------------------------------------------
 *
 * summary.h
 *	  The settings of the maintained summaries (summary.c).
 *
 * src/summary.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef KANSA_SUMMARY_H
#define KANSA_SUMMARY_H

#include "utils/guc.h"

extern char *kansa_today_setting;
extern bool kansa_maintain_summaries;

extern bool kansa_check_today(char **newval, void **extra, GucSource source);
extern void kansa_assign_today(const char *newval, void *extra);

#endif							/* KANSA_SUMMARY_H */
