/* rig-problems.c: the problems list. */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-hear-button.h"
#include "rig-problems.h"

struct _RigProblems
{
  GtkWidget parent_instance;

  GtkWidget *scrolled;
  GtkListBox *list;
  GtkWidget *empty_label;

  RigValidator *validator;
  GPtrArray *diagnostics; /* RigDiagnostic *, as shown */
};

G_DEFINE_FINAL_TYPE (RigProblems, rig_problems, GTK_TYPE_WIDGET)

enum
{
  DIAGNOSTIC_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static GtkWidget *
detail_label (const char *heading, const char *text)
{
  g_autofree char *markup = NULL;
  g_autofree char *escaped_heading = g_markup_escape_text (heading, -1);
  g_autofree char *escaped_text = g_markup_escape_text (text ? text : "", -1);
  GtkWidget *label;

  markup = g_strdup_printf ("<b>%s</b> %s", escaped_heading, escaped_text);
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  return label;
}

static GtkWidget *
make_row (RigDiagnostic *diagnostic)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *expander = gtk_expander_new (NULL);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon
      = gtk_image_new_from_icon_name (rig_problems_severity_icon (diagnostic->severity));
  GtkWidget *severity = gtk_label_new (rig_severity_to_label (diagnostic->severity));
  GtkWidget *code = gtk_label_new (diagnostic->code);
  GtkWidget *message = gtk_label_new (diagnostic->message);
  GtkWidget *details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  const char *nick = rig_severity_to_nick (diagnostic->severity);
  g_autofree char *accessible = g_strdup_printf (
      "%s: %s", rig_severity_to_label (diagnostic->severity), diagnostic->message);

  gtk_widget_add_css_class (icon, nick);
  gtk_widget_add_css_class (severity, nick);
  gtk_widget_add_css_class (severity, "heading");
  gtk_widget_add_css_class (code, "dim-label");
  gtk_widget_add_css_class (code, "monospace");
  gtk_label_set_ellipsize (GTK_LABEL (message), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_widget_set_hexpand (message, TRUE);
  gtk_box_append (GTK_BOX (header), icon);
  gtk_box_append (GTK_BOX (header), severity);
  gtk_box_append (GTK_BOX (header), message);
  gtk_box_append (GTK_BOX (header), code);
  gtk_expander_set_label_widget (GTK_EXPANDER (expander), header);

  gtk_widget_set_margin_start (details, 24);
  gtk_widget_set_margin_top (details, 4);
  gtk_widget_set_margin_bottom (details, 6);
  gtk_box_append (GTK_BOX (details), detail_label (_ ("Why:"), diagnostic->why));
  gtk_box_append (GTK_BOX (details), detail_label (_ ("What you would hear:"), diagnostic->hear));
  {
    GtkWidget *hear_it = rig_hear_button_new ();
    rig_hear_button_set_diagnostic (RIG_HEAR_BUTTON (hear_it), diagnostic);
    gtk_box_append (GTK_BOX (details), hear_it);
  }
  gtk_box_append (GTK_BOX (details), detail_label (_ ("Fix:"), diagnostic->fix));
  gtk_expander_set_child (GTK_EXPANDER (expander), details);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), expander);
  gtk_widget_set_tooltip_text (row, diagnostic->fix);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return row;
}

static void
rig_problems_rebuild (RigProblems *self)
{
  GtkWidget *child;
  guint shown;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  if (self->validator != NULL)
    self->diagnostics = rig_validator_get_diagnostics (self->validator);
  else
    self->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_diagnostic_unref);

  shown = MIN (self->diagnostics->len, RIG_PROBLEMS_MAX_ROWS);
  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (self->list, make_row (g_ptr_array_index (self->diagnostics, i)));
  if (self->diagnostics->len > shown)
    {
      g_autofree char *text = g_strdup_printf (
          ngettext ("and %u more problem", "and %u more problems", self->diagnostics->len - shown),
          self->diagnostics->len - shown);
      GtkWidget *more = gtk_label_new (text);

      gtk_widget_add_css_class (more, "dim-label");
      gtk_list_box_append (self->list, more);
      gtk_list_box_row_set_activatable (
          GTK_LIST_BOX_ROW (gtk_widget_get_last_child (GTK_WIDGET (self->list))), FALSE);
    }

  gtk_widget_set_visible (self->empty_label, self->diagnostics->len == 0);
  gtk_widget_set_visible (self->scrolled, self->diagnostics->len > 0);
}

