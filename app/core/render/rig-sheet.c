/* rig-sheet.c: a rig's wiring sheet, paginated and drawn onto any cairo_t.
 *
 * Building a sheet computes its rows (schedule, bill of materials, problems),
 * then lays every page out as a list of blocks (title block, running header,
 * diagram or diagram tile, legend, section heading, a run of table rows).
 * Drawing a page draws its blocks; nothing is measured twice.
 *
 * Speed: schedule rows have a fixed height (two lines, each ellipsized to its
 * column) unless a jack's name wraps (it is never cut to look like another
 * jack's), so paginating thousands of cables is mostly arithmetic; the
 * tables whose rows wrap freely (problems, bill of materials) are measured.
 * Text is laid out once per (font, width, lines, string) by a RigTextCache
 * whose PangoContext does no hinting, so one layout is right on every surface
 * and at every resolution: device and jack names repeat on every cable row,
 * so most rows only draw glyphs.
 *
 * The diagram is the painter's: the canvas look, statuses, dashes and badges.
 * The legend draws small samples of the same marks: the connector glyphs
 * through rig-marks.c; the status badges on its own, since paper draws them
 * hollow in greyscale.
 *
 * The files (rig-sheet-private.h between them): this one builds the sheet
 * and holds its options, colours and text; rig-sheet-rows.c computes the
 * tables' rows; rig-sheet-tables.c measures and draws the tables;
 * rig-legend.c the legend; rig-sheet-layout.c cuts the sheet into pages of
 * blocks; rig-sheet-draw.c draws a page: title block, headers, diagram tiles.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rig-marks.h"
#include "rig-nick.h"
#include "rig-sheet-private.h"

#define TEXT_CACHE_MAX 50000 /* layouts */

static const char *const table_names[N_TABLES] = { "schedule", "bom", "problems" };

/* ---- page sizes and options -------------------------------------------- */

/* Labels and sizes; the nicks are RIG_TYPE_PAGE_SIZE's. */
static const struct
{
  const char *label;
  double width, height; /* portrait, points */
} page_sizes[] = {
  [RIG_PAGE_A4] = { N_ ("A4"), 595.2756, 841.8898 },
  [RIG_PAGE_LETTER] = { N_ ("US Letter"), 612.0, 792.0 },
  [RIG_PAGE_A3] = { N_ ("A3"), 841.8898, 1190.5512 },
};
G_STATIC_ASSERT (G_N_ELEMENTS (page_sizes) == RIG_N_PAGE_SIZES);

const char *
rig_page_size_to_nick (RigPageSize size)
{
  g_return_val_if_fail ((guint) size < RIG_N_PAGE_SIZES, "a4");
  return rig_nick_from_value (RIG_TYPE_PAGE_SIZE, size, "a4");
}

int
rig_page_size_from_nick (const char *nick)
{
  return rig_nick_to_value (RIG_TYPE_PAGE_SIZE, nick);
}

const char *
rig_page_size_to_label (RigPageSize size)
{
  g_return_val_if_fail ((guint) size < RIG_N_PAGE_SIZES, "A4");
  return _ (page_sizes[size].label);
}

void
rig_page_size_get (RigPageSize size, gboolean landscape, double *width, double *height)
{
  double w, h;

  if ((guint) size >= RIG_N_PAGE_SIZES)
    size = RIG_PAGE_A4;
  w = page_sizes[size].width;
  h = page_sizes[size].height;
  if (width != NULL)
    *width = landscape ? h : w;
  if (height != NULL)
    *height = landscape ? w : h;
}

void
rig_sheet_options_init (RigSheetOptions *options)
{
  g_return_if_fail (options != NULL);
  memset (options, 0, sizeof *options);
  options->kind = RIG_SHEET_FULL;
  options->page_size = RIG_PAGE_A4;
  options->scale = RIG_SHEET_SCALE_FIT;
  options->dpi = RIG_SHEET_DEFAULT_DPI;
}

