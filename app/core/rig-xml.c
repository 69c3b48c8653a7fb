/* rig-xml.c: to be written. */
