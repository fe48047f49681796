/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The total, the VAT and the line items, checked against each other. */
#include "daftari-receipt-lines.h"

#include <string.h>

/* Words that make a line the total, strongest first. */
static const char *const strong_total_words[] = {
  "GRAND TOTAL", "ROUNDED TOTAL", "TOTAL ROUNDED", "ROUNDED", "NETT TOTAL", "NET TOTAL", "TOTAL AMOUNT",
  "TOTAL AMT", "AMOUNT DUE", "TOTAL DUE", "TOTAL PAYABLE", "AMOUNT PAYABLE", "AMOUNT TO PAY", "BALANCE DUE",
  "TOTAL KES", "TOTAL KSH", "TOTAL KSHS", "TOTAL RM", "TOTAL USD", "TOTAL SALES", "TOTAL INCL",
  "TOTAL INCLUSIVE", "JUMLA KUU", "JUMLA YOTE", "JUMLA", "JUMLAH", NULL
};
/* Totals of something else, or before tax. */
static const char *const subtotal_words[] = {
  "SUBTOTAL", "SUB TOTAL", "SUB-TOTAL", "SUB", "TOTAL EXCL", "TOTAL EXCLUDING", "TOTAL EXCLUSIVE",
  "TOTAL BEFORE", "EXCL", "EXCLUSIVE", "EXCLUDING", "EXCLUDED", "TAXABLE", "BEFORE TAX", NULL
};
static const char *const other_total_words[] = {
  "TOTAL QTY", "TOTAL QUANTITY", "QTY", "TOTAL ITEM", "TOTAL ITEMS", "ITEM", "ITEMS", "TOTAL PCS",
  "TOTAL UNITS", "TOTAL DISCOUNT", "DISCOUNT", "TOTAL SAVING", "TOTAL SAVINGS", "SAVINGS", "POINTS", NULL
};
static const char *const tax_words[] = {
  "VAT", "V.A.T", "V.A.T.", "GST", "SST", "TAX", "KODI", "CTL", NULL
};
static const char *const tender_words[] = {
  "CASH", "CHANGE", "TENDERED", "TENDER", "PAID", "PAYMENT", "BALANCE", "CARD", "VISA", "MASTERCARD",
  "MPESA", "M-PESA", "CHENJI", "TUNAI", "BAKI", "REFUND", NULL
};
/* What the customer handed over, from which change is given: "CASH",
 * "PAID AMOUNT", "AMOUNT TENDERED". */
static const char *const cash_words[] = { "CASH", "PAID", "TENDERED", "TUNAI", NULL };
static const char *const change_words[] = { "CHANGE", "CHENJI", "BAKI", "BALANCE", NULL };
static const char *const rounding_words[] = { "ROUNDING", "ROUND", "ADJ", "ADJUSTMENT", NULL };
/* The total once rounded: "TOTAL AFTER ROUNDING", "TOTAL AFTER ADJ". */
static const char *const rounded_words[] = {
  "ROUNDED", "AFTER ROUNDING", "AFTER ROUND", "AFTER ADJ", "AFTER ADJUSTMENT", NULL
};

typedef enum {
  LINE_OTHER,
  LINE_TOTAL,       /* the word TOTAL, or its OCR look-alikes */
  LINE_STRONG_TOTAL,
  LINE_SUBTOTAL,
  LINE_OTHER_TOTAL,
  LINE_TAX,
  LINE_TENDER,
  LINE_CHANGE,
  LINE_ROUNDING,
} LineKind;

/* Where "TOTAL" is in upper, also read with one letter wrong ("TOTAI",
 * "T0TAL") or its last letter lost to a mark ("TOTA!"); -1 if nowhere. */
static gssize
total_word_at (const char *upper)
{
  static const char total[] = "TOTAL";

  for (const char *p = upper; *p != '\0'; p++)
    {
      int same = 0, len = 0;

      if (p != upper && g_ascii_isalnum (p[-1]))
        continue;
      while (g_ascii_isalnum (p[len]) && len < 6)
        len++;
      if (len == 4 && strncmp (p, total, 4) == 0 && p[4] != '\0' && strchr ("!|]", p[4]) != NULL)
        return p - upper;
      if (len != 5)
        continue;
      for (int i = 0; i < 5; i++)
        same += p[i] == total[i];
      if (same >= 4)
        return p - upper;
    }
  return -1;
}

