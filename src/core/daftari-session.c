/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-session.h"

#include "daftari-ledger.h"

struct _DaftariSession {
  GObject      parent_instance;
  DaftariBook *book;
};

G_DEFINE_FINAL_TYPE (DaftariSession, daftari_session, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
daftari_session_finalize (GObject *object)
{
  DaftariSession *self = DAFTARI_SESSION (object);

  g_clear_object (&self->book);
  G_OBJECT_CLASS (daftari_session_parent_class)->finalize (object);
}

static void
daftari_session_class_init (DaftariSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = daftari_session_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
daftari_session_init (DaftariSession *self)
{
}

DaftariSession *
daftari_session_new (DaftariBook *book)
{
  DaftariSession *self = g_object_new (DAFTARI_TYPE_SESSION, NULL);

  self->book = g_object_ref (book);
  return self;
}

DaftariBook *
daftari_session_get_book (DaftariSession *self)
{
  return self->book;
}

void
daftari_session_notify_changed (DaftariSession *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* A successful write is announced; a refused one changed nothing. */
static gboolean
announce (DaftariSession *self, gboolean ok)
{
  if (ok)
    daftari_session_notify_changed (self);
  return ok;
}

gboolean
daftari_session_check_transfer (DaftariSession *self, const DaftariTransferSpec *spec, GError **error)
{
  g_autoptr(DaftariTxn) txn = daftari_ops_build_transfer (self->book, spec, error);
  return txn != NULL && daftari_ledger_check (self->book, txn, error);
}

gboolean
daftari_session_check_payment (DaftariSession *self, const DaftariPaySpec *spec, GError **error)
{
  g_autoptr(DaftariTxn) txn = daftari_ops_build_payment (self->book, spec, error);
  return txn != NULL && daftari_ledger_check (self->book, txn, error);
}

gboolean
daftari_session_transfer (DaftariSession *self, const DaftariTransferSpec *spec, gint64 *out_id, GError **error)
{
  return announce (self, daftari_ops_transfer (self->book, spec, out_id, error));
}

gboolean
daftari_session_pay (DaftariSession *self, const DaftariPaySpec *spec, gint64 *out_id, GError **error)
{
  return announce (self, daftari_ops_pay (self->book, spec, out_id, error));
}

gboolean
daftari_session_void (DaftariSession *self, gint64 txn_id, GError **error)
{
  return announce (self, daftari_ledger_void (self->book, txn_id, error));
}

gboolean
daftari_session_unvoid (DaftariSession *self, gint64 txn_id, GError **error)
{
  return announce (self, daftari_ledger_unvoid (self->book, txn_id, error));
}

gboolean
daftari_session_set_limit (DaftariSession *self, gint64 limit, GError **error)
{
  return announce (self, daftari_book_set_txn_limit (self->book, limit, error));
}
