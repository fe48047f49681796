/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-bank-csv.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-balance-chain.h"
#include "daftari-csv-reader.h"
#include "daftari-error.h"
#include "daftari-import-error.h"
#include "daftari-import-time.h"
#include "daftari-money.h"
#include "daftari-mpesa-details.h"

/* Banks put account details above the header; further down than this the
 * mapping does not fit the file. */
#define HEADER_SEARCH_RECORDS 30
#define WHAT _("not a bank statement CSV for this mapping")

/* ---- dates ------------------------------------------------------------ */

static const char *const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec" };

/* "Nov", "NOV", "November": a month from its first three letters. */
static gboolean
read_month_name (const char **p, int *out)
{
  char abbrev[4] = { 0 };
  const char *s = *p;
  guint n = 0;

  while (g_ascii_isalpha (s[n]))
    {
      if (n < 3)
        abbrev[n] = g_ascii_tolower (s[n]);
      n++;
    }
  if (n < 3 || n > 9)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (strcmp (abbrev, months[i]) == 0)
      {
        *out = (int) i + 1;
        *p = s + n;
        return TRUE;
      }
  return FALSE;
}

static gboolean
read_separator (const char **p, const char *allowed)
{
  if (**p == '\0' || strchr (allowed, **p) == NULL)
    return FALSE;
  (*p)++;
  return TRUE;
}

static gboolean
read_date_part (const char **p, DaftariBankDateFormat format, int *y, int *m, int *d)
{
  switch (format)
    {
    case DAFTARI_BANK_DATE_YMD:
      return daftari_import_read_number (p, 4, y) == 4 && read_separator (p, "-/.") &&
             daftari_import_read_number (p, 2, m) > 0 && read_separator (p, "-/.") &&
             daftari_import_read_number (p, 2, d) > 0;
    case DAFTARI_BANK_DATE_D_MON_Y:
      return daftari_import_read_number (p, 2, d) > 0 && read_separator (p, "- /") &&
             read_month_name (p, m) && read_separator (p, "- /") &&
             daftari_import_read_number (p, 4, y) == 4;
    case DAFTARI_BANK_DATE_DMY:
    default:
      return daftari_import_read_number (p, 2, d) > 0 && read_separator (p, "-/.") &&
             daftari_import_read_number (p, 2, m) > 0 && read_separator (p, "-/.") &&
             daftari_import_read_number (p, 4, y) == 4;
    }
}

/* An optional time: 14:05, 14:05:09, 2:05 PM. Seconds since midnight. */
static gboolean
read_time (const char **p, int *out)
{
  int hh, mm, ss = 0;

  if (daftari_import_read_number (p, 2, &hh) == 0 || **p != ':')
    return FALSE;
  (*p)++;
  if (daftari_import_read_number (p, 2, &mm) != 2)
    return FALSE;
  if (**p == ':' && ((*p)++, daftari_import_read_number (p, 2, &ss) != 2))
    return FALSE;
  while (**p == ' ')
    (*p)++;
  if (g_ascii_strncasecmp (*p, "AM", 2) == 0 || g_ascii_strncasecmp (*p, "PM", 2) == 0)
    {
      gboolean pm = g_ascii_toupper (**p) == 'P';
      if (hh < 1 || hh > 12)
        return FALSE;
      hh = hh % 12 + (pm ? 12 : 0);
      *p += 2;
    }
  if (hh > 23 || mm > 59 || ss > 59)
    return FALSE;
  *out = hh * 3600 + mm * 60 + ss;
  return TRUE;
}

