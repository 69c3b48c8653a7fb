/* rig-sheet.h: a rig's wiring sheet, paginated and drawn onto any cairo_t.
 *
 * A wiring sheet is what people print to build a rig: a title block, the
 * diagram (drawn by the painter, so it looks like the canvas), a legend of the
 * statuses, cable numbers and connector glyphs the sheet uses, then the cable
 * schedule, the bill of materials and the problems with their fixes, continued
 * across pages with their table headers repeated. PNG, SVG and PDF export
 * (rig-export.h), printing and the export dialog's preview all draw these
 * pages, so they look the same everywhere.
 *
 * Page coordinates are PostScript points (1/72 in), origin at the top-left
 * corner of the page: the caller scales @cr to its device (dpi / 72 for an
 * image, 1 for PDF and SVG, the print context's scale for a printer). Text is
 * laid out with pangocairo, so it stays text in PDF (selectable, searchable).
 *
 * Page order: the first page holds the title block, the diagram and its
 * legend, and (full sheet) as much of the schedule as fits below them. With a
 * fixed scale the diagram is cut into tiles, one per page, each overlapping
 * its neighbours by RIG_SHEET_TILE_OVERLAP with marks to line them up; the
 * tables then start on the page after the last tile.
 *
 * A RigSheet is a snapshot: it reads the document and the validator when it is
 * built and keeps the rows it computed; build a new one after the rig changes.
 *
 * GTK-free: cairo, pango and pangocairo only.
 */
#pragma once

#include <cairo.h>

#include "rig-document.h"
#include "rig-validator.h"

G_BEGIN_DECLS

typedef enum
{
  RIG_SHEET_FULL,         /* title block, diagram, legend, schedule, BOM, problems */
  RIG_SHEET_DIAGRAM_ONLY, /* title block, diagram, legend */
  RIG_N_SHEET_KINDS
} RigSheetKind;

typedef enum
{
  RIG_PAGE_A4,
  RIG_PAGE_LETTER,
  RIG_PAGE_A3,
  RIG_N_PAGE_SIZES
} RigPageSize;

/* "a4", "letter", "a3"; -1 for an unknown nick. */
const char *
rig_page_size_to_nick (RigPageSize size);
int
rig_page_size_from_nick (const char *nick);
const char *
rig_page_size_to_label (RigPageSize size); /* "A4", "US Letter", "A3" */
/* The page's size in points, portrait or landscape. */
void
rig_page_size_get (RigPageSize size, gboolean landscape, double *width, double *height);

#define RIG_SHEET_SCALE_FIT 0.0     /* scale the diagram to fit its page */
#define RIG_SHEET_DEFAULT_DPI 150.0 /* PNG resolution */
#define RIG_SHEET_MIN_DPI 30.0
#define RIG_SHEET_MAX_DPI 600.0
#define RIG_SHEET_MIN_SCALE 0.05     /* fixed scales: 5 % ... */
#define RIG_SHEET_MAX_SCALE 4.0      /* ... 400 % */
#define RIG_SHEET_TILE_OVERLAP 28.35 /* points (10 mm) shared by neighbouring tiles */

typedef struct
{
  RigSheetKind kind;
  RigPageSize page_size;
  gboolean landscape;
  /* When both are > 0 (points), the page has this size and @page_size and
   * @landscape are ignored: a printer's paper. */
  double page_width, page_height;
  /* RIG_SHEET_SCALE_FIT, or a fixed scale where 1.0 draws the diagram as the
   * canvas shows it at 100 % (one canvas unit = 1/96 in), tiled over as many
   * pages as it needs. Clamped to RIG_SHEET_MIN_SCALE..RIG_SHEET_MAX_SCALE. */
  double scale;
  /* Black, white and greys only: statuses read from dash patterns and badge
   * shapes. For black-and-white printers and photocopies. */
  gboolean greyscale;
  double dpi; /* PNG export only; 0: RIG_SHEET_DEFAULT_DPI */
  /* Title block fields (copied by rig_sheet_new()); NULL picks the default. */
  const char *date;      /* NULL: today, or $SOURCE_DATE_EPOCH's day when set */
  const char *revision;  /* NULL or "": "—" */
  const char *file_name; /* NULL: the document's file's name, or "Unsaved rig" */
} RigSheetOptions;

/* The defaults: full sheet, A4 portrait, scale to fit, colour, 150 dpi. */
void
rig_sheet_options_init (RigSheetOptions *options);

typedef struct _RigSheet RigSheet;

/* Lays out the sheet of @doc. @validator gives statuses and problems; NULL
 * checks @doc with a validator of its own. @options NULL: the defaults. */
RigSheet *
rig_sheet_new (RigDocument *doc, RigValidator *validator, const RigSheetOptions *options);
void
rig_sheet_free (RigSheet *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RigSheet, rig_sheet_free)

