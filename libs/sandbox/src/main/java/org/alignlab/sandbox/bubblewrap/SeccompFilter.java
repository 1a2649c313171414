package org.alignlab.sandbox.bubblewrap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The seccomp filter bubblewrap installs before it starts the workload ({@code --seccomp FD}): a classic-BPF program,
 * generated here so the host needs no libseccomp. The workload is an experiment in one JVM; these calls are how a
 * process in an unprivileged sandbox reaches kernel attack surface or other processes, and none of them is needed
 * to train a model:
 * <ul>
 * <li>another process's memory: {@code ptrace}, {@code process_vm_readv/writev}, {@code kcmp};</li>
 * <li>the mount table: {@code mount}, {@code umount2}, {@code pivot_root}, {@code chroot} and the new mount API;</li>
 * <li>new namespaces: {@code unshare}, {@code setns}, and {@code clone} with any {@code CLONE_NEW*} flag (a user
 * namespace would give back every capability inside it). {@code clone3} passes its flags in memory a filter cannot
 * read, so it answers ENOSYS and glibc falls back to {@code clone}, whose flags are checked;</li>
 * <li>large, often-exploited kernel interfaces: {@code bpf}, {@code perf_event_open}, {@code userfaultfd},
 * {@code io_uring_*}, the key ring ({@code keyctl}, {@code add_key}, {@code request_key});</li>
 * <li>the machine itself: modules, {@code kexec_*}, {@code reboot}, {@code swapon/off}, {@code acct}, quotas, the
 * clock, the host name, the kernel log, {@code iopl}/{@code ioperm}, file handles ({@code open_by_handle_at}, the
 * shocker escape).</li>
 * </ul>
 * Denied calls fail with EPERM, so a program that probes for them carries on. A call from another ABI (i386 on
 * x86_64, arm32 on aarch64, x32 numbers) kills the process: the numbers above would not mean the same there.
 */
public final class SeccompFilter {

    /** One syscall number per architecture; -1 where the call does not exist there. */
    private record Call(String name, int x8664, int aarch64) {
    }

    /** An architecture the filter can be built for. */
    public enum Arch {
        X86_64(0xC000003E, "amd64", "x86_64"),
        AARCH64(0xC00000B7, "aarch64", "arm64");

        final int auditArch;
        private final List<String> osArchNames;

        Arch(int auditArch, String... osArchNames) {
            this.auditArch = auditArch;
            this.osArchNames = List.of(osArchNames);
        }

        /** This JVM's architecture, or empty where no filter can be built (the sandbox then refuses to start). */
        public static Optional<Arch> ofThisJvm() {
            String name = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
            for (Arch arch : values()) {
                if (arch.osArchNames.contains(name)) {
                    return Optional.of(arch);
                }
            }
            return Optional.empty();
        }
    }

    static final int EPERM = 1;
    static final int ENOSYS = 38;
    /** CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET. */
    static final int CLONE_NAMESPACE_FLAGS = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000
            | 0x20000000 | 0x40000000;
    /** x86_64 numbers with this bit are the x32 ABI, which this filter's numbers do not describe. */
    static final int X32_SYSCALL_BIT = 0x40000000;

    static final int RET_KILL_PROCESS = 0x80000000;
    static final int RET_ERRNO = 0x00050000;
    static final int RET_ALLOW = 0x7fff0000;

    /** Offsets in struct seccomp_data: nr, arch, then args[6] as 64-bit values (the low half first). */
    static final int OFFSET_NR = 0;
    static final int OFFSET_ARCH = 4;
    static final int OFFSET_ARG0_LOW = 16;

    static final short LD_W_ABS = 0x20;
    static final short JEQ_K = 0x15;
    static final short JGE_K = 0x35;
    static final short JSET_K = 0x45;
    static final short RET_K = 0x06;

    private static final List<Call> DENIED = List.of(
            new Call("ptrace", 101, 117),
            new Call("process_vm_readv", 310, 270),
            new Call("process_vm_writev", 311, 271),
            new Call("kcmp", 312, 272),
            new Call("mount", 165, 40),
            new Call("umount2", 166, 39),
            new Call("pivot_root", 155, 41),
            new Call("chroot", 161, 51),
            new Call("open_tree", 428, 428),
            new Call("move_mount", 429, 429),
            new Call("fsopen", 430, 430),
            new Call("fsconfig", 431, 431),
            new Call("fsmount", 432, 432),
            new Call("fspick", 433, 433),
            new Call("mount_setattr", 442, 442),
            new Call("unshare", 272, 97),
            new Call("setns", 308, 268),
            new Call("bpf", 321, 280),
            new Call("perf_event_open", 298, 241),
            new Call("userfaultfd", 323, 282),
            new Call("io_uring_setup", 425, 425),
            new Call("io_uring_enter", 426, 426),
            new Call("io_uring_register", 427, 427),
            new Call("keyctl", 250, 219),
            new Call("add_key", 248, 217),
            new Call("request_key", 249, 218),
            new Call("init_module", 175, 105),
            new Call("finit_module", 313, 273),
            new Call("delete_module", 176, 106),
            new Call("kexec_load", 246, 104),
            new Call("kexec_file_load", 320, 294),
            new Call("reboot", 169, 142),
            new Call("swapon", 167, 224),
            new Call("swapoff", 168, 225),
            new Call("acct", 163, 89),
            new Call("quotactl", 179, 60),
            new Call("open_by_handle_at", 304, 265),
            new Call("name_to_handle_at", 303, 264),
            new Call("lookup_dcookie", 212, 18),
            new Call("syslog", 103, 116),
            new Call("settimeofday", 164, 170),
            new Call("clock_settime", 227, 112),
            new Call("adjtimex", 159, 171),
            new Call("clock_adjtime", 305, 266),
            new Call("sethostname", 170, 161),
            new Call("setdomainname", 171, 162),
            new Call("vhangup", 153, 58),
            new Call("iopl", 172, -1),
            new Call("ioperm", 173, -1),
            new Call("uselib", 134, -1),
            new Call("_sysctl", 156, -1));
    private static final Call CLONE = new Call("clone", 56, 220);
    private static final Call CLONE3 = new Call("clone3", 435, 435);

