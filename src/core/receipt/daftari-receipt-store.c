/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Receipts into the book: the expense, the image, the link between them. */
#include "daftari-receipt-store.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-account.h"
#include "daftari-book-private.h"
#include "daftari-calendar.h"
#include "daftari-db.h"
#include "daftari-error.h"
#include "daftari-ledger.h"
#include "daftari-money.h"
#include "daftari-ops.h"

void
daftari_attachment_free (DaftariAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->sha256);
  g_free (attachment->mime);
  g_free (attachment->name);
  g_free (attachment->details);
  g_free (attachment);
}

/* The attachment row for these bytes (their SHA-256 given): the existing
 * one when the same bytes were saved before. */
static gboolean
store_image (DaftariBook *book, const DaftariReceiptSave *spec, const char *sha256, gint64 *out_id, GError **error)
{
  sqlite3_stmt *insert = daftari_book_prepare (book,
      "INSERT INTO attachment (sha256, mime, name, bytes, details, created) VALUES (?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (sha256) DO NOTHING", error);
  sqlite3_stmt *find;
  gsize size;
  const void *data = g_bytes_get_data (spec->image, &size);
  int rc;

  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 2, spec->mime != NULL ? spec->mime : "application/octet-stream", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 3, spec->name != NULL ? spec->name : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob64 (insert, 4, data, size, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, spec->details != NULL ? spec->details : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 6, daftari_calendar_now ());
  if (!daftari_db_step_done (insert, error))
    return FALSE;
  find = daftari_book_prepare (book, "SELECT id FROM attachment WHERE sha256 = ?", error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_text (find, 1, sha256, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    *out_id = sqlite3_column_int64 (find, 0);
  else
    daftari_db_set_error (error, daftari_book_get_db (book), rc == SQLITE_DONE ? SQLITE_CORRUPT : rc);
  sqlite3_reset (find);
  return rc == SQLITE_ROW;
}

static gboolean
link_image (DaftariBook *book, gint64 txn_id, gint64 attachment_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "INSERT OR IGNORE INTO txn_attachment (txn_id, attachment_id) VALUES (?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  sqlite3_bind_int64 (stmt, 2, attachment_id);
  return daftari_db_step_done (stmt, error);
}

/* Refuses a wallet in another currency than the book's: the receipt's
 * total would be read as that many bitcoin. */
static gboolean
check_wallet_currency (DaftariBook *book, gint64 wallet_id, GError **error)
{
  g_autoptr(DaftariAccount) wallet = daftari_account_get (book, wallet_id, error);
  const DaftariCommodity *currency = daftari_book_get_currency (book);

  if (wallet == NULL)
    return FALSE;
  if (g_strcmp0 (wallet->commodity->code, currency->code) != 0)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("%s keeps %s, but a receipt's amounts are in %s; pay it from a wallet in %s"),
                   wallet->name, wallet->commodity->code, currency->code, currency->code);
      return FALSE;
    }
  return TRUE;
}

/* Refuses (DAFTARI_INPUT_ERROR_EXISTS) an image (by its SHA-256) already
 * attached to an expense that was not voided, saying which one. */
static gboolean
check_not_saved_before (DaftariBook *book, const char *sha256, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT t.ts, w.name, w.commodity, -s.amount FROM attachment a"
      " JOIN txn_attachment l ON l.attachment_id = a.id JOIN txn t ON t.id = l.txn_id"
      " JOIN split s ON s.txn_id = t.id AND s.amount < 0 JOIN account w ON w.id = s.account_id"
      " WHERE a.sha256 = ? AND t.voided = 0 ORDER BY t.id LIMIT 1", error);
  gboolean fresh;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  fresh = rc == SQLITE_DONE;
  if (rc == SQLITE_ROW)
    {
      g_autofree char *day = daftari_calendar_format_date (daftari_book_get_calendar (book),
                                                           sqlite3_column_int64 (stmt, 0));
      const DaftariCommodity *commodity = daftari_commodity_lookup ((const char *) sqlite3_column_text (stmt, 2));
      g_autofree char *amount = commodity != NULL
                                ? daftari_money_format (sqlite3_column_int64 (stmt, 3), commodity, DAFTARI_MONEY_FORMAT_DEFAULT)
                                : g_strdup ("?");

      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_EXISTS,
                   _("This receipt is already saved: an expense of %s on %s from %s. "
                     "Save it again only if you paid it twice"),
                   amount, day, (const char *) sqlite3_column_text (stmt, 1));
    }
  else if (rc != SQLITE_DONE)
    daftari_db_set_error (error, daftari_book_get_db (book), rc);
  sqlite3_reset (stmt);
  return fresh;
}

