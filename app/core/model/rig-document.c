/* rig-document.c: a rig: metadata, devices, cables and their indexes.
 *
 * Devices and cables live in ordered arrays (the saved order). Beside them:
 * - an id -> entry hash per kind, for O(1) lookups by id; an entry also caches
 *   the object's position in its array, valid below a watermark (inserting or
 *   removing at i invalidates the positions from i on; they are recomputed
 *   lazily, so a burst of edits costs one pass at most);
 * - a per-device list of the cables with an end on it, in document order, kept
 *   sorted by an order key ("rank") that each cable gets when inserted between
 *   its neighbours, so no insertion needs to know positions;
 * - per cable-number prefix ("A", "S", ...), a sorted tree of the numbers in
 *   use, for rig_document_new_cable_number().
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rig-document-models.h"
#include "rig-document-private.h"
#include "rig-exercise.h"
#include "rig-lesson.h"

/* The gap between the ranks of cables appended one after another. */
#define RANK_GAP (G_GUINT64_CONSTANT (1) << 24)

typedef struct
{
  RigDevice *device; /* owned by self->devices */
  guint index;       /* valid when < self->device_watermark */
} DeviceEntry;

typedef struct
{
  RigCable *cable; /* owned by self->cables */
  guint index;     /* valid when < self->cable_watermark */
  guint64 rank;    /* orders cables as in self->cables */
} CableEntry;

struct _RigDocument
{
  GObject parent_instance;

  char *title;
  char *author;
  char *revision; /* "B", "2026-12 draft": free text, may be "" */
  char *notes;
  double listening_distance; /* m, NAN when unset */
  GFile *file;
  RigExercise *exercise; /* NULL: an ordinary rig (rig-exercise.h) */
  RigLesson *lesson;     /* NULL: no guided steps (rig-lesson.h) */

  GPtrArray *devices;         /* RigDevice*, owned */
  GPtrArray *cables;          /* RigCable*, owned */
  GHashTable *device_entries; /* device->id (borrowed) -> DeviceEntry* (owned) */
  GHashTable *cable_entries;  /* cable->id (borrowed) -> CableEntry* (owned) */
  guint device_watermark;     /* entry->index is right for positions below this */
  guint cable_watermark;

  /* device id (owned) -> GPtrArray of RigCable* (borrowed), sorted by rank */
  GHashTable *device_cables;
  GPtrArray *no_cables; /* the empty array returned for devices without cables */

  /* prefix (owned) -> GTree of number (GUINT_TO_POINTER) -> use count */
  GHashTable *numbers;

  /* model id -> the model and its number of uses (rig-document-models.c) */
  GHashTable *models;

  guint next_device_id; /* "d<N>": N is never below this */
  guint next_cable_id;
};

