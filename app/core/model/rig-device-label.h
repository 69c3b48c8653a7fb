/* rig-device-label.h: the label a new device gets.
 *
 * Four bookshelf speakers labelled "Bookshelf speaker (8 Ω, passive)" make
 * four identical lines in the problems list and the Connect menus. A new
 * device is labelled with its model's short name and a number that no device
 * of the rig uses with that name: "Bookshelf speaker 1", "Bookshelf speaker 2".
 */
#pragma once

#include "rig-document.h"

G_BEGIN_DECLS

/* The model's name in the user's language without its parenthesised
 * details: "Bookshelf speaker" for "Bookshelf speaker (8 Ω, passive)". Free
 * with g_free(). */
char *
rig_device_model_short_name (const RigDeviceModel *model);

/* "SHORT N" with N one more than the highest number a device of @document
 * has after that short name (1 for the first). Linear in the devices. */
char *
rig_document_new_device_label (RigDocument *document, const RigDeviceModel *model);

G_END_DECLS
