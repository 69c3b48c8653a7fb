/* rig-tidy.c: the rig laid out by signal flow (rig-tidy.h). */
#include "config.h"

#include <math.h>

#include "rig-tidy.h"

#define TIDY_GRID 20.0
#define TIDY_LAYER_GAP 160.0 /* room between layers for cables and their numbers */
#define TIDY_CARD_GAP 40.0
#define TIDY_POWER_GAP 120.0

typedef struct
{
  RigDevice *device;
  RigRect card;
  GArray *feeds; /* guint: indexes of the devices this one feeds */
  guint n_fed_by;
  int layer; /* -1: not placed yet; power gear stays -1 */
  double order;
  gboolean power;
  gboolean on_path; /* during the depth-first search */
} Node;

static gboolean
is_power_gear (const RigDevice *device)
{
  return device->model->category == RIG_CATEGORY_POWER;
}

/* The direction a cable carries: FALSE when it joins no output to an input
 * (two inputs, two bidirectional jacks) or carries power. */
static gboolean
cable_flow (RigDocument *doc, const RigCable *cable, RigEnd *source)
{
  const RigJack *from = rig_document_cable_jack (doc, cable, RIG_END_FROM);
  const RigJack *to = rig_document_cable_jack (doc, cable, RIG_END_TO);

  if (from == NULL || to == NULL || from->signal == RIG_SIGNAL_POWER
      || to->signal == RIG_SIGNAL_POWER)
    return FALSE;
  if (from->direction == RIG_DIRECTION_OUT || to->direction == RIG_DIRECTION_IN)
    *source = RIG_END_FROM;
  else if (from->direction == RIG_DIRECTION_IN || to->direction == RIG_DIRECTION_OUT)
    *source = RIG_END_TO;
  else
    *source = RIG_END_FROM; /* both ways (USB): as drawn */
  return TRUE;
}

static void
build_edges (RigDocument *doc, Node *nodes, GHashTable *index)
{
  for (guint i = 0; i < rig_document_get_n_cables (doc); i++)
    {
      const RigCable *cable = rig_document_get_cable (doc, i);
      RigEnd source;
      gpointer a, b;
      guint from, to;

      if (!cable_flow (doc, cable, &source))
        continue;
      if (!g_hash_table_lookup_extended (index, cable->device[source], NULL, &a)
          || !g_hash_table_lookup_extended (index, cable->device[1 - source], NULL, &b))
        continue;
      from = GPOINTER_TO_UINT (a);
      to = GPOINTER_TO_UINT (b);
      if (from == to || nodes[from].power || nodes[to].power)
        continue;
      g_array_append_val (nodes[from].feeds, to);
    }
}

/* Longest path from the sources; an edge back onto the search's own path
 * (a feedback loop) is left out. Iterative, so a rig of any size fits the
 * stack. */
static void
assign_layers (Node *nodes, guint n)
{
  GArray *stack = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  guint *topo = g_new (guint, n), n_topo = 0;
  guint *post = g_new0 (guint, n);
  gboolean *done = g_new0 (gboolean, n);

  for (guint root = 0; root < n; root++)
    {
      guint frame[2] = { root, 0 };

      if (done[root] || nodes[root].power)
        continue;
      g_array_append_val (stack, frame);
      nodes[root].on_path = TRUE;
      while (stack->len > 0)
        {
          guint *top = &g_array_index (stack, guint, stack->len * 2 - 2);
          Node *node = &nodes[top[0]];

          if (top[1] < node->feeds->len)
            {
              guint next = g_array_index (node->feeds, guint, top[1]++);

              if (done[next] || nodes[next].on_path)
                continue;
              nodes[next].on_path = TRUE;
              frame[0] = next;
              frame[1] = 0;
              g_array_append_val (stack, frame);
              continue;
            }
          node->on_path = FALSE;
          done[top[0]] = TRUE;
          topo[n_topo++] = top[0];
          g_array_set_size (stack, stack->len - 1);
        }
    }
  /* Reverse post-order is a topological order of the edges kept: an edge
   * goes forward when its source finished after its target, and back (a
   * loop, left out) otherwise. */
  for (guint i = 0; i < n_topo; i++)
    post[topo[i]] = i;
  for (guint i = n_topo; i > 0; i--)
    {
      guint u = topo[i - 1];
      Node *node = &nodes[u];

      if (node->layer < 0)
        node->layer = 0;
      for (guint e = 0; e < node->feeds->len; e++)
        {
          guint v = g_array_index (node->feeds, guint, e);

          if (post[u] > post[v])
            nodes[v].layer = MAX (nodes[v].layer, node->layer + 1);
        }
    }
  g_free (post);
  g_free (done);
  g_free (topo);
  g_array_unref (stack);
}

