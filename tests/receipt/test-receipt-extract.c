/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The text→fields extractor on word lists written here: no OCR. */
#include <string.h>

#include "daftari-receipt.h"

static DaftariReceiptFields *
extract (const char *text)
{
  g_autoptr(GArray) words = daftari_receipt_words_from_text (text, -1);

  return daftari_receipt_extract ((const DaftariReceiptWord *) (gpointer) words->data, words->len);
}

static const char *
value (const DaftariReceiptFields *fields, DaftariReceiptFieldKind kind)
{
  return fields->field[kind].value;
}

static void
test_kenyan_receipt (void)
{
  g_autoptr(DaftariReceiptFields) f = extract (
      "NAIVAS SUPERMARKET LTD\n"
      "P.O. BOX 61600-00200 NAIROBI\n"
      "KRA PIN: P051234567X\n"
      "Buy Goods Till No: 567890\n"
      "Receipt No: RCT-0042\n"
      "Date: 05/03/2025 14:22\n"
      "SUGAR 2KG 250.00\n"
      "MILK 500ML 60.00\n"
      "BREAD 65.00\n"
      "SUBTOTAL 323.28\n"
      "VAT 16% 51.72\n"
      "TOTAL KES 375.00\n"
      "CASH 500.00\n"
      "CHANGE 125.00\n");

  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_MERCHANT), ==, "NAIVAS SUPERMARKET LTD");
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_DATE), ==, "2025-03-05");
  g_assert_cmpint (f->date, ==, 20250305);
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_TOTAL), ==, "375.00");
  g_assert_cmpint (f->total, ==, 37500);
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_VAT), ==, "51.72");
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_KRA_PIN), ==, "P051234567X");
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_TILL), ==, "567890");
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_NUMBER), ==, "RCT-0042");
  g_assert_null (value (f, DAFTARI_RECEIPT_PAYBILL));
  /* 375.00 = 323.28 + 51.72 = the items = cash - change. */
  g_assert_true (f->total_checked);
  g_assert_cmpuint (f->items->len, ==, 3);
  g_assert_cmpstr (((DaftariReceiptItem *) g_ptr_array_index (f->items, 0))->description, ==, "SUGAR 2KG");
  g_assert_cmpint (((DaftariReceiptItem *) g_ptr_array_index (f->items, 2))->amount, ==, 6500);
  for (guint i = 0; i < DAFTARI_RECEIPT_N_FIELDS; i++)
    if (f->field[i].value != NULL)
      {
        g_assert_cmpint (f->field[i].confidence, >, 0);
        g_assert_cmpint (f->field[i].confidence, <=, 100);
        g_assert_cmpuint (f->field[i].boxes->len, >=, 1);
      }
}

/* Boxes are those of the words the field came from (words_from_text puts
 * word w of line l at 10 px per character, 20 px per line). */
static void
test_boxes (void)
{
  g_autoptr(DaftariReceiptFields) f = extract ("SHOP LTD\nsome line\nTOTAL 12.50\n");
  const DaftariReceiptBox *box;

  g_assert_cmpuint (f->field[DAFTARI_RECEIPT_TOTAL].boxes->len, ==, 1);
  box = &g_array_index (f->field[DAFTARI_RECEIPT_TOTAL].boxes, DaftariReceiptBox, 0);
  g_assert_cmpint (box->x, ==, 60);
  g_assert_cmpint (box->y, ==, 40);
  g_assert_cmpint (box->width, ==, 50);
}

static void
test_dates (void)
{
  const struct { const char *text; DaftariDay day; } cases[] = {
    { "DATE 25/12/2018 8:13 PM", 20181225 },
    { "12-01-19 21:13", 20190112 },
    { "Tarehe: 3 Mar 2025", 20250303 },
    { "25 DEC 2018", 20181225 },
    { "Dec 25, 2018", 20181225 },
    { "2018-12-25 10:00", 20181225 },
    { "1.7.2024", 20240701 },
    { "02/O3/2024", 20240302 },            /* O read for 0 */
    { "12/25/2018", 20181225 },            /* month first only when day first is impossible */
    { "29/02/2024", 20240229 },
    { "31/02/2019", 0 },                   /* impossible */
    { "29/02/2023", 0 },
    { "13/13/2019", 0 },
    { "TOTAL 12.50", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("SHOP\n%s\n", cases[i].text);
      g_autoptr(DaftariReceiptFields) f = extract (text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (f->date, ==, cases[i].day);
      g_assert_true ((f->field[DAFTARI_RECEIPT_DATE].value != NULL) == (cases[i].day != 0));
    }
}

static void
test_totals (void)
{
  const struct { const char *text; gint64 total; } cases[] = {
    { "TOTAL KES 1,2O0.5O", 120050 },                     /* O for 0 */
    { "JUMLA 1.234,50", 123450 },                         /* comma decimals */
    { "TOTAL RM 33, 92", 3392 },                          /* OCR split the amount */
    { "T0TAL S.00", 500 },                                /* S for 5, 0 for O */
    { "Total 33.92\nRounding Adj -0.02\nRounded Total 33.90", 3390 },
    { "Sub Total 100.00\nTotal Qty 3\nGRAND TOTAL 116.00", 11600 },
    { "Total:\n9.60\nCash 10.00", 960 },                  /* amount on its own line */
    { "AMOUNT DUE KSh 2,500.00\nCASH 3,000.00\nCHANGE 500.00", 250000 },
    { "SODA 10.00\nCHIPS 17.00\nCASH 50.00\nCHANGE 23.00", 2700 }, /* no total line */
    { "TOTAL 1,500", 150000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("SHOP\n%s\n", cases[i].text);
      g_autoptr(DaftariReceiptFields) f = extract (text);

      g_test_message ("%s", cases[i].text);
      g_assert_nonnull (f->field[DAFTARI_RECEIPT_TOTAL].value);
      g_assert_cmpint (f->total, ==, cases[i].total);
    }
}

/* A figure that agrees with the items and VAT wins over one that does not. */
static void
test_cross_check (void)
{
  g_autoptr(DaftariReceiptFields) checked = extract ("SHOP\nRICE 40.00\nBEANS 60.00\nTOTAL 100.00\n");
  g_autoptr(DaftariReceiptFields) unchecked = extract ("SHOP\nRICE 40.00\nBEANS 60.00\nTOTAL 180.00\n");
  g_autoptr(DaftariReceiptFields) vat = extract ("SHOP\nTotal Excl VAT 100.00\nVAT 16% 16.00\nTotal 116.00\n");

  g_assert_true (checked->total_checked);
  g_assert_false (unchecked->total_checked);
  g_assert_cmpint (checked->field[DAFTARI_RECEIPT_TOTAL].confidence, >,
                   unchecked->field[DAFTARI_RECEIPT_TOTAL].confidence);
  g_assert_cmpint (vat->total, ==, 11600);
  g_assert_cmpint (vat->vat, ==, 1600);
  g_assert_true (vat->total_checked);
}

static void
test_merchant (void)
{
  const struct { const char *text; const char *merchant; } cases[] = {
    /* The legal form marks the name among header lines. */
    { "thank you\nQUICKMART LIMITED\nMOI AVENUE\nTel 0712 345678\n", "QUICKMART LIMITED" },
    { "MR D.I.Y. (M)\nSDN BHD\n(860671-D)\nNO 12 JALAN X\n", "MR D.I.Y. (M) SDN BHD" },
    { "TAX INVOICE\nJAVA HOUSE\nKIMATHI STREET\n", "JAVA HOUSE" },
    /* An ampersand read as B or 8 between two words; a B beside an
     * initial or a number stays. */
    { "WANJIKU STATIONERY B BOOKS\nTOM MBOYA STREET\n", "WANJIKU STATIONERY & BOOKS" },
    { "MAMA 8 SONS LIMITED\nBOX 12 NAKURU\n", "MAMA & SONS LIMITED" },
    { "J B OTIENO TRADERS\nKISUMU\n", "J B OTIENO TRADERS" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DaftariReceiptFields) f = extract (cases[i].text);

      g_assert_cmpstr (value (f, DAFTARI_RECEIPT_MERCHANT), ==, cases[i].merchant);
    }
}

static void
test_ids (void)
{
  g_autoptr(DaftariReceiptFields) f = extract ("SHOP\nPIN NO. PO5I234567Z\nPAYBILL 247247 ACC 0011\n");
  g_autoptr(DaftariReceiptFields) g = extract ("SHOP\nTILL 12\nP0512345\n");

  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_KRA_PIN), ==, "P051234567Z");
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_PAYBILL), ==, "247247");
  g_assert_null (value (g, DAFTARI_RECEIPT_TILL));     /* too short for a till */
  g_assert_null (value (g, DAFTARI_RECEIPT_KRA_PIN));  /* too short for a PIN */
}

