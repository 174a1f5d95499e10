#!/usr/bin/env python3
"""Imports TFLM's int16 integration-test models (tensorflow/lite/micro/integration_tests/seanet)
into tests/data/seanet/<op>/ in the conformance sweep's layout: NAME.tflite, NAME.in.bin (every
model input's values, little-endian, concatenated in input order: one record), NAME.out.bin (the
golden output). A maintainer tool, run once per import; the tests read only the committed files.

    tests/seanet/import.py SOURCE_DIR   (e.g. ../shared/conformance/seanet)
"""
import pathlib
import re
import shutil
import struct
import sys

FORMATS = {"int8": "b", "int16": "h", "int32": "i", "int64": "q"}


def record(csv: pathlib.Path) -> bytes:
    kind = re.search(r"_(int8|int16|int32|int64)\.csv$", csv.name).group(1)
    values = [int(v) for v in csv.read_text().strip().split(",") if v.strip()]
    return struct.pack("<%d%s" % (len(values), FORMATS[kind]), *values)


def main() -> int:
    source = pathlib.Path(sys.argv[1])
    target = pathlib.Path(__file__).resolve().parent.parent / "data" / "seanet"
    count = 0
    for model in sorted(source.glob("*/*.tflite")):
        op, name = model.parent.name, model.stem
        out = target / op
        out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(model, out / model.name)
        inputs = sorted(model.parent.glob(name + "_input[0-9]*_*.csv"), key=lambda p: int(re.search(r"_input(\d+)_", p.name).group(1)))
        goldens = list(model.parent.glob(name + "_golden_*.csv"))
        if not inputs or len(goldens) != 1:
            print("skipped %s: %d inputs, %d goldens" % (model, len(inputs), len(goldens)), file=sys.stderr)
            continue
        (out / (name + ".in.bin")).write_bytes(b"".join(record(c) for c in inputs))
        (out / (name + ".out.bin")).write_bytes(record(goldens[0]))
        count += 1
    shutil.copyfile(source.parent / "LICENSE.tflite-micro", target / "LICENSE.tflite-micro")
    print("imported %d models into %s" % (count, target))
    return 0


if __name__ == "__main__":
    sys.exit(main())
