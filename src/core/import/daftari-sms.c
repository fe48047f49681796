/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-sms.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-commodity.h"
#include "daftari-import-error.h"
#include "daftari-money.h"
#include "daftari-phone.h"

/* Bigger than any phone's whole SMS history; refusing beyond it keeps a
 * mistaken file (a video) from eating memory. */
#define MAX_SMS_INPUT ((gsize) 64 * 1024 * 1024)
/* A long M-PESA SMS is about 400 characters. Capping a message bounds the
 * regular expressions' work, so no input makes the parser quadratic. */
#define MAX_MESSAGE 2000
/* M-PESA gives times in East Africa Time, which has no summer time. */
#define EAT_OFFSET  (3 * 3600)
#define NO_TS       G_MININT64

/* An amount as M-PESA writes it; the digits are checked by
 * daftari_money_parse(), so "1,00.0" is caught there, not guessed at. */
#define AMT "Ksh\\.?\\s?(?<amount>[0-9][0-9,.]*[0-9]|[0-9])"
#define DATE_AHEAD "\\s?on\\s?\\d{1,2}/\\d{1,2}/\\d{2,4}"
#define PARTY_END "(?:" DATE_AHEAD "|\\s?New M-PESA|\\s?M-PESA balance|\\s?New Account|$)"

typedef struct {
  DaftariMpesaKind kind;
  int              sign;
  const char      *pattern;
} KindPattern;

/* Tried in order; the first match decides. More specific texts first:
 * a Paybill is a "sent to" with an account, a business receipt is a
 * "received from" without "You have". */
static const KindPattern kind_patterns[] = {
  { DAFTARI_MPESA_FULIZA_CREDIT, +1, "Fuliza M-PESA amount is\\s?" AMT },
  { DAFTARI_MPESA_FULIZA_REPAYMENT, -1,
    AMT "\\s?from your M-PESA has been used to (?:fully |partially )?pay your outstanding Fuliza" },
  { DAFTARI_MPESA_MSHWARI_DEPOSIT, -1, AMT "\\s?transferred to M-Shwari account" },
  { DAFTARI_MPESA_MSHWARI_WITHDRAW, +1, AMT "\\s?transferred from M-Shwari account" },
  { DAFTARI_MPESA_AIRTIME, -1, "You bought\\s?" AMT "\\s?of airtime(?: for (?<party>[+0-9* ]+))?" },
  { DAFTARI_MPESA_WITHDRAW, -1, "Withdraw\\s?" AMT "\\s?from\\s?(?<party>.+?)" PARTY_END },
  { DAFTARI_MPESA_DEPOSIT, +1, "Give\\s?" AMT "\\s?cash to\\s?(?<party>.+?)" PARTY_END },
  { DAFTARI_MPESA_PAYBILL, -1,
    AMT "\\s?sent to\\s?(?<party>.+?)\\s?for account\\s?(?<ref>.+?)" PARTY_END },
  { DAFTARI_MPESA_SENT, -1, AMT "\\s?sent to\\s?(?<party>.+?)" PARTY_END },
  { DAFTARI_MPESA_TILL, -1, AMT "\\s?paid to\\s?(?<party>.+?)" PARTY_END },
  { DAFTARI_MPESA_RECEIVED, +1, "You have received\\s?" AMT "\\s?from\\s?(?<party>.+?)" PARTY_END },
  { DAFTARI_MPESA_BUSINESS_RECEIVED, +1, AMT "\\s?received from\\s?(?<party>.+?)" PARTY_END },
};

enum {
  RE_DATE, RE_FEE, RE_ACCESS_FEE, RE_BALANCE, RE_REVERSAL, RE_REVERSAL_AMOUNT, RE_AGENT, N_AUX
};

