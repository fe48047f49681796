/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The invoice model and its totals rule: pure arithmetic on integers, no
 * book. The rule is written down in docs/invoices.md; in short:
 *
 *   line amount = round(quantity × unit price) − line discount
 *   invoice discount: shared across lines pro rata to their amounts, each
 *     share rounded, the leftover cent(s) on the largest line
 *   VAT-exclusive prices: net = amount − share; VAT = round(net × r / 100)
 *   VAT-inclusive prices: VAT = round((amount − share) × r / (100 + r)); net = the rest
 *   totals are the sums of the lines' net and VAT: VAT is rounded per line
 *
 * Every rounding is to the cent, half away from zero (daftari_money_muldiv). */
#include "daftari-invoice.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-money.h"

G_DEFINE_QUARK (daftari-invoice-error-quark, daftari_invoice_error)
G_DEFINE_BOXED_TYPE (DaftariInvoice, daftari_invoice, daftari_invoice_copy, daftari_invoice_free)

static void
line_clear (gpointer data)
{
  DaftariInvoiceLine *line = data;
  g_clear_pointer (&line->description, g_free);
}

DaftariInvoice *
daftari_invoice_new (void)
{
  DaftariInvoice *invoice = g_new0 (DaftariInvoice, 1);

  invoice->notes = g_strdup ("");
  invoice->lines = g_array_new (FALSE, TRUE, sizeof (DaftariInvoiceLine));
  g_array_set_clear_func (invoice->lines, line_clear);
  return invoice;
}

DaftariInvoice *
daftari_invoice_copy (const DaftariInvoice *invoice)
{
  DaftariInvoice *copy = daftari_invoice_new ();
  GArray *lines = copy->lines;
  char *notes = copy->notes;

  *copy = *invoice;
  copy->lines = lines;
  g_free (notes);
  copy->notes = g_strdup (invoice->notes);
  copy->number = g_strdup (invoice->number);
  for (guint i = 0; i < invoice->lines->len; i++)
    {
      const DaftariInvoiceLine *line = daftari_invoice_get_line (invoice, i);
      DaftariInvoiceLine *to = daftari_invoice_add_line (copy, line->description);
      char *description = to->description;
      *to = *line;
      to->description = description;
    }
  return copy;
}

void
daftari_invoice_free (DaftariInvoice *invoice)
{
  if (invoice == NULL)
    return;
  g_free (invoice->number);
  g_free (invoice->notes);
  g_array_unref (invoice->lines);
  g_free (invoice);
}

DaftariInvoiceLine *
daftari_invoice_add_line (DaftariInvoice *invoice, const char *description)
{
  DaftariInvoiceLine line = { 0 };

  line.description = g_strdup (description ? description : "");
  line.quantity = DAFTARI_QUANTITY_ONE;
  g_array_append_val (invoice->lines, line);
  return &g_array_index (invoice->lines, DaftariInvoiceLine, invoice->lines->len - 1);
}

DaftariInvoiceLine *
daftari_invoice_get_line (const DaftariInvoice *invoice, guint index)
{
  g_return_val_if_fail (index < invoice->lines->len, NULL);
  return &g_array_index (invoice->lines, DaftariInvoiceLine, index);
}

/* ---- The totals rule ---- */

static gboolean
refuse (GError **error, DaftariInvoiceError code, const char *message)
{
  g_set_error_literal (error, DAFTARI_INVOICE_ERROR, code, message);
  return FALSE;
}

static gboolean
overflow (GError **error)
{
  return refuse (error, DAFTARI_INVOICE_ERROR_OVERFLOW, _("The invoice’s figures are too large"));
}

/* Rounded to the cent, half away from zero; overflow becomes our error. */
static gboolean
muldiv (gint64 amount, gint64 numerator, gint64 denominator, gint64 *out, GError **error)
{
  return daftari_money_muldiv (amount, numerator, denominator, out, NULL) || overflow (error);
}

