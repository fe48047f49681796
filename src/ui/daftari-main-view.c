/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-main-view.h"

#include <glib/gi18n.h>

#include "daftari-customers-page.h"
#include "daftari-dashboard-page.h"
#include "daftari-invoices-page.h"
#include "daftari-plan-page.h"
#include "daftari-receipts-page.h"
#include "daftari-reports-page.h"
#include "daftari-review-page.h"
#include "daftari-wallets-page.h"

/* The pages, in sidebar order. Adding a page is one line here: a
 * DaftariPage subclass, and the page actions it offers (installed on the
 * page class as "page.NAME"). */
typedef struct {
  const char *name;
  const char *title;
  const char *icon_name;
  GType     (*get_type) (void);
  const char *actions[4];
} PageInfo;

static const PageInfo page_infos[] = {
  { "dashboard", N_("Dashboard"), "view-grid-symbolic", daftari_dashboard_page_get_type, { NULL } },
  { "wallets", N_("Wallets"), "daftari-wallet-symbolic", daftari_wallets_page_get_type,
    { "transfer", "pay", "search", NULL } },
  { "invoices", N_("Invoices"), "x-office-document-symbolic", daftari_invoices_page_get_type,
    { "new-invoice", NULL } },
  { "customers", N_("Customers"), "system-users-symbolic", daftari_customers_page_get_type, { "new-customer", NULL } },
  { "receipts", N_("Receipts"), "camera-photo-symbolic", daftari_receipts_page_get_type, { "add-receipt", NULL } },
  { "reports", N_("Reports"), "x-office-spreadsheet-symbolic", daftari_reports_page_get_type, { NULL } },
  { "plan", N_("Plan"), "x-office-calendar-symbolic", daftari_plan_page_get_type,
    { "new-schedule", "post-due", "set-budget", NULL } },
  { "review", N_("Review"), "emblem-important-symbolic", daftari_review_page_get_type, { NULL } },
};

struct _DaftariMainView {
  AdwBin          parent_instance;

  AdwLeaflet     *leaflet;
  GtkListBox     *sidebar;
  AdwWindowTitle *sidebar_title;
  AdwWindowTitle *page_title;
  GtkStack       *pages;
  GtkRevealer    *banner;
  GtkLabel       *banner_label;
  GtkButton      *banner_button;

  DaftariSession *session;
  gboolean        keyring_ok;
};

G_DEFINE_FINAL_TYPE (DaftariMainView, daftari_main_view, ADW_TYPE_BIN)

static GtkWidget *
sidebar_row (const PageInfo *info)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(info->title));
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->name);
  return row;
}

static void
row_activated (DaftariMainView *self, GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  gtk_stack_set_visible_child_name (self->pages, page_infos[index].name);
  adw_window_title_set_title (self->page_title, _(page_infos[index].title));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
daftari_main_view_show_page (DaftariMainView *self, const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    if (g_str_equal (page_infos[i].name, name))
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar, i);
        gtk_list_box_select_row (self->sidebar, row);
        row_activated (self, row);
      }
}

void
daftari_main_view_activate (DaftariMainView *self, const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    for (guint a = 0; page_infos[i].actions[a] != NULL; a++)
      if (g_str_equal (page_infos[i].actions[a], action))
        {
          g_autofree char *page_action = g_strconcat ("page.", action, NULL);
          daftari_main_view_show_page (self, page_infos[i].name);
          gtk_widget_activate_action (gtk_stack_get_child_by_name (self->pages, page_infos[i].name),
                                      page_action, NULL);
          return;
        }
}

void
daftari_main_view_set_protection (DaftariMainView *self, gboolean keyring_ok, gboolean has_pin)
{
  self->keyring_ok = keyring_ok;
  gtk_revealer_set_reveal_child (self->banner, !has_pin);
  if (!keyring_ok)
    {
      gtk_label_set_label (self->banner_label,
                           _("No keyring is running, so this book has no PIN. Anyone at this computer can open it."));
      gtk_button_set_label (self->banner_button, _("_Check Again"));
    }
  else
    {
      gtk_label_set_label (self->banner_label, _("This book has no PIN. Anyone at this computer can open it."));
      gtk_button_set_label (self->banner_button, _("_Set PIN…"));
    }
}

/* Without a keyring the button asks the window to look again; with one it
 * opens Preferences, where the PIN is set. */
static void
banner_clicked (DaftariMainView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), self->keyring_ok ? "app.preferences" : "win.recheck-keyring",
                              NULL);
}

static void
back_clicked (DaftariMainView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
add_pages (DaftariMainView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    {
      GtkWidget *page = g_object_new (page_infos[i].get_type (), "session", self->session, NULL);
      gtk_stack_add_named (self->pages, page, page_infos[i].name);
      gtk_list_box_append (self->sidebar, sidebar_row (&page_infos[i]));
    }
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));
  adw_window_title_set_title (self->page_title, _(page_infos[0].title));
}

static void
daftari_main_view_dispose (GObject *object)
{
  DaftariMainView *self = DAFTARI_MAIN_VIEW (object);

  /* No gtk_widget_dispose_template(): the leaflet is the bin's own child,
   * and AdwBin unparents it; doing it here too would do it twice. */
  g_clear_object (&self->session);
  G_OBJECT_CLASS (daftari_main_view_parent_class)->dispose (object);
}

static void
daftari_main_view_class_init (DaftariMainViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = daftari_main_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-main-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariMainView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DaftariMainView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DaftariMainView, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, DaftariMainView, page_title);
  gtk_widget_class_bind_template_child (widget_class, DaftariMainView, pages);
  gtk_widget_class_bind_template_child (widget_class, DaftariMainView, banner);
  gtk_widget_class_bind_template_child (widget_class, DaftariMainView, banner_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariMainView, banner_button);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, banner_clicked);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked);
}

static void
daftari_main_view_init (DaftariMainView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DaftariMainView *
daftari_main_view_new (DaftariSession *session)
{
  DaftariMainView *self = g_object_new (DAFTARI_TYPE_MAIN_VIEW, NULL);

  self->session = g_object_ref (session);
  adw_window_title_set_subtitle (self->sidebar_title,
                                 daftari_book_get_business_name (daftari_session_get_book (session)));
  add_pages (self);
  return self;
}