static const char *const aux_patterns[N_AUX] = {
  [RE_DATE] = "(?<d>\\d{1,2})/(?<m>\\d{1,2})/(?<y>\\d{2,4})\\s?(?:at\\s?)?"
              "(?<h>\\d{1,2}):(?<mi>\\d{2})\\s?(?<ap>[AP])\\.?M",
  [RE_FEE] = "Transaction cost,?\\s?" AMT,
  [RE_ACCESS_FEE] = "Access Fee charged\\s?" AMT,
  [RE_BALANCE] = "(?:M-PESA balance is|account balance is now|New Account balance is)\\s?:?\\s?" AMT,
  [RE_REVERSAL] = "Transaction\\s?(?<rev>[A-Z0-9]{8,12})\\s?has been (?:successfully )?reversed",
  [RE_REVERSAL_AMOUNT] = AMT "\\s?is (?<dir>credited|debited)",
  [RE_AGENT] = "^(?<code>\\d{5,7})\\s?-\\s?(?<name>.+)$",
};

typedef struct {
  GRegex *kinds[G_N_ELEMENTS (kind_patterns)];
  GRegex *aux[N_AUX];
} SmsRegexes;

/* Compiled once and kept: the patterns are constant, and the fuzzer and
 * the UI call the parser many times. */
static const SmsRegexes *
sms_regexes (void)
{
  static SmsRegexes *regexes;

  if (g_once_init_enter (&regexes))
    {
      SmsRegexes *r = g_new0 (SmsRegexes, 1);

      for (guint i = 0; i < G_N_ELEMENTS (kind_patterns); i++)
        r->kinds[i] = g_regex_new (kind_patterns[i].pattern, G_REGEX_CASELESS, 0, NULL);
      for (guint i = 0; i < N_AUX; i++)
        r->aux[i] = g_regex_new (aux_patterns[i], G_REGEX_CASELESS, 0, NULL);
      g_once_init_leave (&regexes, r);
    }
  return regexes;
}

typedef struct {
  DaftariImportParse *parse;
  GHashTable         *by_key;       /* key → row, borrowed from parse->rows */
  GPtrArray          *undated;      /* rows still waiting for a date */
  const DaftariCommodity *kes;
} SmsParser;

static void
sms_parser_init (SmsParser *parser)
{
  parser->parse = daftari_import_parse_new ();
  parser->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  parser->undated = g_ptr_array_new ();
  parser->kes = daftari_commodity_lookup ("KES");
}

static void
sms_parser_clear (SmsParser *parser)
{
  g_clear_pointer (&parser->by_key, g_hash_table_unref);
  g_clear_pointer (&parser->undated, g_ptr_array_unref);
  g_clear_pointer (&parser->parse, daftari_import_parse_free);
}

/* ---- Text helpers ------------------------------------------------------ */

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Whitespace runs (including line breaks and no-break spaces) become one
 * space: SMS wrap and paste anywhere, and patterns then see one shape. */
static char *
normalise_spaces (const char *text, gsize length)
{
  GString *out = g_string_sized_new (length);
  gboolean pending = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      gboolean nbsp = (guchar) text[i] == 0xC2 && i + 1 < length && (guchar) text[i + 1] == 0xA0;

      if (is_space (text[i]) || nbsp)
        {
          pending = out->len > 0;
          i += nbsp;
          continue;
        }
      if (pending)
        g_string_append_c (out, ' ');
      pending = FALSE;
      g_string_append_c (out, text[i]);
    }
  return g_string_free (out, FALSE);
}

/* A name as M-PESA prints it, tidied: "MAMA PIMA SHOP." → "MAMA PIMA SHOP". */
static char *
clean_name (const char *text)
{
  char *name = normalise_spaces (text, strlen (text));
  gsize len = strlen (name);

  while (len > 0 && (name[len - 1] == '.' || name[len - 1] == ',' || name[len - 1] == ' '))
    name[--len] = '\0';
  return name;
}

static char *
fetch (GMatchInfo *match, const char *name)
{
  char *value = g_match_info_fetch_named (match, name);
  return value ? value : g_strdup ("");
}

/* ---- Phones ------------------------------------------------------------ */

