import io
from pathlib import Path

import pytest
from openpyxl import Workbook

REPO = Path(__file__).resolve().parent.parent


def buat_xlsx(sheets: dict[str, list[list]], path: Path | None = None) -> Path | bytes:
    """A workbook from {sheet: [header, row, row, ...]}; returns the path written, or the bytes."""
    wb = Workbook()
    wb.remove(wb.active)
    for nama, rows in sheets.items():
        ws = wb.create_sheet(nama)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    if path is None:
        return buf.getvalue()
    path.write_bytes(buf.getvalue())
    return path


@pytest.fixture
def xlsx(tmp_path):
    """Write a workbook in a temp dir: xlsx({"wilayah": [[...header...], [...row...]]}) -> path."""
    n = 0

    def _buat(sheets: dict[str, list[list]], nama: str | None = None) -> Path:
        nonlocal n
        n += 1
        return buat_xlsx(sheets, tmp_path / (nama or f"wb{n}.xlsx"))

    return _buat
