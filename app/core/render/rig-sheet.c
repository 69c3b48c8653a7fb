/* rig-sheet.c: a rig's wiring sheet, paginated and drawn onto any cairo_t.
 *
 * Building a sheet computes its rows (schedule, bill of materials, problems),
 * then lays every page out as a list of blocks (title block, running header,
 * diagram or diagram tile, legend, section heading, a run of table rows).
 * Drawing a page draws its blocks; nothing is measured twice.
 *
 * Speed: schedule rows have a fixed height (two lines, each ellipsized to its
 * column), so paginating thousands of cables is arithmetic; only the few
 * tables whose rows wrap freely (problems, bill of materials) are measured.
 * Text is laid out once per (font, width, lines, string) with a PangoContext
 * that does no hinting, so one layout is right on every surface and at every
 * resolution, and kept in a cache: device and jack names repeat on every
 * cable row, so most rows only draw glyphs.
 *
 * The diagram is the painter's: the canvas look, statuses, dashes and badges.
 * The legend draws small samples of the same marks: the connector glyphs
 * through rig_painter_glyph_path(); the status badges on its own, since paper
 * draws them hollow in greyscale.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rig-layout.h"
#include "rig-marks.h"
#include "rig-nick.h"
#include "rig-painter.h"
#include "rig-sheet.h"
#include "rig-text-cache.h"

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
#define TEXT_CACHE_MAX 50000

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
};

static const Column schedule_columns[] = {
  { N_ ("No."), 0.075, PANGO_ALIGN_LEFT },      { N_ ("From"), 0.175, PANGO_ALIGN_LEFT },
  { N_ ("To"), 0.175, PANGO_ALIGN_LEFT },       { N_ ("Cable"), 0.2, PANGO_ALIGN_LEFT },
  { N_ ("Length"), 0.065, PANGO_ALIGN_RIGHT },  { N_ ("Gauge"), 0.07, PANGO_ALIGN_RIGHT },
  { N_ ("Adapters"), 0.135, PANGO_ALIGN_LEFT }, { N_ ("Status"), 0.105, PANGO_ALIGN_LEFT },
};

static const Column bom_columns[] = {
  { N_ ("Item"), 0.45, PANGO_ALIGN_LEFT },
  { N_ ("Details"), 0.31, PANGO_ALIGN_LEFT },
  { N_ ("Count"), 0.09, PANGO_ALIGN_RIGHT },
  { N_ ("Total length"), 0.15, PANGO_ALIGN_RIGHT },
};

static const Column problem_columns[] = {
  { N_ ("No."), 0.05, PANGO_ALIGN_LEFT },
  { N_ ("Severity"), 0.1, PANGO_ALIGN_LEFT },
  { N_ ("Problem and fix"), 0.64, PANGO_ALIGN_LEFT },
  { N_ ("Rule"), 0.21, PANGO_ALIGN_LEFT },
};

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

static void
set_ink (RigSheet *self, cairo_t *cr, guint32 rgb)
{
  rig_marks_set_rgb (cr, self->options.greyscale ? rig_marks_grey (rgb) : rgb);
}

/* The colour of a status's text: the painter's, but warning orange, which is
 * for marks, darkened so that small text on white stays legible. */
static guint32
status_ink (RigSheet *self, RigSeverity severity)
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
    [F_VALUE] = { FALSE, 7.8, PANGO_WEIGHT_NORMAL, RIG_TEXT_FONT_PLAIN },
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
static PangoLayout *
text (RigSheet *self, Font font, const char *str, double width, int lines, PangoAlignment align)
{
  return rig_text_cache_layout (self->texts, font, str, width, lines, align);
}

static double
text_height (RigSheet *self, Font font, const char *str, double width, int lines)
{
  double h;

  rig_text_size (text (self, font, str, width, lines, PANGO_ALIGN_LEFT), NULL, &h);
  return h;
}

static double
text_width (RigSheet *self, Font font, const char *str)
{
  double w;

  rig_text_size (text (self, font, str, -1, 1, PANGO_ALIGN_LEFT), &w, NULL);
  return w;
}

/* Draws text with its top-left corner at (x, y) (the box's, for aligned
 * text); returns its height. */
static double
put (RigSheet *self, cairo_t *cr, Font font, guint32 ink, const char *str, double x, double y,
     double width, int lines, PangoAlignment align)
{
  PangoLayout *layout;
  double h;

  if (str == NULL || *str == '\0')
    return 0;
  layout = text (self, font, str, width, lines, align);
  rig_text_size (layout, NULL, &h);
  set_ink (self, cr, ink);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return h;
}

/* ---- rows: the cable schedule ------------------------------------------ */

static const char *
device_label (const RigDevice *device)
{
  if (device == NULL)
    return "?";
  if (device->label != NULL && *device->label != '\0')
    return device->label;
  return device->model->name;
}

static char *
format_length (double metres)
{
  /* Translators: a length in metres. */
  return g_strdup_printf (_ ("%g m"), round (metres * 100) / 100);
}

/* "3.5 mm TRS", "2 × RCA", "XLR", with " socket" for an extension end. */
static char *
describe_end (const RigCableEnd *end)
{
  g_autofree char *base = NULL;

  if (end->connector == RIG_CONNECTOR_PHONE)
    base = g_strdup_printf ("%s %s", rig_phone_size_to_label (end->size),
                            rig_poles_to_label (end->poles));
  else if (end->plugs == 2)
    /* Translators: a pair of plugs, like "2 × RCA". */
    base = g_strdup_printf (_ ("2 × %s"), rig_connector_to_label (end->connector));
  else
    base = g_strdup (rig_connector_to_label (end->connector));
  if (end->gender == RIG_GENDER_SOCKET)
    /* Translators: a cable end that is a socket (an extension cable). */
    return g_strdup_printf (_ ("%s socket"), base);
  return g_steal_pointer (&base);
}

static gboolean
is_speaker_wire (const RigCableSpec *spec)
{
  return spec->ends[0].connector == RIG_CONNECTOR_SPEAKER_TERMINAL
         && spec->ends[1].connector == RIG_CONNECTOR_SPEAKER_TERMINAL;
}

/* The cable's type: "3.5 mm TRS to 2 × RCA", "XLR cable", "Speaker wire",
 * "Plugged in directly". @canonical puts the two ends in a fixed order, so a
 * cable reads the same whichever way round it is wired (for the BOM). */
static char *
cable_type (const RigCableSpec *spec, gboolean canonical)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  switch (spec->kind)
    {
      case RIG_CABLE_KIND_DIRECT:
        return g_strdup (_ ("Plugged in directly"));
      case RIG_CABLE_KIND_WIRELESS:
        return g_strdup (_ ("Bluetooth link"));
      case RIG_CABLE_KIND_CABLE:
      case RIG_N_CABLE_KINDS:
      default:
        break;
    }
  if (is_speaker_wire (spec))
    return g_strdup (_ ("Speaker wire"));
  a = describe_end (&spec->ends[0]);
  b = describe_end (&spec->ends[1]);
  if (strcmp (a, b) == 0)
    /* Translators: a cable with the same connector at both ends: "XLR cable". */
    return g_strdup_printf (_ ("%s cable"), a);
  if (canonical && g_utf8_collate (a, b) > 0)
    return g_strdup_printf (_ ("%s to %s"), b, a);
  return g_strdup_printf (_ ("%s to %s"), a, b);
}

