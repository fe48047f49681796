/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-mpesa-csv.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-import-error.h"
#include "daftari-money.h"
#include "daftari-mpesa-details.h"

/* East Africa Time has no daylight saving: always UTC+3. */
#define EAT_OFFSET (3 * 3600)
/* Organisation statements put a few lines of account details above the
 * header; further down than this it is not a statement. */
#define HEADER_SEARCH_RECORDS 30

/* ---- RFC 4180 records ---------------------------------------------------- */

typedef struct {
  const char *p;
  const char *end;
  guint       line;    /* physical line of p, 1-based */
  GString    *field;
} CsvReader;

/* A line break at p (CR, LF or CRLF): its length, or 0. */
static gsize
line_break (const CsvReader *r, const char *p)
{
  if (p >= r->end)
    return 0;
  if (*p == '\n')
    return 1;
  if (*p == '\r')
    return (p + 1 < r->end && p[1] == '\n') ? 2 : 1;
  return 0;
}

/* Reads a quoted field from just after its opening quote. Line breaks
 * inside are kept as '\n' and counted. */
static gboolean
read_quoted (CsvReader *r, GError **error)
{
  guint start_line = r->line;

  while (r->p < r->end)
    {
      gsize br = line_break (r, r->p);
      if (*r->p == '"')
        {
          if (r->p + 1 < r->end && r->p[1] == '"')
            {
              g_string_append_c (r->field, '"');
              r->p += 2;
              continue;
            }
          r->p++;
          return TRUE;
        }
      if (br > 0)
        {
          g_string_append_c (r->field, '\n');
          r->p += br;
          r->line++;
          continue;
        }
      g_string_append_c (r->field, *r->p++);
    }
  g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED,
               _("not an M-PESA statement CSV: the quoted field that opens on line %u never closes"),
               start_line);
  return FALSE;
}

/* Text up to the next comma or line end; after a closing quote too, so
 * that a stray `"a"b` reads as `ab` rather than failing the file. */
static void
read_plain (CsvReader *r)
{
  while (r->p < r->end && *r->p != ',' && line_break (r, r->p) == 0)
    g_string_append_c (r->field, *r->p++);
}

/* Fills fields with the next record; returns 1, or 0 at the end, or -1
 * with error set. *out_line is the line the record starts on. */
static int
csv_next (CsvReader *r, GPtrArray *fields, guint *out_line, GError **error)
{
  if (r->p >= r->end)
    return 0;
  g_ptr_array_set_size (fields, 0);
  *out_line = r->line;
  for (;;)
    {
      gsize br;

      g_string_truncate (r->field, 0);
      if (r->p < r->end && *r->p == '"')
        {
          r->p++;
          if (!read_quoted (r, error))
            return -1;
        }
      read_plain (r);
      g_ptr_array_add (fields, g_strdup (r->field->str));
      if (r->p >= r->end)
        return 1;
      if (*r->p == ',')
        {
          r->p++;
          continue;
        }
      br = line_break (r, r->p);
      r->p += br;
      r->line++;
      return 1;
    }
}

/* ---- the header ------------------------------------------------------- */

typedef enum {
  COL_RECEIPT, COL_COMPLETION, COL_DETAILS, COL_STATUS, COL_PAID_IN,
  COL_WITHDRAWN, COL_BALANCE, COL_OTHER_PARTY, COL_LINKED, COL_ACCOUNT,
  N_COLS
} Column;

/* Header names with case, spaces and punctuation taken out. */
static const char *const column_names[N_COLS] = {
  "receiptno", "completiontime", "details", "transactionstatus", "paidin",
  "withdrawn", "balance", "otherpartyinfo", "linkedtransactionid", "acno",
};

static char *
column_key (const char *name)
{
  GString *key = g_string_new (NULL);

  for (const char *p = name; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (key, g_ascii_tolower (*p));
  return g_string_free (key, FALSE);
}

/* Fills cols (index or -1); TRUE when the record is a statement header. */
static gboolean
find_columns (GPtrArray *fields, int cols[N_COLS])
{
  for (guint c = 0; c < N_COLS; c++)
    cols[c] = -1;
  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *key = column_key (g_ptr_array_index (fields, i));
      for (guint c = 0; c < N_COLS; c++)
        if (cols[c] < 0 && strcmp (key, column_names[c]) == 0)
          cols[c] = (int) i;
    }
  return cols[COL_RECEIPT] >= 0 && cols[COL_COMPLETION] >= 0 && cols[COL_DETAILS] >= 0 &&
         cols[COL_PAID_IN] >= 0 && cols[COL_WITHDRAWN] >= 0;
}

