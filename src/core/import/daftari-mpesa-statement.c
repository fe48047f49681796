/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-mpesa-statement.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-balance-chain.h"
#include "daftari-import-error.h"
#include "daftari-import-time.h"
#include "daftari-money.h"
#include "daftari-mpesa-details.h"
#include "daftari-text-append.h"

struct _DaftariStatementBuilder {
  DaftariImportParse     *parse;
  char                   *prefix;
  gboolean                has_status;
  /* The first row of each receipt, time and amount → rows seen with them
   * so far. Keyed by the rows themselves (in the parse, which outlives the
   * builder): a million keys copied were a million more pieces of heap. */
  GHashTable             *ordinals;
  GArray                 *chain;     /* of guint: row index, or DAFTARI_BALANCE_CHAIN_GAP */
  const DaftariCommodity *kes;
  GString                *cells;     /* the record's cells, trimmed, each ending in a NUL */
  GString                *key;
};

static guint
identity_hash (gconstpointer p)
{
  const DaftariImportRow *row = p;

  return g_str_hash (row->receipt) ^ (guint) ((guint64) row->ts * 2654435761u) ^
         (guint) ((guint64) row->amount * 40503u);
}

static gboolean
identity_equal (gconstpointer a, gconstpointer b)
{
  const DaftariImportRow *x = a, *y = b;

  return x->ts == y->ts && x->amount == y->amount && strcmp (x->receipt, y->receipt) == 0;
}

DaftariStatementBuilder *
daftari_statement_builder_new (DaftariImportParse *parse, const char *key_prefix, gboolean has_status)
{
  DaftariStatementBuilder *b = g_new0 (DaftariStatementBuilder, 1);

  b->parse = parse;
  /* row_key numbers the rows of one receipt, time and amount. */
  parse->keys_distinct = TRUE;
  b->prefix = g_strdup (key_prefix);
  b->has_status = has_status;
  b->ordinals = g_hash_table_new (identity_hash, identity_equal);
  b->chain = g_array_new (FALSE, FALSE, sizeof (guint));
  b->kes = daftari_commodity_lookup ("KES");
  b->cells = g_string_new (NULL);
  b->key = g_string_new (NULL);
  return b;
}

void
daftari_statement_builder_free (DaftariStatementBuilder *b)
{
  if (b == NULL)
    return;
  g_hash_table_unref (b->ordinals);
  g_array_unref (b->chain);
  g_string_free (b->cells, TRUE);
  g_string_free (b->key, TRUE);
  g_free (b->prefix);
  g_free (b);
}

void
daftari_statement_builder_check_balances (DaftariStatementBuilder *b)
{
  daftari_balance_chain_check (b->parse, b->chain);
}

gboolean
daftari_statement_is_receipt (const char *text)
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
read_amount (DaftariStatementBuilder *b, const char *paid_in, const char *withdrawn,
             gint64 *out_amount, GError **error)
{
  gint64 in = 0, out = 0;

  if (*paid_in == '\0' && *withdrawn == '\0')
    {
      g_set_error_literal (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED,
                           _("it has neither Paid In nor Withdrawn"));
      return FALSE;
    }
  if (*paid_in != '\0' && !daftari_money_parse (paid_in, b->kes, &in, error))
    return FALSE;
  if (*withdrawn != '\0' && !daftari_money_parse (withdrawn, b->kes, &out, error))
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

/* What the Details (and the business layout's other cells) say: the
 * row's strings, owned by out, until it is packed. */
static void
describe (const DaftariStatementCells *cells, DaftariImportRow *out)
{
  DaftariMpesaDetails d;

  daftari_mpesa_details_classify (cells->details, &d);
  out->kind = d.kind;
  out->counterparty = g_steal_pointer (&d.counterparty);
  out->phone = g_steal_pointer (&d.phone);
  out->shortcode = g_steal_pointer (&d.shortcode);
  out->reference = g_steal_pointer (&d.reference);
  daftari_mpesa_details_clear (&d);
  if (*cells->other_party != '\0')
    read_other_party (cells->other_party, out);
  if (*out->reference == '\0' && *cells->account != '\0')
    set_text (&out->reference, g_strdup (cells->account));
}

static void
append_int (GString *out, gint64 value)
{
  char digits[24];
  int n = sizeof digits;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  do
    digits[--n] = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) != 0);
  if (value < 0)
    digits[--n] = '-';
  daftari_text_append (out, digits + n, sizeof digits - n);
}