static char *
conductors_text (guint conductors)
{
  if (conductors == 0)
    return g_strdup ("");
  return g_strdup_printf (ngettext ("%u conductor", "%u conductors", conductors), conductors);
}

static void
schedule_row_free (RigScheduleRow *row)
{
  g_free (row->number);
  g_free (row->from_device);
  g_free (row->from_jack);
  g_free (row->to_device);
  g_free (row->to_jack);
  g_free (row->cable_type);
  g_free (row->cable_detail);
  g_free (row->length);
  g_free (row->gauge);
  g_free (row->adapters);
  g_free (row->status_label);
  g_free (row->problems);
  g_free (row);
}

static const char *
severity_label (RigSeverity severity)
{
  return severity == RIG_SEVERITY_NONE ? _ ("OK") : rig_severity_to_label (severity);
}

static int
compare_schedule_rows (gconstpointer a, gconstpointer b)
{
  const RigScheduleRow *x = *(RigScheduleRow *const *) a;
  const RigScheduleRow *y = *(RigScheduleRow *const *) b;
  const char *nx = x->cable->number, *ny = y->cable->number;
  gboolean hx = nx != NULL && *nx != '\0', hy = ny != NULL && *ny != '\0';

  if (hx != hy)
    return hx ? -1 : 1;
  if (hx)
    {
      int cmp = rig_id_compare (nx, ny);
      if (cmp != 0)
        return cmp;
    }
  return rig_id_compare (x->cable->id, y->cable->id);
}

/* cable id -> "1, 4": the numbers of the problems that concern each cable. */
static GHashTable *
problem_refs (GPtrArray *problems)
{
  GHashTable *refs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      RigProblemRow *p = g_ptr_array_index (problems, i);

      for (guint j = 0; p->diagnostic->cables[j] != NULL; j++)
        {
          GString *s = g_hash_table_lookup (refs, p->diagnostic->cables[j]);

          if (s == NULL)
            {
              s = g_string_new (NULL);
              g_hash_table_insert (refs, p->diagnostic->cables[j], s);
            }
          if (s->len > 0)
            g_string_append (s, ", ");
          g_string_append_printf (s, "%u", p->number);
        }
    }
  return refs;
}

static void
free_refs (GHashTable *refs)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, refs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_string_free (value, TRUE);
  g_hash_table_unref (refs);
}

static GPtrArray *
schedule_rows_with (RigDocument *doc, RigValidator *validator, GPtrArray *problems)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) schedule_row_free);
  GHashTable *refs = problem_refs (problems);
  guint n = rig_document_get_n_cables (doc);

  g_ptr_array_set_size (rows, 0);
  for (guint i = 0; i < n; i++)
    {
      const RigCable *cable = rig_document_get_cable (doc, i);
      const RigCableSpec *spec = &cable->spec;
      RigScheduleRow *row = g_new0 (RigScheduleRow, 1);
      const RigDevice *from = rig_document_cable_device (doc, cable, RIG_END_FROM);
      const RigDevice *to = rig_document_cable_device (doc, cable, RIG_END_TO);
      const RigJack *from_jack = rig_document_cable_jack (doc, cable, RIG_END_FROM);
      const RigJack *to_jack = rig_document_cable_jack (doc, cable, RIG_END_TO);
      GString *adapters = g_string_new (NULL);
      GString *detail = g_string_new (NULL);
      GString *refs_text = g_hash_table_lookup (refs, cable->id);

      row->cable = cable;
      row->number
          = g_strdup (cable->number != NULL && *cable->number != '\0' ? cable->number : "—");
      row->from_device = g_strdup (device_label (from));
      row->from_jack = g_strdup (from_jack != NULL ? from_jack->name : cable->jack[RIG_END_FROM]);
      row->to_device = g_strdup (device_label (to));
      row->to_jack = g_strdup (to_jack != NULL ? to_jack->name : cable->jack[RIG_END_TO]);
      row->cable_type = cable_type (spec, FALSE);
      if (spec->kind == RIG_CABLE_KIND_CABLE)
        {
          g_autofree char *conductors = conductors_text (spec->conductors);

          g_string_append (detail, conductors);
          if (spec->ends[0].gender == RIG_GENDER_SOCKET
              || spec->ends[1].gender == RIG_GENDER_SOCKET)
            {
              if (detail->len > 0)
                g_string_append (detail, ", ");
              g_string_append (detail, _ ("extension"));
            }
        }
      row->cable_detail = g_string_free (detail, FALSE);
      row->length
          = rig_figure_is_set (spec->length_m) ? format_length (spec->length_m) : g_strdup ("—");
      row->gauge = rig_figure_is_set (spec->gauge_awg)
                       /* Translators: a wire gauge, "16 AWG". */
                       ? g_strdup_printf (_ ("%g AWG"), spec->gauge_awg)
                       : g_strdup ("—");
      for (guint a = 0; a < spec->n_adapters; a++)
        {
          const RigAdapter *adapter = &spec->adapters[a];

          if (adapters->len > 0)
            g_string_append (adapters, ", ");
          /* Translators: an adapter and the device at whose end it goes. */
          g_string_append_printf (adapters, _ ("%s (at %s)"), adapter->model->name,
                                  device_label (adapter->end == RIG_END_FROM ? from : to));
        }
      row->adapters = adapters->len > 0 ? g_string_free (adapters, FALSE)
                                        : (g_string_free (adapters, TRUE), g_strdup ("—"));
      row->status = validator != NULL ? rig_validator_get_cable_status (validator, cable->id)
                                      : RIG_SEVERITY_NONE;
      row->status_label = g_strdup (severity_label (row->status));
      row->problems = g_strdup (refs_text != NULL ? refs_text->str : "");
      g_ptr_array_add (rows, row);
    }
  g_ptr_array_sort (rows, compare_schedule_rows);
  free_refs (refs);
  return rows;
}

GPtrArray *
rig_sheet_schedule_rows (RigDocument *doc, RigValidator *validator)
{
  g_autoptr (GPtrArray) problems = NULL;

  g_return_val_if_fail (RIG_IS_DOCUMENT (doc), NULL);
  problems = rig_sheet_problem_rows (validator);
  return schedule_rows_with (doc, validator, problems);
}

/* ---- rows: problems ---------------------------------------------------- */

static void
problem_row_free (RigProblemRow *row)
{
  rig_diagnostic_unref (row->diagnostic);
  g_free (row);
}

GPtrArray *
rig_sheet_problem_rows (RigValidator *validator)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_row_free);
  g_autoptr (GPtrArray) diagnostics = NULL;

  if (validator == NULL)
    return rows;
  diagnostics = rig_validator_get_diagnostics (validator);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      RigProblemRow *row = g_new0 (RigProblemRow, 1);

      row->number = i + 1;
      row->diagnostic = rig_diagnostic_ref (g_ptr_array_index (diagnostics, i));
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/* ---- rows: bill of materials ------------------------------------------- */

static void
bom_row_free (RigBomRow *row)
{
  g_free (row->item);
  g_free (row->detail);
  g_free (row->count_text);
  g_free (row->length_text);
  g_free (row);
}

typedef struct
{
  RigBomRow *row;
  GArray *lengths; /* double, cables only */
} BomEntry;

