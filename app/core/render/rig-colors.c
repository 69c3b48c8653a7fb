/* rig-colors.c: the canvas's colours in the desktop's styles (rig-colors.h). */
#include "config.h"

#include "rig-colors.h"
#include "rig-painter.h"

/* A light-style colour as the dark style draws it: the greys turned around,
 * status colours lightened to keep their contrast. */
static guint32
dark_color (guint32 rgb, gboolean high_contrast)
{
  switch (rgb)
    {
      case RIG_PAINTER_COLOR_BACKGROUND:
        return RIG_PAINTER_DARK_COLOR_BACKGROUND;
      case 0xFFFFFF: /* cards, label plates, casings */
        return RIG_PAINTER_DARK_COLOR_CARD;
      case 0xDEDDDA: /* rules inside cards */
        return high_contrast ? 0x9A9996 : 0x48484C;
      case 0xD0CFCC: /* grid dots */
        return 0x3D3D42;
      case 0xC0BFBC: /* neutral edges */
      case 0x9A9996:
        return high_contrast ? 0xFFFFFF : 0x5E5C64;
      case 0x77767B: /* secondary text */
        return high_contrast ? 0xFFFFFF : 0xB0AFAC;
      case 0x3D3846: /* port glyphs */
        return high_contrast ? 0xFFFFFF : 0xDEDDDA;
      case 0x2E2E33: /* text */
      case 0x241F31:
      case 0x1E1E1E:
        return high_contrast ? 0xFFFFFF : 0xEEEEEC;
      case RIG_PAINTER_COLOR_NEUTRAL:
        return high_contrast ? 0xFFFFFF : RIG_PAINTER_DARK_COLOR_NEUTRAL;
      case RIG_PAINTER_COLOR_WARNING:
        return RIG_PAINTER_DARK_COLOR_WARNING;
      case RIG_PAINTER_COLOR_INFO:
        return RIG_PAINTER_DARK_COLOR_INFO;
      case RIG_PAINTER_COLOR_ACCENT:
        return 0x78AEED;
      default:
        return rgb;
    }
}

/* In light high contrast, text and neutral lines in black. */
static guint32
high_contrast_color (guint32 rgb)
{
  switch (rgb)
    {
      case 0xC0BFBC:
      case 0x9A9996:
      case 0x77767B:
      case 0x2E2E33:
      case 0x241F31:
      case 0x1E1E1E:
      case RIG_PAINTER_COLOR_NEUTRAL:
        return 0x000000;
      case 0xDEDDDA:
        return 0x77767B;
      default:
        return rgb;
    }
}

guint32
rig_colors_for_style (guint32 rgb, gboolean dark, gboolean high_contrast)
{
  if (dark)
    return dark_color (rgb, high_contrast);
  return high_contrast ? high_contrast_color (rgb) : rgb;
}
