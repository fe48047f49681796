/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-account.h"

#include <glib/gi18n-lib.h>

#include "daftari-book-private.h"
#include "daftari-db.h"
#include "daftari-error.h"
#include "daftari-ops.h"
#include "daftari-rules.h"
#include "daftari-write-cache.h"

G_DEFINE_BOXED_TYPE (DaftariAccount, daftari_account, daftari_account_copy, daftari_account_free)

static const char *const kind_names[] = {
  [DAFTARI_ACCOUNT_MPESA] = "mpesa",
  [DAFTARI_ACCOUNT_BANK] = "bank",
  [DAFTARI_ACCOUNT_CASH] = "cash",
  [DAFTARI_ACCOUNT_CRYPTO] = "crypto",
  [DAFTARI_ACCOUNT_INCOME] = "income",
  [DAFTARI_ACCOUNT_EXPENSE] = "expense",
  [DAFTARI_ACCOUNT_RECEIVABLE] = "receivable",
  [DAFTARI_ACCOUNT_LIABILITY] = "liability",
  [DAFTARI_ACCOUNT_EQUITY] = "equity",
};

/* Kenyan banks small businesses bank with, by the name people use. */
static const char *const institutions[] = {
  "KCB", "Equity", "Co-operative", "NCBA", "Absa", "Stanbic", "DTB", "I&M", "Family", "Other", NULL
};

DaftariAccount *
daftari_account_copy (const DaftariAccount *account)
{
  DaftariAccount *copy = g_memdup2 (account, sizeof *account);

  copy->name = g_strdup (account->name);
  copy->institution = g_strdup (account->institution);
  copy->role = g_strdup (account->role);
  return copy;
}

void
daftari_account_free (DaftariAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->name);
  g_free (account->institution);
  g_free (account->role);
  g_free (account);
}

const char *
daftari_account_kind_to_string (DaftariAccountKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), "");
  return kind_names[kind];
}

gboolean
daftari_account_kind_from_string (const char *text, DaftariAccountKind *out_kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_ascii_strcasecmp (text, kind_names[i]) == 0)
      {
        *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
daftari_account_kind_is_wallet (DaftariAccountKind kind)
{
  return kind <= DAFTARI_ACCOUNT_CRYPTO;
}

gboolean
daftari_account_kind_is_category (DaftariAccountKind kind)
{
  return kind == DAFTARI_ACCOUNT_INCOME || kind == DAFTARI_ACCOUNT_EXPENSE;
}

gboolean
daftari_account_kind_is_credit (DaftariAccountKind kind)
{
  return kind == DAFTARI_ACCOUNT_INCOME || kind == DAFTARI_ACCOUNT_LIABILITY ||
         kind == DAFTARI_ACCOUNT_EQUITY;
}

const char *const *
daftari_institution_all (void)
{
  return institutions;
}

const char *
daftari_institution_lookup (const char *text)
{
  if (text == NULL)
    return NULL;
  /* "Co-op" and "Coop Bank" are what people say for Co-operative Bank. */
  if (g_ascii_strncasecmp (text, "co-op", 5) == 0 || g_ascii_strncasecmp (text, "coop", 4) == 0)
    return "Co-operative";
  for (guint i = 0; institutions[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, institutions[i]) == 0)
      return institutions[i];
  return NULL;
}

#define ACCOUNT_COLUMNS "id, name, kind, commodity, institution, allow_overdraft, archived, role"

static DaftariAccount *
account_from_row (sqlite3_stmt *stmt)
{
  DaftariAccount *account = g_new0 (DaftariAccount, 1);

  account->id = sqlite3_column_int64 (stmt, 0);
  account->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  daftari_account_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &account->kind);
  account->commodity = daftari_commodity_lookup ((const char *) sqlite3_column_text (stmt, 3));
  account->institution = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  account->allow_overdraft = sqlite3_column_int (stmt, 5);
  account->archived = sqlite3_column_int (stmt, 6);
  account->role = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  return account;
}

/* Runs a one-row account query; binds are done by the caller. */
static DaftariAccount *
fetch_one (sqlite3_stmt *stmt, const char *missing_message, GError **error)
{
  int rc = sqlite3_step (stmt);
  DaftariAccount *account = NULL;

  if (rc == SQLITE_ROW)
    account = account_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND, missing_message);
  else
    daftari_db_set_error (error, sqlite3_db_handle (stmt), rc);
  sqlite3_reset (stmt);
  return account;
}