static gboolean
discount_of (const DaftariDiscount *discount, gint64 base, gint64 *out, GError **error)
{
  switch (discount->kind)
    {
    case DAFTARI_DISCOUNT_NONE:
      *out = 0;
      return TRUE;
    case DAFTARI_DISCOUNT_PERCENT:
      if (discount->value < 0 || discount->value > 100 * DAFTARI_PERCENT_ONE)
        return refuse (error, DAFTARI_INVOICE_ERROR_INVALID, _("A discount must be between 0% and 100%"));
      return muldiv (base, discount->value, 100 * DAFTARI_PERCENT_ONE, out, error);
    case DAFTARI_DISCOUNT_AMOUNT:
    default:
      if (discount->value < 0)
        return refuse (error, DAFTARI_INVOICE_ERROR_INVALID, _("A discount cannot be negative"));
      if (discount->value > base)
        return refuse (error, DAFTARI_INVOICE_ERROR_INVALID, _("A discount cannot be more than the amount it applies to"));
      *out = discount->value;
      return TRUE;
    }
}

static gboolean
check_line (const DaftariInvoiceLine *line, guint n, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (line->description ? line->description : ""));

  if (*trimmed == '\0')
    {
      g_set_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_INVALID,
                   _("Line %u has no description"), n);
      return FALSE;
    }
  if (line->quantity <= 0)
    {
      g_set_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_INVALID,
                   _("Line %u: the quantity must be more than zero"), n);
      return FALSE;
    }
  if (line->unit_price < 0)
    {
      g_set_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_INVALID,
                   _("Line %u: the unit price cannot be negative"), n);
      return FALSE;
    }
  if ((guint) line->vat_rate >= DAFTARI_VAT_N_RATES)
    return refuse (error, DAFTARI_INVOICE_ERROR_INVALID, _("Unknown VAT rate"));
  return TRUE;
}

/* quantity × unit price − line discount, as entered. */
static gboolean
line_amount (DaftariInvoiceLine *line, guint n, GError **error)
{
  gint64 gross, discount;

  if (!check_line (line, n, error) ||
      !muldiv (line->quantity, line->unit_price, DAFTARI_QUANTITY_ONE, &gross, error) ||
      !discount_of (&line->discount, gross, &discount, error))
    return FALSE;
  line->amount = gross - discount;
  return TRUE;
}

/* The invoice discount, shared pro rata; the cents rounding leaves over go
 * to the largest line, so the shares always sum to the discount exactly. */
static gboolean
share_discount (DaftariInvoice *invoice, gint64 discount, gint64 lines_amount, GError **error)
{
  gint64 shared = 0;
  guint largest = 0;

  for (guint i = 0; i < invoice->lines->len; i++)
    {
      DaftariInvoiceLine *line = daftari_invoice_get_line (invoice, i);
      line->invoice_discount = 0;
      if (discount > 0 && !muldiv (discount, line->amount, lines_amount, &line->invoice_discount, error))
        return FALSE;
      shared += line->invoice_discount;
      if (line->amount > daftari_invoice_get_line (invoice, largest)->amount)
        largest = i;
    }
  if (invoice->lines->len > 0)
    {
      DaftariInvoiceLine *line = daftari_invoice_get_line (invoice, largest);
      line->invoice_discount += discount - shared;
      if (line->invoice_discount > line->amount || line->invoice_discount < 0)
        return overflow (error);
    }
  return TRUE;
}

static gboolean
line_vat (DaftariInvoiceLine *line, gboolean inclusive, GError **error)
{
  int rate = daftari_vat_rate_percent (line->vat_rate);
  gint64 after = line->amount - line->invoice_discount;

  if (rate <= 0)
    {
      line->vat = 0;
      line->net = after;
      return TRUE;
    }
  if (inclusive)
    {
      if (!muldiv (after, rate, 100 + rate, &line->vat, error))
        return FALSE;
      line->net = after - line->vat;
      return TRUE;
    }
  line->net = after;
  return muldiv (after, rate, 100, &line->vat, error);
}

static gboolean
add (gint64 *sum, gint64 value, GError **error)
{
  return !__builtin_add_overflow (*sum, value, sum) || overflow (error);
}