/* In each layer, by the mean place of the devices feeding it (barycentre),
 * the first layer by where its cards stand now. */
static int
compare_in_layer (gconstpointer a, gconstpointer b)
{
  const Node *x = *(Node *const *) a, *y = *(Node *const *) b;

  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return rig_id_compare (x->device->id, y->device->id);
}

static void
order_layers (Node *nodes, guint n, GPtrArray **layers, int n_layers)
{
  double *sum = g_new0 (double, n);
  guint *count = g_new0 (guint, n);

  for (int l = 0; l < n_layers; l++)
    {
      GPtrArray *layer = layers[l];

      for (guint i = 0; i < layer->len; i++)
        {
          Node *node = g_ptr_array_index (layer, i);
          guint k = (guint) (node - nodes);

          /* A device in a later layer is always fed by an earlier one. */
          node->order = count[k] > 0 ? sum[k] / count[k] : node->card.y + node->card.x * 1e-6;
        }
      g_ptr_array_sort (layer, compare_in_layer);
      for (guint i = 0; i < layer->len; i++)
        {
          Node *node = g_ptr_array_index (layer, i);

          for (guint e = 0; e < node->feeds->len; e++)
            {
              guint v = g_array_index (node->feeds, guint, e);

              sum[v] += i;
              count[v]++;
            }
        }
    }
  g_free (count);
  g_free (sum);
}

static double
snap (double value)
{
  return round (value / TIDY_GRID) * TIDY_GRID;
}

static void
place (GHashTable *positions, Node *node, double x, double y)
{
  RigPoint *point = g_new (RigPoint, 1);

  point->x = snap (x);
  point->y = snap (y);
  g_hash_table_insert (positions, node->device->id, point);
}

/* Columns of layers from (@x0, @y0), then the power row under them. */
static void
place_all (GHashTable *positions, Node *nodes, guint n, GPtrArray **layers, int n_layers, double x0,
           double y0)
{
  double x = x0, bottom = y0;

  for (int l = 0; l < n_layers; l++)
    {
      double y = y0, width = 0;

      for (guint i = 0; i < layers[l]->len; i++)
        {
          Node *node = g_ptr_array_index (layers[l], i);

          place (positions, node, x, y);
          y = snap (y + node->card.height + TIDY_CARD_GAP);
          width = MAX (width, node->card.width);
        }
      bottom = MAX (bottom, y);
      x = snap (x + width + TIDY_LAYER_GAP);
    }
  x = x0;
  for (guint i = 0; i < n; i++)
    if (nodes[i].power)
      {
        place (positions, &nodes[i], x, bottom + TIDY_POWER_GAP - TIDY_CARD_GAP);
        x = snap (x + nodes[i].card.width + TIDY_CARD_GAP);
      }
}

GHashTable *
rig_tidy_positions (RigLayout *layout)
{
  RigDocument *doc = rig_layout_get_document (layout);
  guint n = rig_document_get_n_devices (doc);
  GHashTable *positions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  Node *nodes = g_new0 (Node, MAX (n, 1));
  GPtrArray **layers;
  int n_layers = 0;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      Node *node = &nodes[i];

      node->device = rig_document_get_device (doc, i);
      rig_layout_get_card_rect (layout, node->device->id, &node->card);
      node->feeds = g_array_new (FALSE, FALSE, sizeof (guint));
      node->layer = -1;
      node->power = is_power_gear (node->device);
      x0 = MIN (x0, node->card.x);
      y0 = MIN (y0, node->card.y);
      g_hash_table_insert (index, node->device->id, GUINT_TO_POINTER (i));
    }
  build_edges (doc, nodes, index);
  assign_layers (nodes, n);

  for (guint i = 0; i < n; i++)
    n_layers = MAX (n_layers, nodes[i].layer + 1);
  layers = g_new (GPtrArray *, MAX (n_layers, 1));
  for (int l = 0; l < n_layers; l++)
    layers[l] = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    if (nodes[i].layer >= 0)
      g_ptr_array_add (layers[nodes[i].layer], &nodes[i]);
  order_layers (nodes, n, layers, n_layers);
  if (n > 0)
    place_all (positions, nodes, n, layers, n_layers, snap (x0), snap (y0));

  for (int l = 0; l < n_layers; l++)
    g_ptr_array_unref (layers[l]);
  g_free (layers);
  for (guint i = 0; i < n; i++)
    g_array_unref (nodes[i].feeds);
  g_free (nodes);
  return positions;
}
