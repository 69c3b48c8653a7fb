/* rig-card-shape.c: where a card of a model has its header, its rows and
 * its ports (rig-layout.h): a function of the model alone, which the layout
 * makes once per model. */
#include "config.h"

#include "rig-layout-private.h"

RigPortSide
rig_layout_jack_side (const RigDeviceModel *model, const RigJack *jack)
{
  if (jack->signal == RIG_SIGNAL_POWER)
    return RIG_PORT_SIDE_BOTTOM;
  if (jack->direction == RIG_DIRECTION_IN)
    return RIG_PORT_SIDE_LEFT;
  if (jack->direction == RIG_DIRECTION_BOTH)
    {
      /* Signal flows left to right: a two-way jack faces the side its
       * signal comes from. Headphones and headsets listen (their mic is the
       * lesser part), so their plug faces left; an adapter's plug goes into
       * the device upstream, its sockets face downstream. */
      if (model->category == RIG_CATEGORY_HEADPHONES
          || model->category == RIG_CATEGORY_PASSIVE_SPEAKER
          || model->category == RIG_CATEGORY_ACTIVE_SPEAKER)
        return RIG_PORT_SIDE_LEFT;
      if (model->category == RIG_CATEGORY_ADAPTER && jack->gender == RIG_GENDER_PLUG)
        return RIG_PORT_SIDE_LEFT;
    }
  return RIG_PORT_SIDE_RIGHT;
}

RigCardShape *
_rig_card_shape_new (RigDeviceModel *model)
{
  RigCardShape *shape = g_new0 (RigCardShape, 1);
  const double r = RIG_LAYOUT_PORT_RADIUS;
  const double rows_top = RIG_LAYOUT_HEADER_HEIGHT + 6;
  guint n_left = 0, n_right = 0, n_bottom = 0;
  guint left = 0, right = 0, bottom = 0;
  double body_bottom;

  for (guint i = 0; i < model->n_jacks; i++)
    switch (rig_layout_jack_side (model, &model->jacks[i]))
      {
        case RIG_PORT_SIDE_LEFT:
          n_left++;
          break;
        case RIG_PORT_SIDE_RIGHT:
          n_right++;
          break;
        case RIG_PORT_SIDE_BOTTOM:
        default:
          n_bottom++;
          break;
      }

  shape->n_ports = model->n_jacks;
  shape->ports = g_new0 (RigPortShape, MAX (model->n_jacks, 1));
  shape->n_rows = n_left + n_right;
  shape->n_bottom = n_bottom;
  shape->header_height = RIG_LAYOUT_HEADER_HEIGHT;
  shape->width = MAX (RIG_LAYOUT_CARD_WIDTH, n_bottom * RIG_LAYOUT_SLOT_WIDTH);
  /* No rows: the bottom band (or the card's end) follows the header. */
  body_bottom = shape->n_rows > 0 ? rows_top + shape->n_rows * RIG_LAYOUT_ROW_HEIGHT + 8
                                  : RIG_LAYOUT_HEADER_HEIGHT + (n_bottom > 0 ? 0 : 8);
  shape->band_top = body_bottom;
  shape->height = body_bottom + (n_bottom > 0 ? RIG_LAYOUT_BAND_HEIGHT : 0);

  for (guint i = 0; i < model->n_jacks; i++)
    {
      RigPortShape *port = &shape->ports[i];
      double row_top, cy, slot, cx;

      port->jack_index = i;
      port->side = rig_layout_jack_side (model, &model->jacks[i]);
      switch (port->side)
        {
          case RIG_PORT_SIDE_LEFT:
            row_top = rows_top + (left++) * RIG_LAYOUT_ROW_HEIGHT;
            cy = row_top + RIG_LAYOUT_ROW_HEIGHT / 2;
            port->anchor = (RigPoint){ 0, cy };
            port->label = (RigRect){ 20, row_top, shape->width - 32, RIG_LAYOUT_ROW_HEIGHT };
            break;
          case RIG_PORT_SIDE_RIGHT:
            row_top = rows_top + (n_left + right++) * RIG_LAYOUT_ROW_HEIGHT;
            cy = row_top + RIG_LAYOUT_ROW_HEIGHT / 2;
            port->anchor = (RigPoint){ shape->width, cy };
            port->label = (RigRect){ 12, row_top, shape->width - 32, RIG_LAYOUT_ROW_HEIGHT };
            break;
          case RIG_PORT_SIDE_BOTTOM:
          default:
            slot = shape->width / n_bottom;
            cx = slot * (bottom++ + 0.5);
            port->anchor = (RigPoint){ cx, shape->height };
            port->label = (RigRect){ cx - slot / 2 + 4, shape->band_top + 3, slot - 8,
                                     RIG_LAYOUT_BAND_HEIGHT - r - 6 };
            break;
        }
      port->glyph = (RigRect){ port->anchor.x - r, port->anchor.y - r, 2 * r, 2 * r };
    }
  return shape;
}

void
_rig_card_shape_free (gpointer data)
{
  RigCardShape *shape = data;

  g_free (shape->ports);
  g_free (shape);
}
