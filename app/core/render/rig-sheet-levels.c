/* rig-sheet-levels.c: the wiring sheet's level pages (issue #11): after the
 * sheet's own pages, each signal path's level diagram, two to a page, drawn
 * by the level chart (rig-level-chart.h) as the Trace view draws it. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rig-sheet-private.h"

#define LEVELS_INTRO_H 16.0 /* the sentence under the heading */
#define CHART_TITLE_H 14.0
#define CHARTS_PER_PAGE 2
#define CHART_UNIT 0.85 /* points: text of about 7 pt, as the tables' */

static double
heading (RigSheet *self, Page *page, double y, gboolean continued)
{
  Block *b = _rig_sheet_add_block (page, BLOCK_LEVELS, MARGIN, y, _rig_sheet_content_width (self),
                                   HEADING_H + LEVELS_INTRO_H);

  b->n = 0;
  b->continued = continued;
  return y + b->h + GAP;
}

void
_rig_sheet_levels_paginate (RigSheet *self)
{
  double bottom = self->page_h - MARGIN - FOOTER_H, y, chart_h;
  Page *page = NULL;

  if (!self->options.levels)
    return;
  if (self->options.levels_trace != NULL)
    self->levels = self->options.levels_trace;
  else
    self->levels = self->levels_owned = rig_trace_compute (self->doc);
  self->level_chart = rig_level_chart_new (CHART_UNIT);
  rig_level_chart_set_greyscale (self->level_chart, self->options.greyscale);

  y = _rig_sheet_start_page (self, &page);
  chart_h = (bottom - y - HEADING_H - LEVELS_INTRO_H - GAP) / CHARTS_PER_PAGE;
  y = heading (self, page, y, FALSE);
  for (guint i = 0; i < self->levels->n_paths; i++)
    {
      Block *b;

      if (y + chart_h > bottom + 0.5)
        {
          y = _rig_sheet_start_page (self, &page);
          y = heading (self, page, y, TRUE);
        }
      b = _rig_sheet_add_block (page, BLOCK_LEVELS, MARGIN, y, _rig_sheet_content_width (self),
                                chart_h);
      b->first = i;
      b->n = 1;
      y += chart_h;
    }
}

static void
draw_heading (RigSheet *self, cairo_t *cr, const Block *b)
{
  const char *intro;

  _rig_sheet_put (self, cr, F_HEADING, INK,
                  b->continued ? _ ("Signal levels (continued)") : _ ("Signal levels"), b->x, b->y,
                  b->w, 1, PANGO_ALIGN_LEFT);
  if (self->levels->n_paths == 0)
    intro = _ ("No signal path runs from a source to a listener in this rig.");
  else
    intro = _ ("Each path from its source to its listener: the level at every jack in dBu, "
               "where each input clips, and how loud it plays.");
  _rig_sheet_put (self, cr, F_NOTES, INK_SOFT, intro, b->x, b->y + HEADING_H, b->w, 1,
                  PANGO_ALIGN_LEFT);
}

void
_rig_sheet_draw_levels (RigSheet *self, cairo_t *cr, const Block *b)
{
  const RigTracePath *path;
  g_autofree char *title = NULL;

  if (b->n == 0)
    {
      draw_heading (self, cr, b);
      return;
    }
  g_return_if_fail (b->first < self->levels->n_paths);
  path = self->levels->paths[b->first];
  title = rig_level_chart_path_title (path);
  _rig_sheet_put (self, cr, F_RUN_TITLE, INK, title, b->x, b->y, b->w, 1, PANGO_ALIGN_LEFT);
  _rig_sheet_hline (self, cr, b->x, b->x + b->w, b->y + CHART_TITLE_H - 1, 0.4, RULE);
  rig_level_chart_draw_path (self->level_chart, cr, path, b->x, b->y + CHART_TITLE_H, b->w,
                             b->h - CHART_TITLE_H - GAP,
                             rig_level_chart_listening_distance (self->doc, path));
}

void
_rig_sheet_levels_free (RigSheet *self)
{
  g_clear_pointer (&self->level_chart, rig_level_chart_free);
  g_clear_pointer (&self->levels_owned, rig_trace_free);
  self->levels = NULL;
}
