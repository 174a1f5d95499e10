// fw.fault: a fault must end the run with a message and status 128 + 3
// (HardFault: UsageFault is not enabled, so it escalates), not hang until the
// test timeout.
int main() {
    asm volatile("udf #0");  // permanently undefined instruction
    return 0;
}