/* "<prefix>:<receipt>:<ts>:<amount>:<n>", n counting the rows before it with
 * the same receipt, time and amount. */
static const char *
row_key (DaftariStatementBuilder *b, const DaftariImportRow *row)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (b->ordinals, row));

  g_string_assign (b->key, b->prefix);
  daftari_text_append_c (b->key, ':');
  daftari_text_append (b->key, row->receipt, strlen (row->receipt));
  daftari_text_append_c (b->key, ':');
  append_int (b->key, row->ts);
  daftari_text_append_c (b->key, ':');
  append_int (b->key, row->amount);
  daftari_text_append_c (b->key, ':');
  append_int (b->key, n);
  return b->key->str;
}

/* Counts the row among those of its receipt, time and amount. */
static void
count_row (DaftariStatementBuilder *b, DaftariImportRow *row)
{
  gpointer first = NULL, seen = NULL;

  if (g_hash_table_lookup_extended (b->ordinals, row, &first, &seen))
    g_hash_table_insert (b->ordinals, first, GUINT_TO_POINTER (GPOINTER_TO_UINT (seen) + 1));
  else
    g_hash_table_insert (b->ordinals, row, GUINT_TO_POINTER (1));
}

static void
reject (DaftariStatementBuilder *b, guint line, const char *message)
{
  guint gap = DAFTARI_BALANCE_CHAIN_GAP;

  daftari_import_parse_problem (b->parse, line, TRUE, "%s", message);
  g_array_append_val (b->chain, gap);
}

/* The cells trimmed of the spaces around them, copied into b->cells (one
 * buffer for every record). */
static void
trim_cells (DaftariStatementBuilder *b, const DaftariStatementCells *raw, DaftariStatementCells *out)
{
  const char *const in[] = { raw->receipt, raw->time, raw->details, raw->status, raw->paid_in,
                             raw->withdrawn, raw->balance, raw->other_party, raw->linked, raw->account };
  const char **slots[] = { &out->receipt, &out->time, &out->details, &out->status, &out->paid_in,
                           &out->withdrawn, &out->balance, &out->other_party, &out->linked, &out->account };
  gsize starts[G_N_ELEMENTS (in)];

  G_STATIC_ASSERT (G_N_ELEMENTS (in) * sizeof (const char *) == sizeof (DaftariStatementCells));
  g_string_truncate (b->cells, 0);
  for (guint i = 0; i < G_N_ELEMENTS (in); i++)
    {
      const char *text = in[i] != NULL ? in[i] : "", *end;
      while (g_ascii_isspace (*text))
        text++;
      end = text + strlen (text);
      while (end > text && g_ascii_isspace (end[-1]))
        end--;
      starts[i] = b->cells->len;
      daftari_text_append (b->cells, text, end - text);
      daftari_text_append_c (b->cells, '\0');
    }
  for (guint i = 0; i < G_N_ELEMENTS (in); i++)
    *slots[i] = b->cells->str + starts[i];
}

/* The row under another key, in a block of its own. */
static DaftariImportRow *
rekey (DaftariImportRow *row, const char *key)
{
  DaftariImportRow fields = *row;
  DaftariImportRow *fresh;

  fields.key = (char *) key;
  fresh = daftari_import_row_new_packed (&fields);
  daftari_import_row_free (row);
  return fresh;
}