/* OCR glues "TOTAL" to the next word ("TOTALAMT", "TOTALEXCL"): a space
 * after it lets the keywords match. SUBTOTAL stays whole. Colons and runs
 * of spaces are one space, so "TOTAL: RM" reads as "TOTAL RM". */
static char *
split_glued_total (const char *upper)
{
  GString *out = g_string_new (NULL);

  for (const char *p = upper; *p != '\0'; p++)
    {
      char c = *p == ':' ? ' ' : *p;

      if (c == ' ' && out->len > 0 && out->str[out->len - 1] == ' ')
        continue;
      g_string_append_c (out, c);
      if (p - upper >= 4 && strncmp (p - 4, "TOTAL", 5) == 0 && g_ascii_isalpha (p[1]))
        g_string_append_c (out, ' ');
    }
  return g_string_free (out, FALSE);
}

static const char *const inclusive_words[] = { "INCL", "INCLUSIVE", "INC", "INCLUDING", NULL };

/* A tax word after TOTAL but not right after it: "TOTAL SALES (INCLUSIVE
 * OF GST)" is the total, "TOTAL GST" the tax. */
static gboolean
total_names_tax_later (const char *upper, gssize total_at)
{
  gsize tax_at;
  const char *next;

  if (total_at < 0 || receipt_find_any (upper, tax_words, &tax_at) < 0 || (gssize) tax_at < total_at)
    return FALSE;
  next = upper + total_at + 5;
  while (*next == ' ' || *next == ':')
    next++;
  return next < upper + tax_at;
}

static LineKind
classify (const char *raw_upper)
{
  g_autofree char *upper = split_glued_total (raw_upper);
  gssize total_at = total_word_at (upper);
  gboolean total = total_at >= 0;

  if (receipt_find_any (upper, subtotal_words, NULL) >= 0)
    return LINE_SUBTOTAL;
  if (receipt_find_any (upper, other_total_words, NULL) >= 0)
    return LINE_OTHER_TOTAL;
  if (total && receipt_find_any (upper, rounded_words, NULL) >= 0)
    return LINE_STRONG_TOTAL;
  if (receipt_find_any (upper, rounding_words, NULL) >= 0 && receipt_find_any (upper, rounded_words, NULL) < 0)
    return LINE_ROUNDING;
  if (receipt_find_any (upper, strong_total_words, NULL) >= 0
      || (total && receipt_find_any (upper, inclusive_words, NULL) >= 0))
    return LINE_STRONG_TOTAL;
  if (receipt_find_any (upper, tax_words, NULL) >= 0 && !total_names_tax_later (upper, total_at))
    return LINE_TAX;
  if (receipt_find_any (upper, change_words, NULL) >= 0)
    return LINE_CHANGE;
  if (receipt_find_any (upper, tender_words, NULL) >= 0)
    return LINE_TENDER;
  return total ? LINE_TOTAL : LINE_OTHER;
}

typedef struct {
  const ReceiptLine *line;
  LineKind           kind;
  GArray            *amounts;   /* ReceiptAmount */
} Line;

/* A money amount for a keyword line: on the line itself, or alone on one
 * of the next lines (OCR reads a right-hand column as its own line). */
static const ReceiptAmount *
line_money (Line *lines, guint n, guint i, guint *out_line)
{
  for (guint j = i; j < MIN (n, i + 3); j++)
    {
      const ReceiptAmount *amount = receipt_last_money (lines[j].amounts);
      guint letters, digits;

      if (j > i)
        {
          receipt_count_chars (lines[j].line->text, &letters, &digits);
          if (lines[j].kind != LINE_OTHER || letters > 4)
            return NULL;
        }
      /* Whole shillings ("TOTAL 1,500") only on the keyword line itself. */
      if (amount == NULL && j == i && lines[j].amounts->len > 0)
        amount = &g_array_index (lines[j].amounts, ReceiptAmount, lines[j].amounts->len - 1);
      /* "( 47.70 )": brackets around a total, a tax or a payment are
       * decoration (none of them is ever negative). */
      if (amount != NULL && (!amount->negative || amount->bracketed) && !amount->percent)
        {
          *out_line = j;
          return amount;
        }
    }
  return NULL;
}

