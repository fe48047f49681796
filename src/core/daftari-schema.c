/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-schema.h"

#include <glib/gi18n-lib.h>

#include "daftari-db.h"
#include "daftari-error.h"

/* Migrations are append-only: a released step is never edited, a change is a
 * new step. Step N brings user_version from N-1 to N. */

/* 1: the ledger. Amounts are minor units of the account's commodity, values
 * minor units of the book currency; times are UTC seconds. account.balance,
 * account.last_ts and account_month are caches kept by the one write path
 * (daftari-ledger.c) and verified by `daftari-cli check`. */
static const char migration_1[] =
  "CREATE TABLE setting ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE account ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  kind TEXT NOT NULL,"
  "  commodity TEXT NOT NULL,"
  "  institution TEXT,"
  "  allow_overdraft INTEGER NOT NULL DEFAULT 0,"
  "  archived INTEGER NOT NULL DEFAULT 0,"
  "  role TEXT UNIQUE,"
  "  balance INTEGER NOT NULL DEFAULT 0,"
  "  last_ts INTEGER NOT NULL DEFAULT 0,"
  "  created INTEGER NOT NULL"
  ");"
  "CREATE TABLE txn ("
  "  id INTEGER PRIMARY KEY,"
  "  ts INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  memo TEXT NOT NULL DEFAULT '',"
  "  payee TEXT NOT NULL DEFAULT '',"
  "  voided INTEGER NOT NULL DEFAULT 0,"
  "  created INTEGER NOT NULL"
  ");"
  "CREATE INDEX txn_by_ts ON txn (ts);"
  "CREATE TABLE split ("
  "  txn_id INTEGER NOT NULL REFERENCES txn (id),"
  "  n INTEGER NOT NULL,"
  "  account_id INTEGER NOT NULL REFERENCES account (id),"
  "  ts INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL,"
  "  value INTEGER NOT NULL,"
  "  role INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (txn_id, n)"
  ") WITHOUT ROWID;"
  /* Covers balance-as-of and per-account listing without touching split rows. */
  "CREATE INDEX split_by_account ON split (account_id, ts, amount);"
  "CREATE TABLE account_month ("
  "  account_id INTEGER NOT NULL REFERENCES account (id),"
  "  month INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL,"
  "  value INTEGER NOT NULL,"
  "  PRIMARY KEY (account_id, month)"
  ") WITHOUT ROWID;"
  "CREATE TABLE rate ("
  "  commodity TEXT NOT NULL,"
  "  day INTEGER NOT NULL,"
  "  rate INTEGER NOT NULL CHECK (rate > 0),"
  "  PRIMARY KEY (commodity, day)"
  ") WITHOUT ROWID;";

/* 2: Lipa na M-PESA details on transactions, and the audit trail of edits and
 * voids. Books from step 1 get their transfers' channel filled in. */
static const char migration_2[] =
  "ALTER TABLE txn ADD COLUMN channel TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE txn ADD COLUMN counterparty TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE txn ADD COLUMN reference TEXT NOT NULL DEFAULT '';"
  "UPDATE txn SET channel = 'transfer' WHERE kind = 'transfer';"
  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY,"
  "  ts INTEGER NOT NULL,"
  "  txn_id INTEGER NOT NULL REFERENCES txn (id),"
  "  action TEXT NOT NULL,"
  "  before TEXT,"
  "  after TEXT"
  ");"
  "CREATE INDEX audit_by_txn ON audit (txn_id);";

/* 3: customers and invoices (docs/invoices.md). Invoice totals are stored
 * as computed when the invoice was last saved, so lists and aging need no
 * arithmetic; the numbering counter is per year and moves in the same
 * transaction as the issue, so numbers are unique and gap-free. Payments
 * are ledger transactions (wallet against Accounts Receivable); their
 * allocations to invoices are kept beside them, and what is not allocated
 * is the customer's credit. */