DaftariAccount *
daftari_account_get (DaftariBook *book, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book, "SELECT " ACCOUNT_COLUMNS " FROM account WHERE id = ?", error);
  g_autofree char *missing = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  missing = g_strdup_printf (_("There is no account number %lld"), (long long) id);
  return fetch_one (stmt, missing, error);
}

DaftariAccount *
daftari_account_find (DaftariBook *book, const char *name, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book, "SELECT " ACCOUNT_COLUMNS " FROM account WHERE name = ?", error);
  g_autofree char *missing = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  missing = g_strdup_printf (_("There is no account or category called “%s”. "
                               "“daftari-cli account list” shows them all."), name);
  return fetch_one (stmt, missing, error);
}

DaftariAccount *
daftari_account_find_role (DaftariBook *book, const char *role, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book, "SELECT " ACCOUNT_COLUMNS " FROM account WHERE role = ?", error);
  g_autofree char *missing = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, role, -1, SQLITE_STATIC);
  missing = g_strdup_printf (_("The book has lost its “%s” account. Run “daftari-cli check”."), role);
  return fetch_one (stmt, missing, error);
}

GPtrArray *
daftari_account_list (DaftariBook *book, gboolean include_archived, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT " ACCOUNT_COLUMNS " FROM account WHERE archived = 0 OR ?"
      " ORDER BY CASE kind WHEN 'mpesa' THEN 0 WHEN 'bank' THEN 1 WHEN 'cash' THEN 2"
      " WHEN 'crypto' THEN 3 WHEN 'income' THEN 4 WHEN 'expense' THEN 5 ELSE 6 END, id", error);
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_account_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_archived);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (accounts, account_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return NULL;
    }
  return g_steal_pointer (&accounts);
}

static gboolean check_name (const char *name, GError **error);

/* Which commodities each kind of account may hold: M-PESA is shillings
 * only, categories are kept in the book currency, crypto wallets in crypto. */
static gboolean
check_commodity (DaftariBook *book, DaftariAccountKind kind, const DaftariCommodity *commodity,
                 GError **error)
{
  const DaftariCommodity *currency = daftari_book_get_currency (book);
  gboolean ok;

  switch (kind)
    {
    case DAFTARI_ACCOUNT_MPESA:
      ok = g_str_equal (commodity->code, "KES");
      break;
    case DAFTARI_ACCOUNT_BANK:
    case DAFTARI_ACCOUNT_CASH:
      ok = !commodity->crypto;
      break;
    case DAFTARI_ACCOUNT_CRYPTO:
      ok = commodity->crypto;
      break;
    case DAFTARI_ACCOUNT_INCOME:
    case DAFTARI_ACCOUNT_EXPENSE:
    case DAFTARI_ACCOUNT_RECEIVABLE:
    case DAFTARI_ACCOUNT_LIABILITY:
    case DAFTARI_ACCOUNT_EQUITY:
    default:
      ok = commodity == currency;
      break;
    }
  if (!ok)
    g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                 _("A %s account cannot hold %s"), daftari_account_kind_to_string (kind), commodity->code);
  return ok;
}

