/* Damages a copy of a 64-bit little-endian ELF file in one precise way, so a test can see what the
 * loader says about that damage. Commands:
 *   elfpatch FILE ident INDEX VALUE          set e_ident[INDEX]
 *   elfpatch FILE u16 OFFSET VALUE           set a 16-bit field of the file header
 *   elfpatch FILE u32 OFFSET VALUE           set a 32-bit field of the file header
 *   elfpatch FILE ptype FROM TO              retype every program header of type FROM
 *   elfpatch FILE last-load-memsz VALUE      set p_memsz of the last PT_LOAD
 *   elfpatch FILE reloc SECTION FROM TO      retype the first relocation of type FROM in SECTION
 *   elfpatch FILE section-u16 SHTYPE VALUE   set the first 16 bits of the first section of SHTYPE
 * Numbers may be decimal or 0x-hex. Exit status 0 on success, 1 with a message otherwise. */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *image;
static long size;

static void fail(const char *what) {
    fprintf(stderr, "elfpatch: %s\n", what);
    exit(1);
}

static unsigned long num(const char *s) {
    return strtoul(s, NULL, 0);
}

static void need(unsigned long offset, unsigned long length) {
    if (offset > (unsigned long) size || length > (unsigned long) size - offset) {
        fail("offset outside the file");
    }
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fail("usage: elfpatch FILE COMMAND ARGS...");
    }
    FILE *f = fopen(argv[1], "r+b");
    if (f == NULL) {
        fail("cannot open the file");
    }
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    image = malloc(size);
    if (image == NULL || fread(image, 1, size, f) != (size_t) size) {
        fail("cannot read the file");
    }
    if (size < (long) sizeof(Elf64_Ehdr) || memcmp(image, ELFMAG, SELFMAG) != 0 || image[EI_CLASS] != ELFCLASS64) {
        fail("not a 64-bit ELF file");
    }
    Elf64_Ehdr *eh = (Elf64_Ehdr *) image;
    const char *cmd = argv[2];
    if (strcmp(cmd, "ident") == 0 && argc == 5) {
        unsigned long i = num(argv[3]);
        if (i >= EI_NIDENT) {
            fail("ident index out of range");
        }
        image[i] = (unsigned char) num(argv[4]);
    } else if (strcmp(cmd, "u16") == 0 && argc == 5) {
        unsigned long off = num(argv[3]);
        need(off, 2);
        unsigned short v = (unsigned short) num(argv[4]);
        memcpy(image + off, &v, 2);
    } else if (strcmp(cmd, "u32") == 0 && argc == 5) {
        unsigned long off = num(argv[3]);
        need(off, 4);
        unsigned int v = (unsigned int) num(argv[4]);
        memcpy(image + off, &v, 4);
    } else if (strcmp(cmd, "ptype") == 0 && argc == 5) {
        need(eh->e_phoff, (unsigned long) eh->e_phnum * sizeof(Elf64_Phdr));
        Elf64_Phdr *ph = (Elf64_Phdr *) (image + eh->e_phoff);
        int changed = 0;
        for (int i = 0; i < eh->e_phnum; i++) {
            if (ph[i].p_type == num(argv[3])) {
                ph[i].p_type = (Elf64_Word) num(argv[4]);
                changed++;
            }
        }
        if (changed == 0) {
            fail("no program header of that type");
        }
    } else if (strcmp(cmd, "last-load-memsz") == 0 && argc == 4) {
        need(eh->e_phoff, (unsigned long) eh->e_phnum * sizeof(Elf64_Phdr));
        Elf64_Phdr *ph = (Elf64_Phdr *) (image + eh->e_phoff);
        Elf64_Phdr *last = NULL;
        for (int i = 0; i < eh->e_phnum; i++) {
            if (ph[i].p_type == PT_LOAD) {
                last = &ph[i];
            }
        }
        if (last == NULL) {
            fail("no PT_LOAD");
        }
        last->p_memsz = num(argv[3]);
    } else if ((strcmp(cmd, "reloc") == 0 && argc == 6) || (strcmp(cmd, "section-u16") == 0 && argc == 5)) {
        need(eh->e_shoff, (unsigned long) eh->e_shnum * sizeof(Elf64_Shdr));
        Elf64_Shdr *sh = (Elf64_Shdr *) (image + eh->e_shoff);
        need(sh[eh->e_shstrndx].sh_offset, sh[eh->e_shstrndx].sh_size);
        const char *names = (const char *) image + sh[eh->e_shstrndx].sh_offset;
        int done = 0;
        for (int i = 0; i < eh->e_shnum && !done; i++) {
            if (strcmp(cmd, "section-u16") == 0) {
                if (sh[i].sh_type == num(argv[3])) {
                    need(sh[i].sh_offset, 2);
                    unsigned short v = (unsigned short) num(argv[4]);
                    memcpy(image + sh[i].sh_offset, &v, 2);
                    done = 1;
                }
                continue;
            }
            if (sh[i].sh_name >= sh[eh->e_shstrndx].sh_size || strcmp(names + sh[i].sh_name, argv[3]) != 0) {
                continue;
            }
            need(sh[i].sh_offset, sh[i].sh_size);
            Elf64_Rela *r = (Elf64_Rela *) (image + sh[i].sh_offset);
            for (unsigned long k = 0; k < sh[i].sh_size / sizeof(Elf64_Rela); k++) {
                if (ELF64_R_TYPE(r[k].r_info) == num(argv[4])) {
                    r[k].r_info = ELF64_R_INFO(ELF64_R_SYM(r[k].r_info), num(argv[5]));
                    done = 1;
                    break;
                }
            }
        }
        if (!done) {
            fail("nothing to change");
        }
    } else {
        fail("unknown command or wrong number of arguments");
    }
    fseek(f, 0, SEEK_SET);
    if (fwrite(image, 1, size, f) != (size_t) size || fclose(f) != 0) {
        fail("cannot write the file");
    }
    return 0;
}
