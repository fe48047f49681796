/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"

G_BEGIN_DECLS

/* Invoices: the model, the totals rule and the operations on them. Every
 * amount is gint64 minor units of the book currency; quantities are
 * thousandths (1.125 is 1125); percentages hundredths of a percent (12.5%
 * is 1250). Nothing here uses floating point. docs/invoices.md explains
 * every rule. */

#define DAFTARI_INVOICE_ERROR (daftari_invoice_error_quark ())
typedef enum {
  DAFTARI_INVOICE_ERROR_INVALID,     /* a field or a line that makes no sense */
  DAFTARI_INVOICE_ERROR_NOT_FOUND,   /* no such invoice or customer */
  DAFTARI_INVOICE_ERROR_EXISTS,      /* the customer's name is taken */
  DAFTARI_INVOICE_ERROR_STATE,       /* not allowed in the invoice's status */
  DAFTARI_INVOICE_ERROR_OVERFLOW,    /* figures too large for 64 bits */
} DaftariInvoiceError;

GQuark daftari_invoice_error_quark (void);

#define DAFTARI_QUANTITY_ONE 1000   /* quantities are thousandths */
#define DAFTARI_PERCENT_ONE  100    /* percentages are hundredths of a percent */

typedef enum {
  DAFTARI_VAT_STANDARD,  /* 16% */
  DAFTARI_VAT_REDUCED,   /* 8% (petroleum products and the like) */
  DAFTARI_VAT_ZERO,      /* 0%: zero-rated, still a taxable supply */
  DAFTARI_VAT_EXEMPT,    /* outside VAT: no VAT, reported apart */
  DAFTARI_VAT_N_RATES
} DaftariVatRate;

typedef enum {
  DAFTARI_DISCOUNT_NONE,
  DAFTARI_DISCOUNT_PERCENT,  /* value: hundredths of a percent, 0..10000 */
  DAFTARI_DISCOUNT_AMOUNT,   /* value: minor units */
} DaftariDiscountKind;

typedef struct {
  DaftariDiscountKind kind;
  gint64              value;
} DaftariDiscount;

typedef enum {
  DAFTARI_INVOICE_DRAFT,
  DAFTARI_INVOICE_SENT,      /* issued, nothing paid, not yet due */
  DAFTARI_INVOICE_PARTIAL,   /* issued, partly paid, not yet due */
  DAFTARI_INVOICE_PAID,
  DAFTARI_INVOICE_OVERDUE,   /* issued, money still owed after the due date */
  DAFTARI_INVOICE_VOID,
} DaftariInvoiceStatus;

typedef struct {
  char           *description;
  gint64          quantity;     /* thousandths */
  gint64          unit_price;   /* minor units, VAT-exclusive unless the invoice says inclusive */
  DaftariDiscount discount;
  DaftariVatRate  vat_rate;
  gint64          category_id;  /* the income category; 0: the book's first */
  /* Computed by daftari_invoice_compute (): */
  gint64          amount;       /* quantity × unit price − line discount, as entered (excl. or incl. VAT) */
  gint64          invoice_discount; /* this line's share of the invoice discount */
  gint64          net;          /* excl. VAT, after both discounts */
  gint64          vat;
} DaftariInvoiceLine;

typedef struct {
  gint64 lines_amount;          /* Σ line amounts, as entered */
  gint64 discount;              /* the invoice discount, in minor units */
  gint64 net;                   /* Σ net: excl. VAT, after discounts */
  gint64 vat;                   /* Σ VAT */
  gint64 total;                 /* net + vat */
  gint64 net_by_rate[DAFTARI_VAT_N_RATES];
  gint64 vat_by_rate[DAFTARI_VAT_N_RATES];
} DaftariInvoiceTotals;

typedef struct {
  gint64                id;             /* 0 until saved */
  gint64                customer_id;
  char                 *number;         /* NULL for a draft */
  gboolean              issued;
  gboolean              voided;
  gint64                issue_ts;       /* 0 for a draft */
  gint                  due_days;       /* 0: due on receipt */
  DaftariDay            due_day;        /* 0 for a draft */
  gboolean              vat_inclusive;
  DaftariDiscount       discount;
  char                 *notes;
  GArray               *lines;          /* of DaftariInvoiceLine */
  DaftariInvoiceTotals  totals;
  gint64                paid;           /* allocated payments (and credit) */
  gint64                txn_id;         /* the issue's ledger transaction, 0 for a draft */
} DaftariInvoice;

