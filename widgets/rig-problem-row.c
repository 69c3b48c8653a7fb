/* rig-problem-row.c: the problems list's items and rows. */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-hear-button.h"
#include "rig-problem-row.h"
#include "rig-tooltip.h"

struct _RigProblemItem
{
  GObject parent_instance;

  RigDiagnostic *diagnostic;
  gboolean expanded;
};

G_DEFINE_FINAL_TYPE (RigProblemItem, rig_problem_item, G_TYPE_OBJECT)

static void
rig_problem_item_finalize (GObject *object)
{
  g_clear_pointer (&RIG_PROBLEM_ITEM (object)->diagnostic, rig_diagnostic_unref);
  G_OBJECT_CLASS (rig_problem_item_parent_class)->finalize (object);
}

static void
rig_problem_item_class_init (RigProblemItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rig_problem_item_finalize;
}

static void
rig_problem_item_init (RigProblemItem *self)
{
}

RigProblemItem *
rig_problem_item_new (RigDiagnostic *diagnostic)
{
  RigProblemItem *self = g_object_new (RIG_TYPE_PROBLEM_ITEM, NULL);

  self->diagnostic = rig_diagnostic_ref (diagnostic);
  return self;
}

RigDiagnostic *
rig_problem_item_get_diagnostic (RigProblemItem *self)
{
  g_return_val_if_fail (RIG_IS_PROBLEM_ITEM (self), NULL);
  return self->diagnostic;
}

const char *
rig_problems_severity_icon (RigSeverity severity)
{
  switch (severity)
    {
      case RIG_SEVERITY_ERROR:
        return "dialog-error-symbolic";
      case RIG_SEVERITY_WARNING:
        return "dialog-warning-symbolic";
      case RIG_SEVERITY_INFO:
        return "dialog-information-symbolic";
      case RIG_SEVERITY_NONE:
      case RIG_N_SEVERITIES:
      default:
        return "emblem-ok-symbolic";
    }
}

/* ---- rows ------------------------------------------------------------------ */

/* The widgets of one row, kept on its expander. */
typedef struct
{
  GtkWidget *expander;
  GtkWidget *icon;
  GtkWidget *severity;
  GtkWidget *message;
  GtkWidget *code;
  /* The explanation, made when the row is first opened (#13: a rig's
   * thousands of problems fill the list at once). NULL until then. */
  GtkWidget *details;
  GtkWidget *why;
  GtkWidget *hear;
  GtkWidget *hear_it; /* plays it, as wired and wired right (rig-hear-button.h) */
  GtkWidget *fix;
  RigProblemItem *item; /* while bound */
  char *nick;           /* the severity's style class while bound */
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->nick);
  g_free (row);
}

static GtkWidget *
detail_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  return label;
}

static void
set_detail (GtkWidget *label, const char *heading, const char *text)
{
  g_autofree char *escaped_heading = g_markup_escape_text (heading, -1);
  g_autofree char *escaped_text = g_markup_escape_text (text ? text : "", -1);
  g_autofree char *markup = g_strdup_printf ("<b>%s</b> %s", escaped_heading, escaped_text);

  gtk_label_set_markup (GTK_LABEL (label), markup);
}

/* Shows the bound diagnostic in the explanation. */
static void
fill_details (Row *row, RigDiagnostic *d)
{
  set_detail (row->why, _ ("Why:"), d->why);
  set_detail (row->hear, _ ("What you would hear:"), d->hear);
  set_detail (row->fix, _ ("Fix:"), d->fix);
  rig_hear_button_set_diagnostic (RIG_HEAR_BUTTON (row->hear_it), d);
}

