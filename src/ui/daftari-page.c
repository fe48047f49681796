/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-page.h"

#include "daftari-window.h"

typedef struct {
  DaftariSession *session;
  gulong          changed_id;
} DaftariPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DaftariPage, daftari_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_SESSION, N_PROPS };
static GParamSpec *properties[N_PROPS];

DaftariSession *
daftari_page_get_session (DaftariPage *self)
{
  DaftariPagePrivate *priv = daftari_page_get_instance_private (self);
  return priv->session;
}

DaftariBook *
daftari_page_get_book (DaftariPage *self)
{
  return daftari_session_get_book (daftari_page_get_session (self));
}

GtkWindow *
daftari_page_get_window (DaftariPage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

void
daftari_page_toast (DaftariPage *self, AdwToast *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), DAFTARI_TYPE_WINDOW);

  if (window != NULL)
    daftari_window_add_toast (DAFTARI_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
daftari_page_toast_text (DaftariPage *self, const char *text)
{
  daftari_page_toast (self, adw_toast_new (text));
}

static void
changed (DaftariPage *self)
{
  DaftariPageClass *klass = DAFTARI_PAGE_GET_CLASS (self);

  if (klass->refresh != NULL)
    klass->refresh (self);
}

static void
daftari_page_constructed (GObject *object)
{
  DaftariPage *self = DAFTARI_PAGE (object);
  DaftariPageClass *klass = DAFTARI_PAGE_GET_CLASS (self);

  G_OBJECT_CLASS (daftari_page_parent_class)->constructed (object);
  if (klass->session_set != NULL)
    klass->session_set (self);
  changed (self);
}

static void
daftari_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  DaftariPage *self = DAFTARI_PAGE (object);
  DaftariPagePrivate *priv = daftari_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SESSION:
      priv->session = g_value_dup_object (value);
      priv->changed_id = g_signal_connect_swapped (priv->session, "changed", G_CALLBACK (changed), self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftari_page_dispose (GObject *object)
{
  DaftariPagePrivate *priv = daftari_page_get_instance_private (DAFTARI_PAGE (object));

  if (priv->session != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->session);
  g_clear_object (&priv->session);
  G_OBJECT_CLASS (daftari_page_parent_class)->dispose (object);
}

static void
daftari_page_class_init (DaftariPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = daftari_page_constructed;
  object_class->set_property = daftari_page_set_property;
  object_class->dispose = daftari_page_dispose;
  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, DAFTARI_TYPE_SESSION,
                                                  G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
daftari_page_init (DaftariPage *self)
{
}
