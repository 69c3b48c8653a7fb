/* test-export-dialog.c: the Export ▸ PNG / SVG / PDF dialog.
 *
 * A display test: run it under Xvfb (xvfb-run). With no display it fails.
 * Opens the dialog on an example rig, switches its options and checks that
 * the sheet is laid out again and the preview redraws, pages through the
 * preview, and exports through the path the Export button takes once a file
 * is chosen (the native file chooser itself is left out). Printing runs its
 * real GtkPrintOperation with the EXPORT action into a PDF, which has the
 * sheet's pages for the paper of the page setup. With
 * $RIG_TEST_SCREENSHOT set to a file name, saves a picture of the dialog.
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "rig-catalog.h"
#include "rig-test-models.h"
#include "rig-export-dialog-private.h"
#include "rig-format.h"
#include "rig-print-private.h"

static void
test_no_display (void)
{
  g_test_fail_printf ("no display: run this test under Xvfb (xvfb-run -a meson test ...)");
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @done (@data) is TRUE, for at most 5 seconds. */
static void
wait_for (gboolean (*done) (gpointer data), gpointer data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (5, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_true (done (data));
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

typedef struct
{
  RigExportDialog *dialog;
  guint draws;
} DrawWait;

static gboolean
has_redrawn (gpointer data)
{
  DrawWait *wait = data;

  return rig_export_dialog_get_preview_draws (wait->dialog) > wait->draws;
}

/* Runs @change and waits for the preview to draw again. */
#define EXPECT_REDRAW(dialog, change)                                                              \
  G_STMT_START                                                                                     \
  {                                                                                                \
    DrawWait wait = { dialog, rig_export_dialog_get_preview_draws (dialog) };                      \
    change;                                                                                        \
    wait_for (has_redrawn, &wait);                                                                 \
  }                                                                                                \
  G_STMT_END

static RigDocument *
load_example (const char *name)
{
  g_autofree char *path
      = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  RigDocument *doc = rig_format_load_file (file, rig_catalog_get_default (), &error);

  g_assert_no_error (error);
  return doc;
}

static GtkWidget *
widget (RigExportDialog *dialog, const char *name)
{
  GtkWidget *w = rig_export_dialog_get_widget (dialog, name);

  g_assert_nonnull (w);
  return w;
}

static void
check (RigExportDialog *dialog, const char *name, gboolean active)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (widget (dialog, name)), active);
}

static void
save_screenshot (GtkWidget *window, const char *path)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int w = gtk_widget_get_width (window), h = gtk_widget_get_height (window);
  graphene_rect_t viewport = GRAPHENE_RECT_INIT (0, 0, w, h);
  GskRenderNode *node;
  GdkTexture *texture;

  GTK_WIDGET_GET_CLASS (window)->snapshot (window, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &viewport);
  gdk_texture_save_to_png (texture, path);
  g_object_unref (texture);
  gsk_render_node_unref (node);
}

