/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-recurrence.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "daftari-error.h"

/* Ten years between occurrences is already more than anyone schedules. */
#define MAX_DAYS_BETWEEN 3660

static const char *const kind_names[] = {
  [DAFTARI_RECUR_MONTHLY] = "monthly",
  [DAFTARI_RECUR_WEEKLY] = "weekly",
  [DAFTARI_RECUR_DAYS] = "days",
};

static const char *const weekday_names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

const char *
daftari_recur_kind_to_string (DaftariRecurKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), "");
  return kind_names[kind];
}

gboolean
daftari_recur_kind_from_string (const char *text, DaftariRecurKind *out_kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_ascii_strcasecmp (text, kind_names[i]) == 0)
      {
        *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

static GDate
to_gdate (DaftariDay day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day % 100, (day / 100) % 100, day / 10000);
  return date;
}

static DaftariDay
from_gdate (const GDate *date)
{
  return g_date_get_year (date) * 10000 + g_date_get_month (date) * 100 + g_date_get_day (date);
}

DaftariDay
daftari_day_add (DaftariDay day, int days)
{
  GDate date = to_gdate (day);

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return from_gdate (&date);
}

int
daftari_day_diff (DaftariDay a, DaftariDay b)
{
  GDate da = to_gdate (a), db = to_gdate (b);
  return g_date_days_between (&da, &db);
}

int
daftari_month_days (DaftariMonth month)
{
  return g_date_get_days_in_month (month % 100, month / 100);
}

int
daftari_day_weekday (DaftariDay day)
{
  GDate date = to_gdate (day);
  return g_date_get_weekday (&date);   /* GDate counts Monday as 1 too */
}

gboolean
daftari_recurrence_valid (const DaftariRecurrence *rule, GError **error)
{
  const char *message = NULL;

  switch (rule->kind)
    {
    case DAFTARI_RECUR_MONTHLY:
      if (rule->n < 1 || rule->n > 31)
        message = _("A monthly schedule runs on a day from 1 to 31");
      break;
    case DAFTARI_RECUR_WEEKLY:
      if (rule->n < 1 || rule->n > 7)
        message = _("A weekly schedule runs on a weekday: mon, tue, wed, thu, fri, sat or sun");
      break;
    case DAFTARI_RECUR_DAYS:
    default:
      if (rule->n < 1 || rule->n > MAX_DAYS_BETWEEN)
        message = _("A schedule every N days needs N from 1 to 3660");
      break;
    }
  if (message == NULL)
    return TRUE;
  g_set_error_literal (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
parse_n (const char *text, DaftariRecurKind kind, int *out_n)
{
  char *end = NULL;
  long n;

  if (kind == DAFTARI_RECUR_WEEKLY)
    for (guint i = 0; i < G_N_ELEMENTS (weekday_names); i++)
      if (g_ascii_strncasecmp (text, weekday_names[i], 3) == 0)
        {
          *out_n = i + 1;
          return TRUE;
        }
  if (!g_ascii_isdigit (*text))
    return FALSE;
  n = strtol (text, &end, 10);
  if (*end != '\0' || n > G_MAXINT)
    return FALSE;
  *out_n = (int) n;
  return TRUE;
}

gboolean
daftari_recurrence_parse (const char *text, DaftariRecurrence *out_rule, GError **error)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ":", 2);
  DaftariRecurrence rule = { 0 };

  if (g_strv_length (parts) != 2 || !daftari_recur_kind_from_string (parts[0], &rule.kind) ||
      !parse_n (parts[1], rule.kind, &rule.n))
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("“%s” is not a schedule rule; write monthly:DAY (1-31), weekly:WEEKDAY "
                     "(mon … sun) or days:N"), text != NULL ? text : "");
      return FALSE;
    }
  if (!daftari_recurrence_valid (&rule, error))
    return FALSE;
  *out_rule = rule;
  return TRUE;
}

char *
daftari_recurrence_to_string (const DaftariRecurrence *rule)
{
  if (rule->kind == DAFTARI_RECUR_WEEKLY && rule->n >= 1 && rule->n <= 7)
    return g_strdup_printf ("weekly:%s", weekday_names[rule->n - 1]);
  return g_strdup_printf ("%s:%d", daftari_recur_kind_to_string (rule->kind), rule->n);
}

char *
daftari_recurrence_describe (const DaftariRecurrence *rule)
{
  static const char *const weekdays[] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
    N_("Sunday"),
  };

  switch (rule->kind)
    {
    case DAFTARI_RECUR_MONTHLY:
      if (rule->n > 28)
        return g_strdup_printf (_("every month on day %d (the last day in shorter months)"), rule->n);
      return g_strdup_printf (_("every month on day %d"), rule->n);
    case DAFTARI_RECUR_WEEKLY:
      return g_strdup_printf (_("every %s"), _(weekdays[CLAMP (rule->n, 1, 7) - 1]));
    case DAFTARI_RECUR_DAYS:
    default:
      if (rule->n == 1)
        return g_strdup (_("every day"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every %d day", "every %d days", rule->n),
                              rule->n);
    }
}

/* Day n of month, or the month's last day when it has fewer. */
static DaftariDay
clamped (DaftariMonth month, int n)
{
  return month * 100 + MIN (n, daftari_month_days (month));
}

DaftariDay
daftari_recurrence_first (const DaftariRecurrence *rule, DaftariDay day)
{
  switch (rule->kind)
    {
    case DAFTARI_RECUR_MONTHLY:
      {
        DaftariDay this_month = clamped (day / 100, rule->n);
        return this_month >= day ? this_month : clamped (daftari_month_add (day / 100, 1), rule->n);
      }
    case DAFTARI_RECUR_WEEKLY:
      return daftari_day_add (day, (rule->n - daftari_day_weekday (day) + 7) % 7);
    case DAFTARI_RECUR_DAYS:
    default:
      return day;
    }
}

DaftariDay
daftari_recurrence_next (const DaftariRecurrence *rule, DaftariDay day)
{
  switch (rule->kind)
    {
    case DAFTARI_RECUR_MONTHLY:
      /* From the month, not from the clamped day: 31 Jan, 28 Feb, 31 Mar. */
      return clamped (daftari_month_add (day / 100, 1), rule->n);
    case DAFTARI_RECUR_WEEKLY:
      return daftari_day_add (day, 7);
    case DAFTARI_RECUR_DAYS:
    default:
      return daftari_day_add (day, rule->n);
    }
}
