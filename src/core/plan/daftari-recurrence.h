/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "daftari-calendar.h"

G_BEGIN_DECLS

/* When a recurring thing falls due, as calendar days of the book's time
 * zone. Pure arithmetic on YYYYMMDD days, no book: shared by schedules and
 * whatever else repeats (recurring invoices run on day 1-28, a special case
 * of the monthly rule). */
typedef enum {
  DAFTARI_RECUR_MONTHLY,   /* on day n of every month (1-31); a shorter month's last day instead */
  DAFTARI_RECUR_WEEKLY,    /* on weekday n (1 Monday .. 7 Sunday) */
  DAFTARI_RECUR_DAYS,      /* every n days from the start (1-3660) */
} DaftariRecurKind;

typedef struct {
  DaftariRecurKind kind;
  int              n;
} DaftariRecurrence;

/* "monthly:31", "weekly:mon" (or weekly:1), "days:14"; and back. */
gboolean    daftari_recurrence_parse     (const char              *text,
                                          DaftariRecurrence       *out_rule,
                                          GError                 **error);
char       *daftari_recurrence_to_string (const DaftariRecurrence *rule);
/* For people: "every month on day 31 (the last day in shorter months)". */
char       *daftari_recurrence_describe  (const DaftariRecurrence *rule);
gboolean    daftari_recurrence_valid     (const DaftariRecurrence *rule,
                                          GError                 **error);
const char *daftari_recur_kind_to_string   (DaftariRecurKind   kind);
gboolean    daftari_recur_kind_from_string (const char        *text,
                                            DaftariRecurKind  *out_kind);

/* The first occurrence on or after day (for DAYS, day itself: the start). */
DaftariDay  daftari_recurrence_first     (const DaftariRecurrence *rule,
                                          DaftariDay               day);
/* The occurrence after the one on day. */
DaftariDay  daftari_recurrence_next      (const DaftariRecurrence *rule,
                                          DaftariDay               day);

/* Day arithmetic on YYYYMMDD. */
DaftariDay  daftari_day_add              (DaftariDay  day,
                                          int         days);
/* Days from a to b (negative when b is before a). */
int         daftari_day_diff             (DaftariDay  a,
                                          DaftariDay  b);
int         daftari_month_days           (DaftariMonth month);
/* 1 Monday .. 7 Sunday. */
int         daftari_day_weekday          (DaftariDay  day);

G_END_DECLS
