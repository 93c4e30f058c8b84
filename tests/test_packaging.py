"""`pip install .` gives one package, `vnplan`: the card's folders (`extract/`, `models/`) never land
in site-packages under their own names, and the installed package carries its data files."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from conftest import CORPUS, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out), str(ROOT)],
                           capture_output=True, timeout=300)
    if built.returncode != 0 and b"bdist_wheel" in built.stderr:
        pytest.skip("the `wheel` package is not installed (it is in the test extra)")
    assert built.returncode == 0, built.stderr.decode()[-2000:]
    return next(out.glob("vnplan-*.whl"))


def test_the_wheel_holds_only_vnplan_with_its_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")} == {"vnplan"}
    for data in ("vnplan/repair/data/lm.npz", "vnplan/lexicon/sections.yaml", "vnplan/lexicon/entities/references.yaml",
                 "vnplan/data/glyphs_times.json", "vnplan/models/plan-document.schema.json", "vnplan/compare/data/national.yaml"):
        assert data in names, data
    assert not any(n.startswith(("extract/", "models/", "tests/")) for n in names)
    assert "vnplan/synth.py" not in names  # the test renderer stays out of the runtime package


def test_the_installed_package_imports_as_vnplan_and_runs(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]); import vnplan, vnplan.models; "
        "assert vnplan.__file__.startswith(sys.argv[1]), vnplan.__file__; "
        "from vnplan.pipeline import run; d = run(sys.argv[2]); "
        "assert isinstance(d, vnplan.models.PlanDocument) and d.legal_references; "
        "import importlib.util; print(importlib.util.find_spec('extract'), importlib.util.find_spec('models'))"
    )
    # -I: isolated, so neither the project folder nor PYTHONPATH is on the path
    result = subprocess.run([sys.executable, "-I", "-c", probe, str(site), str(CORPUS / "004_771e3ed1f471eaca.txt")],
                            capture_output=True, cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert result.stdout.decode().split() == ["None", "None"]
