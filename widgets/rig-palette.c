/* rig-palette.c: the device palette.
 *
 * A search entry above a GtkListBox of the catalog's models, sorted by
 * category (in RigCategory order) then by name, with a header row per
 * category. GTK 4.8's GtkListView has no section headers; a list box has them
 * (set_header_func), filters in place, skips headers in keyboard navigation,
 * and a few hundred rows are few. While searching, the best matches come
 * first (entry_rank()), still grouped by category.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rig-cull-bin.h"
#include "rig-first-frame.h"
#include "rig-palette-private.h"
#include "rig-tooltip.h"

struct _RigPalette
{
  GtkWidget parent_instance;

  RigCatalog *catalog;

  GtkWidget *search_entry;
  GtkWidget *scrolled_window;
  GtkListBox *list_box;

  /* Rows come in two goes (#13): a screenful with the palette, the rest
   * once the window has painted its first frame (or as soon as anything
   * needs them all: a search, keyboard navigation, the tests). */
  GPtrArray *unbuilt; /* PaletteEntry *, sorted, not in the list yet (owned) */
  RigFirstFrame *rest;

  char **filter_words;                 /* " word": normalized search words; NULL shows everything */
  int category_rank[RIG_N_CATEGORIES]; /* while searching: the best score in each category */
  guint category_words[RIG_N_CATEGORIES]; /* ... and the shortest name with that score */
};

