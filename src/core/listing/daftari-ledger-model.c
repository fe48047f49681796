/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-listing-private.h"

/* Opening the model reads the matching ids, newest first; get_item() makes
 * the page of DAFTARI_LEDGER_PAGE_SIZE items around a position (both in
 * daftari-ledger-rows.c) and keeps the DAFTARI_LEDGER_MAX_PAGES pages used
 * last. */

typedef struct {
  GList               link;       /* in the LRU queue; data is the page */
  guint               index;
  guint               n_items;
  DaftariLedgerItem  *items[];
} Page;

struct _DaftariLedgerModel {
  GObject                parent_instance;
  DaftariLedgerRows      rows;       /* the book, its accounts, the focus */
  DaftariTxnFilter       filter;     /* text owned */
  gint64                *ids;        /* newest first */
  guint                  n_ids;
  GHashTable            *pages;      /* index → Page */
  GQueue                 lru;        /* of Page, most recently used first */
  GError                *error;
};

static void daftari_ledger_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DaftariLedgerModel, daftari_ledger_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      daftari_ledger_model_list_model_init))

enum {
  PROP_0,
  PROP_BOOK,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Pages ---------------------------------------------------------- */

static void
page_free (Page *page)
{
  for (guint i = 0; i < page->n_items; i++)
    g_clear_object (&page->items[i]);
  g_free (page);
}

static void
drop_pages (DaftariLedgerModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_init (&self->lru);
}

static Page *
page_load (DaftariLedgerModel *self, guint index, GError **error)
{
  guint first = index * DAFTARI_LEDGER_PAGE_SIZE;
  guint n = MIN (DAFTARI_LEDGER_PAGE_SIZE, self->n_ids - first);
  Page *page = g_malloc0 (sizeof (Page) + n * sizeof (DaftariLedgerItem *));

  if (!daftari_ledger_rows_fill (&self->rows, self->ids + first, n, page->items, error))
    {
      g_free (page);
      return NULL;
    }
  page->link.data = page;
  page->index = index;
  page->n_items = n;
  return page;
}

/* Logs a failure once, not on every row a list asks for while it lasts. */
static void
set_error (DaftariLedgerModel *self, const GError *error)
{
  if (self->error == NULL || g_strcmp0 (self->error->message, error->message) != 0)
    g_warning ("Cannot list the book’s transactions: %s", error->message);
  g_clear_error (&self->error);
  self->error = g_error_copy (error);
}

static Page *
get_page (DaftariLedgerModel *self, guint index)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  g_autoptr(GError) error = NULL;

  if (page != NULL)
    {
      if (self->lru.head != &page->link)
        {
          g_queue_unlink (&self->lru, &page->link);
          g_queue_push_head_link (&self->lru, &page->link);
        }
      return page;
    }
  page = page_load (self, index, &error);
  if (page == NULL)
    {
      set_error (self, error);
      return NULL;
    }
  if (self->lru.length >= DAFTARI_LEDGER_MAX_PAGES)
    {
      Page *oldest = g_queue_pop_tail_link (&self->lru)->data;
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (oldest->index));
    }
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  g_queue_push_head_link (&self->lru, &page->link);
  return page;
}

/* ---- GListModel ----------------------------------------------------- */

static GType
daftari_ledger_model_get_item_type (GListModel *model)
{
  return DAFTARI_TYPE_LEDGER_ITEM;
}

static guint
daftari_ledger_model_get_n_items (GListModel *model)
{
  return DAFTARI_LEDGER_MODEL (model)->n_ids;
}

static gpointer
daftari_ledger_model_get_item (GListModel *model, guint position)
{
  DaftariLedgerModel *self = DAFTARI_LEDGER_MODEL (model);
  Page *page;

  if (position >= self->n_ids)
    return NULL;
  page = get_page (self, position / DAFTARI_LEDGER_PAGE_SIZE);
  /* A list asks only for positions it was told exist: it gets a row. */
  if (page == NULL)
    return daftari_ledger_item_new_placeholder (self->ids[position]);
  return g_object_ref (page->items[position % DAFTARI_LEDGER_PAGE_SIZE]);
}

static void
daftari_ledger_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = daftari_ledger_model_get_item_type;
  iface->get_n_items = daftari_ledger_model_get_n_items;
  iface->get_item = daftari_ledger_model_get_item;
}

/* ---- The object ----------------------------------------------------- */

static void
daftari_ledger_model_finalize (GObject *object)
{
  DaftariLedgerModel *self = DAFTARI_LEDGER_MODEL (object);

  drop_pages (self);
  g_hash_table_unref (self->pages);
  g_clear_pointer (&self->rows.accounts, g_hash_table_unref);
  g_clear_object (&self->rows.book);
  g_free ((char *) self->filter.text);
  g_free (self->ids);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (daftari_ledger_model_parent_class)->finalize (object);
}

