/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-import-time.h"

guint
daftari_import_read_number (const char **p, guint max_digits, int *out)
{
  guint n = 0;

  *out = 0;
  while (n < max_digits && g_ascii_isdigit (**p))
    {
      *out = *out * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  return n;
}

/* Howard Hinnant's days_from_civil. */
gint64
daftari_import_days_from_civil (int y, int m, int d)
{
  y -= m <= 2;
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* The date part: 2024-11-29, 29/11/2024 or 29-11-2024. */
static gboolean
read_date (const char **p, int *y, int *m, int *d)
{
  int a, b, c;
  guint na, nc;
  char sep;

  na = daftari_import_read_number (p, 4, &a);
  sep = **p;
  if (na == 0 || (sep != '-' && sep != '/'))
    return FALSE;
  (*p)++;
  if (daftari_import_read_number (p, 2, &b) == 0 || **p != sep)
    return FALSE;
  (*p)++;
  nc = daftari_import_read_number (p, 4, &c);
  if (na == 4 && nc >= 1 && nc <= 2)
    *y = a, *m = b, *d = c;
  else if (nc == 4 && na <= 2)
    *y = c, *m = b, *d = a;
  else
    return FALSE;
  return *y >= 1970 && *y <= 9999 && g_date_valid_dmy (*d, *m, *y);
}

gboolean
daftari_import_parse_eat_time (const char *text, gint64 *out_ts)
{
  const char *p = text;
  int y, m, d, hh, mm, ss = 0;

  while (*p == ' ')
    p++;
  if (!read_date (&p, &y, &m, &d) || (*p != ' ' && *p != 'T'))
    return FALSE;
  while (*p == ' ' || *p == 'T')
    p++;
  if (daftari_import_read_number (&p, 2, &hh) == 0 || *p++ != ':' ||
      daftari_import_read_number (&p, 2, &mm) != 2)
    return FALSE;
  if (*p == ':' && (p++, daftari_import_read_number (&p, 2, &ss) != 2))
    return FALSE;
  while (*p == ' ')
    p++;
  if (*p != '\0' || hh > 23 || mm > 59 || ss > 59)
    return FALSE;
  *out_ts = daftari_import_days_from_civil (y, m, d) * 86400 + hh * 3600 + mm * 60 + ss -
            DAFTARI_IMPORT_EAT_OFFSET;
  return TRUE;
}

char *
daftari_import_format_eat_time (gint64 ts)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (ts + DAFTARI_IMPORT_EAT_OFFSET);

  return dt ? g_date_time_format (dt, "%Y-%m-%d %H:%M:%S") : g_strdup ("?");
}