G_DEFINE_FINAL_TYPE (RigPalette, rig_palette, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  MODEL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a row shows and is searched by. */
typedef struct
{
  RigDeviceModel *model;
  char *haystack;   /* " word word ... ": normalized search text */
  char *name_words; /* " word word ": the normalized name alone */
  guint n_name_words;
  int rank; /* while searching: how well the model matches */
  char *connectors;
  char *sort_key;
} PaletteEntry;

static GQuark entry_quark;

static void
ensure_rows (RigPalette *self);

static void
palette_entry_free (gpointer data)
{
  PaletteEntry *entry = data;

  rig_device_model_unref (entry->model);
  g_free (entry->haystack);
  g_free (entry->name_words);
  g_free (entry->connectors);
  g_free (entry->sort_key);
  g_free (entry);
}

static PaletteEntry *
row_get_entry (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_qdata (G_OBJECT (row), entry_quark) : NULL;
}

/* Search text in one form: normalized, casefolded, with every character that
 * is not a letter, a digit, '.' or '-' turned into a space, so that "(CTIA)"
 * and "3.5 mm" split into words ("ctia", "3.5", "mm"). */
static char *
normalize (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  g_autofree char *folded = NULL;
  GString *out;

  if (normal == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (normal, -1);
  out = g_string_sized_new (strlen (folded) + 2);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '.' || c == '-')
        g_string_append_unichar (out, c);
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  return g_string_free (out, FALSE);
}

/* ---- what a row shows --------------------------------------------------- */

const char *
rig_palette_get_model_icon_name (const RigDeviceModel *model)
{
  const char *id;

  g_return_val_if_fail (model != NULL, "audio-x-generic-symbolic");

  id = model->id != NULL ? model->id : "";
  switch (model->category)
    {
      case RIG_CATEGORY_SOURCE:
        if (strstr (id, "phone") != NULL)
          return "phone-symbolic";
        if (strstr (id, "tablet") != NULL)
          return "tablet-symbolic";
        if (strstr (id, "laptop") != NULL || strstr (id, "pc") != NULL
            || strstr (id, "computer") != NULL)
          return "computer-symbolic";
        if (g_str_has_prefix (id, "tv") || strstr (id, "monitor") != NULL)
          return "video-display-symbolic";
        if (g_str_has_prefix (id, "cd") || strstr (id, "dvd") != NULL || strstr (id, "turntable"))
          return "media-optical-symbolic";
        if (strstr (id, "console") != NULL || strstr (id, "game") != NULL)
          return "input-gaming-symbolic";
        return "multimedia-player-symbolic";
      case RIG_CATEGORY_AMPLIFIER:
        return "audio-volume-high-symbolic";
      case RIG_CATEGORY_HEADPHONE_AMPLIFIER:
        return "audio-card-symbolic";
      case RIG_CATEGORY_PASSIVE_SPEAKER:
      case RIG_CATEGORY_ACTIVE_SPEAKER:
        return "audio-speakers-symbolic";
      case RIG_CATEGORY_HEADPHONES:
        if (strstr (id, "headset") != NULL)
          return "audio-headset-symbolic";
        return "audio-headphones-symbolic";
      case RIG_CATEGORY_MICROPHONE:
        return "audio-input-microphone-symbolic";
      case RIG_CATEGORY_INSTRUMENT:
        if (strstr (id, "keyboard") != NULL || strstr (id, "piano") != NULL
            || strstr (id, "synth") != NULL)
          return "input-keyboard-symbolic";
        return "emblem-music-symbolic";
      case RIG_CATEGORY_MIXER:
        return "input-dialpad-symbolic"; /* rows of knobs */
      case RIG_CATEGORY_INTERFACE:
        return "audio-card-symbolic";
      case RIG_CATEGORY_CONVERTER:
        if (g_str_has_prefix (id, "bt-") || strstr (id, "bluetooth") != NULL)
          return "bluetooth-symbolic";
        return "media-playlist-shuffle-symbolic";
      case RIG_CATEGORY_ADAPTER:
        return "insert-link-symbolic";
      case RIG_CATEGORY_ACCESSORY:
        return "applications-utilities-symbolic";
      case RIG_CATEGORY_POWER:
        return "ac-adapter-symbolic";
      case RIG_N_CATEGORIES:
      default:
        return "audio-x-generic-symbolic";
    }
}

/* The model's main connectors, "3.5 mm TRRS (CTIA) · USB-C · Bluetooth": the
 * distinct audio connectors (power inlets only on power devices), at most
 * four. */
static char *
describe_connectors (const RigDeviceModel *model)
{
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  guint shown = 0;

  for (guint pass = 0; pass < 2 && seen->len == 0; pass++)
    for (guint i = 0; i < model->n_jacks; i++)
      {
        const RigJack *jack = &model->jacks[i];
        char *text;

        /* First pass: audio jacks only, unless the model is about power. */
        if (pass == 0 && model->category != RIG_CATEGORY_POWER
            && (jack->signal == RIG_SIGNAL_POWER || jack->connector == RIG_CONNECTOR_IEC
                || jack->connector == RIG_CONNECTOR_DC_BARREL))
          continue;
        text = rig_jack_describe_connector (jack);
        if (g_ptr_array_find_with_equal_func (seen, text, g_str_equal, NULL))
          {
            g_free (text);
            continue;
          }
        g_ptr_array_add (seen, text);
      }

  for (guint i = 0; i < seen->len; i++)
    {
      if (shown == 4)
        {
          g_string_append (out, " …");
          break;
        }
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append (out, g_ptr_array_index (seen, i));
      shown++;
    }
  return g_string_free (out, FALSE);
}

/* Name, category, keywords and every jack's connector, for the search. The
 * name and keywords are there in the user's language and as the catalog
 * writes them, so English words find a device in every language. */
static char *
build_haystack (const RigDeviceModel *model)
{
  g_autoptr (GString) text = g_string_new (NULL);
  const char *keywords = rig_device_model_get_display_keywords (model);

  g_string_append_printf (text, "%s\n%s\n%s\n%s\n", rig_device_model_get_display_name (model),
                          model->name, rig_category_to_label (model->category),
                          rig_category_to_nick (model->category));
  if (keywords != NULL)
    g_string_append_printf (text, "%s\n", keywords);
  if (model->keywords != NULL && keywords != model->keywords)
    g_string_append_printf (text, "%s\n", model->keywords);
  for (guint i = 0; i < model->n_jacks; i++)
    {
      const RigJack *jack = &model->jacks[i];
      g_autofree char *connector = rig_jack_describe_connector (jack);

      g_string_append_printf (text, "%s\n%s\n%s\n", connector,
                              rig_connector_to_label (jack->connector),
                              rig_connector_to_nick (jack->connector));
      if (rig_jack_is_phone (jack))
        g_string_append_printf (text, "%s %s\n", rig_phone_size_to_nick (jack->size),
                                rig_poles_to_label (jack->poles));
    }
  {
    g_autofree char *words = normalize (text->str);
    g_autoptr (GString) haystack = g_string_new (" ");
    g_auto (GStrv) split = g_strsplit (words, " ", -1);

    /* " word word ...": a search word matches the start of any word. Words
     * with hyphens ("usb-c", "micro-usb") are also there in pieces. */
    for (guint i = 0; split[i] != NULL; i++)
      {
        if (split[i][0] == '\0')
          continue;
        g_string_append_printf (haystack, "%s ", split[i]);
        if (strchr (split[i], '-') != NULL)
          {
            g_auto (GStrv) pieces = g_strsplit (split[i], "-", -1);

            for (guint j = 0; pieces[j] != NULL; j++)
              if (pieces[j][0] != '\0')
                g_string_append_printf (haystack, "%s ", pieces[j]);
          }
      }
    return g_string_free (g_steal_pointer (&haystack), FALSE);
  }
}

static PaletteEntry *
palette_entry_new (RigDeviceModel *model)
{
  PaletteEntry *entry = g_new0 (PaletteEntry, 1);
  g_autofree char *key = NULL;

  entry->model = rig_device_model_ref (model);
  entry->haystack = build_haystack (model);
  {
    const char *shown = rig_device_model_get_display_name (model);
    g_autofree char *name = normalize (shown);
    g_autofree char *source = shown != model->name ? normalize (model->name) : g_strdup ("");

    /* The words of the name shown count; the source name's words match too. */
    entry->name_words = g_strconcat (" ", name, " ", NULL);
    for (const char *p = entry->name_words + 1; *p != '\0'; p++)
      entry->n_name_words += *p == ' ';
    if (*source != '\0')
      {
        g_autofree char *shown_words = g_steal_pointer (&entry->name_words);

        entry->name_words = g_strconcat (shown_words, source, " ", NULL);
      }
  }
  entry->connectors = describe_connectors (model);
  key = g_utf8_collate_key (rig_device_model_get_display_name (model), -1);
  entry->sort_key = g_strdup_printf ("%03d%s", (int) model->category, key);
  return entry;
}

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  const PaletteEntry *ea = *(PaletteEntry *const *) a;
  const PaletteEntry *eb = *(PaletteEntry *const *) b;

  return strcmp (ea->sort_key, eb->sort_key);
}

