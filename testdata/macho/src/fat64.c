/*
 * fat64: rewrites a universal file with a 32-bit fat header (0xcafebabe, fat_arch) into the
 * 64-bit form (0xcafebabf, fat_arch_64), keeping every slice at its offset. llvm-lipo-14 has no
 * -fat64 option. Fails unless the larger header fits before the first slice.
 *
 * usage: fat64 IN OUT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t be32(const unsigned char *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put32(unsigned char *p, uint32_t v) {
    p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v;
}

static void put64(unsigned char *p, uint64_t v) {
    put32(p, (uint32_t)(v >> 32));
    put32(p + 4, (uint32_t)v);
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: fat64 IN OUT\n"); return 2; }
    FILE *in = fopen(argv[1], "rb");
    if (!in) { perror(argv[1]); return 1; }
    fseek(in, 0, SEEK_END);
    long size = ftell(in);
    fseek(in, 0, SEEK_SET);
    unsigned char *buf = malloc(size);
    if (!buf || fread(buf, 1, size, in) != (size_t)size) { fprintf(stderr, "read failed\n"); return 1; }
    fclose(in);
    if (size < 8 || be32(buf) != 0xcafebabeu) { fprintf(stderr, "not a 32-bit fat file\n"); return 1; }
    uint32_t n = be32(buf + 4);
    uint32_t first = UINT32_MAX;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t off = be32(buf + 8 + 20 * i + 8);
        if (off < first) first = off;
    }
    if (8 + 32ull * n > first) { fprintf(stderr, "no room for fat_arch_64 headers\n"); return 1; }
    unsigned char *hdr = calloc(1, 8 + 32 * n);
    put32(hdr, 0xcafebabfu);
    put32(hdr + 4, n);
    for (uint32_t i = 0; i < n; i++) {
        const unsigned char *a = buf + 8 + 20 * i;
        unsigned char *b = hdr + 8 + 32 * i;
        memcpy(b, a, 8);                 /* cputype, cpusubtype */
        put64(b + 8, be32(a + 8));       /* offset */
        put64(b + 16, be32(a + 12));     /* size */
        memcpy(b + 24, a + 16, 4);       /* align; reserved stays 0 */
    }
    memset(buf, 0, 8 + 20 * n);
    memcpy(buf, hdr, 8 + 32 * n);
    FILE *out = fopen(argv[2], "wb");
    if (!out || fwrite(buf, 1, size, out) != (size_t)size || fclose(out) != 0) { perror(argv[2]); return 1; }
    return 0;
}