G_DEFINE_FINAL_TYPE (RigDocument, rig_document, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- ids and numbers ---------------------------------------------------- */

/* The N of "<prefix>N" (N decimal digits only, no sign), or FALSE. */
static gboolean
parse_counted_id (const char *id, char prefix, guint *value)
{
  guint64 n;

  if (id == NULL || id[0] != prefix || !g_ascii_isdigit (id[1]))
    return FALSE;
  if (!g_ascii_string_to_unsigned (id + 1, 10, 0, G_MAXUINT - 1, &n, NULL))
    return FALSE;
  *value = (guint) n;
  return TRUE;
}

static void
reserve_counted_id (guint *counter, const char *id, char prefix)
{
  guint n;

  if (parse_counted_id (id, prefix, &n) && n >= *counter)
    *counter = n + 1;
}

/* "A-004" -> prefix "A" (a new string), number 4. */
static gboolean
parse_cable_number (const char *number, char **prefix, guint *value)
{
  const char *dash;
  guint64 n;

  if (number == NULL || (dash = strrchr (number, '-')) == NULL || dash == number
      || !g_ascii_isdigit (dash[1]))
    return FALSE;
  if (!g_ascii_string_to_unsigned (dash + 1, 10, 0, G_MAXUINT - 1, &n, NULL))
    return FALSE;
  *prefix = g_strndup (number, dash - number);
  *value = (guint) n;
  return TRUE;
}

static int
compare_numbers (gconstpointer a, gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (a), y = GPOINTER_TO_UINT (b);

  return x < y ? -1 : x > y;
}

static void
number_use (RigDocument *self, const char *number, int delta)
{
  g_autofree char *prefix = NULL;
  GTree *tree;
  guint n, count;

  if (!parse_cable_number (number, &prefix, &n))
    return;

  tree = g_hash_table_lookup (self->numbers, prefix);
  if (tree == NULL)
    {
      if (delta < 0)
        return;
      tree = g_tree_new (compare_numbers);
      g_hash_table_insert (self->numbers, g_steal_pointer (&prefix), tree);
    }

  /* Keys are stored as n + 1 so that number 0 is not a NULL key. */
  count = GPOINTER_TO_UINT (g_tree_lookup (tree, GUINT_TO_POINTER (n + 1)));
  if (delta < 0 && count <= 1)
    g_tree_remove (tree, GUINT_TO_POINTER (n + 1));
  else
    g_tree_insert (tree, GUINT_TO_POINTER (n + 1), GUINT_TO_POINTER (count + delta));
}

/* ---- positions ---------------------------------------------------------- */

static void
devices_invalidate_from (RigDocument *self, guint index)
{
  self->device_watermark = MIN (self->device_watermark, index);
}

static void
cables_invalidate_from (RigDocument *self, guint index)
{
  self->cable_watermark = MIN (self->cable_watermark, index);
}

static guint
device_entry_index (RigDocument *self, DeviceEntry *entry)
{
  if (entry->index >= self->device_watermark)
    {
      for (guint i = self->device_watermark; i < self->devices->len; i++)
        {
          RigDevice *device = g_ptr_array_index (self->devices, i);
          DeviceEntry *e = g_hash_table_lookup (self->device_entries, device->id);
          e->index = i;
        }
      self->device_watermark = self->devices->len;
    }
  g_assert (g_ptr_array_index (self->devices, entry->index) == entry->device);
  return entry->index;
}

static guint
cable_entry_index (RigDocument *self, CableEntry *entry)
{
  if (entry->index >= self->cable_watermark)
    {
      for (guint i = self->cable_watermark; i < self->cables->len; i++)
        {
          RigCable *cable = g_ptr_array_index (self->cables, i);
          CableEntry *e = g_hash_table_lookup (self->cable_entries, cable->id);
          e->index = i;
        }
      self->cable_watermark = self->cables->len;
    }
  g_assert (g_ptr_array_index (self->cables, entry->index) == entry->cable);
  return entry->index;
}

static CableEntry *
cable_entry_at (RigDocument *self, guint index)
{
  RigCable *cable = g_ptr_array_index (self->cables, index);

  return g_hash_table_lookup (self->cable_entries, cable->id);
}

/* Gives every cable a fresh, evenly spaced rank (when a gap is used up). */
static void
cables_rerank (RigDocument *self)
{
  for (guint i = 0; i < self->cables->len; i++)
    cable_entry_at (self, i)->rank = (i + 1) * RANK_GAP;
}

/* A rank for a cable just inserted at @index, between its neighbours'. */
static guint64
cables_rank_at (RigDocument *self, guint index)
{
  guint64 before, after;

  before = index > 0 ? cable_entry_at (self, index - 1)->rank : 0;
  if (index + 1 >= self->cables->len)
    {
      if (before <= G_MAXUINT64 - 2 * RANK_GAP)
        return before + RANK_GAP;
    }
  else
    {
      after = cable_entry_at (self, index + 1)->rank;
      if (after - before >= 2)
        return before + (after - before) / 2;
    }

  /* No room left: spread the ranks out again (rare). The new cable's entry
   * gets a rank too, then is given the right one by the caller. */
  cables_rerank (self);
  return cable_entry_at (self, index)->rank;
}

/* ---- the per-device cable lists ----------------------------------------- */

static guint64
cable_rank (RigDocument *self, RigCable *cable)
{
  CableEntry *entry = g_hash_table_lookup (self->cable_entries, cable->id);

  return entry->rank;
}

static void
device_cables_add (RigDocument *self, const char *device_id, RigCable *cable)
{
  GPtrArray *list = g_hash_table_lookup (self->device_cables, device_id);
  guint64 rank = cable_rank (self, cable);
  guint lo, hi;

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->device_cables, g_strdup (device_id), list);
    }

  /* Binary search for the first cable ranked after this one. */
  lo = 0;
  hi = list->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (cable_rank (self, g_ptr_array_index (list, mid)) < rank)
        lo = mid + 1;
      else
        hi = mid;
    }
  g_ptr_array_insert (list, lo, cable);
}