static gboolean
masked_phone_normalise (const char *text, char **out_phone)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean masked = FALSE;
  const char *national;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p) || *p == '*')
        g_string_append_c (digits, *p);
      else if (!(*p == ' ' || *p == '-' || (*p == '+' && digits->len == 0)))
        return FALSE;
      masked |= *p == '*';
    }
  if (!masked)
    return FALSE;
  /* Masks do not keep the length ("2547******541" has 13 characters), so
   * the prefix is read, then 7 to 11 digits and stars that must show. */
  if (g_str_has_prefix (digits->str, "254"))
    national = digits->str + 3;
  else if (digits->str[0] == '0')
    national = digits->str + 1;
  else
    national = digits->str;
  if (strlen (national) < 7 || strlen (national) > 11)
    return FALSE;
  /* The mask hides the middle; the network digit must still show. */
  if (national[0] != '7' && national[0] != '1')
    return FALSE;
  *out_phone = g_strconcat ("254", national, NULL);
  return TRUE;
}

gboolean
daftari_sms_phone_normalise (const char *text, char **out_phone)
{
  g_return_val_if_fail (out_phone != NULL, FALSE);
  if (text == NULL)
    return FALSE;
  if (strchr (text, '*') != NULL)
    return masked_phone_normalise (text, out_phone);
  return daftari_phone_normalise (text, out_phone, NULL);
}

static gboolean
is_phone_token (const char *token)
{
  if (*token == '\0')
    return FALSE;
  for (const char *p = token; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != '*' && *p != '+')
      return FALSE;
  return TRUE;
}

/* "JOHN KAMAU 0712 345 678": the phone is the last one to three tokens of
 * digits (M-PESA sometimes spaces it); the longest reading wins. */
static void
split_phone (const char *party, char **out_name, char **out_phone)
{
  g_auto(GStrv) tokens = g_strsplit (party, " ", -1);
  guint n = g_strv_length (tokens);

  for (guint take = MIN (3, n); take > 0; take--)
    {
      g_autofree char *joined = NULL;
      gboolean all_digits = TRUE;

      for (guint i = n - take; i < n; i++)
        all_digits &= is_phone_token (tokens[i]);
      if (!all_digits)
        continue;
      joined = g_strjoinv (" ", tokens + (n - take));
      if (daftari_sms_phone_normalise (joined, out_phone))
        {
          g_autoptr(GString) name = g_string_new (NULL);

          for (guint i = 0; i < n - take; i++)
            g_string_append_printf (name, "%s%s", i ? " " : "", tokens[i]);
          *out_name = clean_name (name->str);
          return;
        }
    }
  *out_name = g_strdup (party);
  *out_phone = g_strdup ("");
}

/* ---- One message ------------------------------------------------------- */

