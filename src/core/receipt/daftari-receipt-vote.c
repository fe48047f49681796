/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The date by a vote of several readings of its line, digit by digit. */
#include "daftari-receipt-lines.h"

#include <string.h>

/* At least this many different readings of the date's digits (the same
 * number of them) before any is outvoted. */
#define VOTE_MIN_READINGS 3
/* Bounds the search over the digits the readings disagree on. */
#define VOTE_MAX_COMBINATIONS 4096
/* Dates have at most this many digits ("2018-03-27 14:22" is cut at the
 * date by the span). */
#define VOTE_MAX_DIGITS 12

typedef struct {
  char digits[VOTE_MAX_DIGITS + 1];
  int  weight;
} DigitReading;

/* The word with exactly this box in the first of the readings that has one. */
static const DaftariReceiptWord *
find_word (GArray *const *readings, guint n_readings, const DaftariReceiptBox *box)
{
  const DaftariReceiptWord *w = NULL;

  for (guint r = 0; r < n_readings && w == NULL; r++)
    w = receipt_word_at (readings[r], box);
  return w;
}

static void
box_union (DaftariReceiptBox *into, const DaftariReceiptBox *box, gboolean first)
{
  int x1, y1;

  if (first)
    {
      *into = *box;
      return;
    }
  x1 = MAX (into->x + into->width, box->x + box->width);
  y1 = MAX (into->y + into->height, box->y + box->height);
  into->x = MIN (into->x, box->x);
  into->y = MIN (into->y, box->y);
  into->width = x1 - into->x;
  into->height = y1 - into->y;
}

/* Where the date is (the union of its words' boxes) and its text as read
 * (its words, lookalikes repaired); without a date, the first word of the
 * readings that may be a damaged one. */
static gboolean
date_base (const DaftariReceiptFields *fields, GArray *const *readings, guint n_readings, DaftariReceiptBox *ref,
           GString *text, GArray *boxes)
{
  const DaftariReceiptField *date = &fields->field[DAFTARI_RECEIPT_DATE];

  if (date->value != NULL)
    {
      for (guint b = 0; date->boxes != NULL && b < date->boxes->len; b++)
        {
          const DaftariReceiptBox *box = &g_array_index (date->boxes, DaftariReceiptBox, b);
          const DaftariReceiptWord *w = find_word (readings, n_readings, box);
          g_autofree char *repaired = NULL;

          if (w == NULL)
            return FALSE;
          repaired = receipt_repair_numeric (w->text);
          g_string_append_printf (text, "%s%s", b > 0 ? " " : "", repaired != NULL ? repaired : w->text);
          box_union (ref, box, b == 0);
          g_array_append_val (boxes, *box);
        }
      return boxes->len > 0;
    }
  for (guint r = 0; r < n_readings; r++)
    for (guint i = 0; readings[r] != NULL && i < readings[r]->len; i++)
      {
        const DaftariReceiptWord *w = &g_array_index (readings[r], DaftariReceiptWord, i);

        if (receipt_damaged_date (w->text))
          {
            g_string_append (text, w->text);
            *ref = w->box;
            g_array_append_val (boxes, w->box);
            return TRUE;
          }
      }
  return FALSE;
}

static int
compare_x (gconstpointer a, gconstpointer b)
{
  const DaftariReceiptWord *x = *(const DaftariReceiptWord *const *) a, *y = *(const DaftariReceiptWord *const *) b;

  return (x->box.x > y->box.x) - (x->box.x < y->box.x);
}

/* The reading's words whose middle lies in the reference's line and that
 * overlap it across, left to right (borrowed from words). */
static GPtrArray *
words_in_span (GArray *words, const DaftariReceiptBox *ref)
{
  GPtrArray *span = g_ptr_array_new ();

  for (guint i = 0; words != NULL && i < words->len; i++)
    {
      const DaftariReceiptWord *w = &g_array_index (words, DaftariReceiptWord, i);
      int middle = w->box.y + w->box.height / 2;

      if (middle >= ref->y && middle <= ref->y + ref->height && w->box.x < ref->x + ref->width
          && w->box.x + w->box.width > ref->x)
        g_ptr_array_add (span, (gpointer) w);
    }
  g_ptr_array_sort (span, compare_x);
  return span;
}

