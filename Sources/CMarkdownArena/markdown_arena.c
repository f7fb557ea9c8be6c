#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "markdown_arena.h"

// cmark-gfm makes many small allocations per document (nodes, text buffers, the HTML it writes) and frees them
// one by one at the end; with glibc's malloc that was about a tenth of a build. Here a rendering takes memory
// from per-thread chunks by bumping an offset, `free` does nothing, and the end of the rendering releases it
// all. Each allocation carries a 16-byte header with its size (for `realloc`) and whether it came from malloc
// (made while no rendering was open), so every pointer is released the way it was made.

enum { HEADER = 16, CHUNK_SIZE = 256 * 1024, FROM_MALLOC = 1 };

typedef struct chunk {
    struct chunk *previous;
    size_t capacity;
    size_t used;
    size_t pad;  // keeps `data` 16-byte aligned
    unsigned char data[];
} chunk;

static _Thread_local chunk *current;   // the newest chunk in use
static _Thread_local chunk *spare;     // one released chunk kept for the next rendering
static _Thread_local int depth;        // renderings open on this thread
static _Thread_local unsigned char *last;  // the newest allocation, which `realloc` may grow in place

static size_t rounded(size_t size) { return (size + 15) & ~(size_t)15; }

// A thread that ends (a Dispatch worker, say) gives its chunks back: the key's destructor runs at its exit once the
// thread has made a chunk.
static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;

static void release_at_exit(void *unused) {
    (void)unused;
    while (current) {
        chunk *released = current;
        current = released->previous;
        free(released);
    }
    free(spare);
    spare = NULL;
}

static void make_exit_key(void) { pthread_key_create(&exit_key, release_at_exit); }

static size_t *header_of(void *pointer) { return (size_t *)((unsigned char *)pointer - HEADER); }

static chunk *new_chunk(size_t at_least) {
    size_t capacity = at_least > CHUNK_SIZE ? at_least : CHUNK_SIZE;
    if (spare && spare->capacity >= capacity) {
        chunk *reused = spare;
        spare = NULL;
        reused->used = 0;
        return reused;
    }
    chunk *made = malloc(sizeof(chunk) + capacity);
    if (!made) return NULL;
    pthread_once(&exit_key_once, make_exit_key);
    pthread_setspecific(exit_key, made);  // any non-null value: it asks for `release_at_exit`
    made->capacity = capacity;
    made->used = 0;
    return made;
}

static void *allocate(size_t size) {
    size_t needed = HEADER + rounded(size ? size : 1);
    if (depth == 0) {
        size_t *header = malloc(needed);
        if (!header) abort();  // cmark-gfm's own allocator aborts too: it cannot go on without memory
        header[0] = size;
        header[1] = FROM_MALLOC;
        return (unsigned char *)header + HEADER;
    }
    if (!current || current->capacity - current->used < needed) {
        chunk *made = new_chunk(needed);
        if (!made) abort();
        made->previous = current;
        current = made;
    }
    size_t *header = (size_t *)(current->data + current->used);
    current->used += needed;
    header[0] = size;
    header[1] = 0;
    last = (unsigned char *)header + HEADER;
    return last;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) abort();
    void *pointer = allocate(count * size);
    memset(pointer, 0, count * size);
    return pointer;
}

static void *arena_realloc(void *pointer, size_t size) {
    if (!pointer) return allocate(size);
    size_t *header = header_of(pointer);
    size_t old = header[0];
    if (header[1] == FROM_MALLOC) {
        size_t *grown = realloc(header, HEADER + rounded(size ? size : 1));
        if (!grown) abort();
        grown[0] = size;
        return (unsigned char *)grown + HEADER;
    }
    // The newest allocation of the chunk grows where it stands when the chunk has room.
    if (pointer == last && depth > 0) {
        size_t start = (size_t)((unsigned char *)pointer - current->data);
        size_t needed = rounded(size ? size : 1);
        if (start <= current->capacity && current->capacity - start >= needed) {
            current->used = start + needed;
            header[0] = size;
            return pointer;
        }
    }
    void *moved = allocate(size);
    memcpy(moved, pointer, old < size ? old : size);
    return moved;
}

static void arena_free(void *pointer) {
    if (pointer && header_of(pointer)[1] == FROM_MALLOC) free(header_of(pointer));
}

static cmark_mem allocator = {arena_calloc, arena_realloc, arena_free};

cmark_mem *showroom_arena_allocator(void) { return &allocator; }

showroom_arena_mark showroom_arena_begin(void) {
    depth += 1;
    showroom_arena_mark mark = {current, current ? current->used : 0};
    last = NULL;
    return mark;
}

void showroom_arena_end(showroom_arena_mark mark) {
    while (current && current != (chunk *)mark.chunk) {
        chunk *released = current;
        current = released->previous;
        if (!spare || released->capacity > spare->capacity) {
            free(spare);
            spare = released;
        } else {
            free(released);
        }
    }
    if (current) current->used = mark.used;
    last = NULL;
    depth -= 1;
}

size_t showroom_arena_reserved(void) {
    size_t total = spare ? spare->capacity : 0;
    for (chunk *c = current; c; c = c->previous) total += c->capacity;
    return total;
}
