/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tesseract through its C API, one engine per reader. */
#include "daftari-receipt-reader.h"

#include <dlfcn.h>
#include <glib/gi18n-lib.h>
#include <tesseract/capi.h>

#include "daftari-receipt-error.h"
#include "daftari-receipt-image.h"

struct _DaftariReceiptReader {
  GObject       parent_instance;
  TessBaseAPI  *api;
  char         *languages;
};

G_DEFINE_FINAL_TYPE (DaftariReceiptReader, daftari_receipt_reader, G_TYPE_OBJECT)

static void
daftari_receipt_reader_finalize (GObject *object)
{
  DaftariReceiptReader *self = DAFTARI_RECEIPT_READER (object);

  if (self->api != NULL)
    {
      TessBaseAPIEnd (self->api);
      TessBaseAPIDelete (self->api);
    }
  g_free (self->languages);
  G_OBJECT_CLASS (daftari_receipt_reader_parent_class)->finalize (object);
}

static void
daftari_receipt_reader_class_init (DaftariReceiptReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = daftari_receipt_reader_finalize;
}

static void
daftari_receipt_reader_init (DaftariReceiptReader *self)
{
}

/* OMP_THREAD_LIMIT=1 semantics unless the user set that variable: libgomp
 * read the environment when it was loaded, so setting it now would do
 * nothing, and Tesseract asks for its thread counts explicitly
 * (num_threads), which omp_set_num_threads cannot lower. A maximum of zero
 * active parallel levels makes every OpenMP region run on the calling
 * thread alone. Looked up at run time: a Tesseract built without OpenMP
 * (the Flatpak's) has nothing to limit. */
static void
limit_openmp (void)
{
  void (*set_max_active_levels) (int);

  if (g_getenv ("OMP_THREAD_LIMIT") != NULL)
    return;
  set_max_active_levels = (void (*) (int)) dlsym (RTLD_DEFAULT, "omp_set_max_active_levels");
  if (set_max_active_levels != NULL)
    set_max_active_levels (0);
}

static gboolean
has_language (TessBaseAPI *api, const char *language)
{
  char **available = TessBaseAPIGetAvailableLanguagesAsVector (api);
  gboolean found = FALSE;

  for (int i = 0; available != NULL && available[i] != NULL; i++)
    found = found || g_strcmp0 (available[i], language) == 0;
  TessDeleteTextArray (available);
  return found;
}

static void
configure (DaftariReceiptReader *self)
{
  /* Receipts are one block of lines, some with a price far to the right:
   * a single block keeps a label and its amount, cents included, on one
   * line (the single-column mode dropped the cents after a wide gap, and
   * automatic layout split the columns; docs/receipts.md). */
  TessBaseAPISetPageSegMode (self->api, PSM_SINGLE_BLOCK);
  /* Receipts are printed dark on light; looking for inverted text costs time. */
  TessBaseAPISetVariable (self->api, "tessedit_do_invert", "0");
}

DaftariReceiptReader *
daftari_receipt_reader_new (GError **error)
{
  g_autoptr(DaftariReceiptReader) self = g_object_new (DAFTARI_TYPE_RECEIPT_READER, NULL);

  /* Leptonica reports bad files on stderr; they reach the user as GErrors. */
  setMsgSeverity (L_SEVERITY_NONE);
  self->api = TessBaseAPICreate ();
  if (TessBaseAPIInit2 (self->api, NULL, "eng", OEM_LSTM_ONLY) != 0)
    {
      g_set_error (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_OCR,
                   _("Tesseract's English data (eng.traineddata) is not installed; install tesseract-ocr-eng "
                     "or set TESSDATA_PREFIX to the folder that holds it"));
      return NULL;
    }
  self->languages = g_strdup ("eng");
  if (has_language (self->api, "swa") && TessBaseAPIInit2 (self->api, NULL, "eng+swa", OEM_LSTM_ONLY) == 0)
    {
      g_free (self->languages);
      self->languages = g_strdup ("eng+swa");
    }
  else if (g_strcmp0 (TessBaseAPIGetInitLanguagesAsString (self->api), "eng") != 0)
    TessBaseAPIInit2 (self->api, NULL, "eng", OEM_LSTM_ONLY);
  configure (self);
  return g_steal_pointer (&self);
}

const char *
daftari_receipt_reader_get_languages (DaftariReceiptReader *self)
{
  g_return_val_if_fail (DAFTARI_IS_RECEIPT_READER (self), NULL);
  return self->languages;
}

void
daftari_receipt_scan_free (DaftariReceiptScan *scan)
{
  if (scan == NULL)
    return;
  daftari_receipt_fields_free (scan->fields);
  g_clear_pointer (&scan->words, g_array_unref);
  g_free (scan->mime);
  g_free (scan->languages);
  g_free (scan);
}

typedef struct {
  GCancellable           *cancellable;
  DaftariReceiptProgress  progress;
  gpointer                user_data;
} Monitor;