GType           daftari_invoice_get_type   (void) G_GNUC_CONST;
DaftariInvoice *daftari_invoice_new        (void);
DaftariInvoice *daftari_invoice_copy       (const DaftariInvoice *invoice);
void            daftari_invoice_free       (DaftariInvoice       *invoice);
/* Appends a line (copying description) and returns it for the caller to fill. */
DaftariInvoiceLine *daftari_invoice_add_line (DaftariInvoice     *invoice,
                                              const char         *description);
DaftariInvoiceLine *daftari_invoice_get_line (const DaftariInvoice *invoice,
                                              guint               index);

/* The totals rule (docs/invoices.md): fills each line's computed fields and
 * invoice->totals. Refuses lines that make no sense and figures that
 * overflow. Pure: no book needed. */
gboolean        daftari_invoice_compute    (DaftariInvoice       *invoice,
                                            GError              **error);
gint64          daftari_invoice_balance    (const DaftariInvoice *invoice);
/* The status as of a day (overdue is derived from the due date). */
DaftariInvoiceStatus daftari_invoice_status (const DaftariInvoice *invoice,
                                             DaftariDay            today);

const char     *daftari_invoice_status_to_string   (DaftariInvoiceStatus status);
gboolean        daftari_invoice_status_from_string (const char          *text,
                                                    DaftariInvoiceStatus *out_status);
/* Translated, for people: "Partially paid". */
const char     *daftari_invoice_status_label       (DaftariInvoiceStatus status);

/* Rates as whole percent (16, 8, 0) or -1 for exempt. */
int             daftari_vat_rate_percent   (DaftariVatRate rate);
/* "16", "16%", "8", "0", "exempt" (also "E", "-"). */
gboolean        daftari_vat_rate_parse     (const char     *text,
                                            DaftariVatRate *out_rate,
                                            GError        **error);
/* "16%", "0%", "Exempt". */
const char     *daftari_vat_rate_label     (DaftariVatRate rate);
const char     *daftari_vat_rate_to_string (DaftariVatRate rate);

/* "2", "0.125", "1,000.5": up to three decimals, more than zero. */
gboolean        daftari_quantity_parse     (const char  *text,
                                            gint64      *out_quantity,
                                            GError     **error);
char           *daftari_quantity_format    (gint64       quantity);
/* "10%", "12.5%" or an amount "50", "KES 1,000". */
gboolean        daftari_discount_parse     (const char              *text,
                                            const DaftariCommodity  *currency,
                                            DaftariDiscount         *out_discount,
                                            GError                 **error);
/* "10%", "50.00" or "" for none. */
char           *daftari_discount_format    (const DaftariDiscount   *discount,
                                            const DaftariCommodity  *currency);
/* "DESCRIPTION|QTY|UNIT_PRICE|VAT_PERCENT[|LINE_DISCOUNT]" as the CLI takes it. */
gboolean        daftari_invoice_parse_line (DaftariInvoice          *invoice,
                                            const char              *text,
                                            const DaftariCommodity  *currency,
                                            GError                 **error);
/* Due terms people use: 0 (on receipt), 7, 14, 30; any 0..365 is accepted. */
gboolean        daftari_invoice_set_due_days (DaftariInvoice *invoice,
                                              gint            days,
                                              GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariInvoice, daftari_invoice_free)

/* ---- In the book (daftari-invoice-store.c, -number.c, -post.c) ---- */

/* Saves a draft: a new one (id 0, given an id) or an existing draft's new
 * content. Lines without a category get the book's first income category. */
gboolean        daftari_invoice_save_draft (DaftariBook     *book,
                                            DaftariInvoice  *invoice,
                                            GError         **error);
DaftariInvoice *daftari_invoice_load       (DaftariBook     *book,
                                            gint64           id,
                                            GError         **error);
