/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-statement-layout.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "daftari-csv-reader.h"
#include "daftari-import-error.h"
#include "daftari-import-time.h"
#include "daftari-money.h"
#include "daftari-mpesa-statement.h"

/* A line's gap to the next larger than this many line heights ends a row:
 * what follows is a footer, not a wrapped detail. */
#define CONTINUATION_GAP 1.5
/* How far left of its header a text column's words may start, in points. */
#define LEFT_SLACK 3.0

DaftariPdfWord *
daftari_pdf_word_new (guint page, double x1, double y1, double x2, double y2, const char *text)
{
  DaftariPdfWord *w = g_new0 (DaftariPdfWord, 1);

  w->page = page;
  w->x1 = x1, w->y1 = y1, w->x2 = x2, w->y2 = y2;
  w->text = g_strdup (text);
  return w;
}

void
daftari_pdf_word_free (DaftariPdfWord *word)
{
  if (word == NULL)
    return;
  g_free (word->text);
  g_free (word);
}

/* ---- lines -------------------------------------------------------------- */

typedef struct {
  guint      page;
  double     top, bottom;
  GPtrArray *words;   /* borrowed, left to right */
  char      *text;    /* the words joined by spaces */
} Line;

static void
line_free (gpointer data)
{
  Line *line = data;

  g_ptr_array_unref (line->words);
  g_free (line->text);
  g_free (line);
}

/* Positions from a hostile file may be NaN: they count as 0. */
static double
coord (double v)
{
  return isfinite (v) ? v : 0.0;
}

static int
compare_reading (gconstpointer a, gconstpointer b)
{
  const DaftariPdfWord *x = *(DaftariPdfWord *const *) a, *y = *(DaftariPdfWord *const *) b;
  double dy = coord (x->y1) - coord (y->y1), dx = coord (x->x1) - coord (y->x1);

  if (x->page != y->page)
    return x->page < y->page ? -1 : 1;
  if (dy != 0)
    return dy < 0 ? -1 : 1;
  return (dx > 0) - (dx < 0);
}

static int
compare_x (gconstpointer a, gconstpointer b)
{
  double d = coord ((*(DaftariPdfWord *const *) a)->x1) - coord ((*(DaftariPdfWord *const *) b)->x1);
  return (d > 0) - (d < 0);
}

/* Words whose middle lies within a line's height join that line. */
static GPtrArray *
build_lines (GPtrArray *words)
{
  /* Not g_ptr_array_copy(): it would take the words' free function too. */
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (words->len);
  GPtrArray *lines = g_ptr_array_new_with_free_func (line_free);
  Line *line = NULL;

  for (guint i = 0; i < words->len; i++)
    g_ptr_array_add (sorted, words->pdata[i]);

  g_ptr_array_sort (sorted, compare_reading);
  for (guint i = 0; i < sorted->len; i++)
    {
      DaftariPdfWord *w = sorted->pdata[i];
      double middle = (coord (w->y1) + coord (w->y2)) / 2;
      if (w->text == NULL || *w->text == '\0')
        continue;
      if (line == NULL || line->page != w->page || middle > line->bottom)
        {
          line = g_new0 (Line, 1);
          line->page = w->page;
          line->top = coord (w->y1);
          line->bottom = MAX (coord (w->y2), line->top);
          line->words = g_ptr_array_new ();
          g_ptr_array_add (lines, line);
        }
      g_ptr_array_add (line->words, w);
    }
  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = lines->pdata[i];
      g_autoptr(GString) text = g_string_new (NULL);
      g_ptr_array_sort (l->words, compare_x);
      for (guint k = 0; k < l->words->len; k++)
        {
          if (k > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, ((DaftariPdfWord *) l->words->pdata[k])->text);
        }
      l->text = g_string_free (g_steal_pointer (&text), FALSE);
    }
  return lines;
}

/* ---- the table header --------------------------------------------------- */

typedef enum {
  COL_RECEIPT, COL_TIME, COL_DETAILS, COL_STATUS, COL_PAID_IN, COL_WITHDRAWN, COL_BALANCE, N_COLS
} Column;

/* The header's words per column, as daftari_csv_column_key makes them. */
static const char *const header_words[N_COLS][3] = {
  { "receipt", "no", NULL }, { "completion", "time", NULL }, { "details", NULL },
  { "transaction", "status", NULL }, { "paid", "in", NULL }, { "withdrawn", NULL }, { "balance", NULL },
};

