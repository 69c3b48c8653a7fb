/* rig-error.c: the core's error domain. */
#include "config.h"

#include "rig-error.h"

/* clang-format (14) would space the quark's name out as "rig - error - quark",
 * and WhitespaceSensitiveMacros does not stop it for this macro. */
/* clang-format off */
G_DEFINE_QUARK (rig-error-quark, rig_error)
/* clang-format on */