static bool
monitor_cancel (void *data, int words)
{
  Monitor *monitor = data;

  return g_cancellable_is_cancelled (monitor->cancellable);
}

static bool
monitor_progress (ETEXT_DESC *desc, int left, int right, int top, int bottom)
{
  Monitor *monitor = TessMonitorGetCancelThis (desc);

  if (monitor->progress != NULL)
    monitor->progress (TessMonitorGetProgress (desc), monitor->user_data);
  return false;
}

static GArray *
collect_words (TessBaseAPI *api, const ReceiptTransform *transform)
{
  GArray *words = daftari_receipt_words_new ();
  TessResultIterator *it = TessBaseAPIGetIterator (api);
  int line = -1;

  if (it == NULL)
    return words;
  do
    {
      const TessPageIterator *page = TessResultIteratorGetPageIteratorConst (it);
      char *text = TessResultIteratorGetUTF8Text (it, RIL_WORD);
      DaftariReceiptBox box = { 0 };
      int x1, y1, x2, y2;

      if (TessPageIteratorIsAtBeginningOf (page, RIL_TEXTLINE))
        line++;
      if (text != NULL && text[0] != '\0' && TessPageIteratorBoundingBox (page, RIL_WORD, &x1, &y1, &x2, &y2))
        {
          box = (DaftariReceiptBox) { x1, y1, x2 - x1, y2 - y1 };
          receipt_transform_box (transform, &box);
          daftari_receipt_words_add (words, text, &box, (int) (TessResultIteratorConfidence (it, RIL_WORD) + 0.5),
                                     MAX (line, 0));
        }
      TessDeleteText (text);
    }
  while (TessResultIteratorNext (it, RIL_WORD));
  TessResultIteratorDelete (it);
  return words;
}

static GArray *
recognise (DaftariReceiptReader *self, PIX *pix, int dpi, const ReceiptTransform *transform, Monitor *monitor,
           GError **error)
{
  ETEXT_DESC *desc = TessMonitorCreate ();
  int status;
  GArray *words = NULL;

  limit_openmp ();
  TessBaseAPISetImage2 (self->api, pix);
  /* Tesseract sizes its filters by the resolution; a file that does not
   * say is taken as a 300 dpi scan after scaling. */
  TessBaseAPISetSourceResolution (self->api, dpi >= 70 && dpi <= 2400 ? dpi : 300);
  TessMonitorSetCancelThis (desc, monitor);
  TessMonitorSetCancelFunc (desc, monitor_cancel);
  TessMonitorSetProgressFunc (desc, monitor_progress);
  status = TessBaseAPIRecognize (self->api, desc);
  TessMonitorDelete (desc);
  if (g_cancellable_set_error_if_cancelled (monitor->cancellable, error))
    ;
  else if (status != 0)
    g_set_error (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_OCR,
                 _("Tesseract could not read the image; try a clearer photo or scan"));
  else
    words = collect_words (self->api, transform);
  TessBaseAPIClear (self->api);
  return words;
}

DaftariReceiptScan *
daftari_receipt_reader_scan_bytes (DaftariReceiptReader *self, GBytes *bytes, GCancellable *cancellable,
                                   DaftariReceiptProgress progress, gpointer user_data, GError **error)
{
  gint64 start = g_get_monotonic_time ();
  ReceiptImage image;
  ReceiptTransform transform;
  Monitor monitor = { cancellable, progress, user_data };
  g_autoptr(DaftariReceiptScan) scan = g_new0 (DaftariReceiptScan, 1);
  PIX *prepared;
  int dpi = 0;

  g_return_val_if_fail (DAFTARI_IS_RECEIPT_READER (self), NULL);
  if (!receipt_image_decode (bytes, &image, error))
    return NULL;
  prepared = receipt_image_prepare (&image, &transform, &dpi, error);
  scan->width = image.width;
  scan->height = image.height;
  scan->mime = g_strdup (image.mime);
  receipt_image_clear (&image);
  if (prepared == NULL)
    return NULL;
  scan->words = recognise (self, prepared, dpi, &transform, &monitor, error);
  pixDestroy (&prepared);
  if (scan->words == NULL)
    return NULL;
  if (scan->words->len == 0)
    {
      g_set_error (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_BLANK,
                   _("No text was found on the page; check that the right file was chosen and that it is in focus"));
      return NULL;
    }
  scan->fields = daftari_receipt_extract ((const DaftariReceiptWord *) (gpointer) scan->words->data, scan->words->len);
  scan->languages = g_strdup (self->languages);
  scan->seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  return g_steal_pointer (&scan);
}

DaftariReceiptScan *
daftari_receipt_reader_scan_file (DaftariReceiptReader *self, const char *path, GCancellable *cancellable,
                                  GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, cancellable, NULL, error);

  if (bytes == NULL)
    return NULL;
  return daftari_receipt_reader_scan_bytes (self, bytes, cancellable, NULL, NULL, error);
}
