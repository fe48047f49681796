/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"

G_BEGIN_DECLS

/* The business as its invoices present it, kept in the book's settings. */
typedef struct {
  char *name;
  char *address;     /* may have line breaks */
  char *kra_pin;
  char *phone;       /* 2547XXXXXXXX */
  char *paybill;     /* M-PESA Paybill number, "" if none */
  char *till;        /* M-PESA Buy Goods Till number, "" if none */
  char *logo_path;   /* a PNG, "" if none */
} DaftariBusinessInfo;

/* What to change: NULL fields are left as they are, "" clears one. */
typedef struct {
  const char *address;
  const char *kra_pin;
  const char *phone;
  const char *paybill;
  const char *till;
  const char *logo_path;
} DaftariBusinessSpec;

DaftariBusinessInfo *daftari_business_get       (DaftariBook               *book);
void                 daftari_business_info_free (DaftariBusinessInfo       *info);
/* Checks every field (KRA PIN, phone, Paybill and Till numbers) first;
 * writes them all in one transaction or none. */
gboolean             daftari_business_set       (DaftariBook               *book,
                                                 const DaftariBusinessSpec *spec,
                                                 GError                   **error);
/* "Pay via M-PESA Paybill 123456, Account INV-2026-0001" and/or
 * "Buy Goods Till 654321", in language ("en" or "sw"); "" when the book has
 * neither number. */
char                *daftari_business_payment_instructions (const DaftariBusinessInfo *info,
                                                            const char                *account,
                                                            const char                *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariBusinessInfo, daftari_business_info_free)

G_END_DECLS
