/* rig-sheet-draw.c: drawing a wiring sheet's page: the title block, the
 * running header and footer, the diagram and its tiles; the legend and the
 * tables draw themselves (rig-legend.c, rig-sheet-tables.c). */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rig-marks.h"
#include "rig-sheet-private.h"

/* ---- drawing: marks ---------------------------------------------------- */

void
_rig_sheet_hline (RigSheet *self, cairo_t *cr, double x0, double x1, double y, double width,
                  guint32 ink)
{
  cairo_new_path (cr);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_set_line_width (cr, width);
  _rig_sheet_set_ink (self, cr, ink);
  cairo_stroke (cr);
}

/* A status badge as the painter draws it: a disc with a cross (error), a
 * triangle with "!" (warning), a disc with "i" (info). */
void
_rig_sheet_draw_badge (RigSheet *self, cairo_t *cr, double cx, double cy, double r,
                       RigSeverity severity)
{
  gboolean hollow = self->options.greyscale && severity != RIG_SEVERITY_ERROR;
  double lw = r * 0.28;

  if (severity == RIG_SEVERITY_NONE)
    return;
  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  rig_painter_badge_path (cr, severity, cx, cy, r);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (hollow)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, r * 0.2);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  else
    {
      _rig_sheet_set_ink (self, cr, rig_painter_status_color (self->painter, severity));
      cairo_fill (cr);
      if (severity == RIG_SEVERITY_WARNING)
        _rig_sheet_set_ink (self, cr, 0x1E1E1E);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
    }
  rig_painter_badge_mark (cr, severity, cx, cy, r, lw);
  cairo_restore (cr);
}

/* ---- drawing: blocks --------------------------------------------------- */

/* A title block cell: a small caps label over a value. */
static void
title_cell (RigSheet *self, cairo_t *cr, double x, double y, double w, double h, const char *label,
            const char *value, guint32 value_ink)
{
  g_autofree char *caps = g_utf8_strup (label, -1);

  _rig_sheet_put (self, cr, F_CAPS, INK_FAINT, caps, x + 6, y + 5, w - 12, 1, PANGO_ALIGN_LEFT);
  _rig_sheet_put (self, cr, F_VALUE, value_ink, value, x + 6, y + 13, w - 12, 2, PANGO_ALIGN_LEFT);
}