/* One reading's digits in the date's place: its words whose middle is on
 * the date's line and that overlap the date across, left to right,
 * lookalikes repaired; the weight is Tesseract's mean confidence in those
 * with digits. key says which words they were, to skip a reading that
 * only carries another's words over (a page whose date line was not read
 * again): their text, box and confidence. Two real readings at the same
 * size can agree on a word's text and box to the pixel (boxes map back
 * exactly), but seldom on Tesseract's confidence too. FALSE when no digit
 * is there or too many. */
static gboolean
reading_digits (GArray *words, const DaftariReceiptBox *ref, DigitReading *out, GString *key)
{
  g_autoptr(GPtrArray) span = words_in_span (words, ref);
  gsize n = 0;
  int sum = 0, counted = 0;

  for (guint i = 0; i < span->len; i++)
    {
      const DaftariReceiptWord *w = g_ptr_array_index (span, i);
      g_autofree char *repaired = receipt_repair_numeric (w->text);
      const char *text = repaired != NULL ? repaired : w->text;
      gsize before = n;

      g_string_append_printf (key, "%s@%d,%d,%d,%d:%d;", w->text, w->box.x, w->box.y, w->box.width, w->box.height,
                              w->confidence);
      for (const char *p = text; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          {
            if (n == VOTE_MAX_DIGITS)
              return FALSE;
            out->digits[n++] = *p;
          }
      if (n > before)
        {
          sum += w->confidence;
          counted++;
        }
    }
  out->digits[n] = '\0';
  /* Plus one: a reading Tesseract was not sure of at all still counts. */
  out->weight = (counted > 0 ? sum / counted : 0) + 1;
  return n > 0;
}

/* The text with its digits replaced, in order, by those of digits. */
static char *
with_digits (const char *text, const char *digits)
{
  char *out = g_strdup (text);

  for (char *p = out; *p != '\0' && *digits != '\0'; p++)
    if (g_ascii_isdigit (*p))
      *p = *digits++;
  return out;
}

/* Per position of the base's digits, the digits the votes read there and
 * their summed weight, the base's digit first so that it wins ties. */
typedef struct {
  char  options[VOTE_MAX_DIGITS][10];
  int   weights[VOTE_MAX_DIGITS][10];
  int   n_options[VOTE_MAX_DIGITS];
  guint combinations;  /* ways to pick one option per position */
  int   max_weight;    /* of a single vote */
} DigitTally;

/* FALSE when there are more than max_combinations ways to combine them. */
static gboolean
tally_digits (const char *base, gsize len, GArray *votes, guint max_combinations, DigitTally *t)
{
  t->combinations = 1;
  t->max_weight = 0;
  for (gsize i = 0; i < len; i++)
    {
      t->n_options[i] = 1;
      t->options[i][0] = base[i];
      t->weights[i][0] = 0;
      for (guint r = 0; r < votes->len; r++)
        {
          const DigitReading *v = &g_array_index (votes, DigitReading, r);
          int o = 0;

          while (o < t->n_options[i] && t->options[i][o] != v->digits[i])
            o++;
          if (o == t->n_options[i])
            {
              t->options[i][o] = v->digits[i];
              t->weights[i][o] = 0;
              t->n_options[i]++;
            }
          t->weights[i][o] += v->weight;
        }
      t->combinations *= t->n_options[i];
      if (t->combinations > max_combinations)
        return FALSE;
    }
  for (guint r = 0; r < votes->len; r++)
    t->max_weight = MAX (t->max_weight, g_array_index (votes, DigitReading, r).weight);
  return TRUE;
}

gboolean
daftari_receipt_fields_vote_date (DaftariReceiptFields *fields, GArray *const *readings, guint n_readings)
{
  DaftariReceiptField *date;
  g_autoptr(GString) base = g_string_new (NULL);
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (DaftariReceiptBox));
  g_autoptr(GArray) votes = g_array_new (FALSE, TRUE, sizeof (DigitReading));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  DaftariReceiptBox ref = { 0 };
  char base_digits[VOTE_MAX_DIGITS + 1];
  DigitTally t;
  int pick[VOTE_MAX_DIGITS] = { 0 };
  gsize len = 0;
  int best_score = -1;
  char best[VOTE_MAX_DIGITS + 1] = "";
  DaftariDay best_day = 0;
  g_autofree char *value = NULL;

  g_return_val_if_fail (fields != NULL, FALSE);
  date = &fields->field[DAFTARI_RECEIPT_DATE];
  if (!date_base (fields, readings, n_readings, &ref, base, boxes))
    return FALSE;
  for (const char *p = base->str; *p != '\0' && len <= VOTE_MAX_DIGITS; p++)
    if (g_ascii_isdigit (*p))
      len++;
  if (len < 6 || len > VOTE_MAX_DIGITS)
    return FALSE;
  len = 0;
  for (const char *p = base->str; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      base_digits[len++] = *p;
  base_digits[len] = '\0';
  /* Each reading once; only those with as many digits as the base. */
  for (guint r = 0; r < n_readings; r++)
    {
      DigitReading reading;
      GString *key = g_string_new (NULL);

      if (!reading_digits (readings[r], &ref, &reading, key) || strlen (reading.digits) != len
          || g_hash_table_contains (seen, key->str))
        {
          g_string_free (key, TRUE);
          continue;
        }
      g_hash_table_add (seen, g_string_free (key, FALSE));
      g_array_append_val (votes, reading);
    }
  if (votes->len < VOTE_MIN_READINGS)
    return FALSE;
  if (!tally_digits (base_digits, len, votes, VOTE_MAX_COMBINATIONS, &t))
    return FALSE;
  /* Every combination of the digits read: the valid date the readings
   * support most. */
  for (guint c = 0; c < t.combinations; c++)
    {
      char digits[VOTE_MAX_DIGITS + 1];
      int score = 0;
      g_autofree char *text = NULL;
      DaftariDay day;

      for (gsize i = 0, rest = c; i < len; i++)
        {
          pick[i] = rest % t.n_options[i];
          rest /= t.n_options[i];
          digits[i] = t.options[i][pick[i]];
          score += t.weights[i][pick[i]];
        }
      digits[len] = '\0';
      if (score <= best_score)
        continue;
      text = with_digits (base->str, digits);
      if (!daftari_receipt_parse_date (text, &day))
        continue;
      best_score = score;
      best_day = day;
      memcpy (best, digits, len + 1);
    }
  if (best_score < 0 || g_str_equal (best, base_digits) || (date->value != NULL && best_day == fields->date))
    return FALSE;
  value = daftari_day_format (best_day);
  g_free (date->value);
  date->value = g_steal_pointer (&value);
  /* The readings disagreed: still one to look at. */
  date->confidence = CLAMP (t.max_weight - 1, 0, DAFTARI_RECEIPT_CONFIDENT - 1);
  g_array_set_size (date->boxes, 0);
  g_array_append_vals (date->boxes, boxes->data, boxes->len);
  fields->date = best_day;
  return TRUE;
}

/* The total by the same kind of vote (docs/receipts.md). Its digits are
 * put back into the words they were read from, and the receipt read
 * again with them, so that each voted amount is also checked against the
 * other figures (subtotal and tax, items, cash less change): an amount
 * they confirm wins over one they do not, however the digits voted.
 * Taking a re-reading's total because that reading's own figures confirm
 * it (all of its words, not only the total's digits) lost a right total on
 * the held-out receipts: a misread line can agree with a misread subtotal. */

/* Readings of the total's digits before a vote decides on its own. */
#define TOTAL_VOTE_MIN_READINGS 3
/* The amounts tried (each is one extraction of the receipt). */
#define TOTAL_VOTE_MAX_COMBINATIONS 64

/* A reading's words with digits in the reference's place, left to right,
 * lookalikes repaired, run together: the amount as that reading spelled it. */
static void
span_text (GArray *words, const DaftariReceiptBox *ref, GString *text)
{
  g_autoptr(GPtrArray) span = words_in_span (words, ref);

  for (guint i = 0; i < span->len; i++)
    {
      const DaftariReceiptWord *w = g_ptr_array_index (span, i);
      g_autofree char *repaired = receipt_repair_numeric (w->text);
      const char *t = repaired != NULL ? repaired : w->text;

      for (const char *p = t; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          {
            g_string_append (text, t);
            break;
          }
    }
}

/* The total's words (boxes in the total field's order) found in one of
 * the readings; which one in *out_reading. */
static gboolean
total_base (const DaftariReceiptField *total, GArray *const *readings, guint n_readings, DaftariReceiptBox *ref,
            GString *digits, guint *out_reading)
{
  for (guint r = 0; r < n_readings; r++)
    {
      gboolean all = readings[r] != NULL && total->boxes != NULL && total->boxes->len > 0;

      for (guint b = 0; all && b < total->boxes->len; b++)
        all = receipt_word_at (readings[r], &g_array_index (total->boxes, DaftariReceiptBox, b)) != NULL;
      if (!all)
        continue;
      for (guint b = 0; b < total->boxes->len; b++)
        {
          const DaftariReceiptBox *box = &g_array_index (total->boxes, DaftariReceiptBox, b);
          const DaftariReceiptWord *w = receipt_word_at (readings[r], box);
          g_autofree char *repaired = receipt_repair_numeric (w->text);

          for (const char *p = repaired != NULL ? repaired : w->text; *p != '\0'; p++)
            if (g_ascii_isdigit (*p))
              g_string_append_c (digits, *p);
          box_union (ref, box, b == 0);
        }
      *out_reading = r;
      return digits->len > 0 && digits->len <= VOTE_MAX_DIGITS;
    }
  return FALSE;
}

/* The fields of the reading with the total's words spelled with these
 * digits (in order, lookalikes repaired first). */
static DaftariReceiptFields *
extract_with_digits (GArray *reading, const DaftariReceiptField *total, const char *spelling, const char *digits)
{
  g_autofree DaftariReceiptWord *words = g_memdup2 (reading->data, reading->len * sizeof (DaftariReceiptWord));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint n = reading->len;

  for (guint b = 0; b < total->boxes->len; b++)
    {
      const DaftariReceiptBox *box = &g_array_index (total->boxes, DaftariReceiptBox, b);

      for (guint i = 0; i < n; i++)
        if (daftari_receipt_box_equal (&words[i].box, box))
          {
            g_autofree char *repaired = receipt_repair_numeric (words[i].text);
            char *text;

            /* Spelled as another reading did: in the first word, the
             * others dropped. */
            if (spelling != NULL && b > 0)
              {
                memmove (&words[i], &words[i + 1], (n - i - 1) * sizeof (DaftariReceiptWord));
                n--;
                break;
              }
            text = g_strdup (spelling != NULL ? spelling : repaired != NULL ? repaired : words[i].text);

            for (char *p = text; *p != '\0' && *digits != '\0'; p++)
              if (g_ascii_isdigit (*p))
                *p = *digits++;
            g_ptr_array_add (texts, text);
            words[i].text = text;
            break;
          }
    }
  return daftari_receipt_extract (words, n);
}

/* The amount read from the same words (the first of them, when another
 * reading's spelling replaced them). */
static gboolean
same_place (const DaftariReceiptField *a, const DaftariReceiptField *b)
{
  return a->boxes != NULL && b->boxes != NULL && a->boxes->len > 0 && b->boxes->len > 0
         && daftari_receipt_box_equal (&g_array_index (a->boxes, DaftariReceiptBox, 0),
                                       &g_array_index (b->boxes, DaftariReceiptBox, 0));
}

static void
take_total (DaftariReceiptFields *fields, DaftariReceiptFields *from, int confidence)
{
  DaftariReceiptField *to = &fields->field[DAFTARI_RECEIPT_TOTAL], *f = &from->field[DAFTARI_RECEIPT_TOTAL];

  g_free (to->value);
  to->value = g_strdup (f->value);
  to->confidence = confidence;
  g_array_set_size (to->boxes, 0);
  g_array_append_vals (to->boxes, f->boxes->data, f->boxes->len);
  fields->total = from->total;
  fields->total_checked = from->total_checked;
}

gboolean
daftari_receipt_fields_vote_total (DaftariReceiptFields *fields, GArray *const *readings, guint n_readings)
{
  DaftariReceiptField *total;
  g_autoptr(GString) base = g_string_new (NULL);
  g_autoptr(GArray) votes = g_array_new (FALSE, TRUE, sizeof (DigitReading));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(DaftariReceiptFields) best_fields = NULL;
  DaftariReceiptBox ref = { 0 };
  DigitTally t;
  guint base_reading = 0;
  int best_score = -1;
  gboolean best_checked = FALSE, may_outvote, respelled;
  g_autoptr(GArray) all = g_array_new (FALSE, TRUE, sizeof (DigitReading));
  g_autoptr(GPtrArray) from = g_ptr_array_new ();
  g_autoptr(GString) spelling = g_string_new (NULL);
  guint n_of_length[VOTE_MAX_DIGITS + 1] = { 0 };
  int weight_of_length[VOTE_MAX_DIGITS + 1] = { 0 }, surest = -1;
  gsize length;

  g_return_val_if_fail (fields != NULL, FALSE);
  total = &fields->field[DAFTARI_RECEIPT_TOTAL];
  /* A total Tesseract read clearly is not outvoted without confirmation:
   * the second model misreads some print the same way at every size, so
   * its readings are not independent votes (docs/receipts.md). */
  may_outvote = total->confidence < DAFTARI_RECEIPT_CONFIDENT;
  if (total->value != NULL && fields->total_checked)
    return FALSE;
  if (total->value == NULL || !total_base (total, readings, n_readings, &ref, base, &base_reading))
    return FALSE;
  length = base->len;
  for (guint r = 0; r < n_readings; r++)
    {
      DigitReading reading;
      GString *key = g_string_new (NULL);

      if (!reading_digits (readings[r], &ref, &reading, key) || g_hash_table_contains (seen, key->str))
        {
          g_string_free (key, TRUE);
          continue;
        }
      g_hash_table_add (seen, g_string_free (key, FALSE));
      g_array_append_val (all, reading);
      g_ptr_array_add (from, readings[r]);
      n_of_length[strlen (reading.digits)]++;
      weight_of_length[strlen (reading.digits)] += reading.weight;
    }
  /* The page's reading has a digit more or fewer than at least three
   * others that agree on their number and outweigh those like it: it is
   * the odd one out ("189.748" against three of "189.75"). The vote is
   * then between those, spelled like the surest of them, and may replace
   * even a total Tesseract was sure of. */
  for (gsize l = 1; l <= VOTE_MAX_DIGITS; l++)
    if (l != base->len && n_of_length[l] >= TOTAL_VOTE_MIN_READINGS && weight_of_length[l] > weight_of_length[base->len]
        && (length == base->len || weight_of_length[l] > weight_of_length[length]))
      length = l;
  respelled = length != base->len;
  for (guint r = 0; r < all->len; r++)
    {
      const DigitReading *v = &g_array_index (all, DigitReading, r);

      if (strlen (v->digits) != length)
        continue;
      g_array_append_val (votes, *v);
      if (respelled && v->weight > surest)
        {
          surest = v->weight;
          g_string_assign (base, v->digits);
          g_string_set_size (spelling, 0);
          span_text (g_ptr_array_index (from, r), &ref, spelling);
        }
    }
  may_outvote = may_outvote || respelled;
  if (votes->len < 2)
    return FALSE;
  if (!tally_digits (base->str, base->len, votes, TOTAL_VOTE_MAX_COMBINATIONS, &t))
    return FALSE;
  /* Every combination: a confirmed amount first, then the one the
   * readings support most; the base's digits (combination 0) win ties.
   * Unconfirmed, a vote needs enough readings to outvote the base. */
  for (guint c = 0; c < t.combinations; c++)
    {
      char digits[VOTE_MAX_DIGITS + 1];
      int score = 0;
      DaftariReceiptFields *f;
      gboolean checked;

      for (gsize i = 0, rest = c; i < base->len; i++)
        {
          int pick = rest % t.n_options[i];

          rest /= t.n_options[i];
          digits[i] = t.options[i][pick];
          score += t.weights[i][pick];
        }
      digits[base->len] = '\0';
      if (best_checked && score <= best_score)
        continue;
      f = extract_with_digits (readings[base_reading], total, respelled ? spelling->str : NULL, digits);
      checked = f->field[DAFTARI_RECEIPT_TOTAL].value != NULL && f->total_checked
                && same_place (&f->field[DAFTARI_RECEIPT_TOTAL], total);
      if (f->field[DAFTARI_RECEIPT_TOTAL].value == NULL || !same_place (&f->field[DAFTARI_RECEIPT_TOTAL], total)
          || (!checked && (best_checked || score <= best_score
                           || ((c > 0 || respelled) && (votes->len < TOTAL_VOTE_MIN_READINGS || !may_outvote)))))
        {
          daftari_receipt_fields_free (f);
          continue;
        }
      g_clear_pointer (&best_fields, daftari_receipt_fields_free);
      best_fields = f;
      best_score = score;
      best_checked = checked;
    }
  if (best_fields == NULL || (best_fields->total == fields->total && best_checked == fields->total_checked))
    return FALSE;
  /* Confirmed, the vote stands as the extractor rated it; otherwise the
   * readings disagreed and it is one to look at. */
  take_total (fields, best_fields,
              best_checked ? best_fields->field[DAFTARI_RECEIPT_TOTAL].confidence
                           : CLAMP (t.max_weight - 1, 0, DAFTARI_RECEIPT_CONFIDENT - 1));
  return TRUE;
}
