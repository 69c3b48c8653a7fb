/* rig-sheet-layout.c: the wiring sheet's pages as lists of blocks: the
 * diagram's scale and tiles, then the tables flowed over as many pages as
 * they need. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rig-sheet-private.h"

/* ---- layout: pages and blocks ------------------------------------------ */

static Page *
page_new (void)
{
  Page *page = g_new0 (Page, 1);

  page->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  return page;
}

void
_rig_sheet_page_free (Page *page)
{
  g_array_unref (page->blocks);
  g_free (page);
}

static Block *
add_block (Page *page, BlockType type, double x, double y, double w, double h)
{
  Block block = { 0 };

  block.type = type;
  block.x = x;
  block.y = y;
  block.w = w;
  block.h = h;
  g_array_append_val (page->blocks, block);
  return &g_array_index (page->blocks, Block, page->blocks->len - 1);
}

static double
content_left (void)
{
  return MARGIN;
}

double
_rig_sheet_content_width (RigSheet *self)
{
  return self->page_w - 2 * MARGIN;
}

static double
content_bottom (RigSheet *self)
{
  return self->page_h - MARGIN - FOOTER_H;
}

/* A new page with its header; returns where content starts. */
static double
start_page (RigSheet *self, Page **page)
{
  *page = page_new ();
  g_ptr_array_add (self->pages, *page);
  if (self->pages->len == 1)
    {
      add_block (*page, BLOCK_TITLE, MARGIN, MARGIN, _rig_sheet_content_width (self), TITLE_H);
      return MARGIN + TITLE_H + GAP + 2;
    }
  add_block (*page, BLOCK_RUNNING, MARGIN, MARGIN, _rig_sheet_content_width (self), RUNNING_H - 8);
  return MARGIN + RUNNING_H;
}

/* Flows one table's rows from @y, with its heading, onto as many pages as it
 * needs, repeating the heading ("continued") and the header on each. */
static double
flow_table (RigSheet *self, TableId table, Page **page, double y)
{
  const Table *t = &self->tables[table];
  double x = content_left (), w = _rig_sheet_content_width (self), bottom = content_bottom (self);
  Block *rows = NULL;
  guint i = 0;

  while (i < t->n_rows)
    {
      double h = _rig_sheet_row_height (self, table, i);
      gboolean continued = rows != NULL;
      Block *heading;

      if (rows == NULL)
        {
          /* The heading, the header and the first rows (two, when there are)
           * stay together. */
          double first = h + (i + 1 < t->n_rows ? _rig_sheet_row_height (self, table, i + 1) : 0);

          if (y + HEADING_H + TH_H + first > bottom)
            y = start_page (self, page);
        }
      else if (y + h <= bottom)
        {
          rows->n++;
          rows->h += h;
          y += h;
          i++;
          continue;
        }
      else
        {
          /* No widow: the last row goes over with the one before it. */
          if (i + 1 == t->n_rows && rows->n > 2)
            {
              rows->n--;
              i--;
              rows->h -= _rig_sheet_row_height (self, table, i);
              h = _rig_sheet_row_height (self, table, i);
            }
          y = start_page (self, page);
        }

      if (self->first_page[table] < 0)
        self->first_page[table] = (int) self->pages->len - 1;
      heading = add_block (*page, BLOCK_HEADING, x, y, w, HEADING_H);
      heading->table = table;
      heading->continued = continued;
      y += HEADING_H;
      add_block (*page, BLOCK_TABLE_HEADER, x, y, w, TH_H)->table = table;
      y += TH_H;
      rows = add_block (*page, BLOCK_ROWS, x, y, w, h);
      rows->table = table;
      rows->first = i;
      rows->n = 1;
      y += h;
      i++;
    }
  return rows != NULL ? y + SECTION_GAP : y;
}

