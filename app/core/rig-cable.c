/* rig-cable.c: to be written. */
