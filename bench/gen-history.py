#!/usr/bin/env python3
"""Writes a git fast-import stream of a generated history to standard output.

  gen-history.py linear N          N commits on one line; commit i writes file "counter" = i
  gen-history.py merges B SEED     a main line with B side branches forked from recent main
                                   commits and merged back (1-8 commits each), like a kernel tree

Every commit has a distinct tree, fixed authors and a fixed clock, so runs are reproducible.
"""
import random
import sys

out = sys.stdout.buffer
clock = 1700000000
mark = 0


def data(text):
    raw = text.encode()
    out.write(b"data %d\n" % len(raw))
    out.write(raw)
    out.write(b"\n")


def commit(message, files, parents, ref="refs/heads/main"):
    global clock, mark
    mark += 1
    clock += 60
    out.write(b"commit %s\nmark :%d\n" % (ref.encode(), mark))
    who = "Ada Tester <ada@example.org> %d +0000\n" % clock
    out.write(("author " + who + "committer " + who).encode())
    data(message)
    if parents:
        out.write(b"from :%d\n" % parents[0])
        for extra in parents[1:]:
            out.write(b"merge :%d\n" % extra)
    for path, content in files.items():
        out.write(b"M 100644 inline %s\n" % path.encode())
        data(content)
    return mark


def linear(n):
    last = None
    for i in range(n):
        last = commit("commit %d" % i, {"counter": str(i)}, [last] if last else [])


def merges(branches, seed):
    rnd = random.Random(seed)
    main = [commit("root", {"README": "root"}, [])]
    n = 0
    for b in range(branches):
        fork = main[-1 - rnd.randrange(min(len(main), 4))]
        side = fork
        for i in range(1 + rnd.randrange(8)):
            n += 1
            side = commit("side %d.%d" % (b, i), {"side/b%d/f%d" % (b, i): "v%d" % n}, [side], "refs/heads/side")
        tip = main[-1]
        for i in range(rnd.randrange(3)):
            n += 1
            tip = commit("main %d.%d" % (b, i), {"trunk/f%d" % n: "v%d" % n}, [tip])
            main.append(tip)
        tip = commit("Merge branch %d" % b, {"merges/%d" % b: "merged"}, [tip, side])
        main.append(tip)
    out.write(b"reset refs/heads/side\nfrom 0000000000000000000000000000000000000000\n\n")


if __name__ == "__main__":
    if sys.argv[1] == "linear":
        linear(int(sys.argv[2]))
    else:
        merges(int(sys.argv[2]), int(sys.argv[3]))
