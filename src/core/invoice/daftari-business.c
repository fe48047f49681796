/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-business.h"

#include <glib/gi18n-lib.h>

#include "daftari-book-private.h"
#include "daftari-customer.h"
#include "daftari-phone.h"

static char *
setting (DaftariBook *book, const char *key)
{
  char *value = daftari_book_get_setting (book, key);
  return value ? value : g_strdup ("");
}

DaftariBusinessInfo *
daftari_business_get (DaftariBook *book)
{
  DaftariBusinessInfo *info = g_new0 (DaftariBusinessInfo, 1);

  info->name = g_strdup (daftari_book_get_business_name (book) ? daftari_book_get_business_name (book) : "");
  info->address = setting (book, "business_address");
  info->kra_pin = setting (book, "business_kra_pin");
  info->phone = setting (book, "business_phone");
  info->paybill = setting (book, "business_paybill");
  info->till = setting (book, "business_till");
  info->logo_path = setting (book, "business_logo");
  return info;
}

void
daftari_business_info_free (DaftariBusinessInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->address);
  g_free (info->kra_pin);
  g_free (info->phone);
  g_free (info->paybill);
  g_free (info->till);
  g_free (info->logo_path);
  g_free (info);
}

/* Each field in the form it is stored in ("" clears it). */
static gboolean
clean (const char *key, const char *text, char **out, GError **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text));

  if (*t == '\0' || g_str_equal (key, "business_address") || g_str_equal (key, "business_logo"))
    {
      *out = g_steal_pointer (&t);
      return TRUE;
    }
  if (g_str_equal (key, "business_kra_pin"))
    return daftari_kra_pin_normalise (t, out, error);
  if (g_str_equal (key, "business_phone"))
    return daftari_phone_normalise (t, out, error);
  if (!daftari_shortcode_check (t, error))
    return FALSE;
  *out = g_steal_pointer (&t);
  return TRUE;
}

gboolean
daftari_business_set (DaftariBook *book, const DaftariBusinessSpec *spec, GError **error)
{
  const char *keys[] = { "business_address", "business_kra_pin", "business_phone", "business_paybill",
                         "business_till", "business_logo" };
  const char *values[] = { spec->address, spec->kra_pin, spec->phone, spec->paybill, spec->till,
                           spec->logo_path };
  char *cleaned[G_N_ELEMENTS (keys)] = { NULL };
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < G_N_ELEMENTS (keys); i++)
    ok = values[i] == NULL || clean (keys[i], values[i], &cleaned[i], error);
  ok = ok && daftari_book_begin (book, error);
  if (ok)
    {
      for (guint i = 0; ok && i < G_N_ELEMENTS (keys); i++)
        ok = cleaned[i] == NULL || daftari_book_set_setting (book, keys[i], cleaned[i], error);
      ok = ok ? daftari_book_commit (book, error) : (daftari_book_rollback (book), FALSE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_free (cleaned[i]);
  return ok;
}

/* Printed on the customer's document, so in the customer's language, not
 * in the language of whoever runs Daftari: both are written out here. */
char *
daftari_business_payment_instructions (const DaftariBusinessInfo *info, const char *account,
                                       const char *language)
{
  gboolean sw = g_strcmp0 (language, "sw") == 0;
  GString *text = g_string_new (NULL);

  if (info->paybill != NULL && *info->paybill != '\0')
    g_string_append_printf (text, sw ? "Lipa kwa M-PESA Paybill %s, Akaunti %s"
                                     : "Pay via M-PESA Paybill %s, Account %s",
                            info->paybill, account ? account : "");
  if (info->till != NULL && *info->till != '\0')
    {
      if (text->len > 0)
        g_string_append (text, sw ? "; au " : "; or ");
      g_string_append_printf (text, sw ? "Lipa kwa M-PESA Buy Goods Till %s" : "Pay via M-PESA Buy Goods Till %s",
                              info->till);
    }
  return g_string_free (text, FALSE);
}