static void
draw_title (RigSheet *self, cairo_t *cr, const Block *b, guint page_index)
{
  const char *title = rig_document_get_title (self->doc);
  const char *author = rig_document_get_author (self->doc);
  const char *notes = rig_document_get_notes (self->doc);
  double left_w = b->w * 0.52, cell_w = (b->w - left_w) / 3, row_h = b->h / 2;
  double title_h, notes_y, notes_lines;
  double x = b->x, y = b->y, cx = x + left_w;
  g_autofree char *page = NULL;
  g_autofree char *caps = g_utf8_strup (_ ("Wiring sheet"), -1);
  g_autofree char *check = NULL;
  guint32 check_ink = INK;

  /* Frame and grid. */
  cairo_save (cr);
  cairo_rectangle (cr, x, y, b->w, b->h);
  cairo_set_line_width (cr, 1.0);
  _rig_sheet_set_ink (self, cr, RULE_DARK);
  cairo_stroke (cr);
  cairo_move_to (cr, cx, y);
  cairo_line_to (cr, cx, y + b->h);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.4);
  _rig_sheet_set_ink (self, cr, RULE);
  for (guint i = 1; i < 3; i++)
    {
      cairo_move_to (cr, cx + i * cell_w, y);
      cairo_line_to (cr, cx + i * cell_w, y + b->h);
    }
  cairo_move_to (cr, cx, y + row_h);
  cairo_line_to (cr, x + b->w, y + row_h);
  cairo_stroke (cr);
  /* A dark band on the left edge: the sheet's spine. */
  cairo_rectangle (cr, x, y, 4, b->h);
  _rig_sheet_set_ink (self, cr, RULE_DARK);
  cairo_fill (cr);
  cairo_restore (cr);

  _rig_sheet_put (self, cr, F_CAPS, INK_FAINT, caps, x + 12, y + 7, left_w - 20, 1,
                  PANGO_ALIGN_LEFT);
  /* The title on one or two lines; the notes in what is left. */
  title_h = _rig_sheet_put (self, cr, F_TITLE, INK, *title != '\0' ? title : _ ("Untitled rig"),
                            x + 12, y + 14, left_w - 20, 2, PANGO_ALIGN_LEFT);
  notes_y = y + 14 + title_h + 1;
  notes_lines = floor ((y + b->h - 4 - notes_y) / 8.6);
  if (notes_lines >= 1)
    _rig_sheet_put (self, cr, F_NOTES, INK_SOFT, notes, x + 12, notes_y, left_w - 20,
                    (int) notes_lines, PANGO_ALIGN_LEFT);

  if (self->n_errors + self->n_warnings + self->n_infos == 0)
    check = g_strdup (_ ("No problems found"));
  else
    {
      GString *s = g_string_new (NULL);

      if (self->n_errors > 0)
        g_string_append_printf (s, ngettext ("%u error", "%u errors", self->n_errors),
                                self->n_errors);
      if (self->n_warnings > 0)
        {
          if (s->len > 0)
            g_string_append (s, ", ");
          g_string_append_printf (s, ngettext ("%u warning", "%u warnings", self->n_warnings),
                                  self->n_warnings);
        }
      if (self->n_infos > 0)
        {
          if (s->len > 0)
            g_string_append (s, ", ");
          g_string_append_printf (s, ngettext ("%u note", "%u notes", self->n_infos),
                                  self->n_infos);
        }
      check = g_string_free (s, FALSE);
      check_ink = _rig_sheet_status_ink (self, self->n_errors > 0     ? RIG_SEVERITY_ERROR
                                               : self->n_warnings > 0 ? RIG_SEVERITY_WARNING
                                                                      : RIG_SEVERITY_INFO);
    }
  /* Translators: "Sheet 1 of 3" in the title block. */
  page = g_strdup_printf (_ ("%u of %u"), page_index + 1, self->pages->len);

  title_cell (self, cr, cx, y, cell_w, row_h, _ ("Author"), *author != '\0' ? author : "—", INK);
  title_cell (self, cr, cx + cell_w, y, cell_w, row_h, _ ("Date"), self->date, INK);
  title_cell (self, cr, cx + 2 * cell_w, y, cell_w, row_h, _ ("Sheet"), page, INK);
  title_cell (self, cr, cx, y + row_h, cell_w, row_h, _ ("File"), self->file_name, INK);
  title_cell (self, cr, cx + cell_w, y + row_h, cell_w, row_h, _ ("Revision"), self->revision, INK);
  title_cell (self, cr, cx + 2 * cell_w, y + row_h, cell_w, row_h, _ ("Check"), check, check_ink);
}

static void
draw_running (RigSheet *self, cairo_t *cr, const Block *b)
{
  const char *title = rig_document_get_title (self->doc);
  g_autofree char *right = NULL;
  double tw;

  if (strcmp (self->revision, "—") != 0)
    /* Translators: the running header: file name, revision and date. */
    right = g_strdup_printf (_ ("%s · Revision %s · %s"), self->file_name, self->revision,
                             self->date);
  else
    right = g_strdup_printf ("%s · %s", self->file_name, self->date);
  tw = MIN (_rig_sheet_text_width (self, F_SMALL, right), b->w * 0.5);
  _rig_sheet_put (self, cr, F_RUN_TITLE, INK, *title != '\0' ? title : _ ("Untitled rig"), b->x,
                  b->y, b->w - tw - 16, 1, PANGO_ALIGN_LEFT);
  _rig_sheet_put (self, cr, F_SMALL, INK_SOFT, right, b->x + b->w - tw, b->y + 2.5, tw, 1,
                  PANGO_ALIGN_RIGHT);
  cairo_save (cr);
  _rig_sheet_hline (self, cr, b->x, b->x + b->w, b->y + b->h, 0.8, RULE_DARK);
  cairo_restore (cr);
}

static void
draw_footer (RigSheet *self, cairo_t *cr, guint page_index)
{
  double y = self->page_h - MARGIN - FOOTER_H + 7, x0 = MARGIN, w = _rig_sheet_content_width (self);
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;

  cairo_save (cr);
  _rig_sheet_hline (self, cr, x0, x0 + w, y - 2, 0.4, RULE);
  cairo_restore (cr);
  /* Translators: the footer of every page. */
  left = g_strdup_printf (_ ("Drawn with Rigwire %s"), PACKAGE_VERSION);
  /* Translators: the page number in the footer. */
  right = g_strdup_printf (_ ("Page %u of %u"), page_index + 1, self->pages->len);
  _rig_sheet_put (self, cr, F_SMALL, INK_FAINT, left, x0, y, w / 2, 1, PANGO_ALIGN_LEFT);
  _rig_sheet_put (self, cr, F_SMALL, INK_SOFT, right, x0 + w / 2, y, w / 2, 1, PANGO_ALIGN_RIGHT);
}

