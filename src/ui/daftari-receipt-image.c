/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-receipt-image.h"

typedef struct {
  DaftariReceiptBox box;
  gboolean          highlighted;
} DrawnBox;

struct _DaftariReceiptImage {
  GtkWidget   parent_instance;

  GdkTexture *texture;
  int         file_width;
  int         file_height;
  DaftariReceiptBox part;   /* of the file, that the texture shows */
  GArray     *boxes;   /* of DrawnBox */
};

G_DEFINE_FINAL_TYPE (DaftariReceiptImage, daftari_receipt_image, GTK_TYPE_WIDGET)

/* Where the picture sits: as large as fits, centred, aspect kept. Returns
 * that rectangle; *origin is where the file's top left corner falls (off
 * the widget when the picture is of only part of the file). */
static graphene_rect_t
picture_rect (DaftariReceiptImage *self, double *out_scale, graphene_point_t *origin)
{
  const DaftariReceiptBox *v = &self->part;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double scale = MIN (width / MAX (v->width, 1), height / MAX (v->height, 1));
  double w = v->width * scale, h = v->height * scale;
  graphene_rect_t shown = GRAPHENE_RECT_INIT ((width - w) / 2, (height - h) / 2, w, h);

  *out_scale = scale;
  *origin = GRAPHENE_POINT_INIT (shown.origin.x - v->x * scale, shown.origin.y - v->y * scale);
  return shown;
}

static void
daftari_receipt_image_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  DaftariReceiptImage *self = DAFTARI_RECEIPT_IMAGE (widget);
  /* The accent blue and a warm orange that stays distinct for colour-blind
   * eyes; outlines are thick enough to see on a busy receipt. */
  const GdkRGBA outline = { 0.21, 0.52, 0.89, 1.0 };
  const GdkRGBA fill = { 0.90, 0.38, 0.0, 0.30 };
  const GdkRGBA strong = { 0.90, 0.38, 0.0, 1.0 };
  double scale;
  graphene_point_t origin;
  graphene_rect_t picture;

  if (self->texture == NULL)
    return;
  picture = picture_rect (self, &scale, &origin);
  /* A box reaching past the part shown is cut at the picture's edge. */
  gtk_snapshot_push_clip (snapshot, &picture);
  gtk_snapshot_append_texture (snapshot, self->texture, &picture);
  for (guint i = 0; i < self->boxes->len; i++)
    {
      const DrawnBox *drawn = &g_array_index (self->boxes, DrawnBox, i);
      graphene_rect_t r = GRAPHENE_RECT_INIT (origin.x + drawn->box.x * scale - 2,
                                              origin.y + drawn->box.y * scale - 2,
                                              drawn->box.width * scale + 4, drawn->box.height * scale + 4);
      GskRoundedRect rounded;
      const float widths[4] = { 2, 2, 2, 2 };
      const GdkRGBA *colour = drawn->highlighted ? &strong : &outline;
      const GdkRGBA colours[4] = { *colour, *colour, *colour, *colour };

      gsk_rounded_rect_init_from_rect (&rounded, &r, 2);
      if (drawn->highlighted)
        gtk_snapshot_append_color (snapshot, &fill, &r);
      gtk_snapshot_append_border (snapshot, &rounded, widths, colours);
    }
  gtk_snapshot_pop (snapshot);
}

static void
daftari_receipt_image_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                               int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  /* Small enough to share a page with the form; it grows with the window. */
  *minimum = 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 360 : 480;
}

static void
daftari_receipt_image_dispose (GObject *object)
{
  DaftariReceiptImage *self = DAFTARI_RECEIPT_IMAGE (object);

  g_clear_object (&self->texture);
  g_clear_pointer (&self->boxes, g_array_unref);
  G_OBJECT_CLASS (daftari_receipt_image_parent_class)->dispose (object);
}

static void
daftari_receipt_image_class_init (DaftariReceiptImageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftari_receipt_image_dispose;
  widget_class->snapshot = daftari_receipt_image_snapshot;
  widget_class->measure = daftari_receipt_image_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
daftari_receipt_image_init (DaftariReceiptImage *self)
{
  self->boxes = g_array_new (FALSE, FALSE, sizeof (DrawnBox));
}

GtkWidget *
daftari_receipt_image_new (void)
{
  return g_object_new (DAFTARI_TYPE_RECEIPT_IMAGE, NULL);
}

void
daftari_receipt_image_set_texture (DaftariReceiptImage *self, GdkTexture *texture, int file_width, int file_height)
{
  DaftariReceiptBox whole = { 0, 0, file_width, file_height };

  daftari_receipt_image_set_texture_of_part (self, texture, file_width, file_height, &whole);
}

void
daftari_receipt_image_set_texture_of_part (DaftariReceiptImage *self, GdkTexture *texture, int file_width,
                                           int file_height, const DaftariReceiptBox *part)
{
  int x = CLAMP (part->x, 0, file_width), y = CLAMP (part->y, 0, file_height);
  int width = MIN (part->width, file_width - x), height = MIN (part->height, file_height - y);

  g_set_object (&self->texture, texture);
  self->file_width = file_width;
  self->file_height = file_height;
  /* A part with nothing in it would show nothing: the whole picture then. */
  if (width > 0 && height > 0)
    self->part = (DaftariReceiptBox) { x, y, width, height };
  else
    self->part = (DaftariReceiptBox) { 0, 0, file_width, file_height };
  g_array_set_size (self->boxes, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
daftari_receipt_image_get_part (DaftariReceiptImage *self, DaftariReceiptBox *part)
{
  *part = self->part;
}

void
daftari_receipt_image_clear_boxes (DaftariReceiptImage *self)
{
  g_array_set_size (self->boxes, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
daftari_receipt_image_add_boxes (DaftariReceiptImage *self, const GArray *boxes, gboolean highlighted)
{
  for (guint i = 0; boxes != NULL && i < boxes->len; i++)
    {
      DrawnBox drawn = { g_array_index (boxes, DaftariReceiptBox, i), highlighted };
      g_array_append_val (self->boxes, drawn);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
daftari_receipt_image_get_n_boxes (DaftariReceiptImage *self)
{
  return self->boxes->len;
}
