/* rig-png.c: an opaque cairo image as a PNG file, written fast (rig-png.h). */
#include "config.h"

#include <png.h>
#include <setjmp.h>
#include <stdint.h>

#include <glib.h>

#include "rig-png.h"

typedef struct
{
  cairo_write_func_t write;
  void *closure;
  cairo_status_t status;
} Out;

static void
write_data (png_structp png, png_bytep data, size_t length)
{
  Out *out = png_get_io_ptr (png);

  if (out->status == CAIRO_STATUS_SUCCESS)
    out->status = out->write (out->closure, data, (unsigned int) length);
  if (out->status != CAIRO_STATUS_SUCCESS)
    png_error (png, "write error");
}

static void
flush_data (png_structp png)
{
  (void) png;
}

/* libpng reports errors by longjmp: nothing to print. */
static void
quiet (png_structp png, png_const_charp message)
{
  (void) png;
  (void) message;
}

/* One row of cairo's native-endian xRGB words as R, G, B bytes. */
static void
row_to_rgb (const unsigned char *src, int width, unsigned char *dst)
{
  const uint32_t *px = (const uint32_t *) (const void *) src;

  for (int x = 0; x < width; x++)
    {
      dst[3 * x] = (unsigned char) (px[x] >> 16);
      dst[3 * x + 1] = (unsigned char) (px[x] >> 8);
      dst[3 * x + 2] = (unsigned char) px[x];
    }
}

cairo_status_t
rig_png_write (cairo_surface_t *image, cairo_write_func_t write, void *closure)
{
  Out out = { write, closure, CAIRO_STATUS_SUCCESS };
  int width, height, stride;
  const unsigned char *data;
  unsigned char *volatile row = NULL;
  png_structp png;
  png_infop info;

  g_return_val_if_fail (cairo_image_surface_get_format (image) == CAIRO_FORMAT_RGB24,
                        CAIRO_STATUS_INVALID_FORMAT);
  cairo_surface_flush (image);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  stride = cairo_image_surface_get_stride (image);
  data = cairo_image_surface_get_data (image);

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, quiet, quiet);
  if (png == NULL)
    return CAIRO_STATUS_NO_MEMORY;
  info = png_create_info_struct (png);
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      return CAIRO_STATUS_NO_MEMORY;
    }
  if (setjmp (png_jmpbuf (png)))
    {
      g_free (row);
      png_destroy_write_struct (&png, &info);
      return out.status != CAIRO_STATUS_SUCCESS ? out.status : CAIRO_STATUS_WRITE_ERROR;
    }
  png_set_write_fn (png, &out, write_data, flush_data);
  png_set_IHDR (png, info, (png_uint_32) width, (png_uint_32) height, 8, PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_compression_level (png, 1);
  png_write_info (png, info);
  row = g_malloc ((gsize) width * 3 + 1);
  for (int y = 0; y < height; y++)
    {
      row_to_rgb (data + (gsize) y * stride, width, row);
      png_write_row (png, row);
    }
  png_write_end (png, info);
  g_free (row);
  png_destroy_write_struct (&png, &info);
  return out.status;
}
