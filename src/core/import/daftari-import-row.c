/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-import-row.h"

#include <string.h>

DaftariImportRow *
daftari_import_row_new (void)
{
  DaftariImportRow *row = g_new0 (DaftariImportRow, 1);

  /* Every string starts empty, never NULL, so callers and the database
   * layer need no NULL checks. */
  row->receipt = g_strdup ("");
  row->counterparty = g_strdup ("");
  row->phone = g_strdup ("");
  row->shortcode = g_strdup ("");
  row->reference = g_strdup ("");
  row->reversed_receipt = g_strdup ("");
  row->details = g_strdup ("");
  row->key = g_strdup ("");
  row->kind = DAFTARI_MPESA_OTHER;
  return row;
}

DaftariImportRow *
daftari_import_row_new_packed (const DaftariImportRow *fields)
{
  const char *texts[] = { fields->receipt, fields->counterparty, fields->phone, fields->shortcode,
                          fields->reference, fields->reversed_receipt, fields->details, fields->key };
  gsize lengths[G_N_ELEMENTS (texts)];
  gsize size = sizeof (DaftariImportRow);
  DaftariImportRow *row;
  char **slots[G_N_ELEMENTS (texts)];
  char *p;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    size += (lengths[i] = texts[i] != NULL ? strlen (texts[i]) : 0) + 1;
  row = g_malloc (size);
  *row = *fields;
  row->packed = TRUE;
  slots[0] = &row->receipt;
  slots[1] = &row->counterparty;
  slots[2] = &row->phone;
  slots[3] = &row->shortcode;
  slots[4] = &row->reference;
  slots[5] = &row->reversed_receipt;
  slots[6] = &row->details;
  slots[7] = &row->key;
  p = (char *) (row + 1);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      *slots[i] = p;
      if (lengths[i] > 0)
        memcpy (p, texts[i], lengths[i]);
      p[lengths[i]] = '\0';
      p += lengths[i] + 1;
    }
  return row;
}

void
daftari_import_row_free (DaftariImportRow *row)
{
  if (row == NULL)
    return;
  if (row->packed)
    {
      g_free (row);
      return;
    }
  g_free (row->receipt);
  g_free (row->counterparty);
  g_free (row->phone);
  g_free (row->shortcode);
  g_free (row->reference);
  g_free (row->reversed_receipt);
  g_free (row->details);
  g_free (row->key);
  g_free (row);
}

void
daftari_import_problem_free (DaftariImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

/* Stable names: they go into keys, logs and the CLI's output, so they are
 * not translated and never change. */
static const char *const kind_names[] = {
  [DAFTARI_MPESA_OTHER]             = "other",
  [DAFTARI_MPESA_RECEIVED]          = "received",
  [DAFTARI_MPESA_SENT]              = "sent",
  [DAFTARI_MPESA_PAYBILL]           = "paybill",
  [DAFTARI_MPESA_TILL]              = "till",
  [DAFTARI_MPESA_POCHI]             = "pochi",
  [DAFTARI_MPESA_WITHDRAW]          = "withdraw",
  [DAFTARI_MPESA_DEPOSIT]           = "deposit",
  [DAFTARI_MPESA_AIRTIME]           = "airtime",
  [DAFTARI_MPESA_BUSINESS_PAYMENT]  = "business-payment",
  [DAFTARI_MPESA_REVERSAL]          = "reversal",
  [DAFTARI_MPESA_CHARGE]            = "charge",
  [DAFTARI_MPESA_FULIZA_CREDIT]     = "fuliza-credit",
  [DAFTARI_MPESA_FULIZA_REPAYMENT]  = "fuliza-repayment",
  [DAFTARI_MPESA_MSHWARI_DEPOSIT]   = "mshwari-deposit",
  [DAFTARI_MPESA_MSHWARI_WITHDRAW]  = "mshwari-withdraw",
  [DAFTARI_MPESA_MSHWARI_LOAN]      = "mshwari-loan",
  [DAFTARI_MPESA_BUSINESS_RECEIVED] = "business-received",
};

const char *
daftari_mpesa_kind_to_string (DaftariMpesaKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kind_names) || kind_names[kind] == NULL)
    return "other";
  return kind_names[kind];
}

DaftariImportParse *
daftari_import_parse_new (void)
{
  DaftariImportParse *parse = g_new0 (DaftariImportParse, 1);

  parse->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_import_row_free);
  parse->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_import_problem_free);
  return parse;
}

void
daftari_import_parse_free (DaftariImportParse *parse)
{
  if (parse == NULL)
    return;
  g_ptr_array_unref (parse->rows);
  g_ptr_array_unref (parse->problems);
  g_free (parse);
}

void
daftari_import_parse_problem (DaftariImportParse *parse,
                              guint               line,
                              gboolean            rejected,
                              const char         *format,
                              ...)
{
  DaftariImportProblem *problem = g_new0 (DaftariImportProblem, 1);
  va_list args;

  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  problem->line = line;
  problem->rejected = rejected;
  g_ptr_array_add (parse->problems, problem);
}
