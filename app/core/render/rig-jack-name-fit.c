/* rig-jack-name-fit.c: the names of a card's jacks, fitted to their rooms. */
#include "config.h"

#include <pango/pangocairo.h>

#include "rig-jack-name-fit.h"

#define ELLIPSIS "…"
#define WRAP_STEP 0.025 /* the scales tried for two lines, from the largest down */
#define MIN_HEAD 3      /* fewer characters before an ellipsis say nothing */

/* ---- fitting a text as it is ------------------------------------------ */

/* Where the second line of a wrapped @layout starts is a break between
 * words (not inside one). */
static gboolean
breaks_between_words (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  const PangoLogAttr *attrs;
  PangoLayoutLine *line;
  int n_attrs;

  if (pango_layout_get_line_count (layout) < 2)
    return TRUE;
  line = pango_layout_get_line_readonly (layout, 1);
  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  return attrs[g_utf8_pointer_to_offset (text, text + line->start_index)].is_line_break;
}

/* The narrowest width between @narrow and @wide at which @text still takes
 * two lines (broken between words if @words): the lines as even as they can
 * be ("Headphone out" over "(6.35 mm)", not "Headphone out (6.35" over
 * "mm)"). */
static double
balance (RigTextCache *texts, guint font, const char *text, double narrow, double wide,
         gboolean words)
{
  for (guint i = 0; i < 6 && wide - narrow > 0.5; i++)
    {
      double mid = (narrow + wide) / 2;
      PangoLayout *layout = rig_text_cache_layout (texts, font, text, mid, 0, PANGO_ALIGN_LEFT);

      if (pango_layout_get_line_count (layout) <= 2 && (!words || breaks_between_words (layout)))
        wide = mid;
      else
        narrow = mid;
    }
  return wide;
}

/* Fits @text into @room without cutting it: as it is, shrunk, or on two
 * lines (breaking inside a word only at the smallest scale). */
static gboolean
fit_whole (RigTextCache *texts, const char *text, const RigJackNameRoom *room, RigJackNameFit *fit)
{
  PangoLayout *layout = rig_text_cache_layout (texts, room->font, text, -1, 1, PANGO_ALIGN_LEFT);
  double w, h, largest;

  rig_text_size (layout, &w, &h);
  if (w * RIG_JACK_NAME_MIN_SCALE <= room->width)
    {
      fit->scale = w <= room->width ? 1.0 : room->width / w;
      fit->wrap_width = -1;
      fit->width = w * fit->scale;
      fit->height = h * fit->scale;
      return TRUE;
    }

  /* Two lines: the largest scale at which they fit the room's height. */
  largest = MIN (1.0, room->height / (2 * h));
  if (largest < RIG_JACK_NAME_MIN_SCALE)
    return FALSE;
  for (guint step = 0;; step++)
    {
      double s = MAX (largest - step * WRAP_STEP, RIG_JACK_NAME_MIN_SCALE);
      double wrap = room->width / s, lw, lh;

      layout = rig_text_cache_layout (texts, room->font, text, wrap, 0, PANGO_ALIGN_LEFT);
      rig_text_size (layout, &lw, &lh);
      if (pango_layout_get_line_count (layout) <= 2 && lh * s <= room->height + 1e-6
          && (s <= RIG_JACK_NAME_MIN_SCALE || breaks_between_words (layout)))
        {
          wrap = balance (texts, room->font, text, w / 2, wrap, breaks_between_words (layout));
          layout = rig_text_cache_layout (texts, room->font, text, wrap, 0, PANGO_ALIGN_LEFT);
          rig_text_size (layout, &lw, &lh);
          fit->scale = s;
          fit->wrap_width = wrap;
          fit->width = MIN (lw, wrap) * s;
          fit->height = lh * s;
          return TRUE;
        }
      if (s <= RIG_JACK_NAME_MIN_SCALE)
        return FALSE;
    }
}

/* ---- cutting a name apart from the card's others ----------------------- */

typedef enum
{
  CUT_MIDDLE, /* the head's first k characters, "…", the tail from t */
  CUT_END,    /* the first k characters, "…" */
  CUT_BOTH,   /* "…", k characters from t, "…" */
} CutKind;

/* The characters a name is made of. */
typedef struct
{
  gunichar *s;
  glong len;
} Name;

static void
append_chars (GString *out, const gunichar *s, glong n, gboolean trim_end)
{
  while (trim_end && n > 0 && g_unichar_isspace (s[n - 1]))
    n--;
  for (glong i = 0; i < n; i++)
    g_string_append_unichar (out, s[i]);
}

static char *
cut_text (const Name *name, CutKind kind, glong t, glong k)
{
  GString *out = g_string_new (NULL);

  if (kind == CUT_BOTH)
    g_string_append (out, ELLIPSIS);
  append_chars (out, name->s + (kind == CUT_BOTH ? t : 0), k, TRUE);
  g_string_append (out, ELLIPSIS);
  if (kind == CUT_MIDDLE)
    {
      if (g_unichar_isspace (name->s[t - 1]))
        g_string_append_c (out, ' ');
      append_chars (out, name->s + t, name->len - t, FALSE);
    }
  return g_string_free (out, FALSE);
}

/* The cut of @kind that keeps the most characters (k in @lo .. @hi) and still
 * fits @room, if no other name of the card already reads so. */
