/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Numbers and dates as OCR prints them: letters that look like digits,
 * comma or period decimal separators, split groups, many date orders. */
#include "daftari-receipt-lines.h"

#include <string.h>

/* Longest integer part read as money: 10^11 hundredths stay far inside gint64. */
#define MAX_INTEGER_DIGITS 11

/* Currency marks OCR often glues to an amount ("RM9.00", "KSh1,200"). */
static const char *const currency_prefixes[] = {
  "KSHS", "KSH", "KES", "SHS", "SH", "USD", "RM", "$", NULL
};

static char
digit_lookalike (char c)
{
  switch (c)
    {
    case 'O': case 'o': case 'D': case 'Q': return '0';
    case 'S': case 's': return '5';
    case 'l': case 'I': case '|': case 'i': case '!': return '1';
    case 'B': return '8';
    case 'Z': case 'z': return '2';
    default: return '\0';
    }
}

static gsize
currency_prefix_length (const char *word)
{
  for (int i = 0; currency_prefixes[i] != NULL; i++)
    if (g_ascii_strncasecmp (word, currency_prefixes[i], strlen (currency_prefixes[i])) == 0)
      return strlen (currency_prefixes[i]);
  return 0;
}

/* The section sign is how OCR most often misreads a 5 in thin print
 * ("\u00a75.30"); no receipt prints it in a number. */
#define SECTION_SIGN "\xc2\xa7"

/* The digit the character at p looks like ('\0' when none), and in *len
 * how many bytes it takes. */
static char
digit_lookalike_at (const char *p, gsize *len)
{
  *len = 1;
  if (g_str_has_prefix (p, SECTION_SIGN))
    {
      *len = strlen (SECTION_SIGN);
      return '5';
    }
  return digit_lookalike (*p);
}

char *
receipt_repair_numeric (const char *word)
{
  gsize skip = currency_prefix_length (word), len;
  guint digits = 0, lookalikes = 0;
  GString *repaired;

  for (const char *p = word + skip; *p != '\0'; p += len)
    {
      char lookalike = digit_lookalike_at (p, &len);

      if (g_ascii_isdigit (*p))
        digits++;
      else if (lookalike != '\0')
        lookalikes++;
      else if (g_ascii_isalpha (*p) || (guchar) *p >= 0x80)
        return NULL;   /* a real word with digits in it: leave it alone */
    }
  if (digits == 0 || lookalikes == 0 || lookalikes > digits)
    return NULL;
  repaired = g_string_new_len (word, (gssize) skip);
  for (const char *p = word + skip; *p != '\0'; p += len)
    {
      char digit = digit_lookalike_at (p, &len);   /* '\0' for a digit too */

      if (digit != '\0')
        g_string_append_c (repaired, digit);
      else
        g_string_append_len (repaired, p, (gssize) len);
    }
  return g_string_free (repaired, FALSE);
}

/* ---- Amounts ------------------------------------------------------------ */

/* The end of a run of digits and separators starting at start. A separator
 * followed by one space and two digits is OCR splitting "33,92". */
static gsize
scan_number (const char *text, gsize start)
{
  gsize i = start;

  for (;;)
    {
      if (g_ascii_isdigit (text[i]))
        i++;
      else if ((text[i] == '.' || text[i] == ',') && g_ascii_isdigit (text[i + 1]))
        i++;
      else if ((text[i] == '.' || text[i] == ',') && text[i + 1] == ' ' && g_ascii_isdigit (text[i + 2])
               && g_ascii_isdigit (text[i + 3]) && !g_ascii_isalnum (text[i + 4]) && text[i + 4] != '.'
               && text[i + 4] != ',')
        i += 2;
      else
        return i;
    }
}

/* Reads digits and separators as hundredths. FALSE when it is not money:
 * a weight "1.235", a code "12.3.4", too many digits. */
static gboolean
parse_number (const char *text, gsize start, gsize end, gint64 *out_value, gboolean *out_decimals)
{
  char digits[64];
  gsize n = 0, last_sep = 0, since_sep = 0;
  gboolean groups_ok = TRUE;
  gboolean any_sep = FALSE;
  gint64 value = 0;
  guint fraction;

  for (gsize i = start; i < end && n < sizeof digits - 1; i++)
    if (g_ascii_isdigit (text[i]))
      {
        digits[n++] = text[i];
        since_sep++;
      }
    else if (text[i] == '.' || text[i] == ',')
      {
        if (any_sep && since_sep != 3)
          groups_ok = FALSE;
        any_sep = TRUE;
        last_sep = n;
        since_sep = 0;
      }
  digits[n] = '\0';
  fraction = any_sep ? (guint) (n - last_sep) : 0;
  if (any_sep && fraction == 2)
    *out_decimals = TRUE;
  else if (!any_sep || (fraction == 3 && groups_ok))
    {
      *out_decimals = FALSE;
      fraction = 0;
    }
  else
    return FALSE;
  if (any_sep && !groups_ok)
    return FALSE;
  if (n - fraction > MAX_INTEGER_DIGITS || n == 0)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    value = value * 10 + (digits[i] - '0');
  *out_value = fraction == 2 ? value : value * 100;
  return TRUE;
}

