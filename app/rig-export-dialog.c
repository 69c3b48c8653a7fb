/* rig-export-dialog.c: the Export ▸ PNG / SVG / PDF dialog, with a live
 * preview of the sheet's pages. */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-command.h"
#include "rig-export-dialog-private.h"

#define PREVIEW_WIDTH 420
#define PREVIEW_HEIGHT 560

struct _RigExportDialog
{
  GtkWindow parent_instance;

  RigDocument *doc;
  RigHistory *history; /* where title and author edits go; NULL: shown only */
  RigValidator *validator;
  RigSheet *sheet;
  guint page;
  guint preview_draws;

  GtkWidget *format;
  GtkWidget *full, *diagram_only;
  GtkWidget *paper;
  GtkWidget *portrait, *landscape;
  GtkWidget *fit, *fixed, *scale;
  GtkWidget *greyscale;
  GtkWidget *levels; /* pages of level diagrams (issue #11) */
  GtkWidget *dpi, *dpi_label;
  GtkWidget *revision;
  GtkWidget *title, *author;
  GtkWidget *preview;
  GtkWidget *previous_page, *next_page, *page_label;
  GtkWidget *summary;
  GtkWidget *export_button;

  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (RigExportDialog, rig_export_dialog, GTK_TYPE_WINDOW)

/* The last options used, for the next dialog of the session. */
static struct
{
  gboolean set;
  RigSheetKind kind;
  RigPageSize page_size;
  gboolean landscape;
  double scale; /* the fixed scale, even when fitting */
  gboolean fixed;
  gboolean greyscale;
  double dpi;
  gboolean levels;
} last;

/* ---- options ----------------------------------------------------------- */

RigExportFormat
rig_export_dialog_get_format (RigExportDialog *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->format));

  return selected < RIG_N_EXPORT_FORMATS ? (RigExportFormat) selected : RIG_EXPORT_PDF;
}

static void
read_options (RigExportDialog *self, RigSheetOptions *options)
{
  guint paper = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->paper));

  rig_sheet_options_init (options);
  options->kind = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->diagram_only))
                      ? RIG_SHEET_DIAGRAM_ONLY
                      : RIG_SHEET_FULL;
  options->page_size = paper < RIG_N_PAGE_SIZES ? (RigPageSize) paper : RIG_PAGE_A4;
  options->landscape = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->landscape));
  options->scale = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->fixed))
                       ? gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->scale)) / 100
                       : RIG_SHEET_SCALE_FIT;
  options->greyscale = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->greyscale));
  options->levels = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->levels));
  options->dpi = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->dpi));
  options->revision = gtk_editable_get_text (GTK_EDITABLE (self->revision));
}

static void
update_summary (RigExportDialog *self)
{
  RigExportFormat format = rig_export_dialog_get_format (self);
  guint n_pages = rig_sheet_get_n_pages (self->sheet);
  guint columns, rows;
  guint tiles = rig_sheet_get_n_diagram_pages (self->sheet, &columns, &rows);
  GString *text = g_string_new (NULL);
  g_autofree char *page = NULL;

  g_string_append_printf (
      text, ngettext ("The sheet has %u page.", "The sheet has %u pages.", n_pages), n_pages);
  if (tiles > 1)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              _ ("The diagram is tiled over %u × %u pages that overlap by 10 mm: "
                                 "trim and line them up on the dashed marks."),
                              columns, rows);
    }
  if (format != RIG_EXPORT_PDF && n_pages > 1)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, format == RIG_EXPORT_PNG
                                 ? _ ("A PNG image holds the first page; export a PDF for all "
                                      "of them.")
                                 : _ ("An SVG drawing holds the first page; export a PDF for "
                                      "all of them."));
    }
  if (format == RIG_EXPORT_SVG)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _ ("SVG text is drawn as shapes; a PDF keeps it searchable."));
    }
  gtk_label_set_text (GTK_LABEL (self->summary), text->str);
  g_string_free (text, TRUE);

  /* Translators: the preview's page counter. */
  page = g_strdup_printf (_ ("Page %u of %u"), self->page + 1, n_pages);
  gtk_label_set_text (GTK_LABEL (self->page_label), page);
  gtk_widget_set_sensitive (self->previous_page, self->page > 0);
  gtk_widget_set_sensitive (self->next_page, self->page + 1 < n_pages);
}

