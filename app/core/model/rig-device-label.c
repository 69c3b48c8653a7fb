/* rig-device-label.c: the label a new device gets (rig-device-label.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rig-device-label.h"

char *
rig_device_model_short_name (const RigDeviceModel *model)
{
  const char *full, *paren;
  char *name;

  g_return_val_if_fail (model != NULL, NULL);

  /* In the user's language: a label is the user's own text from then on. */
  full = rig_device_model_get_display_name (model);
  /* "Headphones (32 Ω)" -> "Headphones"; a name that is all details stays. */
  paren = strchr (full, '(');
  name = g_strndup (full, paren != NULL && paren > full ? (gsize) (paren - full) : strlen (full));
  return g_strstrip (name);
}

/* The number after "@prefix " in @label, or 0 when @label is not that. */
static guint64
label_number (const char *label, const char *prefix, gsize prefix_len)
{
  const char *digits;
  char *end = NULL;
  guint64 n;

  if (strncmp (label, prefix, prefix_len) != 0 || label[prefix_len] != ' ')
    return 0;
  digits = label + prefix_len + 1;
  if (!g_ascii_isdigit (digits[0]))
    return 0;
  n = g_ascii_strtoull (digits, &end, 10);
  return end != NULL && *end == '\0' ? n : 0;
}

char *
rig_document_new_device_label (RigDocument *document, const RigDeviceModel *model)
{
  g_autofree char *prefix = NULL;
  gsize prefix_len;
  guint64 highest = 0;

  g_return_val_if_fail (RIG_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (model != NULL, NULL);

  prefix = rig_device_model_short_name (model);
  prefix_len = strlen (prefix);
  for (guint i = 0; i < rig_document_get_n_devices (document); i++)
    highest = MAX (highest,
                   label_number (rig_document_get_device (document, i)->label, prefix, prefix_len));
  return g_strdup_printf ("%s %" G_GUINT64_FORMAT, prefix, MIN (highest, G_MAXUINT64 - 1) + 1);
}