RigDocument *
rig_sheet_get_document (RigSheet *self);
RigValidator *
rig_sheet_get_validator (RigSheet *self);

guint
rig_sheet_get_n_pages (RigSheet *self);
/* The page size in points (every page has the same). */
void
rig_sheet_get_page_size (RigSheet *self, double *width, double *height);
/* The options the sheet was laid out with (strings owned by the sheet). */
const RigSheetOptions *
rig_sheet_get_options (RigSheet *self);
/* How many pages the diagram takes (1, or the number of tiles), and the tile
 * grid (1 x 1 when scaled to fit). */
guint
rig_sheet_get_n_diagram_pages (RigSheet *self, guint *columns, guint *rows);
/* The scale the diagram is drawn at, in points per canvas unit (0.75 = 100 %). */
double
rig_sheet_get_diagram_scale (RigSheet *self);
/* The first page (0-based) holding rows of each table, or -1 when the sheet
 * has none: "schedule", "bom", "problems". */
int
rig_sheet_get_table_first_page (RigSheet *self, const char *table);

/* Where canvas point (@x, @y) is drawn on page @page_index, in points; FALSE
 * when that page's diagram (or tile) does not show it. */
gboolean
rig_sheet_canvas_to_page (RigSheet *self, guint page_index, double x, double y, double *page_x,
                          double *page_y);

/* Draws page @page_index (0-based) in page coordinates (points) onto @cr,
 * white paper first. Leaves @cr's state as it found it. */
void
rig_sheet_draw_page (RigSheet *self, cairo_t *cr, guint page_index);

/* ---- what the tables hold ------------------------------------------------
 * Computed by the sheet, and callable on their own (tests, other outputs).
 * Every string is a plain, translated UTF-8 sentence fragment. */

/* One line of the cable schedule: one cable (or direct plug-in, or wireless
 * link) of the rig. */
typedef struct
{
  const RigCable *cable; /* borrowed from the document */
  char *number;          /* "A-003"; "—" when the cable has no number */
  char *from_device;     /* the device's label */
  char *from_jack;       /* the jack's name */
  char *to_device;
  char *to_jack;
  char *cable_type;   /* "3.5 mm TRS to 2 × RCA", "Speaker wire", "Plugged in directly" */
  char *cable_detail; /* "3 conductors", "2 conductors, socket at the far end", "" */
  char *length;       /* "3 m", or "—" */
  char *gauge;        /* "16 AWG", or "—" */
  char *adapters;     /* "6.35 to 3.5 mm adapter (at Phone)", or "—" */
  RigSeverity status;
  char *status_label; /* "OK", "Error", "Warning", "Info" */
  char *problems;     /* the problem numbers that concern it: "1, 4", or "" */
} RigScheduleRow;

/* The schedule in cable number order (A-, D-, P-, S-, then by number as people
 * count, cables with no number last): a new array of RigScheduleRow * that
 * frees its rows. @validator may be NULL (every status OK). */
GPtrArray *
rig_sheet_schedule_rows (RigDocument *doc, RigValidator *validator);

typedef enum
{
  RIG_BOM_DEVICES,
  RIG_BOM_CABLES,
  RIG_BOM_ADAPTERS,
  RIG_N_BOM_SECTIONS
} RigBomSection;

/* One line of the bill of materials. */
typedef struct
{
  RigBomSection section;
  char *item;   /* "Bookshelf speaker", "Speaker wire, 16 AWG, 2 conductors" */
  char *detail; /* devices: the category; cables: "3 × 3 m, 2 × 6 m"; adapters: "" */
  guint count;
  double total_length_m; /* cables: the sum of the stated lengths; else 0 */
  guint unmeasured;      /* cables whose length is not stated */
  char *count_text;      /* "2" */
  char *length_text;     /* "21 m", "21 m + 2 unmeasured", "—", or "" (not a cable) */
} RigBomRow;

/* The bill of materials: devices by model, cables to buy grouped by type
 * (the same cable whichever way round it is wired), adapters by model; each
 * section sorted by item. Direct plug-ins and wireless links buy nothing but
 * their adapters. A new array of RigBomRow * that frees its rows. */
GPtrArray *
rig_sheet_bom_rows (RigDocument *doc);

/* The line the sheet prints for a BOM row: "Bookshelf speaker — 2",
 * "Speaker wire, 16 AWG, 2 conductors — 5 — 21 m". */
char *
rig_bom_row_to_string (const RigBomRow *row);

/* One problem: a diagnostic, numbered as the sheet numbers it. */
typedef struct
{
  guint number; /* 1, 2, ... in the validator's order (errors first) */
  RigDiagnostic *diagnostic;
} RigProblemRow;

/* The problems, in the validator's order: a new array of RigProblemRow * that
 * frees its rows. @validator NULL: none. */
GPtrArray *
rig_sheet_problem_rows (RigValidator *validator);

G_END_DECLS