/* "TOTAL 64 13": the decimal point faded to a gap. The last two whole
 * numbers of a keyword line, one space apart, the second of exactly two
 * digits and last on the line, are one amount. */
static void
join_split_cents (const char *text, GArray *amounts)
{
  ReceiptAmount *a, *b;

  if (amounts->len < 2)
    return;
  a = &g_array_index (amounts, ReceiptAmount, amounts->len - 2);
  b = &g_array_index (amounts, ReceiptAmount, amounts->len - 1);
  if (a->has_decimals || b->has_decimals || a->percent || b->percent || b->start != a->end + 1
      || b->end - b->start != 2 || text[b->end + strspn (text + b->end, " |")] != '\0')
    return;
  a->value += b->value / 100;
  a->end = b->end;
  a->has_decimals = TRUE;
  g_array_set_size (amounts, amounts->len - 1);
}

typedef struct {
  gint64 value;
  guint  line;
  const ReceiptAmount *amount;
  int    score;
} Candidate;

typedef struct {
  gint64 subtotal, vat, cash, change, items, rounding;
  gboolean has_subtotal, has_vat, has_cash, has_change, has_items;
  guint cash_line, rounding_line;
  const ReceiptAmount *cash_amount;
  int vat_rate;   /* in percent; 0 when not printed */
  /* A net amount and its tax on one line of the tax lines or the tax
   * summary, the tax a whole percentage of the net to the cent: their sum
   * is the total (0 when none is printed). */
  gint64 net_plus_tax, net;
  guint net_tax_line;
  const ReceiptAmount *net_tax_amount;
  guint with_cents;   /* amounts printed with two decimals */
} Evidence;

/* Whether value is what the other figures on the receipt add up to. */
static gboolean
agrees (const Evidence *ev, gint64 value)
{
  /* A rounding line moves the total by a few cents either way. */
  gint64 before_rounding = value - ev->rounding;

  return (ev->has_subtotal && ev->has_vat
          && (ev->subtotal + ev->vat == value || ev->subtotal + ev->vat == before_rounding))
         || (ev->has_items && (ev->items == value || ev->items == before_rounding))
         || (ev->has_cash && ev->has_change && ev->cash - ev->change == value && ev->change > 0)
         || (ev->net_plus_tax > 0 && (ev->net_plus_tax == value || ev->net_plus_tax == before_rounding))
         || (ev->has_subtotal && !ev->has_vat && (ev->subtotal == value || ev->subtotal == before_rounding));
}

static void
add_item (const ReceiptText *rt, Line *lines, guint i, const ReceiptAmount *amount, DaftariReceiptFields *fields)
{
  DaftariReceiptItem *item = g_new0 (DaftariReceiptItem, 1);
  const ReceiptLine *line = lines[i].line;
  const ReceiptAmount *first = &g_array_index (lines[i].amounts, ReceiptAmount, 0);
  g_autofree char *description = g_strndup (line->text, first->start);
  guint letters, digits;

  item->boxes = g_array_new (FALSE, FALSE, sizeof (DaftariReceiptBox));
  receipt_count_chars (description, &letters, &digits);
  /* "2 X 19.00 19.00" under its description: the description is above. */
  if (letters < 2 && i > 0 && lines[i - 1].amounts->len == 0 && lines[i - 1].kind == LINE_OTHER)
    {
      g_free (description);
      description = g_strdup (lines[i - 1].line->text);
      receipt_line_boxes (rt, lines[i - 1].line, 0, strlen (description), item->boxes);
    }
  item->description = g_strstrip (g_steal_pointer (&description));
  item->amount = amount->value;
  item->confidence = receipt_line_span_confidence (rt, line, 0, amount->end);
  receipt_line_boxes (rt, line, 0, amount->end, item->boxes);
  g_ptr_array_add (fields->items, item);
}

/* Whether the line above line i is an item's description alone: words,
 * no amount. */