static void
device_cables_remove (RigDocument *self, const char *device_id, RigCable *cable)
{
  GPtrArray *list = g_hash_table_lookup (self->device_cables, device_id);

  g_return_if_fail (list != NULL);
  g_ptr_array_remove (list, cable);
  if (list->len == 0)
    g_hash_table_remove (self->device_cables, device_id);
}

/* Adds @cable to the lists of both its devices (once if they are the same). */
static void
cable_link (RigDocument *self, RigCable *cable)
{
  device_cables_add (self, cable->device[RIG_END_FROM], cable);
  if (g_strcmp0 (cable->device[RIG_END_FROM], cable->device[RIG_END_TO]) != 0)
    device_cables_add (self, cable->device[RIG_END_TO], cable);
}

static void
cable_unlink (RigDocument *self, RigCable *cable)
{
  device_cables_remove (self, cable->device[RIG_END_FROM], cable);
  if (g_strcmp0 (cable->device[RIG_END_FROM], cable->device[RIG_END_TO]) != 0)
    device_cables_remove (self, cable->device[RIG_END_TO], cable);
}

/* Records a cable and the devices at both its ends. */
static void
change_add_cable (RigChange *change, RigChangeFlags flag, const RigCable *cable)
{
  if (change == NULL)
    return;
  rig_change_add_cable (change, flag, cable->id);
  rig_change_add_device (change, flag, cable->device[RIG_END_FROM]);
  rig_change_add_device (change, flag, cable->device[RIG_END_TO]);
}

/* ---- GObject ------------------------------------------------------------ */

static void
rig_document_dispose (GObject *object)
{
  RigDocument *self = RIG_DOCUMENT (object);

  g_clear_object (&self->file);

  G_OBJECT_CLASS (rig_document_parent_class)->dispose (object);
}

static void
rig_document_finalize (GObject *object)
{
  RigDocument *self = RIG_DOCUMENT (object);

  /* The indexes borrow from the objects: drop them first. */
  g_hash_table_unref (self->device_cables);
  g_hash_table_unref (self->cable_entries);
  g_hash_table_unref (self->device_entries);
  g_hash_table_unref (self->numbers);
  g_hash_table_unref (self->models);
  g_ptr_array_unref (self->no_cables);
  g_ptr_array_unref (self->cables);
  g_ptr_array_unref (self->devices);
  g_free (self->title);
  rig_exercise_free (self->exercise);
  rig_lesson_free (self->lesson);
  g_free (self->author);
  g_free (self->revision);
  g_free (self->notes);

  G_OBJECT_CLASS (rig_document_parent_class)->finalize (object);
}

static void
rig_document_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RigDocument *self = RIG_DOCUMENT (object);

  switch (prop_id)
    {
      case PROP_FILE:
        g_value_set_object (value, self->file);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rig_document_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RigDocument *self = RIG_DOCUMENT (object);

  switch (prop_id)
    {
      case PROP_FILE:
        rig_document_set_file (self, g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rig_document_class_init (RigDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rig_document_dispose;
  object_class->finalize = rig_document_finalize;
  object_class->get_property = rig_document_get_property;
  object_class->set_property = rig_document_set_property;

  /**
   * RigDocument:file:
   *
   * The file the document was loaded from or saved to, or %NULL.
   */
  properties[PROP_FILE]
      = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RigDocument::changed:
   * @document: the document
   * @change: (type gpointer): the const RigChange * describing what changed
   *
   * Emitted once per applied, undone or redone command.
   */
  signals[SIGNAL_CHANGED]
      = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      g_cclosure_marshal_VOID__POINTER, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
rig_document_init (RigDocument *self)
{
  self->title = g_strdup ("");
  self->author = g_strdup ("");
  self->revision = g_strdup ("");
  self->notes = g_strdup ("");
  self->listening_distance = NAN;
  self->devices = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_device_free);
  self->cables = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_cable_free);
  self->device_entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->cable_entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->device_cables
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->no_cables = g_ptr_array_new ();
  self->numbers
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_tree_unref);
  self->models = _rig_model_uses_new ();
  self->next_device_id = 1;
  self->next_cable_id = 1;
}

RigDocument *
rig_document_new (void)
{
  return g_object_new (RIG_TYPE_DOCUMENT, NULL);
}

/* ---- reading ------------------------------------------------------------ */

const char *
rig_document_get_title (RigDocument *self)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (self), "");
  return self->title;
}

const char *
rig_document_get_author (RigDocument *self)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (self), "");
  return self->author;
}

