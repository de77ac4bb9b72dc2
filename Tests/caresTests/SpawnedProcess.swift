import Foundation
import Glibc

/// A child process started with `posix_spawn`, its standard streams on pipes.
///
/// The 200-learner soak starts hundreds of children at once; Foundation's `Process` crashed the
/// test runner there (a SIGSEGV in `memcpy` on a Dispatch thread), so the paced learners use this.
struct SpawnedProcess {
    let pid: pid_t
    /// The write end of the child's standard input, and the read ends of its output and errors.
    let input: FileHandle
    let output: FileHandle
    let errors: FileHandle

    private static let spawning = NSLock()

    struct SpawnError: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `path` with `arguments` and exactly `environment`. Every pipe end the parent keeps is
    /// close-on-exec, so children started at the same time do not hold each other's pipes open.
    static func start(_ path: String, _ arguments: [String], environment: [String: String]) throws -> SpawnedProcess {
        signal(SIGPIPE, SIG_IGN)  // a learner that ended early must not kill the runner through the input pipe
        var stdin: [Int32] = [0, 0], stdout: [Int32] = [0, 0], stderr: [Int32] = [0, 0]
        // Glibc's pipe2 is not visible to Swift: make the pipes, mark them close-on-exec and spawn
        // under one lock, so no other thread's child inherits a pipe in between.
        spawning.lock()
        defer { spawning.unlock() }
        guard pipe(&stdin) == 0, pipe(&stdout) == 0, pipe(&stderr) == 0 else {
            throw SpawnError(description: "pipe: \(String(cString: strerror(errno)))")
        }
        for fd in stdin + stdout + stderr { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdout[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderr[1], 2)

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, nil, argv, envp)
        close(stdin[0])
        close(stdout[1])
        close(stderr[1])
        guard result == 0 else {
            [stdin[1], stdout[0], stderr[0]].forEach { close($0) }
            throw SpawnError(description: "posix_spawn \(path): \(String(cString: strerror(result)))")
        }
        return SpawnedProcess(
            pid: pid, input: FileHandle(fileDescriptor: stdin[1], closeOnDealloc: true),
            output: FileHandle(fileDescriptor: stdout[0], closeOnDealloc: true),
            errors: FileHandle(fileDescriptor: stderr[0], closeOnDealloc: true))
    }

    /// Waits for the child to end: its exit status, or 128 + the signal that ended it.
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return -1 }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
