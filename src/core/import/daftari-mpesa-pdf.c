/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-mpesa-pdf.h"

#include <glib/gi18n-lib.h>
#include <poppler.h>
#include <string.h>

#include "daftari-import-error.h"
#include "daftari-statement-layout.h"

/* A PDF ends with %%EOF and at most a line end or two after it; writers
 * that append a little more stay well within this. */
#define EOF_SEARCH_BYTES 1024

G_DEFINE_QUARK (daftari-mpesa-pdf-error-quark, daftari_mpesa_pdf_error)

/* Whether needle occurs in the n bytes at data (which may hold NULs). */
static gboolean
contains (const char *data, gsize n, const char *needle)
{
  gsize len = strlen (needle);

  for (gsize i = 0; i + len <= n; i++)
    if (memcmp (data + i, needle, len) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
check_file (const char *data, gsize length, GError **error)
{
  gsize tail = MIN (length, EOF_SEARCH_BYTES);

  if (length > DAFTARI_MPESA_PDF_MAX_BYTES)
    {
      g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_TOO_LARGE,
                   _("not an M-PESA statement PDF: at %llu MB the file is larger than the %llu MB a statement can be"),
                   (unsigned long long) (length >> 20), (unsigned long long) (DAFTARI_MPESA_PDF_MAX_BYTES >> 20));
      return FALSE;
    }
  if (length < 5 || !contains (data, MIN (length, EOF_SEARCH_BYTES), "%PDF-"))
    {
      g_set_error_literal (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_NOT_TEXT,
                           _("not an M-PESA statement PDF: the file is not a PDF"));
      return FALSE;
    }
  /* poppler rebuilds a cut file as well as it can, which would read as a
   * shorter statement: refuse it instead. */
  if (!contains (data + length - tail, tail, "%%EOF"))
    {
      g_set_error_literal (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED,
                           _("the statement PDF is cut short (it does not end the way a PDF ends); "
                             "download or copy it again"));
      return FALSE;
    }
  return TRUE;
}

static PopplerDocument *
open_document (const char *data, gsize length, const char *password, GError **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GError) local = NULL;
  /* Not poppler_document_new_from_bytes(): poppler 22.12 crashes in it on
   * an encrypted file. */
  PopplerDocument *doc = poppler_document_new_from_stream (stream, (goffset) length, password, NULL, &local);

  if (doc != NULL)
    return doc;
  if (g_error_matches (local, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      if (password == NULL || *password == '\0')
        g_set_error_literal (error, DAFTARI_MPESA_PDF_ERROR, DAFTARI_MPESA_PDF_ERROR_NEEDS_PASSWORD,
                             _("the statement PDF is locked with a password; give it (Safaricom uses the "
                               "ID number the statement was requested with)"));
      else
        g_set_error_literal (error, DAFTARI_MPESA_PDF_ERROR, DAFTARI_MPESA_PDF_ERROR_WRONG_PASSWORD,
                             _("the password is wrong for this statement PDF; check it and try again"));
      return NULL;
    }
  g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED,
               _("the statement PDF is damaged and cannot be read (%s)"), local->message);
  return NULL;
}

/* Whether the character at r starts a new word after the one at prev:
 * poppler's text has no space between cells that are close (a status and
 * a right-aligned amount), nor always a line end between the lines of a
 * wrapped cell, so a jump down or back, or a gap wider than a quarter of
 * the text's height, separates words too. */
static gboolean
breaks_word (const PopplerRectangle *prev, const PopplerRectangle *r)
{
  double height = MAX (prev->y2 - prev->y1, 1.0);

  return ABS (r->y1 - prev->y1) > height / 2 || r->x1 < prev->x1 || r->x1 - prev->x2 > height / 4;
}

static void
end_word (GPtrArray *words, guint index, const PopplerRectangle *box, GString *word)
{
  if (word->len > 0)
    g_ptr_array_add (words, daftari_pdf_word_new (index, box->x1, box->y1, box->x2, box->y2, word->str));
  g_string_truncate (word, 0);
}

/* Words and their boxes; poppler gives a rectangle for every character of
 * the page's text, line ends included. */
static void
add_words (PopplerPage *page, guint index, GPtrArray *words)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GString) word = g_string_new (NULL);
  guint n_rects = 0, i = 0;
  PopplerRectangle box = { 0 }, prev = { 0 };

  if (text == NULL || !poppler_page_get_text_layout (page, &rects, &n_rects))
    return;
  for (const char *p = text; *p != '\0' && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      const PopplerRectangle *r = &rects[i];
      if (g_unichar_isspace (c))
        {
          end_word (words, index, &box, word);
          continue;
        }
      if (word->len > 0 && breaks_word (&prev, r))
        end_word (words, index, &box, word);
      if (word->len == 0)
        box = *r;
      box.x1 = MIN (box.x1, r->x1), box.y1 = MIN (box.y1, r->y1);
      box.x2 = MAX (box.x2, r->x2), box.y2 = MAX (box.y2, r->y2);
      prev = *r;
      g_string_append_unichar (word, c);
    }
  end_word (words, index, &box, word);
}

DaftariImportParse *
daftari_mpesa_pdf_parse (const char *data, gsize length, const char *password, GError **error)
{
  PopplerDocument *doc = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_pdf_word_free);
  int n_pages;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  if (!check_file (data ? data : "", length, error) ||
      (doc = open_document (data, length, password, error)) == NULL)
    return NULL;
  n_pages = poppler_document_get_n_pages (doc);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      if (page != NULL)
        add_words (page, (guint) i, words);
      g_clear_object (&page);
    }
  g_object_unref (doc);
  return daftari_statement_layout_parse (words, error);
}
