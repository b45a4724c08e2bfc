#!/usr/bin/env python3
"""Writes expected.txt, the golden facts of the fixtures, from the reference tools' output:
llvm-readobj --file-headers --coff-imports --coff-exports, and x86_64-w64-mingw32-objdump -p
for export forwarders (llvm-readobj 14 prints no forwarder text). Run after build.sh."""
import os
import re
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = [f"{d}/{n}" for d in ("mingw-x86_64", "mingw-i686")
         for n in ("dep.dll", "api.dll", "ordinal.dll", "forward.dll", "console.exe", "gui.exe")] + [
    f"bind/{n}" for n in ("apiset.exe", "clean.exe", "foo.dll", "fwda.dll", "fwdb.dll", "lazy.exe", "loopb.dll", "ords.dll", "useall.exe")]


def readobj(path):
    return subprocess.run(["llvm-readobj", "--file-headers", "--coff-imports", "--coff-exports", path],
                          check=True, capture_output=True, text=True).stdout


def forwarders(path):
    out = subprocess.run(["x86_64-w64-mingw32-objdump", "-p", path], check=True, capture_output=True, text=True).stdout
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"\+base\[\s*(\d+)\] [0-9a-f]+ Forwarder RVA -- (\S+)", out)}


def facts(rel):
    text = readobj(os.path.join(HERE, rel))
    lines = [f"file {rel}"]
    machine = re.search(r"Machine: IMAGE_FILE_MACHINE_(\w+)", text).group(1)
    magic = re.search(r"Magic: 0x(\w+)", text.split("ImageOptionalHeader", 1)[1]).group(1)
    chars = re.search(r"ImageFileHeader \{.*?Characteristics \[ \((0x[0-9A-F]+)\)", text, re.S).group(1)
    subsystem = re.search(r"Subsystem: IMAGE_SUBSYSTEM_(\w+)", text).group(1)
    lines.append(f"machine {machine}")
    lines.append(f"bits {64 if magic.upper() == '20B' else 32}")
    lines.append(f"characteristics {chars.lower()}")
    lines.append(f"type {'DLL' if int(chars, 16) & 0x2000 else 'EXE'}")
    lines.append(f"subsystem {subsystem}")
    for block in re.findall(r"^(?:Delay)?Import \{.*?^\}", text, re.S | re.M):
        kind = "delay" if block.startswith("Delay") else "import"
        name = re.search(r"Name: (\S+)", block).group(1)
        syms = []
        for sym, num in re.findall(r"Symbol: (\S*) \((\d+)\)", block):
            syms.append(sym if sym else f"#{num}")
        lines.append(f"{kind} {name} {' '.join(syms)}".rstrip())
    exports = re.findall(r"Export \{\s*Ordinal: (\d+)\s*Name: (\S*)\s*RVA: 0x([0-9A-F]+)", text)
    fwd = forwarders(os.path.join(HERE, rel))
    if exports:
        lines.append(f"exportdll {dll_name(rel)}")
    for ordinal, name, rva in exports:
        if int(rva, 16) == 0 and not name:
            continue
        line = f"export {ordinal} {name or '-'}"
        if int(ordinal) in fwd:
            line += f" -> {fwd[int(ordinal)]}"
        lines.append(line)
    return lines


def dll_name(rel):
    out = subprocess.run(["x86_64-w64-mingw32-objdump", "-p", os.path.join(HERE, rel)],
                         check=True, capture_output=True, text=True).stdout
    return re.search(r"^Name \s*[0-9a-f]+ (\S+)", out, re.M).group(1)


with open(os.path.join(HERE, "expected.txt"), "w") as out:
    out.write("# Golden facts of the PE fixtures, written by make-expected.py from llvm-readobj and objdump.\n")
    out.write("# file <path>; machine, bits, characteristics, type, subsystem; import|delay <dll> <functions, #n by ordinal>;\n")
    out.write("# exportdll <name>; export <ordinal> <name or -> [-> <forwarder>]. Blank line between files.\n")
    for rel in FILES:
        out.write("\n".join(facts(rel)) + "\n\n")
