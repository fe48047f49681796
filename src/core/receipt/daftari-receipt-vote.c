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

/* One reading's digits in the date's place: its words whose middle is on
 * the date's line and that overlap the date across, left to right,
 * lookalikes repaired; the weight is Tesseract's mean confidence in those
 * with digits. key says which words they were, to skip a reading that
 * only carries another's words over (a page whose date line was not read
 * again). FALSE when no digit is there or too many. */
static gboolean
reading_digits (GArray *words, const DaftariReceiptBox *ref, DigitReading *out, GString *key)
{
  g_autoptr(GPtrArray) span = g_ptr_array_new ();
  gsize n = 0;
  int sum = 0, counted = 0;

  for (guint i = 0; words != NULL && i < words->len; i++)
    {
      const DaftariReceiptWord *w = &g_array_index (words, DaftariReceiptWord, i);
      int middle = w->box.y + w->box.height / 2;

      if (middle >= ref->y && middle <= ref->y + ref->height && w->box.x < ref->x + ref->width
          && w->box.x + w->box.width > ref->x)
        g_ptr_array_add (span, (gpointer) w);
    }
  g_ptr_array_sort (span, compare_x);
  for (guint i = 0; i < span->len; i++)
    {
      const DaftariReceiptWord *w = g_ptr_array_index (span, i);
      g_autofree char *repaired = receipt_repair_numeric (w->text);
      const char *text = repaired != NULL ? repaired : w->text;
      gsize before = n;

      g_string_append_printf (key, "%s@%d,%d,%d,%d;", w->text, w->box.x, w->box.y, w->box.width, w->box.height);
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
  /* Per position, the digits read there and their summed weight; the
   * base's digit first so that it wins ties. */
  char options[VOTE_MAX_DIGITS][10];
  int weights[VOTE_MAX_DIGITS][10];
  int n_options[VOTE_MAX_DIGITS];
  int pick[VOTE_MAX_DIGITS] = { 0 };
  gsize len = 0;
  guint combinations = 1;
  int best_score = -1, max_weight = 0;
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
  for (gsize i = 0; i < len; i++)
    {
      n_options[i] = 1;
      options[i][0] = base_digits[i];
      weights[i][0] = 0;
      for (guint r = 0; r < votes->len; r++)
        {
          const DigitReading *v = &g_array_index (votes, DigitReading, r);
          int o = 0;

          while (o < n_options[i] && options[i][o] != v->digits[i])
            o++;
          if (o == n_options[i])
            {
              options[i][o] = v->digits[i];
              weights[i][o] = 0;
              n_options[i]++;
            }
          weights[i][o] += v->weight;
        }
      combinations *= n_options[i];
      if (combinations > VOTE_MAX_COMBINATIONS)
        return FALSE;
    }
  for (guint r = 0; r < votes->len; r++)
    max_weight = MAX (max_weight, g_array_index (votes, DigitReading, r).weight);
  /* Every combination of the digits read: the valid date the readings
   * support most. */
  for (guint c = 0; c < combinations; c++)
    {
      char digits[VOTE_MAX_DIGITS + 1];
      int score = 0;
      g_autofree char *text = NULL;
      DaftariDay day;

      for (gsize i = 0, rest = c; i < len; i++)
        {
          pick[i] = rest % n_options[i];
          rest /= n_options[i];
          digits[i] = options[i][pick[i]];
          score += weights[i][pick[i]];
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
  date->confidence = CLAMP (max_weight - 1, 0, DAFTARI_RECEIPT_CONFIDENT - 1);
  g_array_set_size (date->boxes, 0);
  g_array_append_vals (date->boxes, boxes->data, boxes->len);
  fields->date = best_day;
  return TRUE;
}
