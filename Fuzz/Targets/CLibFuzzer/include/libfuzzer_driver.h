/* libFuzzer's driver, for fuzz targets whose main is written in Swift (see Fuzz/README.md). */
#ifndef LIBFUZZER_DRIVER_H
#define LIBFUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/* Runs libFuzzer with the command line in argc/argv, calling `callback` on every input. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