DaftariInvoice *daftari_invoice_find       (DaftariBook     *book,
                                            const char      *number,
                                            GError         **error);
/* By number, or by id when the text is all digits. */
DaftariInvoice *daftari_invoice_lookup     (DaftariBook     *book,
                                            const char      *number_or_id,
                                            GError         **error);
gboolean        daftari_invoice_delete_draft (DaftariBook   *book,
                                              gint64         id,
                                              GError       **error);

typedef struct {
  gint64     customer_id;      /* 0: any */
  gboolean   any_status;
  DaftariInvoiceStatus status; /* when !any_status */
  DaftariDay today;            /* for overdue; 0: today */
} DaftariInvoiceFilter;

/* Invoices (without their lines' text loaded) oldest first. */
GPtrArray      *daftari_invoice_list       (DaftariBook                *book,
                                            const DaftariInvoiceFilter *filter,
                                            GError                    **error);

/* Numbering: the pattern setting, default "INV-{YYYY}-{NNNN}". {YYYY} or
 * {YY} and {N…} (as many N as the least digits) must both appear. */
#define DAFTARI_INVOICE_DEFAULT_PATTERN "INV-{YYYY}-{NNNN}"
char           *daftari_invoice_get_pattern (DaftariBook    *book);
gboolean        daftari_invoice_set_pattern (DaftariBook    *book,
                                             const char     *pattern,
                                             GError        **error);
gboolean        daftari_invoice_pattern_check  (const char  *pattern,
                                                GError     **error);
char           *daftari_invoice_format_number  (const char  *pattern,
                                                int          year,
                                                gint64       sequence);

/* Issues a draft on ts (0: now): gives it the next number of that year,
 * posts Accounts Receivable against income and VAT payable, and applies any
 * credit the customer holds. All one transaction. */
gboolean        daftari_invoice_issue      (DaftariBook     *book,
                                            gint64           id,
                                            gint64           ts,
                                            char           **out_number,
                                            GError         **error);
/* Reverses an issued invoice with a new transaction dated ts (0: now); it
 * keeps its number; payments allocated to it become customer credit. */
gboolean        daftari_invoice_void       (DaftariBook     *book,
                                            gint64           id,
                                            gint64           ts,
                                            GError         **error);

/* A payment from a customer into a wallet (book currency). It is
 * allocated to invoice_ids in order, each up to what it still owes, then
 * (when allocate_oldest) to the customer's other open invoices, oldest due
 * first; what is left stays as the customer's credit. */
typedef struct {
  gint64        customer_id;   /* 0: the customer of the first invoice */
  gint64        wallet_id;
  gint64        amount;
  gint64        ts;            /* 0: now */
  const char   *memo;
  const gint64 *invoice_ids;
  guint         n_invoices;
  gboolean      allocate_oldest;
} DaftariPaymentSpec;

gboolean        daftari_invoice_receive_payment (DaftariBook              *book,
                                                 const DaftariPaymentSpec *spec,
                                                 gint64                   *out_payment_id,
                                                 gint64                   *out_credit_left,
                                                 GError                  **error);
/* Allocates the customer's unallocated payments to open invoices, oldest
 * due first. */
gboolean        daftari_customer_apply_credit   (DaftariBook  *book,
                                                 gint64        customer_id,
                                                 GError      **error);

/* A new draft with the same customer, lines, terms and notes. */
gboolean        daftari_invoice_duplicate  (DaftariBook     *book,
                                            gint64           id,
                                            gint64          *out_new_id,
                                            GError         **error);

/* Recurring monthly invoices: a schedule copies a template invoice into a
 * new draft each month on day_of_month (1..28), from first_day. */
gboolean        daftari_invoice_schedule_monthly (DaftariBook  *book,
                                                  gint64        template_id,
                                                  DaftariDay    first_day,
                                                  gint64       *out_schedule_id,
                                                  GError      **error);
/* Creates every draft due on or before today; returns their ids. */
GArray         *daftari_invoice_run_schedules    (DaftariBook  *book,
                                                  DaftariDay    today,
                                                  GError      **error);

G_END_DECLS