static gboolean
cut_to_fit (RigTextCache *texts, const RigJackNameRoom *room, const Name *name, CutKind kind,
            glong t, glong lo, glong hi, GHashTable *taken, RigJackNameFit *fit)
{
  glong best = -1;
  char *text;

  while (lo <= hi)
    {
      glong mid = lo + (hi - lo) / 2;
      RigJackNameFit probe;

      text = cut_text (name, kind, t, mid);
      if (fit_whole (texts, text, room, &probe))
        {
          best = mid;
          lo = mid + 1;
        }
      else
        hi = mid - 1;
      g_free (text);
    }
  if (best < 0)
    return FALSE;
  text = cut_text (name, kind, t, best);
  if (g_hash_table_contains (taken, text))
    {
      g_free (text);
      return FALSE;
    }
  fit_whole (texts, text, room, fit);
  fit->text = text;
  fit->cut = TRUE;
  return TRUE;
}

/* How many leading characters @a and @b share. */
static glong
common_prefix (const char *a, const char *b)
{
  glong n = 0;

  for (; *a != '\0' && *b != '\0' && g_utf8_get_char (a) == g_utf8_get_char (b); n++)
    {
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
    }
  return n;
}

static glong
word_start (const Name *name, glong i)
{
  while (i > 0 && !g_unichar_isspace (name->s[i - 1]))
    i--;
  return i;
}

static glong
word_end (const Name *name, glong i)
{
  while (i < name->len && !g_unichar_isspace (name->s[i]))
    i++;
  return i;
}

/* Cuts name @i of @names so that it fits @room and reads unlike the others:
 * where it shares its start with another name, the shared part is elided and
 * the part that tells it apart kept ("Line/instr… in 1 (TRS)"), with the word
 * before it when that part is a short word (a number, L or R); else the end
 * is cut after the part that tells it apart. */
static void
fit_cut (RigTextCache *texts, const char *const *names, guint n, guint i,
         const RigJackNameRoom *room, GHashTable *taken, RigJackNameFit *fit)
{
  Name name;
  glong d = 0, t, before;
  gboolean short_word;

  name.s = g_utf8_to_ucs4_fast (names[i], -1, &name.len);
  for (guint j = 0; j < n; j++)
    if (j != i)
      d = MAX (d, common_prefix (names[i], names[j]));
  while (d < name.len && g_unichar_isspace (name.s[d]))
    d++;
  d = MIN (d, name.len - 1);
  t = word_start (&name, d);
  short_word = word_end (&name, d) - t <= 3;
  for (before = t; before > 0 && g_unichar_isspace (name.s[before - 1]); before--)
    ;
  before = before > 0 ? word_start (&name, before - 1) : t;

  if (!(t > 0 && short_word && before < t
        && cut_to_fit (texts, room, &name, CUT_MIDDLE, before, MIN_HEAD, before - 2, taken, fit))
      && !(t > 0 && cut_to_fit (texts, room, &name, CUT_MIDDLE, t, MIN_HEAD, t - 2, taken, fit))
      && !cut_to_fit (texts, room, &name, CUT_END, 0, d + 1, name.len - 1, taken, fit)
      && !(t > 0 && cut_to_fit (texts, room, &name, CUT_BOTH, t, 1, name.len - t - 1, taken, fit)))
    {
      /* Narrower than any word: what tells it apart, at the smallest size. */
      PangoLayout *layout;

      fit->text = cut_text (&name, t > 0 ? CUT_BOTH : CUT_END, t, MAX (d - t + 1, 1));
      layout = rig_text_cache_layout (texts, room->font, fit->text, -1, 1, PANGO_ALIGN_LEFT);
      rig_text_size (layout, &fit->width, &fit->height);
      fit->scale = RIG_JACK_NAME_MIN_SCALE;
      fit->wrap_width = -1;
      fit->width *= fit->scale;
      fit->height *= fit->scale;
      fit->cut = TRUE;
    }
  g_free (name.s);
}

RigJackNameFit *
rig_jack_name_fit_card (RigTextCache *texts, const char *const *names, const RigJackNameRoom *rooms,
                        guint n)
{
  RigJackNameFit *fits = g_new0 (RigJackNameFit, MAX (n, 1));
  g_autoptr (GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (texts != NULL && (n == 0 || (names != NULL && rooms != NULL)), fits);

  /* The names that fit whole first: a cut name must read unlike them too. */
  for (guint i = 0; i < n; i++)
    if (fit_whole (texts, names[i], &rooms[i], &fits[i]))
      {
        fits[i].text = g_strdup (names[i]);
        g_hash_table_add (taken, fits[i].text);
      }
  for (guint i = 0; i < n; i++)
    if (fits[i].text == NULL)
      {
        fit_cut (texts, names, n, i, &rooms[i], taken, &fits[i]);
        g_hash_table_add (taken, fits[i].text);
      }
  return fits;
}

void
rig_jack_name_fits_free (RigJackNameFit *fits, guint n)
{
  if (fits == NULL)
    return;
  for (guint i = 0; i < n; i++)
    g_free (fits[i].text);
  g_free (fits);
}

void
rig_jack_name_fit_show (cairo_t *cr, RigTextCache *texts, guint font, const RigJackNameFit *fit,
                        double x, double y, double room_width, PangoAlignment align)
{
  PangoLayout *layout;

  double box; /* the layout's width as drawn */

  if (fit->wrap_width > 0)
    {
      /* Its lines aligned in the layout, the layout in the room. */
      layout = rig_text_cache_layout (texts, font, fit->text, fit->wrap_width, 0, align);
      box = fit->wrap_width * fit->scale;
    }
  else
    {
      /* The layout that was measured. */
      layout = rig_text_cache_layout (texts, font, fit->text, -1, 1, PANGO_ALIGN_LEFT);
      box = fit->width;
    }
  if (align == PANGO_ALIGN_RIGHT)
    x += room_width - box;
  else if (align == PANGO_ALIGN_CENTER)
    x += (room_width - box) / 2;
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, fit->scale, fit->scale);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}
