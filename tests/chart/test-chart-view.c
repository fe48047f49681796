/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DaftariChartView in a real window under Xvfb: hovering a bar gives a
 * tooltip with its exact amount, a click says which bar, the theme follows
 * libadwaita's dark setting. The pointer is the widget's own controllers,
 * driven with the coordinates a pointer would give them. */
#include <adwaita.h>

#include "daftari-chart-view.h"
#include "daftari-core.h"

typedef struct {
  guint  kind;
  gint64 id;
  guint  n;
} Activation;

static void
on_activated (DaftariChartView *view, guint kind, gint64 id, Activation *out)
{
  out->kind = kind;
  out->id = id;
  out->n++;
}

static void
spin_until_sized (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((gtk_widget_get_width (widget) == 0 || !gtk_widget_get_mapped (widget)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
}

static gpointer
controller_of (GtkWidget *widget, GType type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;  /* the widget keeps it */
    }
  g_assert_not_reached ();
}

static void
test_hover_and_click (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = daftari_chart_view_new ();
  DaftariChart *chart = daftari_chart_new (DAFTARI_CHART_BARS, NULL);
  g_autoptr(DaftariChartItem) feb = NULL;
  GtkEventController *motion;
  GtkGesture *click;
  Activation activation = { 0 };
  double x, y;
  int w, h;

  daftari_chart_set_title (chart, "Income and expense");
  daftari_chart_add_month (chart, 202501, 1000000, 500000);
  daftari_chart_add_month (chart, 202502, 1234567, 890123);
  daftari_chart_view_set_chart (DAFTARI_CHART_VIEW (view), chart);
  g_signal_connect (view, "item-activated", G_CALLBACK (on_activated), &activation);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 400);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  spin_until_sized (view);

  w = gtk_widget_get_width (view);
  h = gtk_widget_get_height (view);
  feb = daftari_chart_get_item (chart, w, h, 2);   /* February's income */
  g_assert_cmpint (feb->kind, ==, DAFTARI_CHART_ITEM_INCOME);
  x = feb->x + feb->width / 2;
  y = feb->y + feb->height / 2;

  motion = controller_of (view, GTK_TYPE_EVENT_CONTROLLER_MOTION);
  g_signal_emit_by_name (motion, "enter", x, y);
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (view), ==, "Income, Feb 2025: KES 12,345.67");
  /* Over empty space, no tooltip; back over the bar, the tooltip again. */
  g_signal_emit_by_name (motion, "motion", (double) w - 2, 2.0);
  g_assert_null (gtk_widget_get_tooltip_text (view));
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_nonnull (gtk_widget_get_tooltip_text (view));
  g_signal_emit_by_name (motion, "leave");
  g_assert_null (gtk_widget_get_tooltip_text (view));

  click = controller_of (view, GTK_TYPE_GESTURE_CLICK);
  g_signal_emit_by_name (click, "released", 1, x, y);
  g_assert_cmpuint (activation.n, ==, 1);
  g_assert_cmpuint (activation.kind, ==, DAFTARI_CHART_ITEM_INCOME);
  g_assert_cmpint (activation.id, ==, 202502);
  /* A click on nothing activates nothing. */
  g_signal_emit_by_name (click, "released", 1, (double) w - 2, 2.0);
  g_assert_cmpuint (activation.n, ==, 1);

  /* Drawn in the window's theme: dark mode repaints without a fuss. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_replace_chart (void)
{
  GtkWidget *view = g_object_ref_sink (daftari_chart_view_new ());
  DaftariChart *first = daftari_chart_new (DAFTARI_CHART_CATEGORIES, NULL);
  DaftariChart *second = daftari_chart_new (DAFTARI_CHART_BUDGET, NULL);

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==, GTK_ACCESSIBLE_ROLE_IMG);
  daftari_chart_view_set_chart (DAFTARI_CHART_VIEW (view), first);
  g_assert_true (daftari_chart_view_get_chart (DAFTARI_CHART_VIEW (view)) == first);
  daftari_chart_view_set_chart (DAFTARI_CHART_VIEW (view), second);   /* frees the first */
  g_assert_true (daftari_chart_view_get_chart (DAFTARI_CHART_VIEW (view)) == second);
  daftari_chart_view_set_chart (DAFTARI_CHART_VIEW (view), NULL);
  g_assert_null (daftari_chart_view_get_chart (DAFTARI_CHART_VIEW (view)));
  g_object_unref (view);
}

int
main (int argc, char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run under xvfb-run (build-aux/daftari.sh test does)\n");
      return 77;
    }
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  daftari_core_init ();
  g_test_add_func ("/chart-view/hover-and-click", test_hover_and_click);
  g_test_add_func ("/chart-view/replace-chart", test_replace_chart);
  return g_test_run ();
}
