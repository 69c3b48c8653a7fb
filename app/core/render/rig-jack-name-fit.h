/* rig-jack-name-fit.h: the names of a card's jacks, fitted to their rooms.
 *
 * A card's width and its rows are fixed (rigs save where cards are), so a
 * long jack name must fit the room it has. Each name is, in this order of
 * preference:
 *   1. drawn as it is, if it fits;
 *   2. shrunk, down to RIG_JACK_NAME_MIN_SCALE of its font's size;
 *   3. wrapped onto two lines, when the room is tall enough for them,
 *      shrunk as needed within the same floor;
 *   4. cut, so that the names of one card stay apart: the part a name shares
 *      with the card's other names is elided, the part that tells it apart
 *      is kept ("Line/instr… in 1 (TRS)", "Line/instr… in 2 (TRS)"); the cut
 *      text is then fitted as above.
 * No two names of a card read alike unless they are alike.
 *
 * Names are measured once, with Pango at their real font, through a
 * RigTextCache: a fit is in the cache's units and does not depend on the
 * zoom, so a painter fits a card's names once per model. Shrinking is a
 * scale of the drawing, not another font, so a fitted name draws a layout
 * the cache already holds.
 *
 * GTK-free: pango and cairo only.
 */
#pragma once

#include <cairo.h>

#include "rig-text-cache.h"

G_BEGIN_DECLS

/* The smallest a name is drawn, as a fraction of its font's size: the
 * painter's port names (11 px) stay at 8.8 px and over, power jack names
 * (10 px) at 8 px (6 pt), the smallest text that reads at 100 %. */
#define RIG_JACK_NAME_MIN_SCALE 0.8

/* Where one name goes, in the cache's units. */
typedef struct
{
  guint font;    /* the cache's font of the name */
  double width;  /* the room's width */
  double height; /* its height: two lines only if they fit in it */
} RigJackNameRoom;

/* A fitted name. */
typedef struct
{
  char *text;           /* what is shown: the name, or the name cut with "…" */
  double scale;         /* of the font's size: RIG_JACK_NAME_MIN_SCALE .. 1 */
  double wrap_width;    /* <= 0: one line; else the width the text wraps at
                           (two lines), at the font's size: the room / scale */
  double width, height; /* the text's size as drawn (scaled) */
  gboolean cut;
} RigJackNameFit;

/* Fits @n names, @names[i] into @rooms[i], all the names of one card (they
 * are kept apart from one another). Returns @n fits: free them with
 * rig_jack_name_fits_free(). */
RigJackNameFit *
rig_jack_name_fit_card (RigTextCache *texts, const char *const *names, const RigJackNameRoom *rooms,
                        guint n);
void
rig_jack_name_fits_free (RigJackNameFit *fits, guint n);

/* Draws @fit in the room whose top-left corner is (x, y) and whose width is
 * @room_width, aligned in it by @align (the text's top at y). */
void
rig_jack_name_fit_show (cairo_t *cr, RigTextCache *texts, guint font, const RigJackNameFit *fit,
                        double x, double y, double room_width, PangoAlignment align);

G_END_DECLS