const char *
rig_document_get_revision (RigDocument *self)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (self), "");

  return self->revision;
}

const char *
rig_document_get_notes (RigDocument *self)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (self), "");
  return self->notes;
}

double
rig_document_get_listening_distance (RigDocument *self)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NAN);
  return self->listening_distance;
}

GFile *
rig_document_get_file (RigDocument *self)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NULL);
  return self->file;
}

void
rig_document_set_file (RigDocument *self, GFile *file)
{
  g_return_if_fail (RIG_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;
  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

guint
rig_document_get_n_devices (RigDocument *self)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (self), 0);
  return self->devices->len;
}

RigDevice *
rig_document_get_device (RigDocument *self, guint index)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->devices->len, NULL);
  return g_ptr_array_index (self->devices, index);
}

RigDevice *
rig_document_find_device (RigDocument *self, const char *id)
{
  DeviceEntry *entry;

  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NULL);
  if (id == NULL)
    return NULL;
  entry = g_hash_table_lookup (self->device_entries, id);
  return entry != NULL ? entry->device : NULL;
}

int
rig_document_device_index (RigDocument *self, const char *id)
{
  DeviceEntry *entry;

  g_return_val_if_fail (RIG_IS_DOCUMENT (self), -1);
  if (id == NULL || (entry = g_hash_table_lookup (self->device_entries, id)) == NULL)
    return -1;
  return (int) device_entry_index (self, entry);
}

guint
rig_document_get_n_cables (RigDocument *self)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (self), 0);
  return self->cables->len;
}

RigCable *
rig_document_get_cable (RigDocument *self, guint index)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->cables->len, NULL);
  return g_ptr_array_index (self->cables, index);
}

RigCable *
rig_document_find_cable (RigDocument *self, const char *id)
{
  CableEntry *entry;

  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NULL);
  if (id == NULL)
    return NULL;
  entry = g_hash_table_lookup (self->cable_entries, id);
  return entry != NULL ? entry->cable : NULL;
}

int
rig_document_cable_index (RigDocument *self, const char *id)
{
  CableEntry *entry;

  g_return_val_if_fail (RIG_IS_DOCUMENT (self), -1);
  if (id == NULL || (entry = g_hash_table_lookup (self->cable_entries, id)) == NULL)
    return -1;
  return (int) cable_entry_index (self, entry);
}

GPtrArray *
rig_document_get_device_cables (RigDocument *self, const char *device_id)
{
  GPtrArray *list;

  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NULL);
  if (device_id == NULL || (list = g_hash_table_lookup (self->device_cables, device_id)) == NULL)
    {
      /* Someone may have added to the shared empty array; keep it empty. */
      g_ptr_array_set_size (self->no_cables, 0);
      return self->no_cables;
    }
  return list;
}

guint
rig_document_get_jack_cables (RigDocument *self, const char *device_id, const char *jack_id,
                              GPtrArray *out)
{
  GPtrArray *list;
  guint n = 0;

  g_return_val_if_fail (RIG_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (out != NULL, 0);

  if (device_id == NULL || jack_id == NULL
      || (list = g_hash_table_lookup (self->device_cables, device_id)) == NULL)
    return 0;

  for (guint i = 0; i < list->len; i++)
    {
      RigCable *cable = g_ptr_array_index (list, i);

      for (guint end = 0; end < 2; end++)
        if (g_strcmp0 (cable->device[end], device_id) == 0
            && g_strcmp0 (cable->jack[end], jack_id) == 0)
          {
            g_ptr_array_add (out, cable);
            n++;
            break;
          }
    }
  return n;
}

RigDevice *
rig_document_cable_device (RigDocument *self, const RigCable *cable, RigEnd end)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (cable != NULL, NULL);
  g_return_val_if_fail (end == RIG_END_FROM || end == RIG_END_TO, NULL);
  return rig_document_find_device (self, cable->device[end]);
}

const RigJack *
rig_document_cable_jack (RigDocument *self, const RigCable *cable, RigEnd end)
{
  RigDevice *device = rig_document_cable_device (self, cable, end);

  return device != NULL ? rig_device_find_jack (device, cable->jack[end]) : NULL;
}

RigCablePrefix
rig_document_cable_prefix (RigDocument *self, const RigCable *cable)
{
  return rig_cable_prefix_for_jacks (rig_document_cable_jack (self, cable, RIG_END_FROM),
                                     rig_document_cable_jack (self, cable, RIG_END_TO));
}