/* ---- dragging ------------------------------------------------------------ */

GdkContentProvider *
rig_palette_create_content_provider (RigDeviceModel *model)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (model != NULL, NULL);

  text = g_strconcat (RIG_PALETTE_DRAG_PREFIX, model->id, NULL);
  return gdk_content_provider_new_typed (G_TYPE_STRING, text);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source, double x, double y, GtkListBoxRow *row)
{
  PaletteEntry *entry = row_get_entry (row);

  g_object_set_data (G_OBJECT (source), "rig-hot-x", GINT_TO_POINTER ((int) x));
  g_object_set_data (G_OBJECT (source), "rig-hot-y", GINT_TO_POINTER ((int) y));
  return entry != NULL ? rig_palette_create_content_provider (entry->model) : NULL;
}

/* The drag icon is the row itself, held where the pointer took it. */
static void
drag_begin_cb (GtkDragSource *source, GdkDrag *drag, GtkListBoxRow *row)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (row));

  gtk_drag_source_set_icon (source, paintable,
                            GPOINTER_TO_INT (g_object_get_data (G_OBJECT (source), "rig-hot-x")),
                            GPOINTER_TO_INT (g_object_get_data (G_OBJECT (source), "rig-hot-y")));
}

/* ---- rows and headers ----------------------------------------------------- */

