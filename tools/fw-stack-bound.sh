#!/bin/sh
# Usage: tools/fw-stack-bound.sh <firmware.elf> [model-function-regex]
#
# The deepest stack a ctnn firmware can use, bounded from its machine code: every function's
# frame is the sum of every instruction in it that moves the stack pointer down (push, stmdb
# sp!, vpush, sub sp, stores with [sp, #-n]!), an over-approximation that needs no control flow;
# a function's bound is its frame plus the largest bound among the functions it calls (bl, blx
# and tail-call branches to another function's first instruction; a call through a register
# that holds a known function address calls that function; the reset handler's other ones
# call the constructors of .init_array; any other may reach every function whose address the
# firmware stores in a literal pool, .rodata or .data, exception handlers excepted). The firmware's bound starts at ctnn_fw_reset and adds one exception:
# the hardware frame (32 bytes, 104 with the FPU's lazily stacked registers, plus 4 of
# alignment) and the SysTick handler the instruction counter runs. The model's bound is that of
# the functions matching model-function-regex (default: ctnn's run_layers, the model's
# straight line of kernel calls).
#
# Prints "stack_bound: N" and "model_stack_bound: M". Exits 2, naming the function, where no
# bound exists: recursion (through calls or stored function addresses), a stack pointer moved
# by a register that holds no known constant (alloca, variable-length arrays). Limits: a
# function address computed at run time (not stored) escapes the indirect calls' set; ctnn's
# run path makes no indirect call.
# Needs arm-none-eabi-objdump and arm-none-eabi-readelf (override with $OBJDUMP, $READELF).
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 <firmware.elf> [model-function-regex]" >&2
    exit 2
fi
elf=$1
model_re=${2:-run_layers}
OBJDUMP=${OBJDUMP:-arm-none-eabi-objdump}
READELF=${READELF:-arm-none-eabi-readelf}
[ -r "$elf" ] || { echo "ctnn: cannot read $elf" >&2; exit 2; }

# With a floating-point unit an exception may stack the FP context too (lazy stacking reserves it).
if "$READELF" -A "$elf" | grep -q 'Tag_FP_arch\|Tag_MVE_arch'; then exception=108; else exception=36; fi
# Every word the firmware stores as data, little-endian as objdump dumps it: the candidates for
# function pointers.
data_words=$(mktemp)
init_words=$(mktemp)
trap 'rm -f "$data_words" "$init_words"' EXIT
words() {
    "$OBJDUMP" -s "$@" "$elf" 2>/dev/null |
        awk '/^ [0-9a-f]+ / { for (i = 2; i <= 5 && i <= NF; i++) if ($i ~ /^[0-9a-f]+$/ && length($i) == 8) print $i }' || true
}
words -j .rodata -j .data >"$data_words"
words -j .init_array >"$init_words"

