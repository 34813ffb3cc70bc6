#define _GNU_SOURCE
#include "CSupport.h"
#include <fcntl.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <string.h>
#include <pthread.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <nmmintrin.h>
#define SNAPDECK_X86 1
#endif

static uint32_t table[8][256];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static void build_table(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++) c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
        table[0][n] = c;
    }
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = table[0][n];
        for (int k = 1; k < 8; k++) {
            c = table[0][c & 0xff] ^ (c >> 8);
            table[k][n] = c;
        }
    }
}

static uint32_t crc_table(uint32_t crc, const unsigned char *p, size_t n) {
    pthread_once(&table_once, build_table);
    while (n >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        word ^= crc;
        crc = table[7][word & 0xff] ^ table[6][(word >> 8) & 0xff] ^ table[5][(word >> 16) & 0xff] ^
              table[4][(word >> 24) & 0xff] ^ table[3][(word >> 32) & 0xff] ^
              table[2][(word >> 40) & 0xff] ^ table[1][(word >> 48) & 0xff] ^ table[0][word >> 56];
        p += 8;
        n -= 8;
    }
    while (n--) crc = table[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return crc;
}

#ifdef SNAPDECK_X86
__attribute__((target("sse4.2")))
static uint32_t crc_hw(uint32_t crc, const unsigned char *p, size_t n) {
    uint64_t c = crc;
    while (n >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        c = _mm_crc32_u64(c, word);
        p += 8;
        n -= 8;
    }
    uint32_t c32 = (uint32_t)c;
    while (n--) c32 = _mm_crc32_u8(c32, *p++);
    return c32;
}

int snapdeck_crc32c_is_hardware(void) {
    unsigned int a, b, c, d;
    return (__get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSE4_2)) ? 1 : 0;
}
#else
int snapdeck_crc32c_is_hardware(void) { return 0; }
#endif

uint32_t snapdeck_crc32c(uint32_t crc, const void *bytes, size_t length) {
    const unsigned char *p = (const unsigned char *)bytes;
    crc = ~crc;
#ifdef SNAPDECK_X86
    static int hardware = -1;  /* benign race: every thread computes the same value */
    if (hardware < 0) hardware = snapdeck_crc32c_is_hardware();
    if (hardware) return ~crc_hw(crc, p, length);
#endif
    return ~crc_table(crc, p, length);
}

ssize_t snapdeck_copy_file_range(int fd_in, int fd_out, size_t length) {
    return syscall(SYS_copy_file_range, fd_in, NULL, fd_out, NULL, length, 0);
}

int snapdeck_syncfs(int fd) {
    return syncfs(fd);
}

int snapdeck_start_writeback(int fd) {
    return sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
}