/* ---- times ------------------------------------------------------------ */

static guint
read_number (const char **p, guint max_digits, int *out)
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

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil), so that a 100 MB file does not make a GDateTime a row. */
static gint64
days_from_civil (int y, int m, int d)
{
  y -= m <= 2;
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* The date part: 2024-11-29, or 29/11/2024 and 29-11-2024 as spreadsheets
 * rewrite it. Two-digit years ("31/02/25") are refused, not guessed. */
static gboolean
read_date (const char **p, int *y, int *m, int *d)
{
  int a, b, c;
  guint na, nc;
  char sep;

  na = read_number (p, 4, &a);
  sep = **p;
  if (na == 0 || (sep != '-' && sep != '/'))
    return FALSE;
  (*p)++;
  if (read_number (p, 2, &b) == 0 || **p != sep)
    return FALSE;
  (*p)++;
  nc = read_number (p, 4, &c);
  if (na == 4 && nc >= 1 && nc <= 2)
    *y = a, *m = b, *d = c;
  else if (nc == 4 && na <= 2)
    *y = c, *m = b, *d = a;
  else
    return FALSE;
  return *y >= 1970 && *y <= 9999 && g_date_valid_dmy (*d, *m, *y);
}

static gboolean
parse_eat_time (const char *text, gint64 *out_ts)
{
  const char *p = text;
  int y, m, d, hh, mm, ss = 0;

  while (*p == ' ')
    p++;
  if (!read_date (&p, &y, &m, &d) || (*p != ' ' && *p != 'T'))
    return FALSE;
  while (*p == ' ' || *p == 'T')
    p++;
  if (read_number (&p, 2, &hh) == 0 || *p++ != ':' || read_number (&p, 2, &mm) != 2)
    return FALSE;
  if (*p == ':' && (p++, read_number (&p, 2, &ss) != 2))
    return FALSE;
  while (*p == ' ')
    p++;
  if (*p != '\0' || hh > 23 || mm > 59 || ss > 59)
    return FALSE;
  *out_ts = days_from_civil (y, m, d) * 86400 + hh * 3600 + mm * 60 + ss - EAT_OFFSET;
  return TRUE;
}

static char *
format_eat_time (gint64 ts)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (ts + EAT_OFFSET);

  return dt ? g_date_time_format (dt, "%Y-%m-%d %H:%M:%S") : g_strdup ("?");
}

/* ---- rows --------------------------------------------------------------- */

typedef struct {
  int                 cols[N_COLS];
  DaftariImportParse *parse;
  GHashTable         *ordinals;  /* "receipt:ts:cents" → rows seen so far */
  GArray             *chain;     /* of guint: row index, or G_MAXUINT for a gap */
  const DaftariCommodity *kes;
} CsvContext;

#define CHAIN_GAP G_MAXUINT

static char *
field (CsvContext *ctx, GPtrArray *fields, Column c)
{
  int i = ctx->cols[c];

  if (i < 0 || (guint) i >= fields->len)
    return g_strdup ("");
  return g_strstrip (g_strdup (g_ptr_array_index (fields, i)));
}

static gboolean
is_receipt (const char *text)
{
  gsize len = strlen (text);

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isupper (text[i]) && !g_ascii_isdigit (text[i]))
      return FALSE;
  return len >= 9 && len <= 10;
}

static void
set_text (char **slot, char *value)
{
  g_free (*slot);
  *slot = value;
}

/* Paid In minus the size of Withdrawn, which one layout prints negative. */
static gboolean
read_amount (CsvContext *ctx, const char *paid_in, const char *withdrawn,
             gint64 *out_amount, GError **error)
{
  gint64 in = 0, out = 0;

  if (*paid_in == '\0' && *withdrawn == '\0')
    {
      g_set_error_literal (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED,
                           _("it has neither Paid In nor Withdrawn"));
      return FALSE;
    }
  if (*paid_in != '\0' && !daftari_money_parse (paid_in, ctx->kes, &in, error))
    return FALSE;
  if (*withdrawn != '\0' && !daftari_money_parse (withdrawn, ctx->kes, &out, error))
    return FALSE;
  if (out < 0 && !daftari_money_negate (out, &out, error))
    return FALSE;
  return daftari_money_sub (in, out, out_amount, error);
}

