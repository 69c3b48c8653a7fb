/* rig-export.c: a rig's wiring sheet as PNG, SVG or PDF, written atomically. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "rig-error.h"
#include "rig-export.h"
#include "rig-nick.h"
#include "rig-png.h"
#include "rig-safe-file.h"

/* Labels and MIME types; the nicks are RIG_TYPE_EXPORT_FORMAT's. */
static const struct
{
  const char *label;
  const char *mime_type;
} formats[] = {
  [RIG_EXPORT_PNG] = { N_ ("PNG image"), "image/png" },
  [RIG_EXPORT_SVG] = { N_ ("SVG drawing"), "image/svg+xml" },
  [RIG_EXPORT_PDF] = { N_ ("PDF document"), "application/pdf" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (formats) == RIG_N_EXPORT_FORMATS);

const char *
rig_export_format_to_nick (RigExportFormat format)
{
  g_return_val_if_fail ((guint) format < RIG_N_EXPORT_FORMATS, "pdf");
  return rig_nick_from_value (RIG_TYPE_EXPORT_FORMAT, format, "pdf");
}

int
rig_export_format_from_nick (const char *nick)
{
  return rig_nick_to_value (RIG_TYPE_EXPORT_FORMAT, nick);
}

int
rig_export_format_for_name (const char *file_name)
{
  const char *dot;
  g_autofree char *base = NULL;

  if (file_name == NULL)
    return -1;
  base = g_path_get_basename (file_name);
  dot = strrchr (base, '.');
  if (dot == NULL || dot == base)
    return -1;
  return rig_export_format_from_nick (dot + 1);
}

const char *
rig_export_format_to_label (RigExportFormat format)
{
  g_return_val_if_fail ((guint) format < RIG_N_EXPORT_FORMATS, "");
  return _ (formats[format].label);
}

const char *
rig_export_format_to_mime_type (RigExportFormat format)
{
  g_return_val_if_fail ((guint) format < RIG_N_EXPORT_FORMATS, "application/octet-stream");
  return formats[format].mime_type;
}

guint
rig_export_format_n_pages (RigExportFormat format, guint n_pages)
{
  return format == RIG_EXPORT_PDF ? n_pages : MIN (n_pages, 1);
}

/* ---- writing ----------------------------------------------------------- */

/* Where cairo's output goes. */
typedef struct
{
  GOutputStream *stream;
  GCancellable *cancellable;
  GError *error;
} Sink;

static cairo_status_t
sink_write (void *closure, const unsigned char *data, unsigned int length)
{
  Sink *sink = closure;

  if (sink->error != NULL
      || !g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable,
                                     &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* The sink's own error, else cairo's. */
static gboolean
check_status (Sink *sink, cairo_status_t status, GError **error)
{
  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RIG_ERROR,
                   status == CAIRO_STATUS_WRITE_ERROR ? RIG_ERROR_IO : RIG_ERROR_FAILED,
                   _ ("cairo could not draw the sheet: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_dpi (const RigSheetOptions *options, GError **error)
{
  if (options->dpi < RIG_SHEET_MIN_DPI || options->dpi > RIG_SHEET_MAX_DPI)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID,
                   _ ("A resolution of %g dpi is out of range: use %g to %g dpi."), options->dpi,
                   RIG_SHEET_MIN_DPI, RIG_SHEET_MAX_DPI);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_png (RigSheet *sheet, Sink *sink, GError **error)
{
  const RigSheetOptions *options = rig_sheet_get_options (sheet);
  double w, h, k;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (!check_dpi (options, error))
    return FALSE;
  rig_sheet_get_page_size (sheet, &w, &h);
  k = options->dpi / 72.0;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w * k - 1e-6),
                                        (int) ceil (h * k - 1e-6));
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return check_status (sink, status, error);
    }
  cr = cairo_create (surface);
  cairo_scale (cr, k, k);
  rig_sheet_draw_page (sheet, cr, 0);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = rig_png_write (surface, sink_write, sink);
  cairo_surface_destroy (surface);
  return check_status (sink, status, error);
}

static gboolean
write_svg (RigSheet *sheet, Sink *sink, GError **error)
{
  double w, h;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  rig_sheet_get_page_size (sheet, &w, &h);
  surface = cairo_svg_surface_create_for_stream (sink_write, sink, w, h);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
  cr = cairo_create (surface);
  rig_sheet_draw_page (sheet, cr, 0);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return check_status (sink, status, error);
}

static void
add_outline (cairo_surface_t *surface, const char *title, int page)
{
  g_autofree char *link = NULL;

  if (page < 0)
    return;
  link = g_strdup_printf ("page=%d", page + 1);
  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, title, link, 0);
}

static gboolean
write_pdf (RigSheet *sheet, RigDocument *doc, Sink *sink, GError **error)
{
  const RigSheetOptions *options = rig_sheet_get_options (sheet);
  double w, h;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  g_autofree char *creator = g_strdup_printf ("Rigwire %s", PACKAGE_VERSION);
  g_autofree char *date = NULL;
  const char *title = rig_document_get_title (doc);

  rig_sheet_get_page_size (sheet, &w, &h);
  surface = cairo_pdf_surface_create_for_stream (sink_write, sink, w, h);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  *title != '\0' ? title : _ ("Untitled rig"));
  if (*rig_document_get_author (doc) != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                    rig_document_get_author (doc));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, _ ("Wiring sheet"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  /* The sheet's own date, so that the same rig gives the same file. */
  if (options->date != NULL && strlen (options->date) == 10)
    {
      date = g_strdup_printf ("%sT00:00:00", options->date);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    }

  cr = cairo_create (surface);
  for (guint i = 0; i < rig_sheet_get_n_pages (sheet); i++)
    {
      rig_sheet_draw_page (sheet, cr, i);
      cairo_show_page (cr);
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS || sink->error != NULL)
        break;
    }
  add_outline (surface, _ ("Wiring diagram"), 0);
  add_outline (surface, _ ("Cable schedule"), rig_sheet_get_table_first_page (sheet, "schedule"));
  add_outline (surface, _ ("Bill of materials"), rig_sheet_get_table_first_page (sheet, "bom"));
  add_outline (surface, _ ("Problems and fixes"),
               rig_sheet_get_table_first_page (sheet, "problems"));
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return check_status (sink, status, error);
}