/* ---- colours ----------------------------------------------------------- */

void
_rig_sheet_set_ink (RigSheet *self, cairo_t *cr, guint32 rgb)
{
  rig_marks_set_rgb (cr, self->options.greyscale ? rig_marks_grey (rgb) : rgb);
}

/* The colour of a status's text: the painter's, but warning orange, which is
 * for marks, darkened so that small text on white stays legible. */
guint32
_rig_sheet_status_ink (RigSheet *self, RigSeverity severity)
{
  if (severity == RIG_SEVERITY_NONE)
    return INK_SOFT;
  if (severity == RIG_SEVERITY_WARNING && !self->options.greyscale)
    return 0x9C6A00;
  return rig_painter_status_color (self->painter, severity);
}

/* ---- text -------------------------------------------------------------- */

static void
text_init (RigSheet *self)
{
  const char *sans = "Cantarell, DejaVu Sans, Sans";
  const char *table = "DejaVu Sans, Sans";
  static const struct
  {
    gboolean table;
    double pt;
    PangoWeight weight;
    RigTextFontFlags flags;
  } fonts[N_FONTS] = {
    [F_TITLE] = { FALSE, 15, PANGO_WEIGHT_BOLD, RIG_TEXT_FONT_PLAIN },
    [F_CAPS] = { FALSE, 5.4, PANGO_WEIGHT_BOLD, RIG_TEXT_FONT_SPACED },
    [F_VALUE] = { FALSE, 7.8, PANGO_WEIGHT_NORMAL, RIG_TEXT_FONT_NO_HYPHENS },
    [F_NOTES] = { FALSE, 7.2, PANGO_WEIGHT_NORMAL, RIG_TEXT_FONT_PLAIN },
    [F_RUN_TITLE] = { FALSE, 9, PANGO_WEIGHT_BOLD, RIG_TEXT_FONT_PLAIN },
    [F_SMALL] = { FALSE, 6.5, PANGO_WEIGHT_NORMAL, RIG_TEXT_FONT_PLAIN },
    [F_HEADING] = { FALSE, 11, PANGO_WEIGHT_BOLD, RIG_TEXT_FONT_PLAIN },
    [F_TH] = { TRUE, 6.6, PANGO_WEIGHT_BOLD, RIG_TEXT_FONT_CONDENSED },
    [F_TD] = { TRUE, 7.3, PANGO_WEIGHT_NORMAL, RIG_TEXT_FONT_CONDENSED },
    [F_TD_BOLD] = { TRUE, 7.3, PANGO_WEIGHT_BOLD, RIG_TEXT_FONT_CONDENSED },
    [F_TD_SMALL] = { TRUE, 6.4, PANGO_WEIGHT_NORMAL, RIG_TEXT_FONT_CONDENSED },
    [F_LEGEND] = { FALSE, 6.8, PANGO_WEIGHT_NORMAL, RIG_TEXT_FONT_PLAIN },
    [F_LEGEND_BOLD] = { FALSE, 6.8, PANGO_WEIGHT_BOLD, RIG_TEXT_FONT_PLAIN },
  };

  /* Points: 72 dpi. */
  self->texts = rig_text_cache_new (72, TEXT_CACHE_MAX);
  for (guint i = 0; i < N_FONTS; i++)
    rig_text_cache_set_font (self->texts, i, fonts[i].table ? table : sans, fonts[i].pt,
                             fonts[i].weight, fonts[i].flags);
}

/* A cached layout: see rig_text_cache_layout(). */
PangoLayout *
_rig_sheet_text (RigSheet *self, Font font, const char *str, double width, int lines,
                 PangoAlignment align)
{
  return rig_text_cache_layout (self->texts, font, str, width, lines, align);
}

/* Measures rows that are drawn later: their layouts are kept till then. */
double
_rig_sheet_text_height (RigSheet *self, Font font, const char *str, double width, int lines)
{
  double h;

  rig_text_size (
      rig_text_cache_layout_kept (self->texts, font, str, width, lines, PANGO_ALIGN_LEFT), NULL,
      &h);
  return h;
}