/* The diagram's scale and tiles. */
static void
plan_diagram (RigSheet *self, double area_w, double area_h)
{
  RigRect bounds;

  self->empty = !rig_layout_get_bounds (self->layout, &bounds);
  if (self->empty)
    {
      self->view = (RigRect){ 0, 0, 100, 100 };
      self->scale = PT_PER_UNIT;
      self->tile_cols = self->tile_rows = 1;
      return;
    }
  rig_rect_inflate (&bounds, DIAGRAM_PAD, DIAGRAM_PAD);
  self->view = bounds;

  if (self->options.scale <= 0)
    {
      self->scale = MIN (MIN (area_w / bounds.width, area_h / bounds.height), FIT_MAX_SCALE);
      self->tile_cols = self->tile_rows = 1;
      self->tile_w = bounds.width;
      self->tile_h = bounds.height;
      return;
    }

  self->scale = CLAMP (self->options.scale, RIG_SHEET_MIN_SCALE, RIG_SHEET_MAX_SCALE) * PT_PER_UNIT;
  self->tile_w = area_w / self->scale;
  self->tile_h = area_h / self->scale;
  {
    double overlap = RIG_SHEET_TILE_OVERLAP / self->scale;
    double step_w = self->tile_w - overlap, step_h = self->tile_h - overlap;

    self->tile_cols = bounds.width <= self->tile_w
                          ? 1
                          : (guint) ceil ((bounds.width - overlap) / step_w - 1e-9);
    self->tile_rows = bounds.height <= self->tile_h
                          ? 1
                          : (guint) ceil ((bounds.height - overlap) / step_h - 1e-9);
  }
}

void
_rig_sheet_paginate (RigSheet *self)
{
  Page *page = NULL;
  double x = content_left (), w = _rig_sheet_content_width (self), bottom = content_bottom (self);
  double y, area_h, legend_y;
  gboolean tiled;

  for (guint t = 0; t < N_TABLES; t++)
    self->first_page[t] = -1;

  /* The legend's height depends on the tile map, which depends on the scale:
   * plan with a first guess of the legend, then again with the real one. */
  y = MARGIN + TITLE_H + GAP + 2;
  self->legend_map_w = 0;
  _rig_sheet_legend_build (self, w);
  area_h = bottom - y - self->legend_h - 6;
  plan_diagram (self, w, area_h);
  tiled = self->tile_cols * self->tile_rows > 1;
  if (tiled)
    {
      g_array_unref (self->legend);
      self->legend_map_w = MIN (self->tile_cols * 9.0, 120) + 12;
      _rig_sheet_legend_build (self, w);
      area_h = bottom - y - self->legend_h - 6;
      plan_diagram (self, w, area_h);
    }

  for (guint r = 0; r < self->tile_rows; r++)
    for (guint c = 0; c < self->tile_cols; c++)
      {
        Block *diagram;
        double dh, oy;

        y = start_page (self, &page);
        if (tiled)
          {
            double overlap = RIG_SHEET_TILE_OVERLAP / self->scale;

            dh = area_h;
            diagram = add_block (page, BLOCK_DIAGRAM, x, y, w, dh);
            diagram->view.x = self->view.x + c * (self->tile_w - overlap);
            diagram->view.y = self->view.y + r * (self->tile_h - overlap);
            diagram->view.width = self->tile_w;
            diagram->view.height = self->tile_h;
            diagram->ox = 0;
            diagram->oy = 0;
          }
        else
          {
            double vw = self->view.width * self->scale, vh = self->view.height * self->scale;

            dh = self->empty ? 60 : MIN (area_h, vh);
            oy = self->empty ? 0 : (dh - vh) / 2;
            diagram = add_block (page, BLOCK_DIAGRAM, x, y, w, dh);
            diagram->view = self->view;
            diagram->ox = (w - vw) / 2;
            diagram->oy = oy;
          }
        diagram->tile_col = c;
        diagram->tile_row = r;
        legend_y = y + dh + 6;
        if (self->legend_h > 0)
          add_block (page, BLOCK_LEGEND, x, legend_y, w, self->legend_h);
        y = legend_y + self->legend_h + SECTION_GAP;
      }

  if (self->options.kind == RIG_SHEET_FULL)
    {
      if (tiled || y + MIN_TABLE_ROOM > bottom)
        y = start_page (self, &page);
      for (guint t = 0; t < N_TABLES; t++)
        y = flow_table (self, t, &page, y);
    }
  _rig_sheet_levels_paginate (self);
}

double
_rig_sheet_start_page (RigSheet *self, Page **page)
{
  return start_page (self, page);
}

Block *
_rig_sheet_add_block (Page *page, BlockType type, double x, double y, double w, double h)
{
  return add_block (page, type, x, y, w, h);
}
