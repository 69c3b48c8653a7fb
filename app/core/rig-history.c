/* rig-history.c: to be written. */
