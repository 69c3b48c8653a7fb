/* rig-validator.c: RigValidator, a document's diagnostics kept current.
 *
 * It keeps an index of the document (rig-validator-index.c), re-checks the
 * regions an edit touches (rig-validator-judge.c), and hands each
 * diagnostic to the objects it concerns.
 */
#include "config.h"

#include <string.h>

#define RIG_VALIDATOR_COMPILATION
#include "rig-document-rules.h"
#include "rig-validator-private.h"
#include "rig-validator.h"

/* Jacks per region when a whole rig is checked in batches. */
static const guint foreach_batch_size = 4096;

/* ------------------------------------------------------------------ */
/* RigValidator                                                        */

struct _RigValidator
{
  GObject parent_instance;

  RigDocument *doc;
  gulong changed_id;
  RigIndex *index;
  GHashTable *live;               /* RigDiagnostic * set, owning a reference */
  guint counts[RIG_N_SEVERITIES]; /* of the live set, by severity */
  /* The live set in order, kept across re-checks: what a re-check retires
   * stays here until the next read, what it adds waits in @added; a read
   * drops the one and merges the other in, instead of sorting thousands of
   * diagnostics after each edit (#13). NULL until first read. Never
   * changed once made: readers share it. */
  GPtrArray *sorted;
  GPtrArray *added; /* live diagnostics not in @sorted yet, unsorted */
  GPtrArray *gone;  /* diagnostics retired since @sorted was brought up to date */
  /* Made with rig_validator_new_deferred() and not checked yet: no index,
   * no diagnostics (#13: the editor draws a big rig before checking it). */
  gboolean pending;
  gboolean announce; /* the next report signals even if nothing has problems */
};

G_DEFINE_FINAL_TYPE (RigValidator, rig_validator, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_DEFERRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  STATUSES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a re-check touched: the old diagnostics of each object, by id. */
typedef struct
{
  GHashTable *cables;  /* id (owned) -> GPtrArray of old RigDiagnostic * (refs) */
  GHashTable *devices; /* id (owned) -> GPtrArray */
} Snapshot;

static void
snapshot_init (Snapshot *snap)
{
  snap->cables
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  snap->devices
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

static void
snapshot_clear (Snapshot *snap)
{
  g_hash_table_unref (snap->cables);
  g_hash_table_unref (snap->devices);
}

static GPtrArray *
copy_list (GPtrArray *list)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_diagnostic_unref);

  for (guint i = 0; list != NULL && i < list->len; i++)
    g_ptr_array_add (copy, rig_diagnostic_ref (g_ptr_array_index (list, i)));
  return copy;
}

static void
snapshot_cable (Snapshot *snap, RigCabEntry *node)
{
  if (!g_hash_table_contains (snap->cables, node->node.cable->id))
    g_hash_table_insert (snap->cables, g_strdup (node->node.cable->id), copy_list (node->diags));
}

static void
snapshot_device (Snapshot *snap, RigDevEntry *node)
{
  if (!g_hash_table_contains (snap->devices, node->node.device->id))
    g_hash_table_insert (snap->devices, g_strdup (node->node.device->id), copy_list (node->diags));
}

/* Removes @d from the live set and from the list of every object it names. */
static void
retire (RigValidator *self, Snapshot *snap, RigDiagnostic *d)
{
  if (!g_hash_table_steal (self->live, d))
    return;
  self->counts[d->severity]--;
  for (guint i = 0; d->cables[i] != NULL; i++)
    {
      RigCabEntry *node = g_hash_table_lookup (self->index->cables, d->cables[i]);
      if (node != NULL && node->diags != NULL)
        {
          snapshot_cable (snap, node);
          g_ptr_array_remove (node->diags, d);
        }
    }
  for (guint i = 0; d->devices[i] != NULL; i++)
    {
      RigDevEntry *node = g_hash_table_lookup (self->index->devices, d->devices[i]);
      if (node != NULL && node->diags != NULL)
        {
          snapshot_device (snap, node);
          g_ptr_array_remove (node->diags, d);
        }
    }
  if (self->sorted != NULL)
    g_ptr_array_add (self->gone, rig_diagnostic_ref (d));
  rig_diagnostic_unref (d);
}