static void
test_nothing (void)
{
  const char *inputs[] = { "", "\n\n\n", "lorem ipsum dolor", "\xff\xfe 12/ 99.9.9 :: %%" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(DaftariReceiptFields) f = extract (inputs[i]);

      g_assert_null (value (f, DAFTARI_RECEIPT_TOTAL));
      g_assert_null (value (f, DAFTARI_RECEIPT_DATE));
      g_assert_cmpuint (f->items->len, ==, 0);
    }
}

static void
test_normalise_company (void)
{
  g_autofree char *a = daftari_receipt_normalise_company ("BOOK TA .K (TAMAN DAYA) SDN BHD");
  g_autofree char *b = daftari_receipt_normalise_company ("Book Tak (Taman Daya) Sdn. Bhd.");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==, "booktaktamandayasdnbhd");
}

/* OCR damage the extractor reads through, each confirmed by the rest of
 * the receipt or by the layout; invented receipts. */
static void
test_ocr_damage (void)
{
  static const struct { const char *text; const char *field; DaftariReceiptFieldKind kind; } cases[] = {
    /* A decimal point lost on the total line of a receipt printed with cents. */
    { "SHOP ONE LTD\nBREAD 12.50\nMILK 3.20\nTOTAL 1570\nCASH 20.00\n", "15.70", DAFTARI_RECEIPT_TOTAL },
    /* A currency sign read as a digit, caught by subtotal + tax + rounding. */
    { "SHOP TWO LTD\nSUB-TOTAL : 40.00\nTOTAL TAX : 2.40\nROUNDING : -0.02\nTOTAL 542.38\n", "42.38",
      DAFTARI_RECEIPT_TOTAL },
    /* A tax word further along the total line does not make it the tax line. */
    { "SHOP THREE LTD\nTOTAL SALES (EXCLUDING GST) : 10.00\nTOTAL GST : 0.60\n"
      "TOTAL SALES (INCLUSIVE OF GST) : 10.60\n", "10.60", DAFTARI_RECEIPT_TOTAL },
    /* A rate on a line that mentions the total is not the total. */
    { "SHOP FOUR LTD\nTOTAL 15.00\nCASH 15.00\nGST @ 6% 62 INCLUDED IN TOTAL\n", "15.00", DAFTARI_RECEIPT_TOTAL },
    /* "TOTAL" glued to the next word, and "TOTA!" with its L lost. */
    { "SHOP FIVE LTD\nSUBTOTAL 8.00\nTOTA! INCL. OF VAT 8.00\n", "8.00", DAFTARI_RECEIPT_TOTAL },
    { "SHOP SIX LTD\nTOTALAMOUNT 9.10\n", "9.10", DAFTARI_RECEIPT_TOTAL },
    /* A date whose first separator faded away. */
    { "SHOP SEVEN\nDate: 1402/2024\n", "2024-02-14", DAFTARI_RECEIPT_DATE },
    /* A handwritten note in lower case above the printed name. */
    { "paid by john\nMAWENZI TRADERS\nTEL 0700 000000\nTOTAL 5.00\n", "MAWENZI TRADERS",
      DAFTARI_RECEIPT_MERCHANT },
    /* The legal form misread ("SON BHO") and repaired; a form on its own line joined. */
    { "KIBO GENERAL SON BHO\nTOTAL 5.00\n", "KIBO GENERAL SDN BHD", DAFTARI_RECEIPT_MERCHANT },
    { "JUMBO HOME DECOR\nLIMITED\nP.O. BOX 1\nTOTAL 5.00\n", "JUMBO HOME DECOR LIMITED", DAFTARI_RECEIPT_MERCHANT },
    /* A business word and a form alone: the name is on the line above. */
    { "MAMA OCHIENG\nRESTAURANT LTD\nTOTAL 5.00\n", "MAMA OCHIENG RESTAURANT LTD", DAFTARI_RECEIPT_MERCHANT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DaftariReceiptFields) f = extract (cases[i].text);

      g_test_message ("case %u", i);
      g_assert_cmpstr (value (f, cases[i].kind), ==, cases[i].field);
    }
}

