/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "daftari-import-row.h"

G_BEGIN_DECLS

/* M-PESA confirmation SMS (mpesa-formats.md §3), as pasted text or as an
 * Android "SMS Backup & Restore" XML file. Both return every transaction
 * message as a row (key "sms:<receipt>:<kind>"), and every other text as
 * a problem: skipped on purpose (failed, balance enquiry, promotion,
 * duplicate) or rejected (31/02/25, "1,00.0", a confirmation of a kind not
 * recognised). The whole input fails only when it is not UTF-8 text
 * (DAFTARI_IMPORT_ERROR_NOT_TEXT), too large (…_TOO_LARGE) or, for the
 * backup, not well-formed XML (…_MALFORMED). An empty paste gives an empty
 * parse. Neither touches a book. */
DaftariImportParse *daftari_sms_parse_text       (const char  *text,
                                                  gsize        length,
                                                  GError     **error);
DaftariImportParse *daftari_sms_parse_backup_xml (const char  *xml,
                                                  gsize        length,
                                                  GError     **error);

/* "07******901" → "2547******901", "+254 7** *** 541" → "2547*****541" (the
 * mask kept as written);
 * also plain numbers, through daftari_phone_normalise(). FALSE when the
 * text is not a (possibly masked) Kenyan mobile number. */
gboolean daftari_sms_phone_normalise (const char  *text,
                                      char       **out_phone);

G_END_DECLS