char *
rig_document_new_device_id (RigDocument *self)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NULL);

  for (;;)
    {
      char *id = g_strdup_printf ("d%u", self->next_device_id++);
      if (!g_hash_table_contains (self->device_entries, id))
        return id;
      g_free (id);
    }
}

char *
rig_document_new_cable_id (RigDocument *self)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NULL);

  for (;;)
    {
      char *id = g_strdup_printf ("c%u", self->next_cable_id++);
      if (!g_hash_table_contains (self->cable_entries, id))
        return id;
      g_free (id);
    }
}

char *
rig_document_new_cable_number (RigDocument *self, const char *prefix)
{
  GTree *tree;
  guint highest = 0;

  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  tree = g_hash_table_lookup (self->numbers, prefix);
  if (tree != NULL)
    {
      GTreeNode *last = g_tree_node_last (tree);
      if (last != NULL)
        highest = GPOINTER_TO_UINT (g_tree_node_key (last)) - 1;
    }
  return g_strdup_printf ("%s-%03u", prefix, highest + 1);
}

static void
add_model (GHashTable *seen, GPtrArray *models, RigDeviceModel *model)
{
  if (model != NULL && g_hash_table_add (seen, model))
    g_ptr_array_add (models, model);
}

static int
compare_models (gconstpointer a, gconstpointer b)
{
  const RigDeviceModel *x = *(RigDeviceModel *const *) a;
  const RigDeviceModel *y = *(RigDeviceModel *const *) b;
  int cmp = g_strcmp0 (x->id, y->id);

  return cmp != 0 ? cmp : g_strcmp0 (x->name, y->name);
}

RigDeviceModel *
rig_document_find_model (RigDocument *self, const char *id)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NULL);
  return _rig_model_uses_find (self->models, id);
}

GPtrArray *
rig_document_list_models (RigDocument *self)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  GPtrArray *models = g_ptr_array_new ();
  GPtrArray *unique;

  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NULL);

  for (guint i = 0; i < self->devices->len; i++)
    add_model (seen, models, ((RigDevice *) g_ptr_array_index (self->devices, i))->model);
  for (guint i = 0; i < self->cables->len; i++)
    {
      RigCable *cable = g_ptr_array_index (self->cables, i);
      for (guint j = 0; j < cable->spec.n_adapters; j++)
        add_model (seen, models, cable->spec.adapters[j].model);
    }
  g_ptr_array_sort (models, compare_models);

  /* Distinct instances of one identical model (a pasted device, a loaded
   * file) count once. */
  unique = g_ptr_array_sized_new (models->len);
  for (guint i = 0; i < models->len; i++)
    {
      RigDeviceModel *model = g_ptr_array_index (models, i);
      gboolean duplicate = FALSE;

      for (guint j = unique->len; j > 0 && !duplicate; j--)
        {
          RigDeviceModel *kept = g_ptr_array_index (unique, j - 1);
          if (g_strcmp0 (kept->id, model->id) != 0)
            break;
          duplicate = rig_device_model_equal (kept, model);
        }
      if (!duplicate)
        g_ptr_array_add (unique, model);
    }
  g_ptr_array_unref (models);
  return unique;
}

RigDocument *
rig_document_copy (RigDocument *self)
{
  RigDocument *copy;

  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NULL);

  copy = rig_document_new ();
  _rig_document_set_metadata (copy, self->title, self->author, self->notes, NULL);
  _rig_document_set_revision (copy, self->revision, NULL);
  copy->listening_distance = self->listening_distance;
  copy->exercise = rig_exercise_copy (self->exercise);
  copy->lesson = rig_lesson_copy (self->lesson);
  for (guint i = 0; i < self->devices->len; i++)
    _rig_document_insert_device (copy, rig_device_copy (g_ptr_array_index (self->devices, i)),
                                 G_MAXUINT, NULL);
  for (guint i = 0; i < self->cables->len; i++)
    _rig_document_insert_cable (copy, rig_cable_copy (g_ptr_array_index (self->cables, i)),
                                G_MAXUINT, NULL);
  copy->next_device_id = MAX (copy->next_device_id, self->next_device_id);
  copy->next_cable_id = MAX (copy->next_cable_id, self->next_cable_id);
  return copy;
}