static const char migration_3[] =
  "CREATE TABLE customer ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  kra_pin TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  language TEXT NOT NULL DEFAULT 'en',"
  "  created INTEGER NOT NULL"
  ");"
  "CREATE TABLE invoice ("
  "  id INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customer (id),"
  "  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'issued', 'void')),"
  "  number TEXT UNIQUE,"
  "  year INTEGER,"
  "  seq INTEGER,"
  "  issue_ts INTEGER NOT NULL DEFAULT 0,"
  "  due_days INTEGER NOT NULL DEFAULT 0,"
  "  due_day INTEGER NOT NULL DEFAULT 0,"
  "  vat_inclusive INTEGER NOT NULL DEFAULT 0,"
  "  discount_kind INTEGER NOT NULL DEFAULT 0,"
  "  discount_value INTEGER NOT NULL DEFAULT 0,"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  net INTEGER NOT NULL DEFAULT 0,"
  "  vat INTEGER NOT NULL DEFAULT 0,"
  "  total INTEGER NOT NULL DEFAULT 0,"
  "  txn_id INTEGER REFERENCES txn (id),"
  "  void_txn_id INTEGER REFERENCES txn (id),"
  "  created INTEGER NOT NULL,"
  "  UNIQUE (year, seq)"
  ");"
  "CREATE INDEX invoice_by_customer ON invoice (customer_id, due_day);"
  "CREATE INDEX invoice_by_state ON invoice (state, due_day);"
  "CREATE TABLE invoice_line ("
  "  invoice_id INTEGER NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,"
  "  n INTEGER NOT NULL,"
  "  description TEXT NOT NULL,"
  "  quantity INTEGER NOT NULL,"
  "  unit_price INTEGER NOT NULL,"
  "  discount_kind INTEGER NOT NULL DEFAULT 0,"
  "  discount_value INTEGER NOT NULL DEFAULT 0,"
  "  vat_rate TEXT NOT NULL,"
  "  category_id INTEGER NOT NULL REFERENCES account (id),"
  "  amount INTEGER NOT NULL,"
  "  share INTEGER NOT NULL,"
  "  net INTEGER NOT NULL,"
  "  vat INTEGER NOT NULL,"
  "  PRIMARY KEY (invoice_id, n)"
  ") WITHOUT ROWID;"
  "CREATE TABLE invoice_counter ("
  "  year INTEGER PRIMARY KEY,"
  "  next INTEGER NOT NULL"
  ");"
  "CREATE TABLE customer_payment ("
  "  id INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customer (id),"
  "  txn_id INTEGER NOT NULL REFERENCES txn (id),"
  "  wallet_id INTEGER NOT NULL REFERENCES account (id),"
  "  ts INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL CHECK (amount > 0)"
  ");"
  "CREATE INDEX payment_by_customer ON customer_payment (customer_id, ts);"
  "CREATE TABLE payment_allocation ("
  "  payment_id INTEGER NOT NULL REFERENCES customer_payment (id),"
  "  invoice_id INTEGER NOT NULL REFERENCES invoice (id),"
  "  amount INTEGER NOT NULL CHECK (amount > 0),"
  "  PRIMARY KEY (payment_id, invoice_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX allocation_by_invoice ON payment_allocation (invoice_id);"
  "CREATE TABLE invoice_schedule ("
  "  id INTEGER PRIMARY KEY,"
  "  template_id INTEGER NOT NULL REFERENCES invoice (id),"
  "  day_of_month INTEGER NOT NULL CHECK (day_of_month BETWEEN 1 AND 28),"
  "  next_day INTEGER NOT NULL,"
  "  active INTEGER NOT NULL DEFAULT 1"
  ");";

/* 4: imports (docs/import.md). One import_batch per import run; one
 * import_row per source row it read into a wallet, keyed by the parser's
 * stable key (unique per wallet), so that reading it again adds nothing.
 * A row is posted (txn_id: its transaction), held (over the limit, no
 * transaction) or a duplicate of a row another source brought (txn_id: that
 * row's transaction). Receipt, time and amount find such duplicates. */
