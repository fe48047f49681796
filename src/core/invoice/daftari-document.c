/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-invoice-document.h"

/* Every string of a document starts as "" rather than NULL, so the renderer
 * and the code that fills the document never have to tell "absent" from
 * "empty". logo_path and title are the two that mean something when NULL. */

static void
line_free (gpointer data)
{
  DaftariDocumentLine *line = data;

  g_free (line->description);
  g_free (line->quantity);
  g_free (line->unit_price);
  g_free (line->discount);
  g_free (line->vat_rate);
  g_free (line->vat);
  g_free (line->amount);
  g_free (line);
}

static void
total_free (gpointer data)
{
  DaftariDocumentTotal *total = data;

  g_free (total->label);
  g_free (total->amount);
  g_free (total);
}

DaftariDocument *
daftari_document_new (DaftariDocumentKind kind)
{
  DaftariDocument *document = g_new0 (DaftariDocument, 1);

  document->kind = kind;
  document->language = g_strdup ("en");
  document->business_name = g_strdup ("");
  document->business_address = g_strdup ("");
  document->business_kra_pin = g_strdup ("");
  document->business_phone = g_strdup ("");
  document->logo_path = NULL;
  document->title = NULL;
  document->number = g_strdup ("");
  document->issue_date = g_strdup ("");
  document->due_date = g_strdup ("");
  document->status = g_strdup ("");
  document->customer_name = g_strdup ("");
  document->customer_address = g_strdup ("");
  document->customer_phone = g_strdup ("");
  document->customer_kra_pin = g_strdup ("");
  document->lines = g_ptr_array_new_with_free_func (line_free);
  document->totals = g_ptr_array_new_with_free_func (total_free);
  document->notes = g_strdup ("");
  document->payment_instructions = g_strdup ("");
  return document;
}

void
daftari_document_free (DaftariDocument *document)
{
  if (document == NULL)
    return;

  g_free (document->language);
  g_free (document->business_name);
  g_free (document->business_address);
  g_free (document->business_kra_pin);
  g_free (document->business_phone);
  g_free (document->logo_path);
  g_free (document->title);
  g_free (document->number);
  g_free (document->issue_date);
  g_free (document->due_date);
  g_free (document->status);
  g_free (document->customer_name);
  g_free (document->customer_address);
  g_free (document->customer_phone);
  g_free (document->customer_kra_pin);
  g_clear_pointer (&document->lines, g_ptr_array_unref);
  g_clear_pointer (&document->totals, g_ptr_array_unref);
  g_free (document->notes);
  g_free (document->payment_instructions);
  g_free (document);
}

/* Returns a new line, owned by the document, with every field "": the caller
 * replaces the fields it has, freeing the old value first. */
DaftariDocumentLine *
daftari_document_add_line (DaftariDocument *document)
{
  DaftariDocumentLine *line;

  g_return_val_if_fail (document != NULL, NULL);

  line = g_new0 (DaftariDocumentLine, 1);
  line->description = g_strdup ("");
  line->quantity = g_strdup ("");
  line->unit_price = g_strdup ("");
  line->discount = g_strdup ("");
  line->vat_rate = g_strdup ("");
  line->vat = g_strdup ("");
  line->amount = g_strdup ("");
  g_ptr_array_add (document->lines, line);
  return line;
}

void
daftari_document_add_total (DaftariDocument *document,
                            const char      *label,
                            const char      *amount,
                            gboolean         emphasised)
{
  DaftariDocumentTotal *total;

  g_return_if_fail (document != NULL);

  total = g_new0 (DaftariDocumentTotal, 1);
  total->label = g_strdup (label != NULL ? label : "");
  total->amount = g_strdup (amount != NULL ? amount : "");
  total->emphasised = emphasised;
  g_ptr_array_add (document->totals, total);
}
