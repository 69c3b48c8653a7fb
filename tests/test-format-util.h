/* test-format-util.h: helpers shared by the test-format-*.c programs. */
#pragma once

#include "rig-document.h"
#include "rig-device-model.h"

#define NS "https://rigwire.github.io/ns/rigwire/1"

void
assert_error (const GError *error, int code, const char *file_name, const char *phrase);

/* @text with @old replaced (exactly once) by @new. */
char *
replace_once (const char *text, const char *old, const char *new);

char *
make_temp_dir (void);

void
remove_tree (const char *path);

extern const char base_rig[];

RigDeviceModel *
build_full_model (void);

RigDocument *
build_document (void);