static void
retire_list (RigValidator *self, Snapshot *snap, GPtrArray *list)
{
  g_autoptr (GPtrArray) copy = NULL;

  if (list == NULL || list->len == 0)
    return;
  copy = copy_list (list);
  for (guint i = 0; i < copy->len; i++)
    retire (self, snap, g_ptr_array_index (copy, i));
}

static void
retire_cable (RigValidator *self, Snapshot *snap, RigCabEntry *node)
{
  snapshot_cable (snap, node);
  retire_list (self, snap, node->diags);
}

static void
retire_device (RigValidator *self, Snapshot *snap, RigDevEntry *node)
{
  snapshot_device (snap, node);
  retire_list (self, snap, node->diags);
}

static void
attach (GPtrArray **list, RigDiagnostic *d)
{
  if (*list == NULL)
    *list = g_ptr_array_new ();
  g_ptr_array_add (*list, d);
}

static gboolean
lists_equal (GPtrArray *a, GPtrArray *b)
{
  guint na = a ? a->len : 0, nb = b ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (!rig_diagnostic_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

static int
str_id_compare (gconstpointer a, gconstpointer b)
{
  return rig_id_compare (*(const char *const *) a, *(const char *const *) b);
}

/* Checks a region (taking the arrays) and installs its diagnostics. With
 * @fresh, its entries are new (a rebuilt index): none has diagnostics to
 * retire, and report_rebuilt() compares every entry afterwards. */
static void
install (RigValidator *self, Snapshot *snap, GPtrArray *devices, GPtrArray *cables, gboolean fresh)
{
  RigRegion *region;
  RigRegionPrivate *priv;

  for (guint i = 0; !fresh && i < devices->len; i++)
    retire_device (self, snap, g_ptr_array_index (devices, i));
  for (guint i = 0; !fresh && i < cables->len; i++)
    retire_cable (self, snap, g_ptr_array_index (cables, i));

  region = rig_region_new (self->index, devices, cables, TRUE);
  priv = RIG_REGION_PRIVATE (region);
  rig_region_judge (region);

  for (guint i = 0; i < priv->out->len; i++)
    {
      RigDiagnostic *d = g_ptr_array_index (priv->out, i);
      if (g_hash_table_add (self->live, rig_diagnostic_ref (d)))
        {
          self->counts[d->severity]++;
          if (self->sorted != NULL)
            g_ptr_array_add (self->added, rig_diagnostic_ref (d));
        }
    }
  for (guint i = 0; i < priv->attach_cab->len; i += 2)
    attach (&((RigCabEntry *) priv->attach_cab->pdata[i])->diags, priv->attach_cab->pdata[i + 1]);
  for (guint i = 0; i < priv->attach_dev->len; i += 2)
    attach (&((RigDevEntry *) priv->attach_dev->pdata[i])->diags, priv->attach_dev->pdata[i + 1]);
  rig_region_free (region);
}

/* Sorts the diagnostics of each object touched (@before: id -> what it had)
 * found in @entries (id -> entry, with its list and status at the offsets
 * given), sets its status, and adds the ids of those that changed to
 * @changed. */
static void
compare_touched (GHashTable *before, GHashTable *entries, glong diags_offset, glong status_offset,
                 GPtrArray *changed)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gpointer entry = g_hash_table_lookup (entries, key);
      GPtrArray *now = entry ? G_STRUCT_MEMBER (GPtrArray *, entry, diags_offset) : NULL;

      if (now != NULL && now->len > 1)
        g_ptr_array_sort (now, rig_diagnostic_compare_indirect);
      if (entry != NULL)
        G_STRUCT_MEMBER (RigSeverity, entry, status_offset) = rig_diagnostics_worst (now);
      if (!lists_equal (value, now))
        g_ptr_array_add (changed, key);
    }
}

/* The objects of one kind after a rebuild: what the old index had (id ->
 * list), the new index's table and its entries in the document's order,
 * each entry's id, list and status. */
typedef struct
{
  GHashTable *before;
  GHashTable *entries;
  GPtrArray *filled;
  const char *(*id_of) (gconstpointer entry);
  glong diags_offset, status_offset;
} Rebuilt;

static const char *
cable_id_of (gconstpointer entry)
{
  return ((const RigCabEntry *) entry)->node.cable->id;
}

