/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-pdf-file.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#ifdef G_OS_UNIX
#include <unistd.h>
#endif

typedef struct {
  FILE         *file;
  int           saved_errno;   /* the first write failure, for the message */
  GCancellable *cancellable;
} Sink;

static cairo_status_t
sink_write (void *closure, const unsigned char *data, unsigned int length)
{
  Sink *sink = closure;

  if (sink->saved_errno != 0 || g_cancellable_is_cancelled (sink->cancellable))
    return CAIRO_STATUS_WRITE_ERROR;
  errno = 0;
  if (fwrite (data, 1, length, sink->file) != length)
    {
      sink->saved_errno = errno != 0 ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* Draws every page into the sink; returns cairo's verdict. */
static cairo_status_t
write_pages (const DaftariPdfSpec *spec, DaftariPdfPageFunc draw, gpointer data, Sink *sink)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (sink_write, sink, spec->width, spec->height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  if (spec->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, spec->title);
  if (spec->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, spec->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Daftari");
  for (guint page = 0; page < spec->n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; page++)
    {
      draw (data, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/* Flushed to the disk before the rename. Returns 0 or an errno. */
static int
close_file (FILE *file)
{
  int saved = 0;

  if (fflush (file) != 0)
    saved = errno;
#ifdef G_OS_UNIX
  if (saved == 0 && fsync (fileno (file)) != 0)
    saved = errno;
#endif
  if (fclose (file) != 0 && saved == 0)
    saved = errno;
  return saved;
}

/* A new file beside path, with the permissions any new file gets. */
static FILE *
open_temporary (const char *path, char **out_tmp, int *out_errno)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  char *tmp = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  FILE *file;

  if (fd < 0 || (file = fdopen (fd, "wb")) == NULL)
    {
      *out_errno = errno;
      if (fd >= 0)
        {
          close (fd);
          g_unlink (tmp);
        }
      g_free (tmp);
      return NULL;
    }
  *out_tmp = tmp;
  return file;
}

gboolean
daftari_pdf_file_write (const char *path, const DaftariPdfSpec *spec, DaftariPdfPageFunc draw, gpointer data,
                        GCancellable *cancellable, DaftariPdfFailure *out_failure)
{
  g_autofree char *tmp = NULL;
  Sink sink = { NULL, 0, cancellable };
  DaftariPdfFailure failure = { 0, CAIRO_STATUS_SUCCESS, FALSE };
  int saved;

  if ((sink.file = open_temporary (path, &tmp, &failure.saved_errno)) == NULL)
    {
      *out_failure = failure;
      return FALSE;
    }
  failure.status = write_pages (spec, draw, data, &sink);
  saved = close_file (sink.file);
  failure.saved_errno = sink.saved_errno != 0 ? sink.saved_errno : saved;
  failure.cancelled = g_cancellable_is_cancelled (cancellable);
  if (!failure.cancelled && failure.saved_errno == 0 && failure.status == CAIRO_STATUS_SUCCESS &&
      g_rename (tmp, path) != 0)
    failure.saved_errno = errno;
  if (failure.cancelled || failure.saved_errno != 0 || failure.status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      *out_failure = failure;
      return FALSE;
    }
  return TRUE;
}
