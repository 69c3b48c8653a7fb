/* rig-error.c: the core's error domain. */
#include "config.h"

#include "rig-error.h"

G_DEFINE_QUARK (rig - error - quark, rig_error)