gboolean
rig_document_content_equal (RigDocument *a, RigDocument *b)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (a), FALSE);
  g_return_val_if_fail (RIG_IS_DOCUMENT (b), FALSE);

  if (a == b)
    return TRUE;
  if (strcmp (a->title, b->title) != 0 || strcmp (a->author, b->author) != 0
      || strcmp (a->notes, b->notes) != 0 || strcmp (a->revision, b->revision) != 0
      || !(a->listening_distance == b->listening_distance
           || (isnan (a->listening_distance) && isnan (b->listening_distance)))
      || a->devices->len != b->devices->len || a->cables->len != b->cables->len
      || !rig_exercise_equal (a->exercise, b->exercise) || !rig_lesson_equal (a->lesson, b->lesson))
    return FALSE;
  for (guint i = 0; i < a->devices->len; i++)
    if (!rig_device_equal (g_ptr_array_index (a->devices, i), g_ptr_array_index (b->devices, i)))
      return FALSE;
  for (guint i = 0; i < a->cables->len; i++)
    if (!rig_cable_equal (g_ptr_array_index (a->cables, i), g_ptr_array_index (b->cables, i)))
      return FALSE;
  return TRUE;
}

/* ---- mutators (rig-document-private.h) ---------------------------------- */

void
_rig_document_insert_device (RigDocument *self, RigDevice *device, guint index, RigChange *change)
{
  DeviceEntry *entry;

  g_return_if_fail (RIG_IS_DOCUMENT (self));
  g_return_if_fail (device != NULL && device->id != NULL);
  g_return_if_fail (!g_hash_table_contains (self->device_entries, device->id));

  if (index > self->devices->len)
    index = self->devices->len;

  entry = g_new0 (DeviceEntry, 1);
  entry->device = device;
  entry->index = index;
  g_hash_table_insert (self->device_entries, device->id, entry);

  if (index == self->devices->len)
    {
      g_ptr_array_add (self->devices, device);
      if (self->device_watermark == index)
        self->device_watermark = index + 1;
    }
  else
    {
      g_ptr_array_insert (self->devices, index, device);
      devices_invalidate_from (self, index);
    }

  reserve_counted_id (&self->next_device_id, device->id, 'd');
  _rig_model_uses_add (self->models, device->model);
  if (change != NULL)
    rig_change_add_device (change, RIG_CHANGE_DEVICES_ADDED, device->id);
}

RigDevice *
_rig_document_take_device (RigDocument *self, const char *id, guint *index, RigChange *change)
{
  DeviceEntry *entry;
  RigDevice *device;
  guint i;

  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NULL);

  if (id == NULL || (entry = g_hash_table_lookup (self->device_entries, id)) == NULL)
    return NULL;
  /* Its cables must be gone first, or they would dangle. */
  g_return_val_if_fail (!g_hash_table_contains (self->device_cables, id), NULL);

  device = entry->device;
  i = device_entry_index (self, entry);
  if (index != NULL)
    *index = i;
  if (change != NULL)
    rig_change_add_device (change, RIG_CHANGE_DEVICES_REMOVED, device->id);

  _rig_model_uses_remove (self->models, device->model);
  g_hash_table_remove (self->device_entries, id);
  g_ptr_array_steal_index (self->devices, i);
  devices_invalidate_from (self, i);
  return device;
}

void
_rig_document_insert_cable (RigDocument *self, RigCable *cable, guint index, RigChange *change)
{
  CableEntry *entry;

  g_return_if_fail (RIG_IS_DOCUMENT (self));
  g_return_if_fail (cable != NULL && cable->id != NULL);
  g_return_if_fail (!g_hash_table_contains (self->cable_entries, cable->id));
  g_return_if_fail (g_hash_table_contains (self->device_entries, cable->device[RIG_END_FROM]));
  g_return_if_fail (g_hash_table_contains (self->device_entries, cable->device[RIG_END_TO]));

  if (index > self->cables->len)
    index = self->cables->len;

  entry = g_new0 (CableEntry, 1);
  entry->cable = cable;
  entry->index = index;
  g_hash_table_insert (self->cable_entries, cable->id, entry);

  if (index == self->cables->len)
    {
      g_ptr_array_add (self->cables, cable);
      if (self->cable_watermark == index)
        self->cable_watermark = index + 1;
    }
  else
    {
      g_ptr_array_insert (self->cables, index, cable);
      cables_invalidate_from (self, index);
    }
  entry->rank = cables_rank_at (self, index);

  cable_link (self, cable);
  number_use (self, cable->number, +1);
  _rig_model_uses_add_spec (self->models, &cable->spec);
  reserve_counted_id (&self->next_cable_id, cable->id, 'c');
  change_add_cable (change, RIG_CHANGE_CABLES_ADDED, cable);
}

