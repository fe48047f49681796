/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftari_bank_mapping_guess(): a first mapping from the file itself, for
 * the user to confirm. Column names are those Kenyan banks' exports use
 * (docs/import.md, "Bank CSV"); the date format and decimal convention are
 * the ones the first rows read under. */
#include "daftari-bank-mapping.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-bank-csv.h"
#include "daftari-csv-reader.h"
#include "daftari-import-error.h"

#define SEARCH_RECORDS 30
#define SAMPLE_RECORDS 50

typedef enum { G_DATE, G_DESCRIPTION, G_IN, G_OUT, G_AMOUNT, G_INDICATOR, G_BALANCE, G_REFERENCE, N_GUESS } Role;

/* Header names (as daftari_csv_column_key makes them), best first. */
static const char *const synonyms[N_GUESS][10] = {
  [G_DATE] = { "transactiondate", "trandate", "txndate", "transdate", "postingdate", "postdate", "bookingdate",
               "date", "valuedate", NULL },
  [G_DESCRIPTION] = { "transactiondetails", "details", "narrative", "narration", "description",
                      "particulars", "transactiondescription", "remarks", NULL },
  [G_IN] = { "moneyin", "credit", "credits", "creditamount", "deposits", "deposit", "paidin", "cr", NULL },
  [G_OUT] = { "moneyout", "debit", "debits", "debitamount", "withdrawals", "withdrawal", "paidout", "dr", NULL },
  [G_AMOUNT] = { "amount", "transactionamount", "amountkes", "amt", NULL },
  [G_INDICATOR] = { "drcr", "crdr", "debitcredit", "creditdebit", "type", "dc", NULL },
  [G_BALANCE] = { "ledgerbalance", "runningbalance", "bookbalance", "balance", "closingbalance",
                  "availablebalance", NULL },
  [G_REFERENCE] = { "bankreferencenumber", "transactionreference", "referencenumber", "referenceno",
                    "reference", "ref", "chequeno", "chequenumber", NULL },
};

/* For each role, the header column whose name is its best synonym. */
static void
match_header (GPtrArray *fields, int cols[N_GUESS])
{
  int rank[N_GUESS];

  for (guint r = 0; r < N_GUESS; r++)
    cols[r] = -1, rank[r] = G_MAXINT;
  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *key = daftari_csv_column_key (g_ptr_array_index (fields, i));
      for (guint r = 0; r < N_GUESS; r++)
        for (int s = 0; synonyms[r][s] != NULL && s < rank[r]; s++)
          if (strcmp (key, synonyms[r][s]) == 0)
            {
              cols[r] = (int) i, rank[r] = s;
              break;
            }
    }
}

static gboolean
is_header (const int cols[N_GUESS])
{
  return cols[G_DATE] >= 0 && cols[G_DESCRIPTION] >= 0 &&
         ((cols[G_IN] >= 0 && cols[G_OUT] >= 0) || cols[G_AMOUNT] >= 0);
}

static const char *
cell (GPtrArray *fields, int col)
{
  return col >= 0 && (guint) col < fields->len ? g_strstrip ((char *) g_ptr_array_index (fields, col)) : "";
}

/* The date format and decimal convention under which most sample cells read. */
static void
guess_formats (DaftariBankMapping *m, GPtrArray *dates, GPtrArray *amounts)
{
  guint best = 0;

  for (guint f = 0; f <= DAFTARI_BANK_DATE_D_MON_Y; f++)
    {
      guint n = 0;
      gint64 ts;
      for (guint i = 0; i < dates->len; i++)
        n += daftari_bank_csv_parse_date (g_ptr_array_index (dates, i), f, &ts);
      if (n > best)
        best = n, m->date_format = f;
    }
  for (guint i = 0; i < amounts->len; i++)
    {
      const char *text = g_ptr_array_index (amounts, i);
      const char *comma = strrchr (text, ','), *point = strrchr (text, '.');
      /* 1.234,50 or 12,50: a comma before the last two digits is the decimal one. */
      if (comma != NULL && (point == NULL || point < comma) && strlen (comma + 1) == 2 &&
          g_ascii_isdigit (comma[1]) && g_ascii_isdigit (comma[2]))
        {
          m->decimal = ',';
          m->thousands = '.';
          return;
        }
    }
}