gboolean
daftari_invoice_compute (DaftariInvoice *invoice, GError **error)
{
  DaftariInvoiceTotals totals = { 0 };

  for (guint i = 0; i < invoice->lines->len; i++)
    if (!line_amount (daftari_invoice_get_line (invoice, i), i + 1, error) ||
        !add (&totals.lines_amount, daftari_invoice_get_line (invoice, i)->amount, error))
      return FALSE;
  if (!discount_of (&invoice->discount, totals.lines_amount, &totals.discount, error) ||
      !share_discount (invoice, totals.discount, totals.lines_amount, error))
    return FALSE;
  for (guint i = 0; i < invoice->lines->len; i++)
    {
      DaftariInvoiceLine *line = daftari_invoice_get_line (invoice, i);
      if (!line_vat (line, invoice->vat_inclusive, error) ||
          !add (&totals.net, line->net, error) || !add (&totals.vat, line->vat, error) ||
          !add (&totals.net_by_rate[line->vat_rate], line->net, error) ||
          !add (&totals.vat_by_rate[line->vat_rate], line->vat, error))
        return FALSE;
    }
  if (!add (&totals.total, totals.net, error) || !add (&totals.total, totals.vat, error))
    return FALSE;
  invoice->totals = totals;
  return TRUE;
}

gint64
daftari_invoice_balance (const DaftariInvoice *invoice)
{
  if (!invoice->issued || invoice->voided)
    return 0;
  return invoice->totals.total - invoice->paid;
}

DaftariInvoiceStatus
daftari_invoice_status (const DaftariInvoice *invoice, DaftariDay today)
{
  if (invoice->voided)
    return DAFTARI_INVOICE_VOID;
  if (!invoice->issued)
    return DAFTARI_INVOICE_DRAFT;
  if (daftari_invoice_balance (invoice) <= 0)
    return DAFTARI_INVOICE_PAID;
  if (today > invoice->due_day)
    return DAFTARI_INVOICE_OVERDUE;
  return invoice->paid > 0 ? DAFTARI_INVOICE_PARTIAL : DAFTARI_INVOICE_SENT;
}

static const char *const status_names[] = {
  [DAFTARI_INVOICE_DRAFT] = "draft",
  [DAFTARI_INVOICE_SENT] = "sent",
  [DAFTARI_INVOICE_PARTIAL] = "partial",
  [DAFTARI_INVOICE_PAID] = "paid",
  [DAFTARI_INVOICE_OVERDUE] = "overdue",
  [DAFTARI_INVOICE_VOID] = "void",
};

const char *
daftari_invoice_status_to_string (DaftariInvoiceStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), "");
  return status_names[status];
}

gboolean
daftari_invoice_status_from_string (const char *text, DaftariInvoiceStatus *out_status)
{
  if (text != NULL && (g_ascii_strcasecmp (text, "partially-paid") == 0 ||
                       g_ascii_strcasecmp (text, "partially_paid") == 0))
    text = "partial";
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (g_ascii_strcasecmp (text, status_names[i]) == 0)
      {
        *out_status = i;
        return TRUE;
      }
  return FALSE;
}

const char *
daftari_invoice_status_label (DaftariInvoiceStatus status)
{
  switch (status)
    {
    case DAFTARI_INVOICE_DRAFT: return _("Draft");
    case DAFTARI_INVOICE_SENT: return _("Sent");
    case DAFTARI_INVOICE_PARTIAL: return _("Partially paid");
    case DAFTARI_INVOICE_PAID: return _("Paid");
    case DAFTARI_INVOICE_OVERDUE: return _("Overdue");
    case DAFTARI_INVOICE_VOID:
    default: return _("Void");
    }
}

/* ---- VAT rates ---- */

int
daftari_vat_rate_percent (DaftariVatRate rate)
{
  switch (rate)
    {
    case DAFTARI_VAT_STANDARD: return 16;
    case DAFTARI_VAT_REDUCED: return 8;
    case DAFTARI_VAT_ZERO: return 0;
    case DAFTARI_VAT_EXEMPT:
    default: return -1;
    }
}