static void
daftari_ledger_model_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DaftariLedgerModel *self = DAFTARI_LEDGER_MODEL (object);

  switch (prop_id)
    {
    case PROP_BOOK:
      g_value_set_object (value, self->rows.book);
      break;
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, DAFTARI_TYPE_LEDGER_ITEM);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_ids);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftari_ledger_model_class_init (DaftariLedgerModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = daftari_ledger_model_finalize;
  object_class->get_property = daftari_ledger_model_get_property;

  properties[PROP_BOOK] = g_param_spec_object ("book", NULL, NULL, DAFTARI_TYPE_BOOK,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_TYPE] = g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
daftari_ledger_model_init (DaftariLedgerModel *self)
{
  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) page_free);
  g_queue_init (&self->lru);
  self->ids = g_new (gint64, 1);
  daftari_txn_filter_init (&self->filter);
}

static void
copy_filter (DaftariTxnFilter *to, const DaftariTxnFilter *from)
{
  g_free ((char *) to->text);
  if (from == NULL)
    daftari_txn_filter_init (to);
  else
    *to = *from;
  to->text = from && from->text && *from->text ? g_strdup (from->text) : NULL;
  to->limit = 0;
}

/* Reads the ids and accounts for filter; on failure nothing changes. */
static gboolean
reload (DaftariLedgerModel *self, const DaftariTxnFilter *filter, guint *out_old_n, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) accounts = daftari_ledger_rows_load_accounts (self->rows.book, &local_error);
  gint64 *ids;
  guint n;

  if (accounts == NULL || (ids = daftari_ledger_rows_load_ids (self->rows.book, filter, &n, &local_error)) == NULL)
    {
      set_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  drop_pages (self);
  g_free (self->ids);
  self->ids = ids;
  *out_old_n = self->n_ids;
  self->n_ids = n;
  g_clear_pointer (&self->rows.accounts, g_hash_table_unref);
  self->rows.accounts = g_steal_pointer (&accounts);
  self->rows.focus = filter->account_id ? g_hash_table_lookup (self->rows.accounts, &filter->account_id) : NULL;
  g_clear_error (&self->error);
  return TRUE;
}

static void
announce (DaftariLedgerModel *self, guint old_n)
{
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_ids);
  if (old_n != self->n_ids)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

DaftariLedgerModel *
daftari_ledger_model_new (DaftariBook *book, const DaftariTxnFilter *filter)
{
  DaftariLedgerModel *self;
  g_autoptr(GError) error = NULL;
  guint old_n;

  g_return_val_if_fail (DAFTARI_IS_BOOK (book), NULL);
  self = g_object_new (DAFTARI_TYPE_LEDGER_MODEL, NULL);
  self->rows.book = g_object_ref (book);
  copy_filter (&self->filter, filter);
  reload (self, &self->filter, &old_n, &error);
  return self;
}

DaftariBook *
daftari_ledger_model_get_book (DaftariLedgerModel *self)
{
  g_return_val_if_fail (DAFTARI_IS_LEDGER_MODEL (self), NULL);
  return self->rows.book;
}

const DaftariTxnFilter *
daftari_ledger_model_get_filter (DaftariLedgerModel *self)
{
  g_return_val_if_fail (DAFTARI_IS_LEDGER_MODEL (self), NULL);
  return &self->filter;
}

void
daftari_ledger_model_set_filter (DaftariLedgerModel *self, const DaftariTxnFilter *filter)
{
  DaftariTxnFilter copy = { 0 };
  g_autoptr(GError) error = NULL;
  guint old_n;

  g_return_if_fail (DAFTARI_IS_LEDGER_MODEL (self));
  copy_filter (&copy, filter);
  if (!reload (self, &copy, &old_n, &error))
    {
      g_free ((char *) copy.text);
      return;
    }
  g_free ((char *) self->filter.text);
  self->filter = copy;
  announce (self, old_n);
}

gboolean
daftari_ledger_model_refresh (DaftariLedgerModel *self, GError **error)
{
  guint old_n;

  g_return_val_if_fail (DAFTARI_IS_LEDGER_MODEL (self), FALSE);
  if (!reload (self, &self->filter, &old_n, error))
    return FALSE;
  announce (self, old_n);
  return TRUE;
}

guint
daftari_ledger_model_find (DaftariLedgerModel *self, gint64 txn_id)
{
  g_return_val_if_fail (DAFTARI_IS_LEDGER_MODEL (self), G_MAXUINT);
  for (guint i = 0; i < self->n_ids; i++)
    if (self->ids[i] == txn_id)
      return i;
  return G_MAXUINT;
}

const GError *
daftari_ledger_model_get_error (DaftariLedgerModel *self)
{
  g_return_val_if_fail (DAFTARI_IS_LEDGER_MODEL (self), NULL);
  return self->error;
}

guint
daftari_ledger_model_get_cached_pages (DaftariLedgerModel *self)
{
  g_return_val_if_fail (DAFTARI_IS_LEDGER_MODEL (self), 0);
  return self->lru.length;
}