static void
rebuild (RigExportDialog *self)
{
  RigSheetOptions options;
  gboolean png = rig_export_dialog_get_format (self) == RIG_EXPORT_PNG;

  read_options (self, &options);
  g_clear_pointer (&self->sheet, rig_sheet_free);
  self->sheet = rig_sheet_new (self->doc, self->validator, &options);
  self->page = MIN (self->page, rig_sheet_get_n_pages (self->sheet) - 1);
  gtk_widget_set_sensitive (self->scale,
                            gtk_check_button_get_active (GTK_CHECK_BUTTON (self->fixed)));
  gtk_widget_set_sensitive (self->dpi, png);

  last.set = TRUE;
  last.kind = options.kind;
  last.page_size = options.page_size;
  last.landscape = options.landscape;
  last.fixed = options.scale > 0;
  last.scale = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->scale)) / 100;
  last.greyscale = options.greyscale;
  last.dpi = options.dpi;
  last.levels = options.levels;

  update_summary (self);
  gtk_widget_queue_draw (self->preview);
}

static void
option_changed (RigExportDialog *self)
{
  rebuild (self);
}

static void
toggle_changed (GtkCheckButton *button, RigExportDialog *self)
{
  /* A radio group toggles twice; rebuild once, for the button turned on. */
  if (gtk_check_button_get_active (button) || button == GTK_CHECK_BUTTON (self->greyscale)
      || button == GTK_CHECK_BUTTON (self->levels))
    rebuild (self);
}

/* ---- preview ----------------------------------------------------------- */

static void
draw_preview (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  RigExportDialog *self = user_data;
  double pw, ph, scale, x, y;

  self->preview_draws++;
  cairo_set_source_rgb (cr, 0.87, 0.87, 0.86);
  cairo_paint (cr);
  if (self->sheet == NULL)
    return;

  rig_sheet_get_page_size (self->sheet, &pw, &ph);
  scale = MIN ((width - 24) / pw, (height - 24) / ph);
  if (scale <= 0)
    return;
  x = (width - pw * scale) / 2;
  y = (height - ph * scale) / 2;

  /* A soft shadow under the paper. */
  cairo_rectangle (cr, x + 1, y + 2, pw * scale, ph * scale);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, pw, ph);
  cairo_clip (cr);
  rig_sheet_draw_page (self->sheet, cr, self->page);
  cairo_restore (cr);
}

static void
previous_page_clicked (RigExportDialog *self)
{
  if (self->page > 0)
    self->page--;
  update_summary (self);
  gtk_widget_queue_draw (self->preview);
}

static void
next_page_clicked (RigExportDialog *self)
{
  if (self->page + 1 < rig_sheet_get_n_pages (self->sheet))
    self->page++;
  update_summary (self);
  gtk_widget_queue_draw (self->preview);
}

/* ---- export ------------------------------------------------------------ */

