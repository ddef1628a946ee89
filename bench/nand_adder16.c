/*
 * C baseline for bench/run.sh: checks the 144-NAND adder_n<16> of bench/adder16.net on all 2^33
 * inputs, the way `circuit test` does, so the two can be timed against each other.
 *
 *   - same netlist: 16 copies of the classic 9-NAND full adder, carry rippling from bit 0;
 *   - same row order: row = a << (N+1) | b << 1 | cin (the first input is the most significant);
 *   - bit-parallel: 64 rows per uint64_t, 4 of them per AVX2 __m256i (256 rows per vector); the
 *     circuit is straight-line code the compiler keeps in registers (the best case for C);
 *   - the property {cout, s} == a + b + cin is evaluated bit-sliced too (a ripple adder of
 *     XOR/AND/OR), every row is compared, and the first failing row is reported;
 *   - all cores (pthreads), work handed out in chunks from an atomic counter.
 *
 * Build: gcc -O3 -march=native -mavx2 -pthread -o nand_adder16 nand_adder16.c
 * Usage: nand_adder16 [--bits 12|16] [--threads N] [--break]
 *   --break flips one NAND into an AND (gate n5 of the full adder for bit 5), so the check must fail.
 * Output (one line, for run.sh): "PASS rows=... seconds=... rows_per_s=..." or "FAIL first_row=...".
 * Exit status: 0 pass, 1 check failed, 2 usage.
 */
#define _GNU_SOURCE
#include <immintrin.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef __m256i vec;

#define ROWS_PER_VEC 256
#define CHUNK 4096 /* vectors per work item: 2^20 rows */
#define BROKEN_BIT 5

static inline vec v_and(vec a, vec b) { return _mm256_and_si256(a, b); }
static inline vec v_or(vec a, vec b) { return _mm256_or_si256(a, b); }
static inline vec v_xor(vec a, vec b) { return _mm256_xor_si256(a, b); }
static inline vec v_ones(void) { return _mm256_set1_epi64x(-1); }
/*
 * AVX2 has no NAND: AND then XOR with all-ones (the compiler shares the all-ones register).
 * The empty asm makes each NAND's result opaque to the optimiser. Without it gcc -O3 rewrites the
 * nine NANDs of a full adder into a handful of XOR/AND/OR and merges them with the spec's adder
 * (about 15 vector instructions per bit instead of 18 for the NANDs alone): it would no longer
 * evaluate the 144-NAND netlist. The asm emits no instruction; registers and scheduling stay free.
 */
static inline vec v_nand(vec a, vec b) {
    vec r = v_xor(_mm256_and_si256(a, b), v_ones());
    __asm__("" : "+x"(r));
    return r;
}

/* The value of row bit k on the 256 rows of vector number v (rows v*256 .. v*256+255). */
static inline vec row_bit(uint64_t v, int k) {
    static const uint64_t lane[6] = {
        0xAAAAAAAAAAAAAAAAull, 0xCCCCCCCCCCCCCCCCull, 0xF0F0F0F0F0F0F0F0ull,
        0xFF00FF00FF00FF00ull, 0xFFFF0000FFFF0000ull, 0xFFFFFFFF00000000ull,
    };
    if (k < 6) return _mm256_set1_epi64x((long long)lane[k]);
    if (k == 6) return _mm256_set_epi64x(-1, 0, -1, 0); /* element i holds rows 64i..64i+63 */
    if (k == 7) return _mm256_set_epi64x(-1, -1, 0, 0);
    return _mm256_set1_epi64x(-(long long)((v >> (k - 8)) & 1));
}

/*
 * Evaluates the n-bit NAND adder and the bit-sliced spec on the 256 rows of vector v; returns a
 * vector whose set bits are the failing rows. n and broken are compile-time constants at each call
 * site (always_inline), so the loops unroll into straight-line code and the unbroken kernel has no
 * trace of the --break switch.
 */
static inline __attribute__((always_inline)) vec kernel(uint64_t v, const int n, const int broken) {
    vec c = row_bit(v, 0);  /* cin: the circuit's carry */
    vec sc = c;             /* the spec's carry */
    vec diff = _mm256_setzero_si256();
#pragma GCC unroll 16
    for (int i = 0; i < n; i++) {
        vec a = row_bit(v, n + 1 + i);
        vec b = row_bit(v, 1 + i);
        /* the circuit: the classic 9-NAND full adder */
        vec n1 = v_nand(a, b);
        vec n2 = v_nand(a, n1);
        vec n3 = v_nand(b, n1);
        vec n4 = v_nand(n2, n3);
        vec n5 = v_nand(n4, c);
        if (broken && i == BROKEN_BIT) n5 = v_xor(n5, v_ones()); /* this NAND now computes AND */
        vec n6 = v_nand(n4, n5);
        vec n7 = v_nand(c, n5);
        vec s = v_nand(n6, n7);
        c = v_nand(n5, n1);
        /* the spec: a + b + cin as a bit-sliced ripple adder, compared bit by bit */
        vec x = v_xor(a, b);
        vec ss = v_xor(x, sc);
        sc = v_or(v_and(a, b), v_and(x, sc));
        diff = v_or(diff, v_xor(s, ss));
    }
    return v_or(diff, v_xor(c, sc)); /* bit n: cout against the spec's carry out */
}