/* Words as from text, the words equal to `unsure` read with confidence 30. */
static DaftariReceiptFields *
extract_unsure (const char *text, const char *unsure)
{
  g_autoptr(GArray) words = daftari_receipt_words_from_text (text, -1);

  for (guint i = 0; i < words->len; i++)
    if (g_str_equal (g_array_index (words, DaftariReceiptWord, i).text, unsure))
      g_array_index (words, DaftariReceiptWord, i).confidence = 30;
  return daftari_receipt_extract ((const DaftariReceiptWord *) (gpointer) words->data, words->len);
}

/* More of what OCR does to receipts (invented receipts, Kenyan style). */
static void
test_ocr_damage_more (void)
{
  static const struct { const char *text; const char *field; DaftariReceiptFieldKind kind; } cases[] = {
    /* The decimal point faded to a gap on keyword lines. */
    { "DUKA LA AMINA\nSUGAR 2KG 250.00\nTotal Incl. of VAT 250 00\nCash 250 00\n", "250.00",
      DAFTARI_RECEIPT_TOTAL },
    { "DUKA LA AMINA\nTOTAL KES 1,234 50\n", "1234.50", DAFTARI_RECEIPT_TOTAL },
    /* Brackets around a total are decoration, not a negative amount. */
    { "DUKA LA AMINA\nTotal Excl. VAT : 41.12\nTotal Incl. VAT : ( 47.70 )\n", "47.70", DAFTARI_RECEIPT_TOTAL },
    /* "TOTAL AFTER ROUNDING" is the total, not the rounding. */
    { "DUKA LA AMINA\nTotal 85.12\nRounding Adjustment -0.02\nTotal After Rounding 85.10\nCASH 100.00\n",
      "85.10", DAFTARI_RECEIPT_TOTAL },
    /* A colon does not hide a strong total keyword: "TOTAL: KES" beats a bare "TOTAL". */
    { "DUKA LA AMINA\nTotal 12.00\nTOTAL: KES 14.50\n", "14.50", DAFTARI_RECEIPT_TOTAL },
    /* A total after the rounding line that is the earlier total plus the rounding. */
    { "DUKA LA AMINA\nTotal (Inclusive of VAT): 23.26\nRounding Adj: -0.01\nTOTAL: 23.25\n", "23.25",
      DAFTARI_RECEIPT_TOTAL },
    /* The rounded total is what was paid, when the payment says so. */
    { "DUKA LA AMINA\nTotal 65.53\nRounding Adj 0.02\nVISA 65.55\n", "65.55", DAFTARI_RECEIPT_TOTAL },
    /* A date printed (or faded) without separators, on a date line. */
    { "DUKA LA AMINA\nDate 27032025 Till 2\n", "2025-03-27", DAFTARI_RECEIPT_DATE },
    { "DUKA LA AMINA\n20250327 10:15\n", "2025-03-27", DAFTARI_RECEIPT_DATE },
    /* A faded 0 at the start of the day read as a 6 or a 9. */
    { "DUKA LA AMINA\nDate 69/03/2025 11:40\n", "2025-03-09", DAFTARI_RECEIPT_DATE },
    /* A registration number after the name is not part of it. */
    { "KAMAU TRADERS LIMITED (C.123456)\nMOI AVENUE\nTOTAL 5.00\n", "KAMAU TRADERS LIMITED",
      DAFTARI_RECEIPT_MERCHANT },
    { "~ 24 SEVEN MART LTD (CPR-2015-1234)\nTOTAL 5.00\n", "24 SEVEN MART LTD", DAFTARI_RECEIPT_MERCHANT },
    /* A name cut at "&" goes on on the next line. */
    { "MAMA NJERI HARDWARE &\nELECTRICALS\nNO 12, MOI AVENUE\nTOTAL 5.00\n",
      "MAMA NJERI HARDWARE & ELECTRICALS", DAFTARI_RECEIPT_MERCHANT },
    /* The company's registration line, legal form and all, is not its name. */
    { "JUMA STORES\nCompany Reg No. 12345\nTOTAL 5.00\n", "JUMA STORES", DAFTARI_RECEIPT_MERCHANT },
    { "JUMA STORES\nCompany Rey No.\nTOTAL 5.00\n", "JUMA STORES", DAFTARI_RECEIPT_MERCHANT },
    /* A web address is not the name. */
    { "shop online at www.example.com\nKIPRONO AGENCIES\nTOTAL 5.00\n", "KIPRONO AGENCIES",
      DAFTARI_RECEIPT_MERCHANT },
    /* "S/B" is a legal form; "SUN BHD" is SDN BHD misread. */
    { "KIPRONO AGENCIES\n77 MAIN MART S/B (512345-X)\nTOTAL 5.00\n", "77 MAIN MART S/B", DAFTARI_RECEIPT_MERCHANT },
    { "KIPRONO AGENCIES SUN, BHD\nTOTAL 5.00\n", "KIPRONO AGENCIES SDN BHD", DAFTARI_RECEIPT_MERCHANT },
    /* Kenyan kinds of shop are business words: the shop's line is the
     * name, not the owner's above it. */
    { "PETER MWANGI\nMAMA NJERI GROCERS\nKimathi Street, Nyeri\nTOTAL 5.00\n", "MAMA NJERI GROCERS",
      DAFTARI_RECEIPT_MERCHANT },
    { "OTIENO JAMES\nKISUMU AGROVET\nTOTAL 5.00\n", "KISUMU AGROVET", DAFTARI_RECEIPT_MERCHANT },
    /* The country beside the legal form: a line of only that takes the
     * name above it, and a name whose form wrapped so is joined. */
    { "BATA SHOE\nCO. (KENYA) LTD\nMOI AVENUE\nTOTAL 5.00\n", "BATA SHOE CO. (KENYA) LTD",
      DAFTARI_RECEIPT_MERCHANT },
    { "~ 9\nKAMAU BOOK\nCO. (K) LTD\n(Co. No. 12345-W)\nTOTAL 5.00\n", "KAMAU BOOK CO. (K) LTD",
      DAFTARI_RECEIPT_MERCHANT },
    /* A registration number glued to the name's last word is cut off, the
     * word kept; glued to a word inside a line, the line is no name. */
    { "Duka Maluri S/B(587969-U)\nTOTAL 5.00\n", "Duka Maluri S/B", DAFTARI_RECEIPT_MERCHANT },
    { "MAMA NJERI GROCERS\nOLD SHOP S/B(587969-U) NOW NEW STORES 58\nTOTAL 5.00\n", "MAMA NJERI GROCERS",
      DAFTARI_RECEIPT_MERCHANT },
    /* A 5 misread as a section sign. */
    { "DUKA LA AMINA\nSubtotal 5.00\nVAT 0.30\nTotal Incl. VAT \u00a7.30\n", "5.30", DAFTARI_RECEIPT_TOTAL },
    /* "Cash sale No." numbers many a Kenyan receipt. */
    { "KAMAU HARDWARE\nCASH SALE No. 004512\nTOTAL 5.00\n", "004512", DAFTARI_RECEIPT_NUMBER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DaftariReceiptFields) f = extract (cases[i].text);

      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_cmpstr (value (f, cases[i].kind), ==, cases[i].field);
    }
}

