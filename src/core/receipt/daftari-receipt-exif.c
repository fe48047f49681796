/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Which way up a camera held the phone: the Exif "Orientation" tag of a
 * JPEG. Many phones store the sensor's pixels as they came, landscape, and
 * only write this tag; every image viewer turns the picture by it, and a
 * receipt app that did not would show (and read) the receipt on its side.
 * Leptonica does not look at it, so the few bytes needed are read here. */
#include "daftari-receipt-image.h"

#include <string.h>

#define EXIF_TAG_ORIENTATION 0x0112
#define EXIF_TYPE_SHORT      3
#define IFD_ENTRY_SIZE       12

static guint
read16 (const guint8 *p, gboolean big_endian)
{
  return big_endian ? (guint) p[0] << 8 | p[1] : (guint) p[1] << 8 | p[0];
}

static guint32
read32 (const guint8 *p, gboolean big_endian)
{
  return big_endian ? (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3]
                    : (guint32) p[3] << 24 | (guint32) p[2] << 16 | (guint32) p[1] << 8 | p[0];
}

/* The orientation in the first directory of Exif's TIFF structure; 1 when
 * it is not there or the structure is damaged. */
static int
tiff_orientation (const guint8 *tiff, gsize size)
{
  gboolean big_endian;
  guint32 directory;
  guint entries;

  if (size < 8)
    return 1;
  if (tiff[0] == 'M' && tiff[1] == 'M')
    big_endian = TRUE;
  else if (tiff[0] == 'I' && tiff[1] == 'I')
    big_endian = FALSE;
  else
    return 1;
  directory = read32 (tiff + 4, big_endian);
  if (read16 (tiff + 2, big_endian) != 42 || directory < 8 || directory > size - 2)
    return 1;
  entries = read16 (tiff + directory, big_endian);
  for (guint i = 0; i < entries; i++)
    {
      gsize entry = directory + 2 + (gsize) i * IFD_ENTRY_SIZE;
      guint value;

      if (entry + IFD_ENTRY_SIZE > size)
        return 1;
      if (read16 (tiff + entry, big_endian) != EXIF_TAG_ORIENTATION)
        continue;
      /* A SHORT value sits in the first two bytes of the value field. */
      if (read16 (tiff + entry + 2, big_endian) != EXIF_TYPE_SHORT)
        return 1;
      value = read16 (tiff + entry + 8, big_endian);
      return value >= 1 && value <= 8 ? (int) value : 1;
    }
  return 1;
}

int
receipt_jpeg_orientation (const guint8 *data, gsize size)
{
  gsize at = 2;

  if (size < 4 || data[0] != 0xFF || data[1] != 0xD8)
    return 1;
  /* Segments until the picture's data starts: Exif is in APP1 near the top. */
  while (at + 4 <= size)
    {
      guint marker, length;

      if (data[at] != 0xFF)
        return 1;
      marker = data[at + 1];
      if (marker == 0xFF)
        {
          at++;   /* a fill byte */
          continue;
        }
      if (marker == 0xDA || marker == 0xD9)
        return 1;
      length = read16 (data + at + 2, TRUE);
      if (length < 2 || at + 2 + length > size)
        return 1;
      if (marker == 0xE1 && length >= 8 && memcmp (data + at + 4, "Exif\0\0", 6) == 0)
        return tiff_orientation (data + at + 10, length - 8);
      at += 2 + length;
    }
  return 1;
}

PIX *
receipt_image_orient (PIX *pix, int orientation)
{
  PIX *turned, *done;

  switch (orientation)
    {
    case 2: return pixFlipLR (NULL, pix);
    case 3: return pixRotateOrth (pix, 2);
    case 4: return pixFlipTB (NULL, pix);
    case 6: return pixRotateOrth (pix, 1);
    case 8: return pixRotateOrth (pix, 3);
    case 5:   /* mirrored across the diagonal: a quarter turn, then flipped */
    case 7:
      if ((turned = pixRotateOrth (pix, 1)) == NULL)
        return NULL;
      done = orientation == 5 ? pixFlipLR (NULL, turned) : pixFlipTB (NULL, turned);
      pixDestroy (&turned);
      return done;
    default: return pixClone (pix);
    }
}