/* "254722000111 - JOHN DOE" in the business layout's Other Party Info. */
static void
read_other_party (const char *text, DaftariImportRow *row)
{
  const char *dash = strstr (text, " - ");
  g_autofree char *first = dash ? g_strndup (text, dash - text) : g_strdup (text);
  char *phone = daftari_mpesa_phone_normalise (g_strstrip (first));

  if (phone != NULL && *row->phone == '\0')
    set_text (&row->phone, phone);
  else
    g_free (phone);
  if (dash != NULL && *row->counterparty == '\0')
    set_text (&row->counterparty, daftari_mpesa_clean_name (dash + 3));
}

static void
describe (CsvContext *ctx, GPtrArray *fields, DaftariImportRow *row, const char *details)
{
  DaftariMpesaDetails d;
  g_autofree char *other = field (ctx, fields, COL_OTHER_PARTY);
  g_autofree char *account = field (ctx, fields, COL_ACCOUNT);
  g_autofree char *linked = field (ctx, fields, COL_LINKED);

  daftari_mpesa_details_classify (details, &d);
  row->kind = d.kind;
  set_text (&row->counterparty, g_steal_pointer (&d.counterparty));
  set_text (&row->phone, g_steal_pointer (&d.phone));
  set_text (&row->shortcode, g_steal_pointer (&d.shortcode));
  set_text (&row->reference, g_steal_pointer (&d.reference));
  daftari_mpesa_details_clear (&d);
  if (*other != '\0')
    read_other_party (other, row);
  if (*row->reference == '\0' && *account != '\0')
    set_text (&row->reference, g_steal_pointer (&account));
  set_text (&row->reversed_receipt,
            g_strdup (row->kind == DAFTARI_MPESA_REVERSAL && is_receipt (linked) ? linked : ""));
  set_text (&row->details, g_strdup (details));
}

static char *
row_key (CsvContext *ctx, const DaftariImportRow *row)
{
  g_autofree char *same = g_strdup_printf ("%s:%lld:%lld", row->receipt,
                                           (long long) row->ts, (long long) row->amount);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->ordinals, same));

  g_hash_table_replace (ctx->ordinals, g_strdup (same), GUINT_TO_POINTER (n + 1));
  return g_strdup_printf ("csv:%s:%u", same, n);
}

static void
reject (CsvContext *ctx, guint line, const char *message)
{
  guint gap = CHAIN_GAP;

  daftari_import_parse_problem (ctx->parse, line, TRUE, "%s", message);
  g_array_append_val (ctx->chain, gap);
}

/* One data record: a row, a skipped problem (not completed) or a rejected
 * one (unreadable). Rejected rows break the balance chain: their amount is
 * unknown. */
static void
read_record (CsvContext *ctx, GPtrArray *fields, guint line)
{
  g_autofree char *receipt = field (ctx, fields, COL_RECEIPT);
  g_autofree char *time = field (ctx, fields, COL_COMPLETION);
  g_autofree char *status = field (ctx, fields, COL_STATUS);
  g_autofree char *paid_in = field (ctx, fields, COL_PAID_IN);
  g_autofree char *withdrawn = field (ctx, fields, COL_WITHDRAWN);
  g_autofree char *balance = field (ctx, fields, COL_BALANCE);
  g_autofree char *details = field (ctx, fields, COL_DETAILS);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  DaftariImportRow *row;
  gint64 ts = 0, amount = 0, balance_minor = 0;

  if (!is_receipt (receipt))
    message = g_strdup_printf (_("“%s” is not an M-PESA receipt number"), receipt);
  else if (ctx->cols[COL_STATUS] >= 0 && g_ascii_strcasecmp (status, "Completed") != 0)
    {
      daftari_import_parse_problem (ctx->parse, line, FALSE,
                                    _("%s is “%s”, not completed: not posted"), receipt, status);
      return;
    }
  else if (!parse_eat_time (time, &ts))
    message = g_strdup_printf (_("%s: “%s” is not a date and time like 2024-11-29 19:37:59"),
                               receipt, time);
  else if (!read_amount (ctx, paid_in, withdrawn, &amount, &local_error) ||
           (*balance != '\0' && !daftari_money_parse (balance, ctx->kes, &balance_minor, &local_error)))
    message = g_strdup_printf ("%s: %s", receipt, local_error->message);
  if (message != NULL)
    {
      reject (ctx, line, message);
      return;
    }

  row = daftari_import_row_new ();
  set_text (&row->receipt, g_strdup (receipt));
  row->ts = ts;
  row->amount = amount;
  row->fee = 0;
  row->has_balance = *balance != '\0';
  row->balance = balance_minor;
  row->line = line;
  describe (ctx, fields, row, details);
  set_text (&row->key, row_key (ctx, row));
  g_array_append_val (ctx->chain, ctx->parse->rows->len);
  g_ptr_array_add (ctx->parse->rows, row);
}

