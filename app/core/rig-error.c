/* rig-error.c: to be written. */
