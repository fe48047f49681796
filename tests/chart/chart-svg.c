/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "chart-svg.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  SvgChart *svg;
  guint     defs_depth;     /* > 0 inside <defs>: glyph outlines, not drawing */
  GArray   *group_fills;    /* of guint32, one per open <g> */
} ParseState;

/* "rgb(0%,44.705882%,69.803922%)" after "key:" in a style → 0x0072B2. */
static guint32
style_colour (const char *style, const char *key)
{
  const char *at = strstr (style, key);
  double r, g, b;

  if (at == NULL || sscanf (at + strlen (key), "rgb(%lf%%,%lf%%,%lf%%)", &r, &g, &b) != 3)
    return G_MAXUINT32;
  return (guint32) lround (r * 2.55) << 16 | (guint32) lround (g * 2.55) << 8 | (guint32) lround (b * 2.55);
}

static double
style_number (const char *style, const char *key, double fallback)
{
  const char *at = strstr (style, key);

  return at != NULL ? g_ascii_strtod (at + strlen (key), NULL) : fallback;
}

static void
add_point (SvgPath *p, double x, double y, gboolean first)
{
  if (first)
    {
      p->left = p->right = x;
      p->top = p->bottom = y;
      return;
    }
  p->left = MIN (p->left, x);
  p->right = MAX (p->right, x);
  p->top = MIN (p->top, y);
  p->bottom = MAX (p->bottom, y);
}

/* cairo writes "M x y L x y C x y x y x y Z": commands then numbers. */
static void
parse_d (SvgPath *p, const char *d)
{
  g_auto(GStrv) tokens = g_strsplit_set (d, " ,", -1);
  char command = 0;
  guint n_points = 0;
  gboolean have_l = FALSE;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      char *end;
      double x, y;

      if (*tokens[i] == '\0')
        continue;
      if (g_ascii_isalpha (*tokens[i]))
        {
          command = *tokens[i];
          if (command == 'C')
            p->n_curves++;
          continue;
        }
      x = g_ascii_strtod (tokens[i], &end);
      if (tokens[i + 1] == NULL)
        break;
      y = g_ascii_strtod (tokens[++i], &end);
      if (n_points == 0)
        p->x0 = p->x1 = x, p->y0 = p->y1 = y;
      else if (command == 'L' && !have_l)
        p->x1 = x, p->y1 = y, have_l = TRUE;
      add_point (p, x, y, n_points++ == 0);
    }
}

static const char *
attribute (const char **names, const char **values, const char *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static void
start_element (GMarkupParseContext *context, const char *element, const char **names,
               const char **values, gpointer data, GError **error)
{
  ParseState *state = data;
  const char *style = attribute (names, values, "style");

  if (g_str_equal (element, "defs"))
    state->defs_depth++;
  else if (g_str_equal (element, "g"))
    {
      guint32 fill = style != NULL ? style_colour (style, "fill:") : G_MAXUINT32;
      g_array_append_val (state->group_fills, fill);
    }
  else if (g_str_equal (element, "use") && state->group_fills->len > 0 && state->defs_depth == 0)
    {
      guint32 fill = g_array_index (state->group_fills, guint32, state->group_fills->len - 1);
      if (fill != G_MAXUINT32)
        g_array_append_val (state->svg->text_colours, fill);
    }
  else if (g_str_equal (element, "path") && state->defs_depth == 0 && style != NULL)
    {
      SvgPath p = { 0 };
      const char *d = attribute (names, values, "d");

      p.fill = strstr (style, "fill:none") != NULL ? G_MAXUINT32 : style_colour (style, "fill:");
      p.fill_opacity = style_number (style, "fill-opacity:", 1);
      p.stroked = strstr (style, "stroke:rgb") != NULL;
      p.dashed = strstr (style, "stroke-dasharray") != NULL && strstr (style, "stroke-dasharray:none") == NULL;
      if (d != NULL)
        parse_d (&p, d);
      g_array_append_val (state->svg->paths, p);
    }
}

static void
end_element (GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
  ParseState *state = data;

  if (g_str_equal (element, "defs"))
    state->defs_depth--;
  else if (g_str_equal (element, "g"))
    g_array_set_size (state->group_fills, state->group_fills->len - 1);
}

SvgChart *
svg_chart_parse_file (const char *path)
{
  static const GMarkupParser parser = { start_element, end_element, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  ParseState state = { g_new0 (SvgChart, 1), 0, g_array_new (FALSE, FALSE, sizeof (guint32)) };
  gsize length;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  state.svg->paths = g_array_new (FALSE, FALSE, sizeof (SvgPath));
  state.svg->text_colours = g_array_new (FALSE, FALSE, sizeof (guint32));
  context = g_markup_parse_context_new (&parser, G_MARKUP_DEFAULT_FLAGS, &state, NULL);
  g_markup_parse_context_parse (context, text, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_array_unref (state.group_fills);
  return state.svg;
}

SvgChart *
svg_chart_render (DaftariChart *chart, int width, int height, DaftariChartTheme theme)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("daftari-chart-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  SvgChart *svg;

  g_assert_no_error (error);
  g_assert_true (daftari_chart_export (chart, path, width, height, theme, &error));
  g_assert_no_error (error);
  svg = svg_chart_parse_file (path);
  if (g_getenv ("CHART_TEST_KEEP") != NULL)
    g_test_message ("SVG kept at %s", path);
  else
    {
      g_unlink (path);
      g_rmdir (dir);
    }
  return svg;
}

void
svg_chart_free (SvgChart *svg)
{
  g_array_unref (svg->paths);
  g_array_unref (svg->text_colours);
  g_free (svg);
}

GArray *
svg_chart_fills (const SvgChart *svg, guint32 colour)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (SvgPath));

  for (guint i = 0; i < svg->paths->len; i++)
    {
      const SvgPath *p = &g_array_index (svg->paths, SvgPath, i);
      if (p->fill == colour && !p->stroked)
        g_array_append_val (out, *p);
    }
  return out;
}

gboolean
svg_chart_has_text_colour (const SvgChart *svg, guint32 colour)
{
  for (guint i = 0; i < svg->text_colours->len; i++)
    if (g_array_index (svg->text_colours, guint32, i) == colour)
      return TRUE;
  return FALSE;
}