static const char *
device_id_of (gconstpointer entry)
{
  return ((const RigDevEntry *) entry)->node.device->id;
}

/* After a rebuild: sorts the diagnostics of every new entry, sets its
 * status, and adds to @changed the ids whose list differs from what the
 * old index had for them, an id it lacks having had nothing; then the ids
 * gone with the old index that had some. The same as compare_touched()
 * over every old and new id, without a snapshot of the new entries: on a
 * first check nothing is looked up. The ids come in the document's order. */
static void
compare_rebuilt (const Rebuilt *r, GPtrArray *changed)
{
  gboolean had_any = g_hash_table_size (r->before) > 0;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < r->filled->len; i++)
    {
      gpointer entry = g_ptr_array_index (r->filled, i);
      GPtrArray *now = G_STRUCT_MEMBER (GPtrArray *, entry, r->diags_offset);
      const char *id = r->id_of (entry);
      gboolean differs;

      if (now != NULL && now->len > 1)
        g_ptr_array_sort (now, rig_diagnostic_compare_indirect);
      G_STRUCT_MEMBER (RigSeverity, entry, r->status_offset) = rig_diagnostics_worst (now);
      differs = had_any ? !lists_equal (g_hash_table_lookup (r->before, id), now)
                        : now != NULL && now->len > 0;
      if (differs)
        g_ptr_array_add (changed, (gpointer) id);
    }
  if (!had_any)
    return;
  g_hash_table_iter_init (&iter, r->before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (r->entries, key) && !lists_equal (value, NULL))
      g_ptr_array_add (changed, key);
}

/* Sorts @ids by id, unless they already are (ids listed in the document's
 * order often are). */
static void
sort_ids (GPtrArray *ids)
{
  for (guint i = 1; i < ids->len; i++)
    if (str_id_compare (&ids->pdata[i - 1], &ids->pdata[i]) > 0)
      {
        g_ptr_array_sort (ids, str_id_compare);
        return;
      }
}

/* Emits statuses-changed for @changed[0] (cable ids) and @changed[1]
 * (device ids), each sorted, when there are any, or when the first check
 * is announced. */
static void
announce (RigValidator *self, GPtrArray *changed[2])
{
  if (changed[0]->len == 0 && changed[1]->len == 0 && !self->announce)
    return;
  self->announce = FALSE;
  for (guint k = 0; k < 2; k++)
    {
      sort_ids (changed[k]);
      g_ptr_array_add (changed[k], NULL);
    }
  g_signal_emit (self, signals[STATUSES_CHANGED], 0, changed[0]->pdata, changed[1]->pdata);
}

/* Reports what a re-check of the touched objects changed. */
static void
report (RigValidator *self, Snapshot *snap)
{
  g_autoptr (GPtrArray) cables = g_ptr_array_new ();
  g_autoptr (GPtrArray) devices = g_ptr_array_new ();
  GPtrArray *changed[2] = { cables, devices };

  compare_touched (snap->cables, self->index->cables, G_STRUCT_OFFSET (RigCabEntry, diags),
                   G_STRUCT_OFFSET (RigCabEntry, status), cables);
  compare_touched (snap->devices, self->index->devices, G_STRUCT_OFFSET (RigDevEntry, diags),
                   G_STRUCT_OFFSET (RigDevEntry, status), devices);
  announce (self, changed);
}

/* Reports after a rebuild: every entry of the new index (@cables and
 * @devices, in the document's order) against what the old one had
 * (@snap, empty on a first check). */
static void
report_rebuilt (RigValidator *self, Snapshot *snap, GPtrArray *cables, GPtrArray *devices)
{
  const Rebuilt kinds[2] = {
    { snap->cables, self->index->cables, cables, cable_id_of, G_STRUCT_OFFSET (RigCabEntry, diags),
      G_STRUCT_OFFSET (RigCabEntry, status) },
    { snap->devices, self->index->devices, devices, device_id_of,
      G_STRUCT_OFFSET (RigDevEntry, diags), G_STRUCT_OFFSET (RigDevEntry, status) },
  };
  g_autoptr (GPtrArray) changed_cables = g_ptr_array_new ();
  g_autoptr (GPtrArray) changed_devices = g_ptr_array_new ();
  GPtrArray *changed[2] = { changed_cables, changed_devices };

  for (guint k = 0; k < 2; k++)
    compare_rebuilt (&kinds[k], changed[k]);
  announce (self, changed);
}

