#ifndef GROUNDWORK_CMARK_SHIM_H
#define GROUNDWORK_CMARK_SHIM_H
#include <cmark.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// An arena allocator for cmark's parser. cmark mallocs and frees every node, buffer and
// delimiter one by one; with a whole course's Swift memory alive, that malloc work cost more
// than a fifth of loading a course. Here a parse bumps a pointer through big chunks, cmark's
// frees do nothing, and the whole tree goes at once when the parse is released.
//
// cmark's allocator functions take no context, so the arena is per thread: parses on
// different threads never share it. Parses nest (a special block's body is parsed while its
// lesson's tree is being walked), so a parse saves the arena's top with gw_arena_save() and
// gives back everything allocated since with gw_arena_restore(); the outermost restore
// returns every chunk to malloc, so an idle thread holds no memory. Only CMarkParser.swift
// calls these: each Swift file that did would get its own copy of the static arena.

/// A chunk of arena memory; blocks follow the header.
typedef struct gw_arena_chunk {
    struct gw_arena_chunk *previous;
    char *end;
} gw_arena_chunk;

/// Where the arena's next block goes; also what gw_arena_save() returns.
typedef struct {
    gw_arena_chunk *chunk;
    char *top;
} gw_arena_mark;

/// An arena; `last` is its newest block, which realloc grows in place.
typedef struct {
    gw_arena_mark mark;
    char *last;
} gw_arena_state;

/// The calling thread's arena (a static inside a function, which Swift's importer emits
/// with the function; a static at file scope it leaves undefined).
static inline gw_arena_state *gw_arena_current(void) {
    static _Thread_local gw_arena_state arena;
    return &arena;
}

/// Blocks are aligned like malloc's, each after a size_t holding its size (for realloc).
enum { gw_arena_alignment = 16, gw_arena_chunk_size = 64 * 1024 };

static inline uintptr_t gw_arena_align(uintptr_t address) {
    return (address + gw_arena_alignment - 1) & ~(uintptr_t)(gw_arena_alignment - 1);
}

/// Runs out of memory the way cmark's default allocator does: with a message and abort().
static inline void gw_arena_out_of_memory(void) {
    fprintf(stderr, "[cmark] calloc returned null pointer, aborting\n");
    abort();
}

/// Where a block of `size` bytes would start in the current chunk, or NULL if it does not fit.
static inline char *gw_arena_fit(gw_arena_state *arena, size_t size) {
    if (arena->mark.chunk == NULL) return NULL;
    char *block = (char *)gw_arena_align((uintptr_t)arena->mark.top + sizeof(size_t));
    char *end = arena->mark.chunk->end;
    return block <= end && size <= (size_t)(end - block) ? block : NULL;
}

/// Starts a chunk big enough for a block of `size` bytes; chunks double up to 16 MiB, so a
/// big document takes few of them.
static inline void gw_arena_grow(gw_arena_state *arena, size_t size) {
    size_t wanted = arena->mark.chunk ? (size_t)(arena->mark.chunk->end - (char *)arena->mark.chunk) * 2 : 0;
    if (wanted < gw_arena_chunk_size) wanted = gw_arena_chunk_size;
    if (wanted > 16 * 1024 * 1024) wanted = 16 * 1024 * 1024;
    size_t overhead = sizeof(gw_arena_chunk) + sizeof(size_t) + gw_arena_alignment;
    if (size > SIZE_MAX - overhead) gw_arena_out_of_memory();
    if (wanted < size + overhead) wanted = size + overhead;
    gw_arena_chunk *chunk = (gw_arena_chunk *)malloc(wanted);
    if (chunk == NULL) gw_arena_out_of_memory();
    chunk->previous = arena->mark.chunk;
    chunk->end = (char *)chunk + wanted;
    arena->mark.chunk = chunk;
    arena->mark.top = (char *)(chunk + 1);
}

/// A block of `size` uninitialized bytes.
static inline void *gw_arena_allocate(gw_arena_state *arena, size_t size) {
    char *block = gw_arena_fit(arena, size);
    if (block == NULL) {
        gw_arena_grow(arena, size);
        block = gw_arena_fit(arena, size);
    }
    ((size_t *)block)[-1] = size;
    arena->mark.top = block + size;
    arena->last = block;
    return block;
}

static inline void *gw_arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) gw_arena_out_of_memory();
    void *block = gw_arena_allocate(gw_arena_current(), count * size);
    memset(block, 0, count * size);
    return block;
}

/// Grows the newest block where it is (cmark's buffers grow that way while they fill), else
/// copies into a new block.
static inline void *gw_arena_realloc(void *pointer, size_t size) {
    gw_arena_state *arena = gw_arena_current();
    if (pointer == NULL) return gw_arena_allocate(arena, size);
    size_t *header = (size_t *)pointer - 1;
    if (pointer == arena->last && size <= (size_t)(arena->mark.chunk->end - (char *)pointer)) {
        *header = size;
        arena->mark.top = (char *)pointer + size;
        return pointer;
    }
    if (size <= *header) return pointer;
    void *block = gw_arena_allocate(arena, size);
    memcpy(block, pointer, *header);
    return block;
}

/// Freeing one block does nothing; gw_arena_restore() frees them all.
static inline void gw_arena_free(void *pointer) { (void)pointer; }

/// The allocator to hand cmark_parser_new_with_mem().
static inline cmark_mem *gw_arena_allocator(void) {
    static cmark_mem allocator = {gw_arena_calloc, gw_arena_realloc, gw_arena_free};
    return &allocator;
}

/// The arena's top, to give back to gw_arena_restore() when a parse is done with its tree.
static inline gw_arena_mark gw_arena_save(void) {
    gw_arena_state *arena = gw_arena_current();
    arena->last = NULL;
    return arena->mark;
}

/// Frees everything allocated since `mark` was saved: chunks started since go back to malloc.
static inline void gw_arena_restore(gw_arena_mark mark) {
    gw_arena_state *arena = gw_arena_current();
    while (arena->mark.chunk != mark.chunk) {
        gw_arena_chunk *previous = arena->mark.chunk->previous;
        free(arena->mark.chunk);
        arena->mark.chunk = previous;
    }
    arena->mark = mark;
    arena->last = NULL;
}
#endif