static char *
tile_name (guint col, guint row)
{
  if (row < 26)
    return g_strdup_printf ("%c%u", 'A' + row, col + 1);
  return g_strdup_printf ("%c%c%u", 'A' + row / 26 - 1, 'A' + row % 26, col + 1);
}

/* The marks of a tile's shared bands: a light tint, a dashed line where the
 * neighbour's edge goes, ticks out into the margin, and the neighbour's name. */
static void
draw_overlap_marks (RigSheet *self, cairo_t *cr, const Block *b)
{
  double ov = RIG_SHEET_TILE_OVERLAP;
  double dashes[] = { 3, 2 };
  struct
  {
    gboolean on;
    int dc, dr;
    double x, y, w, h;         /* the band */
    double lx0, ly0, lx1, ly1; /* the dashed line */
  } sides[4] = {
    { b->tile_col > 0, -1, 0, b->x, b->y, ov, b->h, b->x + ov, b->y, b->x + ov, b->y + b->h },
    { b->tile_col + 1 < self->tile_cols, 1, 0, b->x + b->w - ov, b->y, ov, b->h, b->x + b->w - ov,
      b->y, b->x + b->w - ov, b->y + b->h },
    { b->tile_row > 0, 0, -1, b->x, b->y, b->w, ov, b->x, b->y + ov, b->x + b->w, b->y + ov },
    { b->tile_row + 1 < self->tile_rows, 0, 1, b->x, b->y + b->h - ov, b->w, ov, b->x,
      b->y + b->h - ov, b->x + b->w, b->y + b->h - ov },
  };

  cairo_save (cr);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = NULL;
      double tw, th, cx, cy;
      PangoLayout *layout;

      if (!sides[i].on)
        continue;
      cairo_rectangle (cr, sides[i].x, sides[i].y, sides[i].w, sides[i].h);
      cairo_set_source_rgba (cr, 0.2, 0.2, 0.25, 0.06);
      cairo_fill (cr);
      cairo_move_to (cr, sides[i].lx0, sides[i].ly0);
      cairo_line_to (cr, sides[i].lx1, sides[i].ly1);
      _rig_sheet_set_ink (self, cr, RULE_DARK);
      cairo_set_line_width (cr, 0.6);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      /* Registration ticks in the margin, in line with the dashed line. */
      if (sides[i].dr == 0)
        {
          cairo_move_to (cr, sides[i].lx0, b->y - 10);
          cairo_line_to (cr, sides[i].lx0, b->y - 3);
          cairo_move_to (cr, sides[i].lx1, b->y + b->h + 3);
          cairo_line_to (cr, sides[i].lx1, b->y + b->h + 5);
        }
      else
        {
          cairo_move_to (cr, b->x - 10, sides[i].ly0);
          cairo_line_to (cr, b->x - 3, sides[i].ly0);
          cairo_move_to (cr, b->x + b->w + 3, sides[i].ly0);
          cairo_line_to (cr, b->x + b->w + 10, sides[i].ly0);
        }
      cairo_set_line_width (cr, 0.8);
      cairo_stroke (cr);

      name = tile_name (b->tile_col + sides[i].dc, b->tile_row + sides[i].dr);
      {
        g_autofree char *label = g_strdup_printf (sides[i].dc < 0   ? "◀ %s"
                                                  : sides[i].dc > 0 ? "%s ▶"
                                                  : sides[i].dr < 0 ? "▲ %s"
                                                                    : "▼ %s",
                                                  name);
        layout = _rig_sheet_text (self, F_LEGEND_BOLD, label, -1, 1, PANGO_ALIGN_LEFT);
        rig_text_size (layout, &tw, &th);
        cx = sides[i].x + sides[i].w / 2;
        cy = sides[i].y + sides[i].h / 2;
        rig_marks_rounded_rect (cr, cx - tw / 2 - 3, cy - th / 2 - 1, tw + 6, th + 2, 3);
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_fill_preserve (cr);
        _rig_sheet_set_ink (self, cr, RULE_DARK);
        cairo_set_line_width (cr, 0.5);
        cairo_stroke (cr);
        _rig_sheet_put (self, cr, F_LEGEND_BOLD, INK, label, cx - tw / 2, cy - th / 2, -1, 1,
                        PANGO_ALIGN_LEFT);
      }
    }
  cairo_restore (cr);
}

