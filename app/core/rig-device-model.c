/* rig-device-model.c: to be written. */