RigCable *
_rig_document_take_cable (RigDocument *self, const char *id, guint *index, RigChange *change)
{
  CableEntry *entry;
  RigCable *cable;
  guint i;

  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NULL);

  if (id == NULL || (entry = g_hash_table_lookup (self->cable_entries, id)) == NULL)
    return NULL;

  cable = entry->cable;
  i = cable_entry_index (self, entry);
  if (index != NULL)
    *index = i;
  change_add_cable (change, RIG_CHANGE_CABLES_REMOVED, cable);

  cable_unlink (self, cable);
  number_use (self, cable->number, -1);
  _rig_model_uses_remove_spec (self->models, &cable->spec);
  g_hash_table_remove (self->cable_entries, id);
  g_ptr_array_steal_index (self->cables, i);
  cables_invalidate_from (self, i);
  return cable;
}

void
_rig_document_move_device (RigDocument *self, RigDevice *device, double x, double y,
                           RigChange *change)
{
  g_return_if_fail (RIG_IS_DOCUMENT (self));
  g_return_if_fail (device != NULL);

  device->x = x;
  device->y = y;
  if (change != NULL)
    rig_change_add_device (change, RIG_CHANGE_DEVICES_MOVED, device->id);
}

void
_rig_document_set_device_label (RigDocument *self, RigDevice *device, const char *label,
                                RigChange *change)
{
  g_return_if_fail (RIG_IS_DOCUMENT (self));
  g_return_if_fail (device != NULL);

  if (label == NULL)
    label = device->model->name;
  if (label != device->label)
    {
      g_free (device->label);
      device->label = g_strdup (label);
    }
  if (change != NULL)
    rig_change_add_device (change, RIG_CHANGE_DEVICES_CHANGED, device->id);
}

void
_rig_document_set_device_override (RigDocument *self, RigDevice *device, RigFigure figure,
                                   double value, RigChange *change)
{
  g_return_if_fail (RIG_IS_DOCUMENT (self));
  g_return_if_fail (device != NULL);
  g_return_if_fail ((guint) figure < RIG_N_FIGURES);

  device->overrides[figure] = value;
  if (change != NULL)
    rig_change_add_device (change, RIG_CHANGE_DEVICES_CHANGED, device->id);
}

void
_rig_document_set_device_setting (RigDocument *self, RigDevice *device, guint index, double value,
                                  RigChange *change)
{
  g_return_if_fail (RIG_IS_DOCUMENT (self));
  g_return_if_fail (device != NULL);
  g_return_if_fail (index < device->model->n_controls);

  if (device->settings == NULL)
    {
      device->settings = g_new (double, device->model->n_controls);
      for (guint i = 0; i < device->model->n_controls; i++)
        device->settings[i] = NAN;
    }
  device->settings[index] = value;
  if (change != NULL)
    rig_change_add_device (change, RIG_CHANGE_DEVICES_CHANGED, device->id);
}

void
_rig_document_set_cable_spec (RigDocument *self, RigCable *cable, const RigCableSpec *spec,
                              RigChange *change)
{
  RigCableSpec copy;

  g_return_if_fail (RIG_IS_DOCUMENT (self));
  g_return_if_fail (cable != NULL && spec != NULL);

  /* Copy first: @spec may be the cable's own. */
  rig_cable_spec_copy (&copy, spec);
  _rig_model_uses_add_spec (self->models, &copy);
  _rig_model_uses_remove_spec (self->models, &cable->spec);
  rig_cable_spec_clear (&cable->spec);
  cable->spec = copy;
  change_add_cable (change, RIG_CHANGE_CABLES_CHANGED, cable);
}

void
_rig_document_set_cable_number (RigDocument *self, RigCable *cable, const char *number,
                                RigChange *change)
{
  char *copy;

  g_return_if_fail (RIG_IS_DOCUMENT (self));
  g_return_if_fail (cable != NULL);

  copy = g_strdup (number);
  number_use (self, cable->number, -1);
  g_free (cable->number);
  cable->number = copy;
  number_use (self, cable->number, +1);
  change_add_cable (change, RIG_CHANGE_CABLES_CHANGED, cable);
}

