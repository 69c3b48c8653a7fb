/* main.c: placeholder until the application lands. */
#include "config.h"

#include <glib.h>

int
main (int argc, char *argv[])
{
  return 0;
}
