/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pdf-text.h"

PopplerDocument *
test_pdf_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *pdf;

  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return pdf;
}

char *
test_pdf_page_text (PopplerDocument *pdf,
                    int              index)
{
  g_autoptr(TestPdfPage) page = poppler_document_get_page (pdf, index);

  g_assert_nonnull (page);
  return poppler_page_get_text (page);
}

char *
test_pdf_all_text (PopplerDocument *pdf)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autofree char *page = test_pdf_page_text (pdf, i);

      g_string_append (text, page);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}
