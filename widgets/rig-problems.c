/* rig-problems.c: the problems list: every diagnostic of the rig, errors
 * first, in a list view whose rows (rig-problem-row.c) open to explain. */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-problem-row.h"
#include "rig-problems.h"

struct _RigProblems
{
  GtkWidget parent_instance;

  GtkWidget *scrolled;
  GtkListView *list;
  GListStore *store; /* RigProblemItem, one per diagnostic */
  GtkSingleSelection *selection;
  GtkWidget *empty_label;

  RigValidator *validator;
  GPtrArray *diagnostics; /* RigDiagnostic *, as shown */
  GPtrArray *stored;      /* those the store's items hold: the shown, or a rig's before it */
};

G_DEFINE_FINAL_TYPE (RigProblems, rig_problems, GTK_TYPE_WIDGET)

enum
{
  DIAGNOSTIC_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Brings the items in line with the validator's diagnostics. Both lists are
 * sorted the same way (rig_diagnostic_compare()), so one walk down both
 * finds what came and went: a re-check touches the items of what changed
 * only, rows in view are remade for those alone, and open rows stay open. */
static void
rig_problems_rebuild (RigProblems *self)
{
  g_autoptr (GPtrArray) old = NULL;
  GPtrArray *now;
  guint i = 0, j = 0, pos = 0, n_old;
  gboolean pending = self->validator != NULL && rig_validator_is_pending (self->validator);

  /* A rig just opened is drawn first and checked right after: until then
   * the list says so, and never that every cable checks out. Its rows stay
   * in the store, hidden, until the check: letting go of the rows of a
   * rig's 1,400 problems took 20 ms of the frame that shows the next rig. */
  if (pending)
    {
      g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
      self->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_diagnostic_unref);
      gtk_label_set_label (GTK_LABEL (self->empty_label), _ ("Checking the rig…"));
      gtk_widget_set_visible (self->empty_label, TRUE);
      gtk_widget_set_visible (self->scrolled, FALSE);
      return;
    }
  old = g_steal_pointer (&self->stored);
  n_old = old != NULL ? old->len : 0;
  if (self->validator != NULL)
    now = rig_validator_get_diagnostics (self->validator);
  else
    now = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_diagnostic_unref);

  while (i < n_old || j < now->len)
    {
      RigDiagnostic *a = i < n_old ? g_ptr_array_index (old, i) : NULL;
      RigDiagnostic *b = j < now->len ? g_ptr_array_index (now, j) : NULL;
      int order;
      guint removed = 0;

      /* What a re-check left alone is the very same diagnostic: most of a
       * big rig's list, passed over without comparing. */
      if (a == b)
        {
          i++, j++, pos++;
          continue;
        }
      order = a == NULL ? 1 : b == NULL ? -1 : rig_diagnostic_compare (a, b);
      if (order == 0 && rig_diagnostic_equal (a, b))
        {
          i++, j++, pos++;
          continue;
        }
      /* A run of removals, then a run of insertions, spliced at once. */
      while (
          i < n_old
          && (j >= now->len
              || rig_diagnostic_compare (g_ptr_array_index (old, i), g_ptr_array_index (now, j)) < 0
              || (rig_diagnostic_compare (g_ptr_array_index (old, i), g_ptr_array_index (now, j))
                      == 0
                  && !rig_diagnostic_equal (g_ptr_array_index (old, i),
                                            g_ptr_array_index (now, j)))))
        i++, removed++;
      {
        g_autoptr (GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

        while (
            j < now->len
            && (i >= n_old
                || rig_diagnostic_compare (g_ptr_array_index (old, i), g_ptr_array_index (now, j))
                       > 0))
          g_ptr_array_add (added, rig_problem_item_new (g_ptr_array_index (now, j++)));
        g_list_store_splice (self->store, pos, removed, added->pdata, added->len);
        pos += added->len;
      }
    }
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  self->diagnostics = now;
  self->stored = g_ptr_array_ref (now);

  gtk_label_set_label (GTK_LABEL (self->empty_label), _ ("No problems: every cable checks out."));
  gtk_widget_set_visible (self->empty_label, now->len == 0);
  gtk_widget_set_visible (self->scrolled, now->len > 0);
}

static void
statuses_changed_cb (RigValidator *validator, const char *const *cables, const char *const *devices,
                     RigProblems *self)
{
  /* The validator re-checks within the frame; the list follows right away. */
  rig_problems_rebuild (self);
}

static void
activate_cb (GtkListView *list, guint position, RigProblems *self)
{
  g_autoptr (RigProblemItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (item != NULL)
    g_signal_emit (self, signals[DIAGNOSTIC_ACTIVATED], 0, rig_problem_item_get_diagnostic (item));
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
  g_clear_pointer (&self->stored, g_ptr_array_unref);

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

  self->store = g_list_store_new (RIG_TYPE_PROBLEM_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (
      g_object_ref (GTK_SELECTION_MODEL (self->selection)), rig_problem_row_factory_new ()));
  /* A click selects (and opens the explanation); Enter or a double click
   * shows the objects on the canvas. */
  gtk_list_view_set_single_click_activate (self->list, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "rich-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Problems"), -1);
  g_signal_connect (self->list, "activate", G_CALLBACK (activate_cb), self);

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

/* The diagnostic of the selected row, else of the row that has the focus
 * (a click on a row's expander focuses it without selecting the row). */
static RigDiagnostic *
selected_diagnostic (RigProblems *self)
{
  RigProblemItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
        item = rig_problem_row_get_item (focus);
    }
  return item != NULL ? rig_problem_item_get_diagnostic (item) : NULL;
}

char *
rig_problems_dup_selected_text (RigProblems *self)
{
  RigDiagnostic *d;

  g_return_val_if_fail (RIG_IS_PROBLEMS (self), NULL);

  d = self->store != NULL ? selected_diagnostic (self) : NULL;
  if (d == NULL)
    return NULL;
  return g_strdup_printf ("%s: [%s] %s\n%s %s\n%s %s\n%s %s\n", rig_severity_to_label (d->severity),
                          d->code, d->message, _ ("Why:"), d->why, _ ("What you would hear:"),
                          d->hear, _ ("Fix:"), d->fix);
}

/* The position of @diagnostic's row in the list, or -1. */
int
rig_problems_find_row (RigProblems *self, const RigDiagnostic *diagnostic)
{
  g_return_val_if_fail (RIG_IS_PROBLEMS (self), -1);

  for (guint i = 0; self->diagnostics != NULL && i < self->diagnostics->len; i++)
    if (g_ptr_array_index (self->diagnostics, i) == diagnostic)
      return (int) i;
  return -1;
}

/* Activates the row at @position, as Enter on it does. */
void
rig_problems_activate_row (RigProblems *self, guint position)
{
  g_return_if_fail (RIG_IS_PROBLEMS (self));
  g_signal_emit_by_name (self->list, "activate", position);
}
