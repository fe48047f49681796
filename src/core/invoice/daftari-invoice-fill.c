/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-invoice-fill.h"

#include <glib/gi18n-lib.h>

#include "daftari-business.h"
#include "daftari-customer.h"
#include "daftari-invoice.h"
#include "daftari-money.h"

/* Labels printed for the customer, in the customer's language (not the
 * language Daftari runs in), so both are spelled out here. */
typedef enum {
  L_SUBTOTAL, L_SUBTOTAL_INCL, L_DISCOUNT, L_VAT_ON, L_VAT_INCLUDED, L_ZERO_RATED, L_EXEMPT,
  L_TOTAL, L_PAID, L_BALANCE, L_BROUGHT_FORWARD, L_PAYMENT, L_VOID, L_INVOICE, L_N
} Label;

static const char *const labels[L_N][2] = {
  [L_SUBTOTAL]       = { "Subtotal", "Jumla ndogo" },
  [L_SUBTOTAL_INCL]  = { "Subtotal (VAT inclusive)", "Jumla ndogo (pamoja na VAT)" },
  [L_DISCOUNT]       = { "Discount", "Punguzo" },
  [L_VAT_ON]         = { "VAT %s", "VAT %s" },
  [L_VAT_INCLUDED]   = { "VAT %s included", "VAT %s iliyomo" },
  [L_ZERO_RATED]     = { "Zero-rated (0%) sales", "Mauzo ya VAT 0%" },
  [L_EXEMPT]         = { "Exempt sales", "Mauzo yasiyotozwa VAT" },
  [L_TOTAL]          = { "Total", "Jumla" },
  [L_PAID]           = { "Paid", "Imelipwa" },
  [L_BALANCE]        = { "Balance due", "Salio linalodaiwa" },
  [L_BROUGHT_FORWARD]= { "Balance brought forward", "Salio lililoletwa" },
  [L_PAYMENT]        = { "Payment received (%s)", "Malipo yamepokelewa (%s)" },
  [L_VOID]           = { "Invoice %s voided", "Ankara %s imebatilishwa" },
  [L_INVOICE]        = { "Invoice %s", "Ankara %s" },
};

static const char *const status_sw[] = {
  [DAFTARI_INVOICE_DRAFT] = "Rasimu",
  [DAFTARI_INVOICE_SENT] = "Imetumwa",
  [DAFTARI_INVOICE_PARTIAL] = "Imelipwa kiasi",
  [DAFTARI_INVOICE_PAID] = "Imelipwa",
  [DAFTARI_INVOICE_OVERDUE] = "Imechelewa",
  [DAFTARI_INVOICE_VOID] = "Batili",
};
static const char *const status_en[] = {
  [DAFTARI_INVOICE_DRAFT] = "Draft",
  [DAFTARI_INVOICE_SENT] = "Sent",
  [DAFTARI_INVOICE_PARTIAL] = "Partially paid",
  [DAFTARI_INVOICE_PAID] = "Paid",
  [DAFTARI_INVOICE_OVERDUE] = "Overdue",
  [DAFTARI_INVOICE_VOID] = "Void",
};

static const char *
label (const DaftariDocument *document, Label which)
{
  return labels[which][g_str_equal (document->language, "sw")];
}

/* The label with its one "%s" replaced: the labels are data, not formats. */
static char *
substitute (const char *template, const char *value)
{
  g_auto(GStrv) parts = g_strsplit (template, "%s", 2);
  return g_strjoinv (value, parts);
}

