/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One M-PESA (or bank) movement as a parser read it, before any import
 * decision: the common currency of every importer (statement PDF and CSV,
 * SMS, Daraja JSON). Parsers fill these and report what they skipped;
 * they never touch a book. */

typedef enum {
  DAFTARI_MPESA_OTHER,
  DAFTARI_MPESA_RECEIVED,          /* Funds received from / You have received */
  DAFTARI_MPESA_SENT,              /* Customer Transfer to / sent to PERSON */
  DAFTARI_MPESA_PAYBILL,           /* Pay Bill to / sent to X for account Y */
  DAFTARI_MPESA_TILL,              /* Merchant Payment / paid to */
  DAFTARI_MPESA_POCHI,             /* Small Business Payment / Send Money to Micro SME */
  DAFTARI_MPESA_WITHDRAW,          /* Customer Withdrawal At Agent Till */
  DAFTARI_MPESA_DEPOSIT,           /* Deposit of Funds at Agent Till / Give … cash to */
  DAFTARI_MPESA_AIRTIME,
  DAFTARI_MPESA_BUSINESS_PAYMENT,  /* Business Payment from */
  DAFTARI_MPESA_REVERSAL,
  DAFTARI_MPESA_CHARGE,            /* a charge row of its own (statements) */
  DAFTARI_MPESA_FULIZA_CREDIT,     /* OverDraft of Credit Party */
  DAFTARI_MPESA_FULIZA_REPAYMENT,  /* OD Loan Repayment */
  DAFTARI_MPESA_MSHWARI_DEPOSIT,
  DAFTARI_MPESA_MSHWARI_WITHDRAW,
  DAFTARI_MPESA_MSHWARI_LOAN,
  DAFTARI_MPESA_BUSINESS_RECEIVED, /* C2B: a customer paid the business (till/paybill side, Daraja) */
} DaftariMpesaKind;

typedef struct {
  char             *receipt;           /* "SKA1B2C3D4"; 9–10 upper-case letters/digits */
  gint64            ts;                /* UTC seconds (EAT input is UTC+3) */
  DaftariMpesaKind  kind;
  gint64            amount;            /* KES cents, signed: + into the wallet, − out of it */
  gint64            fee;               /* transaction cost, ≥ 0, KES cents; 0 when none */
  gboolean          has_balance;
  gint64            balance;           /* wallet balance after the row, KES cents */
  char             *counterparty;      /* a cleaned name, or "" */
  char             *phone;             /* 2547XXXXXXXX, or masked 2547******541, or "" */
  char             *shortcode;         /* Paybill, Till or agent number, or "" */
  char             *reference;         /* Paybill account / BillRefNumber, or "" */
  char             *reversed_receipt;  /* for reversals: the original's receipt, or "" */
  char             *details;           /* the source's own text of the row */
  char             *key;               /* stable idempotency key within its source kind */
  guint             line;              /* 1-based line (or record) in the source, for messages */
  gboolean          packed;            /* its strings share its block: see daftari_import_row_new_packed */
} DaftariImportRow;

/* A source record not turned into a row, and why ("a promotion", "Failed", "31/02/25 is not a date"). */
typedef struct {
  guint  line;
  char  *message;
  gboolean rejected;                   /* TRUE: malformed; FALSE: recognised and skipped on purpose */
} DaftariImportProblem;

DaftariImportRow *daftari_import_row_new    (void);
/* A copy of fields (its strings may be NULL: "") in one allocation, the
 * strings right after the row: a statement of a million rows is then a
 * million blocks rather than ten million pieces, which left malloc sweeping
 * a fragmented heap for the rest of the import. Its strings are fixed:
 * replacing one (daftari_txn_set_text) would free inside the block. Freed
 * with daftari_import_row_free like any row. */
DaftariImportRow *daftari_import_row_new_packed (const DaftariImportRow *fields);
void              daftari_import_row_free   (DaftariImportRow *row);
void              daftari_import_problem_free (DaftariImportProblem *problem);
const char       *daftari_mpesa_kind_to_string (DaftariMpesaKind kind);

/* What a parser returns: rows in source order, and problems. */
typedef struct {
  GPtrArray *rows;       /* of DaftariImportRow* */
  GPtrArray *problems;   /* of DaftariImportProblem* */
  gboolean   keys_distinct; /* the parser promises that no two rows share a key (statements
                             * number their repeated rows), so the import need not look */
} DaftariImportParse;

DaftariImportParse *daftari_import_parse_new  (void);
void                daftari_import_parse_free (DaftariImportParse *parse);
void                daftari_import_parse_problem (DaftariImportParse *parse,
                                                  guint               line,
                                                  gboolean            rejected,
                                                  const char         *format,
                                                  ...) G_GNUC_PRINTF (4, 5);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariImportRow, daftari_import_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariImportParse, daftari_import_parse_free)

G_END_DECLS
