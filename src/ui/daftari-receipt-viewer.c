/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-receipt-viewer.h"

#include <glib/gi18n.h>

#include "daftari-receipt-image.h"
#include "daftari-receipt-json.h"
#include "daftari-receipt-store.h"
#include "daftari-receipt-texture.h"

#define SHOWN_SIDE 2000

GtkWindow *
daftari_receipt_viewer_new (GtkWindow *parent, DaftariBook *book, gint64 txn_id, GError **error)
{
  g_autoptr(GPtrArray) attachments = daftari_receipt_list_attachments (book, txn_id, error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  const DaftariAttachment *attachment;
  GtkWidget *window, *view, *header, *image;
  GtkEventController *shortcuts;
  DaftariReceiptBox paper, shown;
  int file_width, file_height;
  gboolean has_part;

  if (attachments == NULL)
    return NULL;
  if (attachments->len == 0)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND,
                   _("This transaction has no receipt kept with it"));
      return NULL;
    }
  /* The latest: a receipt scanned again replaces what is shown. */
  attachment = g_ptr_array_index (attachments, attachments->len - 1);
  if ((bytes = daftari_receipt_attachment_bytes (book, attachment->id, error)) == NULL)
    return NULL;
  /* The paper of a photo of a receipt on a table, as the Receipts page
   * showed it; the whole picture when the details do not say. */
  has_part = daftari_receipt_details_paper (attachment->details, &file_width, &file_height, &paper);
  texture = has_part ? daftari_receipt_texture_new_part (bytes, attachment->mime, file_width, file_height, &paper,
                                                         SHOWN_SIDE, &shown, error)
                     : daftari_receipt_texture_new (bytes, attachment->mime, SHOWN_SIDE, error);
  if (texture == NULL)
    return NULL;
  image = daftari_receipt_image_new ();
  if (has_part)
    daftari_receipt_image_set_texture_of_part (DAFTARI_RECEIPT_IMAGE (image), texture, file_width, file_height, &shown);
  else
    daftari_receipt_image_set_texture (DAFTARI_RECEIPT_IMAGE (image), texture, gdk_texture_get_width (texture),
                                       gdk_texture_get_height (texture));
  gtk_widget_set_vexpand (image, TRUE);
  gtk_widget_set_margin_start (image, 12);
  gtk_widget_set_margin_end (image, 12);
  gtk_widget_set_margin_bottom (image, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The receipt kept with this transaction"), -1);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Receipt"), attachment->name));
  view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (view), header);
  gtk_box_append (GTK_BOX (view), image);
  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Receipt"));
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 720);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  adw_window_set_content (ADW_WINDOW (window), view);
  /* Escape closes it, as it does the app's dialogs. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  return GTK_WINDOW (window);
}