gboolean
daftari_bank_csv_parse_date (const char *text, DaftariBankDateFormat format, gint64 *out_ts)
{
  const char *p = text;
  int y = 0, m = 0, d = 0, seconds = 12 * 3600;

  while (*p == ' ')
    p++;
  if (!read_date_part (&p, format, &y, &m, &d) || y < 1970 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  while (*p == ' ' || *p == 'T')
    p++;
  if (*p != '\0' && !read_time (&p, &seconds))
    return FALSE;
  while (*p == ' ')
    p++;
  if (*p != '\0')
    return FALSE;
  *out_ts = daftari_import_days_from_civil (y, m, d) * 86400 + seconds - DAFTARI_IMPORT_EAT_OFFSET;
  return TRUE;
}

/* ---- amounts ---------------------------------------------------------- */

/* Strips a trailing DR/CR or surrounding parentheses; -1 for money out. */
static int
strip_sign (GString *s)
{
  gsize n = s->len;

  if (n >= 2 && s->str[0] == '(' && s->str[n - 1] == ')')
    {
      g_string_truncate (s, n - 1);
      g_string_erase (s, 0, 1);
      return -1;
    }
  if (n >= 2 && (g_ascii_strcasecmp (s->str + n - 2, "DR") == 0 || g_ascii_strcasecmp (s->str + n - 2, "CR") == 0))
    {
      int sign = g_ascii_toupper (s->str[n - 2]) == 'D' ? -1 : 1;
      g_string_truncate (s, n - 2);
      while (s->len > 0 && s->str[s->len - 1] == ' ')
        g_string_truncate (s, s->len - 1);
      return sign;
    }
  return 1;
}

gboolean
daftari_bank_csv_parse_amount (const char *text, const DaftariBankMapping *m, gint64 *out_minor, GError **error)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GError) local = NULL;
  gboolean rewritten = FALSE;
  gint64 value;
  int sign;

  g_string_append (s, text);
  g_strstrip (s->str);
  s->len = strlen (s->str);
  sign = strip_sign (s);
  /* daftari_money_parse reads 1,234.50: the mapping's separators become those. */
  for (gsize i = 0; i < s->len; i++)
    {
      char c = s->str[i], to = c;
      if (m->thousands != '\0' && c == m->thousands)
        to = ',';
      else if (c == m->decimal)
        to = '.';
      else if (c == ',' || c == '.' || (c == ' ' && i > 0 && g_ascii_isdigit (s->str[i - 1])))
        to = '!';  /* a separator this mapping does not use: refused below */
      rewritten = rewritten || to != c;
      s->str[i] = to;
    }
  if (!daftari_money_parse (s->str, daftari_commodity_lookup ("KES"), &value, &local))
    {
      if (!rewritten)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, DAFTARI_MONEY_ERROR, DAFTARI_MONEY_ERROR_INVALID,
                     _("“%s” is not an amount with “%c” for decimals and “%c” between thousands"),
                     text, m->decimal, m->thousands != '\0' ? m->thousands : ' ');
      return FALSE;
    }
  if (sign < 0 && !daftari_money_negate (value, &value, error))
    return FALSE;
  *out_minor = value;
  return TRUE;
}

/* ---- columns ---------------------------------------------------------- */

typedef enum {
  COL_DATE, COL_DESCRIPTION, COL_IN, COL_OUT, COL_AMOUNT, COL_INDICATOR, COL_BALANCE, COL_REFERENCE,
  N_COLS
} Column;

static const char *
column_spec (const DaftariBankMapping *m, Column c)
{
  const char *specs[N_COLS] = { m->date, m->description, m->money_in, m->money_out, m->amount,
                                m->indicator, m->balance, m->reference };
  return specs[c];
}