"$OBJDUMP" -d -C --no-show-raw-insn "$elf" | awk -v model_re="$model_re" -v exception="$exception" -v data_words="$data_words" -v init_words="$init_words" '
    function hex(s,    i, c, v) { v = 0; s = tolower(s); sub(/^0x/, "", s)
        for (i = 1; i <= length(s); i++) { c = index("0123456789abcdef", substr(s, i, 1)); v = v * 16 + c - 1 }
        return v }
    function number(s) { return s ~ /^-?0x/ ? (s ~ /^-/ ? -hex(substr(s, 2)) : hex(s)) : s + 0 }
    function signed32(v) { return v >= 2147483648 ? v - 4294967296 : v }
    # Bytes a register list {r4, r5, lr} or {d8-d15} takes; unit: bytes per register.
    function list_bytes(operands, unit,    body, n, items, i, r, a, b) {
        body = operands; sub(/^[^{]*\{/, "", body); sub(/\}.*$/, "", body)
        n = split(body, items, /, */); r = 0
        for (i = 1; i <= n; i++) {
            if (items[i] ~ /-/) { split(items[i], a, "-"); b = a[2]; sub(/^[a-z]+/, "", a[1]); sub(/^[a-z]+/, "", b); r += b - a[1] + 1 }
            else if (items[i] != "") r++
        }
        return r * unit
    }
    function fail(what) { printf "ctnn: no stack bound: %s\n", what > "/dev/stderr"; failed = 1; exit 2 }
    # The disassembly, kept: literal pools (.word) come after the code that loads them.
    /^[0-9a-f]+ <.*>:$/ { text[++lines] = $0; next }
    /^ *[0-9a-f]+:\t/ {
        text[++lines] = $0
        split($0, f, "\t"); if (f[2] == ".word") { a = $1; sub(/:$/, "", a); word[hex(a)] = hex(f[3]) }
        next
    }
    # The constant a register holds at this point of the function, from the last instruction
    # that wrote it (a literal load, a move of an immediate, a shift of a known constant), or "".
    function constant_of(reg) { return (reg in known) ? known[reg] : "" }
    function track(op, args,    d, rest, lit, parts, v) {
        if (op ~ /^(str|stm|push|pop|cmp|cmn|tst|teq|b|cb|vst|pld|it|nop|dsb|isb|dmb|msr|cps|svc|bkpt|wf)/) return
        d = args; sub(/,.*$/, "", d); rest = args; sub(/^[^,]*, */, "", rest)
        v = ""
        if (op ~ /^ldr(\.w)?$/ && args ~ /\[pc, #[0-9x]+\]\t?@ \(/) {
            lit = args; sub(/^.*@ \(/, "", lit); sub(/ .*$/, "", lit); if (hex(lit) in word) v = signed32(word[hex(lit)])
        } else if (op ~ /^movs?(\.w)?$|^movw$/ && rest ~ /^#/) {
            v = rest; sub(/^#/, "", v); sub(/[ \t@].*$/, "", v); v = number(v)
        } else if (op ~ /^movt$/ && rest ~ /^#/ && (d in known)) {
            parts[1] = rest; sub(/^#/, "", parts[1]); sub(/[ \t@].*$/, "", parts[1]); v = known[d] % 65536 + number(parts[1]) * 65536
        } else if (op ~ /^lsls?(\.w)?$/ && rest ~ /^r[0-9]+, #/) {
            split(rest, parts, /, #/); if (parts[1] in known) v = known[parts[1]] * 2 ^ number(parts[2])
        } else if (op ~ /^lsls?(\.w)?$/ && rest ~ /^#/ && (d in known)) {
            parts[1] = rest; sub(/^#/, "", parts[1]); v = known[d] * 2 ^ number(parts[1])
        }
        delete known[d]
        if (v != "") known[d] = v
    }
    function frame_of(op, args, fn,    a, v, r) {
        if (op ~ /^(push|stmdb|stmfd)(\.w)?$/ && (op ~ /^push/ || args ~ /^sp!/)) return list_bytes(args, 4)
        if (op ~ /^vpush/ || (op ~ /^vstmdb/ && args ~ /^sp!/)) return list_bytes(args, args ~ /\{d/ ? 8 : 4)
        if (op ~ /^(sub|add)(s|w|\.w)?$/ && args ~ /^sp, /) {
            if (args ~ /#/) { a = args; sub(/^.*#/, "", a); sub(/[ \t@].*$/, "", a); v = number(a) }
            else { r = args; sub(/^.*, */, "", r); v = constant_of(r)
                   if (v == "") fail(fn " moves the stack pointer by " r ", whose value is not a constant (" op " " args ")") }
            if (op ~ /^add/) v = -v
            return v > 0 ? v : 0
        }
        if (op ~ /^mov/ && args ~ /^sp, /) fail(fn " sets the stack pointer from a register (" op " " args ")")
        if (op ~ /^str/ && args ~ /\[sp, #-[0-9x]+\]!/) { a = args; sub(/^.*\[sp, #-/, "", a); sub(/\].*$/, "", a); return number(a) }
        return 0
    }
    # Bound of function fn: its frame plus its deepest callee (memoised; on_path finds recursion).
    function bound(fn,    i, target, callee, deepest, b) {
        if (fn in done) return done[fn]
        if (fn in on_path) fail("recursion through " fn)
        on_path[fn] = 1; deepest = 0
        # A call through a register: from the reset handler, one of the constructors; elsewhere
        # any function whose address is stored (a stored word that merely equals an address only
        # widens the bound; a cycle through such a call is not followed).
        if (fn == "ctnn_fw_reset" && (fn in indirect))
            for (i = 1; i <= constructors; i++) { b = bound(constructor[i]); if (b > deepest) deepest = b }
        else if (fn in indirect)
            for (i = 1; i <= pointers; i++) if (!(pointed[i] in on_path)) { b = bound(pointed[i]); if (b > deepest) deepest = b }
        for (i = 1; i <= ncalls[fn]; i++) {
            target = calls[fn, i]
            if (!(target in start)) continue     # a branch inside the function
            callee = start[target]
            if (callee == fn) continue           # a loop back to its own first instruction
            b = bound(callee); if (b > deepest) deepest = b
        }
        delete on_path[fn]
        done[fn] = frame[fn] + deepest
        return done[fn]
    }
    END {
        for (k = 1; k <= lines; k++) {
            line = text[k]
            if (line ~ /^[0-9a-f]+ <.*>:$/) {
                current = line; sub(/^[0-9a-f]+ </, "", current); sub(/>:$/, "", current)
                split(line, h, " "); start[hex(h[1])] = current; name_at[current] = hex(h[1]); frame[current] += 0
                order[++functions] = current; delete known
                continue
            }
            sub(/^ *[0-9a-f]+:\t/, "", line)
            split(line, f, "\t"); op = f[1]; args = f[2] (f[3] != "" ? "\t" f[3] : "")
            if (op ~ /^\.(word|short|byte)$/ || current == "") continue
            frame[current] += frame_of(op, args, current)
            if (failed) exit 2
            track(op, args)
            # Calls: direct, indirect, and branches to another function (tail calls).
            split(f[2], target, " ")
            if (op ~ /^blx?(\.w)?$/ && f[2] ~ /^[0-9a-f]+ </) calls[current, ++ncalls[current]] = hex(target[1])
            else if (op ~ /^(blx|bx)$/ && f[2] !~ /^lr$/) {
                v = constant_of(f[2])   # a function address the compiler keeps in a register
                if (v != "" && (v - v % 2) in start) calls[current, ++ncalls[current]] = v - v % 2
                else indirect[current] = 1
            }
            else if (op ~ /^b[a-z]*(\.[wn])?$/ && f[2] ~ /^[0-9a-f]+ <[^+]*>$/) calls[current, ++ncalls[current]] = hex(target[1])
        }
        if (failed) exit 2
        # Functions whose address the firmware stores (Thumb: address + 1), in data or in a
        # literal pool: what a call through an unknown register may reach.
        # Exception handlers are entered by the hardware, never called (the vector table holds them).
        handler["ctnn_fw_reset"] = handler["ctnn_fw_systick"] = 1
        while ((getline w < data_words) > 0) {
            v = hex(substr(w, 7, 2) substr(w, 5, 2) substr(w, 3, 2) substr(w, 1, 2))
            if (v % 2 == 1 && (v - 1) in start && !((v - 1) in taken) && !(start[v - 1] in handler)) { taken[v - 1] = 1; pointed[++pointers] = start[v - 1] }
        }
        for (a in word) if (word[a] % 2 == 1 && (word[a] - 1) in start && !((word[a] - 1) in taken) && !(start[word[a] - 1] in handler)) {
            taken[word[a] - 1] = 1; pointed[++pointers] = start[word[a] - 1]
        }
        while ((getline w < init_words) > 0) {
            v = hex(substr(w, 7, 2) substr(w, 5, 2) substr(w, 3, 2) substr(w, 1, 2))
            if (v % 2 == 1 && (v - 1) in start) constructor[++constructors] = start[v - 1]
        }
        if (!("ctnn_fw_reset" in name_at)) { print "ctnn: no ctnn_fw_reset in the firmware" > "/dev/stderr"; exit 2 }
        total = bound("ctnn_fw_reset")
        irq = ("ctnn_fw_systick" in name_at) ? bound("ctnn_fw_systick") : 0
        model = 0
        for (i = 1; i <= functions; i++) if (order[i] ~ model_re) { b = bound(order[i]); if (b > model) model = b }
        printf "stack_bound: %d\n", total + exception + irq
        printf "model_stack_bound: %d\n", model
    }'