static BomEntry *
bom_entry (GHashTable *entries, RigBomSection section, const char *item, const char *detail)
{
  g_autofree char *key = g_strdup_printf ("%d|%s", section, item);
  BomEntry *entry = g_hash_table_lookup (entries, key);

  if (entry == NULL)
    {
      entry = g_new0 (BomEntry, 1);
      entry->row = g_new0 (RigBomRow, 1);
      entry->row->section = section;
      entry->row->item = g_strdup (item);
      entry->row->detail = g_strdup (detail != NULL ? detail : "");
      if (section == RIG_BOM_CABLES)
        entry->lengths = g_array_new (FALSE, FALSE, sizeof (double));
      g_hash_table_insert (entries, g_steal_pointer (&key), entry);
    }
  entry->row->count++;
  return entry;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* "3 × 3 m, 2 × 6 m" from the stated lengths. */
static char *
lengths_breakdown (GArray *lengths, guint unmeasured)
{
  GString *s = g_string_new (NULL);
  guint groups = 0;

  g_array_sort (lengths, compare_doubles);
  for (guint i = 0; i < lengths->len;)
    {
      double l = g_array_index (lengths, double, i);
      g_autofree char *text = format_length (l);
      guint j = i;

      while (j < lengths->len && fabs (g_array_index (lengths, double, j) - l) < 1e-9)
        j++;
      if (groups == 6)
        {
          g_string_append (s, ", …");
          break;
        }
      if (s->len > 0)
        g_string_append (s, ", ");
      /* Translators: how many cables of one length: "3 × 2 m". */
      g_string_append_printf (s, _ ("%u × %s"), j - i, text);
      groups++;
      i = j;
    }
  if (unmeasured > 0)
    {
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append_printf (
          s, ngettext ("%u of unstated length", "%u of unstated length", unmeasured), unmeasured);
    }
  return g_string_free (s, FALSE);
}

static int
compare_bom_rows (gconstpointer a, gconstpointer b)
{
  const RigBomRow *x = *(RigBomRow *const *) a;
  const RigBomRow *y = *(RigBomRow *const *) b;

  if (x->section != y->section)
    return (int) x->section - (int) y->section;
  return g_utf8_collate (x->item, y->item);
}

static void
bom_entry_free (BomEntry *entry)
{
  if (entry->row != NULL)
    bom_row_free (entry->row);
  if (entry->lengths != NULL)
    g_array_unref (entry->lengths);
  g_free (entry);
}

GPtrArray *
rig_sheet_bom_rows (RigDocument *doc)
{
  g_autoptr (GHashTable) entries = NULL;
  GPtrArray *rows;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (RIG_IS_DOCUMENT (doc), NULL);

  entries
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) bom_entry_free);
  for (guint i = 0; i < rig_document_get_n_devices (doc); i++)
    {
      const RigDevice *device = rig_document_get_device (doc, i);

      bom_entry (entries, RIG_BOM_DEVICES, device->model->name,
                 rig_category_to_label (device->model->category));
    }
  for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
    {
      const RigCable *cable = rig_document_get_cable (doc, i);
      const RigCableSpec *spec = &cable->spec;

      if (spec->kind == RIG_CABLE_KIND_CABLE)
        {
          g_autofree char *type = cable_type (spec, TRUE);
          GString *item = g_string_new (type);
          BomEntry *entry;

          if (rig_figure_is_set (spec->gauge_awg))
            g_string_append_printf (item, _ (", %g AWG"), spec->gauge_awg);
          if (spec->conductors > 0 && !(is_speaker_wire (spec) && spec->conductors == 2))
            {
              g_autofree char *conductors = conductors_text (spec->conductors);
              g_string_append_printf (item, ", %s", conductors);
            }
          entry = bom_entry (entries, RIG_BOM_CABLES, item->str, NULL);
          g_string_free (item, TRUE);
          if (rig_figure_is_set (spec->length_m))
            {
              g_array_append_val (entry->lengths, spec->length_m);
              entry->row->total_length_m += spec->length_m;
            }
          else
            entry->row->unmeasured++;
        }
      for (guint a = 0; a < spec->n_adapters; a++)
        bom_entry (entries, RIG_BOM_ADAPTERS, spec->adapters[a].model->name, NULL);
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bom_row_free);
  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      BomEntry *entry = value;
      RigBomRow *row = g_steal_pointer (&entry->row);

      row->count_text = g_strdup_printf ("%u", row->count);
      if (row->section == RIG_BOM_CABLES)
        {
          g_free (row->detail);
          row->detail = lengths_breakdown (entry->lengths, row->unmeasured);
          if (entry->lengths->len == 0)
            row->length_text = g_strdup ("—");
          else
            {
              g_autofree char *total = format_length (row->total_length_m);

              if (row->unmeasured > 0)
                /* Translators: a total length and how many cables it leaves out. */
                row->length_text
                    = g_strdup_printf (_ ("%s + %u unmeasured"), total, row->unmeasured);
              else
                row->length_text = g_steal_pointer (&total);
            }
        }
      else
        row->length_text = g_strdup ("");
      g_ptr_array_add (rows, row);
    }
  g_ptr_array_sort (rows, compare_bom_rows);
  return rows;
}

char *
rig_bom_row_to_string (const RigBomRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);
  if (row->section == RIG_BOM_CABLES)
    return g_strdup_printf ("%s — %s — %s", row->item, row->count_text, row->length_text);
  return g_strdup_printf ("%s — %s", row->item, row->count_text);
}

/* ---- the legend -------------------------------------------------------- */

static void
legend_add (RigSheet *self, LegendKind kind, int value, const char *label)
{
  LegendItem item = { kind, value, g_strdup (label), 0, 0, 0 };

  g_array_append_val (self->legend, item);
}

static void
legend_item_clear (LegendItem *item)
{
  g_free (item->label);
}

#define SAMPLE_W 22.0
#define LEGEND_ROW_H 12.0

static double
legend_item_width (RigSheet *self, const LegendItem *item)
{
  double tw = text_width (self, item->kind == LEGEND_GROUP ? F_LEGEND_BOLD : F_LEGEND, item->label);

  switch (item->kind)
    {
      case LEGEND_GROUP:
        return tw + 5;
      case LEGEND_CONNECTOR:
      case LEGEND_GENDER:
        return 12 + 3 + tw;
      case LEGEND_PREFIX:
        return 16 + 3 + tw;
      case LEGEND_STATUS:
      case LEGEND_WIRELESS:
      case LEGEND_SPEAKER:
      default:
        return SAMPLE_W + 4 + tw;
    }
}

