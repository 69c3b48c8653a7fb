/* rig-cli-export.h: rigwire --export OUT FILE, FILE's wiring sheet
 * (render/rig-sheet.h) written as OUT (render/rig-export.h).
 *
 * The only headless command that draws: it alone needs cairo, pango and
 * libpng, about thirty libraries in all. So `rigwire` (main.c) is linked
 * without it and hands an export over to rigwire-export (rig-export-main.c),
 * and every other command starts without mapping those libraries: 2.9 ms
 * instead of 4.5 to start (issue #13). */
#pragma once

#include "rig-cli.h"

G_BEGIN_DECLS

/* An RigCliCommand: writes @options' FILE's wiring sheet as OUT, in the
 * format OUT's extension names (.png, .svg or .pdf), with the export group's
 * options. Returns 0 once OUT is written (the rig's problems are on the
 * sheet), 2 when FILE cannot be read, OUT cannot be written or an argument
 * is wrong, leaving no OUT. */
int
rig_cli_export (RigCliOptions *options, FILE *out, FILE *err);

G_END_DECLS