static void
draw_diagram (RigSheet *self, cairo_t *cr, const Block *b)
{
  double s = self->scale;
  gboolean tiled = self->tile_cols * self->tile_rows > 1;
  RigRect visible = b->view;

  cairo_save (cr);
  rig_marks_rounded_rect (cr, b->x, b->y, b->w, b->h, 2);
  cairo_set_line_width (cr, 0.5);
  _rig_sheet_set_ink (self, cr, RULE);
  cairo_stroke (cr);

  if (self->empty)
    {
      _rig_sheet_put (self, cr, F_VALUE, INK_SOFT, _ ("This rig has no devices yet."), b->x,
                      b->y + 24, b->w, 1, PANGO_ALIGN_CENTER);
      cairo_restore (cr);
      return;
    }

  cairo_save (cr);
  cairo_rectangle (cr, b->x, b->y, b->w, b->h);
  cairo_clip (cr);
  cairo_translate (cr, b->x + b->ox, b->y + b->oy);
  cairo_scale (cr, s, s);
  cairo_translate (cr, -b->view.x, -b->view.y);
  if (!tiled)
    {
      /* Fit: the block may be wider than the rig; show what is there. */
      visible.x -= b->ox / s;
      visible.width = b->w / s;
    }
  /* The painter's zoom is screen px per unit: on paper, px of 1/96 in. */
  rig_painter_draw (self->painter, cr, &visible, s / PT_PER_UNIT);
  cairo_restore (cr);

  if (tiled)
    {
      g_autofree char *name = tile_name (b->tile_col, b->tile_row);
      g_autofree char *label = NULL;
      double tw, th;
      PangoLayout *layout;

      draw_overlap_marks (self, cr, b);
      /* Translators: the name of one diagram tile, "Tile B2 of 3 × 2". */
      label = g_strdup_printf (_ ("Tile %s of %u × %u"), name, self->tile_cols, self->tile_rows);
      layout = _rig_sheet_text (self, F_LEGEND_BOLD, label, -1, 1, PANGO_ALIGN_LEFT);
      rig_text_size (layout, &tw, &th);
      rig_marks_rounded_rect (cr, b->x + 4, b->y + 4, tw + 8, th + 4, 2);
      _rig_sheet_set_ink (self, cr, RULE_DARK);
      cairo_fill (cr);
      _rig_sheet_put (self, cr, F_LEGEND_BOLD, 0xFFFFFF, label, b->x + 8, b->y + 6, -1, 1,
                      PANGO_ALIGN_LEFT);
    }

  cairo_restore (cr);
}

void
rig_sheet_draw_page (RigSheet *self, cairo_t *cr, guint page_index)
{
  const Page *page;
  const Block *diagram = NULL;

  g_return_if_fail (self != NULL && cr != NULL);
  g_return_if_fail (page_index < self->pages->len);

  page = g_ptr_array_index (self->pages, page_index);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->page_w, self->page_h);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);

  for (guint i = 0; i < page->blocks->len; i++)
    {
      const Block *b = &g_array_index (page->blocks, Block, i);

      switch (b->type)
        {
          case BLOCK_TITLE:
            draw_title (self, cr, b, page_index);
            break;
          case BLOCK_RUNNING:
            draw_running (self, cr, b);
            break;
          case BLOCK_DIAGRAM:
            draw_diagram (self, cr, b);
            diagram = b;
            break;
          case BLOCK_LEGEND:
            _rig_sheet_draw_legend (self, cr, b, diagram);
            break;
          case BLOCK_HEADING:
            _rig_sheet_draw_heading (self, cr, b);
            break;
          case BLOCK_TABLE_HEADER:
            _rig_sheet_draw_table_header (self, cr, b);
            break;
          case BLOCK_LEVELS:
            _rig_sheet_draw_levels (self, cr, b);
            break;
          case BLOCK_ROWS:
          default:
            _rig_sheet_draw_rows (self, cr, b);
            break;
        }
    }
  draw_footer (self, cr, page_index);
  cairo_restore (cr);
}