static const char migration_4[] =
  "CREATE TABLE import_batch ("
  "  id INTEGER PRIMARY KEY,"
  "  ts INTEGER NOT NULL,"
  "  source TEXT NOT NULL,"
  "  file_name TEXT NOT NULL DEFAULT '',"
  "  wallet_id INTEGER NOT NULL REFERENCES account (id),"
  "  opening_txn_id INTEGER REFERENCES txn (id),"
  "  rows INTEGER NOT NULL DEFAULT 0,"
  "  new INTEGER NOT NULL DEFAULT 0,"
  "  duplicate INTEGER NOT NULL DEFAULT 0,"
  "  skipped INTEGER NOT NULL DEFAULT 0,"
  "  held INTEGER NOT NULL DEFAULT 0,"
  "  rejected INTEGER NOT NULL DEFAULT 0,"
  "  undone INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE import_row ("
  "  id INTEGER PRIMARY KEY,"
  "  batch_id INTEGER NOT NULL REFERENCES import_batch (id),"
  "  wallet_id INTEGER NOT NULL REFERENCES account (id),"
  "  key TEXT NOT NULL,"
  "  txn_id INTEGER REFERENCES txn (id),"
  "  state TEXT NOT NULL CHECK (state IN ('posted', 'held', 'duplicate')),"
  "  receipt TEXT NOT NULL DEFAULT '',"
  "  ts INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL,"
  "  details TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (wallet_id, key)"
  ");"
  "CREATE INDEX import_row_by_receipt ON import_row (wallet_id, receipt, ts);"
  "CREATE INDEX import_row_by_batch ON import_row (batch_id);"
  "CREATE INDEX import_row_by_txn ON import_row (txn_id);";

/* 5: what imports learn and keep (docs/import.md, docs/reconcile.md,
 * docs/receipts.md). category_rule: user rules that pick a category for a
 * payee field (Paybill 888880 → Electricity). payer_alias: who a payer is
 * (a phone, a cleaned name or an account reference → a customer), taught by
 * accepted matches. reconcile_match: each incoming payment's candidate
 * invoices with confidence and reasons; 'review' waits for the user.
 * import_mapping: a bank CSV's column mapping remembered per wallet.
 * attachment: receipt images and PDFs stored in the book once per content
 * hash, linked to transactions by txn_attachment. */
static const char migration_5[] =
  "CREATE TABLE category_rule ("
  "  id INTEGER PRIMARY KEY,"
  "  field TEXT NOT NULL CHECK (field IN ('paybill', 'till', 'phone', 'counterparty', 'text')),"
  "  pattern TEXT NOT NULL,"
  "  category_id INTEGER NOT NULL REFERENCES account (id),"
  "  created INTEGER NOT NULL,"
  "  UNIQUE (field, pattern)"
  ");"
  "CREATE TABLE payer_alias ("
  "  kind TEXT NOT NULL CHECK (kind IN ('phone', 'name', 'reference')),"
  "  key TEXT NOT NULL,"
  "  customer_id INTEGER NOT NULL REFERENCES customer (id),"
  "  created INTEGER NOT NULL,"
  "  PRIMARY KEY (kind, key)"
  ") WITHOUT ROWID;"
  "CREATE INDEX payer_alias_by_customer ON payer_alias (customer_id);"
  "CREATE TABLE reconcile_match ("
  "  id INTEGER PRIMARY KEY,"
  "  txn_id INTEGER NOT NULL REFERENCES txn (id),"
  "  invoice_id INTEGER NOT NULL REFERENCES invoice (id),"
  "  amount INTEGER NOT NULL,"
  "  confidence INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 100),"
  "  reasons TEXT NOT NULL DEFAULT '',"
  "  state TEXT NOT NULL CHECK (state IN ('review', 'applied', 'accepted', 'rejected')),"
  "  created INTEGER NOT NULL,"
  "  rank INTEGER NOT NULL DEFAULT 1,"
  "  category_id INTEGER REFERENCES account (id),"
  "  UNIQUE (txn_id, rank, invoice_id)"
  ");"
  "CREATE INDEX reconcile_match_by_state ON reconcile_match (state, txn_id);"
  "CREATE INDEX reconcile_match_by_invoice ON reconcile_match (invoice_id);"
  "CREATE TABLE import_mapping ("
  "  wallet_id INTEGER PRIMARY KEY REFERENCES account (id),"
  "  source TEXT NOT NULL,"
  "  mapping TEXT NOT NULL,"
  "  updated INTEGER NOT NULL"
  ");"
  "CREATE TABLE attachment ("
  "  id INTEGER PRIMARY KEY,"
  "  sha256 TEXT NOT NULL UNIQUE,"
  "  mime TEXT NOT NULL,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  bytes BLOB NOT NULL,"
  "  details TEXT NOT NULL DEFAULT '',"
  "  created INTEGER NOT NULL"
  ");"
  "CREATE TABLE txn_attachment ("
  "  txn_id INTEGER NOT NULL REFERENCES txn (id),"
  "  attachment_id INTEGER NOT NULL REFERENCES attachment (id),"
  "  PRIMARY KEY (txn_id, attachment_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX txn_attachment_by_attachment ON txn_attachment (attachment_id);";

