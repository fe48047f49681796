/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-calendar.h"

#include <glib/gi18n-lib.h>

#include "daftari-error.h"

struct _DaftariCalendar {
  GTimeZone   *zone;
  char        *identifier;
  /* The last month looked up: [start, end) in UTC seconds. */
  DaftariMonth cached_month;
  gint64       cached_start;
  gint64       cached_end;
};

DaftariCalendar *
daftari_calendar_new (const char *tz_identifier)
{
  DaftariCalendar *calendar = g_new0 (DaftariCalendar, 1);

  calendar->zone = g_time_zone_new_identifier (tz_identifier);
  /* A system without tzdata still gets Kenya right: EAT has no DST. */
  if (calendar->zone == NULL)
    calendar->zone = g_time_zone_new_offset (3 * 3600);
  calendar->identifier = g_strdup (tz_identifier);
  return calendar;
}

void
daftari_calendar_free (DaftariCalendar *calendar)
{
  if (calendar == NULL)
    return;
  g_time_zone_unref (calendar->zone);
  g_free (calendar->identifier);
  g_free (calendar);
}

const char *
daftari_calendar_get_zone (DaftariCalendar *calendar)
{
  return calendar->identifier;
}

/* GDateTime covers years 1 to 9999; "as of forever" (G_MAXINT64) and other
 * sentinels are clamped to 1900-01-02 .. 9998-12-01, so that a month and the
 * one after it always exist. */
#define TS_MIN G_GINT64_CONSTANT (-2208902400)
#define TS_MAX G_GINT64_CONSTANT (253368086400)

static GDateTime *
local_time (DaftariCalendar *calendar, gint64 ts)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (CLAMP (ts, TS_MIN, TS_MAX));
  return g_date_time_to_timezone (utc, calendar->zone);
}

static gint64
local_midnight (DaftariCalendar *calendar, int year, int month, int day)
{
  g_autoptr(GDateTime) dt = g_date_time_new (calendar->zone, year, month, day, 0, 0, 0);
  return g_date_time_to_unix (dt);
}

void
daftari_calendar_month_range (DaftariCalendar *calendar,
                              DaftariMonth     month,
                              gint64          *out_start,
                              gint64          *out_end)
{
  DaftariMonth next = daftari_month_add (month, 1);

  *out_start = local_midnight (calendar, month / 100, month % 100, 1);
  *out_end = local_midnight (calendar, next / 100, next % 100, 1);
}

DaftariMonth
daftari_calendar_month_of (DaftariCalendar *calendar, gint64 ts)
{
  g_autoptr(GDateTime) dt = NULL;
  DaftariMonth month;

  if (calendar->cached_month != 0 && ts >= calendar->cached_start && ts < calendar->cached_end)
    return calendar->cached_month;

  dt = local_time (calendar, ts);
  month = g_date_time_get_year (dt) * 100 + g_date_time_get_month (dt);
  calendar->cached_month = month;
  daftari_calendar_month_range (calendar, month, &calendar->cached_start, &calendar->cached_end);
  return month;
}

DaftariDay
daftari_calendar_day_of (DaftariCalendar *calendar, gint64 ts)
{
  g_autoptr(GDateTime) dt = local_time (calendar, ts);
  return g_date_time_get_year (dt) * 10000 + g_date_time_get_month (dt) * 100
         + g_date_time_get_day_of_month (dt);
}

gint64
daftari_calendar_day_start (DaftariCalendar *calendar, DaftariDay day)
{
  return local_midnight (calendar, day / 10000, day / 100 % 100, day % 100);
}

/* The last second of the day: "balance as of 2025-03-07" includes all of it. */
gint64
daftari_calendar_day_end (DaftariCalendar *calendar, DaftariDay day)
{
  return daftari_calendar_day_start (calendar, day) + 24 * 3600 - 1;
}

/* A transaction given only a date is placed at local noon, so that it sorts
 * inside its day whatever the zone and is never pushed across midnight. */
gint64
daftari_calendar_day_noon (DaftariCalendar *calendar, DaftariDay day)
{
  return daftari_calendar_day_start (calendar, day) + 12 * 3600;
}

gint64
daftari_calendar_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

DaftariDay
daftari_calendar_today (DaftariCalendar *calendar)
{
  return daftari_calendar_day_of (calendar, daftari_calendar_now ());
}

char *
daftari_calendar_format_date (DaftariCalendar *calendar, gint64 ts)
{
  g_autoptr(GDateTime) dt = local_time (calendar, ts);
  return g_date_time_format (dt, "%Y-%m-%d");
}

char *
daftari_calendar_format_time (DaftariCalendar *calendar, gint64 ts)
{
  g_autoptr(GDateTime) dt = local_time (calendar, ts);
  return g_date_time_format (dt, "%Y-%m-%d %H:%M");
}

static gboolean
read_number (const char **p, guint digits, int *out)
{
  int value = 0;
  for (guint i = 0; i < digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }
  *p += digits;
  *out = value;
  return TRUE;
}

gboolean
daftari_day_parse (const char *text, DaftariDay *out_day, GError **error)
{
  const char *p = text ? text : "";
  int year, month, day;

  if (!read_number (&p, 4, &year) || *p++ != '-' ||
      !read_number (&p, 2, &month) || *p++ != '-' ||
      !read_number (&p, 2, &day) || *p != '\0')
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD, for example 2025-03-07"),
                   text ? text : "");
      return FALSE;
    }
  if (year < 1900 || year > 9999 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("%s is not a day of the calendar"), text);
      return FALSE;
    }
  *out_day = year * 10000 + month * 100 + day;
  return TRUE;
}

char *
daftari_day_format (DaftariDay day)
{
  return g_strdup_printf ("%04d-%02d-%02d", day / 10000, day / 100 % 100, day % 100);
}

gboolean
daftari_month_parse (const char *text, DaftariMonth *out_month, GError **error)
{
  const char *p = text ? text : "";
  int year, month;

  if (!read_number (&p, 4, &year) || *p++ != '-' || !read_number (&p, 2, &month) ||
      *p != '\0' || month < 1 || month > 12 || year < 1900)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("“%s” is not a month: write it as YYYY-MM, for example 2025-03"),
                   text ? text : "");
      return FALSE;
    }
  *out_month = year * 100 + month;
  return TRUE;
}

DaftariMonth
daftari_month_add (DaftariMonth month, int months)
{
  int index = (month / 100) * 12 + (month % 100 - 1) + months;
  return (index / 12) * 100 + index % 12 + 1;
}