/* A total line Tesseract was unsure of, that nothing confirms, loses to the
 * cash less the change when that is printed elsewhere on the receipt; a
 * clear total line keeps its figure. */
static void
test_paid_total (void)
{
  static const char text[] =
    "DUKA LA AMINA\nMATRESS 2 X 95.00 190.00\nTotal Incl. VAT : 60.00\nCASH : 200.00\nCHANGE : 10.00\n";
  g_autoptr(DaftariReceiptFields) unsure = extract_unsure (text, "60.00");
  g_autoptr(DaftariReceiptFields) clear = extract_unsure (text, "nothing");

  g_assert_cmpstr (value (unsure, DAFTARI_RECEIPT_TOTAL), ==, "190.00");
  g_assert_true (unsure->total_checked);
  g_assert_cmpstr (value (clear, DAFTARI_RECEIPT_TOTAL), ==, "60.00");
  g_assert_false (clear->total_checked);
}

/* A label before the name ("Operated by:") is not part of it, and its
 * capital shows the line is printed; a cashier's name after its label is
 * never the shop's. */
static void
test_merchant_label (void)
{
  g_autoptr(DaftariReceiptFields) f = extract ("Operated by: jua kali traders ltd\nP.O. BOX 12 NAKURU\n"
                                                "Date 02/04/2025\nTOTAL 10.00\n");
  g_autoptr(DaftariReceiptFields) g = extract ("Cashier: MARY\nMama Mboga Kiosk\nDate 02/04/2025\nTOTAL 10.00\n");

  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_MERCHANT), ==, "jua kali traders ltd");
  g_assert_cmpstr (value (g, DAFTARI_RECEIPT_MERCHANT), ==, "Mama Mboga Kiosk");
}

/* Words of text, every word at the given Tesseract confidence. */
static GArray *
words_at (const char *text, int confidence)
{
  GArray *words = daftari_receipt_words_from_text (text, -1);

  for (guint i = 0; i < words->len; i++)
    g_array_index (words, DaftariReceiptWord, i).confidence = confidence;
  return words;
}

static DaftariReceiptFields *
extract_words (GArray *words)
{
  return daftari_receipt_extract ((const DaftariReceiptWord *) (gpointer) words->data, words->len);
}

/* A name on two lines has the boxes of both; so a re-reading of it is
 * judged against all its words, not only the sure legal form. */
static void
test_merchant_two_lines (void)
{
  g_autoptr(GArray) page = words_at ("MAWENZI GENERAI STORES\nLTD\nDate 02/04/2025\nTOTAL 10.00\n", 70);
  g_autoptr(GArray) again = words_at ("MAWENZI GENERAL STORES LTD\n", 90);
  DaftariReceiptFields *f;

  g_array_index (page, DaftariReceiptWord, 3).confidence = 97;   /* LTD */
  f = extract_words (page);
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_MERCHANT), ==, "MAWENZI GENERAI STORES LTD");
  g_assert_cmpuint (f->field[DAFTARI_RECEIPT_MERCHANT].boxes->len, ==, 4);
  g_assert_cmpint (g_array_index (f->field[DAFTARI_RECEIPT_MERCHANT].boxes, DaftariReceiptBox, 0).y, ==, 0);
  f = daftari_receipt_fields_merge_reread (f, extract_words (again), page, NULL, again);
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_MERCHANT), ==, "MAWENZI GENERAL STORES LTD");
  daftari_receipt_fields_free (f);
}

/* The TOTAL row of the tax summary holds the net and the tax, not the
 * total; the net plus the tax (6 % of it here) confirms the total. */
static void
test_tax_summary (void)
{
  g_autoptr(GArray) words = words_at ("DUKA LA AMINA\nTOTAL 79.50\nGST SUMMARY AMOUNT TAX\nTOTAL 75.00 4.50\n", 90);

  g_autoptr(GArray) odd = words_at ("DUKA LA AMINA\nTOTAL 79.50\nGST SUMMARY AMOUNT TAX\nTOTAL 75.00 4.60\n", 90);
  DaftariReceiptFields *f;

  g_array_index (words, DaftariReceiptWord, 4).confidence = 30;   /* the total's figure, unsure */
  f = extract_words (words);
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_TOTAL), ==, "79.50");
  g_assert_true (f->total_checked);
  daftari_receipt_fields_free (f);
  /* Without a net and tax pair to confirm it, the summary row still is no total. */
  g_array_index (odd, DaftariReceiptWord, 4).confidence = 30;
  f = extract_words (odd);
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_TOTAL), ==, "79.50");
  g_assert_false (f->total_checked);
  daftari_receipt_fields_free (f);
}

/* A total line read without its figure ("74,9"): the summary's net and
 * tax (6 % printed, 9.90 = 6 % of 165.00) make the total; a service
 * charge row (10 % of 150.00) is part of that net. */
static void
test_net_plus_tax (void)
{
  g_autoptr(DaftariReceiptFields) f = extract (
      "MSAFIRI CAFE\nDate 03/03/2025\nNET TOTAL 74,9\nCHANGE 25.10\nTax Summary Amount Tax\n"
      "SVC SERVICE CHARGE 10 150.00 15.00\nVAT 6% 165.00 9.90\n");

  g_autoptr(GArray) two_rates = words_at ("MSAFIRI CAFE\nDate 03/03/2025\nTOTAL 126.00\nGST SUMMARY\n"
                                          "SR 6% 100.00 6.00\nZR 0% 20.00 0.00\n", 90);
  DaftariReceiptFields *g;

  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_TOTAL), ==, "174.90");
  /* Goods at a second rate: one rate's net + tax is not the total, even
   * against a total figure Tesseract was unsure of. */
  g_array_index (two_rates, DaftariReceiptWord, 5).confidence = 30;
  g = extract_words (two_rates);
  g_assert_cmpstr (value (g, DAFTARI_RECEIPT_TOTAL), ==, "126.00");
  daftari_receipt_fields_free (g);
}

/* "PAID AMOUNT" is the cash handed over: less the change, it confirms the
 * total; "CHANGE 20 50" (a faded decimal point) counts as printed cents,
 * so "7950" on the total line is 79.50. */