static void
take_string (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

/* The amount a pattern captured, or FALSE with the money error reported
 * against the message. */
static gboolean
read_amount (SmsParser  *parser,
             GMatchInfo *match,
             guint       line,
             const char *receipt,
             gint64     *out_amount)
{
  g_autofree char *digits = fetch (match, "amount");
  g_autoptr(GError) error = NULL;

  if (daftari_money_parse (digits, parser->kes, out_amount, &error))
    return TRUE;
  daftari_import_parse_problem (parser->parse, line, TRUE,
                                _("Message %s: %s"), receipt, error->message);
  return FALSE;
}

/* The first amount a helper pattern finds (fee, balance); absent is fine,
 * present but unreadable rejects the message. */
static gboolean
find_amount (SmsParser  *parser,
             int         which,
             const char *body,
             guint       line,
             const char *receipt,
             gboolean   *out_found,
             gint64     *out_amount)
{
  g_autoptr(GMatchInfo) match = NULL;

  *out_found = g_regex_match (sms_regexes ()->aux[which], body, 0, &match);
  if (!*out_found)
    return TRUE;
  return read_amount (parser, match, line, receipt, out_amount);
}

static int
fetch_int (GMatchInfo *match, const char *name)
{
  g_autofree char *text = fetch (match, name);
  return (int) g_ascii_strtoll (text, NULL, 10);
}

/* "5/3/25 at 6:27 PM" in EAT → UTC seconds. FALSE (with the date quoted)
 * for 31/02/25, 13:00 PM and the like; *out_ts is NO_TS when the message
 * has no date at all. */
static gboolean
find_date (SmsParser  *parser,
           const char *body,
           guint       line,
           const char *receipt,
           gint64     *out_ts)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *year_text = NULL, *ap = NULL, *whole = NULL;
  int day, month, year, hour, minute;

  *out_ts = NO_TS;
  if (!g_regex_match (sms_regexes ()->aux[RE_DATE], body, 0, &match))
    return TRUE;
  year_text = fetch (match, "y");
  ap = fetch (match, "ap");
  day = fetch_int (match, "d");
  month = fetch_int (match, "m");
  year = fetch_int (match, "y") + (strlen (year_text) == 2 ? 2000 : 0);
  hour = fetch_int (match, "h");
  minute = fetch_int (match, "mi");
  if (strlen (year_text) == 2 || strlen (year_text) == 4)
    if (g_date_valid_dmy (day, month, year) && hour >= 1 && hour <= 12 && minute <= 59)
      utc = g_date_time_new_utc (year, month, day,
                                 hour % 12 + (g_ascii_toupper (ap[0]) == 'P' ? 12 : 0), minute, 0);
  if (utc == NULL)
    {
      whole = g_match_info_fetch (match, 0);
      daftari_import_parse_problem (parser->parse, line, TRUE,
                                    _("Message %s: “%s” is not a real date and time"), receipt, whole);
      return FALSE;
    }
  *out_ts = g_date_time_to_unix (utc) - EAT_OFFSET;
  return TRUE;
}

/* Why a text that is not a confirmation is skipped; NULL when it is one. */
static const char *
skip_reason (const char *body, gboolean confirmed)
{
  g_autofree char *lower = g_ascii_strdown (body, -1);

  if (g_str_has_prefix (lower, "failed"))
    return _("a failed M-PESA request: no money moved");
  if (strstr (lower, "balance was") != NULL)
    return _("a balance enquiry, not a transaction");
  if (confirmed)
    return NULL;
  if (strstr (lower, "transact within the day") != NULL && strstr (lower, "ksh") == NULL)
    return _("only the daily transaction limit, not a transaction");
  return _("not an M-PESA confirmation (a promotion or a notice)");
}

/* "2130000 - BAHATI AGENCIES Main St" → shortcode 2130000; a trailing
 * phone is split off the name. */
static void
fill_party (DaftariImportRow *row, const char *party_text)
{
  g_autofree char *party = clean_name (party_text);
  g_autoptr(GMatchInfo) match = NULL;
  char *name = NULL, *phone = NULL;

  if (g_regex_match (sms_regexes ()->aux[RE_AGENT], party, 0, &match))
    {
      take_string (&row->shortcode, fetch (match, "code"));
      take_string (&party, fetch (match, "name"));
    }
  split_phone (party, &name, &phone);
  take_string (&row->counterparty, name);
  take_string (&row->phone, phone);
}

/* Fills kind, amount, party and reference from the first pattern that
 * matches. FALSE when none does (reported) or the amount is bad. */
static gboolean
read_kind (SmsParser        *parser,
           DaftariImportRow *row,
           const char       *body,
           guint             line)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_patterns); i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *party = NULL, *ref = NULL;
      gint64 amount;

      if (!g_regex_match (sms_regexes ()->kinds[i], body, 0, &match))
        continue;
      if (!read_amount (parser, match, line, row->receipt, &amount))
        return FALSE;
      row->kind = kind_patterns[i].kind;
      row->amount = kind_patterns[i].sign * amount;
      party = fetch (match, "party");
      ref = fetch (match, "ref");
      fill_party (row, party);
      take_string (&row->reference, clean_name (ref));
      return TRUE;
    }
  daftari_import_parse_problem (parser->parse, line, TRUE,
                                _("Message %s is an M-PESA confirmation of a kind Daftari does not know"),
                                row->receipt);
  return FALSE;
}