/* ---- the running balance ---------------------------------------------- */

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

typedef struct {
  DaftariImportRow **rows;   /* one second's rows, oldest first as far as known */
  guint              n;
  gint64            *sorted; /* their balances, sorted */
} Group;

static gboolean
in_group (const Group *g, gint64 balance)
{
  return bsearch (&balance, g->sorted, g->n, sizeof (gint64), compare_gint64) != NULL;
}

/* Rows of one second may be printed in any order, so the group is checked
 * as a set: each row must start from the balance before the group or from
 * another row's, and the group's net must lead to one of its balances.
 * Reports (when asked) the rows that fail; returns TRUE when none does. */
static gboolean
check_group (CsvContext *ctx, const Group *g, gint64 before, gboolean report, gint64 *out_after)
{
  gint64 net = 0, after = 0;
  gboolean ok = TRUE, net_ok = TRUE;

  for (guint i = 0; i < g->n; i++)
    {
      DaftariImportRow *row = g->rows[i];
      gint64 start;
      gboolean row_ok = !__builtin_sub_overflow (row->balance, row->amount, &start) &&
                        (start == before || in_group (g, start));

      net_ok = net_ok && !__builtin_add_overflow (net, row->amount, &net);
      if (!row_ok && report)
        {
          g_autofree char *when = format_eat_time (row->ts);
          g_autofree char *amount = daftari_money_format (row->amount, ctx->kes, DAFTARI_MONEY_FORMAT_DEFAULT);
          daftari_import_parse_problem (ctx->parse, row->line, FALSE,
                                        _("%s %s %s: the balance does not follow from the row before"),
                                        when, row->receipt, amount);
        }
      ok = ok && row_ok;
    }
  net_ok = net_ok && !__builtin_add_overflow (before, net, &after) && in_group (g, after);
  if (ok && !net_ok && report)
    {
      DaftariImportRow *row = g->rows[g->n - 1];
      g_autofree char *when = format_eat_time (row->ts);
      g_autofree char *amount = daftari_money_format (row->amount, ctx->kes, DAFTARI_MONEY_FORMAT_DEFAULT);
      daftari_import_parse_problem (ctx->parse, row->line, FALSE,
                                    _("%s %s %s: the balance does not follow from the row before"),
                                    when, row->receipt, amount);
    }
  /* After a break, go on from what the statement says, so that one bad
   * row is one warning and not one for every row after it. */
  *out_after = ok && net_ok ? after : g->rows[g->n - 1]->balance;
  return ok && net_ok;
}

/* The first group has nothing before it: any balance before that makes
 * the group consistent will do. Tried only for small groups, to stay
 * linear on hostile input. */
static gint64
check_first_group (CsvContext *ctx, const Group *g)
{
  gint64 net = 0, after;

  for (guint i = 0; i < g->n; i++)
    if (__builtin_add_overflow (net, g->rows[i]->amount, &net))
      return g->rows[g->n - 1]->balance;
  for (guint i = 0; i < g->n && g->n <= 16; i++)
    {
      gint64 before;
      if (!__builtin_sub_overflow (g->rows[i]->balance, net, &before) &&
          check_group (ctx, g, before, FALSE, &after))
        return after;
    }
  if (g->n > 16 || g->n == 1)
    return g->rows[g->n - 1]->balance;
  gint64 before = g->rows[0]->balance - g->rows[0]->amount;
  check_group (ctx, g, before, TRUE, &after);
  return after;
}

