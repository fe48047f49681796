/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-phone.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-error.h"

gboolean
daftari_phone_normalise (const char *text, char **out_phone, GError **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text ? text : "";
  const char *national;

  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (!(*p == ' ' || *p == '-' || (*p == '+' && digits->len == 0)))
        break;
    }

  /* The nine digits after the country code, whichever way it was written. */
  if (*p == '\0' && digits->len == 12 && g_str_has_prefix (digits->str, "254"))
    national = digits->str + 3;
  else if (*p == '\0' && digits->len == 10 && digits->str[0] == '0')
    national = digits->str + 1;
  else if (*p == '\0' && digits->len == 9)
    national = digits->str;
  else
    national = NULL;

  if (national == NULL || (national[0] != '7' && national[0] != '1'))
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("“%s” is not a Kenyan mobile number; write it like 0712 345 678 or +254 712 345 678"),
                   text ? text : "");
      return FALSE;
    }
  *out_phone = g_strconcat ("254", national, NULL);
  return TRUE;
}

gboolean
daftari_shortcode_check (const char *text, GError **error)
{
  gsize len = text ? strlen (text) : 0;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      len = 0;
  if (len < 5 || len > 7)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("“%s” is not a Paybill or Till number: those have 5 to 7 digits"), text ? text : "");
      return FALSE;
    }
  return TRUE;
}
