/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "daftari-core.h"

G_BEGIN_DECLS

/* Helpers shared by the core's test programs. Every book lives in its own
 * temporary folder; the file is read back through a separate, raw SQLite
 * connection, so that what a test asserts is what is on disk, not what the
 * book object believes. */

/* A book with a few wallets and the seeded categories, in a fresh folder. */
typedef struct {
  char        *dir;
  char        *path;
  DaftariBook *book;
  /* Wallets: M-PESA KES 10,000, KCB KES 1,000,000, Cash KES 0 (all without
   * overdraft), Overdraft bank KES 0 (overdraft allowed). */
  gint64       mpesa, kcb, cash, overdraft;
  /* Seeded categories and Daftari's own accounts. */
  gint64       sales, stock, rent, charges, other, opening;
} TestBook;

void      test_common_init     (int          *argc,
                                char       ***argv);

char     *test_make_dir        (void);
/* Deletes a test folder and the files in it (one level: books, side files, backups). */
void      test_remove_dir      (const char   *dir);

/* Day 2025-01-01 + offset, at local noon of the book's calendar. */
gint64    test_day             (DaftariBook  *book,
                                int           offset);

TestBook *test_book_new        (void);
void      test_book_free       (TestBook     *tb);

gint64    test_account_id      (DaftariBook  *book,
                                const char   *name);
gint64    test_add_wallet      (DaftariBook  *book,
                                const char   *name,
                                DaftariAccountKind kind,
                                const char   *commodity,
                                gint64        opening,
                                gint64        opening_ts,
                                gboolean      allow_overdraft);
gint64    test_balance         (DaftariBook  *book,
                                gint64        account_id);
/* Posts income or expense and asserts it was accepted; returns its id. */
gint64    test_record          (DaftariBook  *book,
                                DaftariTxnKind kind,
                                gint64        wallet,
                                gint64        category,
                                gint64        amount,
                                gint64        ts);

/* A raw connection to a book file, for reading (and, in tamper tests, for
 * damaging a copy). Asserts on failure. */
sqlite3  *test_db_open         (const char   *path);
/* The first column of the first row of sql, as an integer (0 when NULL). */
gint64    test_db_int          (const char   *path,
                                const char   *sql);
gint64    test_sql_int         (sqlite3      *db,
                                const char   *sql);
void      test_sql_exec        (sqlite3      *db,
                                const char   *sql);
/* Every row of every table, in a stable order: two equal dumps mean the
 * file holds the same data. */
char     *test_db_dump         (const char   *path);

/* amount × from_rate / to_rate, rescaled between the commodities' scales and
 * rounded half away from zero, in 128-bit integers: the figure a conversion
 * must give, worked out without daftari_money_convert. */
gint64    test_expect_convert  (gint64        amount,
                                const DaftariCommodity *from,
                                gint64        from_rate,
                                const DaftariCommodity *to,
                                gint64        to_rate);

/* Asserts daftari_check_run finds nothing; prints what it found otherwise. */
void      test_assert_sound    (DaftariBook  *book);
/* Every transaction's values sum to zero, counted in raw SQL. */
void      test_assert_balanced (const char   *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestBook, test_book_free)

G_END_DECLS
