/* rig-format.c: to be written. */
