/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"
#include "daftari-invoice.h"

G_BEGIN_DECLS

/* A customer: who invoices go to. Phones are kept as M-PESA writes them
 * (2547XXXXXXXX); KRA PINs upper case (A123456789Z); language is the one
 * their documents are printed in, "en" or "sw". */
typedef struct {
  gint64  id;
  char   *name;
  char   *phone;      /* "" when unknown */
  char   *email;
  char   *kra_pin;
  char   *address;
  char   *notes;
  char   *language;
} DaftariCustomer;

/* What a customer is made from; NULL fields are empty. */
typedef struct {
  const char *name;
  const char *phone;
  const char *email;
  const char *kra_pin;
  const char *address;
  const char *notes;
  const char *language;  /* NULL: "en" */
} DaftariCustomerSpec;

GType            daftari_customer_get_type (void) G_GNUC_CONST;
DaftariCustomer *daftari_customer_copy     (const DaftariCustomer *customer);
void             daftari_customer_free     (DaftariCustomer       *customer);

/* "A123456789Z" (any case, spaces ignored) into out (upper case). */
gboolean         daftari_kra_pin_normalise (const char  *text,
                                            char       **out_pin,
                                            GError     **error);
gboolean         daftari_email_check       (const char  *text,
                                            GError     **error);

gboolean         daftari_customer_add      (DaftariBook               *book,
                                            const DaftariCustomerSpec *spec,
                                            gint64                    *out_id,
                                            GError                   **error);
gboolean         daftari_customer_update   (DaftariBook               *book,
                                            gint64                     id,
                                            const DaftariCustomerSpec *spec,
                                            GError                   **error);
DaftariCustomer *daftari_customer_get      (DaftariBook  *book,
                                            gint64        id,
                                            GError      **error);
DaftariCustomer *daftari_customer_find     (DaftariBook  *book,
                                            const char   *name,
                                            GError      **error);
/* Every customer by name; with text, those whose name, phone, email or KRA
 * PIN contains it (a phone typed 07… finds 2547…). */
GPtrArray       *daftari_customer_search   (DaftariBook  *book,
                                            const char   *text,
                                            GError      **error);

/* What the customer owes: issued invoices less payments received. Negative
 * when they hold credit. */
gboolean         daftari_customer_balance  (DaftariBook  *book,
                                            gint64        id,
                                            gint64       *out_balance,
                                            GError      **error);
/* Payments not (yet) allocated to any invoice. */
gboolean         daftari_customer_credit   (DaftariBook  *book,
                                            gint64        id,
                                            gint64       *out_credit,
                                            GError      **error);

typedef enum {
  DAFTARI_CUSTOMER_EVENT_INVOICE,
  DAFTARI_CUSTOMER_EVENT_PAYMENT,
  DAFTARI_CUSTOMER_EVENT_VOID,      /* an invoice voided: its reversal */
} DaftariCustomerEventKind;

typedef struct {
  DaftariCustomerEventKind kind;
  gint64   ts;
  gint64   id;          /* the invoice or payment */
  char    *reference;   /* the invoice number, or the payment's wallet */
  gint64   amount;      /* what it adds to the balance: invoices +, payments and voids − */
  gint64   balance;     /* running balance after it */
} DaftariCustomerEvent;

/* The customer's invoices, voids and payments, oldest first, with the
 * running balance; from_ts bounds it (G_MININT64: all) and the balance
 * before it is in out_opening. */
GArray          *daftari_customer_history  (DaftariBook  *book,
                                            gint64        id,
                                            gint64        from_ts,
                                            gint64        to_ts,
                                            gint64       *out_opening,
                                            GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariCustomer, daftari_customer_free)

G_END_DECLS