static gboolean
described_above (Line *lines, guint i)
{
  guint letters, digits;

  if (i == 0 || lines[i - 1].kind != LINE_OTHER || lines[i - 1].amounts->len > 0)
    return FALSE;
  receipt_count_chars (lines[i - 1].line->text, &letters, &digits);
  return letters >= 4;
}

/* Priced lines between the header and the first total. */
static void
collect_items (const ReceiptText *rt, Line *lines, guint n, Evidence *ev, DaftariReceiptFields *fields)
{
  guint start = 0;

  for (guint i = 0; i < n && i < n / 2; i++)
    {
      DaftariDay day;
      gsize s, e;
      gboolean certain;

      if (receipt_find_date (lines[i].line->upper, &day, &s, &e, &certain))
        {
          start = i + 1;
          break;
        }
    }
  for (guint i = start; i < n; i++)
    {
      const ReceiptAmount *amount = receipt_last_money (lines[i].amounts);
      guint letters, digits;

      if (lines[i].kind == LINE_TOTAL || lines[i].kind == LINE_STRONG_TOTAL || lines[i].kind == LINE_SUBTOTAL
          || lines[i].kind == LINE_TENDER || lines[i].kind == LINE_CHANGE)
        break;
      if (lines[i].kind != LINE_OTHER)
        continue;
      receipt_count_chars (lines[i].line->text, &letters, &digits);
      /* "9557546631393 5 2.08 10.38" under "DOUBLE SIDED TAPE": a code,
       * a quantity and prices, the description on the line above. */
      if (amount == NULL || amount->negative || (letters < 2 && !described_above (lines, i)))
        continue;
      add_item (rt, lines, i, amount, fields);
      ev->items += amount->value;
      ev->has_items = TRUE;
    }
  if (fields->items->len < 2)
    ev->has_items = FALSE;   /* one priced line proves nothing about the total */
}

static const char *const summary_words[] = { "SUMMARY", "ANALYSIS", NULL };

/* "GST SUMMARY", "VAT ANALYSIS": the table under the total that splits it
 * by tax rate; its "TOTAL" row holds the net amount and the tax. */
static gboolean
starts_tax_summary (const Line *line)
{
  return receipt_find_any (line->line->upper, summary_words, NULL) >= 0
         && receipt_find_any (line->line->upper, tax_words, NULL) >= 0;
}

/* "SR GST 6% 165.00 9.90", "TOTAL 28.00 1.68": the last two amounts of a
 * line, the second a whole percentage (1–30, the printed one if any) of
 * the first to the cent. Their sum, or 0. Such a pair rarely happens by
 * chance, so it checks the total even when the total line itself was
 * misread. */
static gint64
net_and_tax (const Line *line, gint64 *out_net)
{
  const ReceiptAmount *net, *tax;
  int printed = 0;

  for (guint k = 0; k < line->amounts->len; k++)
    if (g_array_index (line->amounts, ReceiptAmount, k).percent)
      printed = (int) (g_array_index (line->amounts, ReceiptAmount, k).value / 100);
  if (line->amounts->len < 2)
    return 0;
  net = &g_array_index (line->amounts, ReceiptAmount, line->amounts->len - 2);
  tax = &g_array_index (line->amounts, ReceiptAmount, line->amounts->len - 1);
  if (!net->has_decimals || !tax->has_decimals || net->percent || tax->percent || net->negative || tax->negative
      || tax->value <= 0 || tax->value >= net->value)
    return 0;
  for (int rate = 1; rate <= 30; rate++)
    if ((printed == 0 || printed == rate) && ABS (net->value * rate - tax->value * 100) <= 50)
      {
        *out_net = net->value;
        return net->value + tax->value;
      }
  return 0;
}

/* A row of the tax summary with a net amount and no tax ("ZR 0% 20.00
 * 0.00"): goods at another rate, left out of any other row's net + tax. */
