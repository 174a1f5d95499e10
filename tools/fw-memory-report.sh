#!/bin/sh
# Usage: tools/fw-memory-report.sh <firmware.elf> [model-regex] [arena-regex]
#
# Splits a ctnn firmware's flash into model constants, other constants and code,
# and its RAM into arena, stack and everything else. Model constants are the
# .rodata symbols whose demangled name matches model-regex (default
# 'ctnn_model', e.g. pass '^kws::' for a model generated into namespace kws),
# plus every .rodata object of the library (a name starting 'ctnn::'): the
# tables the kernels build from a model's weights at compile time (re-laid-out
# weights, folded biases, requantization constants, rows of the zero point) and
# the layers' own (multipliers, lookup tables); not the list of kernel sets a
# firmware may print (ctnn::kernels::build_set_names). In a firmware with one model
# their sum is what Model::flash_bytes counts (the fw.memory_exact tests);
# the arena is the .bss/.data symbols matching arena-regex (default 'arena').
# Needs arm-none-eabi-nm and arm-none-eabi-readelf (override with $NM, $READELF).
set -eu

if [ $# -lt 1 ] || [ $# -gt 3 ]; then
    echo "usage: $0 <firmware.elf> [model-regex] [arena-regex]" >&2
    exit 2
fi
elf=$1
model_re=${2:-ctnn_model}
arena_re=${3:-arena}
NM=${NM:-arm-none-eabi-nm}
READELF=${READELF:-arm-none-eabi-readelf}
[ -r "$elf" ] || { echo "ctnn: cannot read $elf" >&2; exit 2; }

# Section table, one line each: "name address size" (hex).
sections=$("$READELF" -S -W "$elf" | sed -n 's/^ *\[ *[0-9]*\] //p' | awk '{ print $1, $3, $5 }')
# Defined symbols with a size: "address size name" (name demangled, may hold spaces).
symbols=$("$NM" -S -C --defined-only "$elf" | awk 'NF >= 4 { a = $1; s = $2; $1 = $2 = $3 = ""; sub(/^ +/, ""); print a, s, $0 }')

printf '%s\n%s\n' "$sections" "@@symbols" "$symbols" | awk -v model_re="$model_re" -v arena_re="$arena_re" -v elf="$elf" '
    function hex(s,    i, c, v) { v = 0; s = tolower(s)
        for (i = 1; i <= length(s); i++) { c = index("0123456789abcdef", substr(s, i, 1)); v = v * 16 + c - 1 }
        return v }
    !in_symbols && $0 == "@@symbols" { in_symbols = 1; next }
    !in_symbols { start[$1] = hex($2); size[$1] = hex($3); next }
    {
        address = hex($1); bytes = hex($2); name = $0; sub(/^[^ ]+ [^ ]+ /, "", name)
        if (address in seen) next   # aliases of one object count once
        seen[address] = 1
        if (inside(".rodata", address) && (name ~ model_re || (name ~ /^ctnn::/ && name !~ /^ctnn::kernels::build_set_names$/))) model += bytes
        if ((inside(".bss", address) || inside(".data", address)) && name ~ arena_re) arena += bytes
    }
    function inside(section, address) {
        return (section in size) && address >= start[section] && address < start[section] + size[section] }
    END {
        code = size[".text"] + size[".ARM.exidx"] + size[".ARM.extab"] + size[".init_array"]
        flash = code + size[".rodata"] + size[".data"]
        ram = size[".stack"] + size[".data"] + size[".bss"]
        printf "ctnn firmware memory: %s\n", elf
        printf "flash                %10d bytes\n", flash
        printf "  model constants    %10d   (.rodata symbols matching /%s/ or ctnn::)\n", model, model_re
        printf "  other constants    %10d   (.rodata)\n", size[".rodata"] - model
        printf "  code               %10d   (.text .ARM.exidx .ARM.extab .init_array)\n", code
        printf "  data image         %10d   (.data initial values)\n", size[".data"]
        printf "ram                  %10d bytes\n", ram
        printf "  arena              %10d   (symbols matching /%s/)\n", arena, arena_re
        printf "  stack              %10d   (.stack)\n", size[".stack"]
        printf "  other              %10d   (.data .bss)\n", size[".data"] + size[".bss"] - arena
    }'
