/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-customer.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-book-private.h"
#include "daftari-db.h"
#include "daftari-error.h"
#include "daftari-phone.h"

G_DEFINE_BOXED_TYPE (DaftariCustomer, daftari_customer, daftari_customer_copy, daftari_customer_free)

DaftariCustomer *
daftari_customer_copy (const DaftariCustomer *customer)
{
  DaftariCustomer *copy = g_memdup2 (customer, sizeof *customer);

  copy->name = g_strdup (customer->name);
  copy->phone = g_strdup (customer->phone);
  copy->email = g_strdup (customer->email);
  copy->kra_pin = g_strdup (customer->kra_pin);
  copy->address = g_strdup (customer->address);
  copy->notes = g_strdup (customer->notes);
  copy->language = g_strdup (customer->language);
  return copy;
}

void
daftari_customer_free (DaftariCustomer *customer)
{
  if (customer == NULL)
    return;
  g_free (customer->name);
  g_free (customer->phone);
  g_free (customer->email);
  g_free (customer->kra_pin);
  g_free (customer->address);
  g_free (customer->notes);
  g_free (customer->language);
  g_free (customer);
}

static gboolean
invalid (GError **error, const char *message)
{
  g_set_error_literal (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_INVALID, message);
  return FALSE;
}

/* KRA PINs are a letter (A for individuals, P for companies), nine digits
 * and a check letter; people type them in any case and with spaces. */
gboolean
daftari_kra_pin_normalise (const char *text, char **out_pin, GError **error)
{
  GString *pin = g_string_new (NULL);
  g_autofree char *result = NULL;

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    if (!g_ascii_isspace (*p) && *p != '-')
      g_string_append_c (pin, g_ascii_toupper (*p));
  result = g_string_free (pin, FALSE);
  if (strlen (result) != 11 || !g_ascii_isalpha (result[0]) || !g_ascii_isalpha (result[10]))
    goto bad;
  for (int i = 1; i <= 9; i++)
    if (!g_ascii_isdigit (result[i]))
      goto bad;
  *out_pin = g_steal_pointer (&result);
  return TRUE;

bad:
  g_set_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_INVALID,
               _("“%s” is not a KRA PIN: it is a letter, nine digits and a letter, like A123456789Z"), text);
  return FALSE;
}

/* Enough to catch typing slips (a missing @, a space), not a full RFC 5322. */
gboolean
daftari_email_check (const char *text, GError **error)
{
  const char *at = text ? strchr (text, '@') : NULL;

  if (at != NULL && at != text && strchr (at + 1, '@') == NULL && strchr (at + 1, '.') != NULL &&
      at[1] != '.' && text[strlen (text) - 1] != '.' && strpbrk (text, " \t,;<>") == NULL)
    return TRUE;
  g_set_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_INVALID,
               _("“%s” is not an email address"), text ? text : "");
  return FALSE;
}

/* The spec, checked and put in the form it is stored in. */
typedef struct {
  char *name, *phone, *email, *kra_pin, *address, *notes, *language;
} Clean;

static void
clean_clear (Clean *c)
{
  g_free (c->name);
  g_free (c->phone);
  g_free (c->email);
  g_free (c->kra_pin);
  g_free (c->address);
  g_free (c->notes);
  g_free (c->language);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Clean, clean_clear)