void
daftari_statement_builder_append (DaftariStatementBuilder *b, DaftariStatementBuilder *tail, guint line_offset)
{
  guint base = b->parse->rows->len;
  gsize n_rows = 0, n_problems = 0;
  DaftariImportRow **rows = (DaftariImportRow **) g_ptr_array_steal (tail->parse->rows, &n_rows);
  DaftariImportProblem **problems = (DaftariImportProblem **) g_ptr_array_steal (tail->parse->problems,
                                                                                 &n_problems);

  for (gsize i = 0; i < n_problems; i++)
    {
      problems[i]->line += line_offset;
      g_ptr_array_add (b->parse->problems, problems[i]);
    }
  for (gsize i = 0; i < n_rows; i++)
    {
      DaftariImportRow *row = rows[i];
      /* tail counted only its own rows: the count goes up by b's rows of
       * the same receipt, time and amount, which are rarely any. Counting
       * the row in b too numbers a later one of them right. */
      if (g_hash_table_contains (b->ordinals, row))
        {
          row = rekey (row, row_key (b, row));
          count_row (b, row);
        }
      row->line += line_offset;
      g_ptr_array_add (b->parse->rows, row);
    }
  for (guint i = 0; i < tail->chain->len; i++)
    {
      guint index = g_array_index (tail->chain, guint, i);
      if (index != DAFTARI_BALANCE_CHAIN_GAP)
        index += base;
      g_array_append_val (b->chain, index);
    }
  g_array_set_size (tail->chain, 0);
  g_free (rows);
  g_free (problems);
}

DaftariImportRow *
daftari_statement_builder_add (DaftariStatementBuilder *b, const DaftariStatementCells *raw, guint line)
{
  DaftariStatementCells cells;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  DaftariImportRow fields = { 0 }, *row;
  gint64 ts = 0, amount = 0, balance_minor = 0;

  trim_cells (b, raw, &cells);
  if (!daftari_statement_is_receipt (cells.receipt))
    message = g_strdup_printf (_("“%s” is not an M-PESA receipt number"), cells.receipt);
  else if (b->has_status && g_ascii_strcasecmp (cells.status, "Completed") != 0)
    {
      daftari_import_parse_problem (b->parse, line, FALSE,
                                    _("%s is “%s”, not completed: not posted"), cells.receipt, cells.status);
      return NULL;
    }
  else if (!daftari_import_parse_eat_time (cells.time, &ts))
    message = g_strdup_printf (_("%s: “%s” is not a date and time like 2024-11-29 19:37:59"),
                               cells.receipt, cells.time);
  else if (!read_amount (b, cells.paid_in, cells.withdrawn, &amount, &local_error) ||
           (*cells.balance != '\0' && !daftari_money_parse (cells.balance, b->kes, &balance_minor, &local_error)))
    message = g_strdup_printf ("%s: %s", cells.receipt, local_error->message);
  if (message != NULL)
    {
      reject (b, line, message);
      return NULL;
    }

  fields.receipt = (char *) cells.receipt;
  fields.ts = ts;
  fields.amount = amount;
  fields.fee = 0;
  fields.has_balance = *cells.balance != '\0';
  fields.balance = balance_minor;
  fields.line = line;
  describe (&cells, &fields);
  fields.reversed_receipt = (char *) (fields.kind == DAFTARI_MPESA_REVERSAL &&
                                      daftari_statement_is_receipt (cells.linked) ? cells.linked : "");
  fields.details = (char *) cells.details;
  fields.key = (char *) row_key (b, &fields);
  row = daftari_import_row_new_packed (&fields);
  g_free (fields.counterparty);
  g_free (fields.phone);
  g_free (fields.shortcode);
  g_free (fields.reference);
  count_row (b, row);
  g_array_append_val (b->chain, b->parse->rows->len);
  g_ptr_array_add (b->parse->rows, row);
  return row;
}
