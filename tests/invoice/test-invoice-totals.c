/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The totals rule on a table of hand-checked invoices (each figure worked
 * out on paper; the arithmetic is in the comments), and the parsers. */
#include <glib.h>

#include "daftari-core.h"
#include "daftari-customer.h"
#include "daftari-invoice.h"

typedef struct {
  const char *description;
  gint64      quantity;     /* thousandths */
  gint64      unit_price;   /* cents */
  DaftariVatRate rate;
  DaftariDiscountKind discount_kind;
  gint64      discount;
  /* expected */
  gint64      net;
  gint64      vat;
} Line;

typedef struct {
  const char *name;
  gboolean    inclusive;
  DaftariDiscountKind discount_kind;
  gint64      discount;
  Line        lines[4];
  gint64      net, vat, total, zero_rated, exempt;
} Case;

#define PCT(x) DAFTARI_DISCOUNT_PERCENT, (x)
#define AMT(x) DAFTARI_DISCOUNT_AMOUNT, (x)
#define NONE DAFTARI_DISCOUNT_NONE, 0

static const Case cases[] = {
  /* 0.5 × 0.05 = 2.5 cents → 3 (half away from zero); VAT 3 × 16% = 0.48 → 0. */
  { "half-cent-quantity", FALSE, NONE,
    { { "Sweet", 500, 5, DAFTARI_VAT_STANDARD, NONE, 3, 0 } }, 3, 0, 3, 0, 0 },
  /* 1.5 × 0.01 = 1.5 cents → 2. */
  { "half-cent-up", FALSE, NONE,
    { { "Match", 1500, 1, DAFTARI_VAT_STANDARD, NONE, 2, 0 } }, 2, 0, 2, 0, 0 },
  /* VAT per line: 3 lines of 3 cents, 0.48 → 0 each: VAT 0 (on the total it would be 1.44 → 1). */
  { "vat-per-line", FALSE, NONE,
    { { "A", 1000, 3, DAFTARI_VAT_STANDARD, NONE, 3, 0 },
      { "B", 1000, 3, DAFTARI_VAT_STANDARD, NONE, 3, 0 },
      { "C", 1000, 3, DAFTARI_VAT_STANDARD, NONE, 3, 0 } }, 9, 0, 9, 0, 0 },
  /* 12.5% of 4 cents = 0.5 → 1: amount 3. */
  { "half-cent-discount", FALSE, NONE,
    { { "Pin", 1000, 4, DAFTARI_VAT_STANDARD, PCT (1250), 3, 0 } }, 3, 0, 3, 0, 0 },
  /* 2 × 1,000 − 10% = 1,800; 500 − 50 = 450; invoice discount 100 shared
   * 1800:450 → 80 and 20; nets 1,720 and 430; VAT 275.20 and 68.80. */
  { "discounts-with-vat", FALSE, AMT (10000),
    { { "Widget", 2000, 100000, DAFTARI_VAT_STANDARD, PCT (1000), 172000, 27520 },
      { "Service", 1000, 50000, DAFTARI_VAT_STANDARD, AMT (5000), 43000, 6880 } },
    215000, 34400, 249400, 0, 0 },
  /* 3 × 1.00, discount 1.00: shares 33, 33, 33 and the leftover cent to the
   * largest (the first of equals): 34; nets 66, 67, 67; VAT 10.56 → 11,
   * 10.72 → 11, 11. */
  { "discount-remainder", FALSE, AMT (100),
    { { "A", 1000, 100, DAFTARI_VAT_STANDARD, NONE, 66, 11 },
      { "B", 1000, 100, DAFTARI_VAT_STANDARD, NONE, 67, 11 },
      { "C", 1000, 100, DAFTARI_VAT_STANDARD, NONE, 67, 11 } }, 200, 33, 233, 0, 0 },
  /* 10 × 60 zero-rated; 2 × 55 at 16% (VAT 17.60); 1,500 exempt. */
  { "zero-rated-and-exempt", FALSE, NONE,
    { { "Milk", 10000, 6000, DAFTARI_VAT_ZERO, NONE, 60000, 0 },
      { "Bread", 2000, 5500, DAFTARI_VAT_STANDARD, NONE, 11000, 1760 },
      { "School fees", 1000, 150000, DAFTARI_VAT_EXEMPT, NONE, 150000, 0 } },
    221000, 1760, 222760, 60000, 150000 },
  /* 1.125 × 199.99 = 224.98875 → 224.99; 8% = 17.9992 → 18.00.
   * 0.333 × 3.00 = 0.999 → 1.00; 16% = 0.16. */
  { "three-decimal-quantities", FALSE, NONE,
    { { "Diesel", 1125, 19999, DAFTARI_VAT_REDUCED, NONE, 22499, 1800 },
      { "Nails", 333, 300, DAFTARI_VAT_STANDARD, NONE, 100, 16 } }, 22599, 1816, 24415, 0, 0 },
  /* Inclusive: 100 × 16/116 = 13.793 → 13.79; 50 × 8/108 = 3.7037 → 3.70;
   * exempt 20 has none. Total stays 170.00. */
  { "vat-inclusive", TRUE, NONE,
    { { "Phone case", 1000, 10000, DAFTARI_VAT_STANDARD, NONE, 8621, 1379 },
      { "Gas", 1000, 5000, DAFTARI_VAT_REDUCED, NONE, 4630, 370 },
      { "Tuition", 1000, 2000, DAFTARI_VAT_EXEMPT, NONE, 2000, 0 } }, 15251, 1749, 17000, 0, 2000 },
  /* Inclusive 3 × 33.33 = 99.99, 10% off = 9.999 → 10.00, leaving 89.99;
   * VAT 89.99 × 16/116 = 12.4124 → 12.41; net 77.58. */
  { "vat-inclusive-discount", TRUE, PCT (1000),
    { { "Soda crate", 3000, 3333, DAFTARI_VAT_STANDARD, NONE, 7758, 1241 } }, 7758, 1241, 8999, 0, 0 },
  /* 116.00 inclusive is exactly 100.00 + 16.00. */
  { "vat-inclusive-exact", TRUE, NONE,
    { { "Item", 1000, 11600, DAFTARI_VAT_STANDARD, NONE, 10000, 1600 } }, 10000, 1600, 11600, 0, 0 },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(DaftariInvoice) invoice = daftari_invoice_new ();
  g_autoptr(GError) error = NULL;
  guint n = 0;

  invoice->vat_inclusive = c->inclusive;
  invoice->discount = (DaftariDiscount) { c->discount_kind, c->discount };
  for (; n < G_N_ELEMENTS (c->lines) && c->lines[n].description != NULL; n++)
    {
      DaftariInvoiceLine *line = daftari_invoice_add_line (invoice, c->lines[n].description);
      line->quantity = c->lines[n].quantity;
      line->unit_price = c->lines[n].unit_price;
      line->vat_rate = c->lines[n].rate;
      line->discount = (DaftariDiscount) { c->lines[n].discount_kind, c->lines[n].discount };
    }
  g_assert_true (daftari_invoice_compute (invoice, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (daftari_invoice_get_line (invoice, i)->net, ==, c->lines[i].net);
      g_assert_cmpint (daftari_invoice_get_line (invoice, i)->vat, ==, c->lines[i].vat);
    }
  g_assert_cmpint (invoice->totals.net, ==, c->net);
  g_assert_cmpint (invoice->totals.vat, ==, c->vat);
  g_assert_cmpint (invoice->totals.total, ==, c->total);
  g_assert_cmpint (invoice->totals.net_by_rate[DAFTARI_VAT_ZERO], ==, c->zero_rated);
  g_assert_cmpint (invoice->totals.net_by_rate[DAFTARI_VAT_EXEMPT], ==, c->exempt);
  /* The invoice discount is shared out to the cent. */
  {
    gint64 shared = 0;
    for (guint i = 0; i < n; i++)
      shared += daftari_invoice_get_line (invoice, i)->invoice_discount;
    g_assert_cmpint (shared, ==, invoice->totals.discount);
  }
}

static void
test_refusals (void)
{
  g_autoptr(DaftariInvoice) invoice = daftari_invoice_new ();
  g_autoptr(GError) error = NULL;
  DaftariInvoiceLine *line = daftari_invoice_add_line (invoice, "Huge");

  /* 9,000,000,000 units at 9e15 cents overflows 64 bits: refused, not wrapped. */
  line->quantity = G_GINT64_CONSTANT (9000000000000);
  line->unit_price = G_GINT64_CONSTANT (9000000000000000);
  g_assert_false (daftari_invoice_compute (invoice, &error));
  g_assert_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_OVERFLOW);
  g_clear_error (&error);

  line->quantity = 1000;
  line->unit_price = 100;
  line->discount = (DaftariDiscount) { DAFTARI_DISCOUNT_AMOUNT, 101 };
  g_assert_false (daftari_invoice_compute (invoice, &error));
  g_assert_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_INVALID);
  g_clear_error (&error);

  line->discount.kind = DAFTARI_DISCOUNT_NONE;
  line->quantity = 0;
  g_assert_false (daftari_invoice_compute (invoice, &error));
  g_clear_error (&error);

  line->quantity = 1000;
  invoice->discount = (DaftariDiscount) { DAFTARI_DISCOUNT_AMOUNT, 200 };
  g_assert_false (daftari_invoice_compute (invoice, &error));
}

