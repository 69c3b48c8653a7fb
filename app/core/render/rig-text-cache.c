/* rig-text-cache.c: text laid out once, measured and drawn many times. */
#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "rig-text-cache.h"

struct _RigTextCache
{
  PangoContext *pango;
  PangoFontDescription *fonts[RIG_TEXT_CACHE_MAX_FONTS];
  RigTextFontFlags flags[RIG_TEXT_CACHE_MAX_FONTS];
  GHashTable *layouts; /* TextKey * -> PangoLayout * */
  GHashTable *kept;    /* the same, measured and not drawn yet: no limit */
  guint max_layouts;
};

/* The cache's key: what a layout depends on. Lookups use a key on the stack
 * pointing at the caller's string; stored keys own a copy. */
typedef struct
{
  int font, width, lines, align;
  guint hash;
  const char *text;
} TextKey;

static guint
text_key_hash (gconstpointer key)
{
  return ((const TextKey *) key)->hash;
}

static gboolean
text_key_equal (gconstpointer a, gconstpointer b)
{
  const TextKey *x = a, *y = b;

  return x->hash == y->hash && x->font == y->font && x->width == y->width && x->lines == y->lines
         && x->align == y->align && strcmp (x->text, y->text) == 0;
}

RigTextCache *
rig_text_cache_new (double resolution, guint max_layouts)
{
  RigTextCache *self = g_new0 (RigTextCache, 1);
  cairo_font_options_t *options;

  /* No hinting: a layout measured once is right at every zoom and
   * resolution (screen, PNG, PDF). */
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (self->pango, resolution);
  pango_context_set_round_glyph_positions (self->pango, FALSE);

  self->layouts = g_hash_table_new_full (text_key_hash, text_key_equal, g_free, g_object_unref);
  self->kept = g_hash_table_new_full (text_key_hash, text_key_equal, g_free, g_object_unref);
  self->max_layouts = MAX (max_layouts, 1);
  return self;
}

void
rig_text_cache_free (RigTextCache *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->layouts);
  g_hash_table_unref (self->kept);
  for (guint i = 0; i < RIG_TEXT_CACHE_MAX_FONTS; i++)
    if (self->fonts[i] != NULL)
      pango_font_description_free (self->fonts[i]);
  g_object_unref (self->pango);
  g_free (self);
}

void
rig_text_cache_set_font (RigTextCache *self, guint font, const char *family, double size,
                         PangoWeight weight, RigTextFontFlags flags)
{
  PangoFontDescription *desc;

  g_return_if_fail (font < RIG_TEXT_CACHE_MAX_FONTS);

  desc = pango_font_description_from_string (family);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  if (flags & RIG_TEXT_FONT_CONDENSED)
    pango_font_description_set_stretch (desc, PANGO_STRETCH_SEMI_CONDENSED);
  if (self->fonts[font] != NULL)
    pango_font_description_free (self->fonts[font]);
  self->fonts[font] = desc;
  self->flags[font] = flags;
  g_hash_table_remove_all (self->layouts);
  g_hash_table_remove_all (self->kept);
}

static PangoLayout *
layout_new (RigTextCache *self, guint font, const char *text, int width, int lines,
            PangoAlignment align)
{
  PangoLayout *layout = pango_layout_new (self->pango);

  pango_layout_set_font_description (layout, self->fonts[font]);
  if (self->flags[font] & (RIG_TEXT_FONT_SPACED | RIG_TEXT_FONT_NO_HYPHENS))
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      if (self->flags[font] & RIG_TEXT_FONT_SPACED)
        pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (0.5 * PANGO_SCALE));
      if (self->flags[font] & RIG_TEXT_FONT_NO_HYPHENS)
        pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_set_text (layout, text, -1);
  if (self->flags[font] & RIG_TEXT_FONT_LABEL)
    pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (width > 0)
    {
      pango_layout_set_width (layout, width);
      if (lines == 1)
        {
          pango_layout_set_single_paragraph_mode (layout, TRUE);
          pango_layout_set_ellipsize (layout, (self->flags[font] & RIG_TEXT_FONT_MIDDLE)
                                                  ? PANGO_ELLIPSIZE_MIDDLE
                                                  : PANGO_ELLIPSIZE_END);
        }
      else
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          if (lines > 1)
            {
              pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
              pango_layout_set_height (layout, -lines);
            }
        }
    }
  pango_layout_set_alignment (layout, align);
  return layout;
}

/* The key of a layout; its text is the caller's. */
static TextKey
key_for (guint font, const char *text, double width, int lines, PangoAlignment align)
{
  int w = width > 0 ? (int) (width * PANGO_SCALE) : -1;
  TextKey key = { (int) font, w, lines, align, 0, text };

  key.hash = g_str_hash (text) ^ ((guint) w * 2654435761u) ^ ((guint) font << 24)
             ^ ((guint) lines << 16) ^ ((guint) align << 20);
  return key;
}

/* A new layout for @lookup, and a key of its own for a table. */
static PangoLayout *
layout_for (RigTextCache *self, const TextKey *lookup, TextKey **key)
{
  gsize len = strlen (lookup->text) + 1;

  *key = g_malloc (sizeof **key + len);
  **key = *lookup;
  (*key)->text = memcpy ((char *) (*key + 1), lookup->text, len);
  return layout_new (self, (guint) lookup->font, lookup->text, lookup->width, lookup->lines,
                     (PangoAlignment) lookup->align);
}

/* Into the cache, emptying it first when it is full. */
static void
cache_insert (RigTextCache *self, TextKey *key, PangoLayout *layout)
{
  if (g_hash_table_size (self->layouts) >= self->max_layouts)
    g_hash_table_remove_all (self->layouts);
  g_hash_table_insert (self->layouts, key, layout);
}

PangoLayout *
rig_text_cache_layout (RigTextCache *self, guint font, const char *text, double width, int lines,
                       PangoAlignment align)
{
  TextKey lookup;
  gpointer key;
  PangoLayout *layout;

  g_return_val_if_fail (font < RIG_TEXT_CACHE_MAX_FONTS && self->fonts[font] != NULL, NULL);

  lookup = key_for (font, text, width, lines, align);
  layout = g_hash_table_lookup (self->layouts, &lookup);
  if (layout != NULL)
    return layout;
  /* Kept since it was measured: drawn now, it may go like any other. */
  if (g_hash_table_size (self->kept) > 0
      && g_hash_table_steal_extended (self->kept, &lookup, &key, (gpointer *) &layout))
    {
      cache_insert (self, key, layout);
      return layout;
    }
  layout = layout_for (self, &lookup, (TextKey **) &key);
  cache_insert (self, key, layout);
  return layout;
}

PangoLayout *
rig_text_cache_layout_kept (RigTextCache *self, guint font, const char *text, double width,
                            int lines, PangoAlignment align)
{
  TextKey lookup;
  gpointer key;
  PangoLayout *layout;

  g_return_val_if_fail (font < RIG_TEXT_CACHE_MAX_FONTS && self->fonts[font] != NULL, NULL);

  lookup = key_for (font, text, width, lines, align);
  layout = g_hash_table_lookup (self->kept, &lookup);
  if (layout != NULL)
    return layout;
  if (!g_hash_table_steal_extended (self->layouts, &lookup, &key, (gpointer *) &layout))
    layout = layout_for (self, &lookup, (TextKey **) &key);
  g_hash_table_insert (self->kept, key, layout);
  return layout;
}

void
rig_text_size (PangoLayout *layout, double *width, double *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}
