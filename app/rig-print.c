/* rig-print.c: printing a rig's wiring sheet with GtkPrintOperation. */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-print-private.h"
#include "rig-sheet.h"

/* Kept for the session, so the second print starts where the first ended. */
static GtkPrintSettings *saved_settings;
static GtkPageSetup *saved_page_setup;
static RigSheetKind saved_kind = RIG_SHEET_FULL;
static gboolean saved_greyscale;

typedef struct
{
  RigDocument *doc;
  RigValidator *validator;
  GtkWindow *parent;
  RigSheet *sheet;
  RigSheetKind kind;
  gboolean greyscale;
  GtkWidget *diagram_only; /* the custom tab's buttons */
  GtkWidget *greyscale_button;
  gboolean done;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->sheet, rig_sheet_free);
  g_clear_object (&job->doc);
  g_clear_object (&job->validator);
  g_clear_object (&job->parent);
  g_free (job);
}

static GObject *
create_custom_widget (GtkPrintOperation *operation, PrintJob *job)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *full = gtk_check_button_new_with_mnemonic (_ ("_Full sheet: diagram, cable "
                                                           "schedule, materials, problems"));
  GtkWidget *title = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (title), _ ("<b>What to print</b>"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  job->diagram_only = gtk_check_button_new_with_mnemonic (_ ("_Diagram only"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (job->diagram_only), GTK_CHECK_BUTTON (full));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (full), job->kind == RIG_SHEET_FULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (job->diagram_only),
                               job->kind == RIG_SHEET_DIAGRAM_ONLY);
  job->greyscale_button = gtk_check_button_new_with_mnemonic (
      _ ("_Greyscale-friendly: statuses by dash pattern and badge shape"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (job->greyscale_button), job->greyscale);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), full);
  gtk_box_append (GTK_BOX (box), job->diagram_only);
  gtk_box_append (GTK_BOX (box), job->greyscale_button);
  return G_OBJECT (box);
}

static void
custom_widget_apply (GtkPrintOperation *operation, GtkWidget *widget, PrintJob *job)
{
  job->kind = gtk_check_button_get_active (GTK_CHECK_BUTTON (job->diagram_only))
                  ? RIG_SHEET_DIAGRAM_ONLY
                  : RIG_SHEET_FULL;
  job->greyscale = gtk_check_button_get_active (GTK_CHECK_BUTTON (job->greyscale_button));
  saved_kind = job->kind;
  saved_greyscale = job->greyscale;
}

/* Lays the sheet out for the chosen paper, orientation included. */
static void
begin_print (GtkPrintOperation *operation, GtkPrintContext *context, PrintJob *job)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  RigSheetOptions options;

  rig_sheet_options_init (&options);
  options.kind = job->kind;
  options.greyscale = job->greyscale;
  options.page_width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  options.page_height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);
  g_clear_pointer (&job->sheet, rig_sheet_free);
  job->sheet = rig_sheet_new (job->doc, job->validator, &options);
  gtk_print_operation_set_n_pages (operation, (int) rig_sheet_get_n_pages (job->sheet));
}

static void
draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr, PrintJob *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double sheet_w, sheet_h, w = gtk_print_context_get_width (context);
  double h = gtk_print_context_get_height (context);
  double scale;

  if (job->sheet == NULL || page_nr < 0 || (guint) page_nr >= rig_sheet_get_n_pages (job->sheet))
    return;
  rig_sheet_get_page_size (job->sheet, &sheet_w, &sheet_h);
  /* The context is in points on the full paper; scale anyway, should a
   * printer's page differ from the paper we laid out for. */
  scale = MIN (w / sheet_w, h / sheet_h);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  rig_sheet_draw_page (job->sheet, cr, (guint) page_nr);
  cairo_restore (cr);
}

static void
show_error (GtkWindow *parent, const char *message)
{
  GtkWidget *dialog = gtk_message_dialog_new (
      parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT, GTK_MESSAGE_ERROR,
      GTK_BUTTONS_CLOSE, _ ("Could not print the wiring sheet"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
done (GtkPrintOperation *operation, GtkPrintOperationResult result, PrintJob *job)
{
  if (job->done)
    return;
  job->done = TRUE;
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr (GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (job->parent, error != NULL ? error->message : "");
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&saved_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&saved_page_setup, gtk_print_operation_get_default_page_setup (operation));
    }
}

static void
release_when_done (GtkPrintOperation *operation)
{
  g_object_unref (operation);
}

GtkPrintOperation *
rig_print_operation_new (GtkWindow *parent, RigDocument *doc, RigValidator *validator)
{
  GtkPrintOperation *operation;
  PrintJob *job;
  const char *title;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RIG_IS_DOCUMENT (doc), NULL);

  job = g_new0 (PrintJob, 1);
  job->doc = g_object_ref (doc);
  job->validator = validator != NULL ? g_object_ref (validator) : NULL;
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->kind = saved_kind;
  job->greyscale = saved_greyscale;

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "rig-print-job", job,
                          (GDestroyNotify) print_job_free);
  title = rig_document_get_title (doc);
  gtk_print_operation_set_job_name (operation, *title != '\0' ? title : _ ("Wiring sheet"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_custom_tab_label (operation, _ ("Wiring sheet"));
  if (saved_settings != NULL)
    gtk_print_operation_set_print_settings (operation, saved_settings);
  if (saved_page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, saved_page_setup);

  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (create_custom_widget), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (custom_widget_apply), job);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), job);
  g_signal_connect (operation, "done", G_CALLBACK (done), job);
  return operation;
}

void
rig_print_rig (GtkWindow *parent, RigDocument *doc, RigValidator *validator)
{
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult result;
  PrintJob *job;

  operation = rig_print_operation_new (parent, doc, validator);
  g_return_if_fail (operation != NULL);
  job = g_object_get_data (G_OBJECT (operation), "rig-print-job");
  gtk_print_operation_set_allow_async (operation, TRUE);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                    &error);
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      /* Printing goes on after this returns: keep the operation until then. */
      g_signal_connect_after (g_object_ref (operation), "done", G_CALLBACK (release_when_done),
                              NULL);
      return;
    }
  if (!job->done)
    {
      /* Finished without "done": cancelled, or an error before printing. */
      job->done = TRUE;
      if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
        show_error (job->parent, error->message);
    }
}