/* Collects what the sheet uses, then flows it into rows of @width. */
static void
legend_build (RigSheet *self, double width)
{
  gboolean status[RIG_N_SEVERITIES] = { FALSE };
  gboolean connectors[RIG_N_CONNECTORS] = { FALSE };
  gboolean genders[RIG_N_GENDERS] = { FALSE };
  gboolean wireless = FALSE, speaker = FALSE;
  gboolean prefix_a = FALSE, prefix_s = FALSE, prefix_d = FALSE, prefix_p = FALSE;
  double x = 0, y = 0;
  guint n_rows = 1;

  self->legend = g_array_new (FALSE, FALSE, sizeof (LegendItem));
  g_array_set_clear_func (self->legend, (GDestroyNotify) legend_item_clear);
  if (self->empty)
    {
      self->legend_h = 0;
      return;
    }

  status[RIG_SEVERITY_NONE] = TRUE;
  for (guint i = 0; i < rig_document_get_n_cables (self->doc); i++)
    {
      const RigCable *cable = rig_document_get_cable (self->doc, i);
      const RigJack *jack = rig_document_cable_jack (self->doc, cable, RIG_END_FROM);

      status[rig_validator_get_cable_status (self->validator, cable->id)] = TRUE;
      wireless |= cable->spec.kind == RIG_CABLE_KIND_WIRELESS;
      speaker |= jack != NULL && jack->signal == RIG_SIGNAL_SPEAKER;
      if (cable->number != NULL && cable->number[0] != '\0' && cable->number[1] == '-')
        switch (cable->number[0])
          {
            case 'A':
              prefix_a = TRUE;
              break;
            case 'S':
              prefix_s = TRUE;
              break;
            case 'D':
              prefix_d = TRUE;
              break;
            case 'P':
              prefix_p = TRUE;
              break;
            default:
              break;
          }
    }
  for (guint i = 0; i < rig_document_get_n_devices (self->doc); i++)
    {
      const RigDevice *device = rig_document_get_device (self->doc, i);

      status[rig_validator_get_device_status (self->validator, device->id)] = TRUE;
      for (guint j = 0; j < device->model->n_jacks; j++)
        {
          const RigJack *jack = &device->model->jacks[j];

          if ((guint) jack->connector < RIG_N_CONNECTORS)
            connectors[jack->connector] = TRUE;
          if ((guint) jack->gender < RIG_N_GENDERS)
            genders[jack->gender] = TRUE;
        }
    }

  legend_add (self, LEGEND_GROUP, 0, _ ("Status"));
  legend_add (self, LEGEND_STATUS, RIG_SEVERITY_NONE, _ ("No problem"));
  if (status[RIG_SEVERITY_ERROR])
    legend_add (self, LEGEND_STATUS, RIG_SEVERITY_ERROR, _ ("Error: no sound or damage"));
  if (status[RIG_SEVERITY_WARNING])
    legend_add (self, LEGEND_STATUS, RIG_SEVERITY_WARNING, _ ("Warning: works, badly"));
  if (status[RIG_SEVERITY_INFO])
    legend_add (self, LEGEND_STATUS, RIG_SEVERITY_INFO, _ ("Note"));
  if (speaker || wireless)
    legend_add (self, LEGEND_GROUP, 0, _ ("Lines"));
  if (speaker)
    legend_add (self, LEGEND_SPEAKER, 0, _ ("Speaker cable (heavier)"));
  if (wireless)
    legend_add (self, LEGEND_WIRELESS, 0, _ ("Bluetooth link (hollow)"));
  if (prefix_a || prefix_s || prefix_d || prefix_p)
    legend_add (self, LEGEND_GROUP, 0, _ ("Cable numbers"));
  if (prefix_a)
    legend_add (self, LEGEND_PREFIX, 'A', _ ("analog audio"));
  if (prefix_s)
    legend_add (self, LEGEND_PREFIX, 'S', _ ("speaker"));
  if (prefix_d)
    legend_add (self, LEGEND_PREFIX, 'D', _ ("digital"));
  if (prefix_p)
    legend_add (self, LEGEND_PREFIX, 'P', _ ("power"));
  legend_add (self, LEGEND_GROUP, 0, _ ("Connectors"));
  for (guint c = 0; c < RIG_N_CONNECTORS; c++)
    if (connectors[c])
      legend_add (self, LEGEND_CONNECTOR, (int) c, rig_connector_to_label (c));
  if (genders[RIG_GENDER_SOCKET])
    legend_add (self, LEGEND_GENDER, RIG_GENDER_SOCKET, _ ("hollow: socket"));
  if (genders[RIG_GENDER_PLUG])
    legend_add (self, LEGEND_GENDER, RIG_GENDER_PLUG, _ ("filled: captive plug"));

  /* Flow: a group title never ends a row. */
  width -= self->legend_map_w;
  for (guint i = 0; i < self->legend->len; i++)
    {
      LegendItem *item = &g_array_index (self->legend, LegendItem, i);
      double w = legend_item_width (self, item);
      double need = w;
      double gap = item->kind == LEGEND_GROUP && i > 0 ? 16 : (i > 0 ? 9 : 0);

      if (item->kind == LEGEND_GROUP && i + 1 < self->legend->len)
        need += legend_item_width (self, &g_array_index (self->legend, LegendItem, i + 1));
      if (x > 0 && x + gap + need > width - 2 * LEGEND_PAD)
        {
          x = 0;
          y += LEGEND_ROW_H;
          n_rows++;
          gap = 0;
        }
      item->x = x + gap;
      item->y = y;
      item->w = w;
      x += gap + w;
    }
  self->legend_h = 2 * LEGEND_PAD + 7 + n_rows * LEGEND_ROW_H;
  if (self->legend_map_w > 0)
    self->legend_h = MAX (self->legend_h, 2 * LEGEND_PAD + 7 + self->tile_rows * 6.0 + 2);
}

/* ---- layout: pages and blocks ------------------------------------------ */

static Page *
page_new (void)
{
  Page *page = g_new0 (Page, 1);

  page->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  return page;
}

static void
page_free (Page *page)
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

static double
content_width (RigSheet *self)
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
      add_block (*page, BLOCK_TITLE, MARGIN, MARGIN, content_width (self), TITLE_H);
      return MARGIN + TITLE_H + GAP + 2;
    }
  add_block (*page, BLOCK_RUNNING, MARGIN, MARGIN, content_width (self), RUNNING_H - 8);
  return MARGIN + RUNNING_H;
}

static double
row_height (RigSheet *self, TableId table, guint row)
{
  const Table *t = &self->tables[table];

  return t->heights != NULL ? t->heights[row] : SCHEDULE_ROW_H;
}

/* Flows one table's rows from @y, with its heading, onto as many pages as it
 * needs, repeating the heading ("continued") and the header on each. */
