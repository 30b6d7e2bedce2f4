// Finds where a JSON container ends, 64 bytes per step.
//
// The technique is simdjson's stage 1 (Langdale & Lemire, "Parsing Gigabytes of JSON per Second",
// 2019): compare a 64-byte block against '"', '\\', and the brackets at once, turn each comparison
// into a 64-bit mask, drop the escaped quotes, and get the bytes inside strings with a prefix XOR
// of the quote mask. Brackets outside strings then only
// need counting: a whole block is skipped with two popcounts unless the depth can reach zero in it.
// The masks come from AVX2 (two 32-byte compares per character) where the CPU has it, else SSE2
// (four 16-byte compares); without SSE2 (not x86-64) the same state machine runs a byte at a time.

#include "json_skip.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Carried from one block to the next (and into the byte-at-a-time tail).
typedef struct {
    uint64_t in_string;     // all ones when the block starts inside a string
    uint64_t prev_escaped;  // 1 when the block's first byte is escaped
    long depth;
} scan_state;

static long tail(const uint8_t *bytes, long k, long count, long max_depth, long *error_offset, scan_state *s) {
    int in_string = s->in_string != 0;
    int escaped = s->prev_escaped != 0;
    long depth = s->depth;
    for (; k < count; k++) {
        uint8_t b = bytes[k];
        if (in_string) {
            if (escaped) escaped = 0;
            else if (b == '\\') escaped = 1;
            else if (b == '"') in_string = 0;
            continue;
        }
        if (b == '"') {
            in_string = 1;
        } else if ((b | 0x20) == '{') {
            if (++depth > max_depth) {
                *error_offset = k;
                return -2;
            }
        } else if ((b | 0x20) == '}') {
            if (--depth == 0) return k + 1;
        }
    }
    return -1;
}

#if defined(__SSE2__)

static inline uint64_t prefix_xor(uint64_t x) {
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    return x;
}

// The bytes escaped by a backslash: each backslash that is not itself escaped escapes the byte
// after it (which may be in the next block). Backslashes are rare, so a loop over them is cheap.
static inline uint64_t escaped_bytes(uint64_t backslash, uint64_t *prev_escaped) {
    uint64_t escaped = *prev_escaped;
    *prev_escaped = 0;
    for (; backslash; backslash &= backslash - 1) {
        int bit = __builtin_ctzll(backslash);
        if ((escaped >> bit) & 1) continue;
        if (bit == 63) *prev_escaped = 1;
        else escaped |= 1ULL << (bit + 1);
    }
    return escaped;
}

typedef struct {
    uint64_t quote, backslash, open, close;
} block_masks;

// One 64-byte block, from its masks: updates the state; returns the end (>= 0), -2 (too deep) or
// -3 (the container goes on).
static inline long block(block_masks m, long k, long max_depth, long *error_offset, scan_state *s) {
    uint64_t escaped = escaped_bytes(m.backslash, &s->prev_escaped);
    uint64_t quotes = m.quote & ~escaped;
    uint64_t strings = prefix_xor(quotes) ^ s->in_string;  // set inside strings (and on opening quotes)
    s->in_string = (uint64_t)((int64_t)strings >> 63);
    uint64_t opens = m.open & ~strings;
    uint64_t closes = m.close & ~strings;
    long o = __builtin_popcountll(opens), c = __builtin_popcountll(closes);
    if (c < s->depth && s->depth + o <= max_depth) {
        s->depth += o - c;  // the depth cannot reach zero (or the limit) in this block
        return -3;
    }
    for (uint64_t all = opens | closes; all; all &= all - 1) {
        int bit = __builtin_ctzll(all);
        if ((opens >> bit) & 1) {
            if (++s->depth > max_depth) {
                *error_offset = k + bit;
                return -2;
            }
        } else if (--s->depth == 0) {
            return k + bit + 1;
        }
    }
    return -3;
}

// The blocks of one scan; `mask` gives a block's 64-bit mask of one byte value (with `fold`, of
// it and the byte 0x20 below it: '{' with '[', '}' with ']'). Inlined into each instruction-set
// variant below, where `mask` becomes a direct, inlined call.
typedef uint64_t (*mask_fn)(const uint8_t *p, uint8_t c, int fold);

static inline __attribute__((always_inline)) long scan_blocks(
    const uint8_t *bytes, long start, long count, long max_depth, long *error_offset, mask_fn mask) {
    scan_state s = {0, 0, 0};
    long k = start;
    for (; k + 64 <= count; k += 64) {
        const uint8_t *p = bytes + k;
        block_masks m = {mask(p, '"', 0), mask(p, '\\', 0), mask(p, '{', 1), mask(p, '}', 1)};
        long end = block(m, k, max_depth, error_offset, &s);
        if (end != -3) return end;
    }
    return tail(bytes, k, count, max_depth, error_offset, &s);
}

static inline __attribute__((always_inline)) uint64_t mask16x4(const uint8_t *p, uint8_t c, int fold) {
    const __m128i target = _mm_set1_epi8((char)c), case20 = _mm_set1_epi8(0x20);
    uint64_t out = 0;
    for (int j = 0; j < 4; j++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + 16 * j));
        if (fold) v = _mm_or_si128(v, case20);
        out |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, target)) << (16 * j);
    }
    return out;
}

long crosswalk_json_container_end_sse2(const uint8_t *bytes, long start, long count, long max_depth, long *error_offset) {
    return scan_blocks(bytes, start, count, max_depth, error_offset, mask16x4);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define CROSSWALK_HAVE_AVX2 1

__attribute__((target("avx2"), always_inline)) static inline uint64_t mask32x2(const uint8_t *p, uint8_t c, int fold) {
    const __m256i target = _mm256_set1_epi8((char)c), case20 = _mm256_set1_epi8(0x20);
    __m256i lo = _mm256_loadu_si256((const __m256i *)p), hi = _mm256_loadu_si256((const __m256i *)(p + 32));
    if (fold) {
        lo = _mm256_or_si256(lo, case20);
        hi = _mm256_or_si256(hi, case20);
    }
    return (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, target))
        | (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, target)) << 32;
}

__attribute__((target("avx2")))
long crosswalk_json_container_end_avx2(const uint8_t *bytes, long start, long count, long max_depth, long *error_offset) {
    return scan_blocks(bytes, start, count, max_depth, error_offset, mask32x2);
}
#endif

long crosswalk_json_container_end(const uint8_t *bytes, long start, long count, long max_depth, long *error_offset) {
#if CROSSWALK_HAVE_AVX2
    if (__builtin_cpu_supports("avx2")) return crosswalk_json_container_end_avx2(bytes, start, count, max_depth, error_offset);
#endif
    return crosswalk_json_container_end_sse2(bytes, start, count, max_depth, error_offset);
}

#else

long crosswalk_json_container_end(const uint8_t *bytes, long start, long count, long max_depth, long *error_offset) {
    scan_state s = {0, 0, 0};
    return tail(bytes, start, count, max_depth, error_offset, &s);
}

long crosswalk_json_container_end_sse2(const uint8_t *bytes, long start, long count, long max_depth, long *error_offset) {
    return crosswalk_json_container_end(bytes, start, count, max_depth, error_offset);
}

#endif
