"""The server process keeps the memory numpy frees, for the next run to reuse.

A page that draws 10⁶ values makes about ten arrays of 8 MB in one run. glibc's malloc maps
each of them fresh from the kernel and hands it back when numpy frees it, so every run pays
for ~20,000 page faults while it first writes them: a quarter of a cold 10⁶-draw summary.
Raising malloc's thresholds keeps those pages in the process, where the next array reuses them.
"""

from __future__ import annotations

import ctypes
import functools
import sys

M_TRIM_THRESHOLD = -1  # mallopt's parameters (glibc's malloc.h)
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 * 2**20  # arrays smaller than this come from the heap, not fresh maps
TRIM_THRESHOLD = 256 * 2**20  # free memory kept at the heap's top before it is handed back


@functools.cache
def keep_freed_memory() -> bool:
    """Tell glibc's malloc to keep freed memory for reuse (once per process); whether it
    did. Elsewhere (macOS, Windows, musl without ``mallopt``) nothing changes."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(
        mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    )