static gboolean
zero_rated_row (const Line *line)
{
  const ReceiptAmount *net, *tax;

  if (line->amounts->len < 2 || line->kind == LINE_TOTAL || line->kind == LINE_STRONG_TOTAL)
    return FALSE;
  net = &g_array_index (line->amounts, ReceiptAmount, line->amounts->len - 2);
  tax = &g_array_index (line->amounts, ReceiptAmount, line->amounts->len - 1);
  return net->has_decimals && tax->has_decimals && !net->percent && net->value > 0 && tax->value == 0;
}

static void
gather_evidence (Line *lines, guint n, Evidence *ev)
{
  gboolean in_summary = FALSE, zero_rated = FALSE;
  gint64 net = 0, sum;

  for (guint i = 0; i < n; i++)
    {
      guint at;
      const ReceiptAmount *amount = line_money (lines, n, i, &at);
      const ReceiptAmount *adjustment = receipt_last_money (lines[i].amounts);
      LineKind kind = lines[i].kind;

      in_summary = in_summary || starts_tax_summary (&lines[i]);
      /* The largest pair: a summary can also list a service charge, which
       * is part of the net of the tax row below it. */
      sum = in_summary || kind == LINE_TAX ? net_and_tax (&lines[i], &net) : 0;
      if (sum > ev->net_plus_tax)
        {
          ev->net_plus_tax = sum;
          ev->net = net;
          ev->net_tax_line = i;
          ev->net_tax_amount = &g_array_index (lines[i].amounts, ReceiptAmount, lines[i].amounts->len - 1);
        }
      zero_rated = zero_rated || (in_summary && zero_rated_row (&lines[i]));
      /* Rounding is a few cents, often negative (line_money skips those). */
      if (kind == LINE_ROUNDING && adjustment != NULL && ev->rounding == 0 && adjustment->value < 10)
        {
          ev->rounding = adjustment->negative ? -adjustment->value : adjustment->value;
          ev->rounding_line = i;
        }
      if (amount == NULL)
        continue;
      if (kind == LINE_SUBTOTAL && !ev->has_subtotal)
        {
          ev->subtotal = amount->value;
          ev->has_subtotal = TRUE;
        }
      else if (kind == LINE_TENDER && receipt_find_any (lines[i].line->upper, cash_words, NULL) >= 0
               && !ev->has_cash)
        {
          ev->cash = amount->value;
          ev->has_cash = TRUE;
          ev->cash_line = at;
          ev->cash_amount = amount;
        }
      else if (kind == LINE_CHANGE && !ev->has_change)
        {
          ev->change = amount->value;
          ev->has_change = TRUE;
        }
    }
  /* With goods at two rates, one rate's net + tax is only part of the
   * total; the summary's TOTAL row (if read) still adds up to all of it. */
  if (zero_rated && ev->net_plus_tax > 0 && lines[ev->net_tax_line].kind != LINE_TOTAL
      && lines[ev->net_tax_line].kind != LINE_STRONG_TOTAL)
    ev->net_plus_tax = 0;
}

/* VAT: a tax line's amount that is not its rate. With the rate printed,
 * the total is checked against it (VAT-inclusive prices); a figure as large
 * as the total is dropped once the total is known. */
static void
extract_vat (const ReceiptText *rt, Line *lines, guint n, Evidence *ev, DaftariReceiptFields *fields)
{
  for (guint i = 0; i < n && !ev->has_vat; i++)
    {
      guint at;
      const ReceiptAmount *amount;
      g_autofree char *value = NULL;
      int rate = 0;

      if (lines[i].kind != LINE_TAX || (amount = line_money (lines, n, i, &at)) == NULL)
        continue;
      for (guint k = 0; k < lines[i].amounts->len; k++)
        if (g_array_index (lines[i].amounts, ReceiptAmount, k).percent)
          rate = (int) (g_array_index (lines[i].amounts, ReceiptAmount, k).value / 100);
      ev->vat = amount->value;
      ev->vat_rate = rate;
      ev->has_vat = TRUE;
      fields->vat = amount->value;
      value = daftari_receipt_format_amount (amount->value);
      receipt_field_set (&fields->field[DAFTARI_RECEIPT_VAT], value,
                         MIN (receipt_line_span_confidence (rt, lines[at].line, amount->start, amount->end), 85),
                         rt, lines[at].line, amount->start, amount->end);
    }
}