gboolean
rig_export_dialog_export_to (RigExportDialog *self, GFile *file, GError **error)
{
  g_return_val_if_fail (RIG_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return rig_export_sheet_to_file (self->sheet, rig_export_dialog_get_format (self), file, error);
}

static void
show_error (RigExportDialog *self, const char *message)
{
  GtkWidget *dialog = gtk_message_dialog_new (
      GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT, GTK_MESSAGE_ERROR,
      GTK_BUTTONS_CLOSE, _ ("Could not export the wiring sheet"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chooser_response (GtkNativeDialog *chooser, int response, RigExportDialog *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  /* A name typed without the extension gets it. */
  if (rig_export_format_for_name (g_file_peek_path (file)) < 0 && g_file_peek_path (file) != NULL)
    {
      g_autofree char *path
          = g_strdup_printf ("%s.%s", g_file_peek_path (file),
                             rig_export_format_to_nick (rig_export_dialog_get_format (self)));
      GFile *with_extension = g_file_new_for_path (path);

      g_object_unref (file);
      file = with_extension;
    }
  if (!rig_export_dialog_export_to (self, file, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static char *
suggested_name (RigExportDialog *self)
{
  RigExportFormat format = rig_export_dialog_get_format (self);
  GFile *file = rig_document_get_file (self->doc);
  g_autofree char *stem = NULL;

  if (file != NULL)
    {
      g_autofree char *base = g_file_get_basename (file);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      stem = g_strdup (base);
    }
  else if (*rig_document_get_title (self->doc) != '\0')
    stem = g_strdelimit (g_strdup (rig_document_get_title (self->doc)), "/\\:", '-');
  else
    stem = g_strdup (_ ("Wiring sheet"));
  return g_strdup_printf ("%s.%s", stem, rig_export_format_to_nick (format));
}

/* The title and author typed here go to the rig, one undo step, and the
 * preview follows. */
static void
apply_details (RigExportDialog *self)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title));
  const char *author = gtk_editable_get_text (GTK_EDITABLE (self->author));
  g_autoptr (GError) error = NULL;

  gboolean new_title = g_strcmp0 (title, rig_document_get_title (self->doc)) != 0;
  gboolean new_author = g_strcmp0 (author, rig_document_get_author (self->doc)) != 0;

  if (self->history == NULL || (!new_title && !new_author))
    return;
  /* Only what changed: the undo step says "Change Title" for a title. */
  if (!rig_history_apply (
          self->history,
          rig_command_set_metadata (new_title ? title : NULL, new_author ? author : NULL, NULL),
          &error))
    g_warning ("Could not change the rig's details: %s", error->message);
  rebuild (self);
}

static void
details_leave_cb (GtkEventControllerFocus *controller, RigExportDialog *self)
{
  apply_details (self);
}

static GtkWidget *
details_entry (RigExportDialog *self)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (entry, "activate", G_CALLBACK (apply_details), self);
  g_signal_connect (focus, "leave", G_CALLBACK (details_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

static void
export_clicked (RigExportDialog *self)
{
  apply_details (self);
  RigExportFormat format = rig_export_dialog_get_format (self);
  g_autofree char *name = suggested_name (self);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GFile *file = rig_document_get_file (self->doc);

  if (self->chooser != NULL)
    return;
  self->chooser
      = gtk_file_chooser_native_new (_ ("Export Wiring Sheet"), GTK_WINDOW (self),
                                     GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, rig_export_format_to_label (format));
  gtk_file_filter_add_mime_type (filter, rig_export_format_to_mime_type (format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (file != NULL)
    {
      g_autoptr (GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- construction ------------------------------------------------------ */

static GtkWidget *
row_label (const char *text, GtkWidget *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  if (mnemonic_widget != NULL)
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
radio_pair (RigExportDialog *self, const char *a, const char *b, GtkWidget **first,
            GtkWidget **second)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  *first = gtk_check_button_new_with_mnemonic (a);
  *second = gtk_check_button_new_with_mnemonic (b);
  gtk_check_button_set_group (GTK_CHECK_BUTTON (*second), GTK_CHECK_BUTTON (*first));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (*first), TRUE);
  gtk_box_append (GTK_BOX (box), *first);
  gtk_box_append (GTK_BOX (box), *second);
  return box;
}

static void
rig_export_dialog_dispose (GObject *object)
{
  RigExportDialog *self = RIG_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_pointer (&self->sheet, rig_sheet_free);
  g_clear_object (&self->validator);
  g_clear_object (&self->history);
  g_clear_object (&self->doc);
  G_OBJECT_CLASS (rig_export_dialog_parent_class)->dispose (object);
}

static void
rig_export_dialog_class_init (RigExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rig_export_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The window, and its header bar with Cancel and Export. */
static void
init_window (RigExportDialog *self)
{
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));

  gtk_window_set_title (GTK_WINDOW (self), _ ("Export Wiring Sheet"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_titlebar (GTK_WINDOW (self), header);
  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  self->export_button = gtk_button_new_with_mnemonic (_ ("_Export…"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), self->export_button);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked), self);
}

/* The preview and its page switcher. */
static GtkWidget *
preview_pane (RigExportDialog *self)
{
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *pager = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->preview = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->preview), PREVIEW_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->preview), PREVIEW_HEIGHT);
  gtk_widget_set_hexpand (self->preview, TRUE);
  gtk_widget_set_vexpand (self->preview, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->preview), draw_preview, self, NULL);
  gtk_frame_set_child (GTK_FRAME (frame), self->preview);
  self->previous_page = gtk_button_new_from_icon_name ("go-previous-symbolic");
  self->next_page = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_tooltip_text (self->previous_page, _ ("Previous page"));
  gtk_widget_set_tooltip_text (self->next_page, _ ("Next page"));
  self->page_label = gtk_label_new (NULL);
  gtk_widget_set_hexpand (self->page_label, TRUE);
  gtk_box_append (GTK_BOX (pager), self->previous_page);
  gtk_box_append (GTK_BOX (pager), self->page_label);
  gtk_box_append (GTK_BOX (pager), self->next_page);
  gtk_box_append (GTK_BOX (left), frame);
  gtk_box_append (GTK_BOX (left), pager);
  g_signal_connect_swapped (self->previous_page, "clicked", G_CALLBACK (previous_page_clicked),
                            self);
  g_signal_connect_swapped (self->next_page, "clicked", G_CALLBACK (next_page_clicked), self);
  return left;
}

/* "Fit to the page" or "Fixed, over several pages: [100] %". */
static GtkWidget *
scale_options (RigExportDialog *self)
{
  GtkWidget *scale_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *pair;

  self->scale
      = gtk_spin_button_new_with_range (RIG_SHEET_MIN_SCALE * 100, RIG_SHEET_MAX_SCALE * 100, 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->scale), 100);
  pair = radio_pair (self, _ ("Fit to the _page"), _ ("_Fixed, over several pages:"), &self->fit,
                     &self->fixed);
  gtk_box_append (GTK_BOX (scale_box), self->scale);
  gtk_box_append (GTK_BOX (scale_box), gtk_label_new ("%"));
  gtk_widget_set_margin_start (scale_box, 24);
  gtk_box_append (GTK_BOX (pair), scale_box);
  return pair;
}

/* The PNG resolution and its label (self->dpi_label). */
static GtkWidget *
dpi_options (RigExportDialog *self)
{
  GtkWidget *dpi_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->dpi = gtk_spin_button_new_with_range (RIG_SHEET_MIN_DPI, RIG_SHEET_MAX_DPI, 10);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->dpi), RIG_SHEET_DEFAULT_DPI);
  self->dpi_label = row_label (_ ("Re_solution"), NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (self->dpi_label), self->dpi);
  gtk_box_append (GTK_BOX (dpi_box), self->dpi);
  gtk_box_append (GTK_BOX (dpi_box), gtk_label_new (_ ("dpi (PNG)")));
  return dpi_box;
}

/* The options, a row each. */
static GtkWidget *
options_grid (RigExportDialog *self)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *dpi_box;
  const char *formats[RIG_N_EXPORT_FORMATS + 1] = { NULL };
  const char *papers[RIG_N_PAGE_SIZES + 1] = { NULL };
  int row = 0;

  for (guint i = 0; i < RIG_N_EXPORT_FORMATS; i++)
    formats[i] = rig_export_format_to_label (i);
  for (guint i = 0; i < RIG_N_PAGE_SIZES; i++)
    papers[i] = rig_page_size_to_label (i);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_size_request (grid, 300, -1);

  /* The rig's own details, printed in the title block. */
  self->title = details_entry (self);
  gtk_widget_set_name (self->title, "export-title");
  gtk_grid_attach (GTK_GRID (grid), row_label (_ ("_Title"), self->title), 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->title, 1, row++, 1, 1);
  self->author = details_entry (self);
  gtk_widget_set_name (self->author, "export-author");
  gtk_grid_attach (GTK_GRID (grid), row_label (_ ("A_uthor"), self->author), 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->author, 1, row++, 1, 1);

  self->format = gtk_drop_down_new_from_strings (formats);
  gtk_grid_attach (GTK_GRID (grid), row_label (_ ("_Format"), self->format), 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->format, 1, row++, 1, 1);

  gtk_grid_attach (GTK_GRID (grid), row_label (_ ("Content"), NULL), 0, row, 1, 1);
  gtk_grid_attach (
      GTK_GRID (grid),
      radio_pair (self, _ ("F_ull sheet"), _ ("_Diagram only"), &self->full, &self->diagram_only),
      1, row++, 1, 1);
  gtk_widget_set_tooltip_text (self->full, _ ("Title block, diagram and legend, cable schedule, "
                                              "bill of materials and problems"));
  gtk_widget_set_tooltip_text (self->diagram_only, _ ("Title block, diagram and legend"));

  self->paper = gtk_drop_down_new_from_strings (papers);
  gtk_grid_attach (GTK_GRID (grid), row_label (_ ("_Paper"), self->paper), 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->paper, 1, row++, 1, 1);

  gtk_grid_attach (GTK_GRID (grid), row_label (_ ("Orientation"), NULL), 0, row, 1, 1);
  gtk_grid_attach (
      GTK_GRID (grid),
      radio_pair (self, _ ("Po_rtrait"), _ ("_Landscape"), &self->portrait, &self->landscape), 1,
      row++, 1, 1);

  gtk_grid_attach (GTK_GRID (grid), row_label (_ ("Scale"), NULL), 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), scale_options (self), 1, row++, 1, 1);

  self->greyscale = gtk_check_button_new_with_mnemonic (_ ("_Greyscale-friendly"));
  gtk_widget_set_tooltip_text (self->greyscale,
                               _ ("Black, white and greys for black-and-white printers: "
                                  "statuses read from dash patterns and badge shapes"));
  gtk_grid_attach (GTK_GRID (grid), row_label (_ ("Colours"), NULL), 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->greyscale, 1, row++, 1, 1);

  self->levels = gtk_check_button_new_with_mnemonic (_ ("Signal _level diagrams"));
  gtk_widget_set_tooltip_text (self->levels,
                               _ ("Pages after the sheet with each signal path's levels: where "
                                  "each input clips and how loud it plays (in the PDF)"));
  gtk_grid_attach (GTK_GRID (grid), row_label (_ ("Levels"), NULL), 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->levels, 1, row++, 1, 1);

  dpi_box = dpi_options (self);
  gtk_grid_attach (GTK_GRID (grid), self->dpi_label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), dpi_box, 1, row++, 1, 1);

  self->revision = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->revision), _ ("For example: B, or 2"));
  gtk_grid_attach (GTK_GRID (grid), row_label (_ ("_Revision"), self->revision), 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->revision, 1, row++, 1, 1);

  self->summary = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->summary), 36);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_widget_add_css_class (self->summary, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), self->summary, 0, row++, 2, 1);
  return grid;
}