static const char *const rate_names[] = { "16", "8", "0", "exempt" };

const char *
daftari_vat_rate_to_string (DaftariVatRate rate)
{
  g_return_val_if_fail (rate < G_N_ELEMENTS (rate_names), "");
  return rate_names[rate];
}

const char *
daftari_vat_rate_label (DaftariVatRate rate)
{
  switch (rate)
    {
    case DAFTARI_VAT_STANDARD: return "16%";
    case DAFTARI_VAT_REDUCED: return "8%";
    case DAFTARI_VAT_ZERO: return "0%";
    case DAFTARI_VAT_EXEMPT:
    default: return _("Exempt");
    }
}

gboolean
daftari_vat_rate_parse (const char *text, DaftariVatRate *out_rate, GError **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));
  gsize len = strlen (t);

  if (len > 0 && t[len - 1] == '%')
    t[len - 1] = '\0';
  g_strstrip (t);
  if (g_str_equal (t, "16") || g_str_equal (t, "16.0") || g_str_equal (t, "16.00"))
    *out_rate = DAFTARI_VAT_STANDARD;
  else if (g_str_equal (t, "8") || g_str_equal (t, "8.0") || g_str_equal (t, "8.00"))
    *out_rate = DAFTARI_VAT_REDUCED;
  else if (g_str_equal (t, "0") || g_ascii_strcasecmp (t, "zero") == 0)
    *out_rate = DAFTARI_VAT_ZERO;
  else if (g_ascii_strcasecmp (t, "exempt") == 0 || g_ascii_strcasecmp (t, "e") == 0 ||
           g_str_equal (t, "-"))
    *out_rate = DAFTARI_VAT_EXEMPT;
  else
    {
      g_set_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_INVALID,
                   _("“%s” is not a Kenyan VAT rate: use 16, 8, 0 (zero-rated) or exempt"), text);
      return FALSE;
    }
  return TRUE;
}

/* ---- Fixed-point decimals: quantities and percentages ---- */

/* Digits with an optional point and up to `decimals` places; commas only as
 * thousands separators. The result is scaled by 10^decimals. */
static gboolean
parse_fixed (const char *text, guint decimals, gint64 *out, GError **error, const char *what)
{
  gint64 value = 0;
  guint places = 0, digits = 0, group = 0;
  gboolean point = FALSE, comma = FALSE;
  const char *p = text;

  while (g_ascii_isspace (*p))
    p++;
  for (; *p != '\0' && !g_ascii_isspace (*p); p++)
    {
      if (*p == ',' && !point && digits > 0 && (!comma || group == 3))
        {
          comma = TRUE;
          group = 0;
          continue;
        }
      if (*p == '.' && !point && (!comma || group == 3))
        {
          point = TRUE;
          continue;
        }
      if (!g_ascii_isdigit (*p) || (point && ++places > decimals) ||
          __builtin_mul_overflow (value, 10, &value) || __builtin_add_overflow (value, *p - '0', &value))
        goto invalid;
      digits++;
      group++;
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0' || digits == 0 || (comma && !point && group != 3))
    goto invalid;
  for (; places < decimals; places++)
    if (__builtin_mul_overflow (value, 10, &value))
      goto invalid;
  *out = value;
  return TRUE;

invalid:
  g_set_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_INVALID,
               _("“%s” is not a valid %s (at most %u decimals)"), text, what, decimals);
  return FALSE;
}

gboolean
daftari_quantity_parse (const char *text, gint64 *out_quantity, GError **error)
{
  if (!parse_fixed (text ? text : "", 3, out_quantity, error, _("quantity")))
    return FALSE;
  if (*out_quantity <= 0)
    return refuse (error, DAFTARI_INVOICE_ERROR_INVALID, _("The quantity must be more than zero"));
  return TRUE;
}