static GtkWidget *
create_row (PaletteEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);
  GtkWidget *icon = gtk_image_new_from_icon_name (rig_palette_get_model_icon_name (entry->model));
  const char *model_name = rig_device_model_get_display_name (entry->model);
  const char *description = rig_device_model_get_display_description (entry->model);
  GtkWidget *name = gtk_label_new (model_name);
  GtkWidget *subtitle = gtk_label_new (entry->connectors);
  GtkDragSource *source = gtk_drag_source_new ();
  g_autofree char *tooltip = NULL;

  gtk_widget_add_css_class (row, "rig-palette-model");
  gtk_widget_add_css_class (icon, "rig-palette-icon");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_visible (subtitle, entry->connectors[0] != '\0');
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);

  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  /* Drawn only near the view (cull_rows()). */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), rig_cull_bin_new (box));

  /* The full name and what the device is, for names cut short. */
  if (description != NULL)
    tooltip = g_markup_printf_escaped ("<b>%s</b>\n%s", model_name, description);
  else
    tooltip = g_markup_escape_text (model_name, -1);
  rig_tooltip_set_markup (row, tooltip);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, model_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, entry->connectors, -1);

  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), row, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), row, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  g_object_set_qdata_full (G_OBJECT (row), entry_quark, entry, palette_entry_free);
  return row;
}

static void
header_func (GtkListBoxRow *row, GtkListBoxRow *before, gpointer user_data)
{
  PaletteEntry *entry = row_get_entry (row);
  PaletteEntry *previous = row_get_entry (before);
  GtkWidget *header;

  if (previous != NULL && previous->model->category == entry->model->category)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_list_box_row_get_header (row);
  if (header == NULL)
    {
      header = gtk_label_new (rig_category_to_label (entry->model->category));
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (header, "rig-palette-header");
      gtk_widget_add_css_class (header, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                      -1);
      gtk_list_box_row_set_header (row, header);
    }
}

/* ---- filtering ----------------------------------------------------------- */

