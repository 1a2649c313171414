package org.alignlab.sandbox.bubblewrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alignlab.sandbox.bubblewrap.SeccompFilter.Arch;
import org.alignlab.sandbox.bubblewrap.SeccompFilter.Instruction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The filter's decisions, read by a small classic-BPF interpreter over the very program bwrap gets. That the kernel
 * accepts and applies it is ContainmentTest's part.
 */
class SeccompFilterTest {

    private static final int CLONE_NEWUSER = 0x10000000;
    private static final int CLONE_NEWNET = 0x40000000;
    private static final int CLONE_NEWNS = 0x00020000;
    /** What glibc's pthread_create passes to clone: no namespace flags. */
    private static final int THREAD_FLAGS = 0x003d0f00;
    private static final int SIGCHLD = 17;

    private static final List<String> REQUIRED = List.of("ptrace", "mount", "umount2", "pivot_root", "bpf", "keyctl",
            "add_key", "request_key", "perf_event_open", "userfaultfd", "unshare", "setns", "init_module",
            "finit_module", "delete_module", "kexec_load", "kexec_file_load", "reboot", "swapon", "swapoff", "acct",
            "open_by_handle_at");

    @ParameterizedTest
    @EnumSource(Arch.class)
    void deniesEveryListedCallWithEperm(Arch arch) {
        assertThat(SeccompFilter.deniedCalls(arch)).containsAll(REQUIRED);
        for (String call : SeccompFilter.deniedCalls(arch)) {
            assertThat(run(arch, arch.auditArch, number(arch, call), 0)).as(call)
                    .isEqualTo(SeccompFilter.RET_ERRNO | SeccompFilter.EPERM);
        }
    }

    @Test
    void deniesIoplAndIopermOnX86() {
        assertThat(SeccompFilter.deniedCalls(Arch.X86_64)).contains("iopl", "ioperm");
        assertThat(run(Arch.X86_64, Arch.X86_64.auditArch, 172, 0)).isEqualTo(SeccompFilter.RET_ERRNO | 1);
    }

    @ParameterizedTest
    @EnumSource(Arch.class)
    void allowsEverythingElseAJvmNeeds(Arch arch) {
        // read, write, mmap, futex on x86_64 / aarch64; and a fork and a thread through clone.
        List<Integer> ordinary = arch == Arch.X86_64 ? List.of(0, 1, 9, 202, 59) : List.of(63, 64, 222, 98, 221);
        for (int nr : ordinary) {
            assertThat(run(arch, arch.auditArch, nr, 0)).as("syscall %d", nr).isEqualTo(SeccompFilter.RET_ALLOW);
        }
        assertThat(run(arch, arch.auditArch, number(arch, "clone"), SIGCHLD)).isEqualTo(SeccompFilter.RET_ALLOW);
        assertThat(run(arch, arch.auditArch, number(arch, "clone"), THREAD_FLAGS)).isEqualTo(SeccompFilter.RET_ALLOW);
    }

    @ParameterizedTest
    @EnumSource(Arch.class)
    void refusesCloneIntoANewNamespaceAndSendsClone3BackToClone(Arch arch) {
        for (int flag : List.of(CLONE_NEWUSER, CLONE_NEWNET, CLONE_NEWNS, 0x02000000, 0x04000000, 0x08000000,
                0x20000000)) {
            assertThat(run(arch, arch.auditArch, number(arch, "clone"), flag | SIGCHLD)).as("flag %x", flag)
                    .isEqualTo(SeccompFilter.RET_ERRNO | SeccompFilter.EPERM);
        }
        assertThat(run(arch, arch.auditArch, number(arch, "clone3"), 0))
                .isEqualTo(SeccompFilter.RET_ERRNO | SeccompFilter.ENOSYS);
    }

