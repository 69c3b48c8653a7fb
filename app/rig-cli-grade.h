/* rig-cli-grade.h: rigwire --grade, grading students' copies of an exercise
 * (model/rig-exercise.h, check/rig-goals.h). */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

/* Grades each of @files (students' .rigwire files; a folder stands for the
 * .rigwire files in it, by name) against the exercise @exercise_path, on
 * @jobs workers (rig_cli_batch_jobs()), and prints each goal's result and a
 * score per student, in the order given: @format "text" (NULL), "json" or
 * "csv". A student's file that is not the exercise (other devices, locked
 * parts moved, the goals changed) scores 0, with the reasons. Returns 0 when
 * every student meets every goal, 1 when one does not, 2 when a file cannot
 * be read (the others are still graded) or the arguments are wrong. */
int
rig_cli_grade (const char *exercise_path, char **files, const char *format, int jobs, FILE *out,
               FILE *err);

G_END_DECLS
