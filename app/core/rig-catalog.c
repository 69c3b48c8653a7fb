/* rig-catalog.c: to be written. */
