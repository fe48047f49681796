/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-chart-view.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

/* Big enough to read a year of bars; the page decides the real size. */
#define NATURAL_WIDTH  480
#define NATURAL_HEIGHT 300
#define MIN_WIDTH      160
#define MIN_HEIGHT     120

struct _DaftariChartView {
  GtkWidget     parent_instance;
  DaftariChart *chart;
  int           hovered;        /* item index under the pointer, or -1 */
};

G_DEFINE_FINAL_TYPE (DaftariChartView, daftari_chart_view, GTK_TYPE_WIDGET)

enum { ITEM_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static DaftariChartItem *
item_at (DaftariChartView *self, double x, double y)
{
  if (self->chart == NULL)
    return NULL;
  return daftari_chart_hit (self->chart, gtk_widget_get_width (GTK_WIDGET (self)),
                            gtk_widget_get_height (GTK_WIDGET (self)), x, y);
}

static void
set_hovered (DaftariChartView *self, const DaftariChartItem *item)
{
  int index = item != NULL ? (int) item->index : -1;

  /* The tooltip follows the item, with its exact amount. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), item != NULL ? item->text : NULL);
  if (index == self->hovered)
    return;
  self->hovered = index;
  if (self->chart != NULL)
    daftari_chart_set_highlight (self->chart, index);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *motion, double x, double y, DaftariChartView *self)
{
  g_autoptr(DaftariChartItem) item = item_at (self, x, y);

  set_hovered (self, item);
}

static void
on_leave (GtkEventControllerMotion *motion, DaftariChartView *self)
{
  set_hovered (self, NULL);
}

static void
on_released (GtkGestureClick *gesture, int n_press, double x, double y, DaftariChartView *self)
{
  g_autoptr(DaftariChartItem) item = item_at (self, x, y);

  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, (guint) item->kind, item->id);
}

static void
update_accessible (DaftariChartView *self)
{
  g_autofree char *description = self->chart != NULL ? daftari_chart_describe (self->chart) : NULL;
  const char *title = self->chart != NULL ? daftari_chart_get_title (self->chart) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
}

static void
daftari_chart_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  DaftariChartView *self = DAFTARI_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  daftari_chart_draw (self->chart, cr, width, height,
                      dark ? DAFTARI_CHART_THEME_DARK : DAFTARI_CHART_THEME_LIGHT, FALSE);
  cairo_destroy (cr);
}

static void
daftari_chart_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                            int *natural, int *minimum_baseline, int *natural_baseline)
{
  gboolean horizontal = orientation == GTK_ORIENTATION_HORIZONTAL;

  *minimum = horizontal ? MIN_WIDTH : MIN_HEIGHT;
  *natural = horizontal ? NATURAL_WIDTH : NATURAL_HEIGHT;
}

static void
on_dark_changed (AdwStyleManager *manager, GParamSpec *pspec, DaftariChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
daftari_chart_view_dispose (GObject *object)
{
  DaftariChartView *self = DAFTARI_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->chart, daftari_chart_free);
  G_OBJECT_CLASS (daftari_chart_view_parent_class)->dispose (object);
}

static void
daftari_chart_view_class_init (DaftariChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftari_chart_view_dispose;
  widget_class->snapshot = daftari_chart_view_snapshot;
  widget_class->measure = daftari_chart_view_measure;

  /**
   * DaftariChartView::item-activated:
   * @kind: the DaftariChartItemKind clicked
   * @id: the month (YYYYMM), day (YYYYMMDD) or category id of the item
   */
  signals[ITEM_ACTIVATED] = g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT64);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
daftari_chart_view_init (DaftariChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->hovered = -1;
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (on_dark_changed), self);
  update_accessible (self);
}

GtkWidget *
daftari_chart_view_new (void)
{
  return g_object_new (DAFTARI_TYPE_CHART_VIEW, NULL);
}

void
daftari_chart_view_set_chart (DaftariChartView *self, DaftariChart *chart)
{
  g_return_if_fail (DAFTARI_IS_CHART_VIEW (self));
  if (chart == self->chart)
    return;
  g_clear_pointer (&self->chart, daftari_chart_free);
  self->chart = chart;
  self->hovered = -1;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

DaftariChart *
daftari_chart_view_get_chart (DaftariChartView *self)
{
  g_return_val_if_fail (DAFTARI_IS_CHART_VIEW (self), NULL);
  return self->chart;
}
