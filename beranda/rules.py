"""What a home page shows whom (object: the Kecamatan, where there is one)."""

from __future__ import annotations

import rules

from wilayah.rules import adalah_bappeda, adalah_pimpinan, staf_kecamatan

#: The kecamatan's own year (quarters, rows needing attention, documents): its operator and camat.
rules.add_perm("beranda.ringkasan_kecamatan", staf_kecamatan)
#: Every kecamatan of the city side by side, with open catatan across kecamatan: Admin Bappeda and pimpinan.
rules.add_perm("beranda.ringkasan_kota", adalah_bappeda | adalah_pimpinan)
