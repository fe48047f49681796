/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-mpesa-statement.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-balance-chain.h"
#include "daftari-import-error.h"
#include "daftari-import-time.h"
#include "daftari-money.h"
#include "daftari-mpesa-details.h"

struct _DaftariStatementBuilder {
  DaftariImportParse     *parse;
  char                   *prefix;
  gboolean                has_status;
  GHashTable             *ordinals;  /* "receipt:ts:cents" → rows seen so far */
  GArray                 *chain;     /* of guint: row index, or DAFTARI_BALANCE_CHAIN_GAP */
  const DaftariCommodity *kes;
  GString                *scratch;
};

DaftariStatementBuilder *
daftari_statement_builder_new (DaftariImportParse *parse, const char *key_prefix, gboolean has_status)
{
  DaftariStatementBuilder *b = g_new0 (DaftariStatementBuilder, 1);

  b->parse = parse;
  b->prefix = g_strdup (key_prefix);
  b->has_status = has_status;
  b->ordinals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->chain = g_array_new (FALSE, FALSE, sizeof (guint));
  b->kes = daftari_commodity_lookup ("KES");
  b->scratch = g_string_new (NULL);
  return b;
}

void
daftari_statement_builder_free (DaftariStatementBuilder *b)
{
  if (b == NULL)
    return;
  g_hash_table_unref (b->ordinals);
  g_array_unref (b->chain);
  g_string_free (b->scratch, TRUE);
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

static void
describe (const DaftariStatementCells *cells, DaftariImportRow *row, const char *details)
{
  DaftariMpesaDetails d;

  daftari_mpesa_details_classify (details, &d);
  row->kind = d.kind;
  set_text (&row->counterparty, g_steal_pointer (&d.counterparty));
  set_text (&row->phone, g_steal_pointer (&d.phone));
  set_text (&row->shortcode, g_steal_pointer (&d.shortcode));
  set_text (&row->reference, g_steal_pointer (&d.reference));
  daftari_mpesa_details_clear (&d);
  if (*cells->other_party != '\0')
    read_other_party (cells->other_party, row);
  if (*row->reference == '\0' && *cells->account != '\0')
    set_text (&row->reference, g_strdup (cells->account));
  set_text (&row->reversed_receipt,
            g_strdup (row->kind == DAFTARI_MPESA_REVERSAL && daftari_statement_is_receipt (cells->linked)
                      ? cells->linked : ""));
  set_text (&row->details, g_strdup (details));
}

static char *
row_key (DaftariStatementBuilder *b, const DaftariImportRow *row)
{
  gpointer value = NULL;
  guint n;

  g_string_printf (b->scratch, "%s:%lld:%lld", row->receipt, (long long) row->ts, (long long) row->amount);
  n = g_hash_table_lookup_extended (b->ordinals, b->scratch->str, NULL, &value) ? GPOINTER_TO_UINT (value) : 0;
  g_hash_table_replace (b->ordinals, g_strdup (b->scratch->str), GUINT_TO_POINTER (n + 1));
  return g_strdup_printf ("%s:%s:%u", b->prefix, b->scratch->str, n);
}

static void
reject (DaftariStatementBuilder *b, guint line, const char *message)
{
  guint gap = DAFTARI_BALANCE_CHAIN_GAP;

  daftari_import_parse_problem (b->parse, line, TRUE, "%s", message);
  g_array_append_val (b->chain, gap);
}

/* Cells trimmed of the spaces around them, without copying. */
static const char *
trimmed (const char *text, gsize *out_len)
{
  const char *end;

  while (g_ascii_isspace (*text))
    text++;
  end = text + strlen (text);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  *out_len = end - text;
  return text;
}

static char *
cell (const char *text)
{
  gsize len;
  const char *start = trimmed (text != NULL ? text : "", &len);

  return g_strndup (start, len);
}

DaftariImportRow *
daftari_statement_builder_add (DaftariStatementBuilder *b, const DaftariStatementCells *raw, guint line)
{
  g_autofree char *receipt = cell (raw->receipt), *time = cell (raw->time), *status = cell (raw->status);
  g_autofree char *paid_in = cell (raw->paid_in), *withdrawn = cell (raw->withdrawn);
  g_autofree char *balance = cell (raw->balance), *details = cell (raw->details);
  g_autofree char *other = cell (raw->other_party), *linked = cell (raw->linked), *account = cell (raw->account);
  DaftariStatementCells cells = { receipt, time, details, status, paid_in, withdrawn, balance,
                                  other, linked, account };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  DaftariImportRow *row;
  gint64 ts = 0, amount = 0, balance_minor = 0;

  if (!daftari_statement_is_receipt (receipt))
    message = g_strdup_printf (_("“%s” is not an M-PESA receipt number"), receipt);
  else if (b->has_status && g_ascii_strcasecmp (status, "Completed") != 0)
    {
      daftari_import_parse_problem (b->parse, line, FALSE,
                                    _("%s is “%s”, not completed: not posted"), receipt, status);
      return NULL;
    }
  else if (!daftari_import_parse_eat_time (time, &ts))
    message = g_strdup_printf (_("%s: “%s” is not a date and time like 2024-11-29 19:37:59"),
                               receipt, time);
  else if (!read_amount (b, paid_in, withdrawn, &amount, &local_error) ||
           (*balance != '\0' && !daftari_money_parse (balance, b->kes, &balance_minor, &local_error)))
    message = g_strdup_printf ("%s: %s", receipt, local_error->message);
  if (message != NULL)
    {
      reject (b, line, message);
      return NULL;
    }

  row = daftari_import_row_new ();
  set_text (&row->receipt, g_strdup (receipt));
  row->ts = ts;
  row->amount = amount;
  row->fee = 0;
  row->has_balance = *balance != '\0';
  row->balance = balance_minor;
  row->line = line;
  describe (&cells, row, details);
  set_text (&row->key, row_key (b, row));
  g_array_append_val (b->chain, b->parse->rows->len);
  g_ptr_array_add (b->parse->rows, row);
  return row;
}