static void
test_paid_amount (void)
{
  g_autoptr(DaftariReceiptFields) f = extract (
      "DUKA LA AMINA\nDate 03/03/2025\nVAT 6% 4.50\nTotal Payable 7950\nPaid Amount 100.00\nChange: 20 50\n");

  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_TOTAL), ==, "79.50");
  g_assert_true (f->total_checked);
}

/* An unsure date word and its re-reading, digit by digit: a digit beats a
 * mark, and the clearly surer reading's digit wins; the result stays
 * marked unsure. A re-reading not clearly surer changes nothing. */
static void
test_vote_date (void)
{
  g_autoptr(GArray) page = words_at ("SHOP LTD\nDATE: 15/08/2017\nTOTAL 10.00\n", 90);
  g_autoptr(GArray) again = words_at ("SHOP LTD\nDATE: 15/06/201%\nTOTAL 10.00\n", 90);
  DaftariReceiptFields *f;

  g_array_index (page, DaftariReceiptWord, 3).confidence = 23;
  g_array_index (again, DaftariReceiptWord, 3).confidence = 64;
  f = daftari_receipt_fields_merge_reread (extract_words (page), extract_words (again), page, NULL, again);
  g_assert_cmpint (f->date, ==, 20170615);
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_DATE), ==, "2017-06-15");
  g_assert_cmpint (f->field[DAFTARI_RECEIPT_DATE].confidence, <, DAFTARI_RECEIPT_CONFIDENT);
  daftari_receipt_fields_free (f);
  g_array_index (again, DaftariReceiptWord, 3).confidence = 30;
  f = daftari_receipt_fields_merge_reread (extract_words (page), extract_words (again), page, NULL, again);
  g_assert_cmpint (f->date, ==, 20170815);
  daftari_receipt_fields_free (f);
}

/* Initials the page's reading has in front of the name and the
 * re-reading dropped as a speck were read twice: the longer name stays. */
static void
test_merge_initials (void)
{
  g_autoptr(GArray) page = words_at ("J K MWANGI HARDWARE LTD\nDate 02/04/2025\nTOTAL 10.00\n", 70);
  g_autoptr(GArray) again = words_at ("JK MWANGI HARDWARE LTD\n", 95);
  DaftariReceiptFields *f;

  g_array_index (again, DaftariReceiptWord, 0).confidence = 41;
  f = daftari_receipt_fields_merge_reread (extract_words (page), extract_words (again), page, NULL, again);
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_MERCHANT), ==, "J K MWANGI HARDWARE LTD");
  daftari_receipt_fields_free (f);
}

/* Items whose code, quantity and price are printed under their
 * description; their sum is the net of the tax summary, so net + tax is
 * the total and a total line that nothing confirms was misread. */
static void
test_items_confirm_summary (void)
{
  g_autoptr(DaftariReceiptFields) f = extract (
      "MAWENZI STATIONERS\nDate 02/04/2025\nSTAPLER HEAVY DUTY\n6161100012345 2 4.50 9.00\n"
      "PENS BLUE\n6161100054321 3 3.00 9.00\nTOTAL 48.00\nGST SUMMARY\nSR 6.00 18.00 1.08\n");

  g_assert_cmpuint (f->items->len, ==, 2);
  g_assert_cmpstr (((DaftariReceiptItem *) g_ptr_array_index (f->items, 0))->description, ==,
                   "STAPLER HEAVY DUTY");
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_TOTAL), ==, "19.08");
  g_assert_true (f->total_checked);
}

/* A long business word with one letter misread is still one, and is
 * written right; a re-read name that says what the business is beats a
 * plain line of the page's reading even when a little less sure. */
static void
test_misread_business_word (void)
{
  g_autoptr(DaftariReceiptFields) f = extract ("KAMAU HARDWAPE\nDate 02/04/2025\nTOTAL 10.00\n");
  g_autoptr(GArray) page = words_at ("PENDO ENIEr PRISE\nKITENGELA TOWN\nDate 02/04/2025\nTOTAL 10.00\n", 90);
  g_autoptr(GArray) again = words_at ("PENDO ENIERPRISE\nKITENGELA TOWN\n", 52);
  DaftariReceiptFields *g;

  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_MERCHANT), ==, "KAMAU HARDWARE");
  g_assert_cmpint (f->field[DAFTARI_RECEIPT_MERCHANT].confidence, ==, 75);
  g_array_index (page, DaftariReceiptWord, 1).confidence = 0;
  g_array_index (page, DaftariReceiptWord, 2).confidence = 0;
  g = extract_words (page);
  g_assert_cmpstr (value (g, DAFTARI_RECEIPT_MERCHANT), ==, "KITENGELA TOWN");
  g = daftari_receipt_fields_merge_reread (g, extract_words (again), page, NULL, again);
  g_assert_cmpstr (value (g, DAFTARI_RECEIPT_MERCHANT), ==, "PENDO ENTERPRISE");
  daftari_receipt_fields_free (g);
}

/* Two readings of one receipt: the confirmed total, and the surer date and
 * merchant, whichever reading they came from. */
static void
test_merge (void)
{
  DaftariReceiptFields *first = extract ("duka la amina\nBREAD 50.00\nMILK 60.00\nTOTAL 190.00\n");
  DaftariReceiptFields *second = extract ("DUKA LA AMINA LTD\nDate 12/03/2025\nBREAD 50.00\nMILK 60.00\n"
                                          "TOTAL 110.00\n");
  g_autoptr(DaftariReceiptFields) merged = NULL;

  g_assert_true (daftari_receipt_fields_doubtful (first));
  g_assert_false (daftari_receipt_fields_doubtful (second));
  merged = daftari_receipt_fields_merge (first, second);
  g_assert_cmpstr (value (merged, DAFTARI_RECEIPT_TOTAL), ==, "110.00");
  g_assert_true (merged->total_checked);
  g_assert_cmpint (merged->date, ==, 20250312);
  g_assert_cmpstr (value (merged, DAFTARI_RECEIPT_MERCHANT), ==, "DUKA LA AMINA LTD");
  g_assert_cmpuint (merged->items->len, ==, 2);
}

/* The re-reading's fields: the name read with surer words wins even when
 * both names reach their rule's ceiling; a sure date of the page's reading
 * is kept against a surer re-read one; a missing date and total are taken. */