gboolean
daftari_receipt_save (DaftariBook *book, const DaftariReceiptSave *spec, gint64 *out_txn_id,
                      gint64 *out_attachment_id, GError **error)
{
  g_autoptr(DaftariTxn) txn = NULL;
  g_autofree char *sha256 = NULL;
  gint64 txn_id = 0, attachment_id = 0;

  g_return_val_if_fail (DAFTARI_IS_BOOK (book) && spec != NULL, FALSE);
  if (spec->image == NULL || g_bytes_get_size (spec->image) == 0)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("The receipt has no image to attach; read the receipt from its file first"));
      return FALSE;
    }
  if (spec->amount <= 0)
    {
      g_set_error_literal (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_INVALID,
                           _("The receipt's total must be more than zero; enter the amount paid"));
      return FALSE;
    }
  if (!check_wallet_currency (book, spec->wallet_id, error))
    return FALSE;
  txn = daftari_ops_build_record (book, DAFTARI_TXN_EXPENSE, spec->wallet_id, spec->category_id, spec->amount,
                                  spec->ts, spec->memo, error);
  if (txn == NULL || !daftari_ledger_batch_begin (book, error))
    return FALSE;
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, spec->image);
  if ((!spec->again && !check_not_saved_before (book, sha256, error))
      || !daftari_ledger_post (book, txn, &txn_id, error) || !store_image (book, spec, sha256, &attachment_id, error)
      || !link_image (book, txn_id, attachment_id, error))
    {
      daftari_ledger_batch_abort (book);
      return FALSE;
    }
  if (!daftari_ledger_batch_commit (book, error))
    return FALSE;
  if (out_txn_id != NULL)
    *out_txn_id = txn_id;
  if (out_attachment_id != NULL)
    *out_attachment_id = attachment_id;
  return TRUE;
}

GPtrArray *
daftari_receipt_list_attachments (DaftariBook *book, gint64 txn_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT a.id, a.sha256, a.mime, a.name, length (a.bytes), a.created, a.details "
      "FROM txn_attachment t JOIN attachment a ON a.id = t.attachment_id WHERE t.txn_id = ? ORDER BY a.id", error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_attachment_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftariAttachment *a = g_new0 (DaftariAttachment, 1);

      a->id = sqlite3_column_int64 (stmt, 0);
      a->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      a->mime = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      a->name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      a->size = sqlite3_column_int64 (stmt, 4);
      a->created = sqlite3_column_int64 (stmt, 5);
      a->details = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (list, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GBytes *
daftari_receipt_attachment_bytes (DaftariBook *book, gint64 attachment_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book, "SELECT bytes FROM attachment WHERE id = ?", error);
  GBytes *bytes = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, attachment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  else if (rc == SQLITE_DONE)
    g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND,
                 _("There is no attachment %lld in the book"), (long long) attachment_id);
  else
    daftari_db_set_error (error, daftari_book_get_db (book), rc);
  sqlite3_reset (stmt);
  return bytes;
}

