/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text comparisons for matching payments to invoices: pure functions. */

/* Jaro-Winkler similarity of two strings (bytes), 0.0 to 1.0. */
double   daftari_jaro_winkler           (const char *a,
                                         const char *b);
/* Whether a and b are at most one edit apart (insertion, deletion,
 * substitution or swap of neighbours). */
gboolean daftari_within_one_edit        (const char *a,
                                         const char *b);

/* A name as a comparable key: upper-case ASCII letters, titles (MR, MRS,
 * DR…) dropped, tokens separated by one space. "Mr. John  Kamau-Mwangi" →
 * "JOHN KAMAU MWANGI". Returns "" for nothing usable. */
char    *daftari_name_normalise         (const char *name);
/* How alike a payer's normalised name is to a customer's, 0.0 to 1.0,
 * whatever their order and with initials ("J KAMAU") and dropped names
 * allowed for. */
double   daftari_name_similarity        (const char *a,
                                         const char *b);

/* The invoice keys a Paybill account reference may stand for: the year in
 * four digits then the sequence in at least four, "20260042".
 * INV-2026-0042, inv-2026-42, INV20260042, 2026-0042, 26-42 and
 * INV-2026-0O42 all give "20260042". A run of digits with two readings
 * gives both; a number with no year gives "*0042". Returns how many keys
 * were written (0 to 2); the caller frees them. */
guint    daftari_reference_keys         (const char *reference,
                                         char       *keys[2]);
/* Whether a reference reads as some invoice number. */
gboolean daftari_reference_is_invoice_number (const char *reference);
/* The key of an invoice's year and sequence. */
char    *daftari_invoice_key            (int         year,
                                         gint64      sequence);

/* Whether a payer phone (2547XXXXXXXX, or masked like 2547******541, the
 * mask hiding any number of digits) can be the customer's phone
 * (2547XXXXXXXX); *out_exact when it is unmasked and equal. */
gboolean daftari_phone_compatible       (const char *payer,
                                         const char *customer,
                                         gboolean   *out_exact);

/* A payer's phone as the matcher keeps it: 2547XXXXXXXX, or masked with
 * the prefix rewritten (07******901 → 2547******901). NULL when it is not
 * a Kenyan mobile number. */
char    *daftari_payer_phone            (const char *text);

G_END_DECLS