/* Walks the chain oldest first, one second at a time. */
static void
check_balances (CsvContext *ctx)
{
  GPtrArray *rows = ctx->parse->rows;
  GArray *chain = ctx->chain;
  g_autoptr(GPtrArray) group = g_ptr_array_new ();
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean known = FALSE, newest_first;
  gint64 before = 0;
  guint n = chain->len;

  if (rows->len < 2)
    return;
  newest_first = ((DaftariImportRow *) rows->pdata[0])->ts >=
                 ((DaftariImportRow *) rows->pdata[rows->len - 1])->ts;
  for (guint k = 0; k < n;)
    {
      guint idx = g_array_index (chain, guint, newest_first ? n - 1 - k : k);
      DaftariImportRow *first;
      gboolean all_balanced = TRUE;

      if (idx == CHAIN_GAP)
        {
          known = FALSE, k++;
          continue;
        }
      first = rows->pdata[idx];
      g_ptr_array_set_size (group, 0);
      g_array_set_size (sorted, 0);
      for (; k < n; k++)
        {
          guint j = g_array_index (chain, guint, newest_first ? n - 1 - k : k);
          DaftariImportRow *row;
          if (j == CHAIN_GAP || ((DaftariImportRow *) rows->pdata[j])->ts != first->ts)
            break;
          row = rows->pdata[j];
          all_balanced = all_balanced && row->has_balance;
          g_ptr_array_add (group, row);
          g_array_append_val (sorted, row->balance);
        }
      if (!all_balanced)
        {
          known = FALSE;
          continue;
        }
      g_array_sort (sorted, compare_gint64);
      Group g = { (DaftariImportRow **) group->pdata, group->len, (gint64 *) sorted->data };
      if (known)
        check_group (ctx, &g, before, TRUE, &before);
      else
        before = check_first_group (ctx, &g);
      known = TRUE;
    }
}

/* ---- the file ----------------------------------------------------------- */

static gboolean
check_text (const char *data, gsize length, GError **error)
{
  const char *nul = memchr (data, '\0', length);
  const char *bad = NULL;

  if (length > DAFTARI_MPESA_CSV_MAX_BYTES)
    {
      g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_TOO_LARGE,
                   _("not an M-PESA statement CSV: at %llu MB the file is larger than the %llu MB a statement can be"),
                   (unsigned long long) (length >> 20),
                   (unsigned long long) (DAFTARI_MPESA_CSV_MAX_BYTES >> 20));
      return FALSE;
    }
  if (nul != NULL)
    {
      g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_NOT_TEXT,
                   _("not an M-PESA statement CSV: it holds binary data (a NUL byte at byte %llu)"),
                   (unsigned long long) (nul - data));
      return FALSE;
    }
  if (!g_utf8_validate_len (data, length, &bad))
    {
      g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_NOT_TEXT,
                   _("not an M-PESA statement CSV: the text is not UTF-8 (at byte %llu)"),
                   (unsigned long long) (bad - data));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *f = g_ptr_array_index (fields, i);
      while (g_ascii_isspace (*f))
        f++;
      if (*f != '\0')
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_records (CsvContext *ctx, CsvReader *reader, GError **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  gboolean have_header = FALSE;
  guint seen = 0, line = 0;
  int r;

  while ((r = csv_next (reader, fields, &line, error)) > 0)
    {
      if (is_blank (fields))
        continue;
      if (have_header)
        read_record (ctx, fields, line);
      else if (find_columns (fields, ctx->cols))
        have_header = TRUE;
      else if (++seen >= HEADER_SEARCH_RECORDS)
        break;
    }
  if (r < 0)
    return FALSE;
  if (!have_header)
    {
      g_set_error_literal (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED,
                           _("not an M-PESA statement CSV: no line names the columns Receipt No., "
                             "Completion Time, Details, Paid In and Withdrawn"));
      return FALSE;
    }
  return TRUE;
}

DaftariImportParse *
daftari_mpesa_csv_parse (const char *data, gsize length, GError **error)
{
  g_autoptr(DaftariImportParse) parse = NULL;
  g_autoptr(GHashTable) ordinals = NULL;
  g_autoptr(GArray) chain = NULL;
  g_autoptr(GString) buffer = NULL;
  CsvReader reader = { 0 };
  CsvContext ctx = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  if (!check_text (data ? data : "", length, error))
    return NULL;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, length -= 3;

  parse = daftari_import_parse_new ();
  ordinals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  chain = g_array_new (FALSE, FALSE, sizeof (guint));
  buffer = g_string_new (NULL);
  reader = (CsvReader) { data, data + length, 1, buffer };
  ctx.parse = parse;
  ctx.ordinals = ordinals;
  ctx.chain = chain;
  ctx.kes = daftari_commodity_lookup ("KES");
  if (!read_records (&ctx, &reader, error))
    return NULL;
  check_balances (&ctx);
  return g_steal_pointer (&parse);
}
