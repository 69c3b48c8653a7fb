/* rig-jack.c: to be written. */
