/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

G_BEGIN_DECLS

/* Reading a PDF back with poppler, as a customer's PDF reader would: the
 * invoice and the report PDF tests share it. */

/* Poppler 22.12 (Debian 12) declares no autoptr cleanups; aliases keep this
 * building with the newer Poppler that does. */
typedef PopplerDocument TestPdf;
typedef PopplerPage TestPdfPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdfPage, g_object_unref)

/* The PDF at path; the test fails when poppler cannot open it. */
PopplerDocument *test_pdf_open      (const char      *path);
/* The text of page index (from 0), as poppler extracts it. */
char            *test_pdf_page_text (PopplerDocument *pdf,
                                     int              index);
/* Every page's text, each followed by a newline. */
char            *test_pdf_all_text  (PopplerDocument *pdf);

G_END_DECLS
