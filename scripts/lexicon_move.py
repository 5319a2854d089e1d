#!/usr/bin/env python3
"""Move a word table written in Rust (`const NAME: &[&str] = &[...]`, or `&[(&str, &str)]`)
into a lexicon file under resources/lexicon/ and read it through dateline-lexicon instead.

For each table named on the command line it writes the file (the table's doc comment as `#`
comments, one entry a line, quoted when an end space needs keeping; see resources/README.md,
"lexicon/") and declares the list in crates/dateline-lexicon/src/<set>/<area>.rs. Where the
folder's lists are read by name (a `pub static`: `en/ner`, `page/...`) the `const` becomes a `use`
of the list; elsewhere the stages read the set they are given, so the `const` becomes a comment
and the script prints the field its readers must now read (`lx.quotes.concessive`). Run
`cargo fmt --all` afterwards, then check that `dateline analyze --json` output is unchanged. Meant for merges: a branch that adds a table to a
file whose tables moved can be merged by taking its version of the file and moving again.

Usage: scripts/lexicon_move.py RUST_FILE CONST TARGET [NEW_NAME] [RUST_FILE CONST TARGET [NEW_NAME] ...]
  TARGET is a path under resources/lexicon/ ("en/quotes/concessive.txt"; `.tsv` for pairs);
  NEW_NAME renames the list in dateline-lexicon (the code keeps CONST through `use ... as`).
  Example: scripts/lexicon_move.py crates/dateline-analyze/src/quotes/indirect.rs CONCESSIVE en/quotes/concessive.txt
"""
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DECL = r"^([ \t]*)((?:pub(?:\([a-z]+\))? )?)const %s: (&(?:'static )?\[[^=]*\]) =\s*&?\["


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\":
            n = s[i + 1]
            if n == "u":
                j = s.index("}", i)
                out.append(chr(int(s[i + 3 : j], 16)))
                i = j + 1
                continue
            out.append({"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'", "0": "\0"}[n])
            i += 2
            continue
        out.append(s[i])
        i += 1
    return "".join(out)


def items(body):
    """The string literals, `//` comments, identifiers and tuple ends of a table's body."""
    i, out = 0, []
    while i < len(body):
        c = body[i]
        if c == '"':
            j = i + 1
            while body[j] != '"':
                j += 2 if body[j] == "\\" else 1
            out.append(("str", unescape(body[i + 1 : j])))
            i = j + 1
        elif body.startswith("//", i):
            j = body.find("\n", i)
            j = len(body) if j < 0 else j
            out.append(("comment", body[i + 2 : j].strip()))
            i = j
        elif c == ")":
            out.append(("close", None))
            i += 1
        elif c.isalpha():
            m = re.match(r"[A-Za-z_:0-9]+", body[i:])
            out.append(("ident", m.group(0)))
            i += m.end()
        else:
            i += 1
    return out


def field(s):
    if "\t" in s or '"' in s or "\n" in s:
        sys.exit(f"entry {s!r} cannot be written in a lexicon file")
    return f'"{s}"' if s == "" or s != s.strip() or s.startswith("#") else s


def move(path, name, target, new_name):
    src = open(os.path.join(ROOT, path)).read()
    m = re.search(DECL % name, src, re.M)
    if not m:
        sys.exit(f"{path}: no `const {name}: &[...]` table")
    i = j = m.end()
    depth, in_str, esc = 1, False, False
    while depth:
        c = src[j]
        if in_str:
            esc, in_str = (False, in_str) if esc else (c == "\\", c != '"')
        elif c == '"':
            in_str = True
        elif c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
        elif src.startswith("//", j):
            j = src.index("\n", j)
            continue
        j += 1
    body, end = src[i : j - 1], j + 1  # past `];`
    if src[end : end + 1] == "\n":
        end += 1
    lines = src[: m.start()].split("\n")[:-1]
    k = len(lines) - 1
    while k >= 0 and lines[k].strip().startswith("///"):
        k -= 1
    doc = [l.strip()[3:].strip() for l in lines[k + 1 :]]
    start = len("\n".join(lines[: k + 1])) + (1 if k >= 0 else 0)
    pair = m.group(3).startswith("&[(")
    out = [("# " + d).rstrip() for d in doc] + ["#", f"# Read by {path.replace('crates/', '')} (`{name}`).", ""]
    cur = []
    for kind, v in items(body):
        if kind == "comment":
            out.append("# " + v)
        elif kind == "str" and not pair:
            out.append(field(v))
        elif kind in ("str", "ident") and pair:
            cur.append(v.split("::")[-1].upper() if kind == "ident" else v)
        elif kind == "close" and pair:
            out.append("\t".join(field(x) for x in cur))
            cur = []
    file = os.path.join(ROOT, "resources", "lexicon", target)
    os.makedirs(os.path.dirname(file), exist_ok=True)
    open(file, "w").write("\n".join(out) + "\n")
    lex_set, area = target.split("/")[:2]
    decl_file = os.path.join(ROOT, "crates", "dateline-lexicon", "src", lex_set, area + ".rs")
    decl = open(decl_file).read()
    # A folder whose lists keep a `pub static` (read by name, see resources/README.md) declares
    # `field / NAME`; the others are only fields of the set the stages are given.
    by_name = re.search(r"^\s*[a-z_0-9]+ / [A-Z_0-9]+:", decl, re.M) is not None
    field_name = new_name.lower()
    indent, vis = m.group(1), m.group(2)
    if by_name:
        module = f"dateline_lexicon::{lex_set}::{area}::{new_name}" + ("" if new_name == name else f" as {name}")
        use = f"{indent}// `{name}`: resources/lexicon/{target}\n{indent}{vis}use {module};\n"
    else:
        use = f"{indent}// `{name}`: resources/lexicon/{target}, read from the set: `lx.{area}.{field_name}`\n"
        print(f"{path}: read `{name}` as `lx.{area}.{field_name}` (the `&crate::Lexicon` the stage is given)")
    src = src[:start] + use + src[end:]
    open(os.path.join(ROOT, path), "w").write(src)
    rel = target.split("/", 1)[1]
    if f'"{rel}"' not in decl:
        plain = [re.sub(r"\[(`[^`]+`)\](?!\()", r"\1", d) for d in doc]
        docs = "".join(f"    /// {d}".rstrip() + "\n" for d in plain)
        named = f" / {new_name}" if by_name else ""
        entry = f"{docs}    {field_name}{named}: {'Pairs' if pair else 'Words'} = \"{rel}\";\n"
        at = decl.rindex("}")
        open(decl_file, "w").write(decl[:at] + entry + decl[at:])
    print(f"{path} {name} -> resources/lexicon/{target}")


def main():
    args = sys.argv[1:]
    if not args or len(args) < 3:
        sys.exit(__doc__)
    while args:
        path, name, target = args[:3]
        args = args[3:]
        new_name = name
        if args and re.fullmatch(r"[A-Z][A-Z0-9_]*", args[0]):
            new_name, args = args[0], args[1:]
        move(path, name, target, new_name)


if __name__ == "__main__":
    main()