static void
test_dialog (void)
{
  g_autoptr (RigDocument) doc = load_example ("lesson-aux-vs-headphone.rigwire");
  RigExportDialog *dialog = rig_export_dialog_new (NULL, doc, NULL, NULL, "png");
  RigSheet *sheet;
  double w, h;
  guint columns, rows;

  gtk_window_present (GTK_WINDOW (dialog));
  wait_for (is_mapped, widget (dialog, "preview"));
  wait_for (has_redrawn, &(DrawWait){ dialog, 0 });

  /* As opened: PNG, full sheet, A4 portrait, fit. */
  g_assert_cmpint (rig_export_dialog_get_format (dialog), ==, RIG_EXPORT_PNG);
  g_assert_true (gtk_widget_get_sensitive (widget (dialog, "dpi")));
  g_assert_false (gtk_widget_get_sensitive (widget (dialog, "scale")));
  sheet = rig_export_dialog_get_sheet (dialog);
  rig_sheet_get_page_size (sheet, &w, &h);
  g_assert_cmpfloat (w, <, h);
  g_assert_cmpuint (rig_sheet_get_n_pages (sheet), ==, 2);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (widget (dialog, "summary"))),
                            "PNG image holds the first page"));
  g_assert_false (gtk_widget_get_sensitive (widget (dialog, "previous-page")));
  g_assert_true (gtk_widget_get_sensitive (widget (dialog, "next-page")));

  /* Each option lays the sheet out again and redraws the preview. */
  EXPECT_REDRAW (dialog, check (dialog, "landscape", TRUE));
  sheet = rig_export_dialog_get_sheet (dialog);
  rig_sheet_get_page_size (sheet, &w, &h);
  g_assert_cmpfloat (w, >, h);

  EXPECT_REDRAW (
      dialog, gtk_drop_down_set_selected (GTK_DROP_DOWN (widget (dialog, "paper")), RIG_PAGE_A3));
  rig_sheet_get_page_size (rig_export_dialog_get_sheet (dialog), &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 1190.5512, 0.01);

  EXPECT_REDRAW (dialog, check (dialog, "diagram-only", TRUE));
  g_assert_cmpint (rig_sheet_get_options (rig_export_dialog_get_sheet (dialog))->kind, ==,
                   RIG_SHEET_DIAGRAM_ONLY);
  g_assert_cmpuint (rig_sheet_get_n_pages (rig_export_dialog_get_sheet (dialog)), ==, 1);

  EXPECT_REDRAW (dialog, check (dialog, "greyscale", TRUE));
  g_assert_true (rig_sheet_get_options (rig_export_dialog_get_sheet (dialog))->greyscale);

  EXPECT_REDRAW (dialog, check (dialog, "fixed", TRUE));
  g_assert_true (gtk_widget_get_sensitive (widget (dialog, "scale")));
  EXPECT_REDRAW (dialog,
                 gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget (dialog, "scale")), 200));
  sheet = rig_export_dialog_get_sheet (dialog);
  g_assert_cmpfloat_with_epsilon (rig_sheet_get_diagram_scale (sheet), 1.5, 1e-9);
  g_assert_cmpuint (rig_sheet_get_n_diagram_pages (sheet, &columns, &rows), >, 1);
  g_assert_nonnull (
      strstr (gtk_label_get_text (GTK_LABEL (widget (dialog, "summary"))), "tiled over"));

  /* Paging through the preview. */
  EXPECT_REDRAW (dialog, gtk_widget_activate (widget (dialog, "next-page")));
  g_assert_cmpuint (rig_export_dialog_get_preview_page (dialog), ==, 1);
  EXPECT_REDRAW (dialog, gtk_widget_activate (widget (dialog, "previous-page")));
  g_assert_cmpuint (rig_export_dialog_get_preview_page (dialog), ==, 0);

  /* PDF: the resolution is for PNG only. */
  EXPECT_REDRAW (dialog, gtk_drop_down_set_selected (GTK_DROP_DOWN (widget (dialog, "format")),
                                                     RIG_EXPORT_PDF));
  g_assert_false (gtk_widget_get_sensitive (widget (dialog, "dpi")));

  /* Back to a one-page portrait sheet to export it. */
  EXPECT_REDRAW (dialog, check (dialog, "fit", TRUE));
  EXPECT_REDRAW (dialog, check (dialog, "portrait", TRUE));
  EXPECT_REDRAW (dialog, check (dialog, "full", TRUE));
  EXPECT_REDRAW (dialog, check (dialog, "greyscale", FALSE));
  EXPECT_REDRAW (
      dialog, gtk_drop_down_set_selected (GTK_DROP_DOWN (widget (dialog, "paper")), RIG_PAGE_A4));
  EXPECT_REDRAW (dialog, gtk_editable_set_text (GTK_EDITABLE (widget (dialog, "revision")), "C"));
  g_assert_cmpstr (rig_sheet_get_options (rig_export_dialog_get_sheet (dialog))->revision, ==, "C");

  if (g_getenv ("RIG_TEST_SCREENSHOT") != NULL)
    save_screenshot (GTK_WIDGET (dialog), g_getenv ("RIG_TEST_SCREENSHOT"));

  {
    g_autoptr (GError) error = NULL;
    g_autofree char *dir = g_dir_make_tmp ("rigwire-test-dialog-XXXXXX", &error);
    g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
    g_autofree char *png = g_build_filename (dir, "sheet.png", NULL);
    g_autofree char *bad = g_build_filename (dir, "missing", "sheet.pdf", NULL);
    g_autoptr (GFile) pdf_file = g_file_new_for_path (pdf);
    g_autoptr (GFile) png_file = g_file_new_for_path (png);
    g_autoptr (GFile) bad_file = g_file_new_for_path (bad);
    cairo_surface_t *image;
    char *contents = NULL;

    g_assert_no_error (error);
    g_assert_true (rig_export_dialog_export_to (dialog, pdf_file, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    g_free (contents);

    EXPECT_REDRAW (dialog, gtk_drop_down_set_selected (GTK_DROP_DOWN (widget (dialog, "format")),
                                                       RIG_EXPORT_PNG));
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget (dialog, "dpi")), 72);
    g_assert_true (rig_export_dialog_export_to (dialog, png_file, &error));
    g_assert_no_error (error);
    image = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 596);
    cairo_surface_destroy (image);

    g_assert_false (rig_export_dialog_export_to (dialog, bad_file, &error));
    g_assert_nonnull (error);
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

    g_unlink (pdf);
    g_unlink (png);
    g_rmdir (dir);
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The dialog remembers the last options of the session. */
/* The rig's title and author are shown and edited in the dialog: one undo
 * step, and the sheet follows; with no history they are shown only. */