typedef struct {
  gboolean found;
  gboolean has_status;
  double   start[N_COLS];   /* left edge of each column; -HUGE_VAL for the first */
} Columns;

static gboolean
word_is (const DaftariPdfWord *w, const char *key)
{
  g_autofree char *k = daftari_csv_column_key (w->text);
  return strcmp (k, key) == 0;
}

/* The header's columns in order, each a run of its words. */
static gboolean
find_header (const Line *line, Columns *out)
{
  double first[N_COLS], last[N_COLS];
  guint at = 0;

  for (guint c = 0; c < N_COLS; c++)
    {
      gboolean found = FALSE;
      first[c] = last[c] = NAN;
      for (guint i = at; i < line->words->len && !found; i++)
        {
          guint n = 0;
          while (header_words[c][n] != NULL && i + n < line->words->len &&
                 word_is (line->words->pdata[i + n], header_words[c][n]))
            n++;
          if (header_words[c][n] != NULL)
            continue;
          first[c] = coord (((DaftariPdfWord *) line->words->pdata[i])->x1);
          last[c] = coord (((DaftariPdfWord *) line->words->pdata[i + n - 1])->x2);
          at = i + n;
          found = TRUE;
        }
      if (!found && c != COL_STATUS)
        return FALSE;
    }
  out->found = TRUE;
  out->has_status = !isnan (first[COL_STATUS]);
  /* Text columns are left-aligned under their header: one starts a little
   * before its header does. Amounts are right-aligned and may be wider
   * than their header: they start halfway from the header before. */
  for (guint c = 0, prev = 0; c < N_COLS; c++)
    {
      if (isnan (first[c]))
        {
          out->start[c] = HUGE_VAL;   /* no word ever lands there */
          continue;
        }
      if (c == 0)
        out->start[c] = -HUGE_VAL;
      else if (c < COL_PAID_IN)
        out->start[c] = first[c] - LEFT_SLACK;
      else
        out->start[c] = (last[prev] + first[c]) / 2;
      prev = c;
    }
  return TRUE;
}

static Column
column_of (const Columns *cols, const DaftariPdfWord *w)
{
  double middle = (coord (w->x1) + coord (w->x2)) / 2;
  Column found = COL_RECEIPT;

  for (guint c = 0; c < N_COLS; c++)
    if (cols->start[c] != HUGE_VAL && middle >= cols->start[c])
      found = c;
  return found;
}

/* ---- rows --------------------------------------------------------------- */

typedef struct {
  DaftariImportParse      *parse;
  DaftariStatementBuilder *builder;
  Columns                  cols;
  GString                 *cells[N_COLS];
  gboolean                 open;        /* cells hold a row not yet added */
  double                   last_bottom, last_height;
  guint                    page;
  guint                    n_records;
} Table;

static void
flush (Table *t)
{
  DaftariStatementCells cells = {
    t->cells[COL_RECEIPT]->str, t->cells[COL_TIME]->str, t->cells[COL_DETAILS]->str,
    t->cells[COL_STATUS]->str, t->cells[COL_PAID_IN]->str, t->cells[COL_WITHDRAWN]->str,
    t->cells[COL_BALANCE]->str, "", "", "",
  };

  if (!t->open)
    return;
  daftari_statement_builder_add (t->builder, &cells, ++t->n_records);
  t->open = FALSE;
}

/* The line's words, column by column. */
static void
split_line (const Table *t, const Line *line, GString *cells[N_COLS])
{
  for (guint i = 0; i < line->words->len; i++)
    {
      const DaftariPdfWord *w = line->words->pdata[i];
      GString *cell = cells[column_of (&t->cols, w)];
      if (cell->len > 0)
        g_string_append_c (cell, ' ');
      g_string_append (cell, w->text);
    }
}