static void
set_column (char **slot, GPtrArray *header, int col)
{
  g_free (*slot);
  *slot = g_strdup (col >= 0 ? g_strstrip ((char *) g_ptr_array_index (header, col)) : "");
}

static DaftariBankMapping *
guess_with (const char *data, gsize length, char delimiter)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) amounts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DaftariBankMapping) m = NULL;
  DaftariCsvReader reader;
  int cols[N_GUESS];
  guint line, n = 0;

  daftari_csv_reader_init (&reader, data, length, delimiter);
  while (m == NULL && n < SEARCH_RECORDS && daftari_csv_reader_next (&reader, fields, &line, NULL) > 0)
    {
      if (daftari_csv_fields_blank (fields))
        continue;
      match_header (fields, cols);
      if (is_header (cols))
        {
          char **slots[N_GUESS];
          m = daftari_bank_mapping_new ();
          slots[G_DATE] = &m->date, slots[G_DESCRIPTION] = &m->description, slots[G_IN] = &m->money_in;
          slots[G_OUT] = &m->money_out, slots[G_AMOUNT] = &m->amount, slots[G_INDICATOR] = &m->indicator;
          slots[G_BALANCE] = &m->balance, slots[G_REFERENCE] = &m->reference;
          /* Two columns win over one amount column when a file has both. */
          if (cols[G_IN] >= 0 && cols[G_OUT] >= 0)
            cols[G_AMOUNT] = cols[G_INDICATOR] = -1;
          else
            cols[G_IN] = cols[G_OUT] = -1;
          if (cols[G_AMOUNT] < 0)
            cols[G_INDICATOR] = -1;
          for (guint r = 0; r < N_GUESS; r++)
            set_column (slots[r], fields, cols[r]);
          g_free (m->name);
          m->name = g_strdup ("guessed");
          m->delimiter = delimiter;
          m->skip_rows = -1;  /* found again by its names, wherever the next export puts it */
        }
      n++;
    }
  for (guint i = 0; m != NULL && i < SAMPLE_RECORDS && daftari_csv_reader_next (&reader, fields, &line, NULL) > 0; i++)
    {
      const int money[] = { cols[G_IN], cols[G_OUT], cols[G_AMOUNT], cols[G_BALANCE] };
      if (*cell (fields, cols[G_DATE]) != '\0')
        g_ptr_array_add (dates, g_strdup (cell (fields, cols[G_DATE])));
      for (guint k = 0; k < G_N_ELEMENTS (money); k++)
        if (*cell (fields, money[k]) != '\0')
          g_ptr_array_add (amounts, g_strdup (cell (fields, money[k])));
    }
  daftari_csv_reader_clear (&reader);
  if (m != NULL)
    guess_formats (m, dates, amounts);
  /* One column under two names ("Date" as date and description…) is no guess. */
  if (m != NULL && !daftari_bank_mapping_check (m, NULL))
    g_clear_pointer (&m, daftari_bank_mapping_free);
  return g_steal_pointer (&m);
}

DaftariBankMapping *
daftari_bank_mapping_guess (const char *data, gsize length, GError **error)
{
  DaftariBankMapping *m;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  if (!daftari_csv_check_text (data ? data : "", length, DAFTARI_BANK_CSV_MAX_BYTES,
                               _("not a bank statement CSV"), error))
    return NULL;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, length -= 3;
  if ((m = guess_with (data ? data : "", length, ',')) != NULL ||
      (m = guess_with (data ? data : "", length, ';')) != NULL)
    return m;
  g_set_error_literal (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED,
                       _("not a bank statement CSV that Daftari recognises: no line in the first 30 names a "
                         "date, a description and money columns; give the columns yourself"));
  return NULL;
}
