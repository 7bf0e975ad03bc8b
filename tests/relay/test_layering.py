"""The packages' arrows point one way: relay → payouts → commissions → notifications → referral →
accounts → core.

Every module's imports (at the top, inside functions, under TYPE_CHECKING alike) are read from
its source; a module may import its own package and packages to its right, never one to its left.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: Left to right: each package may import only itself and the packages after it.
ARROWS = ("relay", "payouts", "commissions", "notifications", "referral", "accounts", "core")


def imported_packages(source: str) -> set[str]:
    """The top-level names a module's source imports (relative imports stay in the package)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def leftward_imports(package: str, source: str) -> set[str]:
    """The packages to the left of `package` that `source` imports."""
    return imported_packages(source) & set(ARROWS[: ARROWS.index(package)])


def test_a_leftward_import_is_found():
    assert leftward_imports("referral", "from commissions.service import earning\nimport core.db\n") == {"commissions"}
    assert leftward_imports("accounts", "def f():\n    from referral.service.partners import get_partner\n") == {
        "referral"
    }
    assert leftward_imports("payouts", "from commissions.models import Commission\nfrom accounts import models\n") == set()


@pytest.mark.parametrize("package", ARROWS)
def test_no_module_imports_a_package_to_its_left(package):
    modules = sorted((ROOT / package).rglob("*.py"))
    assert modules, f"no modules found under {package}/"
    wrong = {
        str(path.relative_to(ROOT)): sorted(bad)
        for path in modules
        if (bad := leftward_imports(package, path.read_text(encoding="utf-8")))
    }
    assert wrong == {}


# --- a new order's writes: what to write is the domains', how to write it relay's -----------------------

#: The domains: each one's use case for a new order returns the rows it would write (`core.write_plan`).
DOMAINS = ("payouts", "commissions", "referral", "accounts")
#: What decides how (or whether) writes run: only relay/ may use it (relay/pipeline.py). A context
#: variable would be a hidden switch; `core.write_batch` was one, and stays refused.
HOW_TO_WRITE = {"core.plan_writer", "core.write_batch", "contextvars"}


def imported_modules(source: str) -> set[str]:
    """The modules a source imports, by full name (``from core import plan_writer`` counts as
    ``core.plan_writer``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_a_module_deciding_how_to_write_is_found():
    assert imported_modules("from core import plan_writer\n") & HOW_TO_WRITE == {"core.plan_writer"}
    assert imported_modules("def f():\n    import contextvars\n") & HOW_TO_WRITE == {"contextvars"}
    assert imported_modules("from core.write_plan import Insert, Rows\n") & HOW_TO_WRITE == set()


@pytest.mark.parametrize("package", DOMAINS)
def test_no_domain_module_decides_how_its_writes_run(package):
    wrong = {
        str(path.relative_to(ROOT)): sorted(bad)
        for path in sorted((ROOT / package).rglob("*.py"))
        if (bad := imported_modules(path.read_text(encoding="utf-8")) & HOW_TO_WRITE)
    }
    assert wrong == {}