/* A minus or an opening parenthesis before the amount, possibly before a
 * currency code: "-0.02", "-RM0.02", "(0.02)". */
static char
sign_before (const char *upper, gsize start)
{
  gsize i = start, letters = 0;

  while (i > 0 && (upper[i - 1] == ' ' || (g_ascii_isupper (upper[i - 1]) && letters < 4)))
    {
      letters += upper[i - 1] != ' ';
      i--;
    }
  return i > 0 && (upper[i - 1] == '-' || upper[i - 1] == '(') ? upper[i - 1] : '\0';
}

GArray *
receipt_line_amounts (const ReceiptLine *line)
{
  GArray *amounts = g_array_new (FALSE, TRUE, sizeof (ReceiptAmount));
  const char *text = line->text;
  gsize i = 0;

  while (text[i] != '\0')
    {
      gsize end;
      ReceiptAmount amount = { .start = i };
      char before = i > 0 ? text[i - 1] : ' ';

      if (!g_ascii_isdigit (text[i]))
        {
          i++;
          continue;
        }
      end = scan_number (text, i);
      /* Parts of dates, times, fractions and codes are not money, nor are
       * quantities with their unit ("2KG", "20.00L"). */
      if (before != '/' && before != ':' && before != '.' && before != ',' && !g_ascii_isdigit (before)
          && text[end] != '/' && text[end] != ':' && !g_ascii_isalpha (text[end])
          && !(before == '-' && i > 1 && g_ascii_isdigit (text[i - 2]))
          && parse_number (text, i, end, &amount.value, &amount.has_decimals))
        {
          amount.end = end;
          amount.negative = sign_before (line->upper, i) != '\0';
          amount.bracketed = sign_before (line->upper, i) == '(';
          amount.percent = text[end] == '%' || (text[end] == ' ' && text[end + 1] == '%');
          g_array_append_val (amounts, amount);
        }
      i = end;
    }
  return amounts;
}

const ReceiptAmount *
receipt_last_money (GArray *amounts)
{
  for (guint i = amounts->len; i > 0; i--)
    {
      const ReceiptAmount *amount = &g_array_index (amounts, ReceiptAmount, i - 1);

      if (amount->has_decimals && !amount->percent)
        return amount;
    }
  return NULL;
}

/* ---- Dates -------------------------------------------------------------- */

/* English, Swahili and Malay month abbreviations: the first three letters. */
#define MONTHS "JAN|FEB|MAR|MAC|APR|MAY|MEI|JUN|JUL|AUG|AGO|OGO|SEP|OCT|OKT|NOV|DEC|DES|DIS"

typedef enum { ORDER_DMY, ORDER_YMD, ORDER_D_MON_Y, ORDER_MON_D_Y, ORDER_DM_LOST_Y } DateOrder;

static const char *const date_patterns[] = {
  [ORDER_DMY] = "(?<![0-9])([0-9]{1,2}) ?([/.-]) ?([0-9]{1,2}) ?\\2 ?([0-9]{4}|[0-9]{2})(?![0-9])",
  [ORDER_YMD] = "(?<![0-9])((?:19|20)[0-9]{2}) ?([/.-]) ?([0-9]{1,2}) ?\\2 ?([0-9]{1,2})(?![0-9])",
  [ORDER_D_MON_Y] = "(?<![0-9])([0-9]{1,2})(?:ST|ND|RD|TH)?[ ./,-]*(" MONTHS ")[A-Z]*\\.?[ ./,-]*"
                    "((?:19|20)?[0-9]{2})(?![0-9])",
  [ORDER_MON_D_Y] = "(?<![A-Z])(" MONTHS ")[A-Z]*\\.?[ ./-]*([0-9]{1,2})(?:ST|ND|RD|TH)?[ ,./-]*"
                    "((?:19|20)[0-9]{2})(?![0-9])",
  /* "1202/2018": the first separator lost to faint print. */
  [ORDER_DM_LOST_Y] = "(?<![0-9])([0-9]{2})([0-9]{2})([/.-])((?:19|20)[0-9]{2})(?![0-9])",
};

static GRegex *
date_regex (DateOrder order)
{
  static GRegex *regexes[G_N_ELEMENTS (date_patterns)];
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      for (guint i = 0; i < G_N_ELEMENTS (date_patterns); i++)
        regexes[i] = g_regex_new (date_patterns[i], G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&ready, 1);
    }
  return regexes[order];
}