typedef struct
{
  RigValidator *self;
  Snapshot *snap;
} InstallBatch;

static void
install_batch (RigIndex *index, GPtrArray *devices, GPtrArray *cables, gpointer data)
{
  InstallBatch *batch = data;
  install (batch->self, batch->snap, devices, cables, TRUE);
}

static void
check_everything (RigValidator *self, Snapshot *snap, GPtrArray *cables, GPtrArray *devices)
{
  g_autoptr (GPtrArray) all = g_ptr_array_sized_new (g_hash_table_size (self->index->devices));
  InstallBatch batch = { self, snap };
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->index->devices);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (all, value);
  rig_index_foreach_batch (self->index, all, foreach_batch_size, install_batch, &batch);
  report_rebuilt (self, snap, cables, devices);
}

static void
rebuild (RigValidator *self)
{
  g_autoptr (GPtrArray) devices = g_ptr_array_new ();
  g_autoptr (GPtrArray) cables = g_ptr_array_new ();
  Snapshot snap;
  GHashTableIter iter;
  gpointer value;

  snapshot_init (&snap);
  if (self->index != NULL)
    {
      /* Remember what every object had, then start over. */
      g_hash_table_iter_init (&iter, self->index->cables);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        snapshot_cable (&snap, value);
      g_hash_table_iter_init (&iter, self->index->devices);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        snapshot_device (&snap, value);
      g_hash_table_remove_all (self->live);
      memset (self->counts, 0, sizeof self->counts);
      g_clear_pointer (&self->sorted, g_ptr_array_unref);
      g_ptr_array_set_size (self->added, 0);
      g_ptr_array_set_size (self->gone, 0);
      g_clear_pointer (&self->index, rig_index_free);
    }
  self->index = rig_index_new (TRUE);
  rig_index_fill (self->index, self->doc, devices, cables);
  check_everything (self, &snap, cables, devices);
  snapshot_clear (&snap);
}

/* Runs the first check of a deferred validator; it reports every object
 * that has diagnostics as changed. */
static void
ensure_checked (RigValidator *self)
{
  if (!self->pending)
    return;
  self->pending = FALSE;
  self->announce = TRUE;
  rebuild (self);
}

static void
on_changed (RigDocument *doc, const RigChange *change, RigValidator *self)
{
  Snapshot snap;
  g_autoptr (GPtrArray) seed_ids = NULL;
  g_autoptr (GPtrArray) doomed = NULL;
  GPtrArray *seeds, *devices, *cables;

  /* The first check reads the document as it is now, change included. */
  if (self->pending)
    {
      ensure_checked (self);
      return;
    }
  if (change == NULL || (change->flags & (RIG_CHANGE_ALL | RIG_CHANGE_SETTINGS)))
    {
      rebuild (self);
      return;
    }
  if ((change->flags & ~(RIG_CHANGE_DEVICES_MOVED | RIG_CHANGE_METADATA)) == 0)
    return;

  snapshot_init (&snap);
  seed_ids = g_ptr_array_new_with_free_func (g_free);
  doomed = g_ptr_array_new ();

  /* Devices first (cables need their ends), removals last. */
  for (guint i = 0; change->devices != NULL && i < change->devices->len; i++)
    {
      const char *id = g_ptr_array_index (change->devices, i);
      RigDevEntry *node = g_hash_table_lookup (self->index->devices, id);
      RigDevice *device = rig_document_find_device (doc, id);

      g_ptr_array_add (seed_ids, g_strdup (id));
      if (node != NULL && device != NULL)
        rig_index_replace_device (self->index, node, rig_device_copy (device));
      else if (node == NULL && device != NULL)
        rig_index_add_device (self->index, rig_device_copy (device));
      else if (node != NULL)
        g_ptr_array_add (doomed, node);
    }

  for (guint i = 0; change->cables != NULL && i < change->cables->len; i++)
    {
      const char *id = g_ptr_array_index (change->cables, i);
      RigCabEntry *node = g_hash_table_lookup (self->index->cables, id);
      RigCable *cable = rig_document_find_cable (doc, id);

      if (node != NULL)
        {
          for (guint end = 0; end < 2; end++)
            g_ptr_array_add (seed_ids, g_strdup (node->node.dev[end]->device->id));
          retire_cable (self, &snap, node);
          rig_index_remove_cable (self->index, node, TRUE);
        }
      if (cable != NULL)
        {
          node = rig_index_add_cable (self->index, rig_cable_copy (cable), TRUE);
          for (guint end = 0; node != NULL && end < 2; end++)
            g_ptr_array_add (seed_ids, g_strdup (cable->device[end]));
        }
    }

  for (guint i = 0; i < doomed->len; i++)
    {
      RigDevEntry *node = g_ptr_array_index (doomed, i);

      /* Cables the change did not name (it should have): their other ends
       * need a re-check too. */
      for (guint j = 0; j <= node->node.n_jacks; j++)
        while (node->heads[j] != NULL)
          {
            RigCabEntry *cable = node->heads[j]->cable;
            for (guint end = 0; end < 2; end++)
              g_ptr_array_add (seed_ids, g_strdup (cable->node.dev[end]->device->id));
            retire_cable (self, &snap, cable);
            rig_index_remove_cable (self->index, cable, TRUE);
          }
      retire_device (self, &snap, node);
      rig_index_remove_device (self->index, node);
    }

  seeds = g_ptr_array_new ();
  for (guint i = 0; i < seed_ids->len; i++)
    {
      RigDevEntry *node = g_hash_table_lookup (self->index->devices, seed_ids->pdata[i]);
      if (node != NULL)
        g_ptr_array_add (seeds, node);
    }
  devices = g_ptr_array_new ();
  cables = g_ptr_array_new ();
  rig_index_collect (self->index, seeds, devices, cables);
  g_ptr_array_unref (seeds);
  install (self, &snap, devices, cables, FALSE);
  report (self, &snap);
  snapshot_clear (&snap);
}

