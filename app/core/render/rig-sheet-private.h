/* rig-sheet-private.h: what the files of the wiring sheet share.
 *
 * rig-sheet.c builds a sheet and holds its text and colours; rig-sheet-rows.c
 * computes what the tables hold; rig-sheet-tables.c measures and draws the
 * tables; rig-legend.c builds and draws the legend; rig-sheet-layout.c cuts
 * the sheet into pages of blocks; rig-sheet-draw.c draws a page's blocks.
 */
#pragma once

#include <pango/pangocairo.h>

#include "rig-layout.h"
#include "rig-level-chart.h"
#include "rig-painter.h"
#include "rig-sheet.h"
#include "rig-text-cache.h"

G_BEGIN_DECLS

/* ---- page metrics (points) --------------------------------------------- */

#define MARGIN 36.0    /* half an inch all round */
#define FOOTER_H 18.0  /* the footer line under the content */
#define TITLE_H 76.0   /* the title block on the first page */
#define RUNNING_H 24.0 /* the running header on the other pages */
#define GAP 10.0
#define SECTION_GAP 18.0 /* between two tables */
#define HEADING_H 20.0   /* a section heading */
#define TH_H 15.0        /* a table header row */
#define CELL_PAD 3.6     /* left and right of a cell's text */
#define ROW_PAD 3.2      /* above and below a row's text */
#define SCHEDULE_ROW_H 23.0
#define LEGEND_PAD 6.0
#define DIAGRAM_PAD 16.0    /* canvas units round the rig */
#define MIN_TABLE_ROOM 90.0 /* below the diagram: less starts the tables on a new page */
#define FIT_MAX_SCALE 0.75  /* points per canvas unit: never larger than the canvas at 100 % */
#define PT_PER_UNIT 0.75    /* 100 %: one canvas unit is 1/96 in */

#define INK 0x1E1E1E
#define INK_SOFT 0x5E5C64
#define INK_FAINT 0x77767B
#define RULE_DARK 0x3D3846
#define RULE 0xC0BFBC
#define RULE_LIGHT 0xDEDDDA
#define FILL_HEADER 0xEBEAE8
#define FILL_ZEBRA 0xF6F5F4

typedef enum
{
  F_TITLE,
  F_CAPS,
  F_VALUE,
  F_NOTES,
  F_RUN_TITLE,
  F_SMALL,
  F_HEADING,
  F_TH,
  F_TD,
  F_TD_BOLD,
  F_TD_SMALL,
  F_LEGEND,
  F_LEGEND_BOLD,
  N_FONTS
} Font;

typedef enum
{
  TABLE_SCHEDULE,
  TABLE_BOM,
  TABLE_PROBLEMS,
  N_TABLES
} TableId;

typedef enum
{
  BLOCK_TITLE,
  BLOCK_RUNNING,
  BLOCK_DIAGRAM,
  BLOCK_LEGEND,
  BLOCK_HEADING,
  BLOCK_TABLE_HEADER,
  BLOCK_ROWS,
  BLOCK_LEVELS, /* n 0: the level pages' heading; n 1: path @first's chart */
} BlockType;

typedef struct
{
  BlockType type;
  double x, y, w, h;
  TableId table;
  guint first, n; /* rows */
  gboolean continued;
  /* diagram: the canvas rect shown, and where its corner goes */
  RigRect view;
  double ox, oy;
  guint tile_col, tile_row;
} Block;

typedef struct
{
  GArray *blocks; /* Block */
} Page;

/* A line of the bill of materials as the table shows it: a section title, an
 * item or the totals. */
typedef enum
{
  BOM_LINE_SECTION,
  BOM_LINE_ITEM,
  BOM_LINE_TOTAL,
} BomLineKind;

typedef struct
{
  BomLineKind kind;
  RigBomSection section;
  const RigBomRow *row; /* items */
  char *text;           /* sections and totals */
} BomLine;

typedef struct
{
  const char *header;
  double fraction;
  PangoAlignment align;
} Column;

typedef struct
{
  guint n_columns;
  const Column *columns;
  guint n_rows;
  double *heights; /* NULL: every row is SCHEDULE_ROW_H */
} Table;

/* What the legend shows: only what the sheet uses. */
typedef enum
{
  LEGEND_GROUP,
  LEGEND_STATUS,
  LEGEND_WIRELESS,
  LEGEND_SPEAKER,
  LEGEND_PREFIX,
  LEGEND_CONNECTOR,
  LEGEND_GENDER,
} LegendKind;