static void
test_merge_reread (void)
{
  g_autoptr(GArray) page = words_at ("UAN HING STATIONERY SDN BHD\nDATE 29/03/2018\nTOTAL 79.50\n", 92);
  g_autoptr(GArray) again = words_at ("LIAN HING STATIONERY SDN BHD\nDATE 29/03/2015\nTOTAL 79.50\n", 97);
  g_autoptr(GArray) bare = words_at ("UAN HING STATIONERY SDN BHD\n", 92);
  DaftariReceiptFields *f;

  f = daftari_receipt_fields_merge_reread (extract_words (page), extract_words (again), page, NULL, again);
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_MERCHANT), ==, "LIAN HING STATIONERY SDN BHD");
  g_assert_cmpint (f->date, ==, 20180329);
  daftari_receipt_fields_free (f);
  /* The other way round, the page's name is the surer one and stays. */
  f = daftari_receipt_fields_merge_reread (extract_words (again), extract_words (page), again, NULL, page);
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_MERCHANT), ==, "LIAN HING STATIONERY SDN BHD");
  daftari_receipt_fields_free (f);
  f = daftari_receipt_fields_merge_reread (extract_words (bare), extract_words (again), bare, NULL, again);
  g_assert_cmpint (f->date, ==, 20150329);
  g_assert_cmpint (f->total, ==, 7950);
  daftari_receipt_fields_free (f);
}

/* The second model's reading of the header: a word of the chosen name it
 * reads with a letter different, and clearly surer, is put in; a word it
 * is not clearly surer of, or reads with another length, is not. */
static void
test_merge_latin_name (void)
{
  g_autoptr(GArray) page = words_at ("NYOTA HOME BECO LTD\nDATE: 02/04/2025\nTOTAL 10.00\n", 90);
  g_autoptr(GArray) latin = words_at ("NYOTA HOME DECO LTD\nDATE: 02/04/2025\nTOTAL 10.00\n", 90);
  g_autoptr(GArray) longer = words_at ("NYOTA HOME DECOR LTD\nDATE: 02/04/2025\nTOTAL 10.00\n", 90);
  DaftariReceiptFields *f;

  g_array_index (page, DaftariReceiptWord, 2).confidence = 45;
  f = daftari_receipt_fields_merge_latin (extract_words (page), extract_words (latin), page, NULL, NULL, latin, NULL);
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_MERCHANT), ==, "NYOTA HOME DECO LTD");
  g_assert_cmpint (f->date, ==, 20250402);
  g_assert_cmpint (f->total, ==, 1000);
  daftari_receipt_fields_free (f);
  /* Not clearly surer: the first reading stands. */
  g_array_index (latin, DaftariReceiptWord, 2).confidence = 60;
  f = daftari_receipt_fields_merge_latin (extract_words (page), extract_words (latin), page, NULL, NULL, latin, NULL);
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_MERCHANT), ==, "NYOTA HOME BECO LTD");
  daftari_receipt_fields_free (f);
  f = daftari_receipt_fields_merge_latin (extract_words (page), extract_words (longer), page, NULL, NULL, longer,
                                          NULL);
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_MERCHANT), ==, "NYOTA HOME BECO LTD");
  daftari_receipt_fields_free (f);
}

/* The date's word read three times: where two readings agree on a digit
 * they win, and the date stays marked unsure. Two sure readings that
 * differ, without a third, leave the first reading's date. */
static void
test_merge_latin_date (void)
{
  g_autoptr(GArray) page = words_at ("DUKA LA JUMA\nDATE: 29/12/2018\nTOTAL 10.00\n", 88);
  g_autoptr(GArray) latin = words_at ("DUKA LA JUMA\nDATE: 25/12/2018\nTOTAL 10.00\n", 79);
  g_autoptr(GArray) latin_date = words_at ("DUKA LA JUMA\nDATE: 25/12/7018\nTOTAL 10.00\n", 51);
  g_autoptr(GArray) same = words_at ("DUKA LA JUMA\nDATE: 29/12/2018\nTOTAL 10.00\n", 96);
  DaftariReceiptFields *f;

  f = daftari_receipt_fields_merge_latin (extract_words (page), extract_words (latin), page, NULL, NULL, latin,
                                          latin_date);
  g_assert_cmpint (f->date, ==, 20181225);
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_DATE), ==, "2018-12-25");
  g_assert_cmpint (f->field[DAFTARI_RECEIPT_DATE].confidence, <, DAFTARI_RECEIPT_CONFIDENT);
  daftari_receipt_fields_free (f);
  f = daftari_receipt_fields_merge_latin (extract_words (page), extract_words (latin), page, NULL, NULL, latin, NULL);
  g_assert_cmpint (f->date, ==, 20181229);
  daftari_receipt_fields_free (f);
  /* The two models agree: the date is as sure as the surer reading. */
  f = daftari_receipt_fields_merge_latin (extract_words (page), extract_words (same), page, NULL, NULL, same,
                                          latin_date);
  g_assert_cmpint (f->date, ==, 20181229);
  g_assert_cmpint (f->field[DAFTARI_RECEIPT_DATE].confidence, >=, 90);
  daftari_receipt_fields_free (f);
}

/* A date the first reading missed, or read unsure, is the second model's
 * when it is sure of it. */
static void
test_merge_latin_missing_date (void)
{
  g_autoptr(GArray) page = words_at ("DUKA LA JUMA\nDATE: 2?/1?/20l8\nTOTAL 10.00\n", 90);
  g_autoptr(GArray) unsure = words_at ("DUKA LA JUMA\nDATE: 28/12/2018\nTOTAL 10.00\n", 40);
  g_autoptr(GArray) latin = words_at ("DUKA LA JUMA\nDATE: 25/12/2018\nTOTAL 10.00\n", 85);
  DaftariReceiptFields *f;

  f = extract_words (page);
  g_assert_null (value (f, DAFTARI_RECEIPT_DATE));
  f = daftari_receipt_fields_merge_latin (f, extract_words (latin), page, NULL, NULL, latin, NULL);
  g_assert_cmpint (f->date, ==, 20181225);
  daftari_receipt_fields_free (f);
  f = daftari_receipt_fields_merge_latin (extract_words (unsure), extract_words (latin), unsure, NULL, NULL, latin,
                                          NULL);
  g_assert_cmpint (f->date, ==, 20181225);
  daftari_receipt_fields_free (f);
}

/* Several readings of the date's line vote on its digits, however they
 * split it into words; each reading weighs Tesseract's confidence in it,
 * so the result may take digits from different readings. */
