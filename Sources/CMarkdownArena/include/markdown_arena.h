#ifndef SHOWROOM_MARKDOWN_ARENA_H
#define SHOWROOM_MARKDOWN_ARENA_H

#include <stddef.h>
#include <cmark-gfm.h>

/// A position in the calling thread's arena, to go back to when a Markdown rendering ends.
typedef struct {
    void *chunk;
    size_t used;
} showroom_arena_mark;

/// The allocator that cmark-gfm's `*_with_mem` functions take: it hands out memory from the calling thread's
/// arena while a rendering is open (between `showroom_arena_begin` and `showroom_arena_end`), and from malloc
/// otherwise. Its `free` gives arena memory back only when the rendering ends, all at once.
cmark_mem *showroom_arena_allocator(void);

/// Opens a rendering on the calling thread; renderings may nest (each ends before the one around it).
showroom_arena_mark showroom_arena_begin(void);

/// Ends the rendering opened at `mark`: every allocation made since then is released. Nothing allocated by the
/// arena since `mark` may be used afterwards.
void showroom_arena_end(showroom_arena_mark mark);

/// Bytes the calling thread's arena holds in its chunks (for tests: it stays bounded over many renderings).
size_t showroom_arena_reserved(void);

#endif