/* Every search word starts a word of the model's search text. */
static gboolean
entry_matches (RigPalette *self, PaletteEntry *entry)
{
  if (self->filter_words == NULL)
    return TRUE;
  for (guint i = 0; self->filter_words[i] != NULL; i++)
    if (strstr (entry->haystack, self->filter_words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* How well a matching model fits the search: each search word found whole
 * in the name counts most, then as the start of a name's word, then whole
 * among its keywords and connectors. So "electric guitar" puts the guitar
 * before the bass, whose keywords say "guitar". */
static int
entry_rank (RigPalette *self, PaletteEntry *entry)
{
  int rank = 0;

  for (guint i = 0; self->filter_words[i] != NULL; i++)
    {
      g_autofree char *whole = g_strconcat (self->filter_words[i], " ", NULL);

      if (strstr (entry->name_words, whole) != NULL)
        rank += 4;
      else if (strstr (entry->name_words, self->filter_words[i]) != NULL)
        rank += 2;
      else if (strstr (entry->haystack, whole) != NULL)
        rank += 1;
    }
  return rank;
}

/* Without a search: by category, then name. While searching: categories by
 * their best match, and in each the best matches first, so that the first
 * row (which Enter places) is the best match of all. */
static int
sort_func (GtkListBoxRow *row_a, GtkListBoxRow *row_b, gpointer user_data)
{
  RigPalette *self = user_data;
  PaletteEntry *a = row_get_entry (row_a);
  PaletteEntry *b = row_get_entry (row_b);

  if (self->filter_words != NULL)
    {
      RigCategory ca = a->model->category, cb = b->model->category;

      if (self->category_rank[ca] != self->category_rank[cb])
        return self->category_rank[cb] - self->category_rank[ca];
      if (self->category_words[ca] != self->category_words[cb])
        return (int) self->category_words[ca] - (int) self->category_words[cb];
      if (a->model->category == b->model->category && a->rank != b->rank)
        return b->rank - a->rank;
      /* Equal matches: the one whose name the search covers more. */
      if (a->model->category == b->model->category && a->n_name_words != b->n_name_words)
        return (int) a->n_name_words - (int) b->n_name_words;
    }
  return strcmp (a->sort_key, b->sort_key);
}

/* Scores every model for the current search. */
static void
rank_entries (RigPalette *self)
{
  GtkListBoxRow *row;

  for (guint i = 0; i < RIG_N_CATEGORIES; i++)
    {
      self->category_rank[i] = -1;
      self->category_words[i] = G_MAXUINT;
    }
  if (self->filter_words == NULL)
    return;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      PaletteEntry *entry = row_get_entry (row);
      RigCategory category;

      if (entry == NULL || !entry_matches (self, entry))
        continue;
      entry->rank = entry_rank (self, entry);
      category = entry->model->category;
      if (entry->rank > self->category_rank[category]
          || (entry->rank == self->category_rank[category]
              && entry->n_name_words < self->category_words[category]))
        {
          self->category_rank[category] = entry->rank;
          self->category_words[category] = entry->n_name_words;
        }
    }
}

static gboolean
filter_func (GtkListBoxRow *row, gpointer user_data)
{
  PaletteEntry *entry = row_get_entry (row);

  return entry != NULL && entry_matches (RIG_PALETTE (user_data), entry);
}

static void
apply_filter_text (RigPalette *self, const char *text)
{
  g_autofree char *normal = normalize (text != NULL ? text : "");
  g_auto (GStrv) words = g_strsplit_set (g_strstrip (normal), " \t\n", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  /* Stored as " word" to match at the start of a word of the haystack. */
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      {
        g_autofree char *word = g_strconcat (" ", words[i], NULL);

        g_strv_builder_add (builder, word);
        n++;
      }

  ensure_rows (self);
  g_clear_pointer (&self->filter_words, g_strfreev);
  if (n > 0)
    self->filter_words = g_strv_builder_end (builder);
  rank_entries (self);
  gtk_list_box_invalidate_filter (self->list_box);
  gtk_list_box_invalidate_sort (self->list_box);
  gtk_list_box_invalidate_headers (self->list_box);
}

static GtkListBoxRow *
first_visible_row (RigPalette *self)
{
  GtkListBoxRow *row;

  ensure_rows (self);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    if (entry_matches (self, row_get_entry (row)))
      return row;
  return NULL;
}

static void
search_changed_cb (GtkSearchEntry *entry, RigPalette *self)
{
  apply_filter_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Enter in the search entry places the first match. */
static void
search_activate_cb (GtkSearchEntry *entry, RigPalette *self)
{
  GtkListBoxRow *row;

  apply_filter_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
  row = first_visible_row (self);
  if (row != NULL)
    g_signal_emit (self, signals[MODEL_ACTIVATED], 0, row_get_entry (row)->model);
}

static void
search_stop_cb (GtkSearchEntry *entry, RigPalette *self)
{
  rig_palette_set_filter_text (self, NULL);
}

/* Down (or Page Down) in the search entry moves into the list. */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                       GdkModifierType state, RigPalette *self)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down && keyval != GDK_KEY_Page_Down)
    return GDK_EVENT_PROPAGATE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  row = first_visible_row (self);
  if (row == NULL)
    return GDK_EVENT_PROPAGATE;
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return GDK_EVENT_STOP;
}

/* Up from the first row goes back to the search entry. */
static gboolean
list_keynav_failed_cb (GtkWidget *list_box, GtkDirectionType direction, RigPalette *self)
{
  if (direction != GTK_DIR_UP)
    return FALSE;
  gtk_widget_grab_focus (self->search_entry);
  return TRUE;
}

static void
row_activated_cb (GtkListBox *list_box, GtkListBoxRow *row, RigPalette *self)
{
  PaletteEntry *entry = row_get_entry (row);

  if (entry != NULL)
    g_signal_emit (self, signals[MODEL_ACTIVATED], 0, entry->model);
}

/* ---- drawing only the rows near the view ---------------------------------- */

/* Each row's content is drawn while the row is within a view's height of
 * the view (rig-cull-bin.h): scrolling a view's height at once still finds
 * the rows drawn. Looked at again when the list scrolls, when its length or
 * the view's height changes, and each time the palette is laid out (a
 * search, rows made, rows of another height). A row not laid out yet is
 * drawn. */
static void
cull_rows (RigPalette *self)
{
  GtkAdjustment *adjustment;
  double page, top, bottom;

  /* Disposed: the scrolled window's adjustment may still change. */
  if (self->list_box == NULL)
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled_window));
  page = gtk_adjustment_get_page_size (adjustment);
  top = gtk_adjustment_get_value (adjustment) - page;
  bottom = gtk_adjustment_get_value (adjustment) + 2 * page;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *bin = GTK_IS_LIST_BOX_ROW (child)
                           ? gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (child))
                           : NULL;
      graphene_rect_t bounds;
      gboolean near = TRUE;

      if (!RIG_IS_CULL_BIN (bin))
        continue;
      if (page > 0 && gtk_widget_get_child_visible (child)
          && gtk_widget_compute_bounds (child, GTK_WIDGET (self->list_box), &bounds))
        near = bounds.origin.y + bounds.size.height >= top && bounds.origin.y <= bottom;
      rig_cull_bin_set_drawn (RIG_CULL_BIN (bin), near);
    }
}