    private SeccompFilter() {
    }

    /** The names of the calls that always fail with EPERM on {@code arch} (clone is denied by its flags only). */
    public static List<String> deniedCalls(Arch arch) {
        return DENIED.stream().filter(call -> number(call, arch) >= 0).map(Call::name).toList();
    }

    /** Every call the filter names, with its number on {@code arch}: the denied ones, clone and clone3. */
    static Map<String, Integer> numbers(Arch arch) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (Call call : DENIED) {
            if (number(call, arch) >= 0) {
                numbers.put(call.name(), number(call, arch));
            }
        }
        numbers.put(CLONE.name(), number(CLONE, arch));
        numbers.put(CLONE3.name(), number(CLONE3, arch));
        return Collections.unmodifiableMap(numbers);
    }

    private static int number(Call call, Arch arch) {
        return arch == Arch.X86_64 ? call.x8664() : call.aarch64();
    }

    /** The program as bwrap reads it from its fd: struct sock_filter[] in the host's byte order. */
    public static byte[] program(Arch arch) {
        List<Instruction> program = instructions(arch);
        ByteBuffer bytes = ByteBuffer.allocate(program.size() * 8).order(ByteOrder.nativeOrder());
        for (Instruction instruction : program) {
            bytes.putShort(instruction.code()).put((byte) instruction.jt()).put((byte) instruction.jf())
                    .putInt(instruction.k());
        }
        return bytes.array();
    }

    /** One BPF instruction; {@code jt} and {@code jf} are relative forward jumps. */
    record Instruction(short code, int jt, int jf, int k) {
    }

    static List<Instruction> instructions(Arch arch) {
        Assembler asm = new Assembler();
        asm.load(OFFSET_ARCH);
        asm.jumpIfNot(JEQ_K, arch.auditArch, "kill");
        asm.load(OFFSET_NR);
        if (arch == Arch.X86_64) {
            asm.jumpIf(JGE_K, X32_SYSCALL_BIT, "kill");
        }
        for (Call call : DENIED) {
            if (number(call, arch) >= 0) {
                asm.jumpIf(JEQ_K, number(call, arch), "eperm");
            }
        }
        asm.jumpIf(JEQ_K, number(CLONE3, arch), "enosys");
        asm.jumpIf(JEQ_K, number(CLONE, arch), "clone");
        asm.ret(RET_ALLOW);
        asm.label("clone");
        asm.load(OFFSET_ARG0_LOW);
        asm.jumpIf(JSET_K, CLONE_NAMESPACE_FLAGS, "eperm");
        asm.ret(RET_ALLOW);
        asm.label("eperm");
        asm.ret(RET_ERRNO | EPERM);
        asm.label("enosys");
        asm.ret(RET_ERRNO | ENOSYS);
        asm.label("kill");
        asm.ret(RET_KILL_PROCESS);
        return asm.resolve();
    }

    /** Builds the program with named jump targets, then turns them into the relative offsets BPF needs. */
    private static final class Assembler {

        private record Pending(short code, String jt, String jf, int k) {
        }

        private final List<Pending> pending = new ArrayList<>();
        private final Map<String, Integer> labels = new LinkedHashMap<>();

        void load(int offset) {
            pending.add(new Pending(LD_W_ABS, null, null, offset));
        }

        void jumpIf(short code, int k, String target) {
            pending.add(new Pending(code, target, null, k));
        }

        void jumpIfNot(short code, int k, String target) {
            pending.add(new Pending(code, null, target, k));
        }

        void ret(int value) {
            pending.add(new Pending(RET_K, null, null, value));
        }

        void label(String name) {
            labels.put(name, pending.size());
        }

        List<Instruction> resolve() {
            List<Instruction> out = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                Pending p = pending.get(i);
                out.add(new Instruction(p.code(), offset(i, p.jt()), offset(i, p.jf()), p.k()));
            }
            return out;
        }

        private int offset(int from, String label) {
            if (label == null) {
                return 0;
            }
            int jump = labels.get(label) - from - 1;
            if (jump < 0 || jump > 255) {
                throw new IllegalStateException("jump to " + label + " out of range: " + jump);
            }
            return jump;
        }
    }
}