typedef struct
{
  LegendKind kind;
  int value; /* severity, connector, gender, or prefix character */
  char *label;
  double x, y, w; /* placed inside the legend box */
} LegendItem;

struct _RigSheet
{
  RigDocument *doc;
  RigValidator *validator;
  RigLayout *layout;
  RigPainter *painter;
  RigSheetOptions options;
  char *date, *revision, *file_name; /* the options' strings */
  double page_w, page_h;

  RigTextCache *texts;

  GPtrArray *schedule; /* RigScheduleRow * */
  GPtrArray *bom;      /* RigBomRow * */
  GPtrArray *problems; /* RigProblemRow * */
  GArray *bom_lines;   /* BomLine */
  Table tables[N_TABLES];
  guint n_errors, n_warnings, n_infos;

  GArray *legend;  /* LegendItem */
  double legend_h; /* for the content width */
  double legend_map_w;

  /* Diagram */
  gboolean empty;
  RigRect view; /* the whole rig plus padding, canvas units */
  double scale; /* points per canvas unit */
  guint tile_cols, tile_rows;
  double tile_w, tile_h; /* canvas units, with the overlap */

  GPtrArray *pages; /* Page * */
  int first_page[N_TABLES];

  /* Level pages (rig-sheet-levels.c) */
  const RigTrace *levels; /* what they draw: the options' trace or levels_owned */
  RigTrace *levels_owned; /* computed from the document */
  RigLevelChart *level_chart;
};

/* rig-sheet.c */
void
_rig_sheet_set_ink (RigSheet *self, cairo_t *cr, guint32 rgb);
guint32
_rig_sheet_status_ink (RigSheet *self, RigSeverity severity);
PangoLayout *
_rig_sheet_text (RigSheet *self, Font font, const char *str, double width, int lines,
                 PangoAlignment align);
double
_rig_sheet_text_height (RigSheet *self, Font font, const char *str, double width, int lines);
double
_rig_sheet_text_width (RigSheet *self, Font font, const char *str);
double
_rig_sheet_put (RigSheet *self, cairo_t *cr, Font font, guint32 ink, const char *str, double x,
                double y, double width, int lines, PangoAlignment align);

/* rig-sheet-rows.c */
char *
_rig_sheet_format_length (double metres);
const char *
_rig_sheet_severity_label (RigSeverity severity);
GPtrArray *
_rig_sheet_schedule_rows_with (RigDocument *doc, RigValidator *validator, GPtrArray *problems);

/* rig-sheet-tables.c */
void
_rig_sheet_tables_build (RigSheet *self);
double
_rig_sheet_row_height (RigSheet *self, TableId table, guint row);
void
_rig_sheet_draw_heading (RigSheet *self, cairo_t *cr, const Block *b);
void
_rig_sheet_draw_table_header (RigSheet *self, cairo_t *cr, const Block *b);
void
_rig_sheet_draw_rows (RigSheet *self, cairo_t *cr, const Block *b);

/* rig-legend.c */
void
_rig_sheet_legend_build (RigSheet *self, double width);
void
_rig_sheet_draw_legend (RigSheet *self, cairo_t *cr, const Block *b, const Block *diagram);

/* rig-sheet-layout.c */
void
_rig_sheet_page_free (Page *page);
double
_rig_sheet_content_width (RigSheet *self);
void
_rig_sheet_paginate (RigSheet *self);
/* For the pages of other files: a new page with its header (returns where
 * content starts), a block on a page. */
double
_rig_sheet_start_page (RigSheet *self, Page **page);
Block *
_rig_sheet_add_block (Page *page, BlockType type, double x, double y, double w, double h);

/* rig-sheet-draw.c */
void
_rig_sheet_hline (RigSheet *self, cairo_t *cr, double x0, double x1, double y, double width,
                  guint32 ink);
void
_rig_sheet_draw_badge (RigSheet *self, cairo_t *cr, double cx, double cy, double r,
                       RigSeverity severity);

/* rig-sheet-levels.c */
void
_rig_sheet_levels_paginate (RigSheet *self);
void
_rig_sheet_draw_levels (RigSheet *self, cairo_t *cr, const Block *b);
void
_rig_sheet_levels_free (RigSheet *self);

G_END_DECLS