/* "Transaction SKA1B2C3D4 has been reversed" (the caller checked): the amount is in the text
 * only sometimes; otherwise it is found from the original later. */
static gboolean
read_reversal (SmsParser        *parser,
               DaftariImportRow *row,
               const char       *body,
               guint             line)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GMatchInfo) amount_match = NULL;
  g_autofree char *reversed = NULL, *dir = NULL;
  gint64 amount;

  g_regex_match (sms_regexes ()->aux[RE_REVERSAL], body, 0, &match);
  reversed = fetch (match, "rev");
  take_string (&row->reversed_receipt, g_ascii_strup (reversed, -1));
  row->kind = DAFTARI_MPESA_REVERSAL;
  if (g_regex_match (sms_regexes ()->aux[RE_REVERSAL_AMOUNT], body, 0, &amount_match))
    {
      if (!read_amount (parser, amount_match, line, row->receipt, &amount))
        return FALSE;
      dir = fetch (amount_match, "dir");
      row->amount = g_ascii_tolower (dir[0]) == 'd' ? -amount : amount;
    }
  return TRUE;
}

static gboolean
read_fee_and_balance (SmsParser        *parser,
                      DaftariImportRow *row,
                      const char       *body,
                      guint             line)
{
  gboolean found;
  gint64 fee = 0;

  if (!find_amount (parser, RE_FEE, body, line, row->receipt, &found, &fee))
    return FALSE;
  if (!found && !find_amount (parser, RE_ACCESS_FEE, body, line, row->receipt, &found, &fee))
    return FALSE;
  row->fee = fee;
  return find_amount (parser, RE_BALANCE, body, line, row->receipt,
                      &row->has_balance, &row->balance);
}

/* One movement per receipt and kind: a second copy of the same message
 * (pasted twice, or in two backups) is skipped; the same key with another
 * amount is a contradiction the user must see. */
static void
add_row (SmsParser *parser, DaftariImportRow *row)
{
  DaftariImportRow *seen = g_hash_table_lookup (parser->by_key, row->key);

  if (seen != NULL && seen->amount == row->amount)
    daftari_import_parse_problem (parser->parse, row->line, FALSE,
                                  _("Message %s is a copy of the one on line %u"),
                                  row->receipt, seen->line);
  else if (seen != NULL)
    daftari_import_parse_problem (parser->parse, row->line, TRUE,
                                  _("Message %s appears twice with different amounts (see line %u)"),
                                  row->receipt, seen->line);
  if (seen != NULL)
    {
      daftari_import_row_free (row);
      return;
    }
  g_ptr_array_add (parser->parse->rows, row);
  g_hash_table_insert (parser->by_key, row->key, row);
  if (row->ts == NO_TS)
    g_ptr_array_add (parser->undated, row);
}

/* The length of the receipt code when the text starts a confirmation:
 * 9 or 10 upper-case letters and digits, then "Confirmed" after at most
 * three spaces or dots ("SKA1B2C3D4 Confirmed", "… confirmed."); else 0. */
static gsize
confirmation_start (const char *text, gsize length)
{
  gsize n = 0, j;

  while (n < length && n < 11 && (g_ascii_isupper (text[n]) || g_ascii_isdigit (text[n])))
    n++;
  if (n < 9 || n > 10 || !g_ascii_isupper (text[0]))
    return 0;
  for (j = n; j < length && j < n + 3 && (is_space (text[j]) || text[j] == '.' || text[j] == ','); j++)
    ;
  if (length - j < 9 || g_ascii_strncasecmp (text + j, "confirmed", 9) != 0)
    return 0;
  return n;
}