static double
flow_table (RigSheet *self, TableId table, Page **page, double y)
{
  const Table *t = &self->tables[table];
  double x = content_left (), w = content_width (self), bottom = content_bottom (self);
  Block *rows = NULL;
  guint i = 0;

  while (i < t->n_rows)
    {
      double h = row_height (self, table, i);
      gboolean continued = rows != NULL;
      Block *heading;

      if (rows == NULL)
        {
          /* The heading, the header and the first rows (two, when there are)
           * stay together. */
          double first = h + (i + 1 < t->n_rows ? row_height (self, table, i + 1) : 0);

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
              rows->h -= row_height (self, table, i);
              h = row_height (self, table, i);
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

static void
paginate (RigSheet *self)
{
  Page *page = NULL;
  double x = content_left (), w = content_width (self), bottom = content_bottom (self);
  double y, area_h, legend_y;
  gboolean tiled;

  for (guint t = 0; t < N_TABLES; t++)
    self->first_page[t] = -1;

  /* The legend's height depends on the tile map, which depends on the scale:
   * plan with a first guess of the legend, then again with the real one. */
  y = MARGIN + TITLE_H + GAP + 2;
  self->legend_map_w = 0;
  legend_build (self, w);
  area_h = bottom - y - self->legend_h - 6;
  plan_diagram (self, w, area_h);
  tiled = self->tile_cols * self->tile_rows > 1;
  if (tiled)
    {
      g_array_unref (self->legend);
      self->legend_map_w = MIN (self->tile_cols * 9.0, 120) + 12;
      legend_build (self, w);
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
}

/* ---- tables: rows and heights ------------------------------------------ */

static double
column_width (RigSheet *self, const Table *t, guint col)
{
  return t->columns[col].fraction * content_width (self);
}

static void
tables_build (RigSheet *self)
{
  Table *t;

  t = &self->tables[TABLE_SCHEDULE];
  t->columns = schedule_columns;
  t->n_columns = G_N_ELEMENTS (schedule_columns);
  t->n_rows = self->schedule->len;

  /* Bill of materials: section titles, items and the totals, measured (items
   * wrap rather than lose words a buyer needs). */
  self->bom_lines = g_array_new (FALSE, TRUE, sizeof (BomLine));
  {
    static const char *const sections[RIG_N_BOM_SECTIONS]
        = { N_ ("Devices"), N_ ("Cables to buy"), N_ ("Adapters to buy") };
    int last = -1;
    guint devices = 0, cables = 0, adapters = 0, unmeasured = 0;
    double metres = 0;
    GString *total = g_string_new (NULL);

    for (guint i = 0; i < self->bom->len; i++)
      {
        const RigBomRow *row = g_ptr_array_index (self->bom, i);
        BomLine line = { BOM_LINE_ITEM, row->section, row, NULL };

        if ((int) row->section != last)
          {
            BomLine title
                = { BOM_LINE_SECTION, row->section, NULL, g_strdup (_ (sections[row->section])) };
            g_array_append_val (self->bom_lines, title);
            last = (int) row->section;
          }
        g_array_append_val (self->bom_lines, line);
        switch (row->section)
          {
            case RIG_BOM_DEVICES:
              devices += row->count;
              break;
            case RIG_BOM_CABLES:
              cables += row->count;
              metres += row->total_length_m;
              unmeasured += row->unmeasured;
              break;
            case RIG_BOM_ADAPTERS:
            case RIG_N_BOM_SECTIONS:
            default:
              adapters += row->count;
              break;
          }
      }
    if (self->bom->len > 0)
      {
        BomLine line = { BOM_LINE_TOTAL, RIG_BOM_DEVICES, NULL, NULL };

        g_string_append_printf (total, ngettext ("%u device", "%u devices", devices), devices);
        if (cables > 0)
          {
            g_string_append (total, ", ");
            g_string_append_printf (total, ngettext ("%u cable", "%u cables", cables), cables);
          }
        if (metres > 0)
          {
            g_autofree char *m = format_length (metres);
            /* Translators: the total length of the cables to buy. */
            g_string_append_printf (total, _ (" (%s in all)"), m);
          }
        if (adapters > 0)
          {
            g_string_append (total, ", ");
            g_string_append_printf (total, ngettext ("%u adapter", "%u adapters", adapters),
                                    adapters);
          }
        /* Translators: the last line of the bill of materials. */
        line.text = g_strdup_printf (_ ("Total: %s"), total->str);
        g_array_append_val (self->bom_lines, line);
      }
    g_string_free (total, TRUE);
  }
  t = &self->tables[TABLE_BOM];
  t->columns = bom_columns;
  t->n_columns = G_N_ELEMENTS (bom_columns);
  t->n_rows = self->bom_lines->len;
  t->heights = g_new (double, MAX (t->n_rows, 1));
  for (guint i = 0; i < t->n_rows; i++)
    {
      const BomLine *line = &g_array_index (self->bom_lines, BomLine, i);
      double h;

      if (line->kind != BOM_LINE_ITEM)
        h = text_height (self, F_TD_BOLD, line->text, content_width (self) - 2 * CELL_PAD, 0);
      else
        h = MAX (
            text_height (self, F_TD, line->row->item, column_width (self, t, 0) - 2 * CELL_PAD, 0),
            text_height (self, F_TD, line->row->detail, column_width (self, t, 1) - 2 * CELL_PAD,
                         0));
      t->heights[i] = h + 2 * ROW_PAD + (line->kind == BOM_LINE_SECTION ? 3 : 0);
    }

  t = &self->tables[TABLE_PROBLEMS];
  t->columns = problem_columns;
  t->n_columns = G_N_ELEMENTS (problem_columns);
  t->n_rows = self->problems->len;
  t->heights = g_new (double, MAX (t->n_rows, 1));
  for (guint i = 0; i < t->n_rows; i++)
    {
      const RigProblemRow *p = g_ptr_array_index (self->problems, i);
      double w = column_width (self, t, 2) - 2 * CELL_PAD;
      g_autofree char *fix = g_strdup_printf (_ ("Fix: %s"), p->diagnostic->fix);
      double h = text_height (self, F_TD_BOLD, p->diagnostic->message, w, 0) + 1.5
                 + text_height (self, F_TD, fix, w, 0);

      h = MAX (h, text_height (self, F_TD_SMALL, p->diagnostic->code,
                               column_width (self, t, 3) - 2 * CELL_PAD, 0));
      t->heights[i] = h + 2 * ROW_PAD + 1;
    }
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
  self->revision = g_strdup (
      options->revision != NULL && *options->revision != '\0' ? options->revision : "—");
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

  self->problems = rig_sheet_problem_rows (self->validator);
  self->schedule = schedule_rows_with (doc, self->validator, self->problems);
  self->bom = rig_sheet_bom_rows (doc);
  self->n_errors = rig_validator_count (self->validator, RIG_SEVERITY_ERROR);
  self->n_warnings = rig_validator_count (self->validator, RIG_SEVERITY_WARNING);
  self->n_infos = rig_validator_count (self->validator, RIG_SEVERITY_INFO);
  tables_build (self);

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  paginate (self);
  return self;
}

void
rig_sheet_free (RigSheet *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
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

static void
hline (RigSheet *self, cairo_t *cr, double x0, double x1, double y, double width, guint32 ink)
{
  cairo_new_path (cr);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_set_line_width (cr, width);
  set_ink (self, cr, ink);
  cairo_stroke (cr);
}

/* A status badge as the painter draws it: a disc with a cross (error), a
 * triangle with "!" (warning), a disc with "i" (info). */
static void
draw_badge (RigSheet *self, cairo_t *cr, double cx, double cy, double r, RigSeverity severity)
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
      set_ink (self, cr, rig_painter_status_color (self->painter, severity));
      cairo_fill (cr);
      if (severity == RIG_SEVERITY_WARNING)
        set_ink (self, cr, 0x1E1E1E);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
    }
  rig_painter_badge_mark (cr, severity, cx, cy, r, lw);
  cairo_restore (cr);
}

/* A connector glyph as the painter draws a port. */
static void
draw_glyph (RigSheet *self, cairo_t *cr, RigConnector connector, gboolean plug, double cx,
            double cy, double r)
{
  const double dashes[2] = { r * 0.37, r * 0.27 };
  guint32 ink = 0x3D3846;

  cairo_save (cr);
  rig_marks_glyph (cr, connector, plug, cx, cy, r,
                   self->options.greyscale ? rig_marks_grey (ink) : ink, r * 0.25, r * 0.2, dashes);
  cairo_restore (cr);
}

/* A short cable with a status's colour and dash pattern, as on the diagram. */
static void
draw_line_sample (RigSheet *self, cairo_t *cr, double x, double y, double w, double width,
                  RigSeverity severity, gboolean wireless)
{
  double k = MAX (self->scale, 0.45);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + w, y);
  set_ink (self, cr, rig_painter_status_color (self->painter, severity));
  cairo_set_line_width (cr, width);
  switch (severity)
    {
      case RIG_SEVERITY_ERROR:
        {
          double dashes[] = { 9 * k, 6 * k };
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
          cairo_set_dash (cr, dashes, 2, 0);
        }
        break;
      case RIG_SEVERITY_WARNING:
        {
          double dashes[] = { 0, width * 2.2 };
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_dash (cr, dashes, 2, 0);
        }
        break;
      case RIG_SEVERITY_INFO:
      case RIG_SEVERITY_NONE:
      case RIG_N_SEVERITIES:
      default:
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        break;
    }
  if (wireless)
    {
      cairo_set_line_width (cr, width * 1.6);
      cairo_stroke_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, width * 0.6);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  if (severity != RIG_SEVERITY_NONE)
    draw_badge (self, cr, x + w / 2, y, 3.6, severity);
}

/* ---- drawing: blocks --------------------------------------------------- */

/* A title block cell: a small caps label over a value. */
static void
title_cell (RigSheet *self, cairo_t *cr, double x, double y, double w, double h, const char *label,
            const char *value, guint32 value_ink)
{
  g_autofree char *caps = g_utf8_strup (label, -1);

  put (self, cr, F_CAPS, INK_FAINT, caps, x + 6, y + 5, w - 12, 1, PANGO_ALIGN_LEFT);
  put (self, cr, F_VALUE, value_ink, value, x + 6, y + 13, w - 12, 2, PANGO_ALIGN_LEFT);
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
  set_ink (self, cr, RULE_DARK);
  cairo_stroke (cr);
  cairo_move_to (cr, cx, y);
  cairo_line_to (cr, cx, y + b->h);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.4);
  set_ink (self, cr, RULE);
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
  set_ink (self, cr, RULE_DARK);
  cairo_fill (cr);
  cairo_restore (cr);

  put (self, cr, F_CAPS, INK_FAINT, caps, x + 12, y + 7, left_w - 20, 1, PANGO_ALIGN_LEFT);
  /* The title on one or two lines; the notes in what is left. */
  title_h = put (self, cr, F_TITLE, INK, *title != '\0' ? title : _ ("Untitled rig"), x + 12,
                 y + 14, left_w - 20, 2, PANGO_ALIGN_LEFT);
  notes_y = y + 14 + title_h + 1;
  notes_lines = floor ((y + b->h - 4 - notes_y) / 8.6);
  if (notes_lines >= 1)
    put (self, cr, F_NOTES, INK_SOFT, notes, x + 12, notes_y, left_w - 20, (int) notes_lines,
         PANGO_ALIGN_LEFT);

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
      check_ink = status_ink (self, self->n_errors > 0     ? RIG_SEVERITY_ERROR
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
  tw = MIN (text_width (self, F_SMALL, right), b->w * 0.5);
  put (self, cr, F_RUN_TITLE, INK, *title != '\0' ? title : _ ("Untitled rig"), b->x, b->y,
       b->w - tw - 16, 1, PANGO_ALIGN_LEFT);
  put (self, cr, F_SMALL, INK_SOFT, right, b->x + b->w - tw, b->y + 2.5, tw, 1, PANGO_ALIGN_RIGHT);
  cairo_save (cr);
  hline (self, cr, b->x, b->x + b->w, b->y + b->h, 0.8, RULE_DARK);
  cairo_restore (cr);
}

static void
draw_footer (RigSheet *self, cairo_t *cr, guint page_index)
{
  double y = self->page_h - MARGIN - FOOTER_H + 7, x0 = MARGIN, w = content_width (self);
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;

  cairo_save (cr);
  hline (self, cr, x0, x0 + w, y - 2, 0.4, RULE);
  cairo_restore (cr);
  /* Translators: the footer of every page. */
  left = g_strdup_printf (_ ("Drawn with Rigwire %s"), PACKAGE_VERSION);
  /* Translators: the page number in the footer. */
  right = g_strdup_printf (_ ("Page %u of %u"), page_index + 1, self->pages->len);
  put (self, cr, F_SMALL, INK_FAINT, left, x0, y, w / 2, 1, PANGO_ALIGN_LEFT);
  put (self, cr, F_SMALL, INK_SOFT, right, x0 + w / 2, y, w / 2, 1, PANGO_ALIGN_RIGHT);
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
      set_ink (self, cr, RULE_DARK);
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
        layout = text (self, F_LEGEND_BOLD, label, -1, 1, PANGO_ALIGN_LEFT);
        rig_text_size (layout, &tw, &th);
        cx = sides[i].x + sides[i].w / 2;
        cy = sides[i].y + sides[i].h / 2;
        rig_marks_rounded_rect (cr, cx - tw / 2 - 3, cy - th / 2 - 1, tw + 6, th + 2, 3);
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_fill_preserve (cr);
        set_ink (self, cr, RULE_DARK);
        cairo_set_line_width (cr, 0.5);
        cairo_stroke (cr);
        put (self, cr, F_LEGEND_BOLD, INK, label, cx - tw / 2, cy - th / 2, -1, 1,
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
  set_ink (self, cr, RULE);
  cairo_stroke (cr);

  if (self->empty)
    {
      put (self, cr, F_VALUE, INK_SOFT, _ ("This rig has no devices yet."), b->x, b->y + 24, b->w,
           1, PANGO_ALIGN_CENTER);
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
      layout = text (self, F_LEGEND_BOLD, label, -1, 1, PANGO_ALIGN_LEFT);
      rig_text_size (layout, &tw, &th);
      rig_marks_rounded_rect (cr, b->x + 4, b->y + 4, tw + 8, th + 4, 2);
      set_ink (self, cr, RULE_DARK);
      cairo_fill (cr);
      put (self, cr, F_LEGEND_BOLD, 0xFFFFFF, label, b->x + 8, b->y + 6, -1, 1, PANGO_ALIGN_LEFT);
    }

  cairo_restore (cr);
}

static void
draw_tile_map (RigSheet *self, cairo_t *cr, const Block *b, const Block *diagram)
{
  double cell = MIN (9.0, (self->legend_map_w - 12) / self->tile_cols);
  double ch = 6.0, x0 = b->x + b->w - self->legend_map_w + 6, y0 = b->y + LEGEND_PAD + 7;

  cairo_save (cr);
  for (guint r = 0; r < self->tile_rows; r++)
    for (guint c = 0; c < self->tile_cols; c++)
      {
        cairo_rectangle (cr, x0 + c * cell, y0 + r * ch, cell - 1, ch - 1);
        if (diagram != NULL && c == diagram->tile_col && r == diagram->tile_row)
          set_ink (self, cr, RULE_DARK);
        else
          set_ink (self, cr, RULE_LIGHT);
        cairo_fill (cr);
      }
  cairo_restore (cr);
}

static void
draw_legend (RigSheet *self, cairo_t *cr, const Block *b, const Block *diagram)
{
  g_autofree char *caps = g_utf8_strup (_ ("Legend"), -1);
  double x0 = b->x + LEGEND_PAD, y0 = b->y + LEGEND_PAD + 7;

  cairo_save (cr);
  rig_marks_rounded_rect (cr, b->x, b->y, b->w, b->h, 2);
  set_ink (self, cr, 0xFAFAF9);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 0.5);
  set_ink (self, cr, RULE);
  cairo_stroke (cr);
  put (self, cr, F_CAPS, INK_FAINT, caps, x0, b->y + 4, 100, 1, PANGO_ALIGN_LEFT);
  {
    /* Translators: the diagram's scale in the legend, "Scale 57 %"; 100 % is
     * the canvas at 100 %. */
    g_autofree char *scale = g_strdup_printf (_ ("Scale %.0f %%"), self->scale / PT_PER_UNIT * 100);
    g_autofree char *scale_caps = g_utf8_strup (scale, -1);

    put (self, cr, F_CAPS, INK_FAINT, scale_caps,
         b->x + b->w - LEGEND_PAD - self->legend_map_w - 100, b->y + 4, 100, 1, PANGO_ALIGN_RIGHT);
  }
  if (self->legend_map_w > 0)
    {
      g_autofree char *map = g_utf8_strup (_ ("Tiles"), -1);

      put (self, cr, F_CAPS, INK_FAINT, map, b->x + b->w - self->legend_map_w + 6, b->y + 4,
           self->legend_map_w, 1, PANGO_ALIGN_LEFT);
      draw_tile_map (self, cr, b, diagram);
    }

  for (guint i = 0; i < self->legend->len; i++)
    {
      const LegendItem *item = &g_array_index (self->legend, LegendItem, i);
      double x = x0 + item->x, y = y0 + item->y, cy = y + 4.6;
      double tx = x;

      switch (item->kind)
        {
          case LEGEND_GROUP:
            put (self, cr, F_LEGEND_BOLD, INK, item->label, x, y, -1, 1, PANGO_ALIGN_LEFT);
            continue;
          case LEGEND_STATUS:
            draw_line_sample (self, cr, x + 1, cy, SAMPLE_W - 2, 1.8, item->value, FALSE);
            tx = x + SAMPLE_W + 4;
            break;
          case LEGEND_SPEAKER:
            draw_line_sample (self, cr, x + 1, cy, SAMPLE_W - 2, 2.6, RIG_SEVERITY_NONE, FALSE);
            tx = x + SAMPLE_W + 4;
            break;
          case LEGEND_WIRELESS:
            draw_line_sample (self, cr, x + 1, cy, SAMPLE_W - 2, 1.8, RIG_SEVERITY_NONE, TRUE);
            tx = x + SAMPLE_W + 4;
            break;
          case LEGEND_PREFIX:
            {
              char prefix[3] = { (char) item->value, '-', '\0' };

              rig_marks_rounded_rect (cr, x, cy - 4.2, 16, 8.4, 4.2);
              cairo_set_source_rgb (cr, 1, 1, 1);
              cairo_fill_preserve (cr);
              set_ink (self, cr, RULE);
              cairo_set_line_width (cr, 0.6);
              cairo_stroke (cr);
              put (self, cr, F_LEGEND_BOLD, INK, prefix, x, y, 16, 1, PANGO_ALIGN_CENTER);
              tx = x + 19;
            }
            break;
          case LEGEND_CONNECTOR:
            draw_glyph (self, cr, item->value, FALSE, x + 5, cy, 3.8);
            tx = x + 12 + 3;
            break;
          case LEGEND_GENDER:
          default:
            draw_glyph (self, cr, RIG_CONNECTOR_PHONE, item->value == RIG_GENDER_PLUG, x + 5, cy,
                        3.8);
            tx = x + 12 + 3;
            break;
        }
      put (self, cr, F_LEGEND, INK_SOFT, item->label, tx, y, -1, 1, PANGO_ALIGN_LEFT);
    }
  cairo_restore (cr);
}

static void
draw_heading (RigSheet *self, cairo_t *cr, const Block *b)
{
  static const char *const titles[N_TABLES]
      = { N_ ("Cable schedule"), N_ ("Bill of materials"), N_ ("Problems and fixes") };
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  double tw;

  if (b->continued)
    /* Translators: a table's heading on the pages it continues onto. */
    title = g_strdup_printf (_ ("%s (continued)"), _ (titles[b->table]));
  else
    title = g_strdup (_ (titles[b->table]));
  switch (b->table)
    {
      case TABLE_SCHEDULE:
        summary = g_strdup_printf (
            ngettext ("%u connection", "%u connections", self->schedule->len), self->schedule->len);
        break;
      case TABLE_PROBLEMS:
        summary = g_strdup (_ ("Numbers refer to the Status column of the schedule"));
        break;
      case TABLE_BOM:
      case N_TABLES:
      default:
        summary = g_strdup (_ ("What to buy or gather to build this rig"));
        break;
    }
  tw = text_width (self, F_HEADING, title);
  cairo_save (cr);
  cairo_rectangle (cr, b->x, b->y + 3, 3, 11);
  set_ink (self, cr, RULE_DARK);
  cairo_fill (cr);
  cairo_restore (cr);
  put (self, cr, F_HEADING, INK, title, b->x + 8, b->y + 1, -1, 1, PANGO_ALIGN_LEFT);
  put (self, cr, F_SMALL, INK_FAINT, summary, b->x + 8 + tw + 10, b->y + 5.5, b->w - tw - 20, 1,
       PANGO_ALIGN_LEFT);
}

static void
draw_table_header (RigSheet *self, cairo_t *cr, const Block *b)
{
  const Table *t = &self->tables[b->table];
  double x = b->x;

  cairo_save (cr);
  cairo_rectangle (cr, b->x, b->y, b->w, b->h);
  set_ink (self, cr, FILL_HEADER);
  cairo_fill (cr);
  hline (self, cr, b->x, b->x + b->w, b->y + b->h - 0.4, 0.8, RULE_DARK);
  cairo_restore (cr);
  for (guint c = 0; c < t->n_columns; c++)
    {
      double w = column_width (self, t, c);

      put (self, cr, F_TH, INK, _ (t->columns[c].header), x + CELL_PAD, b->y + 3.6,
           w - 2 * CELL_PAD, 1, t->columns[c].align);
      x += w;
    }
}

/* Two lines in a cell: a main line and a smaller, softer one. */
static void
cell2 (RigSheet *self, cairo_t *cr, Font font, const char *main_text, const char *sub, double x,
       double y, double w, PangoAlignment align)
{
  put (self, cr, font, INK, main_text, x + CELL_PAD, y + ROW_PAD, w - 2 * CELL_PAD, 1, align);
  put (self, cr, F_TD_SMALL, INK_SOFT, sub, x + CELL_PAD, y + ROW_PAD + 9.2, w - 2 * CELL_PAD, 1,
       align);
}

static void
draw_schedule_row (RigSheet *self, cairo_t *cr, const RigScheduleRow *row, double x, double y,
                   double h)
{
  const Table *t = &self->tables[TABLE_SCHEDULE];
  double cx[G_N_ELEMENTS (schedule_columns) + 1];
  g_autofree char *refs = NULL;

  cx[0] = x;
  for (guint c = 0; c < t->n_columns; c++)
    cx[c + 1] = cx[c] + column_width (self, t, c);

  put (self, cr, F_TD_BOLD, INK, row->number, cx[0] + CELL_PAD, y + ROW_PAD, cx[1] - cx[0], 1,
       PANGO_ALIGN_LEFT);
  cell2 (self, cr, F_TD, row->from_device, row->from_jack, cx[1], y, cx[2] - cx[1],
         PANGO_ALIGN_LEFT);
  cell2 (self, cr, F_TD, row->to_device, row->to_jack, cx[2], y, cx[3] - cx[2], PANGO_ALIGN_LEFT);
  cell2 (self, cr, F_TD, row->cable_type, row->cable_detail, cx[3], y, cx[4] - cx[3],
         PANGO_ALIGN_LEFT);
  put (self, cr, F_TD, INK, row->length, cx[4] + CELL_PAD, y + ROW_PAD,
       cx[5] - cx[4] - 2 * CELL_PAD, 1, PANGO_ALIGN_RIGHT);
  put (self, cr, F_TD, INK, row->gauge, cx[5] + CELL_PAD, y + ROW_PAD, cx[6] - cx[5] - 2 * CELL_PAD,
       1, PANGO_ALIGN_RIGHT);
  put (self, cr, F_TD_SMALL, INK, row->adapters, cx[6] + CELL_PAD, y + ROW_PAD,
       cx[7] - cx[6] - 2 * CELL_PAD, 2, PANGO_ALIGN_LEFT);

  if (row->status != RIG_SEVERITY_NONE)
    {
      draw_badge (self, cr, cx[7] + CELL_PAD + 3.4, y + ROW_PAD + 4.6, 3.4, row->status);
      put (self, cr, F_TD_BOLD, status_ink (self, row->status), row->status_label,
           cx[7] + CELL_PAD + 9, y + ROW_PAD, cx[8] - cx[7] - 2 * CELL_PAD - 9, 1,
           PANGO_ALIGN_LEFT);
      if (*row->problems != '\0')
        {
          /* Translators: which problems concern a cable: "see 1, 4". */
          refs = g_strdup_printf (_ ("see %s"), row->problems);
          put (self, cr, F_TD_SMALL, INK_SOFT, refs, cx[7] + CELL_PAD + 9, y + ROW_PAD + 9.2,
               cx[8] - cx[7] - 2 * CELL_PAD - 9, 1, PANGO_ALIGN_LEFT);
        }
    }
  else
    put (self, cr, F_TD, INK_FAINT, row->status_label, cx[7] + CELL_PAD, y + ROW_PAD,
         cx[8] - cx[7] - 2 * CELL_PAD, 1, PANGO_ALIGN_LEFT);
}

static void
draw_bom_line (RigSheet *self, cairo_t *cr, const BomLine *line, double x, double y, double w)
{
  const Table *t = &self->tables[TABLE_BOM];
  double cx = x;

  if (line->kind == BOM_LINE_SECTION)
    {
      put (self, cr, F_TD_BOLD, INK, line->text, x + CELL_PAD, y + ROW_PAD + 3, w - 2 * CELL_PAD, 0,
           PANGO_ALIGN_LEFT);
      return;
    }
  if (line->kind == BOM_LINE_TOTAL)
    {
      put (self, cr, F_TD_BOLD, INK, line->text, x + CELL_PAD, y + ROW_PAD, w - 2 * CELL_PAD, 0,
           PANGO_ALIGN_LEFT);
      return;
    }
  {
    const char *cells[4]
        = { line->row->item, line->row->detail, line->row->count_text, line->row->length_text };
    for (guint c = 0; c < t->n_columns; c++)
      {
        double cw = column_width (self, t, c);

        put (self, cr, c == 2 ? F_TD_BOLD : F_TD, c == 1 ? INK_SOFT : INK, cells[c], cx + CELL_PAD,
             y + ROW_PAD, cw - 2 * CELL_PAD, 0, t->columns[c].align);
        cx += cw;
      }
  }
}

static void
draw_problem_row (RigSheet *self, cairo_t *cr, const RigProblemRow *p, double x, double y)
{
  const Table *t = &self->tables[TABLE_PROBLEMS];
  const RigDiagnostic *d = p->diagnostic;
  double cx[G_N_ELEMENTS (problem_columns) + 1];
  g_autofree char *number = g_strdup_printf ("%u", p->number);
  g_autofree char *fix = g_strdup_printf (_ ("Fix: %s"), d->fix);
  double h;

  cx[0] = x;
  for (guint c = 0; c < t->n_columns; c++)
    cx[c + 1] = cx[c] + column_width (self, t, c);

  put (self, cr, F_TD_BOLD, INK, number, cx[0] + CELL_PAD, y + ROW_PAD, cx[1] - cx[0], 1,
       PANGO_ALIGN_LEFT);
  draw_badge (self, cr, cx[1] + CELL_PAD + 3.4, y + ROW_PAD + 4.6, 3.4, d->severity);
  put (self, cr, F_TD_BOLD, status_ink (self, d->severity), severity_label (d->severity),
       cx[1] + CELL_PAD + 9, y + ROW_PAD, cx[2] - cx[1] - 2 * CELL_PAD - 9, 1, PANGO_ALIGN_LEFT);
  h = put (self, cr, F_TD_BOLD, INK, d->message, cx[2] + CELL_PAD, y + ROW_PAD,
           cx[3] - cx[2] - 2 * CELL_PAD, 0, PANGO_ALIGN_LEFT);
  put (self, cr, F_TD, INK_SOFT, fix, cx[2] + CELL_PAD, y + ROW_PAD + h + 1.5,
       cx[3] - cx[2] - 2 * CELL_PAD, 0, PANGO_ALIGN_LEFT);
  put (self, cr, F_TD_SMALL, INK_SOFT, d->code, cx[3] + CELL_PAD, y + ROW_PAD + 0.8,
       cx[4] - cx[3] - 2 * CELL_PAD, 0, PANGO_ALIGN_LEFT);
}

static void
draw_rows (RigSheet *self, cairo_t *cr, const Block *b)
{
  double y = b->y;

  /* Zebra stripes first, in one fill, then the rules, then the text. */
  cairo_save (cr);
  for (guint i = b->first; i < b->first + b->n; i++)
    {
      double h = row_height (self, b->table, i);

      if ((i - b->first) % 2 == 1)
        cairo_rectangle (cr, b->x, y, b->w, h);
      y += h;
    }
  set_ink (self, cr, FILL_ZEBRA);
  cairo_fill (cr);
  y = b->y;
  for (guint i = b->first; i < b->first + b->n; i++)
    {
      y += row_height (self, b->table, i);
      cairo_move_to (cr, b->x, y);
      cairo_line_to (cr, b->x + b->w, y);
    }
  cairo_set_line_width (cr, 0.3);
  set_ink (self, cr, RULE_LIGHT);
  cairo_stroke (cr);
  cairo_restore (cr);

  y = b->y;
  for (guint i = b->first; i < b->first + b->n; i++)
    {
      double h = row_height (self, b->table, i);

      switch (b->table)
        {
          case TABLE_SCHEDULE:
            draw_schedule_row (self, cr, g_ptr_array_index (self->schedule, i), b->x, y, h);
            break;
          case TABLE_BOM:
            draw_bom_line (self, cr, &g_array_index (self->bom_lines, BomLine, i), b->x, y, b->w);
            break;
          case TABLE_PROBLEMS:
          case N_TABLES:
          default:
            draw_problem_row (self, cr, g_ptr_array_index (self->problems, i), b->x, y);
            break;
        }
      y += h;
    }
  cairo_save (cr);
  hline (self, cr, b->x, b->x + b->w, b->y + b->h, 0.6, RULE_DARK);
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
            draw_legend (self, cr, b, diagram);
            break;
          case BLOCK_HEADING:
            draw_heading (self, cr, b);
            break;
          case BLOCK_TABLE_HEADER:
            draw_table_header (self, cr, b);
            break;
          case BLOCK_ROWS:
          default:
            draw_rows (self, cr, b);
            break;
        }
    }
  draw_footer (self, cr, page_index);
  cairo_restore (cr);
}