static gboolean
is_number (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

/* A column by number, or by name in the header (NULL when there is none). */
static int
resolve (const char *spec, GPtrArray *header)
{
  g_autofree char *key = NULL;

  if (is_number (spec))
    {
      guint64 n = g_ascii_strtoull (spec, NULL, 10);
      return n >= 1 && n <= 1000 ? (int) n - 1 : -1;
    }
  key = daftari_csv_column_key (spec);
  for (guint i = 0; header != NULL && i < header->len; i++)
    {
      g_autofree char *name = daftari_csv_column_key (g_ptr_array_index (header, i));
      if (*key != '\0' && strcmp (key, name) == 0)
        return (int) i;
    }
  return -1;
}

/* Fills cols; FALSE when a named column is not in the header. */
static gboolean
find_columns (const DaftariBankMapping *m, GPtrArray *header, int cols[N_COLS], const char **out_missing)
{
  for (guint c = 0; c < N_COLS; c++)
    {
      const char *spec = column_spec (m, c);
      cols[c] = *spec != '\0' ? resolve (spec, header) : -1;
      if (*spec != '\0' && cols[c] < 0)
        {
          *out_missing = spec;
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
all_numbered (const DaftariBankMapping *m)
{
  for (guint c = 0; c < N_COLS; c++)
    if (*column_spec (m, c) != '\0' && !is_number (column_spec (m, c)))
      return FALSE;
  return TRUE;
}

/* ---- rows ------------------------------------------------------------- */

typedef struct {
  const DaftariBankMapping *m;
  int                       cols[N_COLS];
  DaftariImportParse       *parse;
  GArray                   *chain;
  gboolean                  preamble;  /* no data row yet (numbered columns, no header) */
} BankContext;

static char *
field (BankContext *ctx, GPtrArray *fields, Column c)
{
  int i = ctx->cols[c];

  if (i < 0 || (guint) i >= fields->len)
    return g_strdup ("");
  return g_strstrip (g_strdup (g_ptr_array_index (fields, i)));
}

static void
reject (BankContext *ctx, guint line, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
reject (BankContext *ctx, guint line, const char *format, ...)
{
  guint gap = DAFTARI_BALANCE_CHAIN_GAP;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  daftari_import_parse_problem (ctx->parse, line, TRUE, "%s", message);
  g_array_append_val (ctx->chain, gap);
}

/* Money in minus money out, or the signed amount (its size, signed by the
 * indicator, when there is one). FALSE with error; *out_present FALSE when
 * the row has no amount at all. */
static gboolean
read_money (BankContext *ctx, GPtrArray *fields, gint64 *out, gboolean *out_present, GError **error)
{
  g_autofree char *in = field (ctx, fields, COL_IN), *outgoing = field (ctx, fields, COL_OUT);
  g_autofree char *amount = field (ctx, fields, COL_AMOUNT), *indicator = field (ctx, fields, COL_INDICATOR);
  gint64 a = 0, b = 0;

  *out_present = *in != '\0' || *outgoing != '\0' || *amount != '\0';
  if (!*out_present)
    return TRUE;
  if (ctx->cols[COL_AMOUNT] >= 0)
    {
      if (!daftari_bank_csv_parse_amount (amount, ctx->m, &a, error))
        return FALSE;
      if (ctx->cols[COL_INDICATOR] >= 0)
        {
          gboolean debit = g_ascii_strcasecmp (indicator, ctx->m->debit_marker) == 0;
          if (a < 0 && !daftari_money_negate (a, &a, error))
            return FALSE;
          if (debit && !daftari_money_negate (a, &a, error))
            return FALSE;
        }
      *out = a;
      return TRUE;
    }
  if ((*in != '\0' && !daftari_bank_csv_parse_amount (in, ctx->m, &a, error)) ||
      (*outgoing != '\0' && !daftari_bank_csv_parse_amount (outgoing, ctx->m, &b, error)))
    return FALSE;
  /* Money out may be printed negative or positive: its size leaves. */
  if (b > 0 && !daftari_money_negate (b, &b, error))
    return FALSE;
  if (a < 0 && !daftari_money_negate (a, &a, error))
    return FALSE;
  return daftari_money_add (a, b, out, error);
}

static void
append_description (DaftariImportRow *row, const char *more)
{
  char *joined = g_strconcat (row->details, " ", more, NULL);

  g_free (row->details);
  row->details = joined;
}

static void
read_record (BankContext *ctx, GPtrArray *fields, guint line)
{
  g_autofree char *date = field (ctx, fields, COL_DATE), *description = field (ctx, fields, COL_DESCRIPTION);
  g_autofree char *balance = field (ctx, fields, COL_BALANCE), *reference = field (ctx, fields, COL_REFERENCE);
  g_autoptr(GError) local = NULL;
  DaftariImportRow *row;
  gint64 ts = 0, amount = 0, balance_minor = 0;
  gboolean present;

  if (*date == '\0')
    {
      gboolean money = read_money (ctx, fields, &amount, &present, NULL) && present;
      if (!money && !present && *description != '\0' && ctx->parse->rows->len > 0 && !ctx->preamble)
        append_description (g_ptr_array_index (ctx->parse->rows, ctx->parse->rows->len - 1), description);
      else if (!ctx->preamble)
        daftari_import_parse_problem (ctx->parse, line, FALSE,
                                      _("a line without a date (“%s”): a total or a note, not a transaction"),
                                      description);
      return;
    }
  if (!daftari_bank_csv_parse_date (date, ctx->m->date_format, &ts))
    {
      if (!ctx->preamble)
        reject (ctx, line, _("“%s” is not a date in the format %s"), date,
                daftari_bank_date_format_to_string (ctx->m->date_format));
      return;
    }
  ctx->preamble = FALSE;
  if (!read_money (ctx, fields, &amount, &present, &local) ||
      (*balance != '\0' && !daftari_bank_csv_parse_amount (balance, ctx->m, &balance_minor, &local)))
    {
      reject (ctx, line, "%s", local->message);
      return;
    }
  if (!present)
    {
      daftari_import_parse_problem (ctx->parse, line, FALSE,
                                    _("%s “%s” has no amount: a balance line, not a transaction"),
                                    date, description);
      return;
    }
  row = daftari_import_row_new ();
  row->ts = ts;
  row->kind = DAFTARI_MPESA_OTHER;
  row->amount = amount;
  row->has_balance = *balance != '\0';
  row->balance = balance_minor;
  row->line = line;
  g_free (row->receipt);
  row->receipt = g_strdup (reference);
  g_free (row->reference);
  row->reference = g_strdup (reference);
  g_free (row->details);
  row->details = daftari_mpesa_clean_name (description);
  g_array_append_val (ctx->chain, ctx->parse->rows->len);
  g_ptr_array_add (ctx->parse->rows, row);
}

/* Keys once every description is whole (continuation lines appended). */
static void
assign_keys (DaftariImportParse *parse)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) what = g_string_new (NULL);

  for (guint i = 0; i < parse->rows->len; i++)
    {
      DaftariImportRow *row = g_ptr_array_index (parse->rows, i);
      g_autofree char *hash = NULL;
      gpointer count = NULL;
      guint n;

      g_string_printf (what, "%lld\x1f%lld\x1f%s\x1f", (long long) row->ts, (long long) row->amount, row->details);
      if (row->has_balance)
        g_string_append_printf (what, "%lld", (long long) row->balance);
      hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, what->str, what->len);
      n = g_hash_table_lookup_extended (seen, hash, NULL, &count) ? GPOINTER_TO_UINT (count) : 0;
      g_hash_table_replace (seen, g_strdup (hash), GUINT_TO_POINTER (n + 1));
      g_free (row->key);
      row->key = g_strdup_printf ("bank:%.32s:%u", hash, n);
    }
}

/* Oldest first, as the import posts them. */
static void
turn_round (GPtrArray *rows)
{
  if (rows->len < 2 ||
      ((DaftariImportRow *) rows->pdata[0])->ts <= ((DaftariImportRow *) rows->pdata[rows->len - 1])->ts)
    return;
  for (guint i = 0, j = rows->len - 1; i < j; i++, j--)
    {
      gpointer t = rows->pdata[i];
      rows->pdata[i] = rows->pdata[j];
      rows->pdata[j] = t;
    }
}

/* ---- the file --------------------------------------------------------- */

static gboolean
find_header (BankContext *ctx, DaftariCsvReader *reader, GPtrArray *fields, GError **error)
{
  const char *missing = NULL;
  guint line = 0, seen = 0;
  int r = 1;

  if (ctx->m->skip_rows < 0 && all_numbered (ctx->m))
    {
      ctx->preamble = TRUE;
      return find_columns (ctx->m, NULL, ctx->cols, &missing);
    }
  for (int i = 0; i < ctx->m->skip_rows && (r = daftari_csv_reader_next (reader, fields, &line, error)) > 0; i++)
    ;
  while (r > 0 && (r = daftari_csv_reader_next (reader, fields, &line, error)) > 0)
    {
      if (daftari_csv_fields_blank (fields))
        continue;
      if (find_columns (ctx->m, fields, ctx->cols, &missing))
        return TRUE;
      if (ctx->m->skip_rows >= 0 || ++seen >= HEADER_SEARCH_RECORDS)
        break;
    }
  if (r < 0)
    {
      g_prefix_error (error, "%s: ", WHAT);
      return FALSE;
    }
  if (missing != NULL && ctx->m->skip_rows >= 0)
    g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED,
                 _("%s: line %u has no column “%s”"), WHAT, line, missing);
  else
    g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED,
                 _("%s: no line in the first %u names the columns “%s” and “%s”"),
                 WHAT, HEADER_SEARCH_RECORDS, ctx->m->date, ctx->m->description);
  return FALSE;
}

