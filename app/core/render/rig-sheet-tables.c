/* rig-sheet-tables.c: the wiring sheet's three tables: their columns,
 * the bill of materials' lines, every row's height, and their drawing. */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-sheet-private.h"

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

/* ---- tables: rows and heights ------------------------------------------ */

static double
column_width (RigSheet *self, const Table *t, guint col)
{
  return t->columns[col].fraction * _rig_sheet_content_width (self);
}

/* The bill of materials as the table shows it: section titles, items and
 * the totals. */
static void
bom_lines_build (RigSheet *self)
{
  static const char *const sections[RIG_N_BOM_SECTIONS]
      = { N_ ("Devices"), N_ ("Cables to buy"), N_ ("Adapters to buy"),
          N_ ("Not to buy: connections marked as errors, to fix first") };
  int last = -1;
  guint devices = 0, cables = 0, adapters = 0, to_fix = 0;
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
            break;
          case RIG_BOM_TO_FIX:
            to_fix += row->count;
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
          g_autofree char *m = _rig_sheet_format_length (metres);
          /* Translators: the total length of the cables to buy. */
          g_string_append_printf (total, _ (" (%s in all)"), m);
        }
      if (adapters > 0)
        {
          g_string_append (total, ", ");
          g_string_append_printf (total, ngettext ("%u adapter", "%u adapters", adapters),
                                  adapters);
        }
      if (to_fix > 0)
        {
          g_string_append (total, "; ");
          /* Translators: after the totals of the bill of materials. */
          g_string_append_printf (
              total, ngettext ("%u connection to fix", "%u connections to fix", to_fix), to_fix);
        }
      /* Translators: the last line of the bill of materials. */
      line.text = g_strdup_printf (_ ("Total: %s"), total->str);
      g_array_append_val (self->bom_lines, line);
    }
  g_string_free (total, TRUE);
}

/* How many lines a schedule row's jack names take at most: they wrap rather
 * than lose what tells two jacks of a device apart ("Line/instrument in 1
 * (TRS)" and "… 2 (TRS)"). */
static int
jack_lines (RigSheet *self, const Table *t, const RigScheduleRow *row)
{
  PangoLayout *from
      = _rig_sheet_text (self, F_TD_SMALL, row->from_jack, column_width (self, t, 1) - 2 * CELL_PAD,
                         0, PANGO_ALIGN_LEFT);
  int n = pango_layout_get_line_count (from);
  PangoLayout *to = _rig_sheet_text (self, F_TD_SMALL, row->to_jack,
                                     column_width (self, t, 2) - 2 * CELL_PAD, 0, PANGO_ALIGN_LEFT);

  return MAX (n, pango_layout_get_line_count (to));
}

/* Schedule rows are SCHEDULE_ROW_H tall (t->heights stays NULL) unless a
 * jack's name takes more than one line. Names repeat, so most rows only look
 * up a measured layout. */
static void
schedule_heights (RigSheet *self, Table *t)
{
  double line = _rig_sheet_text_height (self, F_TD_SMALL, "X", -1, 1);

  for (guint i = 0; i < t->n_rows; i++)
    {
      int lines = jack_lines (self, t, g_ptr_array_index (self->schedule, i));

      if (lines > 1 && t->heights == NULL)
        {
          t->heights = g_new (double, t->n_rows);
          for (guint j = 0; j < i; j++)
            t->heights[j] = SCHEDULE_ROW_H;
        }
      if (t->heights != NULL)
        t->heights[i] = SCHEDULE_ROW_H + (lines - 1) * line;
    }
}

void
_rig_sheet_tables_build (RigSheet *self)
{
  Table *t;

  t = &self->tables[TABLE_SCHEDULE];
  t->columns = schedule_columns;
  t->n_columns = G_N_ELEMENTS (schedule_columns);
  t->n_rows = self->schedule->len;
  schedule_heights (self, t);

  /* Bill of materials: its lines, measured (items wrap rather than lose
   * words a buyer needs). */
  self->bom_lines = g_array_new (FALSE, TRUE, sizeof (BomLine));
  bom_lines_build (self);
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
        h = _rig_sheet_text_height (self, F_TD_BOLD, line->text,
                                    _rig_sheet_content_width (self) - 2 * CELL_PAD, 0);
      else
        h = MAX (_rig_sheet_text_height (self, F_TD, line->row->item,
                                         column_width (self, t, 0) - 2 * CELL_PAD, 0),
                 _rig_sheet_text_height (self, F_TD, line->row->detail,
                                         column_width (self, t, 1) - 2 * CELL_PAD, 0));
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
      double h = _rig_sheet_text_height (self, F_TD_BOLD, p->diagnostic->message, w, 0) + 1.5
                 + _rig_sheet_text_height (self, F_TD, fix, w, 0);

      h = MAX (h, _rig_sheet_text_height (self, F_TD_SMALL, p->diagnostic->code,
                                          column_width (self, t, 3) - 2 * CELL_PAD, 0));
      t->heights[i] = h + 2 * ROW_PAD + 1;
    }
}