static void
rig_validator_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RigValidator *self = RIG_VALIDATOR (object);

  switch (prop_id)
    {
      case PROP_DOCUMENT:
        self->doc = g_value_dup_object (value);
        break;
      case PROP_DEFERRED:
        self->pending = g_value_get_boolean (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rig_validator_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RigValidator *self = RIG_VALIDATOR (object);

  switch (prop_id)
    {
      case PROP_DOCUMENT:
        g_value_set_object (value, self->doc);
        break;
      case PROP_DEFERRED:
        g_value_set_boolean (value, self->pending);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rig_validator_constructed (GObject *object)
{
  RigValidator *self = RIG_VALIDATOR (object);

  G_OBJECT_CLASS (rig_validator_parent_class)->constructed (object);
  g_return_if_fail (RIG_IS_DOCUMENT (self->doc));
  self->changed_id = g_signal_connect (self->doc, "changed", G_CALLBACK (on_changed), self);
  if (!self->pending)
    rebuild (self);
}

static void
rig_validator_dispose (GObject *object)
{
  RigValidator *self = RIG_VALIDATOR (object);

  if (self->doc != NULL && self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->doc);
  g_clear_object (&self->doc);
  G_OBJECT_CLASS (rig_validator_parent_class)->dispose (object);
}

static void
rig_validator_finalize (GObject *object)
{
  RigValidator *self = RIG_VALIDATOR (object);

  g_clear_pointer (&self->sorted, g_ptr_array_unref);
  g_clear_pointer (&self->added, g_ptr_array_unref);
  g_clear_pointer (&self->gone, g_ptr_array_unref);
  g_clear_pointer (&self->index, rig_index_free);
  g_hash_table_unref (self->live);
  G_OBJECT_CLASS (rig_validator_parent_class)->finalize (object);
}

static void
rig_validator_class_init (RigValidatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->set_property = rig_validator_set_property;
  object_class->get_property = rig_validator_get_property;
  object_class->constructed = rig_validator_constructed;
  object_class->dispose = rig_validator_dispose;
  object_class->finalize = rig_validator_finalize;

  properties[PROP_DOCUMENT]
      = g_param_spec_object ("document", NULL, NULL, RIG_TYPE_DOCUMENT,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                                 | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DEFERRED]
      = g_param_spec_boolean ("deferred", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                                  | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STATUSES_CHANGED]
      = g_signal_new ("statuses-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                      NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRV, G_TYPE_STRV);
}

static void
rig_validator_init (RigValidator *self)
{
  self->live = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) rig_diagnostic_unref, NULL);
  self->added = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_diagnostic_unref);
  self->gone = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_diagnostic_unref);
}

