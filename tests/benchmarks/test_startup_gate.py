"""Gate on start-up (benchmarks/startup.py): `checker --help` and `checker validate` import no
third-party package (no lxml, bs4, yaml, requests...), read from `python -X importtime`. Not timed."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from support import ROOT


def load_benchmark():
    spec = importlib.util.spec_from_file_location("benchmarks_startup", ROOT / "benchmarks" / "startup.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


startup = load_benchmark()


@pytest.mark.parametrize("arguments", [("--help",), ("validate", "claims.csv")])
def test_command_imports_no_third_party_package(arguments):
    imports = startup.imports_of((sys.executable, "-m", "checker", *arguments))
    assert any(found.name == "checker.cli" for found in imports)
    assert startup.third_party(imports) == []


def test_verify_needs_the_http_stack_and_the_list_shows_it():
    imports = startup.imports_of((sys.executable, "-c", "import requests"))
    assert "requests" in startup.third_party(imports)


def test_importtime_lines_are_read():
    stderr = ("import time: self [us] | cumulative | imported package\n"
              "import time:       270 |        270 |   checker.errors\n"
              "import time:      9801 |      29437 | checker.cli\n")
    assert startup.parse_importtime(stderr) == [startup.Import("checker.errors", 270, 270),
                                                startup.Import("checker.cli", 9801, 29437)]