static void
statuses_changed_cb (RigValidator *validator, const char *const *cables, const char *const *devices,
                     RigProblems *self)
{
  /* The validator re-checks within the frame; the list follows right away. */
  rig_problems_rebuild (self);
}

static void
row_activated_cb (GtkListBox *list, GtkListBoxRow *row, RigProblems *self)
{
  int index = gtk_list_box_row_get_index (row);

  if (index < 0 || (guint) index >= self->diagnostics->len)
    return;
  g_signal_emit (self, signals[DIAGNOSTIC_ACTIVATED], 0,
                 g_ptr_array_index (self->diagnostics, index));
}

static void
rig_problems_dispose (GObject *object)
{
  RigProblems *self = RIG_PROBLEMS (object);

  if (self->validator != NULL)
    g_signal_handlers_disconnect_by_data (self->validator, self);
  g_clear_object (&self->validator);
  self->list = NULL;
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_pointer (&self->empty_label, gtk_widget_unparent);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);

  G_OBJECT_CLASS (rig_problems_parent_class)->dispose (object);
}

static void
rig_problems_class_init (RigProblemsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rig_problems_dispose;

  /**
   * RigProblems::diagnostic-activated:
   * @diagnostic: the RigDiagnostic of the activated row
   */
  signals[DIAGNOSTIC_ACTIVATED]
      = g_signal_new ("diagnostic-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                      NULL, NULL, G_TYPE_NONE, 1, RIG_TYPE_DIAGNOSTIC);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rigproblems");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rig_problems_init (RigProblems *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  self->empty_label = gtk_label_new (_ ("No problems: every cable checks out."));
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_vexpand (self->empty_label, TRUE);
  gtk_widget_set_parent (self->empty_label, GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  /* A click selects (and opens the explanation); Enter or a double click
   * shows the objects on the canvas. */
  gtk_list_box_set_activate_on_single_click (self->list, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "rich-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Problems"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (self->scrolled, TRUE);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  rig_problems_rebuild (self);
}

GtkWidget *
rig_problems_new (void)
{
  return g_object_new (RIG_TYPE_PROBLEMS, NULL);
}

void
rig_problems_set_validator (RigProblems *self, RigValidator *validator)
{
  g_return_if_fail (RIG_IS_PROBLEMS (self));

  if (self->validator == validator)
    return;
  if (self->validator != NULL)
    g_signal_handlers_disconnect_by_data (self->validator, self);
  g_set_object (&self->validator, validator);
  if (validator != NULL)
    g_signal_connect (validator, "statuses-changed", G_CALLBACK (statuses_changed_cb), self);
  if (self->list != NULL)
    rig_problems_rebuild (self);
}

GPtrArray *
rig_problems_get_diagnostics (RigProblems *self)
{
  g_return_val_if_fail (RIG_IS_PROBLEMS (self), NULL);
  return self->diagnostics;
}

char *
rig_problems_dup_selected_text (RigProblems *self)
{
  GtkListBoxRow *row;
  RigDiagnostic *d;
  int index;

  g_return_val_if_fail (RIG_IS_PROBLEMS (self), NULL);

  row = self->list ? gtk_list_box_get_selected_row (self->list) : NULL;
  if (row == NULL)
    {
      /* A click on a row's expander focuses it without selecting the row. */
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
        row = GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW));
    }
  index = row ? gtk_list_box_row_get_index (row) : -1;
  if (index < 0 || (guint) index >= self->diagnostics->len)
    return NULL;
  d = g_ptr_array_index (self->diagnostics, index);
  return g_strdup_printf ("%s: [%s] %s\n%s %s\n%s %s\n%s %s\n", rig_severity_to_label (d->severity),
                          d->code, d->message, _ ("Why:"), d->why, _ ("What you would hear:"),
                          d->hear, _ ("Fix:"), d->fix);
}