static void
rig_export_dialog_init (RigExportDialog *self)
{
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);

  init_window (self);
  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  gtk_widget_set_margin_top (body, 18);
  gtk_widget_set_margin_bottom (body, 18);
  gtk_box_append (GTK_BOX (body), preview_pane (self));
  gtk_box_append (GTK_BOX (body), options_grid (self));
  gtk_window_set_child (GTK_WINDOW (self), body);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);
}

static void
connect_options (RigExportDialog *self)
{
  GtkWidget *toggles[] = { self->full, self->diagram_only, self->portrait,  self->landscape,
                           self->fit,  self->fixed,        self->greyscale, self->levels };

  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    g_signal_connect (toggles[i], "toggled", G_CALLBACK (toggle_changed), self);
  g_signal_connect_swapped (self->format, "notify::selected", G_CALLBACK (option_changed), self);
  g_signal_connect_swapped (self->paper, "notify::selected", G_CALLBACK (option_changed), self);
  g_signal_connect_swapped (self->scale, "value-changed", G_CALLBACK (option_changed), self);
  g_signal_connect_swapped (self->dpi, "value-changed", G_CALLBACK (option_changed), self);
  g_signal_connect_swapped (self->revision, "changed", G_CALLBACK (option_changed), self);
}

RigExportDialog *
rig_export_dialog_new (GtkWindow *parent, RigDocument *doc, RigHistory *history,
                       RigValidator *validator, const char *format)
{
  RigExportDialog *self;
  int f = rig_export_format_from_nick (format);

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RIG_IS_DOCUMENT (doc), NULL);

  self = g_object_new (RIG_TYPE_EXPORT_DIALOG, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->doc = g_object_ref (doc);
  self->history = history != NULL ? g_object_ref (history) : NULL;
  self->validator = validator != NULL ? g_object_ref (validator) : rig_validator_new (doc);
  gtk_editable_set_text (GTK_EDITABLE (self->title), rig_document_get_title (doc));
  gtk_editable_set_text (GTK_EDITABLE (self->author), rig_document_get_author (doc));
  gtk_widget_set_sensitive (self->title, history != NULL);
  gtk_widget_set_sensitive (self->author, history != NULL);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->format), f >= 0 ? (guint) f : RIG_EXPORT_PDF);
  if (last.set)
    {
      gtk_check_button_set_active (
          GTK_CHECK_BUTTON (last.kind == RIG_SHEET_DIAGRAM_ONLY ? self->diagram_only : self->full),
          TRUE);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->paper), last.page_size);
      gtk_check_button_set_active (
          GTK_CHECK_BUTTON (last.landscape ? self->landscape : self->portrait), TRUE);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->scale), last.scale * 100);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (last.fixed ? self->fixed : self->fit), TRUE);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->greyscale), last.greyscale);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->dpi), last.dpi);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->levels), last.levels);
    }
  /* Empty, the sheet prints the rig's own revision: say which. */
  if (*rig_document_get_revision (doc) != '\0')
    {
      g_autofree char *placeholder
          /* Translators: the revision entry of the export dialog when the rig has one. */
          = g_strdup_printf (_ ("The rig's: %s"), rig_document_get_revision (doc));

      gtk_entry_set_placeholder_text (GTK_ENTRY (self->revision), placeholder);
    }
  connect_options (self);
  rebuild (self);
  return self;
}

