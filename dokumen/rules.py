"""Who may do what with a kecamatan's Renja/LKjIP document (object: the Kecamatan)."""

from __future__ import annotations

import rules

from wilayah.rules import adalah_bappeda, boleh_ubah, camat_kecamatan, operator_kecamatan

#: Write the document's narrative: Bappeda and the kecamatan's own staff.
rules.add_perm("dokumen.ubah_narasi", boleh_ubah)
#: Submit the document to the camat: the operator of that kecamatan.
rules.add_perm("dokumen.ajukan", operator_kecamatan)
#: Approve (and sign) or send back a submitted document: the camat of that kecamatan.
rules.add_perm("dokumen.setujui", camat_kecamatan)
rules.add_perm("dokumen.kembalikan", camat_kecamatan)
#: Open a new revision of an approved document: Admin Bappeda.
rules.add_perm("dokumen.buka_revisi", adalah_bappeda)
#: Render an approved revision's signed PDF again when its job failed: the camat who approves, or Bappeda.
rules.add_perm("dokumen.cetak_ulang", camat_kecamatan | adalah_bappeda)
#: Print every kecamatan's documents at once (cetak massal) and see the batches: Admin Bappeda.
rules.add_perm("dokumen.cetak_massal", adalah_bappeda)
