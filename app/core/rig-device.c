/* rig-device.c: to be written. */