static void
test_parsers (void)
{
  const DaftariCommodity *kes = daftari_commodity_lookup ("KES");
  g_autoptr(DaftariInvoice) invoice = daftari_invoice_new ();
  g_autoptr(GError) error = NULL;
  DaftariDiscount discount;
  DaftariVatRate rate;
  gint64 q;
  g_autofree char *pin = NULL;
  g_autofree char *text = NULL;

  g_assert_true (daftari_quantity_parse ("1.125", &q, NULL));
  g_assert_cmpint (q, ==, 1125);
  g_assert_true (daftari_quantity_parse ("1,000.5", &q, NULL));
  g_assert_cmpint (q, ==, 1000500);
  g_assert_true (daftari_quantity_parse ("3", &q, NULL));
  g_assert_cmpint (q, ==, 3000);
  g_assert_false (daftari_quantity_parse ("1.1255", &q, NULL));
  g_assert_false (daftari_quantity_parse ("0", &q, NULL));
  g_assert_false (daftari_quantity_parse ("1,00", &q, NULL));
  g_assert_false (daftari_quantity_parse ("-2", &q, NULL));
  text = daftari_quantity_format (1250);
  g_assert_cmpstr (text, ==, "1.25");

  g_assert_true (daftari_discount_parse ("12.5%", kes, &discount, NULL));
  g_assert_cmpint (discount.kind, ==, DAFTARI_DISCOUNT_PERCENT);
  g_assert_cmpint (discount.value, ==, 1250);
  g_assert_true (daftari_discount_parse ("1,000", kes, &discount, NULL));
  g_assert_cmpint (discount.kind, ==, DAFTARI_DISCOUNT_AMOUNT);
  g_assert_cmpint (discount.value, ==, 100000);
  g_assert_false (daftari_discount_parse ("101%", kes, &discount, NULL));

  g_assert_true (daftari_vat_rate_parse ("16%", &rate, NULL) && rate == DAFTARI_VAT_STANDARD);
  g_assert_true (daftari_vat_rate_parse ("8", &rate, NULL) && rate == DAFTARI_VAT_REDUCED);
  g_assert_true (daftari_vat_rate_parse ("0", &rate, NULL) && rate == DAFTARI_VAT_ZERO);
  g_assert_true (daftari_vat_rate_parse ("Exempt", &rate, NULL) && rate == DAFTARI_VAT_EXEMPT);
  g_assert_false (daftari_vat_rate_parse ("14", &rate, NULL));

  g_assert_true (daftari_invoice_parse_line (invoice, "Sugar 2kg|3|250|16|10%", kes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (daftari_invoice_get_line (invoice, 0)->description, ==, "Sugar 2kg");
  g_assert_cmpint (daftari_invoice_get_line (invoice, 0)->unit_price, ==, 25000);
  g_assert_false (daftari_invoice_parse_line (invoice, "Sugar|3|250", kes, NULL));
  g_assert_false (daftari_invoice_parse_line (invoice, "Sugar|3|2.505|16", kes, NULL));

  g_assert_true (daftari_kra_pin_normalise ("a 123456789 z", &pin, NULL));
  g_assert_cmpstr (pin, ==, "A123456789Z");
  g_assert_false (daftari_kra_pin_normalise ("A12345678Z", &pin, NULL));
  g_assert_false (daftari_kra_pin_normalise ("1123456789Z", &pin, NULL));
  g_assert_true (daftari_email_check ("amina@duka.co.ke", NULL));
  g_assert_false (daftari_email_check ("amina@duka", NULL));
  g_assert_false (daftari_email_check ("amina duka@x.ke", NULL));
}

static void
test_numbers (void)
{
  g_autofree char *a = daftari_invoice_format_number ("INV-{YYYY}-{NNNN}", 2026, 1);
  g_autofree char *b = daftari_invoice_format_number ("{YY}/{NNN}", 2026, 12345);

  g_assert_cmpstr (a, ==, "INV-2026-0001");
  g_assert_cmpstr (b, ==, "26/12345");
  g_assert_true (daftari_invoice_pattern_check ("INV-{YYYY}-{NNNN}", NULL));
  g_assert_false (daftari_invoice_pattern_check ("INV-{NNNN}", NULL));
  g_assert_false (daftari_invoice_pattern_check ("INV-{YYYY}", NULL));
  g_assert_false (daftari_invoice_pattern_check ("INV {YYYY}-{NNNN}", NULL));
  g_assert_false (daftari_invoice_pattern_check ("INV-{YYYY}-{XX}", NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  daftari_core_init ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/invoice/totals/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/invoice/totals/refusals", test_refusals);
  g_test_add_func ("/invoice/parsers", test_parsers);
  g_test_add_func ("/invoice/numbers/format", test_numbers);
  return g_test_run ();
}