static void
adjustment_cb (GtkAdjustment *adjustment, RigPalette *self)
{
  cull_rows (self);
}

static void
rig_palette_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  GTK_WIDGET_CLASS (rig_palette_parent_class)->size_allocate (widget, width, height, baseline);
  cull_rows (RIG_PALETTE (widget));
}

/* ---- style ---------------------------------------------------------------- */

static const char palette_css[]
    = "rig-palette > .rig-palette-search { margin: 8px 8px 4px 8px; }\n"
      "rig-palette list.navigation-sidebar { background: none; padding-top: 0; }\n"
      "rig-palette list.navigation-sidebar > row { min-height: 40px; padding: 2px 10px; }\n"
      "rig-palette .rig-palette-header { font-size: 0.8em; font-weight: bold;"
      "  margin: 14px 16px 4px 16px; }\n"
      "rig-palette .rig-palette-empty { margin: 24px 16px; }\n";

static void
ensure_style (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr (GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "rig-palette-css") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, palette_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "rig-palette-css", g_steal_pointer (&provider),
                          g_object_unref);
}

/* ---- building -------------------------------------------------------------- */

/* How many rows the palette makes at once: more than a tall window shows. */
#define FIRST_ROWS 24

/* Makes the rows not made yet. */
static void
ensure_rows (RigPalette *self)
{
  GPtrArray *unbuilt = g_steal_pointer (&self->unbuilt);
  gsize n = 0;
  g_autofree PaletteEntry **entries
      = unbuilt != NULL ? (PaletteEntry **) g_ptr_array_steal (unbuilt, &n) : NULL;

  rig_first_frame_cancel (&self->rest);
  /* Each row owns its entry. */
  for (gsize i = 0; i < n; i++)
    gtk_list_box_append (self->list_box, create_row (entries[i]));
  if (unbuilt != NULL)
    g_ptr_array_unref (unbuilt);
}

static gboolean
rest_cb (gpointer data)
{
  ensure_rows (data);
  return G_SOURCE_REMOVE;
}

static void
populate (RigPalette *self)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new ();
  guint n = self->catalog != NULL ? rig_catalog_get_n_models (self->catalog) : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (entries, palette_entry_new (rig_catalog_get_model (self->catalog, i)));
  g_ptr_array_sort (entries, compare_entries);

  for (guint i = 0; i < MIN (entries->len, FIRST_ROWS); i++)
    gtk_list_box_append (self->list_box, create_row (g_ptr_array_index (entries, i)));
  if (entries->len <= FIRST_ROWS)
    return;
  g_ptr_array_remove_range (entries, 0, FIRST_ROWS);
  g_ptr_array_set_free_func (entries, palette_entry_free);
  self->unbuilt = g_steal_pointer (&entries);
  self->rest = rig_first_frame_run (GTK_WIDGET (self), rest_cb, self);
}

