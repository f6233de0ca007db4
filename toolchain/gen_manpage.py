#!/usr/bin/env python3
"""gen_manpage.py CROSSWIRE OUT: writes the crosswire(1) man page from the CLI's own usage text.

The usage text (`crosswire --help`) is the one description of the command line, so the man page is
generated from it at build time and cannot drift from it. The usage text is laid out as:

  crosswire COMMAND ARGS [   summary]          one line per command form
      detail                                   indented lines that belong to the form above
      --option ARG   what it does
exit status: ...
"""
import re
import subprocess
import sys


def roff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


def main():
    binary, out = sys.argv[1], sys.argv[2]
    usage = subprocess.run([binary, "--help"], check=True, capture_output=True, text=True).stdout
    version = subprocess.run([binary, "--version"], check=True, capture_output=True, text=True).stdout.strip()

    forms = []  # (signature, summary, [(option, text) or (None, text)])
    exit_status = ""
    for line in usage.splitlines():
        form = re.match(r"^  (crosswire \S.*?)(?:\s{2,}(\S.*))?$", line)
        detail = re.match(r"^ {6}(\S.*)$", line)
        if line.startswith("exit status:"):
            exit_status = line.split(":", 1)[1].strip()
        elif form:
            forms.append((form.group(1), form.group(2) or "", []))
        elif detail and forms:
            option = re.match(r"^(--\S+(?: [A-Z]\S*)?)\s+(\S.*)$", detail.group(1))
            forms[-1][2].append((option.group(1), option.group(2)) if option else (None, detail.group(1)))
    if not forms:
        sys.exit("gen_manpage.py: no command forms found in the usage text")

    lines = [
        f'.TH CROSSWIRE 1 "" "{roff(version)}" "User Commands"',
        ".SH NAME",
        "crosswire \\- multilingual news\\-article analyzer: names across languages and scripts, articles grouped "
        "into stories",
        ".SH SYNOPSIS",
    ]
    for signature, _, _ in forms:
        command, _, args = signature.partition(" ")
        lines += [f".B {command}", roff(args), ".br"]
    lines.append(".SH COMMANDS")
    for signature, summary, details in forms:
        lines += [".TP", f".B {roff(signature)}"]
        if summary:
            lines.append(roff(summary))
        texts = [text for option, text in details if option is None]
        if texts:
            lines += ([".br"] if summary else []) + [roff(text) + ("" if i + 1 == len(texts) else "\n.br")
                                                     for i, text in enumerate(texts)]
        options = [(option, text) for option, text in details if option]
        if options:
            lines.append(".RS")
            for option, text in options:
                lines += [".TP", f".B {roff(option)}", roff(text)]
            lines.append(".RE")
    if exit_status:
        lines += [".SH EXIT STATUS", roff(exit_status)]
    lines += [
        ".SH OUTPUT",
        "\\fBanalyze\\fR prints the analysis JSON (schema crosswire/1) on standard output and diagnostics on "
        "standard error. Its JSON Schema is schema/crosswire\\-1.schema.json in the source tree and in the npm package.",
        ".SH SEE ALSO",
        "The README of the Crosswire source tree.",
    ]
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