static int
month_number (const char *name)
{
  static const char *const names[] = {
    "JAN", "FEB", "MAR|MAC", "APR", "MAY|MEI", "JUN", "JUL", "AUG|AGO|OGO", "SEP", "OCT|OKT", "NOV",
    "DEC|DES|DIS",
  };

  for (int m = 0; m < 12; m++)
    if (strstr (names[m], name) != NULL)
      return m + 1;
  return 0;
}

static int
match_int (GMatchInfo *info, int group)
{
  g_autofree char *text = g_match_info_fetch (info, group);

  return (int) g_ascii_strtoll (text, NULL, 10);
}

static gboolean
make_day (int year, int month, int day, DaftariDay *out_day)
{
  if (year < 100)
    year += 2000;
  if (year < 1990 || year > 2099 || month < 1 || month > 12 || day < 1
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  *out_day = year * 10000 + month * 100 + day;
  return TRUE;
}

/* The date of one match; certain when the year has four digits or the
 * month is a name, and the day and month cannot be swapped. Numeric dates
 * are read day first (as in Kenya), month first only when day first is
 * impossible. */
static gboolean
match_day (DateOrder order, GMatchInfo *info, DaftariDay *out_day, gboolean *out_certain)
{
  g_autofree char *month_name = NULL;
  int a, b, year;

  switch (order)
    {
    case ORDER_DMY:
      a = match_int (info, 1);
      b = match_int (info, 3);
      year = match_int (info, 4);
      *out_certain = year >= 100;
      if (make_day (year, b, a, out_day))
        return TRUE;
      *out_certain = FALSE;
      /* "69/02/2018", "99/02/2018": a faded 0 read as 6, 8 or 9. */
      return make_day (year, a, b, out_day)
             || (a >= 60 && a / 10 != 7 && make_day (year, b, a % 10, out_day));
    case ORDER_YMD:
      *out_certain = TRUE;
      return make_day (match_int (info, 1), match_int (info, 3), match_int (info, 4), out_day);
    case ORDER_D_MON_Y:
      month_name = g_match_info_fetch (info, 2);
      *out_certain = TRUE;
      return make_day (match_int (info, 3), month_number (month_name), match_int (info, 1), out_day);
    case ORDER_DM_LOST_Y:
      *out_certain = FALSE;
      return make_day (match_int (info, 4), match_int (info, 2), match_int (info, 1), out_day);
    case ORDER_MON_D_Y:
    default:
      month_name = g_match_info_fetch (info, 1);
      *out_certain = TRUE;
      return make_day (match_int (info, 3), month_number (month_name), match_int (info, 2), out_day);
    }
}

gboolean
receipt_damaged_date (const char *word)
{
  gsize digits = 0, separators = 0;

  for (const char *p = word; *p != '\0'; p++)
    {
      digits += g_ascii_isdigit (*p) ? 1 : 0;
      separators += *p == '/' || *p == '.' || *p == '-' ? 1 : 0;
    }
  return digits == 8 && separators <= 2 && digits + separators == strlen (word);
}

/* "27032018" or "20180327": a date printed without separators, or whose
 * separators faded. Eight digits alone, day first unless it starts with
 * a plausible year; never certain. */
gboolean
receipt_find_compact_date (const char *upper, DaftariDay *out_day, gsize *out_start, gsize *out_end)
{
  for (const char *p = upper; *p != '\0'; p++)
    {
      int v[8];

      if (p > upper && g_ascii_isdigit (p[-1]))
        continue;
      if (strspn (p, "0123456789") != 8)
        continue;
      for (int i = 0; i < 8; i++)
        v[i] = p[i] - '0';
      if (make_day (v[4] * 1000 + v[5] * 100 + v[6] * 10 + v[7], v[2] * 10 + v[3], v[0] * 10 + v[1], out_day)
          || make_day (v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], v[4] * 10 + v[5], v[6] * 10 + v[7], out_day))
        {
          *out_start = (gsize) (p - upper);
          *out_end = *out_start + 8;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
receipt_find_date (const char *upper, DaftariDay *out_day, gsize *out_start, gsize *out_end,
                   gboolean *out_certain)
{
  gboolean found = FALSE;
  int best_start = G_MAXINT;

  for (guint order = 0; order < G_N_ELEMENTS (date_patterns); order++)
    {
      g_autoptr(GMatchInfo) info = NULL;

      g_regex_match (date_regex (order), upper, 0, &info);
      for (; g_match_info_matches (info); g_match_info_next (info, NULL))
        {
          int start, end;
          DaftariDay day;
          gboolean certain;

          g_match_info_fetch_pos (info, 0, &start, &end);
          if (start >= best_start || !match_day (order, info, &day, &certain))
            continue;
          best_start = start;
          *out_day = day;
          *out_start = (gsize) start;
          *out_end = (gsize) end;
          *out_certain = certain;
          found = TRUE;
        }
    }
  return found;
}
