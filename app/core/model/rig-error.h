/* rig-error.h: the error domain of Rigwire's core. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RIG_ERROR (rig_error_quark ())

typedef enum
{
  RIG_ERROR_FAILED,        /* anything else */
  RIG_ERROR_IO,            /* could not read or write the file */
  RIG_ERROR_TOO_LARGE,     /* over a size, depth or count cap */
  RIG_ERROR_NOT_XML,       /* not well-formed XML, or not XML at all */
  RIG_ERROR_UNSAFE,        /* DOCTYPE, entities, compressed data */
  RIG_ERROR_NOT_A_RIG,     /* wrong root element or namespace */
  RIG_ERROR_NEWER_VERSION, /* written by a newer Rigwire */
  RIG_ERROR_SCHEMA,        /* does not follow the RELAX NG schema */
  RIG_ERROR_INVALID,       /* breaks the model's own rules (dangling ends, duplicate ids...) */
  RIG_ERROR_NOT_FOUND,     /* an id that names nothing */
  RIG_ERROR_OCCUPIED,      /* a jack that takes one plug already holds a cable */
  RIG_ERROR_LOCKED,        /* a part an exercise locks in place (rig-exercise.h) */
} RigErrorCode;

GQuark
rig_error_quark (void);

G_END_DECLS