static int bits = 16, threads, broken;
static uint64_t vectors;
static atomic_uint_fast64_t next_chunk;
static atomic_uint_fast64_t first_fail; /* smallest failing row seen; UINT64_MAX when none */

/* Scans vectors v0..v1-1; returns the first failing row or UINT64_MAX. */
#define SCAN(N, B)                                                                  \
    static __attribute__((noinline)) uint64_t scan_##N##_##B(uint64_t v0, uint64_t v1) { \
        for (uint64_t v = v0; v < v1; v++) {                                        \
            vec d = kernel(v, N, B);                                                \
            if (__builtin_expect(!_mm256_testz_si256(d, d), 0)) {                   \
                uint64_t w[4];                                                      \
                _mm256_storeu_si256((vec *)w, d);                                   \
                for (int e = 0; e < 4; e++)                                         \
                    if (w[e]) return v * ROWS_PER_VEC + 64u * e + __builtin_ctzll(w[e]); \
            }                                                                       \
        }                                                                           \
        return UINT64_MAX;                                                          \
    }
SCAN(16, 0)
SCAN(16, 1)
SCAN(12, 0)
SCAN(12, 1)

static uint64_t scan(uint64_t v0, uint64_t v1) {
    if (bits == 16) return broken ? scan_16_1(v0, v1) : scan_16_0(v0, v1);
    return broken ? scan_12_1(v0, v1) : scan_12_0(v0, v1);
}

static void *worker(void *arg) {
    (void)arg;
    for (;;) {
        uint64_t c = atomic_fetch_add(&next_chunk, 1);
        uint64_t v0 = c * CHUNK;
        if (v0 >= vectors || v0 * ROWS_PER_VEC > atomic_load(&first_fail)) return NULL;
        uint64_t v1 = v0 + CHUNK < vectors ? v0 + CHUNK : vectors;
        uint64_t f = scan(v0, v1);
        if (f != UINT64_MAX) {
            uint64_t old = atomic_load(&first_fail);
            while (f < old && !atomic_compare_exchange_weak(&first_fail, &old, f)) {}
            return NULL;
        }
    }
}

static void usage(void) {
    fprintf(stderr, "usage: nand_adder16 [--bits 12|16] [--threads N] [--break]\n");
    exit(2);
}

int main(int argc, char **argv) {
    threads = (int)sysconf(_SC_NPROCESSORS_ONLN);
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--break")) broken = 1;
        else if (!strcmp(argv[i], "--bits") && i + 1 < argc) bits = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--threads") && i + 1 < argc) threads = atoi(argv[++i]);
        else usage();
    }
    if ((bits != 12 && bits != 16) || threads < 1) usage();
    uint64_t rows = 1ull << (2 * bits + 1);
    vectors = rows / ROWS_PER_VEC;
    atomic_store(&first_fail, UINT64_MAX);

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pthread_t *th = calloc((size_t)threads, sizeof *th);
    for (int i = 0; i < threads; i++) pthread_create(&th[i], NULL, worker, NULL);
    for (int i = 0; i < threads; i++) pthread_join(th[i], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);

    uint64_t f = atomic_load(&first_fail);
    if (f != UINT64_MAX) {
        uint64_t mask = (1ull << bits) - 1;
        uint64_t cin = f & 1, b = (f >> 1) & mask, a = (f >> (bits + 1)) & mask;
        printf("FAIL first_row=%llu a=%llu b=%llu cin=%llu expected=%llu\n", (unsigned long long)f,
               (unsigned long long)a, (unsigned long long)b, (unsigned long long)cin,
               (unsigned long long)(a + b + cin));
        return 1;
    }
    printf("PASS bits=%d rows=%llu threads=%d seconds=%.3f rows_per_s=%.4g neuron_evals_per_s=%.4g\n", bits,
           (unsigned long long)rows, threads, secs, (double)rows / secs, (double)rows * 9 * bits / secs);
    return 0;
}
