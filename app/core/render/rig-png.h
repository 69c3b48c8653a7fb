/* rig-png.h: an opaque cairo image as a PNG file, written fast.
 *
 * cairo_surface_write_to_png_stream() asks zlib for its default effort,
 * which on a page of 1240 x 1754 pixels costs more than drawing a
 * 10,000-device diagram on it. A wiring sheet is flat colour and thin lines:
 * rows unfiltered and zlib's fastest level keep most of the saving in a
 * fraction of the time. (The "up" filter, tried first, made files a fifth
 * larger than no filter and took longer: a sheet's long runs of one colour
 * are what deflate finds, and differences between rows break them up.)
 *
 * GTK-free: cairo and libpng.
 */
#pragma once

#include <cairo.h>

/* Writes @image (CAIRO_FORMAT_RGB24) as an 8-bit RGB PNG through @write. */
cairo_status_t
rig_png_write (cairo_surface_t *image, cairo_write_func_t write, void *closure);