static gboolean
validate_spec (DaftariBook *book, const DaftariAccountSpec *spec,
               const DaftariCommodity **out_commodity, const char **out_institution, GError **error)
{
  const char *default_code = spec->kind == DAFTARI_ACCOUNT_CRYPTO ? "BTC" : daftari_book_get_currency (book)->code;

  if (!check_name (spec->name, error))
    return FALSE;
  *out_commodity = daftari_commodity_lookup (spec->commodity ? spec->commodity : default_code);
  if (*out_commodity == NULL)
    {
      g_set_error (error, DAFTARI_MONEY_ERROR, DAFTARI_MONEY_ERROR_UNKNOWN_COMMODITY,
                   _("“%s” is not a currency Daftari knows"), spec->commodity);
      return FALSE;
    }
  if (!check_commodity (book, spec->kind, *out_commodity, error))
    return FALSE;

  *out_institution = NULL;
  if (spec->institution != NULL)
    {
      if (spec->kind != DAFTARI_ACCOUNT_BANK)
        {
          g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                       _("Only bank accounts have an institution"));
          return FALSE;
        }
      *out_institution = daftari_institution_lookup (spec->institution);
      if (*out_institution == NULL)
        {
          g_autofree char *known = g_strjoinv (", ", (char **) institutions);
          g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                       _("“%s” is not a bank Daftari knows; use one of %s"), spec->institution, known);
          return FALSE;
        }
    }
  if (spec->opening != 0 && !daftari_account_kind_is_wallet (spec->kind))
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("Only wallets have an opening balance"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_account (DaftariBook *book, const char *name, DaftariAccountKind kind,
                const DaftariCommodity *commodity, const char *institution,
                gboolean allow_overdraft, const char *role, gint64 *out_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "INSERT INTO account (name, kind, commodity, institution, allow_overdraft, role, created)"
      " VALUES (trim(?), ?, ?, ?, ?, ?, ?)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, daftari_account_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, commodity->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, institution, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, allow_overdraft);
  sqlite3_bind_text (stmt, 6, role, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, daftari_calendar_now ());
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_EXISTS,
                   _("There is already an account or category called “%s”"), name);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return FALSE;
    }
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (daftari_book_get_db (book));
  return TRUE;
}

gboolean
daftari_account_add (DaftariBook *book, const DaftariAccountSpec *spec, gint64 *out_id, GError **error)
{
  const DaftariCommodity *commodity;
  const char *institution;
  gint64 id;

  if (!validate_spec (book, spec, &commodity, &institution, error) ||
      !daftari_book_begin (book, error))
    return FALSE;
  if (!insert_account (book, spec->name, spec->kind, commodity, institution,
                       spec->allow_overdraft, NULL, &id, error) ||
      (spec->opening != 0 &&
       !daftari_ops_opening_balance (book, id, spec->opening, spec->opening_ts, NULL, error)))
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  if (!daftari_book_commit (book, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = id;
  return TRUE;
}

/* Inside a batch the write cache remembers each account's flags (archived,
 * overdraft) as they were; the begin that preceded a change flushed what
 * was pending, so forgetting them all is safe and makes the rules read the
 * new flags. */
static void
forget_cached_accounts (DaftariBook *book)
{
  daftari_write_cache_clear (daftari_book_get_write_cache (book));
}

gboolean
daftari_account_set_archived (DaftariBook *book, gint64 id, gboolean archived, GError **error)
{
  g_autoptr(DaftariAccount) account = NULL;
  sqlite3_stmt *stmt;

  if (!daftari_book_begin (book, error))
    return FALSE;
  account = daftari_account_get (book, id, error);
  if (account != NULL && account->role != NULL)
    g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                 _("“%s” is kept by Daftari and cannot be archived"), account->name);
  stmt = daftari_book_prepare (book, "UPDATE account SET archived = ? WHERE id = ?", error);
  if (account == NULL || account->role != NULL || stmt == NULL)
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  sqlite3_bind_int (stmt, 1, archived);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!daftari_db_step_done (stmt, error))
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  forget_cached_accounts (book);
  return daftari_book_commit (book, error);
}

static gboolean
check_name (const char *name, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));

  if (*trimmed != '\0' && g_utf8_validate (trimmed, -1, NULL) && g_utf8_strlen (trimmed, -1) <= 80)
    return TRUE;
  g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
               _("An account needs a name of 1 to 80 characters"));
  return FALSE;
}

/* The overdraft rule over the wallet's whole history, as the ledger checks
 * a back-dated write: from before its first split onwards. */
static gboolean
check_never_negative (DaftariBook *book, gint64 id, GError **error)
{
  g_autoptr(GArray) touched = g_array_new (FALSE, TRUE, sizeof (DaftariRuleTouch));
  DaftariRuleTouch touch = { 0 };

  if (!daftari_rules_load_account (book, id, &touch.account, error))
    return FALSE;
  touch.from_ts = G_MININT32;          /* 1901: before any split */
  touch.account.last_ts = G_MAXINT64;  /* always walk the history */
  g_array_append_val (touched, touch);
  return daftari_rules_check_overdraft (book, touched, error);
}