static gboolean
write_sheet (RigSheet *sheet, RigDocument *doc, RigExportFormat format, Sink *sink, GError **error)
{
  switch (format)
    {
      case RIG_EXPORT_PNG:
        return write_png (sheet, sink, error);
      case RIG_EXPORT_SVG:
        return write_svg (sheet, sink, error);
      case RIG_EXPORT_PDF:
        return write_pdf (sheet, doc, sink, error);
      case RIG_N_EXPORT_FORMATS:
      default:
        g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("Unknown export format."));
        return FALSE;
    }
}

gboolean
rig_export_sheet_to_stream (RigSheet *sheet, RigExportFormat format, GOutputStream *out,
                            GCancellable *cancellable, GError **error)
{
  Sink sink = { out, cancellable, NULL };

  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_sheet (sheet, rig_sheet_get_document (sheet), format, &sink, error);
}

static void
set_write_error (GError **error, GFile *file, const char *why)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_set_error (error, RIG_ERROR, RIG_ERROR_IO, _ ("Could not write %s: %s"), name, why);
}

/* Writes through a locked temporary file beside @file (rig-safe-file.h),
 * renamed over it when complete: a killed export leaves the old file whole. */
static gboolean
export_local (RigSheet *sheet, RigExportFormat format, GFile *file, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  RigSafeFile *safe;

  safe = rig_safe_file_open (file, &local_error);
  if (safe == NULL)
    {
      set_write_error (error, file, local_error->message);
      return FALSE;
    }
  if (!rig_export_sheet_to_stream (sheet, format, rig_safe_file_get_stream (safe), NULL,
                                   &local_error))
    {
      rig_safe_file_abort (safe);
      set_write_error (error, file, local_error->message);
      return FALSE;
    }
  if (!rig_safe_file_commit (safe, &local_error))
    {
      set_write_error (error, file, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
rig_export_sheet_to_file (RigSheet *sheet, RigExportFormat format, GFile *file, GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) format >= RIG_N_EXPORT_FORMATS)
    {
      g_set_error (error, RIG_ERROR, RIG_ERROR_INVALID, _ ("Unknown export format."));
      return FALSE;
    }
  if (format == RIG_EXPORT_PNG && !check_dpi (rig_sheet_get_options (sheet), error))
    return FALSE;

  path = g_file_get_path (file);
  if (path != NULL)
    return export_local (sheet, format, file, error);
  else
    {
      /* A remote location: into memory, then GIO's replace (which also goes
       * through a temporary file where the backend can). */
      g_autoptr (GOutputStream) memory = g_memory_output_stream_new_resizable ();
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) local_error = NULL;

      if (!rig_export_sheet_to_stream (sheet, format, memory, NULL, &local_error)
          || !g_output_stream_close (memory, NULL, &local_error))
        {
          set_write_error (error, file, local_error->message);
          return FALSE;
        }
      bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
      if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &local_error))
        {
          set_write_error (error, file, local_error->message);
          return FALSE;
        }
      return TRUE;
    }
}

gboolean
rig_export_file (RigDocument *doc, RigValidator *validator, const RigSheetOptions *options,
                 GFile *out, RigExportFormat format, GError **error)
{
  g_autoptr (RigSheet) sheet = NULL;
  RigSheetOptions defaults;

  g_return_val_if_fail (RIG_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (G_IS_FILE (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      rig_sheet_options_init (&defaults);
      options = &defaults;
    }
  sheet = rig_sheet_new (doc, validator, options);
  return rig_export_sheet_to_file (sheet, format, out, error);
}

GBytes *
rig_export_bytes (RigDocument *doc, RigValidator *validator, const RigSheetOptions *options,
                  RigExportFormat format, GError **error)
{
  g_autoptr (RigSheet) sheet = NULL;
  g_autoptr (GOutputStream) memory = NULL;

  g_return_val_if_fail (RIG_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sheet = rig_sheet_new (doc, validator, options);
  memory = g_memory_output_stream_new_resizable ();
  if (!rig_export_sheet_to_stream (sheet, format, memory, NULL, error)
      || !g_output_stream_close (memory, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}
