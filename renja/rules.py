"""Who may do what with realisasi, keterangan, bukti dukung and catatan verifikator (object: the Kecamatan)."""

from __future__ import annotations

import rules

from wilayah.rules import adalah_bappeda, boleh_ubah, camat_kecamatan, staf_kecamatan

#: Enter realisasi Rp and indicator values, and keterangan: Bappeda and the kecamatan's own staff.
rules.add_perm("renja.ubah_realisasi", boleh_ubah)
#: Close a quarter: the camat of that kecamatan.
rules.add_perm("renja.tutup_triwulan", camat_kecamatan)
#: Write a catatan verifikator: Admin Bappeda.
rules.add_perm("renja.tulis_catatan_verifikator", adalah_bappeda)
#: Answer a catatan verifikator: the kecamatan's own staff.
rules.add_perm("renja.jawab_catatan", staf_kecamatan)
#: Upload and delete bukti dukung: Bappeda and the kecamatan's own staff.
rules.add_perm("renja.unggah_bukti", boleh_ubah)
#: Enter belanja tidak langsung (spending outside the program tree): Bappeda and the kecamatan's own staff.
rules.add_perm("renja.ubah_belanja", boleh_ubah)
#: Enter usulan masyarakat (Tabel 2.5/4.3) and prioritas (BAB IV): Bappeda and the kecamatan's own staff.
rules.add_perm("renja.ubah_usulan", boleh_ubah)