static void
test_details (void)
{
  g_autoptr (RigDocument) doc = load_example ("car.rigwire");
  RigHistory *history = rig_test_history (doc);
  RigExportDialog *dialog = rig_export_dialog_new (NULL, doc, history, NULL, "pdf");
  RigExportDialog *shown = rig_export_dialog_new (NULL, doc, NULL, NULL, "pdf");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget (dialog, "title"))), ==,
                   rig_document_get_title (doc));
  gtk_editable_set_text (GTK_EDITABLE (widget (dialog, "title")), "Van install, rev. 2");
  g_signal_emit_by_name (widget (dialog, "title"), "activate");
  g_assert_cmpstr (rig_document_get_title (doc), ==, "Van install, rev. 2");
  g_assert_cmpstr (rig_history_get_undo_label (history), ==, "Change Title");
  g_assert_true (rig_history_undo (history));
  g_assert_false (rig_history_can_undo (history));

  g_assert_false (gtk_widget_get_sensitive (widget (shown, "title")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (shown));
}

static void
test_remembers (void)
{
  g_autoptr (RigDocument) doc = load_example ("car.rigwire");
  RigExportDialog *first = rig_export_dialog_new (NULL, doc, NULL, NULL, "pdf");
  RigExportDialog *second;

  check (first, "landscape", TRUE);
  check (first, "diagram-only", TRUE);
  gtk_window_destroy (GTK_WINDOW (first));

  second = rig_export_dialog_new (NULL, doc, NULL, NULL, "svg");
  g_assert_cmpint (rig_export_dialog_get_format (second), ==, RIG_EXPORT_SVG);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (widget (second, "landscape"))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (widget (second, "diagram-only"))));
  g_assert_true (rig_sheet_get_options (rig_export_dialog_get_sheet (second))->landscape);
  gtk_window_destroy (GTK_WINDOW (second));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_print (void)
{
  g_autoptr (RigDocument) doc = load_example ("lesson-aux-vs-headphone.rigwire");
  g_autoptr (GtkPrintOperation) operation = rig_print_operation_new (NULL, doc, NULL);
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr (GError) error = NULL;
  g_autoptr (RigSheet) sheet = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rigwire-test-print-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "printed.pdf", NULL);
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = NULL;
  g_autofree char *pages = NULL;
  RigSheetOptions options;
  GtkPrintOperationResult result;

  g_assert_no_error (error);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_export_filename (operation, pdf);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  rig_sheet_options_init (&options);
  options.page_size = RIG_PAGE_A4;
  options.landscape = TRUE;
  sheet = rig_sheet_new (doc, NULL, &options);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info,
                               NULL, NULL, &error));
  g_assert_no_error (error);
  pages = g_strdup_printf ("Pages:           %u\n", rig_sheet_get_n_pages (sheet));
  g_assert_nonnull (strstr (info, pages));
  g_assert_nonnull (strstr (info, "Page size:       841.89 x 595.276 pts (A4)"));
  {
    const char *text_argv[] = { "pdftotext", pdf, "-", NULL };
    g_autofree char *text = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **) text_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &text, NULL, NULL, &error));
    g_assert_nonnull (strstr (text, "Are aux and headphone jacks the same?"));
    g_assert_nonnull (strstr (text, "Cable schedule"));
    g_assert_nonnull (strstr (text, "A-006"));
    if (g_getenv ("RIG_TEST_PRINT_COPY") != NULL)
      g_assert_true (g_file_set_contents (g_getenv ("RIG_TEST_PRINT_COPY"), "", 0, NULL)
                     && g_rename (pdf, g_getenv ("RIG_TEST_PRINT_COPY")) == 0);
  }
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/export-dialog/display", test_no_display);
      return g_test_run ();
    }
  g_test_add_func ("/export-dialog/options-and-export", test_dialog);
  g_test_add_func ("/export-dialog/remembers", test_remembers);
  g_test_add_func ("/export-dialog/details", test_details);
  g_test_add_func ("/print/export-to-pdf", test_print);
  return g_test_run ();
}