void
_rig_document_set_cable_end (RigDocument *self, RigCable *cable, RigEnd end, const char *device_id,
                             const char *jack_id, RigChange *change)
{
  char *device_copy, *jack_copy;

  g_return_if_fail (RIG_IS_DOCUMENT (self));
  g_return_if_fail (cable != NULL);
  g_return_if_fail (end == RIG_END_FROM || end == RIG_END_TO);
  g_return_if_fail (g_hash_table_contains (self->device_entries, device_id));

  /* Both the old and the new device are touched. */
  change_add_cable (change, RIG_CHANGE_CABLES_CHANGED, cable);

  device_copy = g_strdup (device_id);
  jack_copy = g_strdup (jack_id);
  if (strcmp (cable->device[end], device_id) != 0)
    {
      cable_unlink (self, cable);
      g_free (cable->device[end]);
      cable->device[end] = device_copy;
      cable_link (self, cable);
    }
  else
    {
      g_free (device_copy);
    }
  g_free (cable->jack[end]);
  cable->jack[end] = jack_copy;

  change_add_cable (change, RIG_CHANGE_CABLES_CHANGED, cable);
}

static void
replace_string (char **field, const char *value)
{
  char *copy;

  if (value == NULL || value == *field)
    return;
  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
}

void
_rig_document_set_metadata (RigDocument *self, const char *title, const char *author,
                            const char *notes, RigChange *change)
{
  g_return_if_fail (RIG_IS_DOCUMENT (self));

  replace_string (&self->title, title);
  replace_string (&self->author, author);
  replace_string (&self->notes, notes);
  if (change != NULL && (title != NULL || author != NULL || notes != NULL))
    change->flags |= RIG_CHANGE_METADATA;
}

void
_rig_document_set_revision (RigDocument *self, const char *revision, RigChange *change)
{
  g_return_if_fail (RIG_IS_DOCUMENT (self));

  replace_string (&self->revision, revision);
  if (change != NULL && revision != NULL)
    change->flags |= RIG_CHANGE_METADATA;
}

void
_rig_document_set_listening_distance (RigDocument *self, double metres, RigChange *change)
{
  g_return_if_fail (RIG_IS_DOCUMENT (self));
  g_return_if_fail (rig_figure_validate (RIG_FIGURE_LISTENING_DISTANCE, metres, NULL));

  if (self->listening_distance == metres || (isnan (self->listening_distance) && isnan (metres)))
    return;
  self->listening_distance = metres;
  if (change != NULL)
    change->flags |= RIG_CHANGE_SETTINGS;
}

const RigExercise *
rig_document_get_exercise (RigDocument *self)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NULL);
  return self->exercise;
}

void
_rig_document_set_exercise (RigDocument *self, const RigExercise *exercise, RigChange *change)
{
  g_return_if_fail (RIG_IS_DOCUMENT (self));
  if (rig_exercise_equal (self->exercise, exercise))
    return;
  rig_exercise_free (self->exercise);
  self->exercise = rig_exercise_copy (exercise);
  /* Nothing the rules read: like the title, no re-check. */
  if (change != NULL)
    change->flags |= RIG_CHANGE_METADATA;
}

const RigLesson *
rig_document_get_lesson (RigDocument *self)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NULL);
  return self->lesson;
}

void
_rig_document_set_lesson (RigDocument *self, const RigLesson *lesson, RigChange *change)
{
  g_return_if_fail (RIG_IS_DOCUMENT (self));
  if (rig_lesson_equal (self->lesson, lesson))
    return;
  rig_lesson_free (self->lesson);
  self->lesson = rig_lesson_copy (lesson);
  if (change != NULL)
    change->flags |= RIG_CHANGE_METADATA;
}

void
_rig_document_emit_changed (RigDocument *self, const RigChange *change)
{
  g_return_if_fail (RIG_IS_DOCUMENT (self));
  g_return_if_fail (change != NULL);

  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, change);
  g_object_unref (self);
}

void
_rig_document_reserve_ids (RigDocument *self)
{
  g_return_if_fail (RIG_IS_DOCUMENT (self));

  /* Insertions already keep the counters past every id they see; this pass
   * makes sure of it whatever way the objects came in. */
  for (guint i = 0; i < self->devices->len; i++)
    reserve_counted_id (&self->next_device_id,
                        ((RigDevice *) g_ptr_array_index (self->devices, i))->id, 'd');
  for (guint i = 0; i < self->cables->len; i++)
    reserve_counted_id (&self->next_cable_id,
                        ((RigCable *) g_ptr_array_index (self->cables, i))->id, 'c');
}
