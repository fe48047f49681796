/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One error domain per core area (DESIGN.md). The CLI maps domains to exit
 * statuses: money, rule and input errors are the user's to fix (exit 1),
 * book errors are about the file or the database (exit 3). */

#define DAFTARI_MONEY_ERROR (daftari_money_error_quark ())
typedef enum {
  DAFTARI_MONEY_ERROR_INVALID,        /* not an amount at all */
  DAFTARI_MONEY_ERROR_AMBIGUOUS,      /* could be read two ways: refused */
  DAFTARI_MONEY_ERROR_TOO_PRECISE,    /* more decimals than the commodity has */
  DAFTARI_MONEY_ERROR_OVERFLOW,       /* does not fit in 64-bit minor units */
  DAFTARI_MONEY_ERROR_UNKNOWN_COMMODITY,
  DAFTARI_MONEY_ERROR_WRONG_CURRENCY, /* "USD 5" typed into a KES field */
} DaftariMoneyError;

#define DAFTARI_INPUT_ERROR (daftari_input_error_quark ())
typedef enum {
  DAFTARI_INPUT_ERROR_INVALID,        /* malformed value: a date, a name, a kind */
  DAFTARI_INPUT_ERROR_NOT_FOUND,      /* no such account, transaction, ... */
  DAFTARI_INPUT_ERROR_EXISTS,         /* the name is taken */
} DaftariInputError;

#define DAFTARI_RULE_ERROR (daftari_rule_error_quark ())
typedef enum {
  DAFTARI_RULE_ERROR_LIMIT,           /* over the per-transaction limit */
  DAFTARI_RULE_ERROR_OVERDRAFT,       /* a wallet would go below zero */
  DAFTARI_RULE_ERROR_NO_RATE,         /* no rate on or before the date */
  DAFTARI_RULE_ERROR_UNBALANCED,      /* splits do not sum to zero */
  DAFTARI_RULE_ERROR_ARCHIVED,        /* posting to an archived account */
  DAFTARI_RULE_ERROR_VOIDED,          /* the transaction is already void */
  DAFTARI_RULE_ERROR_INVALID,         /* a transaction that makes no sense */
} DaftariRuleError;

#define DAFTARI_BOOK_ERROR (daftari_book_error_quark ())
typedef enum {
  DAFTARI_BOOK_ERROR_IO,              /* cannot open, read or write the file */
  DAFTARI_BOOK_ERROR_NOT_A_BOOK,      /* the file is not a Daftari book */
  DAFTARI_BOOK_ERROR_TOO_NEW,         /* made by a newer Daftari */
  DAFTARI_BOOK_ERROR_CORRUPT,         /* SQLite says the file is damaged */
  DAFTARI_BOOK_ERROR_BUSY,            /* another program holds the book too long */
  DAFTARI_BOOK_ERROR_FULL,            /* the disk is full */
  DAFTARI_BOOK_ERROR_FAILED,          /* any other database failure */
} DaftariBookError;

GQuark daftari_money_error_quark (void);
GQuark daftari_input_error_quark (void);
GQuark daftari_rule_error_quark (void);
GQuark daftari_book_error_quark (void);

G_END_DECLS
