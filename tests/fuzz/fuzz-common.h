/* fuzz-common.h: what the fuzz targets share.
 *
 * Each target defines LLVMFuzzerTestOneInput(). Built with -Dfuzzing=true
 * (clang), libFuzzer drives it; in every build fuzz-replay.c drives it over
 * the seed corpus and the regression inputs, so each crash or hang that
 * fuzzing ever found stays a test of the normal suite.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Bytes of a fuzz input, as the loaders take them. */
static inline GBytes *
fuzz_bytes (const uint8_t *data, size_t size)
{
  return g_bytes_new (data, size);
}
