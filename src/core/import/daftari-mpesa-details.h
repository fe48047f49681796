/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "daftari-import-row.h"

G_BEGIN_DECLS

/* What the "Details" text of an M-PESA statement row says: the kind of
 * movement and who was on the other side. Shared by the statement CSV and
 * PDF importers, whose Details column is the same text (the PDF wraps it
 * over several lines; any run of white space counts as one space). */
typedef struct {
  DaftariMpesaKind  kind;
  gboolean          fuliza;        /* paid with Fuliza ("... Fuliza M-Pesa to ...") */
  char             *counterparty;  /* cleaned name, or "" */
  char             *phone;         /* 2547XXXXXXXX, masked 2547******541, or "" */
  char             *shortcode;     /* Paybill, Till or agent number, or "" */
  char             *reference;     /* Paybill account ("Acc. ..."), or "" */
} DaftariMpesaDetails;

/* Never fails: text it does not know is DAFTARI_MPESA_OTHER with empty
 * parts. Free the strings with daftari_mpesa_details_clear(). */
void  daftari_mpesa_details_classify (const char          *text,
                                      DaftariMpesaDetails *out);
void  daftari_mpesa_details_clear    (DaftariMpesaDetails *details);

/* Trims, and turns every run of white space (line breaks included) into
 * one space. Never NULL. */
char *daftari_mpesa_clean_name       (const char          *text);

/* A phone as M-PESA prints it, masked ("2547******541", "07******901",
 * "2547XXXXXXXX") or not, in the 2547… form with the mask kept as '*';
 * NULL when it is not a Kenyan mobile number. */
char *daftari_mpesa_phone_normalise  (const char          *text);

G_END_DECLS
