#!/usr/bin/env python3
"""Milliseconds from starting a command in a pseudo-terminal until its prompt appears.

Usage: prompt_time.py PROMPT QUIT COMMAND [ARGS...]
Prints the milliseconds on stdout; then types QUIT (e.g. "/exit") and waits for the end, untimed.
Exits 1 (output on stderr) when the prompt does not appear within 60 s.
"""
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time


def main():
    prompt, quit_line, command = sys.argv[1].encode(), sys.argv[2], sys.argv[3:]
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.environ.setdefault("TERM", "xterm-256color")
        os.execvp(command[0], command)
    seen = b""
    elapsed = None
    deadline = start + 60
    while elapsed is None and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        # A terminal may be asked for its cursor position before the prompt: answer row 1 col 1.
        if b"\x1b[6n" in chunk:
            os.write(fd, b"\x1b[1;1R")
        if prompt in seen:
            elapsed = time.monotonic() - start
    if elapsed is None:
        sys.stderr.write("no prompt %r from %s; output:\n%s\n" % (prompt, command, seen.decode(errors="replace")))
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        sys.exit(1)
    os.write(fd, (quit_line + "\n").encode())
    end = time.monotonic() + 30
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:
                break
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    else:
        os.kill(pid, 9)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    print(round(elapsed * 1000))


if __name__ == "__main__":
    main()
