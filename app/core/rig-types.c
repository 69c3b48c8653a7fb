/* rig-types.c: to be written. */