static char *
stripped (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

static gboolean
clean_spec (const DaftariCustomerSpec *spec, Clean *c, GError **error)
{
  c->name = stripped (spec->name);
  c->email = stripped (spec->email);
  c->address = stripped (spec->address);
  c->notes = stripped (spec->notes);
  c->language = stripped (spec->language ? spec->language : "en");
  if (*c->name == '\0' || !g_utf8_validate (c->name, -1, NULL) || g_utf8_strlen (c->name, -1) > 120)
    return invalid (error, _("A customer needs a name of 1 to 120 characters"));
  if (spec->phone != NULL && *spec->phone != '\0')
    {
      if (!daftari_phone_normalise (spec->phone, &c->phone, error))
        return FALSE;
    }
  else
    c->phone = g_strdup ("");
  if (spec->kra_pin != NULL && *spec->kra_pin != '\0')
    {
      if (!daftari_kra_pin_normalise (spec->kra_pin, &c->kra_pin, error))
        return FALSE;
    }
  else
    c->kra_pin = g_strdup ("");
  if (*c->email != '\0' && !daftari_email_check (c->email, error))
    return FALSE;
  if (!g_str_equal (c->language, "en") && !g_str_equal (c->language, "sw"))
    return invalid (error, _("A customer’s language is en (English) or sw (Kiswahili)"));
  return TRUE;
}

static gboolean
write_customer (DaftariBook *book, sqlite3_stmt *stmt, const Clean *c, gint64 id, GError **error)
{
  int rc;

  sqlite3_bind_text (stmt, 1, c->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, c->phone, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, c->email, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, c->kra_pin, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, c->address, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, c->notes, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, c->language, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, id ? id : daftari_calendar_now ());
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_set_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_EXISTS,
                   _("There is already a customer called “%s”"), c->name);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return FALSE;
    }
  return TRUE;
}

gboolean
daftari_customer_add (DaftariBook *book, const DaftariCustomerSpec *spec, gint64 *out_id, GError **error)
{
  g_auto(Clean) c = { 0 };
  sqlite3_stmt *stmt;

  if (!clean_spec (spec, &c, error) || !daftari_book_begin (book, error))
    return FALSE;
  stmt = daftari_book_prepare (book,
      "INSERT INTO customer (name, phone, email, kra_pin, address, notes, language, created)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL || !write_customer (book, stmt, &c, 0, error))
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (daftari_book_get_db (book));
  return daftari_book_commit (book, error);
}

gboolean
daftari_customer_update (DaftariBook *book, gint64 id, const DaftariCustomerSpec *spec, GError **error)
{
  g_auto(Clean) c = { 0 };
  g_autoptr(DaftariCustomer) existing = NULL;
  sqlite3_stmt *stmt;

  if (!clean_spec (spec, &c, error) || !daftari_book_begin (book, error))
    return FALSE;
  stmt = daftari_book_prepare (book,
      "UPDATE customer SET name = ?1, phone = ?2, email = ?3, kra_pin = ?4, address = ?5, notes = ?6,"
      " language = ?7 WHERE id = ?8", error);
  if (stmt == NULL || (existing = daftari_customer_get (book, id, error)) == NULL ||
      !write_customer (book, stmt, &c, id, error))
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}

#define CUSTOMER_COLUMNS "id, name, phone, email, kra_pin, address, notes, language"

static DaftariCustomer *
customer_from_row (sqlite3_stmt *stmt)
{
  DaftariCustomer *customer = g_new0 (DaftariCustomer, 1);

  customer->id = sqlite3_column_int64 (stmt, 0);
  customer->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  customer->phone = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  customer->email = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  customer->kra_pin = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  customer->address = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  customer->notes = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  customer->language = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  return customer;
}

static DaftariCustomer *
fetch_one (sqlite3_stmt *stmt, const char *missing, GError **error)
{
  int rc = sqlite3_step (stmt);
  DaftariCustomer *customer = NULL;

  if (rc == SQLITE_ROW)
    customer = customer_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_NOT_FOUND, missing);
  else
    daftari_db_set_error (error, sqlite3_db_handle (stmt), rc);
  sqlite3_reset (stmt);
  return customer;
}

DaftariCustomer *
daftari_customer_get (DaftariBook *book, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT " CUSTOMER_COLUMNS " FROM customer WHERE id = ?", error);
  g_autofree char *missing = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  missing = g_strdup_printf (_("There is no customer number %lld"), (long long) id);
  return fetch_one (stmt, missing, error);
}

DaftariCustomer *
daftari_customer_find (DaftariBook *book, const char *name, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT " CUSTOMER_COLUMNS " FROM customer WHERE name = trim (?)", error);
  g_autofree char *missing = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  missing = g_strdup_printf (_("There is no customer called “%s”. “daftari-cli customer list” shows them all."),
                             name);
  return fetch_one (stmt, missing, error);
}