static void
replace (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

static char *
money (DaftariBook *book, gint64 minor, gboolean code)
{
  return daftari_money_format (minor, daftari_book_get_currency (book),
                               code ? DAFTARI_MONEY_FORMAT_DEFAULT : DAFTARI_MONEY_FORMAT_NO_CODE);
}

static void
add_total (DaftariDocument *document, DaftariBook *book, const char *text, gint64 minor, gboolean emphasised)
{
  g_autofree char *amount = money (book, minor, TRUE);
  daftari_document_add_total (document, text, amount, emphasised);
}

static void
fill_business (DaftariDocument *document, DaftariBook *book)
{
  g_autoptr(DaftariBusinessInfo) info = daftari_business_get (book);

  replace (&document->business_name, g_strdup (info->name));
  replace (&document->business_address, g_strdup (info->address));
  replace (&document->business_kra_pin, g_strdup (info->kra_pin));
  replace (&document->business_phone, g_strdup (info->phone));
  replace (&document->logo_path, *info->logo_path ? g_strdup (info->logo_path) : NULL);
}

static void
fill_customer (DaftariDocument *document, const DaftariCustomer *customer)
{
  replace (&document->language, g_strdup (customer->language));
  replace (&document->customer_name, g_strdup (customer->name));
  replace (&document->customer_address, g_strdup (customer->address));
  replace (&document->customer_phone, g_strdup (customer->phone));
  replace (&document->customer_kra_pin, g_strdup (customer->kra_pin));
}

static void
fill_lines (DaftariDocument *document, DaftariBook *book, const DaftariInvoice *invoice)
{
  for (guint i = 0; i < invoice->lines->len; i++)
    {
      const DaftariInvoiceLine *line = daftari_invoice_get_line (invoice, i);
      DaftariDocumentLine *row = daftari_document_add_line (document);

      replace (&row->description, g_strdup (line->description));
      replace (&row->quantity, daftari_quantity_format (line->quantity));
      replace (&row->unit_price, money (book, line->unit_price, FALSE));
      replace (&row->discount, daftari_discount_format (&line->discount, daftari_book_get_currency (book)));
      replace (&row->vat_rate, g_strdup (line->vat_rate == DAFTARI_VAT_EXEMPT
                                         ? (g_str_equal (document->language, "sw") ? "Msamaha" : "Exempt")
                                         : daftari_vat_rate_label (line->vat_rate)));
      replace (&row->vat, money (book, line->vat, FALSE));
      replace (&row->amount, money (book, line->amount, FALSE));
    }
}

/* Subtotal − discount + VAT = total for VAT-exclusive prices; for inclusive
 * ones the subtotal already holds the VAT, shown as "included". */
static void
fill_totals (DaftariDocument *document, DaftariBook *book, const DaftariInvoice *invoice)
{
  const DaftariInvoiceTotals *t = &invoice->totals;
  Label vat_label = invoice->vat_inclusive ? L_VAT_INCLUDED : L_VAT_ON;

  add_total (document, book, label (document, invoice->vat_inclusive ? L_SUBTOTAL_INCL : L_SUBTOTAL),
             t->lines_amount, FALSE);
  if (t->discount != 0)
    add_total (document, book, label (document, L_DISCOUNT), -t->discount, FALSE);
  if (!invoice->vat_inclusive)
    for (DaftariVatRate r = DAFTARI_VAT_STANDARD; r <= DAFTARI_VAT_REDUCED; r++)
      if (t->net_by_rate[r] != 0)
        {
          g_autofree char *text = substitute (label (document, vat_label), daftari_vat_rate_label (r));
          add_total (document, book, text, t->vat_by_rate[r], FALSE);
        }
  add_total (document, book, label (document, L_TOTAL), t->total, TRUE);
  if (invoice->vat_inclusive)
    for (DaftariVatRate r = DAFTARI_VAT_STANDARD; r <= DAFTARI_VAT_REDUCED; r++)
      if (t->net_by_rate[r] != 0)
        {
          g_autofree char *text = substitute (label (document, vat_label), daftari_vat_rate_label (r));
          add_total (document, book, text, t->vat_by_rate[r], FALSE);
        }
  /* Zero-rated and exempt sales are reported apart, as on a VAT return. */
  if (t->net_by_rate[DAFTARI_VAT_ZERO] != 0)
    add_total (document, book, label (document, L_ZERO_RATED), t->net_by_rate[DAFTARI_VAT_ZERO], FALSE);
  if (t->net_by_rate[DAFTARI_VAT_EXEMPT] != 0)
    add_total (document, book, label (document, L_EXEMPT), t->net_by_rate[DAFTARI_VAT_EXEMPT], FALSE);
  if (invoice->issued && !invoice->voided)
    {
      add_total (document, book, label (document, L_PAID), invoice->paid, FALSE);
      add_total (document, book, label (document, L_BALANCE), daftari_invoice_balance (invoice), TRUE);
    }
}

static char *
day_text (DaftariDay day)
{
  return day ? daftari_day_format (day) : g_strdup ("");
}

DaftariDocument *
daftari_invoice_to_document (DaftariBook *book, gint64 invoice_id, GError **error)
{
  g_autoptr(DaftariInvoice) invoice = daftari_invoice_load (book, invoice_id, error);
  g_autoptr(DaftariCustomer) customer = NULL;
  g_autoptr(DaftariDocument) document = NULL;
  g_autoptr(DaftariBusinessInfo) info = NULL;
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  DaftariInvoiceStatus status;
  gboolean sw;

  if (invoice == NULL || (customer = daftari_customer_get (book, invoice->customer_id, error)) == NULL)
    return NULL;
  document = daftari_document_new (DAFTARI_DOCUMENT_INVOICE);
  fill_business (document, book);
  fill_customer (document, customer);
  sw = g_str_equal (document->language, "sw");
  status = daftari_invoice_status (invoice, daftari_calendar_today (calendar));
  replace (&document->number, g_strdup (invoice->number ? invoice->number : ""));
  replace (&document->issue_date, invoice->issue_ts ? daftari_calendar_format_date (calendar, invoice->issue_ts)
                                                    : g_strdup (""));
  replace (&document->due_date, day_text (invoice->due_day));
  replace (&document->status, g_strdup (sw ? status_sw[status] : status_en[status]));
  replace (&document->notes, g_strdup (invoice->notes));
  fill_lines (document, book, invoice);
  fill_totals (document, book, invoice);
  /* Nothing to pay on a paid or void invoice, and a draft has no number to
   * pay against yet. */
  info = daftari_business_get (book);
  if (daftari_invoice_balance (invoice) > 0)
    replace (&document->payment_instructions,
             daftari_business_payment_instructions (info, invoice->number, document->language));
  return g_steal_pointer (&document);
}

static void
add_event (DaftariDocument *document, DaftariBook *book, const DaftariCustomerEvent *event)
{
  DaftariDocumentLine *row = daftari_document_add_line (document);
  Label which = event->kind == DAFTARI_CUSTOMER_EVENT_INVOICE ? L_INVOICE
              : event->kind == DAFTARI_CUSTOMER_EVENT_VOID ? L_VOID : L_PAYMENT;

  replace (&row->description, substitute (label (document, which), event->reference ? event->reference : ""));
  replace (&row->quantity, daftari_calendar_format_date (daftari_book_get_calendar (book), event->ts));
  replace (&row->amount, money (book, event->amount, FALSE));
}

DaftariDocument *
daftari_customer_statement_document (DaftariBook *book, gint64 customer_id, DaftariDay from, DaftariDay to,
                                     GError **error)
{
  g_autoptr(DaftariCustomer) customer = daftari_customer_get (book, customer_id, error);
  g_autoptr(DaftariDocument) document = NULL;
  g_autoptr(DaftariBusinessInfo) info = NULL;
  g_autoptr(GArray) events = NULL;
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  gint64 opening = 0, closing;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;

  if (customer == NULL)
    return NULL;
  to = to ? to : daftari_calendar_today (calendar);
  events = daftari_customer_history (book, customer_id, from ? daftari_calendar_day_start (calendar, from) : G_MININT64,
                                     daftari_calendar_day_end (calendar, to), &opening, error);
  if (events == NULL)
    return NULL;
  document = daftari_document_new (DAFTARI_DOCUMENT_STATEMENT);
  fill_business (document, book);
  fill_customer (document, customer);
  from_text = from ? daftari_day_format (from) : g_strdup ("");
  to_text = daftari_day_format (to);
  replace (&document->number, from ? g_strdup_printf ("%s – %s", from_text, to_text) : g_strdup (to_text));
  replace (&document->issue_date, g_strdup (to_text));
  closing = opening;
  for (guint i = 0; i < events->len; i++)
    {
      const DaftariCustomerEvent *event = &g_array_index (events, DaftariCustomerEvent, i);
      add_event (document, book, event);
      closing = event->balance;
    }
  if (from)
    add_total (document, book, label (document, L_BROUGHT_FORWARD), opening, FALSE);
  add_total (document, book, label (document, L_BALANCE), closing, TRUE);
  info = daftari_business_get (book);
  if (closing > 0)
    replace (&document->payment_instructions,
             daftari_business_payment_instructions (info, customer->name, document->language));
  return g_steal_pointer (&document);
}
