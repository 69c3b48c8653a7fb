/* rig-inspector-text.h: the inspector's texts: figures and lengths as shown
 * and as typed, and descriptions of jacks.
 *
 * Copyright 2026 The Rigwire contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rig-device-model.h"
#include "rig-jack.h"

G_BEGIN_DECLS

/* "8", or "" when unset. */
char *
rig_inspector_format_number (double value);

/* Whether two figures are the same, unset (NAN) included. */
gboolean
rig_inspector_same_number (double a, double b);

/* The unit a figure is typed in, "" for none. */
const char *
rig_inspector_figure_unit (RigFigure figure);

/* The text a figure shows when it is the model's own, for a subtitle. */
char *
rig_inspector_describe_figure_value (RigFigure figure, double value);

/* Reads a number, forgiving a decimal comma and a trailing unit ("8 Ω",
 * "8ohm", "3 m"). Empty text is NAN (unset). */
gboolean
rig_inspector_parse_number (const char *text, const char *const *units, double *value,
                            GError **error);

/* The units a figure may be typed with, or NULL. */
const char *const *
rig_inspector_units_for_figure (RigFigure figure);

gboolean
rig_inspector_validate_length (double metres, GError **error);
gboolean
rig_inspector_validate_gauge (double awg, GError **error);

/* "3.5 mm TRRS (CTIA) · Headphone level · stereo" */
char *
rig_inspector_describe_jack_kind (const RigJack *jack);

/* The jack's key figures, "Output impedance 1 Ω · Up to 1 V", or "". */
char *
rig_inspector_describe_jack_figures (const RigJack *jack);

/* "In", "Out", "In/Out" */
const char *
rig_inspector_direction_short_label (RigDirection direction);

G_END_DECLS