static void
table_line (Table *t, const Line *line)
{
  double height = MAX (line->bottom - line->top, 1.0);
  gboolean near = t->open && line->page == t->page &&
                  line->top - t->last_bottom < CONTINUATION_GAP * MAX (t->last_height, height);
  const DaftariPdfWord *first = line->words->pdata[0];

  if (column_of (&t->cols, first) == COL_RECEIPT && daftari_statement_is_receipt (first->text))
    {
      flush (t);
      for (guint c = 0; c < N_COLS; c++)
        g_string_truncate (t->cells[c], 0);
      split_line (t, line, t->cells);
      t->open = TRUE;
    }
  else if (near && column_of (&t->cols, first) != COL_RECEIPT)
    {
      /* A wrapped cell: each column's words start a new line of it. */
      GString *more[N_COLS];
      for (guint c = 0; c < N_COLS; c++)
        more[c] = g_string_new (NULL);
      split_line (t, line, more);
      for (guint c = 0; c < N_COLS; c++)
        {
          if (more[c]->len > 0 && t->cells[c]->len > 0)
            g_string_append_c (t->cells[c], c == COL_DETAILS ? '\n' : ' ');
          g_string_append (t->cells[c], more[c]->str);
          g_string_free (more[c], TRUE);
        }
    }
  else
    {
      flush (t);
      return;
    }
  t->page = line->page;
  t->last_bottom = line->bottom;
  t->last_height = height;
}

/* ---- the SUMMARY -------------------------------------------------------- */

typedef enum {
  SUM_SEND, SUM_RECEIVED, SUM_DEPOSIT, SUM_WITHDRAWAL, SUM_PAYBILL, SUM_BUY_GOODS, SUM_OTHERS, SUM_TOTAL, N_SUMS
} SummaryLine;

static const char *const summary_keys[N_SUMS] = {
  "sendmoney", "receivedmoney", "agentdeposit", "agentwithdrawal", "lipanampesapaybill",
  "lipanampesabuygoods", "others", "total",
};

static const char *const summary_labels[N_SUMS] = {
  "SEND MONEY", "RECEIVED MONEY", "AGENT DEPOSIT", "AGENT WITHDRAWAL", "LIPA NA M-PESA (PAYBILL)",
  "LIPA NA M-PESA (BUY GOODS)", "OTHERS", "TOTAL",
};

typedef struct {
  gboolean seen[N_SUMS];
  gint64   in[N_SUMS], out[N_SUMS];      /* as stated */
  gint64   row_in[N_SUMS], row_out[N_SUMS];
} Summary;

/* "SEND MONEY: 1,000.00 2,500.00": a label, then paid in and paid out. */
static void
summary_line (Summary *s, const Line *line)
{
  g_autoptr(GString) label = g_string_new (NULL);
  const DaftariCommodity *kes = daftari_commodity_lookup ("KES");
  gint64 amounts[2];
  guint n = 0, i = 0;

  for (; i < line->words->len; i++)
    {
      const char *text = ((DaftariPdfWord *) line->words->pdata[i])->text;
      if (g_ascii_isdigit (*text) || (*text == '-' && g_ascii_isdigit (text[1])))
        break;
      g_string_append (label, text);
    }
  for (; i < line->words->len && n < 3; i++)
    {
      gint64 v;
      if (!daftari_money_parse (((DaftariPdfWord *) line->words->pdata[i])->text, kes, &v, NULL))
        return;
      if (n < 2)
        amounts[n] = v < 0 ? -v : v;
      n++;
    }
  if (n != 2)
    return;
  g_autofree char *key = daftari_csv_column_key (label->str);
  for (guint k = 0; k < N_SUMS; k++)
    if (strcmp (key, summary_keys[k]) == 0 && !s->seen[k])
      {
        s->seen[k] = TRUE;
        s->in[k] = amounts[0];
        s->out[k] = amounts[1];
      }
}

static SummaryLine
summary_of (DaftariMpesaKind kind)
{
  switch (kind)
    {
    case DAFTARI_MPESA_SENT:
    case DAFTARI_MPESA_POCHI: return SUM_SEND;
    case DAFTARI_MPESA_RECEIVED: return SUM_RECEIVED;
    case DAFTARI_MPESA_DEPOSIT: return SUM_DEPOSIT;
    case DAFTARI_MPESA_WITHDRAW: return SUM_WITHDRAWAL;
    case DAFTARI_MPESA_PAYBILL: return SUM_PAYBILL;
    case DAFTARI_MPESA_TILL: return SUM_BUY_GOODS;
    default: return SUM_OTHERS;
    }
}

static char *
money (gint64 v)
{
  return daftari_money_format (v, daftari_commodity_lookup ("KES"), DAFTARI_MONEY_FORMAT_DEFAULT);
}