static void
parse_message (SmsParser  *parser,
               const char *body,
               guint       line,
               gint64      fallback_ts)
{
  gsize receipt_len = confirmation_start (body, strlen (body));
  const char *reason = skip_reason (body, receipt_len > 0);
  g_autoptr(DaftariImportRow) row = NULL;

  if (reason != NULL)
    {
      daftari_import_parse_problem (parser->parse, line, FALSE, _("Skipped: %s"), reason);
      return;
    }
  row = daftari_import_row_new ();
  row->line = line;
  take_string (&row->receipt, g_strndup (body, receipt_len));
  take_string (&row->details, g_strdup (body));
  if (!find_date (parser, body, line, row->receipt, &row->ts))
    return;
  if (row->ts == NO_TS)
    row->ts = fallback_ts;
  if (g_regex_match (sms_regexes ()->aux[RE_REVERSAL], body, 0, NULL)
      ? !read_reversal (parser, row, body, line)
      : !read_kind (parser, row, body, line))
    return;
  if (!read_fee_and_balance (parser, row, body, line))
    return;
  take_string (&row->key, g_strdup_printf ("sms:%s:%s", row->receipt,
                                           daftari_mpesa_kind_to_string (row->kind)));
  add_row (parser, g_steal_pointer (&row));
}

/* ---- Dates from elsewhere ---------------------------------------------- */

/* A reversal SMS often has no date, nor a Fuliza credit (which shares the
 * receipt of the payment it paid for). When the message it refers to was
 * read too, its time is the best there is; a reversal with no amount of
 * its own gives back the original's amount and its charge (M-PESA refunds
 * both, as the balance in the reversal shows). */
static gboolean
date_from_original (GHashTable *by_receipt, DaftariImportRow *row)
{
  const char *receipt = row->kind == DAFTARI_MPESA_REVERSAL ? row->reversed_receipt : row->receipt;
  DaftariImportRow *original = g_hash_table_lookup (by_receipt, receipt);

  if (original == NULL)
    return FALSE;
  row->ts = original->ts;
  if (row->kind == DAFTARI_MPESA_REVERSAL && row->amount == 0 &&
      __builtin_sub_overflow (original->fee, original->amount, &row->amount))
    row->amount = 0;  /* only a fuzzer's amounts get here; the importer asks */
  return TRUE;
}

static void
resolve_undated (SmsParser *parser)
{
  g_autoptr(GHashTable) by_receipt = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) failed = g_hash_table_new (NULL, NULL);
  GPtrArray *rows = parser->parse->rows;
  guint kept = 0;

  if (parser->undated->len == 0)
    return;
  for (guint i = 0; i < rows->len; i++)
    {
      DaftariImportRow *row = g_ptr_array_index (rows, i);
      if (row->ts != NO_TS && !g_hash_table_contains (by_receipt, row->receipt))
        g_hash_table_insert (by_receipt, row->receipt, row);
    }
  for (guint i = 0; i < parser->undated->len; i++)
    {
      DaftariImportRow *row = g_ptr_array_index (parser->undated, i);
      if (!date_from_original (by_receipt, row))
        g_hash_table_add (failed, row);
    }
  /* Drop the rows still without a date, in one pass to stay linear. */
  for (guint i = 0; i < rows->len; i++)
    {
      DaftariImportRow *row = g_ptr_array_index (rows, i);
      if (!g_hash_table_contains (failed, row))
        {
          rows->pdata[kept++] = row;
          continue;
        }
      daftari_import_parse_problem (parser->parse, row->line, TRUE,
                                    _("Message %s has no date: paste it together with the message it "
                                      "refers to, or import the SMS backup file"), row->receipt);
      g_hash_table_remove (parser->by_key, row->key);
      daftari_import_row_free (row);
    }
  for (guint i = kept; i < rows->len; i++)
    rows->pdata[i] = NULL;
  g_ptr_array_set_size (rows, kept);
}

/* ---- Splitting a paste into messages ----------------------------------- */

/* A blank line: the '\n' at i is followed by another one with only spaces
 * between. Each run is looked at once from its own line break. */