/* Words in a merchant's name and the seeded category they suggest. */
static const struct {
  const char *category;       /* the seed's untranslated name */
  const char *words;          /* upper case, space separated */
} suggestions[] = {
  { N_("Fuel"), "PETROL DIESEL FUEL FUELS PETROLEUM FILLING SERVICE-STATION OIL ENERGY ENERGIES" },
  { N_("Food"), "RESTAURANT CAFE CAFETERIA HOTEL BAKERY BAKERS BUTCHERY EATERY KITCHEN PIZZA CHICKEN "
                "GRILL COFFEE FOOD FOODS CHAKULA NYAMA CHOMA" },
  { N_("Transport"), "TAXI CAB CABS BUS BUSES SACCO MATATU SHUTTLE TRAVEL TRAVELS TRANSPORT PARKING "
                     "AIRWAYS AIRLINES RAILWAYS COURIER" },
  { N_("Airtime & data"), "AIRTIME SAFARICOM AIRTEL TELKOM DATA BUNDLES INTERNET" },
  { N_("Electricity (KPLC)"), "KPLC ELECTRICITY POWER TOKENS" },
  { N_("Water"), "WATER SEWERAGE" },
  { N_("Stock purchases"), "WHOLESALE WHOLESALERS DISTRIBUTORS DISTRIBUTOR SUPPLIES SUPPLIERS "
                           "MANUFACTURERS" },
};

static gboolean
name_has_word (char **name_words, const char *words)
{
  g_auto(GStrv) wanted = g_strsplit (words, " ", -1);

  for (guint i = 0; name_words[i] != NULL; i++)
    if (name_words[i][0] != '\0' && g_strv_contains ((const char *const *) wanted, name_words[i]))
      return TRUE;
  return FALSE;
}

/* The category the latest receipt from this merchant (its memo, any case)
 * was filed under, as it stands now: the owner's own choice beats a guess
 * from words. Only saved receipts are looked at (txn_attachment is small),
 * so a book of a million payments answers at once. 0 when none. */
static gint64
category_filed_before (DaftariBook *book, const char *merchant, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT s.account_id FROM txn_attachment l JOIN txn t ON t.id = l.txn_id"
      " JOIN split s ON s.txn_id = t.id AND s.amount > 0 JOIN account a ON a.id = s.account_id"
      " WHERE t.voided = 0 AND t.kind = 'expense' AND a.kind = 'expense' AND a.archived = 0"
      " AND t.memo = ? COLLATE NOCASE ORDER BY t.ts DESC, t.id DESC LIMIT 1", error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, merchant, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      id = -1;
    }
  sqlite3_reset (stmt);
  return id;
}

/* A seeded category by its name in the language of the user, else in
 * English (a book made before the user switched to Swahili). NULL when
 * renamed, removed, archived or not an expense category. */
static DaftariAccount *
seeded_category (DaftariBook *book, const char *untranslated)
{
  const char *names[] = { _(untranslated), untranslated };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(DaftariAccount) category = daftari_account_find (book, names[i], NULL);

      if (category != NULL && category->kind == DAFTARI_ACCOUNT_EXPENSE && !category->archived)
        return g_steal_pointer (&category);
    }
  return NULL;
}

gint64
daftari_receipt_suggest_category (DaftariBook *book, const char *merchant, GError **error)
{
  g_autofree char *upper = g_ascii_strup (merchant != NULL ? merchant : "", -1);
  g_auto(GStrv) name_words = NULL;
  g_autoptr(DaftariAccount) other = NULL;
  gint64 before = merchant != NULL && *merchant != '\0' ? category_filed_before (book, merchant, error) : 0;

  if (before < 0)   /* the book could not be read: error is set */
    return 0;
  if (before > 0)
    return before;
  g_strdelimit (upper, ".,:;()&/'\"!", ' ');
  name_words = g_strsplit (upper, " ", -1);
  for (guint i = 0; i < G_N_ELEMENTS (suggestions); i++)
    if (name_has_word (name_words, suggestions[i].words))
      {
        g_autoptr(DaftariAccount) category = seeded_category (book, suggestions[i].category);

        if (category != NULL)
          return category->id;
      }
  other = daftari_account_find_role (book, DAFTARI_ROLE_OTHER_EXPENSES, error);
  return other != NULL ? other->id : 0;
}

gboolean
daftari_receipt_amount_to_minor (gint64 hundredths, const DaftariCommodity *commodity, gint64 *out_minor,
                                 GError **error)
{
  gint64 unit = daftari_commodity_unit (commodity);

  /* unit / 100 is exact for every commodity with two or more decimals;
   * one with fewer rounds once, half away from zero. */
  return daftari_money_muldiv (hundredths, unit, 100, out_minor, error);
}
