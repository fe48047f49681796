/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Days and months as people in Nairobi count them, over UTC seconds. The
 * tests run with TZ=UTC, so every local answer here comes from the book's
 * own zone, never from the machine's. */
#include "test-common.h"

/* 2025-02-01 00:00 in Nairobi (UTC+3) is 2025-01-31 21:00 UTC. */
#define FEB_2025_EAT G_GINT64_CONSTANT (1738357200)
#define MAR_2025_EAT G_GINT64_CONSTANT (1740776400)

static void
test_day_parse (void)
{
  static const struct { const char *text; DaftariDay day; } good[] = {
    { "2025-03-07", 20250307 }, { "2024-02-29", 20240229 }, { "1900-01-01", 19000101 },
    { "9999-12-31", 99991231 },
  };
  static const char *const bad[] = {
    "2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-3-07", "2025-03-7", "25-03-07",
    "2025-03-07 ", " 2025-03-07", "2025/03/07", "1899-12-31", "", "abcd-ef-gh", "07-03-2025",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *back = NULL;
      DaftariDay day = 0;

      g_assert_true (daftari_day_parse (good[i].text, &day, &error));
      g_assert_no_error (error);
      g_assert_cmpint (day, ==, good[i].day);
      back = daftari_day_format (day);
      g_assert_cmpstr (back, ==, good[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      DaftariDay day = 7;

      if (daftari_day_parse (bad[i], &day, &error))
        g_error ("“%s” read as %d", bad[i], day);
      g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
      g_assert_cmpint (day, ==, 7);
    }
}

static void
test_month_parse_and_add (void)
{
  static const char *const bad[] = { "2025-13", "2025-00", "2025-3", "2025", "2025-03-01", "1899-12", "" };
  DaftariMonth month = 0;

  g_assert_true (daftari_month_parse ("2025-03", &month, NULL));
  g_assert_cmpint (month, ==, 202503);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_false (daftari_month_parse (bad[i], &month, &error));
      g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
    }

  g_assert_cmpint (daftari_month_add (202512, 1), ==, 202601);
  g_assert_cmpint (daftari_month_add (202501, -1), ==, 202412);
  g_assert_cmpint (daftari_month_add (202503, -15), ==, 202312);
  g_assert_cmpint (daftari_month_add (202501, 24), ==, 202701);
  g_assert_cmpint (daftari_month_add (202506, 0), ==, 202506);
  /* Walking a year forward and back lands where it started. */
  for (DaftariMonth m = 202001; m < 202101; m = daftari_month_add (m, 1))
    g_assert_cmpint (daftari_month_add (daftari_month_add (m, 13), -13), ==, m);
}

static void
test_nairobi_boundaries (void)
{
  g_autoptr(DaftariCalendar) calendar = daftari_calendar_new ("Africa/Nairobi");
  gint64 start, end;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  g_assert_cmpstr (daftari_calendar_get_zone (calendar), ==, "Africa/Nairobi");
  /* The first second of February in Nairobi, and the last of January. */
  g_assert_cmpint (daftari_calendar_month_of (calendar, FEB_2025_EAT), ==, 202502);
  g_assert_cmpint (daftari_calendar_month_of (calendar, FEB_2025_EAT - 1), ==, 202501);
  /* The calendar remembers the last month: asking across it must not reuse it. */
  g_assert_cmpint (daftari_calendar_month_of (calendar, FEB_2025_EAT + 86400), ==, 202502);
  g_assert_cmpint (daftari_calendar_month_of (calendar, MAR_2025_EAT), ==, 202503);
  g_assert_cmpint (daftari_calendar_month_of (calendar, MAR_2025_EAT - 1), ==, 202502);
  g_assert_cmpint (daftari_calendar_month_of (calendar, FEB_2025_EAT - 1), ==, 202501);

  daftari_calendar_month_range (calendar, 202502, &start, &end);
  g_assert_cmpint (start, ==, FEB_2025_EAT);
  g_assert_cmpint (end, ==, MAR_2025_EAT);

  g_assert_cmpint (daftari_calendar_day_of (calendar, FEB_2025_EAT), ==, 20250201);
  g_assert_cmpint (daftari_calendar_day_of (calendar, FEB_2025_EAT - 1), ==, 20250131);
  g_assert_cmpint (daftari_calendar_day_start (calendar, 20250201), ==, FEB_2025_EAT);
  g_assert_cmpint (daftari_calendar_day_end (calendar, 20250131), ==, FEB_2025_EAT - 1);
  /* A date without a time is noon there, 09:00 UTC. */
  g_assert_cmpint (daftari_calendar_day_noon (calendar, 20250201), ==, FEB_2025_EAT + 12 * 3600);

  date = daftari_calendar_format_date (calendar, FEB_2025_EAT);
  time = daftari_calendar_format_time (calendar, FEB_2025_EAT + 90 * 60);
  g_assert_cmpstr (date, ==, "2025-02-01");
  g_assert_cmpstr (time, ==, "2025-02-01 01:30");
}

/* The same second is a different day in another zone. */
static void
test_zones_differ (void)
{
  g_autoptr(DaftariCalendar) utc = daftari_calendar_new ("UTC");
  g_autoptr(DaftariCalendar) nairobi = daftari_calendar_new ("Africa/Nairobi");
  gint64 ts = FEB_2025_EAT + 3600;   /* 22:00 UTC on 31 January */

  g_assert_cmpint (daftari_calendar_day_of (utc, ts), ==, 20250131);
  g_assert_cmpint (daftari_calendar_day_of (nairobi, ts), ==, 20250201);
  g_assert_cmpint (daftari_calendar_month_of (utc, ts), ==, 202501);
  g_assert_cmpint (daftari_calendar_month_of (nairobi, ts), ==, 202502);
}

/* A zone this system does not know is read as East Africa Time. */
static void
test_unknown_zone (void)
{
  g_autoptr(DaftariCalendar) calendar = daftari_calendar_new ("Nowhere/Atlantis");

  g_assert_cmpint (daftari_calendar_month_of (calendar, FEB_2025_EAT), ==, 202502);
  g_assert_cmpint (daftari_calendar_month_of (calendar, FEB_2025_EAT - 1), ==, 202501);
}

/* "As of forever" and other sentinels are clamped, not crashed on. */
static void
test_extremes (void)
{
  g_autoptr(DaftariCalendar) calendar = daftari_calendar_new ("Africa/Nairobi");

  g_assert_cmpint (daftari_calendar_month_of (calendar, G_MAXINT64), ==, 999812);
  g_assert_cmpint (daftari_calendar_month_of (calendar, G_MININT64), ==, 190001);
  g_assert_cmpint (daftari_calendar_day_of (calendar, 0), ==, 19700101);
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/calendar/day-parse", test_day_parse);
  g_test_add_func ("/calendar/month-parse-and-add", test_month_parse_and_add);
  g_test_add_func ("/calendar/nairobi-boundaries", test_nairobi_boundaries);
  g_test_add_func ("/calendar/zones-differ", test_zones_differ);
  g_test_add_func ("/calendar/unknown-zone", test_unknown_zone);
  g_test_add_func ("/calendar/extremes", test_extremes);
  return g_test_run ();
}