static void
rig_palette_constructed (GObject *object)
{
  RigPalette *self = RIG_PALETTE (object);

  G_OBJECT_CLASS (rig_palette_parent_class)->constructed (object);

  if (self->catalog == NULL)
    self->catalog = g_object_ref (rig_catalog_get_default ());
  populate (self);
}

static void
rig_palette_dispose (GObject *object)
{
  RigPalette *self = RIG_PALETTE (object);
  GtkWidget *child;

  rig_first_frame_cancel (&self->rest);
  g_clear_pointer (&self->unbuilt, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->search_entry = NULL;
  self->scrolled_window = NULL;
  self->list_box = NULL;
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (rig_palette_parent_class)->dispose (object);
}

static void
rig_palette_finalize (GObject *object)
{
  RigPalette *self = RIG_PALETTE (object);

  g_strfreev (self->filter_words);

  G_OBJECT_CLASS (rig_palette_parent_class)->finalize (object);
}

static void
rig_palette_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RigPalette *self = RIG_PALETTE (object);

  switch (prop_id)
    {
      case PROP_CATALOG:
        g_value_set_object (value, self->catalog);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rig_palette_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RigPalette *self = RIG_PALETTE (object);

  switch (prop_id)
    {
      case PROP_CATALOG:
        g_set_object (&self->catalog, g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
rig_palette_grab_focus (GtkWidget *widget)
{
  RigPalette *self = RIG_PALETTE (widget);

  return self->search_entry != NULL && gtk_widget_grab_focus (self->search_entry);
}

static void
rig_palette_class_init (RigPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rig_palette_constructed;
  object_class->dispose = rig_palette_dispose;
  object_class->finalize = rig_palette_finalize;
  object_class->get_property = rig_palette_get_property;
  object_class->set_property = rig_palette_set_property;

  widget_class->grab_focus = rig_palette_grab_focus;
  widget_class->size_allocate = rig_palette_size_allocate;

  properties[PROP_CATALOG]
      = g_param_spec_object ("catalog", NULL, NULL, RIG_TYPE_CATALOG,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                                 | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RigPalette::model-activated:
   * @palette: the palette
   * @model: (transfer none): the model to place
   *
   * Enter or a double click on a model.
   */
  signals[MODEL_ACTIVATED] = g_signal_new ("model-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                           RIG_TYPE_DEVICE_MODEL | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rig-palette");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  entry_quark = g_quark_from_static_string ("rig-palette-entry");
}

static void
rig_palette_init (RigPalette *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (widget);
  GtkEventController *keys;
  GtkAdjustment *adjustment;
  GtkWidget *placeholder;

  ensure_style ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Device palette"), -1);

  self->search_entry = gtk_search_entry_new ();
  gtk_widget_add_css_class (self->search_entry, "rig-palette-search");
  g_object_set (self->search_entry, "placeholder-text", _ ("Search devices and connectors"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Search devices"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _ ("Filters by name, category, keyword or connector, such as "
                                     "XLR, 3.5 or optical"),
                                  -1);
  gtk_widget_set_tooltip_text (self->search_entry,
                               _ ("Search by name, category, keyword or connector (XLR, 3.5, "
                                  "TRRS, speaker, optical…)"));
  gtk_widget_set_parent (self->search_entry, widget);

  self->scrolled_window = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled_window), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scrolled_window, TRUE);
  gtk_widget_set_parent (self->scrolled_window, widget);

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "navigation-sidebar");
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->list_box, FALSE);
  gtk_list_box_set_header_func (self->list_box, header_func, self, NULL);
  gtk_list_box_set_filter_func (self->list_box, filter_func, self, NULL);
  gtk_list_box_set_sort_func (self->list_box, sort_func, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Devices"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled_window),
                                 GTK_WIDGET (self->list_box));

  placeholder = gtk_label_new (_ ("No device matches the search"));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_label_set_justify (GTK_LABEL (placeholder), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "rig-palette-empty");
  gtk_list_box_set_placeholder (self->list_box, placeholder);

  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (search_stop_cb), self);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (self->search_entry, keys);
  /* Typing in the list goes to the search. */
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->search_entry),
                                           GTK_WIDGET (self->list_box));

  g_signal_connect (self->list_box, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect (self->list_box, "keynav-failed", G_CALLBACK (list_keynav_failed_cb), self);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled_window));
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (adjustment_cb), self, 0);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (adjustment_cb), self, 0);
}