/* One column of TOTAL against the rows; then the type lines that differ
 * and a row of exactly the difference, to say where to look. */
static void
check_total (Summary *s, DaftariImportParse *parse, gboolean paid_in)
{
  const gint64 *stated = paid_in ? s->in : s->out, *rows = paid_in ? s->row_in : s->row_out;
  const char *column = paid_in ? _("paid in") : _("paid out");
  gint64 diff = rows[SUM_TOTAL] - stated[SUM_TOTAL];
  g_autofree char *a = money (stated[SUM_TOTAL]), *b = money (rows[SUM_TOTAL]), *d = money (diff < 0 ? -diff : diff);
  g_autoptr(GString) where = g_string_new (NULL);

  if (diff == 0)
    return;
  for (guint k = 0; k < SUM_TOTAL; k++)
    if (s->seen[k] && stated[k] != rows[k])
      {
        g_autofree char *x = money (stated[k]), *y = money (rows[k]);
        g_string_append_printf (where, _("; %s says %s, its rows %s"), summary_labels[k], x, y);
      }
  for (guint i = 0; i < parse->rows->len; i++)
    {
      const DaftariImportRow *row = parse->rows->pdata[i];
      if ((paid_in ? row->amount : -row->amount) == (diff < 0 ? -diff : diff))
        {
          g_autofree char *when = daftari_import_format_eat_time (row->ts), *amount = money (row->amount);
          g_string_append_printf (where, _("; the row %s %s %s is exactly the difference"),
                                  when, row->receipt, amount);
          break;
        }
    }
  daftari_import_parse_problem (parse, 0, FALSE,
                                _("The statement's SUMMARY says %s %s in total, but its rows add up to %s "
                                  "(%s %s)%s"),
                                column, a, b, d, diff > 0 ? _("more") : _("less"), where->str);
}

static void
check_summary (Summary *s, DaftariImportParse *parse)
{
  if (!s->seen[SUM_TOTAL])
    {
      daftari_import_parse_problem (parse, 0, FALSE,
                                    _("The statement has no SUMMARY TOTAL line: its rows could not be "
                                      "checked against it"));
      return;
    }
  for (guint i = 0; i < parse->rows->len; i++)
    {
      const DaftariImportRow *row = parse->rows->pdata[i];
      SummaryLine k = summary_of (row->kind);
      gint64 *in = row->amount > 0 ? s->row_in : s->row_out;
      gint64 size = row->amount > 0 ? row->amount : -row->amount;
      if (__builtin_add_overflow (in[k], size, &in[k]) ||
          __builtin_add_overflow (in[SUM_TOTAL], size, &in[SUM_TOTAL]))
        return;
    }
  check_total (s, parse, TRUE);
  check_total (s, parse, FALSE);
}

/* ---- the statement ------------------------------------------------------ */

DaftariImportParse *
daftari_statement_layout_parse (GPtrArray *words, GError **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(DaftariImportParse) parse = daftari_import_parse_new ();
  Summary summary = { 0 };
  Table t = { .parse = parse };
  gboolean seen_header = FALSE;

  g_return_val_if_fail (words != NULL, NULL);
  lines = build_lines (words);
  for (guint c = 0; c < N_COLS; c++)
    t.cells[c] = g_string_new (NULL);
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = lines->pdata[i];
      Columns cols = { 0 };
      if (find_header (line, &cols))
        {
          flush (&t);
          t.cols = cols;
          if (t.builder == NULL)
            t.builder = daftari_statement_builder_new (parse, "pdf", cols.has_status);
          seen_header = TRUE;
        }
      else if (!seen_header)
        summary_line (&summary, line);
      else
        table_line (&t, line);
    }
  flush (&t);
  for (guint c = 0; c < N_COLS; c++)
    g_string_free (t.cells[c], TRUE);
  if (!seen_header)
    {
      g_set_error_literal (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED,
                           _("not an M-PESA statement: no page has the table with the columns Receipt No., "
                             "Completion Time, Details, Paid In, Withdrawn and Balance"));
      return NULL;
    }
  daftari_statement_builder_check_balances (t.builder);
  daftari_statement_builder_free (t.builder);
  check_summary (&summary, parse);
  return g_steal_pointer (&parse);
}
