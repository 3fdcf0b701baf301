"""Who may do what on the LKjIP pages (object: the Kecamatan)."""

from __future__ import annotations

import rules

from wilayah.rules import boleh_ubah

#: Write the narrative per program (§3.2): Bappeda and the kecamatan's own staff.
rules.add_perm("lkjip.ubah_narasi", boleh_ubah)
#: Keep the staff list (Tabel 1.2): Bappeda and the kecamatan's own staff.
rules.add_perm("lkjip.ubah_pegawai", boleh_ubah)
#: Write the Renstra's tujuan (Renja §3.3): Bappeda and the kecamatan's own staff.
rules.add_perm("lkjip.ubah_tujuan", boleh_ubah)
