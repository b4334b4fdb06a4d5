#!/usr/bin/env python3
"""Writes src/test/resources/stories/wire-copy-pairs.tsv: one story republished by a second outlet
from the same agency copy, the commonest "same story" of an aggregator and one the hand-written
pairs lack (their same-story pairs are all paraphrases, their different events the near-identical
texts). Each pair is a text of the labelled pairs and its copy as outlets edit agency copy: a tag
before the headline, the headline cut short, the lead cut to its first sentence, the agency named.
Deterministic: the same labelled files give the same pairs."""
import os

HERE = os.path.join(os.path.dirname(__file__), "..", "src", "test", "resources", "stories")
SOURCES = ["same-story-pairs.tsv", "other-writer-pairs.tsv"]
COUNT = 40


def texts():
    seen, out = set(), []
    for name in SOURCES:
        for line in open(os.path.join(HERE, name), encoding="utf-8"):
            if not line.strip() or line.startswith("#"):
                continue
            f = line.rstrip("\n").split("\t")
            for headline, lead in ((f[1], f[2]), (f[3], f[4])):
                if headline not in seen and len(lead.split()) >= 12:
                    seen.add(headline)
                    out.append((headline, lead))
    return out


def first_sentence(lead):
    for mark in ("، ", ". "):
        at = lead.find(mark, 40)
        if at > 0:
            return lead[:at] + "."
    return lead


def copy(i, headline, lead):
    kind = i % 4
    if kind == 0:
        return "عاجل | " + headline, lead
    if kind == 1:
        return headline, first_sentence(lead) + " (وكالات)"
    if kind == 2:
        words = headline.split()
        return " ".join(words[:max(4, len(words) - 2)]), "(رويترز) - " + lead
    return headline + " - تفاصيل", first_sentence(lead)


def main():
    chosen = texts()
    step = max(1, len(chosen) // COUNT)
    lines = ["# label\theadline A\tlead A\theadline B\tlead B",
             "# One story republished from the same agency copy (tools/wire-copy-pairs.py makes this file from the labelled pairs' texts)."]
    for i, (headline, lead) in enumerate(chosen[::step][:COUNT]):
        h2, l2 = copy(i, headline, lead)
        lines.append("\t".join(["same", headline, lead, h2, l2]))
    with open(os.path.join(HERE, "wire-copy-pairs.tsv"), "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
