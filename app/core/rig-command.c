/* rig-command.c: to be written. */