static gboolean
blank_line_at (const char *text, gsize length, gsize i)
{
  if (text[i] != '\n')
    return FALSE;
  for (gsize j = i + 1; j < length && is_space (text[j]); j++)
    if (text[j] == '\n')
      return TRUE;
  return FALSE;
}

static gboolean
message_start_at (const char *text, gsize length, gsize i)
{
  if (i > 0 && g_ascii_isalnum (text[i - 1]))
    return FALSE;
  if (confirmation_start (text + i, length - i) > 0)
    return TRUE;
  return length - i >= 7 && g_ascii_strncasecmp (text + i, "Failed.", 7) == 0;
}

static void
emit_segment (SmsParser  *parser,
              const char *text,
              gsize       length,
              guint       line,
              gint64      fallback_ts)
{
  g_autofree char *body = NULL;
  gsize start = 0;

  for (; start < length && is_space (text[start]); start++)
    line += text[start] == '\n';
  if (start == length)
    return;
  body = normalise_spaces (text + start, length - start);
  if (strlen (body) > MAX_MESSAGE && confirmation_start (body, strlen (body)) > 0)
    daftari_import_parse_problem (parser->parse, line, TRUE,
                                  _("The text on line %u is too long to be one M-PESA message"), line);
  else if (strlen (body) > MAX_MESSAGE)
    daftari_import_parse_problem (parser->parse, line, FALSE,
                                  _("Skipped: %s"), _("not an M-PESA confirmation (a promotion or a notice)"));
  else
    parse_message (parser, body, line, fallback_ts);
}

/* Messages start at a receipt code followed by "Confirmed", at "Failed.",
 * or after a blank line; whatever runs on after a message belongs to it. */
static void
split_messages (SmsParser  *parser,
                const char *text,
                gsize       length,
                guint       first_line,
                gint64      fallback_ts)
{
  gsize start = 0;
  guint line = first_line, start_line = first_line;

  for (gsize i = 0; i < length; i++)
    {
      gboolean blank = blank_line_at (text, length, i);

      if (blank || (i > start && message_start_at (text, length, i)))
        {
          emit_segment (parser, text + start, i - start, start_line, fallback_ts);
          start = i;
          start_line = line;
        }
      line += text[i] == '\n';
    }
  emit_segment (parser, text + start, length - start, start_line, fallback_ts);
}

static gboolean
check_text (const char *text, gsize length, GError **error)
{
  if (length > MAX_SMS_INPUT)
    {
      g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_TOO_LARGE,
                   _("This is too large to be M-PESA messages (%llu MB; at most %llu MB)"),
                   (unsigned long long) (length >> 20), (unsigned long long) (MAX_SMS_INPUT >> 20));
      return FALSE;
    }
  /* With a length, g_utf8_validate() also refuses NUL bytes. */
  if (length > 0 && !g_utf8_validate (text, length, NULL))
    {
      g_set_error_literal (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_NOT_TEXT,
                           _("This is not text: it is not valid UTF-8, so it cannot be M-PESA messages"));
      return FALSE;
    }
  return TRUE;
}

static DaftariImportParse *
sms_parser_finish (SmsParser *parser)
{
  resolve_undated (parser);
  return g_steal_pointer (&parser->parse);
}

DaftariImportParse *
daftari_sms_parse_text (const char *text, gsize length, GError **error)
{
  SmsParser parser;
  DaftariImportParse *parse;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  if (!check_text (text, length, error))
    return NULL;
  sms_parser_init (&parser);
  if (length > 0)
    split_messages (&parser, text, length, 1, NO_TS);
  parse = sms_parser_finish (&parser);
  sms_parser_clear (&parser);
  return parse;
}

/* ---- SMS Backup & Restore XML ------------------------------------------ */

typedef struct {
  SmsParser           *parser;
  GMarkupParseContext *context;
} BackupReader;

/* The app's date attribute: milliseconds since 1970, UTC. */
static gint64
backup_date (const char *text)
{
  gint64 ms;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, &ms, NULL))
    return NO_TS;
  return ms / 1000;
}

