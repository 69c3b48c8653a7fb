/* rig-change.c: to be written. */