RigValidator *
rig_validator_new (RigDocument *doc)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (doc), NULL);
  return g_object_new (RIG_TYPE_VALIDATOR, "document", doc, NULL);
}

RigValidator *
rig_validator_new_deferred (RigDocument *doc)
{
  g_return_val_if_fail (RIG_IS_DOCUMENT (doc), NULL);
  return g_object_new (RIG_TYPE_VALIDATOR, "document", doc, "deferred", TRUE, NULL);
}

gboolean
rig_validator_is_pending (RigValidator *self)
{
  g_return_val_if_fail (RIG_IS_VALIDATOR (self), FALSE);
  return self->pending;
}

void
rig_validator_check_pending (RigValidator *self)
{
  g_return_if_fail (RIG_IS_VALIDATOR (self));
  ensure_checked (self);
}

RigDocument *
rig_validator_get_document (RigValidator *self)
{
  g_return_val_if_fail (RIG_IS_VALIDATOR (self), NULL);
  return self->doc;
}

/* The first position from @from in @sorted whose diagnostic sorts after
 * @d (after those equal to it). */
static guint
upper_bound (GPtrArray *sorted, guint from, const RigDiagnostic *d)
{
  guint lo = from, hi = sorted->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (rig_diagnostic_compare (sorted->pdata[mid], d) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static int
compare_positions (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The positions in @sorted of the diagnostics in @gone (those it holds),
 * in order: each found by binary search among those that sort alike. */
static GArray *
gone_positions (GPtrArray *sorted, GPtrArray *gone)
{
  GArray *positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), gone->len);

  for (guint k = 0; k < gone->len; k++)
    {
      const RigDiagnostic *d = gone->pdata[k];
      guint end = upper_bound (sorted, 0, d);

      for (guint p = end; p > 0 && rig_diagnostic_compare (sorted->pdata[p - 1], d) == 0; p--)
        if (sorted->pdata[p - 1] == d)
          {
            guint at = p - 1;

            g_array_append_val (positions, at);
            break;
          }
    }
  g_array_sort (positions, compare_positions);
  return positions;
}

/* Brings @sorted up to date: drops what was retired and merges in what was
 * added (sorted on its own: a re-check adds a few), each found by binary
 * search. A re-check among 14,000 diagnostics compares a few dozen pairs,
 * not every one. The result is a new array: the old one may be held by
 * whoever read it (rig_validator_get_diagnostics()). */
static void
update_sorted (RigValidator *self)
{
  g_autoptr (GArray) skip = NULL;
  GPtrArray *merged;
  guint i = 0, s = 0;

  for (guint k = 0; self->gone->len > 0 && k < self->added->len; k++)
    if (!g_hash_table_contains (self->live, self->added->pdata[k]))
      g_ptr_array_remove_index_fast (self->added, k--);
  g_ptr_array_sort (self->added, rig_diagnostic_compare_indirect);
  skip = gone_positions (self->sorted, self->gone);
  merged = g_ptr_array_new_full (g_hash_table_size (self->live),
                                 (GDestroyNotify) rig_diagnostic_unref);
  for (guint j = 0; j <= self->added->len; j++)
    {
      /* Those that sort before the next added one (or all that are left). */
      guint end = j < self->added->len ? upper_bound (self->sorted, i, self->added->pdata[j])
                                       : self->sorted->len;

      for (; i < end; i++)
        if (s < skip->len && g_array_index (skip, guint, s) == i)
          s++;
        else
          g_ptr_array_add (merged, rig_diagnostic_ref (self->sorted->pdata[i]));
      if (j < self->added->len)
        g_ptr_array_add (merged, rig_diagnostic_ref (self->added->pdata[j]));
    }
  g_ptr_array_unref (self->sorted);
  self->sorted = merged;
  g_ptr_array_set_size (self->added, 0);
  g_ptr_array_set_size (self->gone, 0);
}

static GPtrArray *
sorted_live (RigValidator *self)
{
  if (self->sorted == NULL)
    {
      GHashTableIter iter;
      gpointer key;

      self->sorted = g_ptr_array_new_full (g_hash_table_size (self->live),
                                           (GDestroyNotify) rig_diagnostic_unref);
      g_hash_table_iter_init (&iter, self->live);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (self->sorted, rig_diagnostic_ref (key));
      g_ptr_array_sort (self->sorted, rig_diagnostic_compare_indirect);
      g_ptr_array_set_size (self->added, 0);
      g_ptr_array_set_size (self->gone, 0);
    }
  else if (self->gone->len > 0 || self->added->len > 0)
    update_sorted (self);
  return self->sorted;
}

GPtrArray *
rig_validator_get_diagnostics (RigValidator *self)
{
  g_return_val_if_fail (RIG_IS_VALIDATOR (self), NULL);
  ensure_checked (self);
  /* Never changed once made (a re-check makes the next): shared. */
  return g_ptr_array_ref (sorted_live (self));
}

guint
rig_validator_count (RigValidator *self, RigSeverity severity)
{
  g_return_val_if_fail (RIG_IS_VALIDATOR (self), 0);
  g_return_val_if_fail ((guint) severity < RIG_N_SEVERITIES, 0);
  ensure_checked (self);

  /* Kept up to date as diagnostics come and go: no sort of the whole set. */
  return self->counts[severity];
}

RigSeverity
rig_validator_get_cable_status (RigValidator *self, const char *cable_id)
{
  RigCabEntry *node;

  g_return_val_if_fail (RIG_IS_VALIDATOR (self), RIG_SEVERITY_NONE);
  if (self->pending)
    return RIG_SEVERITY_NONE;
  node = cable_id ? g_hash_table_lookup (self->index->cables, cable_id) : NULL;
  return node ? node->status : RIG_SEVERITY_NONE;
}

RigSeverity
rig_validator_get_device_status (RigValidator *self, const char *device_id)
{
  RigDevEntry *node;

  g_return_val_if_fail (RIG_IS_VALIDATOR (self), RIG_SEVERITY_NONE);
  if (self->pending)
    return RIG_SEVERITY_NONE;
  node = device_id ? g_hash_table_lookup (self->index->devices, device_id) : NULL;
  return node ? node->status : RIG_SEVERITY_NONE;
}

GPtrArray *
rig_validator_get_cable_diagnostics (RigValidator *self, const char *cable_id)
{
  RigCabEntry *node;

  g_return_val_if_fail (RIG_IS_VALIDATOR (self), NULL);
  if (self->pending)
    return copy_list (NULL);
  node = cable_id ? g_hash_table_lookup (self->index->cables, cable_id) : NULL;
  return copy_list (node ? node->diags : NULL);
}

GPtrArray *
rig_validator_get_device_diagnostics (RigValidator *self, const char *device_id)
{
  RigDevEntry *node;

  g_return_val_if_fail (RIG_IS_VALIDATOR (self), NULL);
  if (self->pending)
    return copy_list (NULL);
  node = device_id ? g_hash_table_lookup (self->index->devices, device_id) : NULL;
  return copy_list (node ? node->diags : NULL);
}

RigSeverity
rig_validator_judge_connection (RigValidator *self, const char *from_device, const char *from_jack,
                                const char *to_device, const char *to_jack)
{
  RigDevEntry *a, *b;
  const RigJack *ja, *jb;
  RigCableSpec spec;
  RigCable *cable;
  RigCabEntry *node;
  RigRegion *region;
  GPtrArray *seeds, *devices, *cables;
  RigSeverity worst = RIG_SEVERITY_NONE;

  g_return_val_if_fail (RIG_IS_VALIDATOR (self), RIG_SEVERITY_NONE);
  ensure_checked (self);
  a = from_device ? g_hash_table_lookup (self->index->devices, from_device) : NULL;
  b = to_device ? g_hash_table_lookup (self->index->devices, to_device) : NULL;
  if (a == NULL || b == NULL)
    return RIG_SEVERITY_NONE;
  ja = rig_device_find_jack (a->node.device, from_jack);
  jb = rig_device_find_jack (b->node.device, to_jack);
  if (ja == NULL || jb == NULL)
    return RIG_SEVERITY_NONE;
  /* A jack that holds a cable takes no second one: the document refuses it
   * (rig-document-rules.h), so it cannot be a good place to connect. */
  if (rig_document_jack_occupant (self->doc, from_device, from_jack, NULL) != NULL
      || rig_document_jack_occupant (self->doc, to_device, to_jack, NULL) != NULL
      || (g_strcmp0 (from_device, to_device) == 0 && g_strcmp0 (from_jack, to_jack) == 0))
    return RIG_SEVERITY_ERROR;

  rig_cable_spec_init_for_jacks (&spec, ja, jb);
  cable = rig_cable_new (RIG_JUDGE_CABLE_ID, "", from_device, from_jack, to_device, to_jack, &spec);
  rig_cable_spec_clear (&spec);
  node = rig_index_add_cable (self->index, cable, FALSE);
  if (node == NULL)
    return RIG_SEVERITY_NONE;

  seeds = g_ptr_array_new ();
  g_ptr_array_add (seeds, a);
  g_ptr_array_add (seeds, b);
  devices = g_ptr_array_new ();
  cables = g_ptr_array_new ();
  rig_index_collect (self->index, seeds, devices, cables);
  g_ptr_array_unref (seeds);

  region = rig_region_new (self->index, devices, cables, FALSE);
  rig_region_judge (region);
  for (guint i = 0; i < rig_region_get_diagnostics (region)->len; i++)
    {
      const RigDiagnostic *d = g_ptr_array_index (rig_region_get_diagnostics (region), i);
      if (rig_diagnostic_concerns_cable (d, RIG_JUDGE_CABLE_ID))
        worst = MAX (worst, d->severity);
    }
  rig_region_free (region);
  rig_index_remove_cable (self->index, node, FALSE);
  return worst;
}

char **
rig_validator_signal_paths (RigValidator *self, const char *device_id)
{
  RigDevEntry *dev;
  RigRegion *region;
  GPtrArray *seeds, *devices, *cables;
  g_autoptr (GPtrArray) ids = NULL;
  char **out;

  g_return_val_if_fail (RIG_IS_VALIDATOR (self), NULL);
  ensure_checked (self);
  dev = device_id ? g_hash_table_lookup (self->index->devices, device_id) : NULL;
  if (dev == NULL)
    return g_new0 (char *, 1);

  seeds = g_ptr_array_new ();
  g_ptr_array_add (seeds, dev);
  devices = g_ptr_array_new ();
  cables = g_ptr_array_new ();
  rig_index_collect (self->index, seeds, devices, cables);
  g_ptr_array_unref (seeds);
  region = rig_region_new (self->index, devices, cables, FALSE);
  rig_region_build_nets (region);
  rig_region_build_graph (region);
  ids = rig_region_signal_paths (region, &dev->node);
  out = g_new0 (char *, ids->len + 1);
  for (guint i = 0; i < ids->len; i++)
    out[i] = g_strdup (g_ptr_array_index (ids, i));
  rig_region_free (region);
  return out;
}

static void
judge_batch (RigIndex *index, GPtrArray *devices, GPtrArray *cables, gpointer data)
{
  GPtrArray *out = data;
  RigRegion *region = rig_region_new (index, devices, cables, FALSE);

  rig_region_judge (region);
  for (guint i = 0; i < rig_region_get_diagnostics (region)->len; i++)
    g_ptr_array_add (out, rig_diagnostic_ref (rig_region_get_diagnostics (region)->pdata[i]));
  rig_region_free (region);
}

GPtrArray *
rig_validator_check_full (RigDocument *doc)
{
  RigIndex *index;
  GPtrArray *devices, *cables, *out;

  g_return_val_if_fail (RIG_IS_DOCUMENT (doc), NULL);
  index = rig_index_new (FALSE);
  devices = g_ptr_array_sized_new (rig_document_get_n_devices (doc));
  cables = g_ptr_array_sized_new (rig_document_get_n_cables (doc));
  rig_index_fill_pooled (index, doc, devices, cables);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) rig_diagnostic_unref);
  rig_index_foreach_batch (index, devices, foreach_batch_size, judge_batch, out);
  g_ptr_array_unref (devices);
  g_ptr_array_unref (cables);
  rig_index_free (index);
  g_ptr_array_sort (out, rig_diagnostic_compare_indirect);
  return out;
}
