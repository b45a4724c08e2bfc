#!/usr/bin/env python3
"""Counts the natives (ELF, PE, Mach-O: by their first bytes) in jars and fails if any two hold the same bytes.

    natives-distinct.py JAR...

benchmarks/scan/scan-fatjar.sh runs it on the jars of its fat jar, so that nothing keyed on repeated natives can
speed a scan of it up. Prints how many natives, their total size, and each repeated one.
"""
import hashlib
import sys
import zipfile

MACH_O = (b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xfe\xed\xfa\xcf", b"\xfe\xed\xfa\xce")


def is_native(name, data):
    if data[:4] == b"\x7fELF" or data[:2] == b"MZ" or data[:4] in MACH_O:
        return True
    return data[:4] == b"\xca\xfe\xba\xbe" and not name.endswith(".class")  # a universal binary, not a class


def main(jars):
    where = {}
    count = total = 0
    for jar in jars:
        with zipfile.ZipFile(jar) as z:
            for entry in z.infolist():
                if entry.is_dir():
                    continue
                data = z.read(entry)
                if is_native(entry.filename, data):
                    count += 1
                    total += len(data)
                    where.setdefault(hashlib.sha256(data).hexdigest(), []).append(f"{jar}!/{entry.filename}")
    repeated = [places for places in where.values() if len(places) > 1]
    print(f"{count} natives, {total >> 20} MiB, {len(where)} distinct")
    for places in repeated:
        print("repeated: " + ", ".join(places))
    return 1 if repeated else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