static gboolean
vat_rate_agrees (const Evidence *ev, gint64 total)
{
  gint64 expected;

  if (!ev->has_vat || ev->vat_rate <= 0 || ev->vat_rate >= 100)
    return FALSE;
  expected = (total * ev->vat_rate + (100 + ev->vat_rate) / 2) / (100 + ev->vat_rate);
  return ABS (expected - ev->vat) <= 1;
}

/* Other readings of a total that OCR damaged, kept only when the rest of
 * the receipt confirms them: a separator lost ("6142" for 61.42) or a
 * currency sign read as a digit in front ("527.55" for $27.55). */
static void
add_damaged_readings (GArray *candidates, const Evidence *ev, const Candidate *c)
{
  gint64 readings[2] = { -1, -1 };
  gint64 place = 1;

  if (!c->amount->has_decimals && c->value % 100 == 0)
    readings[0] = c->value / 100;
  while (place * 10 <= c->value)
    place *= 10;
  if (place >= 100)
    readings[1] = c->value % place;
  for (guint k = 0; k < G_N_ELEMENTS (readings); k++)
    if (readings[k] > 0 && agrees (ev, readings[k]))
      {
        Candidate other = *c;

        other.value = readings[k];
        /* Below the same line read as printed when that agrees too. */
        other.score += 14;
        g_array_append_val (candidates, other);
      }
}

/* "6142" on a total line of a receipt that prints cents everywhere else is
 * 61.42 with its decimal point lost: thermal print fades dots first. */
