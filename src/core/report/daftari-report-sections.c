/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-report-sections.h"

#include <glib/gi18n-lib.h>

const char *
daftari_report_section_heading (const char *section)
{
  static const struct { const char *key; const char *label; } headings[] = {
    { "income", N_("Income") },
    { "expense", N_("Expenses") },
    { "assets", N_("Assets") },
    { "liabilities", N_("Liabilities") },
    { "equity", N_("Equity") },
    { "invoiced", N_("Customers by Invoices Issued") },
    { "paid", N_("Customers by Payments Received") },
    { "payees", N_("Payees by Money Paid") },
    { "output", N_("Output VAT (Sales)") },
    { "input", N_("Input VAT (Purchases)") },
  };

  for (guint i = 0; section != NULL && i < G_N_ELEMENTS (headings); i++)
    if (g_str_equal (headings[i].key, section))
      return _(headings[i].label);
  return NULL;
}