static void
test_vote_date_readings (void)
{
  g_autoptr(GArray) page = words_at ("SHOP LTD\nDATE: 27092018 No 5\nTOTAL 10.00\n", 39);
  g_autoptr(GArray) copy = words_at ("SHOP LTD\nDATE: 27092018 No 5\nTOTAL 10.00\n", 39);
  g_autoptr(GArray) latin = words_at ("SHOP LTD\nDATE: 2703/2018 No 5\nTOTAL 10.00\n", 17);
  g_autoptr(GArray) split = words_at ("SHOP LTD\nDATE: 27 03 2018 No 5\nTOTAL 10.00\n", 60);
  GArray *readings[] = { page, copy, latin, split };
  DaftariReceiptFields *f = extract_words (page);

  g_assert_cmpint (f->date, ==, 20180927);
  /* Two readings (the copy of the page's words counts once) are no vote. */
  g_assert_false (daftari_receipt_fields_vote_date (f, readings, 3));
  g_assert_cmpint (f->date, ==, 20180927);
  g_assert_true (daftari_receipt_fields_vote_date (f, readings, 4));
  g_assert_cmpint (f->date, ==, 20180327);
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_DATE), ==, "2018-03-27");
  g_assert_cmpint (f->field[DAFTARI_RECEIPT_DATE].confidence, <, DAFTARI_RECEIPT_CONFIDENT);
  g_assert_cmpuint (f->field[DAFTARI_RECEIPT_DATE].boxes->len, ==, 1);
  daftari_receipt_fields_free (f);
}

/* Each reading weighs its confidence: two unsure readings of "05" lose to
 * two surer ones of a 3 in that place (one of which misread the 0 before
 * it); a combination that is no date ("7018") is passed over for the
 * best valid one. */
static void
test_vote_date_weights (void)
{
  g_autoptr(GArray) page = words_at ("SHOP LTD\nDate 30/05/2018 9:15 PM\nTOTAL 10.00\n", 56);
  g_autoptr(GArray) again = words_at ("SHOP LTD\nDate  30/05/2018 9:15 PM\nTOTAL 10.00\n", 46);
  g_autoptr(GArray) latin = words_at ("SHOP LTD\nDate 30/03/2018 9:15 PM\nTOTAL 10.00\n", 47);
  g_autoptr(GArray) small = words_at ("SHOP LTD\nDate 30/83/2018 9:15 PM\nTOTAL 10.00\n", 61);
  g_autoptr(GArray) first = words_at ("SHOP LTD\nDate 29/12/2018\nTOTAL 10.00\n", 41);
  g_autoptr(GArray) year = words_at ("SHOP LTD\nDate 25/12/7018\nTOTAL 10.00\n", 90);
  g_autoptr(GArray) year2 = words_at ("SHOP LTD\nDate  25/12/7018\nTOTAL 10.00\n", 90);
  GArray *readings[] = { page, again, latin, small };
  GArray *years[] = { first, year, year2 };
  DaftariReceiptFields *f = extract_words (page);

  g_assert_true (daftari_receipt_fields_vote_date (f, readings, G_N_ELEMENTS (readings)));
  g_assert_cmpint (f->date, ==, 20180330);
  daftari_receipt_fields_free (f);
  /* Counted alike, 05 would have won. */
  g_array_index (latin, DaftariReceiptWord, 3).confidence = 5;
  g_array_index (small, DaftariReceiptWord, 3).confidence = 5;
  f = extract_words (page);
  g_assert_false (daftari_receipt_fields_vote_date (f, readings, G_N_ELEMENTS (readings)));
  g_assert_cmpint (f->date, ==, 20180530);
  daftari_receipt_fields_free (f);
  f = extract_words (first);
  g_assert_true (daftari_receipt_fields_vote_date (f, years, G_N_ELEMENTS (years)));
  g_assert_cmpint (f->date, ==, 20181225);
  daftari_receipt_fields_free (f);
}

/* No date found: a word that may be a damaged one ("80092018") is voted
 * on by the other readings of its line. */
static void
test_vote_date_damaged (void)
{
  g_autoptr(GArray) page = words_at ("SHOP LTD\n80092018 No CS-20322\nTOTAL 10.00\n", 10);
  g_autoptr(GArray) a = words_at ("SHOP LTD\n 3005/2018 No CS-20322\nTOTAL 10.00\n", 23);
  g_autoptr(GArray) b = words_at ("SHOP LTD\n3003 2018 No CS-20322\nTOTAL 10.00\n", 72);
  g_autoptr(GArray) c = words_at ("SHOP LTD\n3003/2018 No CS-20322\nTOTAL 10.00\n", 46);
  g_autoptr(GArray) none = words_at ("SHOP LTD\nNo CS-20322\nTOTAL 10.00\n", 90);
  g_autoptr(GArray) none2 = words_at ("SHOP LTD\nNo CS-20522\nTOTAL 10.00\n", 80);
  g_autoptr(GArray) none3 = words_at ("SHOP LTD\nNo CS-20822\nTOTAL 10.00\n", 70);
  GArray *readings[] = { page, a, b, c };
  GArray *nothing[] = { none, none2, none3 };
  DaftariReceiptFields *f = extract_words (page);

  g_assert_null (value (f, DAFTARI_RECEIPT_DATE));
  g_assert_true (daftari_receipt_fields_vote_date (f, readings, G_N_ELEMENTS (readings)));
  g_assert_cmpint (f->date, ==, 20180330);
  g_assert_cmpint (f->field[DAFTARI_RECEIPT_DATE].confidence, <, DAFTARI_RECEIPT_CONFIDENT);
  g_assert_cmpuint (f->field[DAFTARI_RECEIPT_DATE].boxes->len, ==, 1);
  daftari_receipt_fields_free (f);
  /* Nothing like a date: nothing to vote on. */
  f = extract_words (none);
  g_assert_false (daftari_receipt_fields_vote_date (f, nothing, G_N_ELEMENTS (nothing)));
  g_assert_null (value (f, DAFTARI_RECEIPT_DATE));
  daftari_receipt_fields_free (f);
}


/* The total by the readings of its line: the digits vote, each amount
 * tried on the receipt's other figures, so that a confirmed mix of two
 * readings ("58.00" and "53.08": 53.00 = 50.00 + 3.00) wins; unconfirmed,
 * three readings must outvote the page's, and only an unsure total. */
