"""The layout shows the pipeline: lib's folders in the order data flows, imports only downward, no Streamlit."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

LIB = Path(__file__).resolve().parent.parent / "lib"
LAYERS = ["core", "reading", "areas", "themes", "wijken", "advice", "present", "report"]
"""Bottom to top; modules directly in lib/ (pipeline, sample, cli) are the top and may import anything."""


def layer_of(module: str) -> int:
    parts = module.split(".")
    if parts[0] != "lib":
        raise ValueError(module)
    if len(parts) >= 2 and parts[1] in LAYERS:
        return LAYERS.index(parts[1])
    return len(LAYERS)  # lib.pipeline, lib.sample, lib.cli, lib (the package)


def lib_modules() -> list[Path]:
    return sorted(p for p in LIB.rglob("*.py") if "data" not in p.relative_to(LIB).parts)


def imports_of(path: Path) -> list[tuple[int, str]]:
    """Every ``import``/``from`` in the file (also inside functions), as absolute module names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(("lib",) + path.relative_to(LIB).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                found.append((node.lineno, ".".join(base + ([node.module] if node.module else []))))
            else:
                found.append((node.lineno, node.module or ""))
    return found


def test_every_lib_folder_is_a_known_layer():
    folders = {p.name for p in LIB.iterdir() if p.is_dir() and p.name not in {"data", "__pycache__"}}
    assert folders <= set(LAYERS), f"add {folders - set(LAYERS)} to LAYERS in the order data flows"


@pytest.mark.parametrize("path", lib_modules(), ids=lambda p: str(p.relative_to(LIB)))
def test_lib_imports_only_downward_and_never_streamlit(path):
    module = ".".join(("lib",) + path.relative_to(LIB).with_suffix("").parts).removesuffix(".__init__")
    own = layer_of(module)
    for line, name in imports_of(path):
        assert not name.split(".")[0] == "streamlit", f"{path.name}:{line} imports streamlit: lib must run without it"
        if name == "lib" or name.startswith("lib."):
            assert layer_of(name) <= own, f"{module}:{line} imports {name}, a layer above it"


def test_the_check_itself_catches_an_upward_import(tmp_path):
    assert layer_of("lib.core.store") < layer_of("lib.reading.readers") < layer_of("lib.present.charts") < layer_of("lib.pipeline")
    bad = LIB / "core" / "_probe_upward.py"
    try:
        bad.write_text("def f():\n    from lib.wijken.rules import is_tiny\n")
        with pytest.raises(AssertionError):
            test_lib_imports_only_downward_and_never_streamlit(bad)
    finally:
        bad.unlink()