void
rig_export_dialog_present (GtkWindow *parent, RigDocument *doc, RigHistory *history,
                           RigValidator *validator, const char *format)
{
  RigExportDialog *self = rig_export_dialog_new (parent, doc, history, validator, format);

  g_return_if_fail (self != NULL);
  gtk_window_present (GTK_WINDOW (self));
}

/* ---- for tests --------------------------------------------------------- */

RigSheet *
rig_export_dialog_get_sheet (RigExportDialog *self)
{
  g_return_val_if_fail (RIG_IS_EXPORT_DIALOG (self), NULL);
  return self->sheet;
}

guint
rig_export_dialog_get_preview_page (RigExportDialog *self)
{
  g_return_val_if_fail (RIG_IS_EXPORT_DIALOG (self), 0);
  return self->page;
}

guint
rig_export_dialog_get_preview_draws (RigExportDialog *self)
{
  g_return_val_if_fail (RIG_IS_EXPORT_DIALOG (self), 0);
  return self->preview_draws;
}

GtkWidget *
rig_export_dialog_get_widget (RigExportDialog *self, const char *name)
{
  const struct
  {
    const char *name;
    GtkWidget *widget;
  } widgets[] = {
    { "format", self->format },
    { "full", self->full },
    { "diagram-only", self->diagram_only },
    { "paper", self->paper },
    { "portrait", self->portrait },
    { "landscape", self->landscape },
    { "fit", self->fit },
    { "fixed", self->fixed },
    { "scale", self->scale },
    { "greyscale", self->greyscale },
    { "levels", self->levels },
    { "dpi", self->dpi },
    { "revision", self->revision },
    { "title", self->title },
    { "author", self->author },
    { "preview", self->preview },
    { "previous-page", self->previous_page },
    { "next-page", self->next_page },
    { "export", self->export_button },
    { "summary", self->summary },
  };

  g_return_val_if_fail (RIG_IS_EXPORT_DIALOG (self), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_strcmp0 (name, widgets[i].name) == 0)
      return widgets[i].widget;
  return NULL;
}