static void
backup_start_element (GMarkupParseContext  *context,
                      const char           *element,
                      const char          **names,
                      const char          **values,
                      gpointer              user_data,
                      GError              **error)
{
  BackupReader *reader = user_data;
  const char *address = NULL, *date = NULL, *body = NULL;
  int line;

  if (strcmp (element, "sms") != 0)
    return;
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], "address") == 0)
        address = values[i];
      else if (strcmp (names[i], "date") == 0)
        date = values[i];
      else if (strcmp (names[i], "body") == 0)
        body = values[i];
    }
  /* Only Safaricom's own sender; the rest of the phone's SMS are none of
   * the book's business, so they are not even counted. */
  if (address == NULL || body == NULL || g_ascii_strcasecmp (address, "MPESA") != 0)
    return;
  g_markup_parse_context_get_position (context, &line, NULL);
  split_messages (reader->parser, body, strlen (body), (guint) MAX (line, 1), backup_date (date));
}

/* The app writes emoji as two numeric references to UTF-16 surrogates
 * ("&#55357;&#56832;"), which XML (and GMarkup) refuse. Rewrite each pair
 * as the one character it stands for, and a lone half as U+FFFD. */
static gboolean
read_char_ref (const char *p, const char *end, gunichar *out_value, gsize *out_len)
{
  gsize i = 2;
  guint64 value = 0;
  gboolean hex = p + 2 < end && (p[2] == 'x' || p[2] == 'X');

  i += hex;
  for (; p + i < end && i < 12 && g_ascii_isxdigit (p[i]); i++)
    {
      if (!hex && !g_ascii_isdigit (p[i]))
        return FALSE;
      value = value * (hex ? 16 : 10) + (guint64) (hex ? g_ascii_xdigit_value (p[i]) : p[i] - '0');
    }
  if (p + i >= end || p[i] != ';' || value > 0x10FFFF)
    return FALSE;
  *out_value = (gunichar) value;
  *out_len = i + 1;
  return TRUE;
}

static char *
fix_surrogate_refs (const char *xml, gsize length)
{
  GString *out = g_string_sized_new (length);
  const char *end = xml + length;

  for (const char *p = xml; p < end;)
    {
      gunichar high, low;
      gsize high_len, low_len;

      if (p + 2 < end && p[0] == '&' && p[1] == '#' && read_char_ref (p, end, &high, &high_len) &&
          high >= 0xD800 && high <= 0xDFFF)
        {
          if (high <= 0xDBFF && p + high_len + 2 < end && p[high_len] == '&' &&
              read_char_ref (p + high_len, end, &low, &low_len) && low >= 0xDC00 && low <= 0xDFFF)
            {
              g_string_append_printf (out, "&#x%X;", 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00));
              p += high_len + low_len;
            }
          else
            {
              g_string_append (out, "&#xFFFD;");
              p += high_len;
            }
          continue;
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

DaftariImportParse *
daftari_sms_parse_backup_xml (const char *xml, gsize length, GError **error)
{
  static const GMarkupParser markup_parser = { backup_start_element, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *fixed = NULL;
  BackupReader reader = { 0 };
  SmsParser parser;
  DaftariImportParse *parse = NULL;

  g_return_val_if_fail (xml != NULL || length == 0, NULL);
  if (!check_text (xml, length, error))
    return NULL;
  fixed = fix_surrogate_refs (xml, length);
  sms_parser_init (&parser);
  reader.parser = &parser;
  context = g_markup_parse_context_new (&markup_parser, G_MARKUP_PREFIX_ERROR_POSITION, &reader, NULL);
  if (g_markup_parse_context_parse (context, fixed, -1, &local_error) &&
      g_markup_parse_context_end_parse (context, &local_error))
    parse = sms_parser_finish (&parser);
  else
    g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED,
                 _("This is not an SMS backup file: %s"), local_error->message);
  sms_parser_clear (&parser);
  return parse;
}