/* 6: planning (docs/planning.md). schedule: a recurring transaction, posted
 * through the ordinary operations when due; next_day is its first occurrence
 * not yet posted (0 once it has ended), rule_n the day of the month (1-31,
 * clamped to the month's last day), the weekday (1 Monday - 7 Sunday) or the
 * number of days between occurrences. schedule_post: which transaction each
 * occurrence became, so a run never posts one twice and anomaly flags can
 * leave scheduled payments alone. budget: an expense category's budget for
 * one month, or for every month when month is NULL (a month's own budget
 * wins). anomaly_dismissal: flags the user has seen and set aside, by the
 * flag's stable key. */
static const char migration_6[] =
  "CREATE TABLE schedule ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('income', 'expense', 'transfer', 'payment')),"
  "  wallet_id INTEGER NOT NULL REFERENCES account (id),"
  "  target_id INTEGER REFERENCES account (id),"
  "  amount INTEGER NOT NULL CHECK (amount > 0),"
  "  fee INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),"
  "  memo TEXT NOT NULL DEFAULT '',"
  "  channel TEXT NOT NULL DEFAULT '',"
  "  number TEXT NOT NULL DEFAULT '',"
  "  reference TEXT NOT NULL DEFAULT '',"
  "  rule TEXT NOT NULL CHECK (rule IN ('monthly', 'weekly', 'days')),"
  "  rule_n INTEGER NOT NULL CHECK (rule_n >= 1),"
  "  start_day INTEGER NOT NULL,"
  "  end_day INTEGER NOT NULL DEFAULT 0,"
  "  next_day INTEGER NOT NULL,"
  "  active INTEGER NOT NULL DEFAULT 1,"
  "  last_day INTEGER NOT NULL DEFAULT 0,"
  "  created INTEGER NOT NULL"
  ");"
  "CREATE TABLE schedule_post ("
  "  schedule_id INTEGER NOT NULL REFERENCES schedule (id),"
  "  day INTEGER NOT NULL,"
  "  txn_id INTEGER NOT NULL REFERENCES txn (id),"
  "  PRIMARY KEY (schedule_id, day)"
  ") WITHOUT ROWID;"
  "CREATE INDEX schedule_post_by_txn ON schedule_post (txn_id);"
  "CREATE TABLE budget ("
  "  id INTEGER PRIMARY KEY,"
  "  category_id INTEGER NOT NULL REFERENCES account (id),"
  "  month INTEGER,"
  "  amount INTEGER NOT NULL CHECK (amount >= 0),"
  "  updated INTEGER NOT NULL"
  ");"
  "CREATE UNIQUE INDEX budget_by_category_month ON budget (category_id, IFNULL (month, 0));"
  "CREATE TABLE anomaly_dismissal ("
  "  key TEXT PRIMARY KEY,"
  "  dismissed INTEGER NOT NULL"
  ") WITHOUT ROWID;";