static char *
format_fixed (gint64 value, guint decimals)
{
  gint64 scale = 1;
  g_autofree char *fraction = NULL;
  gsize len;

  for (guint i = 0; i < decimals; i++)
    scale *= 10;
  if (value % scale == 0)
    return g_strdup_printf ("%lld", (long long) (value / scale));
  fraction = g_strdup_printf ("%0*lld", (int) decimals, (long long) (value % scale));
  len = strlen (fraction);
  while (len > 0 && fraction[len - 1] == '0')
    fraction[--len] = '\0';
  return g_strdup_printf ("%lld.%s", (long long) (value / scale), fraction);
}

char *
daftari_quantity_format (gint64 quantity)
{
  return format_fixed (quantity, 3);
}

gboolean
daftari_discount_parse (const char *text, const DaftariCommodity *currency,
                        DaftariDiscount *out_discount, GError **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));
  gsize len = strlen (t);

  if (len > 0 && t[len - 1] == '%')
    {
      t[len - 1] = '\0';
      out_discount->kind = DAFTARI_DISCOUNT_PERCENT;
      if (!parse_fixed (t, 2, &out_discount->value, error, _("percentage")))
        return FALSE;
      if (out_discount->value > 100 * DAFTARI_PERCENT_ONE)
        return refuse (error, DAFTARI_INVOICE_ERROR_INVALID, _("A discount must be between 0% and 100%"));
      return TRUE;
    }
  out_discount->kind = DAFTARI_DISCOUNT_AMOUNT;
  if (!daftari_money_parse (t, currency, &out_discount->value, error))
    return FALSE;
  if (out_discount->value < 0)
    return refuse (error, DAFTARI_INVOICE_ERROR_INVALID, _("A discount cannot be negative"));
  return TRUE;
}

char *
daftari_discount_format (const DaftariDiscount *discount, const DaftariCommodity *currency)
{
  g_autofree char *percent = NULL;

  switch (discount->kind)
    {
    case DAFTARI_DISCOUNT_PERCENT:
      percent = format_fixed (discount->value, 2);
      return g_strconcat (percent, "%", NULL);
    case DAFTARI_DISCOUNT_AMOUNT:
      return daftari_money_format (discount->value, currency, DAFTARI_MONEY_FORMAT_NO_CODE);
    case DAFTARI_DISCOUNT_NONE:
    default:
      return g_strdup ("");
    }
}

gboolean
daftari_invoice_parse_line (DaftariInvoice *invoice, const char *text, const DaftariCommodity *currency,
                            GError **error)
{
  g_auto(GStrv) fields = g_strsplit (text ? text : "", "|", -1);
  guint n = g_strv_length (fields);
  DaftariInvoiceLine line = { 0 };
  DaftariInvoiceLine *added;

  if (n != 4 && n != 5)
    {
      g_set_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_INVALID,
                   _("“%s” is not a line: write DESCRIPTION|QTY|UNIT_PRICE|VAT_PERCENT[|DISCOUNT]"), text);
      return FALSE;
    }
  if (!daftari_quantity_parse (fields[1], &line.quantity, error) ||
      !daftari_money_parse (g_strstrip (fields[2]), currency, &line.unit_price, error) ||
      !daftari_vat_rate_parse (fields[3], &line.vat_rate, error) ||
      (n == 5 && *g_strstrip (fields[4]) != '\0' &&
       !daftari_discount_parse (fields[4], currency, &line.discount, error)))
    {
      g_prefix_error (error, _("Line “%s”: "), g_strstrip (fields[0]));
      return FALSE;
    }
  if (line.unit_price < 0)
    return refuse (error, DAFTARI_INVOICE_ERROR_INVALID, _("A unit price cannot be negative"));
  added = daftari_invoice_add_line (invoice, g_strstrip (fields[0]));
  line.description = added->description;
  *added = line;
  return TRUE;
}

gboolean
daftari_invoice_set_due_days (DaftariInvoice *invoice, gint days, GError **error)
{
  if (days < 0 || days > 365)
    return refuse (error, DAFTARI_INVOICE_ERROR_INVALID,
                   _("Due terms are days from the invoice date: 0 (on receipt), 7, 14, 30 … up to 365"));
  invoice->due_days = days;
  return TRUE;
}
