/* rig-card-names.c: the jack names of each model's cards, as drawn. */
#include "config.h"

#include "rig-card-names.h"
#include "rig-painter.h"

struct _RigCardNames
{
  RigTextCache *texts;
  guint row_font, band_font, connector_font;
  GHashTable *models; /* RigDeviceModel * (a reference) -> Names * */
};

/* The names of one model's card. */
typedef struct
{
  guint n;
  RigJackNameFit *fits;
} Names;

static void
names_free (Names *names)
{
  rig_jack_name_fits_free (names->fits, names->n);
  g_free (names);
}

RigCardNames *
rig_card_names_new (RigTextCache *texts, guint row_font, guint band_font, guint connector_font)
{
  RigCardNames *self = g_new0 (RigCardNames, 1);

  self->texts = texts;
  self->row_font = row_font;
  self->band_font = band_font;
  self->connector_font = connector_font;
  self->models = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                        (GDestroyNotify) rig_device_model_unref,
                                        (GDestroyNotify) names_free);
  return self;
}

void
rig_card_names_free (RigCardNames *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->models);
  g_free (self);
}

void
rig_card_names_room (RigCardNames *self, const RigJack *jack, const RigPortShape *ps, RigRect *room,
                     PangoLayout **connector)
{
  const char *conn = rig_painter_connector_short (jack);
  double cw, ch;

  *connector
      = rig_text_cache_layout (self->texts, self->connector_font, conn, -1, 1, PANGO_ALIGN_LEFT);
  rig_text_size (*connector, &cw, &ch);
  *room = ps->label;
  if (ps->side == RIG_PORT_SIDE_BOTTOM)
    {
      /* The connector goes under the name, centred. */
      *connector = rig_text_cache_layout (self->texts, self->connector_font, conn, ps->label.width,
                                          1, PANGO_ALIGN_CENTER);
      room->height -= ch - 0.5;
      return;
    }
  /* The connector at the card's edge, 10 units from the name. */
  room->width = MAX (ps->label.width - cw - 10, 20);
  if (ps->side == RIG_PORT_SIDE_RIGHT)
    room->x += ps->label.width - room->width;
}

const RigJackNameFit *
rig_card_names_get (RigCardNames *self, RigDeviceModel *model, const RigCardShape *shape)
{
  Names *names = g_hash_table_lookup (self->models, model);

  if (names == NULL)
    {
      guint n = shape->n_ports;
      g_autofree RigJackNameRoom *rooms = g_new (RigJackNameRoom, MAX (n, 1));
      g_autofree const char **texts = g_new (const char *, MAX (n, 1));

      for (guint i = 0; i < n; i++)
        {
          PangoLayout *connector;
          RigRect room;

          rig_card_names_room (self, &model->jacks[i], &shape->ports[i], &room, &connector);
          texts[i] = rig_jack_get_display_name (&model->jacks[i]);
          rooms[i] = (RigJackNameRoom){
            shape->ports[i].side == RIG_PORT_SIDE_BOTTOM ? self->band_font : self->row_font,
            room.width,
            room.height,
          };
        }
      names = g_new (Names, 1);
      names->n = n;
      names->fits = rig_jack_name_fit_card (self->texts, texts, rooms, n);
      g_hash_table_insert (self->models, rig_device_model_ref (model), names);
    }
  return names->fits;
}