/* 7: each wallet's money in, money out, transfers and charges per month
 * (docs/reports.md), kept by the ledger's write cache beside account_month
 * so the cash-flow report reads months instead of every transaction. A book
 * from before has its months computed in C, by the same rule, the first
 * time it opens (wallet_flow_stale asks for that). */
static const char migration_7[] =
  "CREATE TABLE wallet_flow_month ("
  "  wallet_id INTEGER NOT NULL REFERENCES account (id),"
  "  month INTEGER NOT NULL,"
  "  money_in INTEGER NOT NULL DEFAULT 0,"
  "  money_out INTEGER NOT NULL DEFAULT 0,"
  "  transfers_in INTEGER NOT NULL DEFAULT 0,"
  "  transfers_out INTEGER NOT NULL DEFAULT 0,"
  "  fees INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (wallet_id, month)"
  ") WITHOUT ROWID;"
  "INSERT INTO setting (key, value) SELECT 'wallet_flow_stale', '1' WHERE EXISTS (SELECT 1 FROM split);";

/* 8: a lighter import_row (docs/import.md, "Speed"). An import writes a row
 * here for every source row, so what one costs is much of what an import
 * costs beyond the ledger:
 * - SQLite checks `state IN (...)` by building a temporary table of the
 *   three names for every row inserted; comparisons joined by OR say the
 *   same and cost nothing.
 * - Its references (batch, wallet, transaction) were checked on every
 *   insert, yet none of those rows is ever deleted; `daftari-cli check`
 *   looks for a row pointing nowhere instead (daftari-check.c).
 * - The index by batch served only Undo and the review of held rows, which
 *   read the table once as fast. The index by receipt goes too: the keys of
 *   M-PESA rows start with their source and receipt, so the key's own index
 *   finds a receipt's rows (daftari-import.c, receipt_sources).
 * The same rows, ids and keys are copied over. */
static const char migration_8[] =
  "CREATE TABLE import_row_8 ("
  "  id INTEGER PRIMARY KEY,"
  "  batch_id INTEGER NOT NULL,"
  "  wallet_id INTEGER NOT NULL,"
  "  key TEXT NOT NULL,"
  "  txn_id INTEGER,"
  "  state TEXT NOT NULL CHECK (state = 'posted' OR state = 'held' OR state = 'duplicate'),"
  "  receipt TEXT NOT NULL DEFAULT '',"
  "  ts INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL,"
  "  details TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (wallet_id, key)"
  ");"
  "INSERT INTO import_row_8 (id, batch_id, wallet_id, key, txn_id, state, receipt, ts, amount, details)"
  "  SELECT id, batch_id, wallet_id, key, txn_id, state, receipt, ts, amount, details FROM import_row;"
  "DROP TABLE import_row;"
  "ALTER TABLE import_row_8 RENAME TO import_row;"
  "CREATE INDEX import_row_by_txn ON import_row (txn_id);";

static const char *const migrations[] = { migration_1, migration_2, migration_3, migration_4, migration_5,
                                           migration_6, migration_7, migration_8 };

int
daftari_schema_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

gboolean
daftari_schema_migrate (sqlite3 *db, int target_version, GError **error)
{
  int version;

  g_return_val_if_fail (target_version <= daftari_schema_latest_version (), FALSE);

  if (!daftari_db_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!daftari_db_get_int (db, "PRAGMA user_version", &version, error))
    goto fail;
  for (; version < target_version; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!daftari_db_exec (db, migrations[version], error) || !daftari_db_exec (db, bump, error))
        {
          g_prefix_error (error, _("Could not update the book to version %d: "), version + 1);
          goto fail;
        }
    }
  {
    g_autofree char *mark = g_strdup_printf ("PRAGMA application_id = %d", DAFTARI_APPLICATION_ID);
    if (!daftari_db_exec (db, mark, error))
      goto fail;
  }
  return daftari_db_exec (db, "COMMIT", error);

fail:
  daftari_db_exec (db, "ROLLBACK", NULL);
  return FALSE;
}