double
_rig_sheet_row_height (RigSheet *self, TableId table, guint row)
{
  const Table *t = &self->tables[table];

  return t->heights != NULL ? t->heights[row] : SCHEDULE_ROW_H;
}

/* ---- drawing --------------------------------------------------------- */

void
_rig_sheet_draw_heading (RigSheet *self, cairo_t *cr, const Block *b)
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
  tw = _rig_sheet_text_width (self, F_HEADING, title);
  cairo_save (cr);
  cairo_rectangle (cr, b->x, b->y + 3, 3, 11);
  _rig_sheet_set_ink (self, cr, RULE_DARK);
  cairo_fill (cr);
  cairo_restore (cr);
  _rig_sheet_put (self, cr, F_HEADING, INK, title, b->x + 8, b->y + 1, -1, 1, PANGO_ALIGN_LEFT);
  _rig_sheet_put (self, cr, F_SMALL, INK_FAINT, summary, b->x + 8 + tw + 10, b->y + 5.5,
                  b->w - tw - 20, 1, PANGO_ALIGN_LEFT);
}

void
_rig_sheet_draw_table_header (RigSheet *self, cairo_t *cr, const Block *b)
{
  const Table *t = &self->tables[b->table];
  double x = b->x;

  cairo_save (cr);
  cairo_rectangle (cr, b->x, b->y, b->w, b->h);
  _rig_sheet_set_ink (self, cr, FILL_HEADER);
  cairo_fill (cr);
  _rig_sheet_hline (self, cr, b->x, b->x + b->w, b->y + b->h - 0.4, 0.8, RULE_DARK);
  cairo_restore (cr);
  for (guint c = 0; c < t->n_columns; c++)
    {
      double w = column_width (self, t, c);

      _rig_sheet_put (self, cr, F_TH, INK, _ (t->columns[c].header), x + CELL_PAD, b->y + 3.6,
                      w - 2 * CELL_PAD, 1, t->columns[c].align);
      x += w;
    }
}

/* Two lines in a cell: a main line and a smaller, softer one, which wraps
 * when @sub_lines is 0 (jack names) or is cut at the cell's width (1). */
static void
cell2 (RigSheet *self, cairo_t *cr, Font font, const char *main_text, const char *sub, double x,
       double y, double w, int sub_lines)
{
  _rig_sheet_put (self, cr, font, INK, main_text, x + CELL_PAD, y + ROW_PAD, w - 2 * CELL_PAD, 1,
                  PANGO_ALIGN_LEFT);
  _rig_sheet_put (self, cr, F_TD_SMALL, INK_SOFT, sub, x + CELL_PAD, y + ROW_PAD + 9.2,
                  w - 2 * CELL_PAD, sub_lines, PANGO_ALIGN_LEFT);
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

  _rig_sheet_put (self, cr, F_TD_BOLD, INK, row->number, cx[0] + CELL_PAD, y + ROW_PAD,
                  cx[1] - cx[0], 1, PANGO_ALIGN_LEFT);
  cell2 (self, cr, F_TD, row->from_device, row->from_jack, cx[1], y, cx[2] - cx[1], 0);
  cell2 (self, cr, F_TD, row->to_device, row->to_jack, cx[2], y, cx[3] - cx[2], 0);
  cell2 (self, cr, F_TD, row->cable_type, row->cable_detail, cx[3], y, cx[4] - cx[3], 1);
  _rig_sheet_put (self, cr, F_TD, INK, row->length, cx[4] + CELL_PAD, y + ROW_PAD,
                  cx[5] - cx[4] - 2 * CELL_PAD, 1, PANGO_ALIGN_RIGHT);
  _rig_sheet_put (self, cr, F_TD, INK, row->gauge, cx[5] + CELL_PAD, y + ROW_PAD,
                  cx[6] - cx[5] - 2 * CELL_PAD, 1, PANGO_ALIGN_RIGHT);
  _rig_sheet_put (self, cr, F_TD_SMALL, INK, row->adapters, cx[6] + CELL_PAD, y + ROW_PAD,
                  cx[7] - cx[6] - 2 * CELL_PAD, 2, PANGO_ALIGN_LEFT);

  if (row->status != RIG_SEVERITY_NONE)
    {
      _rig_sheet_draw_badge (self, cr, cx[7] + CELL_PAD + 3.4, y + ROW_PAD + 4.6, 3.4, row->status);
      _rig_sheet_put (self, cr, F_TD_BOLD, _rig_sheet_status_ink (self, row->status),
                      row->status_label, cx[7] + CELL_PAD + 9, y + ROW_PAD,
                      cx[8] - cx[7] - 2 * CELL_PAD - 9, 1, PANGO_ALIGN_LEFT);
      if (*row->problems != '\0')
        {
          /* Translators: which problems concern a cable: "see 1, 4". */
          refs = g_strdup_printf (_ ("see %s"), row->problems);
          _rig_sheet_put (self, cr, F_TD_SMALL, INK_SOFT, refs, cx[7] + CELL_PAD + 9,
                          y + ROW_PAD + 9.2, cx[8] - cx[7] - 2 * CELL_PAD - 9, 1, PANGO_ALIGN_LEFT);
        }
    }
  else
    _rig_sheet_put (self, cr, F_TD, INK_FAINT, row->status_label, cx[7] + CELL_PAD, y + ROW_PAD,
                    cx[8] - cx[7] - 2 * CELL_PAD, 1, PANGO_ALIGN_LEFT);
}

