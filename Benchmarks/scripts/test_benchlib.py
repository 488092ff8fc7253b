#!/usr/bin/env python3
"""Tests of benchlib's generated Markdown sections (the rewrite behind --markdown-out), on temporary files.

Fast and deterministic (no corridor, no solver): run by scripts/check-docs, which scripts/test and CI run.
By hand: python3 Benchmarks/scripts/test_benchlib.py
"""

import argparse
import contextlib
import io
import os
import stat
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

DOCUMENT = """# Results

Prose before, kept.

<!-- compare-solvers:begin -->
| size | corridor |
|---|---:|
| S | 9.999 s |
<!-- compare-solvers:end -->

Prose after, kept.
"""

TABLE = "| size | corridor |\n|---|---:|\n| S | 0.101 s |\n| M | 0.800 s |"


class ReplaceSectionTests(unittest.TestCase):
    def test_replaces_only_between_the_markers(self):
        updated = benchlib.replace_section(DOCUMENT, "compare-solvers", TABLE)
        self.assertEqual(
            updated,
            "# Results\n\nProse before, kept.\n\n<!-- compare-solvers:begin -->\n" + TABLE
            + "\n<!-- compare-solvers:end -->\n\nProse after, kept.\n")

    def test_is_idempotent(self):
        once = benchlib.replace_section(DOCUMENT, "compare-solvers", TABLE)
        self.assertEqual(benchlib.replace_section(once, "compare-solvers", TABLE), once)

    def test_empty_content_leaves_the_markers_adjacent(self):
        updated = benchlib.replace_section(DOCUMENT, "compare-solvers", "")
        self.assertIn("<!-- compare-solvers:begin -->\n<!-- compare-solvers:end -->", updated)

    def test_other_sections_are_untouched(self):
        text = DOCUMENT + "\n<!-- scaling-table:begin -->\nold\n<!-- scaling-table:end -->\n"
        updated = benchlib.replace_section(text, "scaling-table", "new")
        self.assertIn("| S | 9.999 s |", updated)
        self.assertIn("<!-- scaling-table:begin -->\nnew\n<!-- scaling-table:end -->", updated)

    def test_refuses_missing_repeated_or_reversed_markers(self):
        cases = {
            "missing": "no markers here\n",
            "no end": "<!-- compare-solvers:begin -->\n",
            "repeated": DOCUMENT + DOCUMENT,
            "reversed": "<!-- compare-solvers:end -->\nx\n<!-- compare-solvers:begin -->\n",
            "not alone on its line": "text <!-- compare-solvers:begin -->\n<!-- compare-solvers:end -->\n",
        }
        for label, text in cases.items():
            with self.subTest(label), self.assertRaises(benchlib.SectionError):
                benchlib.replace_section(text, "compare-solvers", TABLE)

    def test_refuses_a_name_that_is_not_a_plain_word(self):
        with self.assertRaises(benchlib.SectionError):
            benchlib.section_markers("a -->")


class UpdateSectionTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory(prefix="benchlib-test-")
        self.addCleanup(self.folder.cleanup)
        self.path = os.path.join(self.folder.name, "README.md")
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(DOCUMENT)
        os.chmod(self.path, 0o640)

    def entries(self):
        return sorted(os.listdir(self.folder.name))

    def test_rewrites_the_file_in_place_and_leaves_no_temporary_file(self):
        self.assertTrue(benchlib.update_section(self.path, "compare-solvers", TABLE))
        with open(self.path, encoding="utf-8") as f:
            self.assertEqual(f.read(), benchlib.replace_section(DOCUMENT, "compare-solvers", TABLE))
        self.assertEqual(self.entries(), ["README.md"])
        self.assertEqual(stat.S_IMODE(os.stat(self.path).st_mode), 0o640)

    def test_an_unchanged_section_is_not_written(self):
        benchlib.update_section(self.path, "compare-solvers", TABLE)
        before = os.stat(self.path).st_ino
        self.assertFalse(benchlib.update_section(self.path, "compare-solvers", TABLE))
        self.assertEqual(os.stat(self.path).st_ino, before)

    def test_a_file_without_markers_is_left_alone(self):
        with open(self.path, "w", encoding="utf-8") as f:
            f.write("no markers\n")
        with self.assertRaises(benchlib.SectionError):
            benchlib.update_section(self.path, "compare-solvers", TABLE)
        with open(self.path, encoding="utf-8") as f:
            self.assertEqual(f.read(), "no markers\n")
        self.assertEqual(self.entries(), ["README.md"])

    def test_never_writes_through_a_symbolic_link_or_into_a_folder(self):
        link = os.path.join(self.folder.name, "link.md")
        os.symlink(self.path, link)
        folder = os.path.join(self.folder.name, "folder.md")
        os.mkdir(folder)
        for target in (link, folder):
            with self.subTest(target), self.assertRaises(benchlib.SectionError):
                benchlib.update_section(target, "compare-solvers", TABLE)
        self.assertTrue(os.path.islink(link))
        with open(self.path, encoding="utf-8") as f:
            self.assertEqual(f.read(), DOCUMENT)
        self.assertEqual(self.entries(), ["README.md", "folder.md", "link.md"])

    def test_write_markdown_heads_the_block_with_the_command(self):
        args = argparse.Namespace(markdown_out=[self.path], section="compare-solvers")
        command = benchlib.command_line(
            "compare-solvers", ["--sizes", "S", "--markdown-out", self.path, "--section=compare-solvers",
                                "--work", "/tmp/x", "--files", "a b.yaml"])
        self.assertEqual(command, "Benchmarks/scripts/compare-solvers --sizes S --files 'a b.yaml'")
        with contextlib.redirect_stderr(io.StringIO()):
            benchlib.write_markdown(args, command, TABLE)
        with open(self.path, encoding="utf-8") as f:
            text = f.read()
        block = text.split("<!-- compare-solvers:begin -->\n")[1].split("<!-- compare-solvers:end -->")[0]
        lines = block.splitlines()
        self.assertTrue(lines[0].startswith("<!-- Written by Benchmarks/scripts/compare-solvers --markdown-out"))
        self.assertTrue(lines[1].startswith("`Benchmarks/scripts/compare-solvers --sizes S --files 'a b.yaml'`"))
        self.assertEqual("\n".join(lines[3:]), TABLE)
        self.assertTrue(text.endswith("Prose after, kept.\n"))


class DocumentationSectionsTests(unittest.TestCase):
    """The checked-in documents hold well-formed sections for the scripts to rewrite."""

    def test_the_documents_have_their_sections(self):
        expected = {
            "Benchmarks/README.md": ["compare-solvers", "scaling-table"],
            "docs/benchmarks.md": ["compare-solvers"],
        }
        for relative, names in expected.items():
            text = benchlib.read_regular(os.path.join(benchlib.ROOT, relative))
            for name in names:
                with self.subTest(f"{relative} {name}"):
                    benchlib.replace_section(text, name, "")


if __name__ == "__main__":
    unittest.main()