DaftariImportParse *
daftari_bank_csv_parse (const char *data, gsize length, const DaftariBankMapping *mapping, GError **error)
{
  g_autoptr(DaftariImportParse) parse = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (guint));
  DaftariCsvReader reader;
  BankContext ctx = { .m = mapping, .chain = chain };
  guint line = 0;
  int r = 0;
  gboolean ok;

  g_return_val_if_fail ((data != NULL || length == 0) && mapping != NULL, NULL);
  if (!daftari_bank_mapping_check (mapping, error) ||
      !daftari_csv_check_text (data ? data : "", length, DAFTARI_BANK_CSV_MAX_BYTES, WHAT, error))
    return NULL;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, length -= 3;
  parse = daftari_import_parse_new ();
  ctx.parse = parse;
  daftari_csv_reader_init (&reader, data ? data : "", length, mapping->delimiter);
  ok = find_header (&ctx, &reader, fields, error);
  while (ok && (r = daftari_csv_reader_next (&reader, fields, &line, error)) > 0)
    if (!daftari_csv_fields_blank (fields))
      read_record (&ctx, fields, line);
  daftari_csv_reader_clear (&reader);
  if (ok && r < 0)
    g_prefix_error (error, "%s: ", WHAT);
  if (!ok || r < 0)
    return NULL;
  assign_keys (parse);
  daftari_balance_chain_check (parse, chain);
  turn_round (parse->rows);
  return g_steal_pointer (&parse);
}