static void
draw_bom_line (RigSheet *self, cairo_t *cr, const BomLine *line, double x, double y, double w)
{
  const Table *t = &self->tables[TABLE_BOM];
  double cx = x;

  if (line->kind == BOM_LINE_SECTION)
    {
      _rig_sheet_put (self, cr, F_TD_BOLD, INK, line->text, x + CELL_PAD, y + ROW_PAD + 3,
                      w - 2 * CELL_PAD, 0, PANGO_ALIGN_LEFT);
      return;
    }
  if (line->kind == BOM_LINE_TOTAL)
    {
      _rig_sheet_put (self, cr, F_TD_BOLD, INK, line->text, x + CELL_PAD, y + ROW_PAD,
                      w - 2 * CELL_PAD, 0, PANGO_ALIGN_LEFT);
      return;
    }
  {
    const char *cells[4]
        = { line->row->item, line->row->detail, line->row->count_text, line->row->length_text };
    for (guint c = 0; c < t->n_columns; c++)
      {
        double cw = column_width (self, t, c);

        _rig_sheet_put (self, cr, c == 2 ? F_TD_BOLD : F_TD, c == 1 ? INK_SOFT : INK, cells[c],
                        cx + CELL_PAD, y + ROW_PAD, cw - 2 * CELL_PAD, 0, t->columns[c].align);
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

  _rig_sheet_put (self, cr, F_TD_BOLD, INK, number, cx[0] + CELL_PAD, y + ROW_PAD, cx[1] - cx[0], 1,
                  PANGO_ALIGN_LEFT);
  _rig_sheet_draw_badge (self, cr, cx[1] + CELL_PAD + 3.4, y + ROW_PAD + 4.6, 3.4, d->severity);
  _rig_sheet_put (self, cr, F_TD_BOLD, _rig_sheet_status_ink (self, d->severity),
                  _rig_sheet_severity_label (d->severity), cx[1] + CELL_PAD + 9, y + ROW_PAD,
                  cx[2] - cx[1] - 2 * CELL_PAD - 9, 1, PANGO_ALIGN_LEFT);
  h = _rig_sheet_put (self, cr, F_TD_BOLD, INK, d->message, cx[2] + CELL_PAD, y + ROW_PAD,
                      cx[3] - cx[2] - 2 * CELL_PAD, 0, PANGO_ALIGN_LEFT);
  _rig_sheet_put (self, cr, F_TD, INK_SOFT, fix, cx[2] + CELL_PAD, y + ROW_PAD + h + 1.5,
                  cx[3] - cx[2] - 2 * CELL_PAD, 0, PANGO_ALIGN_LEFT);
  _rig_sheet_put (self, cr, F_TD_SMALL, INK_SOFT, d->code, cx[3] + CELL_PAD, y + ROW_PAD + 0.8,
                  cx[4] - cx[3] - 2 * CELL_PAD, 0, PANGO_ALIGN_LEFT);
}

void
_rig_sheet_draw_rows (RigSheet *self, cairo_t *cr, const Block *b)
{
  double y = b->y;

  /* Zebra stripes first, in one fill, then the rules, then the text. */
  cairo_save (cr);
  for (guint i = b->first; i < b->first + b->n; i++)
    {
      double h = _rig_sheet_row_height (self, b->table, i);

      if ((i - b->first) % 2 == 1)
        cairo_rectangle (cr, b->x, y, b->w, h);
      y += h;
    }
  _rig_sheet_set_ink (self, cr, FILL_ZEBRA);
  cairo_fill (cr);
  y = b->y;
  for (guint i = b->first; i < b->first + b->n; i++)
    {
      y += _rig_sheet_row_height (self, b->table, i);
      cairo_move_to (cr, b->x, y);
      cairo_line_to (cr, b->x + b->w, y);
    }
  cairo_set_line_width (cr, 0.3);
  _rig_sheet_set_ink (self, cr, RULE_LIGHT);
  cairo_stroke (cr);
  cairo_restore (cr);

  y = b->y;
  for (guint i = b->first; i < b->first + b->n; i++)
    {
      double h = _rig_sheet_row_height (self, b->table, i);

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
  _rig_sheet_hline (self, cr, b->x, b->x + b->w, b->y + b->h, 0.6, RULE_DARK);
  cairo_restore (cr);
}
