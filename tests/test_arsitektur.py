"""The layout rules a newcomer can rerun: one-way app dependencies and no reaching into another app's
private modules. The layer contract itself is import-linter's (``lint-imports``, run by .ci/run)."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
APPS = ("core", "antrean", "wilayah", "kabar", "renja", "lkjip", "dokumen", "workbook", "beranda")


def _impor(path: Path):
    pohon = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(pohon):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module, [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            for a in node.names:
                yield a.name, []


def _berkas():
    for app in APPS:
        yield from (p for p in (REPO / app).rglob("*.py") if "migrations" not in p.parts)


def test_tidak_ada_modul_privat_aplikasi_lain_yang_diimpor():
    pelanggaran = []
    for path in _berkas():
        app = path.relative_to(REPO).parts[0]
        for modul, nama in _impor(path):
            bagian = modul.split(".")
            if bagian[0] not in APPS or bagian[0] == app:
                continue
            privat = [b for b in bagian[1:] if b.startswith("_") and not b.startswith("__")]
            privat += [n for n in nama if n.startswith("_") and not n.startswith("__")]
            if privat:
                pelanggaran.append(f"{path.relative_to(REPO)}: {modul} {privat}")
    assert pelanggaran == []


def test_core_tidak_mengenal_model_aplikasi():
    """core/ is what every app stands on: it imports none of them."""
    salah = [
        f"{p.relative_to(REPO)}: {m}"
        for p in (REPO / "core").rglob("*.py")
        for m, _ in _impor(p)
        if m.split(".")[0] in APPS and m.split(".")[0] != "core"
    ]
    assert salah == []


@pytest.mark.skipif(
    not (Path(sys.executable).parent / "lint-imports").exists(), reason="import-linter not installed"
)
def test_kontrak_lapisan_import_linter_terpenuhi():
    hasil = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "1 kept, 0 broken" in hasil.stdout
