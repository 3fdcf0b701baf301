"""The narrative page (LKjIP §3.2): per program and year, keberhasilan, hambatan and saran — one form for the
whole page, so text typed under one program is never lost when another is saved."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from renja.views import HalamanIsian, isian_views
from wilayah.akses import LIHAT, akses_kecamatan

from . import services
from .forms import NarasiProgramForm, PegawaiForm, TujuanForm
from .selectors import NarasiBaris, narasi_daftar
from .services import BIDANG_NARASI, IsianNarasi, KonflikNarasi, narasi_program_simpan_semua, narasi_versi


def _halaman(
    request: HttpRequest,
    kecamatan,
    tahun: int,
    daftar: list[NarasiBaris] | None = None,
    terkirim: dict[int, NarasiProgramForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The page; ``terkirim`` are the forms as sent (shown again with what the user typed)."""
    terkirim = terkirim or {}
    daftar = narasi_daftar(kecamatan, tahun) if daftar is None else daftar
    baris = [
        (
            d,
            terkirim.get(d.program.node.pk)
            or NarasiProgramForm(instance=d.narasi, prefix=f"p{d.program.node.pk}"),
        )
        for d in daftar
    ]
    return render(
        request,
        "lkjip/narasi.html",
        {"kecamatan": kecamatan, "tahun": tahun, "baris": baris},
        status=status,
    )


@akses_kecamatan(LIHAT)
@require_GET
def narasi(request: HttpRequest, kecamatan, tahun: int) -> HttpResponse:
    return _halaman(request, kecamatan, tahun)


@akses_kecamatan("lkjip.ubah_narasi")
@require_POST
def narasi_simpan(request: HttpRequest, kecamatan, tahun: int) -> HttpResponse:
    """Save every program's narrative sent by the page's one form (only the changed ones are written)."""
    daftar = narasi_daftar(kecamatan, tahun)
    program = {d.program.node.pk: d.program.node for d in daftar}
    forms = {
        pk: NarasiProgramForm(request.POST, prefix=f"p{pk}")
        for pk in program
        if any(f"p{pk}-{k}" in request.POST for k in BIDANG_NARASI)
    }
    if not forms:
        messages.error(request, "Tidak ada narasi program yang dikirim.")
        return _halaman(request, kecamatan, tahun, daftar, status=400)
    if not all(f.is_valid() for f in forms.values()):
        messages.error(request, "Periksa isian yang ditandai; belum ada narasi yang disimpan.")
        return _halaman(request, kecamatan, tahun, daftar, forms, status=400)
    isian = [
        IsianNarasi(
            program=program[pk],
            teks={k: f.cleaned_data[k] for k in BIDANG_NARASI},
            versi=f.cleaned_data["versi"] or narasi_versi(None),
        )
        for pk, f in forms.items()
    ]
    try:
        ditulis = narasi_program_simpan_semua(kecamatan, tahun, isian, user=request.user)
    except KonflikNarasi as exc:
        for pk, sekarang in exc.sekarang.items():
            data = forms[pk].data.copy()  # what the user typed stays; the next save overwrites knowingly
            data[f"p{pk}-versi"] = narasi_versi(sekarang)
            forms[pk] = NarasiProgramForm(data, prefix=f"p{pk}")
            forms[pk].is_valid()
            forms[pk].sekarang = sekarang or {k: "" for k in BIDANG_NARASI}
            forms[pk].add_error(None, "Narasi program ini baru saja diubah pengguna lain.")
        messages.error(request, str(exc))
        return _halaman(request, kecamatan, tahun, daftar, forms, status=409)
    if ditulis:
        nama = ", ".join(n.nomenklatur.kode for n in ditulis)
        messages.success(request, f"Narasi tahun {tahun} tersimpan ({len(ditulis)} program: {nama}).")
    else:
        messages.info(request, "Tidak ada perubahan narasi.")
    return redirect(reverse("lkjip:narasi", kwargs={"kode": kecamatan.kode, "tahun": tahun}))


# The staff list of the year (Tabel 1.2), on the pattern of renja's usulan page.
PEGAWAI = HalamanIsian(
    jenis=services.PEGAWAI,
    form=PegawaiForm,
    url="lkjip:pegawai",
    judul="Daftar pegawai",
    penjelasan=(
        "Daftar klasifikasi PNS (LKjIP Tabel 1.2); kondisi SDM (Tabel 1.3) dan struktur organisasi dihitung "
        "darinya. Pangkat/golongan ditulis seperti IV/b, eselon seperti IV.a (kosong = non eselon)."
    ),
    kolom=("urutan", "nama", "nip", "pangkat_golongan", "jabatan", "pendidikan", "eselon", "kelurahan"),
    terkait=("kelurahan",),
    label=lambda p: f"Pegawai '{p.nama}'",
    laporan=("lkjip-1.2", "lkjip-1.3"),
)
pegawai_views = isian_views(PEGAWAI)

# The Renstra's tujuan of the year (Renja §3.3), first rows of the keterkaitan table.
TUJUAN = HalamanIsian(
    jenis=services.TUJUAN,
    form=TujuanForm,
    url="lkjip:tujuan",
    judul="Tujuan Renstra",
    penjelasan=(
        "Tujuan Renstra dengan indikator dan rumusnya: baris pertama tabel rumusan dan definisi operasional "
        "indikator Renja (BAB III). Sasaran strategis dikaitkan ke tujuannya oleh admin (data induk sasaran)."
    ),
    kolom=("urutan", "uraian", "indikator", "satuan", "rumus", "keterangan"),
    terkait=(),
    label=lambda t: f"Tujuan '{t.uraian}'",
    laporan=("renja-rumusan-indikator",),
)
tujuan_views = isian_views(TUJUAN)