gboolean
daftari_account_update (DaftariBook *book, gint64 id, const char *name, gboolean allow_overdraft, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!check_name (name, error) || !daftari_book_begin (book, error))
    return FALSE;
  stmt = daftari_book_prepare (book, "UPDATE account SET name = trim (?), allow_overdraft = ? WHERE id = ?", error);
  if (stmt == NULL)
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, allow_overdraft);
  sqlite3_bind_int64 (stmt, 3, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE || sqlite3_changes (daftari_book_get_db (book)) != 1)
    {
      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_EXISTS,
                     _("There is already an account or category called “%s”"), name);
      else if (rc == SQLITE_DONE)
        g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND,
                     _("There is no account number %lld"), (long long) id);
      else
        daftari_db_set_error (error, daftari_book_get_db (book), rc);
      daftari_book_rollback (book);
      return FALSE;
    }
  forget_cached_accounts (book);
  /* Overdraft off means the wallet's whole history must respect the rule,
   * as `check` verifies: refused while it has ever been below zero. */
  if (!allow_overdraft && !check_never_negative (book, id, error))
    {
      g_prefix_error (error, _("Overdraft cannot be turned off yet. "));
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}

typedef struct {
  const char         *name;
  DaftariAccountKind  kind;
  const char         *role;
} SeedAccount;

/* A Kenyan small business's categories, and the accounts the ledger itself
 * needs. Names are translated when the book is made, so a Swahili user's
 * book speaks Swahili; roles let the code find them after any rename. */
static const SeedAccount seed_accounts[] = {
  { N_("Sales"),                 DAFTARI_ACCOUNT_INCOME,     NULL },
  { N_("Other income"),          DAFTARI_ACCOUNT_INCOME,     NULL },
  { N_("Stock purchases"),       DAFTARI_ACCOUNT_EXPENSE,    NULL },
  { N_("Rent"),                  DAFTARI_ACCOUNT_EXPENSE,    NULL },
  { N_("Salaries & wages"),      DAFTARI_ACCOUNT_EXPENSE,    NULL },
  { N_("Transport"),             DAFTARI_ACCOUNT_EXPENSE,    NULL },
  { N_("Fuel"),                  DAFTARI_ACCOUNT_EXPENSE,    NULL },
  { N_("Airtime & data"),        DAFTARI_ACCOUNT_EXPENSE,    NULL },
  { N_("Electricity (KPLC)"),    DAFTARI_ACCOUNT_EXPENSE,    NULL },
  { N_("Water"),                 DAFTARI_ACCOUNT_EXPENSE,    NULL },
  { N_("M-PESA & bank charges"), DAFTARI_ACCOUNT_EXPENSE,    DAFTARI_ROLE_CHARGES },
  { N_("Taxes (KRA)"),           DAFTARI_ACCOUNT_EXPENSE,    NULL },
  { N_("Loans & Fuliza"),        DAFTARI_ACCOUNT_EXPENSE,    NULL },
  { N_("Food"),                  DAFTARI_ACCOUNT_EXPENSE,    NULL },
  { N_("Savings"),               DAFTARI_ACCOUNT_EXPENSE,    NULL },
  { N_("Other expenses"),        DAFTARI_ACCOUNT_EXPENSE,    DAFTARI_ROLE_OTHER_EXPENSES },
  { N_("Accounts Receivable"),   DAFTARI_ACCOUNT_RECEIVABLE, DAFTARI_ROLE_RECEIVABLE },
  { N_("VAT payable"),           DAFTARI_ACCOUNT_LIABILITY,  DAFTARI_ROLE_VAT },
  { N_("Fuliza"),                DAFTARI_ACCOUNT_LIABILITY,  DAFTARI_ROLE_FULIZA },
  { N_("Opening balances"),      DAFTARI_ACCOUNT_EQUITY,     DAFTARI_ROLE_OPENING },
};

gboolean
daftari_account_seed_defaults (DaftariBook *book, GError **error)
{
  const DaftariCommodity *currency = daftari_book_get_currency (book);

  for (guint i = 0; i < G_N_ELEMENTS (seed_accounts); i++)
    if (!insert_account (book, _(seed_accounts[i].name), seed_accounts[i].kind, currency, NULL,
                         FALSE, seed_accounts[i].role, NULL, error))
      return FALSE;
  return TRUE;
}
