/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Times are stored as UTC seconds; people think in days and months of their
 * own time zone (East Africa Time for most books). The calendar turns one
 * into the other for a book, and remembers the last month it looked up,
 * because writes arrive month after month and GDateTime is not free. */
typedef struct _DaftariCalendar DaftariCalendar;

/* A calendar month as the integer YYYYMM (202511), a day as YYYYMMDD. */
typedef gint32 DaftariMonth;
typedef gint32 DaftariDay;

DaftariCalendar *daftari_calendar_new          (const char      *tz_identifier);
void             daftari_calendar_free         (DaftariCalendar *calendar);
const char      *daftari_calendar_get_zone     (DaftariCalendar *calendar);

DaftariMonth     daftari_calendar_month_of     (DaftariCalendar *calendar,
                                                gint64           ts);
DaftariDay       daftari_calendar_day_of       (DaftariCalendar *calendar,
                                                gint64           ts);
void             daftari_calendar_month_range  (DaftariCalendar *calendar,
                                                DaftariMonth     month,
                                                gint64          *out_start,
                                                gint64          *out_end);
gint64           daftari_calendar_day_start    (DaftariCalendar *calendar,
                                                DaftariDay       day);
gint64           daftari_calendar_day_end      (DaftariCalendar *calendar,
                                                DaftariDay       day);
gint64           daftari_calendar_day_noon     (DaftariCalendar *calendar,
                                                DaftariDay       day);
gint64           daftari_calendar_now          (void);
DaftariDay       daftari_calendar_today        (DaftariCalendar *calendar);
char            *daftari_calendar_format_date  (DaftariCalendar *calendar,
                                                gint64           ts);
char            *daftari_calendar_format_time  (DaftariCalendar *calendar,
                                                gint64           ts);

/* "2025-03-07" → 20250307; refuses 2025-02-31 and anything not of that form. */
gboolean         daftari_day_parse             (const char      *text,
                                                DaftariDay      *out_day,
                                                GError         **error);
/* 20250307 → "2025-03-07". */
char            *daftari_day_format            (DaftariDay       day);
/* "2025-03" → 202503. */
gboolean         daftari_month_parse           (const char      *text,
                                                DaftariMonth    *out_month,
                                                GError         **error);
DaftariMonth     daftari_month_add             (DaftariMonth     month,
                                                int              months);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariCalendar, daftari_calendar_free)

G_END_DECLS