/* People type the start of a phone as they write it, "0712 34"; phones are
 * stored as 2547…. A search of only digits (spaces, dashes and a leading
 * + allowed) is turned into the stored form; anything else is left alone. */
static char *
phone_search_text (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
    else if (*p != ' ' && *p != '-' && !(*p == '+' && p == text))
      {
        g_string_free (digits, TRUE);
        return g_strdup (text);
      }
  if (digits->len >= 2 && digits->str[0] == '0')
    g_string_prepend (g_string_erase (digits, 0, 1), "254");
  return g_string_free (digits, FALSE);
}

GPtrArray *
daftari_customer_search (DaftariBook *book, const char *text, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT " CUSTOMER_COLUMNS " FROM customer WHERE ?1 IS NULL"
      " OR instr (lower (name), lower (?1)) OR instr (phone, ?1) OR instr (lower (email), lower (?1))"
      " OR instr (kra_pin, upper (?1)) OR (?2 IS NOT NULL AND phone = ?2)"
      " ORDER BY name COLLATE NOCASE", error);
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_customer_free);
  g_autofree char *phone = NULL;
  g_autofree char *wanted = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (text != NULL && *text != '\0')
    {
      daftari_phone_normalise (text, &phone, NULL);
      wanted = phone_search_text (text);
      sqlite3_bind_text (stmt, 1, wanted, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, phone, -1, SQLITE_STATIC);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (customers, customer_from_row (stmt));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return NULL;
    }
  return g_steal_pointer (&customers);
}

static gboolean
one_int (sqlite3_stmt *stmt, gint64 *out, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      daftari_db_set_error (error, sqlite3_db_handle (stmt), rc);
      return FALSE;
    }
  return TRUE;
}

gboolean
daftari_customer_balance (DaftariBook *book, gint64 id, gint64 *out_balance, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT (SELECT coalesce (sum (total), 0) FROM invoice WHERE customer_id = ?1 AND state = 'issued')"
      " - (SELECT coalesce (sum (amount), 0) FROM customer_payment WHERE customer_id = ?1)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return one_int (stmt, out_balance, error);
}

gboolean
daftari_customer_credit (DaftariBook *book, gint64 id, gint64 *out_credit, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT coalesce (sum (p.amount - (SELECT coalesce (sum (a.amount), 0) FROM payment_allocation a"
      " WHERE a.payment_id = p.id)), 0) FROM customer_payment p WHERE p.customer_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return one_int (stmt, out_credit, error);
}

static void
event_clear (gpointer data)
{
  g_free (((DaftariCustomerEvent *) data)->reference);
}

GArray *
daftari_customer_history (DaftariBook *book, gint64 id, gint64 from_ts, gint64 to_ts,
                          gint64 *out_opening, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT 0, issue_ts, id, number, total FROM invoice WHERE customer_id = ?1 AND state <> 'draft'"
      " UNION ALL SELECT 2, t.ts, i.id, i.number, -i.total FROM invoice i JOIN txn t ON t.id = i.void_txn_id"
      "   WHERE i.customer_id = ?1"
      " UNION ALL SELECT 1, p.ts, p.id, a.name, -p.amount FROM customer_payment p"
      "   JOIN account a ON a.id = p.wallet_id WHERE p.customer_id = ?1"
      " ORDER BY 2, 1, 3", error);
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (DaftariCustomerEvent));
  gint64 balance = 0, opening = 0;
  int rc;

  if (stmt == NULL)
    return NULL;
  g_array_set_clear_func (events, event_clear);
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftariCustomerEvent event = {
        .kind = sqlite3_column_int (stmt, 0),
        .ts = sqlite3_column_int64 (stmt, 1),
        .id = sqlite3_column_int64 (stmt, 2),
        .amount = sqlite3_column_int64 (stmt, 4),
      };
      balance += event.amount;
      if (event.ts > to_ts)
        continue;
      if (event.ts < from_ts)
        {
          opening = balance;
          continue;
        }
      event.balance = balance;
      event.reference = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_array_append_val (events, event);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return NULL;
    }
  if (out_opening != NULL)
    *out_opening = opening;
  return g_steal_pointer (&events);
}
