"""A small model of how cmd.exe reads one line, and how a Windows program then splits its command
line, for checking what ``mvi-xl schedule`` writes without a Windows machine.

cmd.exe, per line (the phases documented by Microsoft and charted on ss64.com):
1. percent expansion: ``%NAME%`` becomes the variable's value (names ignore case). In a batch
   file ``%%`` is one ``%`` and an undefined variable becomes nothing; typed at the prompt an
   undefined ``%NAME%`` stays as it is and ``%%`` stays ``%%``;
2. special characters: ``"`` toggles quoting; outside quotes ``^`` escapes the next character
   (and is removed) and ``& | < >`` separate commands or redirect. Inside quotes they are text.
A program started with the line splits it as the C runtime does (CommandLineToArgvW):
whitespace outside quotes separates, ``"`` toggles quoting, ``2n`` backslashes before a ``"``
are ``n`` backslashes, ``2n+1`` are ``n`` and a literal ``"``, other backslashes are text, and
``""`` inside quotes is a literal ``"``. The program name itself runs to the next quote (when
it starts with one) or whitespace, without escapes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping


class CmdSyntax(ValueError):
    """cmd.exe would not run the line as one command: an operator outside quotes."""


def expand(line: str, env: Mapping[str, str], *, batch: bool) -> str:
    """Phase 1."""
    lowered = {k.casefold(): v for k, v in env.items()}
    out, i = [], 0
    while i < len(line):
        char = line[i]
        if char != "%":
            out.append(char)
            i += 1
            continue
        if batch and line[i + 1 : i + 2] == "%":
            out.append("%")
            i += 2
            continue
        if batch and re.match(r"[0-9*]", line[i + 1 : i + 2]):
            i += 2  # a batch argument: none are given here
            continue
        end = line.find("%", i + 1)
        if end == -1:
            if not batch:
                out.append(line[i:])
            break
        name = line[i + 1 : end]
        if name.casefold() in lowered and name:
            out.append(lowered[name.casefold()])
            i = end + 1
        elif batch:
            i = end + 1  # undefined: nothing (and the text between is consumed)
        else:
            out.append("%")
            i += 1
    return "".join(out)


def command(line: str) -> str:
    """Phase 2 for a line that must be one command: carets outside quotes removed; an
    operator outside quotes raises CmdSyntax naming it."""
    out, quoted, i = [], False, 0
    while i < len(line):
        char = line[i]
        if char == '"':
            quoted = not quoted
            out.append(char)
        elif not quoted and char == "^":
            i += 1
            if i < len(line):
                out.append(line[i])
        elif not quoted and char in "&|<>":
            raise CmdSyntax(f"{char!r} outside quotes at {i}: {line}")
        else:
            out.append(char)
        i += 1
    return "".join(out)


def argv(command_line: str) -> list[str]:
    """How a C program on Windows (Python too) splits its command line."""
    args: list[str] = []
    i, n = 0, len(command_line)
    while i < n and command_line[i] in " \t":
        i += 1
    # the program name: no escapes
    if i < n and command_line[i] == '"':
        end = command_line.find('"', i + 1)
        end = n if end == -1 else end
        args.append(command_line[i + 1 : end])
        i = end + 1
    else:
        start = i
        while i < n and command_line[i] not in " \t":
            i += 1
        args.append(command_line[start:i])
    while True:
        while i < n and command_line[i] in " \t":
            i += 1
        if i >= n:
            return args
        current, quoted = [], False
        while i < n and (quoted or command_line[i] not in " \t"):
            char = command_line[i]
            if char == "\\":
                start = i
                while i < n and command_line[i] == "\\":
                    i += 1
                count = i - start
                if i < n and command_line[i] == '"':
                    current.append("\\" * (count // 2))
                    if count % 2:
                        current.append('"')
                        i += 1
                else:
                    current.append("\\" * count)
                continue
            if char == '"':
                if quoted and command_line[i + 1 : i + 2] == '"':
                    current.append('"')
                    i += 2
                    continue
                quoted = not quoted
                i += 1
                continue
            current.append(char)
            i += 1
        args.append("".join(current))


def run_batch_line(line: str, env: Mapping[str, str]) -> list[str]:
    """A line of a .cmd file as the program it starts receives it."""
    return argv(command(expand(line, env, batch=True)))


def run_typed_line(line: str, env: Mapping[str, str]) -> list[str]:
    """A line pasted at the cmd.exe prompt, as the program it starts receives it."""
    return argv(command(expand(line, env, batch=False)))