static void
make_details (Row *row)
{
  GtkWidget *details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  row->why = detail_label ();
  row->hear = detail_label ();
  row->fix = detail_label ();
  row->hear_it = rig_hear_button_new ();
  gtk_widget_set_margin_start (details, 24);
  gtk_widget_set_margin_top (details, 4);
  gtk_widget_set_margin_bottom (details, 6);
  gtk_box_append (GTK_BOX (details), row->why);
  gtk_box_append (GTK_BOX (details), row->hear);
  gtk_box_append (GTK_BOX (details), row->hear_it);
  gtk_box_append (GTK_BOX (details), row->fix);
  gtk_expander_set_child (GTK_EXPANDER (row->expander), details);
  row->details = details;
}

static void
expanded_cb (GtkExpander *expander, GParamSpec *pspec, Row *row)
{
  if (row->item == NULL)
    return;
  row->item->expanded = gtk_expander_get_expanded (expander);
  if (row->item->expanded && row->details == NULL)
    {
      make_details (row);
      fill_details (row, row->item->diagnostic);
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  row->expander = gtk_expander_new (NULL);
  row->icon = gtk_image_new ();
  row->severity = gtk_label_new (NULL);
  row->message = gtk_label_new (NULL);
  row->code = gtk_label_new (NULL);

  gtk_widget_add_css_class (row->severity, "heading");
  gtk_widget_add_css_class (row->code, "dim-label");
  gtk_widget_add_css_class (row->code, "monospace");
  gtk_label_set_ellipsize (GTK_LABEL (row->message), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (row->message), 0);
  gtk_widget_set_hexpand (row->message, TRUE);
  gtk_box_append (GTK_BOX (header), row->icon);
  gtk_box_append (GTK_BOX (header), row->severity);
  gtk_box_append (GTK_BOX (header), row->message);
  gtk_box_append (GTK_BOX (header), row->code);
  gtk_expander_set_label_widget (GTK_EXPANDER (row->expander), header);

  gtk_widget_set_margin_top (row->expander, 6);
  gtk_widget_set_margin_bottom (row->expander, 6);

  g_object_set_data_full (G_OBJECT (row->expander), "rig-problem-row", row, row_free);
  g_signal_connect (row->expander, "notify::expanded", G_CALLBACK (expanded_cb), row);
  gtk_list_item_set_child (list_item, row->expander);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  Row *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), "rig-problem-row");
  RigProblemItem *item = gtk_list_item_get_item (list_item);
  RigDiagnostic *d = item->diagnostic;
  g_autofree char *accessible
      = g_strdup_printf ("%s: %s", rig_severity_to_label (d->severity), d->message);

  row->item = NULL; /* no write-back while the state is set */
  row->nick = g_strdup (rig_severity_to_nick (d->severity));
  gtk_image_set_from_icon_name (GTK_IMAGE (row->icon), rig_problems_severity_icon (d->severity));
  gtk_widget_add_css_class (row->icon, row->nick);
  gtk_label_set_text (GTK_LABEL (row->severity), rig_severity_to_label (d->severity));
  gtk_widget_add_css_class (row->severity, row->nick);
  gtk_label_set_text (GTK_LABEL (row->message), d->message);
  gtk_label_set_text (GTK_LABEL (row->code), d->code);
  if (row->details == NULL && item->expanded)
    make_details (row);
  if (row->details != NULL)
    fill_details (row, d);
  gtk_expander_set_expanded (GTK_EXPANDER (row->expander), item->expanded);
  rig_tooltip_set_text (row->expander, d->fix);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  row->item = item;
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  Row *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), "rig-problem-row");

  row->item = NULL;
  if (row->hear_it != NULL)
    rig_hear_button_set_diagnostic (RIG_HEAR_BUTTON (row->hear_it), NULL);
  if (row->nick != NULL)
    {
      gtk_widget_remove_css_class (row->icon, row->nick);
      gtk_widget_remove_css_class (row->severity, row->nick);
      g_clear_pointer (&row->nick, g_free);
    }
}

GtkListItemFactory *
rig_problem_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);
  return factory;
}

RigProblemItem *
rig_problem_row_get_item (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      Row *row = g_object_get_data (G_OBJECT (widget), "rig-problem-row");

      if (row != NULL)
        return row->item;
    }
  return NULL;
}
