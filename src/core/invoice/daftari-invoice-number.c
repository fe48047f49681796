/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Invoice numbers: "INV-{YYYY}-{NNNN}" unless the book says otherwise.
 * The counter is one row per year in invoice_counter, read and moved inside
 * the issuing write. That write starts with BEGIN IMMEDIATE, so two
 * programs issuing at once take turns: numbers are unique; and a refused
 * issue rolls the counter back with everything else: they are gap-free. */
#include "daftari-invoice-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-book-private.h"
#include "daftari-db.h"

#define PATTERN_KEY "invoice_number_pattern"

/* Walks a pattern: calls out for each literal run and token. Returns FALSE
 * at an unknown {token}. */
typedef struct {
  gboolean has_year;
  gboolean has_seq;
} PatternInfo;

static gboolean
scan_token (const char *token, gsize len, PatternInfo *info)
{
  if (len == 4 && strncmp (token, "YYYY", 4) == 0)
    return (info->has_year = TRUE);
  if (len == 2 && strncmp (token, "YY", 2) == 0)
    return (info->has_year = TRUE);
  if (len == 0 || len > 9)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (token[i] != 'N')
      return FALSE;
  return (info->has_seq = TRUE);
}

/* Tokens in any case: the pattern is kept upper case (see set_pattern). */
gboolean
daftari_invoice_pattern_check (const char *pattern, GError **error)
{
  PatternInfo info = { FALSE, FALSE };
  g_autofree char *upper = g_ascii_strup (pattern ? pattern : "", -1);
  const char *p = upper;

  if (*p == '\0' || strlen (p) > 40 || !g_utf8_validate (p, -1, NULL))
    goto bad;
  for (; *p != '\0'; p++)
    {
      const char *close;
      if (*p == '}' || g_ascii_isspace (*p))
        goto bad;
      if (*p != '{')
        continue;
      close = strchr (p, '}');
      if (close == NULL || !scan_token (p + 1, close - p - 1, &info))
        goto bad;
      p = close;
    }
  if (info.has_year && info.has_seq)
    return TRUE;

bad:
  g_set_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_INVALID,
               _("“%s” is not an invoice number pattern: it needs {YYYY} (or {YY}) and {NNNN} "
                 "(as many N as the least digits), no spaces, at most 40 characters"),
               pattern ? pattern : "");
  return FALSE;
}

char *
daftari_invoice_format_number (const char *pattern, int year, gint64 sequence)
{
  GString *number = g_string_new (NULL);

  for (const char *p = pattern; *p != '\0'; p++)
    {
      const char *close = *p == '{' ? strchr (p, '}') : NULL;
      gsize len;

      if (close == NULL)
        {
          g_string_append_c (number, *p);
          continue;
        }
      len = close - p - 1;
      if (len == 4 && strncmp (p + 1, "YYYY", 4) == 0)
        g_string_append_printf (number, "%04d", year);
      else if (len == 2 && strncmp (p + 1, "YY", 2) == 0)
        g_string_append_printf (number, "%02d", year % 100);
      else
        g_string_append_printf (number, "%0*lld", (int) len, (long long) sequence);
      p = close;
    }
  return g_string_free (number, FALSE);
}

char *
daftari_invoice_get_pattern (DaftariBook *book)
{
  char *pattern = daftari_book_get_setting (book, PATTERN_KEY);

  if (pattern == NULL || !daftari_invoice_pattern_check (pattern, NULL))
    {
      g_free (pattern);
      return g_strdup (DAFTARI_INVOICE_DEFAULT_PATTERN);
    }
  return pattern;
}

gboolean
daftari_invoice_set_pattern (DaftariBook *book, const char *pattern, GError **error)
{
  g_autofree char *upper = NULL;

  if (!daftari_invoice_pattern_check (pattern, error))
    return FALSE;
  /* Numbers are looked up without regard to case: keep them upper case. */
  upper = g_utf8_strup (pattern, -1);
  if (!daftari_book_begin (book, error))
    return FALSE;
  if (!daftari_book_set_setting (book, PATTERN_KEY, upper, error))
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}

gboolean
daftari_invoice_next_number (DaftariBook *book, gint64 ts, char **out_number, int *out_year,
                             gint64 *out_seq, GError **error)
{
  sqlite3_stmt *read = daftari_book_prepare (book,
      "SELECT coalesce ((SELECT next FROM invoice_counter WHERE year = ?1), 1)", error);
  sqlite3_stmt *bump = read ? daftari_book_prepare (book,
      "INSERT INTO invoice_counter (year, next) VALUES (?1, ?2 + 1)"
      " ON CONFLICT (year) DO UPDATE SET next = excluded.next", error) : NULL;
  g_autofree char *pattern = NULL;
  int year, rc;
  gint64 seq = 0;

  g_return_val_if_fail (daftari_book_in_write (book), FALSE);
  if (bump == NULL)
    return FALSE;
  year = daftari_calendar_day_of (daftari_book_get_calendar (book), ts) / 10000;
  sqlite3_bind_int (read, 1, year);
  rc = sqlite3_step (read);
  if (rc == SQLITE_ROW)
    seq = sqlite3_column_int64 (read, 0);
  sqlite3_reset (read);
  if (rc != SQLITE_ROW)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return FALSE;
    }
  sqlite3_bind_int (bump, 1, year);
  sqlite3_bind_int64 (bump, 2, seq);
  if (!daftari_db_step_done (bump, error))
    return FALSE;
  pattern = daftari_invoice_get_pattern (book);
  *out_number = daftari_invoice_format_number (pattern, year, seq);
  *out_year = year;
  *out_seq = seq;
  return TRUE;
}