    @Test
    void killsCallsFromAnotherAbi() {
        int i386 = 0x40000003;
        int arm = 0x40000028;
        assertThat(run(Arch.X86_64, i386, 0, 0)).isEqualTo(SeccompFilter.RET_KILL_PROCESS);
        assertThat(run(Arch.AARCH64, arm, 0, 0)).isEqualTo(SeccompFilter.RET_KILL_PROCESS);
        // x32: the same audit arch, numbers with bit 30 set.
        assertThat(run(Arch.X86_64, Arch.X86_64.auditArch, 0x40000000 | 101, 0))
                .isEqualTo(SeccompFilter.RET_KILL_PROCESS);
    }

    /** The numbers are the kernel's: checked against the headers where this host has them. */
    @Test
    void syscallNumbersMatchTheKernelHeaders() throws IOException {
        Path x86 = Path.of("/usr/include/x86_64-linux-gnu/asm/unistd_64.h");
        Path generic = Path.of("/usr/include/asm-generic/unistd.h");
        assertThat(Files.isRegularFile(x86) || Files.isRegularFile(generic))
                .as("kernel headers (linux-libc-dev) to check the numbers against").isTrue();
        if (Files.isRegularFile(x86)) {
            assertNumbers(Arch.X86_64, Files.readString(x86));
        }
        if (Files.isRegularFile(generic)) {
            assertNumbers(Arch.AARCH64, Files.readString(generic));
        }
    }

    @Test
    void theProgramIsWhatBwrapReads() {
        byte[] bytes = SeccompFilter.program(Arch.X86_64);
        List<Instruction> instructions = SeccompFilter.instructions(Arch.X86_64);

        assertThat(bytes).hasSize(instructions.size() * 8);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        assertThat(buffer.getShort(0)).isEqualTo(SeccompFilter.LD_W_ABS);
        assertThat(buffer.getInt(4)).isEqualTo(SeccompFilter.OFFSET_ARCH);
        assertThat(instructions.size()).as("BPF_MAXINSNS").isLessThan(4096);
    }

    private static void assertNumbers(Arch arch, String header) {
        for (Map.Entry<String, Integer> call : SeccompFilter.numbers(arch).entrySet()) {
            Matcher define = Pattern.compile("#define __NR3?2?_" + call.getKey() + "\\s+(\\d+)").matcher(header);
            assertThat(define.find()).as("%s in the %s header", call.getKey(), arch).isTrue();
            assertThat(Integer.parseInt(define.group(1))).as("%s on %s", call.getKey(), arch)
                    .isEqualTo(call.getValue());
        }
    }

    private static int number(Arch arch, String call) {
        return SeccompFilter.numbers(arch).get(call);
    }

    /** Runs the program on one seccomp_data (nr, arch, arg0) and returns its verdict. */
    private static int run(Arch arch, int auditArch, int nr, int arg0) {
        List<Instruction> program = SeccompFilter.instructions(arch);
        int accumulator = 0;
        int pc = 0;
        while (true) {
            Instruction in = program.get(pc);
            switch (in.code()) {
                case SeccompFilter.LD_W_ABS -> accumulator = switch (in.k()) {
                    case SeccompFilter.OFFSET_NR -> nr;
                    case SeccompFilter.OFFSET_ARCH -> auditArch;
                    case SeccompFilter.OFFSET_ARG0_LOW -> arg0;
                    default -> throw new AssertionError("load from " + in.k());
                };
                case SeccompFilter.JEQ_K -> pc += accumulator == in.k() ? in.jt() : in.jf();
                case SeccompFilter.JGE_K -> pc += Integer.compareUnsigned(accumulator, in.k()) >= 0 ? in.jt() : in.jf();
                case SeccompFilter.JSET_K -> pc += (accumulator & in.k()) != 0 ? in.jt() : in.jf();
                case SeccompFilter.RET_K -> {
                    return in.k();
                }
                default -> throw new AssertionError("opcode " + in.code());
            }
            pc++;
        }
    }
}