GtkWidget *
rig_palette_new (RigCatalog *catalog)
{
  g_return_val_if_fail (catalog == NULL || RIG_IS_CATALOG (catalog), NULL);

  return g_object_new (RIG_TYPE_PALETTE, "catalog", catalog, NULL);
}

RigCatalog *
rig_palette_get_catalog (RigPalette *self)
{
  g_return_val_if_fail (RIG_IS_PALETTE (self), NULL);

  return self->catalog;
}

void
rig_palette_focus_search (RigPalette *self)
{
  g_return_if_fail (RIG_IS_PALETTE (self));

  gtk_widget_grab_focus (self->search_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
rig_palette_set_filter_text (RigPalette *self, const char *text)
{
  g_return_if_fail (RIG_IS_PALETTE (self));

  if (text == NULL)
    text = "";
  /* Setting the text schedules a delayed search-changed; filter now too. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  apply_filter_text (self, text);
}

const char *
rig_palette_get_filter_text (RigPalette *self)
{
  g_return_val_if_fail (RIG_IS_PALETTE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

/* ---- for the tests ---------------------------------------------------------- */

GtkListBox *
rig_palette_get_list_box (RigPalette *self)
{
  g_return_val_if_fail (RIG_IS_PALETTE (self), NULL);

  ensure_rows (self);
  return self->list_box;
}

GtkWidget *
rig_palette_get_search_entry (RigPalette *self)
{
  g_return_val_if_fail (RIG_IS_PALETTE (self), NULL);

  return self->search_entry;
}

RigDeviceModel *
rig_palette_row_get_model (GtkListBoxRow *row)
{
  PaletteEntry *entry = row_get_entry (row);

  return entry != NULL ? entry->model : NULL;
}

GStrv
rig_palette_dup_visible_ids (RigPalette *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  GtkListBoxRow *row;

  g_return_val_if_fail (RIG_IS_PALETTE (self), NULL);

  ensure_rows (self);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
      g_strv_builder_add (builder, row_get_entry (row)->model->id);
  return g_strv_builder_end (builder);
}

GStrv
rig_palette_dup_visible_headers (RigPalette *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  GtkListBoxRow *row;

  g_return_val_if_fail (RIG_IS_PALETTE (self), NULL);

  ensure_rows (self);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      GtkWidget *header = gtk_list_box_row_get_header (row);

      if (gtk_widget_get_child_visible (GTK_WIDGET (row)) && header != NULL)
        g_strv_builder_add (builder, gtk_label_get_text (GTK_LABEL (header)));
    }
  return g_strv_builder_end (builder);
}

guint
rig_palette_get_n_rows_made (RigPalette *self)
{
  guint n = 0;

  g_return_val_if_fail (RIG_IS_PALETTE (self), 0);

  while (gtk_list_box_get_row_at_index (self->list_box, (int) n) != NULL)
    n++;
  return n;
}

guint
rig_palette_get_n_models (RigPalette *self)
{
  g_return_val_if_fail (RIG_IS_PALETTE (self), 0);

  return self->catalog != NULL ? rig_catalog_get_n_models (self->catalog) : 0;
}