static gboolean
lost_separator (const char *text, const ReceiptAmount *amount, const Evidence *ev)
{
  if (amount->has_decimals || ev->with_cents < 3 || amount->end - amount->start < 3)
    return FALSE;
  for (gsize i = amount->start; i < amount->end; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* Below this mean word confidence, Tesseract was guessing; below the
 * second, a figure is open to doubt when nothing else confirms it. */
#define UNSURE_CONFIDENCE   40
#define DOUBTFUL_CONFIDENCE 60

static GArray *
total_candidates (const ReceiptText *rt, Line *lines, guint n, const Evidence *ev)
{
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  gboolean in_summary = FALSE;

  for (guint i = 0; i < n; i++)
    {
      Candidate c = { 0 };
      guint at;

      /* Once a total was seen, a plain TOTAL row of the tax summary is not
       * the receipt's total. */
      in_summary = in_summary || (candidates->len > 0 && starts_tax_summary (&lines[i]));
      if (lines[i].kind != LINE_TOTAL && lines[i].kind != LINE_STRONG_TOTAL)
        continue;
      if (in_summary && lines[i].kind == LINE_TOTAL)
        continue;
      if ((c.amount = line_money (lines, n, i, &at)) == NULL)
        continue;
      c.value = c.amount->value;
      c.line = at;
      if (lost_separator (lines[at].line->text, c.amount, ev))
        c.value /= 100;
      /* Receipts print totals with cents: a whole number on a total line is
       * more often a rate or a count ("6% INCLUDED IN TOTAL"). */
      c.score = (lines[i].kind == LINE_STRONG_TOTAL ? 30 : 20) + (c.amount->has_decimals ? 5 : 0);
      /* Tesseract's own doubt: a figure it barely made out loses to a clear one. */
      if (receipt_line_span_confidence (rt, lines[at].line, c.amount->start, c.amount->end) < UNSURE_CONFIDENCE)
        c.score -= 8;
      add_damaged_readings (candidates, ev, &c);
      c.score += agrees (ev, c.value) ? 15 : 0;
      g_array_append_val (candidates, c);
    }
  return candidates;
}

/* "TOTAL 23.26", "ROUNDING ADJ -0.01", "TOTAL 23.25": a total after the
 * rounding line that is an earlier total plus the rounding is the total
 * once rounded, confirmed by both. */
static void
confirm_rounded (GArray *candidates, const Evidence *ev)
{
  if (ev->rounding == 0)
    return;
  for (guint i = 0; i < candidates->len; i++)
    for (guint k = 0; k < candidates->len; k++)
      {
        Candidate *after = &g_array_index (candidates, Candidate, i);
        const Candidate *before = &g_array_index (candidates, Candidate, k);

        if (before->line < ev->rounding_line && after->line > ev->rounding_line
            && before->value + ev->rounding == after->value)
          {
            after->score += 15;
            break;
          }
      }
}

/* What was paid: the cash handed over less the change, when both are
 * printed and change was given. */
static gboolean
cash_total (const Evidence *ev, Candidate *out)
{
  if (!ev->has_cash || !ev->has_change || ev->change <= 0 || ev->cash <= ev->change)
    return FALSE;
  *out = (Candidate) { ev->cash - ev->change, ev->cash_line, ev->cash_amount, 10 };
  return TRUE;
}

/* The net amount and tax of the tax summary (net_and_tax) added up. */
static gboolean
summary_total (const Evidence *ev, Candidate *out)
{
  if (ev->net_plus_tax <= 0)
    return FALSE;
  *out = (Candidate) { ev->net_plus_tax, ev->net_tax_line, ev->net_tax_amount, 10 };
  return TRUE;
}

/* Without a total line: what the cash paid less the change says, else the
 * tax summary's net plus tax, else the largest amount that is not a
 * payment. */
static gboolean
fallback_total (Line *lines, guint n, const Evidence *ev, Candidate *out)
{
  if (cash_total (ev, out) || summary_total (ev, out))
    return TRUE;
  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < lines[i].amounts->len; k++)
      {
        const ReceiptAmount *amount = &g_array_index (lines[i].amounts, ReceiptAmount, k);

        if (!amount->has_decimals || amount->percent || amount->negative
            || lines[i].kind == LINE_TENDER || lines[i].kind == LINE_CHANGE || lines[i].kind == LINE_TAX)
          continue;
        if (out->amount == NULL || amount->value > out->value
            || (agrees (ev, amount->value) && out->score < 10))
          *out = (Candidate) { amount->value, i, amount, agrees (ev, amount->value) ? 10 : 0 };
      }
  return out->amount != NULL;
}

/* Whether value is printed as an amount somewhere other than line skip. */
static gboolean
printed_elsewhere (Line *lines, guint n, guint skip, gint64 value)
{
  for (guint i = 0; i < n; i++)
    for (guint k = 0; i != skip && k < lines[i].amounts->len; k++)
      {
        const ReceiptAmount *amount = &g_array_index (lines[i].amounts, ReceiptAmount, k);

        if (amount->has_decimals && !amount->percent && amount->value == value)
          return TRUE;
      }
  return FALSE;
}

/* For a total line's amount that nothing confirms and Tesseract was unsure
 * of, on a receipt whose cash less change is printed as an amount elsewhere
 * (an item, a payment): the total line was misread, and what was paid is
 * the total. */
static gboolean
paid_total (Line *lines, guint n, const Evidence *ev, Candidate *out)
{
  Candidate paid;

  if (!cash_total (ev, &paid) || !printed_elsewhere (lines, n, ev->cash_line, paid.value))
    return FALSE;
  *out = paid;
  return TRUE;
}

/* Whether the tax summary's net is what the line items or the subtotal
 * add up to: then net + tax is the total by two separate readings. */
static gboolean
net_tax_confirmed (const Evidence *ev)
{
  return ev->net_plus_tax > 0
         && ((ev->has_items && ev->items == ev->net) || (ev->has_subtotal && ev->subtotal == ev->net));
}

/* "TOTAL 65.53" then "ROUNDING ADJ 0.02": the rounded total, 65.55, is what
 * is paid, when a payment line says so. */
static void
apply_rounding (Line *lines, guint n, const Evidence *ev, Candidate *best)
{
  gint64 rounded = best->value + ev->rounding;

  if (ev->rounding == 0 || ev->rounding_line <= best->line)
    return;
  for (guint i = ev->rounding_line + 1; i < n; i++)
    {
      const ReceiptAmount *amount = receipt_last_money (lines[i].amounts);

      if (lines[i].kind == LINE_TOTAL || lines[i].kind == LINE_STRONG_TOTAL)
        return;   /* the rounded total is printed: it is a candidate of its own */
      if (lines[i].kind == LINE_TENDER && amount != NULL && amount->value == rounded)
        {
          best->value = rounded;
          return;
        }
    }
}

static void
set_total (const ReceiptText *rt, Line *lines, const Candidate *best, gboolean checked, int ceiling,
           DaftariReceiptFields *fields)
{
  g_autofree char *value = daftari_receipt_format_amount (best->value);
  const ReceiptLine *line = lines[best->line].line;

  fields->total = best->value;
  fields->total_checked = checked;
  receipt_field_set (&fields->field[DAFTARI_RECEIPT_TOTAL], value,
                     MIN (receipt_line_span_confidence (rt, line, best->amount->start, best->amount->end),
                          ceiling + (checked ? 10 : 0)),
                     rt, line, best->amount->start, best->amount->end);
}

void
receipt_extract_money (const ReceiptText *rt, DaftariReceiptFields *fields)
{
  guint n = rt->lines->len;
  g_autofree Line *lines = g_new0 (Line, MAX (n, 1));
  g_autoptr(GArray) candidates = NULL;
  Evidence ev = { 0 };
  Candidate best = { 0 };
  gboolean unconfirmed, doubtful;

  for (guint i = 0; i < n; i++)
    {
      lines[i].line = receipt_text_line (rt, i);
      lines[i].kind = classify (lines[i].line->upper);
      lines[i].amounts = receipt_line_amounts (lines[i].line);
    }
  /* Two digits can never be a group of thousands, so this is safe even
   * on a receipt without any cents printed clearly. */
  for (guint i = 0; i < n; i++)
    {
      if (lines[i].kind != LINE_OTHER && lines[i].kind != LINE_OTHER_TOTAL)
        join_split_cents (lines[i].line->text, lines[i].amounts);
      for (guint k = 0; k < lines[i].amounts->len; k++)
        ev.with_cents += g_array_index (lines[i].amounts, ReceiptAmount, k).has_decimals;
    }
  collect_items (rt, lines, n, &ev, fields);
  gather_evidence (lines, n, &ev);
  extract_vat (rt, lines, n, &ev, fields);
  candidates = total_candidates (rt, lines, n, &ev);
  confirm_rounded (candidates, &ev);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);

      c->score += vat_rate_agrees (&ev, c->value) ? 10 : 0;
      /* Equal evidence: the larger amount, since the other totals a receipt
       * prints (before discount aside) are parts of it. */
      if (best.amount == NULL || c->score > best.score || (c->score == best.score && c->value > best.value))
        best = *c;
    }
  unconfirmed = best.amount != NULL && !agrees (&ev, best.value) && !vat_rate_agrees (&ev, best.value);
  doubtful = unconfirmed
             && receipt_line_span_confidence (rt, lines[best.line].line, best.amount->start, best.amount->end)
                < DOUBTFUL_CONFIDENCE;
  /* The total line was misread: nothing confirms its figure, and a tax
   * summary whose net the items (or the subtotal) confirm says otherwise;
   * or Tesseract was unsure of it, and what was paid or the summary is
   * there instead. */
  if ((unconfirmed && net_tax_confirmed (&ev) && summary_total (&ev, &best))
      || (doubtful && (paid_total (lines, n, &ev, &best) || summary_total (&ev, &best))))
    set_total (rt, lines, &best, TRUE, 70, fields);
  else if (best.amount != NULL)
    {
      apply_rounding (lines, n, &ev, &best);
      set_total (rt, lines, &best, agrees (&ev, best.value) || vat_rate_agrees (&ev, best.value), 80, fields);
    }
  else if (fallback_total (lines, n, &ev, &best))
    set_total (rt, lines, &best, agrees (&ev, best.value), 40, fields);
  if (ev.has_vat && fields->field[DAFTARI_RECEIPT_TOTAL].value != NULL && ev.vat >= fields->total)
    {
      /* A "VAT" figure as large as the total was something else. */
      g_clear_pointer (&fields->field[DAFTARI_RECEIPT_VAT].value, g_free);
      g_array_set_size (fields->field[DAFTARI_RECEIPT_VAT].boxes, 0);
      fields->vat = 0;
    }
  for (guint i = 0; i < n; i++)
    g_array_unref (lines[i].amounts);
}
