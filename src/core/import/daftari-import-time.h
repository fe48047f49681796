/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Times in imported files. Statements and Kenyan bank exports print East
 * Africa Time, which has no daylight saving: always UTC+3. Computed by
 * arithmetic, not GDateTime, so that a million-row file does not allocate
 * an object a row. */
#define DAFTARI_IMPORT_EAT_OFFSET (3 * 3600)

/* Days since 1970-01-01 of a proleptic Gregorian date. */
gint64   daftari_import_days_from_civil (int          year,
                                         int          month,
                                         int          day);

/* Reads at most max_digits digits at *p into *out; returns how many. */
guint    daftari_import_read_number     (const char **p,
                                         guint        max_digits,
                                         int         *out);

/* "2024-11-29 19:37:59" (EAT; seconds optional; 'T' allowed), or with the
 * date as 29/11/2024 or 29-11-2024 as spreadsheets rewrite it, to UTC
 * seconds. Two-digit years ("31/02/25") are refused, not guessed. */
gboolean daftari_import_parse_eat_time  (const char  *text,
                                         gint64      *out_ts);

/* "2024-11-29 19:37:59" in EAT, for messages. */
char    *daftari_import_format_eat_time (gint64       ts);

G_END_DECLS
