/* rig-document.c: to be written. */