double
_rig_sheet_text_width (RigSheet *self, Font font, const char *str)
{
  double w;

  rig_text_size (_rig_sheet_text (self, font, str, -1, 1, PANGO_ALIGN_LEFT), &w, NULL);
  return w;
}

/* Draws text with its top-left corner at (x, y) (the box's, for aligned
 * text); returns its height. */
double
_rig_sheet_put (RigSheet *self, cairo_t *cr, Font font, guint32 ink, const char *str, double x,
                double y, double width, int lines, PangoAlignment align)
{
  PangoLayout *layout;
  double h;

  if (str == NULL || *str == '\0')
    return 0;
  layout = _rig_sheet_text (self, font, str, width, lines, align);
  rig_text_size (layout, NULL, &h);
  _rig_sheet_set_ink (self, cr, ink);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return h;
}

/* ---- construction ------------------------------------------------------ */

static char *
today (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr (GDateTime) now = NULL;

  if (epoch != NULL && *epoch != '\0')
    {
      char *end = NULL;
      gint64 seconds = g_ascii_strtoll (epoch, &end, 10);

      if (end != NULL && *end == '\0')
        now = g_date_time_new_from_unix_utc (seconds);
    }
  if (now == NULL)
    now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

RigSheet *
rig_sheet_new (RigDocument *doc, RigValidator *validator, const RigSheetOptions *options)
{
  RigSheet *self;
  RigSheetOptions defaults;

  g_return_val_if_fail (RIG_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (validator == NULL || RIG_IS_VALIDATOR (validator), NULL);

  if (options == NULL)
    {
      rig_sheet_options_init (&defaults);
      options = &defaults;
    }

  self = g_new0 (RigSheet, 1);
  self->doc = g_object_ref (doc);
  self->validator = validator != NULL ? g_object_ref (validator) : rig_validator_new (doc);
  self->options = *options;
  if ((guint) self->options.kind >= RIG_N_SHEET_KINDS)
    self->options.kind = RIG_SHEET_FULL;
  if ((guint) self->options.page_size >= RIG_N_PAGE_SIZES)
    self->options.page_size = RIG_PAGE_A4;
  if (!(self->options.dpi > 0))
    self->options.dpi = RIG_SHEET_DEFAULT_DPI;
  if (!(self->options.scale > 0))
    self->options.scale = RIG_SHEET_SCALE_FIT;

  self->date = options->date != NULL ? g_strdup (options->date) : today ();
  /* The revision asked for, else the rig's own, else a dash. */
  self->revision
      = g_strdup (options->revision != NULL && *options->revision != '\0' ? options->revision
                  : *rig_document_get_revision (doc) != '\0' ? rig_document_get_revision (doc)
                                                             : "—");
  if (options->file_name != NULL)
    self->file_name = g_strdup (options->file_name);
  else if (rig_document_get_file (doc) != NULL)
    self->file_name = g_file_get_basename (rig_document_get_file (doc));
  else
    self->file_name = g_strdup (_ ("Unsaved rig"));
  self->options.date = self->date;
  self->options.revision = self->revision;
  self->options.file_name = self->file_name;

  if (options->page_width > 0 && options->page_height > 0)
    {
      self->page_w = options->page_width;
      self->page_h = options->page_height;
    }
  else
    rig_page_size_get (self->options.page_size, self->options.landscape, &self->page_w,
                       &self->page_h);

  self->layout = rig_layout_new (doc);
  self->painter = rig_painter_new (self->layout);
  rig_painter_set_validator (self->painter, self->validator);
  rig_painter_set_greyscale (self->painter, self->options.greyscale);
  /* Paper is read at print resolution (and PDF/SVG zoomed into): judge the
   * level of detail at 300 dpi, not at screen pixels, so port names and
   * connector labels stay on the sheet wherever they are legible in print. */
  rig_painter_set_device_scale (self->painter, 300.0 / 96.0);
  text_init (self);

  self->n_errors = rig_validator_count (self->validator, RIG_SEVERITY_ERROR);
  self->n_warnings = rig_validator_count (self->validator, RIG_SEVERITY_WARNING);
  self->n_infos = rig_validator_count (self->validator, RIG_SEVERITY_INFO);
  /* A diagram alone has no tables: build only what is drawn. */
  if (self->options.kind == RIG_SHEET_FULL)
    {
      self->problems = rig_sheet_problem_rows (self->validator);
      self->schedule = _rig_sheet_schedule_rows_with (doc, self->validator, self->problems);
      self->bom = rig_sheet_bom_rows (doc, self->validator);
      _rig_sheet_tables_build (self);
    }

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) _rig_sheet_page_free);
  _rig_sheet_paginate (self);
  return self;
}

