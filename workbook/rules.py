"""Who may import workbooks (no object: the workbook spans kecamatan)."""

from __future__ import annotations

import rules

from wilayah.rules import adalah_bappeda

#: Import a workbook from the web page: Admin Bappeda.
rules.add_perm("workbook.impor", adalah_bappeda)