static void
test_vote_total (void)
{
  const char *head = "SHOP LTD\nSUBTOTAL 50.00\nTAX 3.00\n";
  g_autofree char *t_page = g_strconcat (head, "TOTAL 58.00\n", NULL);
  g_autofree char *t_mixed = g_strconcat (head, "TOTAL 53.08\n", NULL);
  g_autofree char *t_right = g_strconcat (head, "TOTAL 53.00\n", NULL);
  g_autoptr(GArray) page = words_at (t_page, 45);
  g_autoptr(GArray) mixed = words_at (t_mixed, 50);
  g_autoptr(GArray) right = words_at (t_right, 50);
  g_autoptr(GArray) plain = words_at ("SHOP LTD\nTOTAL 18.50\n", 30);
  g_autoptr(GArray) other = words_at ("SHOP LTD\nTOTAL 16.50\n", 80);
  g_autoptr(GArray) other2 = words_at ("SHOP LTD\nTOTAL  16.50\n", 80);
  GArray *two[] = { page, mixed };
  GArray *confirming[] = { page, right };
  GArray *unconfirmed[] = { plain, other, other2 };
  DaftariReceiptFields *f = extract_words (page);

  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_TOTAL), ==, "58.00");
  g_assert_false (f->total_checked);
  g_assert_true (daftari_receipt_fields_vote_total (f, two, G_N_ELEMENTS (two)));
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_TOTAL), ==, "53.00");
  g_assert_cmpint (f->total, ==, 5300);
  g_assert_true (f->total_checked);
  /* Confirmed: nothing more to vote on. */
  g_assert_false (daftari_receipt_fields_vote_total (f, two, G_N_ELEMENTS (two)));
  daftari_receipt_fields_free (f);
  f = extract_words (page);
  g_assert_true (daftari_receipt_fields_vote_total (f, confirming, G_N_ELEMENTS (confirming)));
  g_assert_cmpint (f->total, ==, 5300);
  g_assert_true (f->total_checked);
  daftari_receipt_fields_free (f);
  /* Two readings are no vote; three are. */
  f = extract_words (plain);
  g_assert_false (daftari_receipt_fields_vote_total (f, unconfirmed, 2));
  g_assert_cmpint (f->total, ==, 1850);
  g_assert_true (daftari_receipt_fields_vote_total (f, unconfirmed, 3));
  g_assert_cmpint (f->total, ==, 1650);
  g_assert_false (f->total_checked);
  g_assert_cmpint (f->field[DAFTARI_RECEIPT_TOTAL].confidence, <, DAFTARI_RECEIPT_CONFIDENT);
  daftari_receipt_fields_free (f);
  /* Unsure readings do not outvote a surer page. */
  f = extract_words (other);
  g_assert_false (daftari_receipt_fields_vote_total (f, (GArray *[]) { other, plain, plain }, 3));
  g_assert_cmpint (f->total, ==, 1650);
  daftari_receipt_fields_free (f);
}

/* A page's total with a digit more than three other readings agree on
 * ("189.748" against "189.75") is the odd one out, sure as Tesseract was. */
static void
test_vote_total_length (void)
{
  g_autoptr(GArray) page = words_at ("SHOP LTD\nNET TOTAL 189.748\n", 70);
  g_autoptr(GArray) a = words_at ("SHOP LTD\nNET TOTAL 189.75\n", 90);
  g_autoptr(GArray) b = words_at ("SHOP LTD\nNET TOTAL  189.75\n", 85);
  g_autoptr(GArray) c = words_at ("SHOP LTD\nNET TOTAL   189.78\n", 60);
  g_autoptr(GArray) d = words_at ("SHOP LTD\nNET TOTAL    189.75\n", 95);
  GArray *readings[] = { page, a, b, c, d };
  DaftariReceiptFields *f = extract_words (page);

  g_assert_cmpint (f->field[DAFTARI_RECEIPT_TOTAL].confidence, >=, DAFTARI_RECEIPT_CONFIDENT);
  /* Two of one length are not enough. */
  g_assert_false (daftari_receipt_fields_vote_total (f, readings, 3));
  g_assert_true (daftari_receipt_fields_vote_total (f, readings, G_N_ELEMENTS (readings)));
  g_assert_cmpstr (value (f, DAFTARI_RECEIPT_TOTAL), ==, "189.75");
  g_assert_cmpint (f->total, ==, 18975);
  g_assert_cmpint (f->field[DAFTARI_RECEIPT_TOTAL].confidence, <, DAFTARI_RECEIPT_CONFIDENT);
  daftari_receipt_fields_free (f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/receipt/extract/kenyan", test_kenyan_receipt);
  g_test_add_func ("/receipt/extract/boxes", test_boxes);
  g_test_add_func ("/receipt/extract/dates", test_dates);
  g_test_add_func ("/receipt/extract/totals", test_totals);
  g_test_add_func ("/receipt/extract/cross-check", test_cross_check);
  g_test_add_func ("/receipt/extract/merchant", test_merchant);
  g_test_add_func ("/receipt/extract/ocr-damage", test_ocr_damage);
  g_test_add_func ("/receipt/extract/ocr-damage-more", test_ocr_damage_more);
  g_test_add_func ("/receipt/extract/paid-total", test_paid_total);
  g_test_add_func ("/receipt/extract/merge", test_merge);
  g_test_add_func ("/receipt/extract/merge-reread", test_merge_reread);
  g_test_add_func ("/receipt/extract/merchant-label", test_merchant_label);
  g_test_add_func ("/receipt/extract/merchant-two-lines", test_merchant_two_lines);
  g_test_add_func ("/receipt/extract/tax-summary", test_tax_summary);
  g_test_add_func ("/receipt/extract/net-plus-tax", test_net_plus_tax);
  g_test_add_func ("/receipt/extract/paid-amount", test_paid_amount);
  g_test_add_func ("/receipt/extract/vote-date", test_vote_date);
  g_test_add_func ("/receipt/extract/merge-initials", test_merge_initials);
  g_test_add_func ("/receipt/extract/misread-business-word", test_misread_business_word);
  g_test_add_func ("/receipt/extract/items-confirm-summary", test_items_confirm_summary);
  g_test_add_func ("/receipt/extract/merge-latin-name", test_merge_latin_name);
  g_test_add_func ("/receipt/extract/merge-latin-date", test_merge_latin_date);
  g_test_add_func ("/receipt/extract/merge-latin-missing-date", test_merge_latin_missing_date);
  g_test_add_func ("/receipt/extract/vote-date-readings", test_vote_date_readings);
  g_test_add_func ("/receipt/extract/vote-date-weights", test_vote_date_weights);
  g_test_add_func ("/receipt/extract/vote-date-damaged", test_vote_date_damaged);
  g_test_add_func ("/receipt/extract/vote-total", test_vote_total);
  g_test_add_func ("/receipt/extract/vote-total-length", test_vote_total_length);
  g_test_add_func ("/receipt/extract/ids", test_ids);
  g_test_add_func ("/receipt/extract/nothing", test_nothing);
  g_test_add_func ("/receipt/extract/normalise-company", test_normalise_company);
  return g_test_run ();
}
