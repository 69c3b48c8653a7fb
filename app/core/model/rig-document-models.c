/* rig-document-models.c: which device models a document uses, and the rule
 * that two different models never share an id in it.
 *
 * A rig file embeds the models it uses, one <model> per id, so a document
 * that held two different models under one id would save a file that does
 * not open (or opens with the wrong jacks). Whatever brings a model into a
 * document (placing it from the catalog, pasting, choosing an adapter) asks
 * rig_document_resolve_model() first: an identical model already there is
 * shared; a different one under the same id gets the first free id of the
 * form "ID-2", "ID-3", ..., so files still diff cleanly and the result does
 * not depend on anything but the document.
 */
#include "config.h"

#include "rig-document-models.h"

typedef struct
{
  RigDeviceModel *model; /* a reference */
  guint uses;            /* devices and adapters using it */
} ModelUse;

static void
model_use_free (ModelUse *use)
{
  rig_device_model_unref (use->model);
  g_free (use);
}

GHashTable *
_rig_model_uses_new (void)
{
  /* Keys are the models' own ids, which live as long as the entry's model. */
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) model_use_free);
}

void
_rig_model_uses_add (GHashTable *uses, RigDeviceModel *model)
{
  ModelUse *use = g_hash_table_lookup (uses, model->id);

  if (use == NULL)
    {
      use = g_new0 (ModelUse, 1);
      use->model = rig_device_model_ref (model);
      g_hash_table_insert (uses, use->model->id, use);
    }
  /* Commands resolve models before they insert them: a different model
   * under a used id is a bug. */
  g_warn_if_fail (use->model == model || rig_device_model_equal (use->model, model));
  use->uses++;
}

void
_rig_model_uses_remove (GHashTable *uses, RigDeviceModel *model)
{
  ModelUse *use = g_hash_table_lookup (uses, model->id);

  g_return_if_fail (use != NULL && use->uses > 0);
  if (--use->uses == 0)
    g_hash_table_remove (uses, model->id);
}

void
_rig_model_uses_add_spec (GHashTable *uses, const RigCableSpec *spec)
{
  for (guint i = 0; i < spec->n_adapters; i++)
    _rig_model_uses_add (uses, spec->adapters[i].model);
}

void
_rig_model_uses_remove_spec (GHashTable *uses, const RigCableSpec *spec)
{
  for (guint i = 0; i < spec->n_adapters; i++)
    _rig_model_uses_remove (uses, spec->adapters[i].model);
}

RigDeviceModel *
_rig_model_uses_find (GHashTable *uses, const char *id)
{
  ModelUse *use = id != NULL ? g_hash_table_lookup (uses, id) : NULL;

  return use != NULL ? use->model : NULL;
}

/* @model with another id: everything else the same. */
static RigDeviceModel *
copy_with_id (const RigDeviceModel *model, const char *id)
{
  RigDeviceModel *copy = rig_device_model_new (id, model->name, model->category);

  copy->description = g_strdup (model->description);
  copy->keywords = g_strdup (model->keywords);
  for (guint i = 0; i < model->n_jacks; i++)
    rig_device_model_add_jack (copy, &model->jacks[i]);
  for (guint i = 0; i < model->n_routes; i++)
    rig_device_model_add_route (copy, model->routes[i].from_jack, model->routes[i].to_jack);
  for (guint f = 0; f < RIG_N_FIGURES; f++)
    copy->figures[f] = model->figures[f];
  copy->isolates_ground = model->isolates_ground;
  return copy;
}

/* Whether @a and @b are the same model but for their ids. */
static gboolean
equal_but_id (const RigDeviceModel *a, const RigDeviceModel *b)
{
  g_autoptr (RigDeviceModel) renamed = copy_with_id (a, b->id);

  return rig_device_model_equal (renamed, b);
}

RigDeviceModel *
rig_document_resolve_model (RigDocument *self, RigDeviceModel *model)
{
  RigDeviceModel *there;

  g_return_val_if_fail (RIG_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (model != NULL, NULL);

  there = rig_document_find_model (self, model->id);
  if (there == NULL || there == model)
    return rig_device_model_ref (model);
  if (rig_device_model_equal (there, model))
    return rig_device_model_ref (there);

  for (guint n = 2;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", model->id, n);

      there = rig_document_find_model (self, id);
      if (there == NULL)
        return copy_with_id (model, id);
      if (equal_but_id (model, there))
        return rig_device_model_ref (there);
    }
}
