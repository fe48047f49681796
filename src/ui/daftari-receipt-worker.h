/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "daftari-receipt-reader.h"

G_BEGIN_DECLS

/* Reads receipts off the main thread, one after another, on one worker
 * thread that keeps one Tesseract engine for all of them (starting an
 * engine costs more than reading a receipt). Callbacks come on the main
 * thread, and never after daftari_receipt_worker_close(). */
#define DAFTARI_TYPE_RECEIPT_WORKER (daftari_receipt_worker_get_type ())
G_DECLARE_FINAL_TYPE (DaftariReceiptWorker, daftari_receipt_worker, DAFTARI, RECEIPT_WORKER, GObject)

typedef void (*DaftariReceiptWorkerProgress) (int percent, gpointer user_data);
/* scan (the callee's to free) is NULL with error set when reading failed.
 * A job whose cancellable is cancelled gets neither progress nor done
 * after that: whoever cancels it already knows. */
typedef void (*DaftariReceiptWorkerDone)     (DaftariReceiptScan *scan,
                                              const GError       *error,
                                              gpointer            user_data);

DaftariReceiptWorker *daftari_receipt_worker_new   (void);
void                  daftari_receipt_worker_scan  (DaftariReceiptWorker         *self,
                                                    GBytes                       *bytes,
                                                    GCancellable                 *cancellable,
                                                    DaftariReceiptWorkerProgress  progress,
                                                    DaftariReceiptWorkerDone      done,
                                                    gpointer                      user_data);
/* Cancels what is running; no callback comes after this. */
void                  daftari_receipt_worker_close (DaftariReceiptWorker         *self);

G_END_DECLS
