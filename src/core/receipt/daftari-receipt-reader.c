/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tesseract through its C API, one engine per reader. */
#include "daftari-receipt-reader.h"

#include <dlfcn.h>
#include <glib/gi18n-lib.h>
#include <tesseract/capi.h>

#include "daftari-receipt-error.h"
#include "daftari-receipt-image.h"
#include "daftari-receipt-region.h"

struct _DaftariReceiptReader {
  GObject       parent_instance;
  TessBaseAPI  *api;
  char         *languages;
  /* The second model (Tesseract's "Latin" script data), made when first
   * needed; NULL when it is not installed or would not load. */
  TessBaseAPI  *latin;
  gboolean      latin_tried;
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
  if (self->latin != NULL)
    {
      TessBaseAPIEnd (self->latin);
      TessBaseAPIDelete (self->latin);
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
configure (TessBaseAPI *api)
{
  /* Receipts are one block of lines, some with a price far to the right:
   * a single block keeps a label and its amount, cents included, on one
   * line (the single-column mode dropped the cents after a wide gap, and
   * automatic layout split the columns; docs/receipts.md). */
  TessBaseAPISetPageSegMode (api, PSM_SINGLE_BLOCK);
  /* Receipts are printed dark on light; looking for inverted text costs time. */
  TessBaseAPISetVariable (api, "tessedit_do_invert", "0");
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
  configure (self->api);
  return g_steal_pointer (&self);
}

/* The second model: Tesseract's "Latin" script data (Debian's
 * tesseract-ocr-script-latn), trained on other text than eng's fast data,
 * misreads other characters. Optional: without it the reader works as
 * with eng alone. Loaded on first use (it is large) and kept. */
#define LATIN_MODEL "Latin"

static TessBaseAPI *
latin_engine (DaftariReceiptReader *self)
{
  if (self->latin_tried)
    return self->latin;
  self->latin_tried = TRUE;
  if (!has_language (self->api, LATIN_MODEL))
    {
      g_debug ("no %s.traineddata: reading without a second model", LATIN_MODEL);
      return NULL;
    }
  self->latin = TessBaseAPICreate ();
  if (TessBaseAPIInit2 (self->latin, NULL, LATIN_MODEL, OEM_LSTM_ONLY) != 0)
    {
      g_debug ("%s.traineddata would not load: reading without a second model", LATIN_MODEL);
      TessBaseAPIDelete (self->latin);
      self->latin = NULL;
      return NULL;
    }
  configure (self->latin);
  return self->latin;
}

const char *
daftari_receipt_reader_get_second_model (DaftariReceiptReader *self)
{
  g_return_val_if_fail (DAFTARI_IS_RECEIPT_READER (self), NULL);
  return latin_engine (self) != NULL ? LATIN_MODEL : NULL;
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
  g_clear_pointer (&scan->second_words, g_array_unref);
  g_clear_pointer (&scan->reread_words, g_array_unref);
  g_clear_pointer (&scan->latin_words, g_array_unref);
  g_clear_pointer (&scan->latin_date_words, g_array_unref);
  g_clear_pointer (&scan->date_readings, g_ptr_array_unref);
  g_clear_pointer (&scan->total_readings, g_ptr_array_unref);
  g_free (scan->mime);
  g_free (scan->languages);
  g_free (scan->second_model);
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

/* A piece of the recognition image read on its own: where it was cut
 * (its top row) and how much it was enlarged. */
typedef struct {
  int    top;
  double zoom;
} Piece;

static const Piece whole_page = { 0, 1.0 };

static GArray *
collect_words (TessBaseAPI *api, const ReceiptTransform *transform, const Piece *piece)
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
          box = (DaftariReceiptBox) { (int) (x1 / piece->zoom), (int) (y1 / piece->zoom) + piece->top,
                                      (int) ((x2 - x1) / piece->zoom), (int) ((y2 - y1) / piece->zoom) };
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

/* How much of a quick reading is plausible text: the letters and digits
 * of words Tesseract is fairly sure of. Text on its side reads as a few
 * unsure marks, so the upright turn wins by far. */
#define LEGIBLE_CONFIDENCE 70

static int
legibility (DaftariReceiptReader *self, PIX *sample, int dpi)
{
  TessResultIterator *it;
  int score = 0;

  TessBaseAPISetImage2 (self->api, sample);
  TessBaseAPISetSourceResolution (self->api, dpi >= 70 && dpi <= 2400 ? dpi : 300);
  if (TessBaseAPIRecognize (self->api, NULL) != 0 || (it = TessBaseAPIGetIterator (self->api)) == NULL)
    {
      TessBaseAPIClear (self->api);
      return 0;
    }
  do
    {
      char *text = TessResultIteratorGetUTF8Text (it, RIL_WORD);
      int alnum = 0;

      for (const char *p = text; p != NULL && *p != '\0'; p++)
        alnum += g_ascii_isalnum (*p) ? 1 : 0;
      if (alnum >= 2 && TessResultIteratorConfidence (it, RIL_WORD) >= LEGIBLE_CONFIDENCE)
        score += alnum;
      TessDeleteText (text);
    }
  while (TessResultIteratorNext (it, RIL_WORD));
  TessResultIteratorDelete (it);
  TessBaseAPIClear (self->api);
  return score;
}

/* An upright reading this legible needs no turn tried: text on its side
 * read 4–27 such characters on the test receipts and photos (upside down
 * 50), upright text 63–225, and a turn would need twice as many to win.
 * Reading a piece on its side is slow (up to a second and a quarter: many
 * small unsure marks), and most pages are upright. */
#define CLEARLY_LEGIBLE 60

/* Which way is up, for a page that may lie on its side: a piece of it read
 * as it is and, unless that is clearly legible, turned a quarter either
 * way; the most legible reading wins. Tesseract's own
 * orientation detector needs osd.traineddata, which the Flatpak does not
 * ship, and Leptonica's counts of ascenders and descenders were wrong too
 * often on receipts (docs/receipts.md). */
static int
upright_quads (DaftariReceiptReader *self, const ReceiptPrepared *prepared, GCancellable *cancellable)
{
  static const int turns[] = { 0, 1, 3 };
  int best = 0, best_score = -1;

  limit_openmp ();
  for (guint i = 0; i < G_N_ELEMENTS (turns) && !(best == 0 && best_score >= CLEARLY_LEGIBLE)
                    && !g_cancellable_is_cancelled (cancellable); i++)
    {
      PIX *sample = receipt_image_orientation_sample (prepared, turns[i]);
      int score = sample != NULL ? legibility (self, sample, prepared->dpi) : 0;

      pixDestroy (&sample);
      g_debug ("orientation: %d quarter turns read %d legible characters", turns[i], score);
      /* Upright unless a turn reads clearly better. */
      if (score > best_score + (turns[i] == 0 ? 0 : 10) && (turns[i] == 0 || score > 2 * MAX (best_score, 0)))
        {
          best = turns[i];
          best_score = score;
        }
    }
  return best;
}

static GArray *
recognise_with (TessBaseAPI *api, PIX *pix, int dpi, const ReceiptTransform *transform, const Piece *piece,
                Monitor *monitor, GError **error)
{
  ETEXT_DESC *desc = TessMonitorCreate ();
  int status;
  GArray *words = NULL;

  limit_openmp ();
  TessBaseAPISetImage2 (api, pix);
  /* Tesseract sizes its filters by the resolution; a file that does not
   * say is taken as a 300 dpi scan after scaling. */
  TessBaseAPISetSourceResolution (api, (int) ((dpi >= 70 && dpi <= 2400 ? dpi : 300) * piece->zoom + 0.5));
  TessMonitorSetCancelThis (desc, monitor);
  TessMonitorSetCancelFunc (desc, monitor_cancel);
  TessMonitorSetProgressFunc (desc, monitor_progress);
  status = TessBaseAPIRecognize (api, desc);
  TessMonitorDelete (desc);
  if (g_cancellable_set_error_if_cancelled (monitor->cancellable, error))
    ;
  else if (status != 0)
    g_set_error (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_OCR,
                 _("Tesseract could not read the image; try a clearer photo or scan"));
  else
    words = collect_words (api, transform, piece);
  TessBaseAPIClear (api);
  return words;
}

static GArray *
recognise (DaftariReceiptReader *self, PIX *pix, int dpi, const ReceiptTransform *transform, const Piece *piece,
           Monitor *monitor, GError **error)
{
  return recognise_with (self->api, pix, dpi, transform, piece, monitor, error);
}

/* The page read again without its background normalised: faint or
 * unevenly lit print that the first reading got wrong is often read right
 * from the plain image, and the other way round, so each field is taken
 * from the reading that supports it better (daftari_receipt_fields_merge).
 * Only for receipts whose total or date is in doubt, to keep the usual
 * receipt at one recognition. */
static gboolean
second_look (DaftariReceiptReader *self, const ReceiptPrepared *prepared, Monitor *monitor,
             DaftariReceiptScan *scan, GError **error)
{
  Monitor quiet = { monitor->cancellable, NULL, NULL };
  GArray *words = recognise (self, prepared->plain, prepared->dpi, &prepared->transform, &whole_page, &quiet, error);

  if (words == NULL)
    return FALSE;
  scan->second_words = words;
  if (words->len > 0)
    scan->fields = daftari_receipt_fields_merge (
        scan->fields, daftari_receipt_extract ((const DaftariReceiptWord *) (gpointer) words->data, words->len));
  return TRUE;
}

/* Re-reading: the parts of the page that hold the fields, cut out of the
 * plain grey image and enlarged, read on their own. Small or faint print
 * (a tiny total line, dot-matrix or faded text, a name under a logo) that
 * the whole page's reading got wrong is often legible at twice the size
 * and without the neighbouring lines; the words read there replace the
 * first reading's and each field is taken from the reading that supports
 * it better (daftari_receipt_fields_merge_reread). 3× and other images
 * (normalised, binarised, blurred) did worse on the development receipts. */
#define REREAD_ZOOM 2

static gboolean
reread_band (TessBaseAPI *api, const ReceiptPrepared *prepared, PIX *source, double zoom, const ReceiptBand *band,
             GArray **composite, Monitor *monitor, GError **error)
{
  Monitor quiet = { monitor->cancellable, NULL, NULL };
  Piece piece = { 0, zoom };
  PIX *pix;
  GArray *words, *replaced;

  if ((pix = receipt_region_image (prepared, source, band, piece.zoom, &piece.top)) == NULL)
    return TRUE;
  words = recognise_with (api, pix, prepared->dpi, &prepared->transform, &piece, &quiet, error);
  pixDestroy (&pix);
  if (words == NULL)
    return FALSE;
  replaced = receipt_region_replace (prepared, *composite, band, words);
  g_array_unref (words);
  g_array_unref (*composite);
  *composite = replaced;
  return TRUE;
}

static gboolean
reread_region (DaftariReceiptReader *self, const ReceiptPrepared *prepared, const DaftariReceiptScan *scan,
               ReceiptRegion region, GArray **composite, Monitor *monitor, GError **error)
{
  ReceiptBand band;

  if (!receipt_region_band (prepared, scan->words, scan->fields, region, &band))
    return TRUE;
  return reread_band (self->api, prepared, prepared->plain, REREAD_ZOOM, &band, composite, monitor, error);
}

/* The header always (a name is never confirmed by anything else on the
 * receipt); the date and total lines only when the page's reading left
 * them missing or unsure, to keep the usual receipt quick. */
static gboolean
reread (DaftariReceiptReader *self, const ReceiptPrepared *prepared, Monitor *monitor, DaftariReceiptScan *scan,
        GError **error)
{
  const DaftariReceiptField *date = &scan->fields->field[DAFTARI_RECEIPT_DATE];
  const DaftariReceiptField *total = &scan->fields->field[DAFTARI_RECEIPT_TOTAL];
  gboolean wanted[] = {
    [RECEIPT_REGION_HEADER] = TRUE,
    [RECEIPT_REGION_DATE] = date->value == NULL || date->confidence < DAFTARI_RECEIPT_CONFIDENT,
    [RECEIPT_REGION_TOTAL] = total->value == NULL
                             || (!scan->fields->total_checked && total->confidence < DAFTARI_RECEIPT_CONFIDENT),
  };
  GArray *composite = g_array_ref (scan->words);

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    if (wanted[i] && !reread_region (self, prepared, scan, i, &composite, monitor, error))
      {
        g_array_unref (composite);
        return FALSE;
      }
  if (composite == scan->words)
    {
      g_array_unref (composite);
      return TRUE;
    }
  scan->reread_words = composite;
  scan->fields = daftari_receipt_fields_merge_reread (
      scan->fields, daftari_receipt_extract ((const DaftariReceiptWord *) (gpointer) composite->data, composite->len),
      scan->words, scan->second_words, composite);
  return TRUE;
}

/* The strip of a region as the first of these word lists (NULL ones
 * skipped) shows it: a field may have come from a later reading's words. */
static gboolean
band_in (const ReceiptPrepared *prepared, GArray *const *lists, guint n_lists, const DaftariReceiptFields *fields,
         ReceiptRegion region, ReceiptBand *out)
{
  for (guint i = 0; i < n_lists; i++)
    if (lists[i] != NULL && receipt_region_band (prepared, lists[i], fields, region, out))
      return TRUE;
  return FALSE;
}

/* The second opinion: the header and the date line read once more with
 * the second model (latin_engine), from the plain grey image at its own
 * size, its words in place of the page's reading's there
 * (DaftariReceiptScan.latin_words); daftari_receipt_fields_merge_latin
 * combines the fields. Enlarged 2× or from the normalised image it read
 * fewer names right on the development receipts. Nothing when the model
 * is not installed. */
static gboolean
latin_reading (DaftariReceiptReader *self, const ReceiptPrepared *prepared, Monitor *monitor, DaftariReceiptScan *scan,
               GError **error)
{
  TessBaseAPI *latin = latin_engine (self);
  GArray *const lists[] = { scan->words, scan->reread_words };
  ReceiptBand header, date, bands[2];
  guint n = 0;
  gboolean has_header, has_date;
  GArray *composite;

  if (latin == NULL)
    return TRUE;
  scan->second_model = g_strdup (LATIN_MODEL);
  has_header = receipt_region_band (prepared, scan->words, scan->fields, RECEIPT_REGION_HEADER, &header);
  has_date = band_in (prepared, lists, G_N_ELEMENTS (lists), scan->fields, RECEIPT_REGION_DATE,
                      &date);
  /* The date line alone from the normalised image: a third reading of
   * the date's digits (daftari_receipt_fields_merge_latin). One line, so
   * quick. */
  if (has_date)
    {
      scan->latin_date_words = g_array_ref (scan->words);
      if (!reread_band (latin, prepared, prepared->grey, 1, &date, &scan->latin_date_words, monitor, error))
        return FALSE;
    }
  /* One strip when they touch, so that no line is read twice. */
  if (has_header && has_date && date.top <= header.bottom && date.bottom >= header.top)
    {
      header.top = MIN (header.top, date.top);
      header.bottom = MAX (header.bottom, date.bottom);
      has_date = FALSE;
    }
  if (has_header)
    bands[n++] = header;
  if (has_date)
    bands[n++] = date;
  if (n == 0)
    return TRUE;
  composite = g_array_ref (scan->words);
  for (guint i = 0; i < n; i++)
    if (!reread_band (latin, prepared, prepared->plain, 1, &bands[i], &composite, monitor, error))
      {
        g_array_unref (composite);
        return FALSE;
      }
  scan->latin_words = composite;
  scan->fields = daftari_receipt_fields_merge_latin (
      scan->fields, daftari_receipt_extract ((const DaftariReceiptWord *) (gpointer) composite->data, composite->len),
      scan->words, scan->second_words, scan->reread_words, composite, scan->latin_date_words);
  return TRUE;
}

/* More readings of the date line, for a date still missing or unsure
 * after the readings above: the line read by the second model enlarged
 * 2×, and, when the page was enlarged for recognition, by both models at
 * the file's own size (small print that the enlarged page blurred).
 * Each reading's words in place of the page's there
 * (DaftariReceiptScan.date_readings); daftari_receipt_fields_vote_date
 * lets all the readings vote on the date's digits. Measured on the odd
 * half: these three were the readings that voted best; eng on the plain
 * or the normalised image at the page's size or 2× and the second model
 * on the normalised image 2× added nothing. Three quick line readings,
 * only for the few receipts in doubt. */
typedef struct {
  gboolean latin;
  double   zoom;   /* 0: the file's own size */
} LineView;

/* Below this many recognition pixels per file pixel the file's own size
 * is about the page's: no new reading. */
#define LINE_VIEW_MIN_SCALE 1.05

static const LineView date_views[] = { { TRUE, 2 }, { FALSE, 0 }, { TRUE, 0 } };

/* The band read once per view (its engine and zoom), each into a copy of
 * the page's words; a view whose engine is missing, or that would read the
 * page at the size it was read at already, is skipped. NULL on error. */
static GPtrArray *
read_views (DaftariReceiptReader *self, const ReceiptPrepared *prepared, const ReceiptBand *band,
            const LineView *views, guint n_views, GArray *page_words, Monitor *monitor, GError **error)
{
  g_autoptr(GPtrArray) readings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < n_views; i++)
    {
      const LineView *v = &views[i];
      TessBaseAPI *api = v->latin ? latin_engine (self) : self->api;
      GArray *composite;

      if (api == NULL || (v->zoom == 0 && prepared->transform.scale < LINE_VIEW_MIN_SCALE))
        continue;
      composite = g_array_ref (page_words);
      if (!reread_band (api, prepared, prepared->plain, v->zoom > 0 ? v->zoom : 1 / prepared->transform.scale, band,
                        &composite, monitor, error))
        {
          g_array_unref (composite);
          return NULL;
        }
      g_ptr_array_add (readings, composite);
    }
  return g_steal_pointer (&readings);
}

static gboolean
date_readings (DaftariReceiptReader *self, const ReceiptPrepared *prepared, Monitor *monitor, DaftariReceiptScan *scan,
               GError **error)
{
  const DaftariReceiptField *date = &scan->fields->field[DAFTARI_RECEIPT_DATE];
  GArray *const lists[] = { scan->words, scan->reread_words, scan->latin_words };
  ReceiptBand band;

  if (date->value != NULL && date->confidence >= DAFTARI_RECEIPT_CONFIDENT)
    return TRUE;
  if (!band_in (prepared, lists, G_N_ELEMENTS (lists), scan->fields, RECEIPT_REGION_DATE_LIKE, &band))
    return TRUE;
  if ((scan->date_readings = read_views (self, prepared, &band, date_views, G_N_ELEMENTS (date_views), scan->words,
                                         monitor, error)) == NULL)
    return FALSE;
  daftari_receipt_scan_vote_date (scan);
  return TRUE;
}

/* The readings a vote takes, in order: those of the scan that exist, then
 * the line's own extra ones (may be NULL). Borrowed (of GArray*). */
static GPtrArray *
gather_readings (GArray *const *readings, guint n_readings, GPtrArray *extra)
{
  GPtrArray *all = g_ptr_array_new ();

  for (guint i = 0; i < n_readings; i++)
    if (readings[i] != NULL)
      g_ptr_array_add (all, readings[i]);
  for (guint i = 0; extra != NULL && i < extra->len; i++)
    g_ptr_array_add (all, g_ptr_array_index (extra, i));
  return all;
}

gboolean
daftari_receipt_scan_vote_date (DaftariReceiptScan *scan)
{
  GArray *const readings[] = { scan->words, scan->second_words, scan->reread_words, scan->latin_words,
                               scan->latin_date_words };
  g_autoptr(GPtrArray) all = gather_readings (readings, G_N_ELEMENTS (readings), scan->date_readings);

  return daftari_receipt_fields_vote_date (scan->fields, (GArray **) all->pdata, all->len);
}

/* More readings of the total's lines, for a total still missing or
 * unconfirmed after the readings above (the date's views, and the second
 * model at the page's size: the total line is not in its header strip).
 * daftari_receipt_fields_vote_total then decides over all readings. */
static const LineView total_views[] = { { TRUE, 1 }, { TRUE, 2 }, { FALSE, 0 }, { TRUE, 0 } };

static gboolean
total_readings (DaftariReceiptReader *self, const ReceiptPrepared *prepared, Monitor *monitor,
                DaftariReceiptScan *scan, GError **error)
{
  const DaftariReceiptField *total = &scan->fields->field[DAFTARI_RECEIPT_TOTAL];
  GArray *const lists[] = { scan->words, scan->reread_words };
  ReceiptBand band;

  if (total->value != NULL && scan->fields->total_checked)
    return TRUE;
  if (!band_in (prepared, lists, G_N_ELEMENTS (lists), scan->fields, RECEIPT_REGION_TOTAL, &band))
    return TRUE;
  if ((scan->total_readings = read_views (self, prepared, &band, total_views, G_N_ELEMENTS (total_views),
                                          scan->words, monitor, error)) == NULL)
    return FALSE;
  daftari_receipt_scan_vote_total (scan);
  return TRUE;
}

gboolean
daftari_receipt_scan_vote_total (DaftariReceiptScan *scan)
{
  GArray *const readings[] = { scan->words, scan->reread_words, scan->second_words };
  g_autoptr(GPtrArray) all = gather_readings (readings, G_N_ELEMENTS (readings), scan->total_readings);

  return daftari_receipt_fields_vote_total (scan->fields, (GArray **) all->pdata, all->len);
}

DaftariReceiptScan *
daftari_receipt_reader_scan_bytes (DaftariReceiptReader *self, GBytes *bytes, GCancellable *cancellable,
                                   DaftariReceiptProgress progress, gpointer user_data, GError **error)
{
  gint64 start = g_get_monotonic_time ();
  ReceiptImage image;
  ReceiptPrepared prepared;
  Monitor monitor = { cancellable, progress, user_data };
  g_autoptr(DaftariReceiptScan) scan = g_new0 (DaftariReceiptScan, 1);
  gboolean ok;

  g_return_val_if_fail (DAFTARI_IS_RECEIPT_READER (self), NULL);
  if (!receipt_image_decode (bytes, &image, error))
    return NULL;
  ok = receipt_image_prepare (&image, &prepared, error);
  scan->width = image.width;
  scan->height = image.height;
  scan->mime = g_strdup (image.mime);
  receipt_image_clear (&image);
  if (!ok)
    return NULL;
  scan->paper = (DaftariReceiptBox) { prepared.transform.left, prepared.transform.top,
                                      prepared.transform.width, prepared.transform.height };
  receipt_image_finish (&prepared, receipt_image_may_be_sideways (&prepared)
                                     ? upright_quads (self, &prepared, cancellable) : 0);
  scan->words = recognise (self, prepared.grey, prepared.dpi, &prepared.transform, &whole_page, &monitor, error);
  if (scan->words == NULL)
    {
      receipt_prepared_clear (&prepared);
      return NULL;
    }
  if (scan->words->len == 0)
    {
      receipt_prepared_clear (&prepared);
      g_set_error (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_BLANK,
                   _("No text was found on the page; check that the right file was chosen and that it is in focus"));
      return NULL;
    }
  scan->fields = daftari_receipt_extract ((const DaftariReceiptWord *) (gpointer) scan->words->data, scan->words->len);
  if ((daftari_receipt_fields_doubtful (scan->fields) && !second_look (self, &prepared, &monitor, scan, error))
      || !reread (self, &prepared, &monitor, scan, error) || !latin_reading (self, &prepared, &monitor, scan, error)
      || !date_readings (self, &prepared, &monitor, scan, error)
      || !total_readings (self, &prepared, &monitor, scan, error))
    {
      receipt_prepared_clear (&prepared);
      return NULL;
    }
  receipt_prepared_clear (&prepared);
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