void
rig_sheet_free (RigSheet *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  _rig_sheet_levels_free (self);
  for (guint i = 0; self->bom_lines != NULL && i < self->bom_lines->len; i++)
    g_free (g_array_index (self->bom_lines, BomLine, i).text);
  g_clear_pointer (&self->bom_lines, g_array_unref);
  for (guint t = 0; t < N_TABLES; t++)
    g_free (self->tables[t].heights);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->schedule, g_ptr_array_unref);
  g_clear_pointer (&self->bom, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->texts, rig_text_cache_free);
  g_clear_pointer (&self->painter, rig_painter_free);
  g_clear_object (&self->layout);
  g_clear_object (&self->validator);
  g_clear_object (&self->doc);
  g_free (self->date);
  g_free (self->revision);
  g_free (self->file_name);
  g_free (self);
}

RigDocument *
rig_sheet_get_document (RigSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->doc;
}

RigValidator *
rig_sheet_get_validator (RigSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->validator;
}

gboolean
rig_sheet_canvas_to_page (RigSheet *self, guint page_index, double x, double y, double *page_x,
                          double *page_y)
{
  const Page *page;

  g_return_val_if_fail (self != NULL, FALSE);
  if (page_index >= self->pages->len || self->empty)
    return FALSE;
  page = g_ptr_array_index (self->pages, page_index);
  for (guint i = 0; i < page->blocks->len; i++)
    {
      const Block *b = &g_array_index (page->blocks, Block, i);
      double px, py;

      if (b->type != BLOCK_DIAGRAM)
        continue;
      px = b->x + b->ox + (x - b->view.x) * self->scale;
      py = b->y + b->oy + (y - b->view.y) * self->scale;
      if (px < b->x || py < b->y || px > b->x + b->w || py > b->y + b->h)
        return FALSE;
      if (page_x != NULL)
        *page_x = px;
      if (page_y != NULL)
        *page_y = py;
      return TRUE;
    }
  return FALSE;
}

guint
rig_sheet_get_n_pages (RigSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

void
rig_sheet_get_page_size (RigSheet *self, double *width, double *height)
{
  g_return_if_fail (self != NULL);
  if (width != NULL)
    *width = self->page_w;
  if (height != NULL)
    *height = self->page_h;
}

const RigSheetOptions *
rig_sheet_get_options (RigSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->options;
}

guint
rig_sheet_get_n_diagram_pages (RigSheet *self, guint *columns, guint *rows)
{
  g_return_val_if_fail (self != NULL, 0);
  if (columns != NULL)
    *columns = self->tile_cols;
  if (rows != NULL)
    *rows = self->tile_rows;
  return self->tile_cols * self->tile_rows;
}

double
rig_sheet_get_diagram_scale (RigSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->scale;
}

int
rig_sheet_get_table_first_page (RigSheet *self, const char *table)
{
  g_return_val_if_fail (self != NULL, -1);
  for (guint t = 0; t < N_TABLES; t++)
    if (g_strcmp0 (table, table_names[t]) == 0)
      return self->first_page[t];
  return -1;
}
