/* test-layout-index.c: the layout's spatial index finds its buckets after
 * any churn (#13).
 *
 * The index finds a cell's bucket in a table of its own (open addressing,
 * linear probing), from which a bucket that empties is taken out by moving
 * back the buckets after it. A bucket moved wrongly, or left behind, would
 * hide every entry of its cell from queries. Here thousands of cards are
 * registered, removed in a random order, registered again and cleared,
 * many to a cell and with cells far apart; after each step, queries of
 * random rectangles must find exactly what a brute-force scan finds.
 */
#include "config.h"

#include "rig-layout-private.h"

#define N_ENTRIES 3000

typedef struct
{
  RigLayoutEntry entries[N_ENTRIES];
  gboolean in[N_ENTRIES];
  RigLayoutIndex *index;
  GRand *rand;
} Fixture;

/* A card's bounds: most in a crowd of shared cells, some far away. */
static RigRect
random_bounds (GRand *rand)
{
  double spread = g_rand_int_range (rand, 0, 10) == 0 ? 4e6 : 6e3;

  return (RigRect){ g_rand_double_range (rand, -spread, spread),
                    g_rand_double_range (rand, -spread, spread), g_rand_double_range (rand, 1, 600),
                    g_rand_double_range (rand, 1, 600) };
}

static int
compare_pointers (gconstpointer a, gconstpointer b)
{
  const void *x = *(const void *const *) a, *y = *(const void *const *) b;

  return x < y ? -1 : x > y;
}

/* Queries of random rectangles find the registered entries whose bounds
 * meet them, each once, and nothing else. */
static void
assert_queries (Fixture *f, guint n_queries)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  g_autoptr (GPtrArray) want = g_ptr_array_new ();

  for (guint q = 0; q < n_queries; q++)
    {
      RigRect rect = random_bounds (f->rand);

      rect.width *= 4;
      rect.height *= 4;
      g_ptr_array_set_size (found, 0);
      g_ptr_array_set_size (want, 0);
      _rig_layout_index_query (f->index, &rect, found);
      for (guint i = 0; i < N_ENTRIES; i++)
        if (f->in[i] && rig_rect_intersects (&f->entries[i].bounds, &rect))
          g_ptr_array_add (want, &f->entries[i]);
      g_ptr_array_sort (found, compare_pointers);
      g_ptr_array_sort (want, compare_pointers);
      g_assert_cmpuint (found->len, ==, want->len);
      for (guint i = 0; i < want->len; i++)
        g_assert_true (g_ptr_array_index (found, i) == g_ptr_array_index (want, i));
    }
}

static void
fixture_add (Fixture *f, guint i)
{
  f->entries[i].bounds = random_bounds (f->rand);
  _rig_layout_index_add (f->index, &f->entries[i]);
  f->in[i] = TRUE;
}

static void
test_churn (void)
{
  Fixture *f = g_new0 (Fixture, 1);
  guint order[N_ENTRIES];

  f->index = _rig_layout_index_new ();
  f->rand = g_rand_new_with_seed (1313);
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      f->entries[i].id = g_strdup_printf ("d%u", i);
      f->entries[i].level = -1;
      fixture_add (f, i);
      order[i] = i;
    }
  assert_queries (f, 200);

  /* Out in a random order, a query now and then; then half back in. */
  for (guint i = N_ENTRIES - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (f->rand, 0, i + 1), t = order[i];

      order[i] = order[j];
      order[j] = t;
    }
  for (guint k = 0; k < N_ENTRIES; k++)
    {
      _rig_layout_index_remove (f->index, &f->entries[order[k]]);
      f->in[order[k]] = FALSE;
      if (k % 97 == 0)
        assert_queries (f, 20);
    }
  assert_queries (f, 50);
  g_assert_cmpuint (_rig_layout_index_get_n_buckets (f->index), ==, 0);
  for (guint i = 0; i < N_ENTRIES; i += 2)
    fixture_add (f, i);
  assert_queries (f, 200);

  /* Cleared: nothing is found; then all of them again. */
  _rig_layout_index_clear (f->index);
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      f->in[i] = FALSE;
      f->entries[i].level = -1;
    }
  assert_queries (f, 50);
  for (guint i = 0; i < N_ENTRIES; i++)
    fixture_add (f, i);
  assert_queries (f, 200);

  _rig_layout_index_free (f->index);
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      g_free (f->entries[i].id);
      g_free (f->entries[i].cells);
    }
  g_rand_free (f->rand);
  g_free (f);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/layout-index/churn", test_churn);
  return g_test_run ();
}
