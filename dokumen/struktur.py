"""The chapters of each document, where each report table stands, and the default narrative text.

Defaults are modelled on the seed documents (Renja Kecamatan Serang 2022, LKjIP Kecamatan Walantaka 2020)
and filled with the kecamatan's own names and years; a kecamatan edits them in the browser. Placeholders:
{kecamatan} (e.g. "Kecamatan Walantaka"), {kota}, {tahun}, {tahun_lalu} (N−1), {tahun_evaluasi} (N−2),
{tahun_depan} (N+1).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dokumen.models import JenisDokumen


@dataclass(frozen=True)
class Bagian:
    kunci: str
    nomor: str
    judul: str
    bawaan: str = ""
    laporan: tuple[str, ...] = ()  # report slugs printed after the text, in order


@dataclass(frozen=True)
class Bab:
    nomor: str
    judul: str
    bagian: tuple[Bagian, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Struktur:
    jenis: str
    judul: str  # "RENCANA KERJA", "LAPORAN KINERJA INSTANSI PEMERINTAH"
    singkatan: str
    kata_pengantar: str
    bab: tuple[Bab, ...]

    def semua_bagian(self) -> list[Bagian]:
        return [b for bab in self.bab for b in bab.bagian]


KATA_PENGANTAR_RENJA = """Puji syukur kami panjatkan ke hadirat Allah SWT, karena berkat karunia-Nya tim penyusun Rencana Kerja {kecamatan} Pemerintah {kota} telah dapat menyelesaikan Rencana Kerja {kecamatan} Tahun {tahun}.

Rencana kerja ini memuat evaluasi pelaksanaan rencana kerja tahun lalu, tujuan dan sasaran, serta program, kegiatan dan sub kegiatan yang akan dilaksanakan pada tahun {tahun} beserta pendanaannya, yang terhubung langsung dengan tujuan strategis {kecamatan}.

Kami menyadari Rencana Kerja ini masih memiliki kekurangan. Kami berharap dokumen ini dapat menjadi pedoman bagi {kecamatan} maupun pihak lain yang memerlukannya."""

KATA_PENGANTAR_LKJIP = """Puji syukur kami panjatkan ke hadirat Allah SWT, karena atas rahmat-Nya Laporan Kinerja Instansi Pemerintah (LKjIP) {kecamatan} Tahun {tahun} dapat diselesaikan.

LKjIP {kecamatan} Tahun {tahun} merupakan media pertanggungjawaban kinerja atas komitmen dalam Perjanjian Kinerja Tahun {tahun}, sebagai perwujudan penyelenggaraan pemerintahan yang transparan dan akuntabel.

Kami menyadari laporan ini masih memiliki kekurangan. Saran dan masukan sangat kami harapkan untuk perbaikan di masa mendatang."""

RENJA = Struktur(
    jenis=JenisDokumen.RENJA,
    judul="RENCANA KERJA",
    singkatan="Renja",
    kata_pengantar=KATA_PENGANTAR_RENJA,
    bab=(
        Bab(
            "BAB I",
            "PENDAHULUAN",
            (
                Bagian(
                    "bab1.latar_belakang",
                    "1.1",
                    "Latar Belakang",
                    "Sesuai dengan ketentuan Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional dan Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah, Pemerintah Daerah menyusun Rencana Kerja Pemerintah Daerah (RKPD) sebagai dokumen perencanaan untuk periode 1 (satu) tahun yang menjadi acuan penyusunan Rencana Kerja Perangkat Daerah (Renja PD).\n\n"
                    "{kecamatan} sebagai Perangkat Daerah di lingkungan Pemerintah {kota} wajib menyusun Renja sebagai dasar dan pedoman pelaksanaan tugas pokok dan fungsinya, dengan prinsip anggaran berbasis kinerja yang berorientasi pada hasil.\n\n"
                    "Kegiatan yang akan dilaksanakan pada tahun {tahun} merupakan kegiatan strategis yang menunjang pembangunan di bidang pemerintahan, kesejahteraan sosial, infrastruktur dan pemberdayaan masyarakat.",
                ),
                Bagian(
                    "bab1.landasan_hukum",
                    "1.2",
                    "Landasan Hukum",
                    "1. Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional;\n"
                    "2. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;\n"
                    "3. Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan;\n"
                    "4. Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah;\n"
                    "5. Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi, Kodefikasi, dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah;\n"
                    "6. RKPD {kota} Tahun {tahun}.",
                ),
                Bagian(
                    "bab1.maksud_tujuan",
                    "1.3",
                    "Maksud dan Tujuan",
                    "Maksud penyusunan Rencana Kerja {kecamatan} Tahun {tahun} adalah memberikan arahan penyelenggaraan pemerintahan dan pembangunan di {kecamatan} tahun {tahun}, serta menjadi pedoman penyusunan RKA dan DPA Tahun {tahun}.\n\n"
                    "Tujuannya adalah menyelaraskan program dan kegiatan {kecamatan} Tahun {tahun} dengan target dan sasaran pembangunan daerah dalam RKPD {kota} Tahun {tahun}, dan menjadi acuan evaluasi pelaksanaannya.",
                ),
                Bagian(
                    "bab1.sistematika",
                    "1.4",
                    "Sistematika Penulisan",
                    "BAB I Pendahuluan; BAB II Evaluasi Pelaksanaan Renja Perangkat Daerah Tahun Lalu; BAB III Tujuan dan Sasaran Perangkat Daerah; BAB IV Rencana Kerja dan Pendanaan Perangkat Daerah; BAB V Penutup.",
                ),
            ),
        ),
        Bab(
            "BAB II",
            "EVALUASI PELAKSANAAN RENJA PERANGKAT DAERAH TAHUN LALU",
            (
                Bagian(
                    "bab2.evaluasi",
                    "2.1",
                    "Evaluasi Pelaksanaan Renja Perangkat Daerah Tahun Lalu dan Capaian Renstra",
                    "Evaluasi pelaksanaan Renja {kecamatan} tahun {tahun_evaluasi} dan capaian Renstra sampai dengan tahun berjalan disajikan pada Tabel 2.1. Seluruh jumlah dan persentase dihitung dari data realisasi yang tercatat.",
                    laporan=("renja-2.1",),
                ),
                Bagian(
                    "bab2.kinerja_pelayanan",
                    "2.2",
                    "Analisis Kinerja Pelayanan Perangkat Daerah",
                    "Kinerja pelayanan {kecamatan} diukur berdasarkan kewenangan yang sesuai dengan tugas pokok dan fungsi kecamatan: penyelenggaraan pemerintahan, pelayanan publik, dan pemberdayaan masyarakat kelurahan.",
                ),
                Bagian(
                    "bab2.isu_penting",
                    "2.3",
                    "Isu-Isu Penting Penyelenggaraan Tugas dan Fungsi Perangkat Daerah",
                    "Isu penting penyelenggaraan tugas dan fungsi {kecamatan} berkaitan dengan peningkatan kualitas pelayanan publik di kecamatan dan kelurahan serta kesiapan sumber daya aparatur.",
                ),
                Bagian(
                    "bab2.review_rkpd",
                    "2.4",
                    "Review terhadap Rancangan Awal RKPD",
                    "Hasil review terhadap Rancangan Awal RKPD {kota} Tahun {tahun} dibandingkan dengan hasil analisis kebutuhan {kecamatan} disajikan pada Tabel 2.4.",
                    laporan=("renja-2.4",),
                ),
                Bagian(
                    "bab2.usulan_masyarakat",
                    "2.5",
                    "Penelaahan Usulan Program dan Kegiatan Masyarakat",
                    "Usulan program dan kegiatan masyarakat dijaring melalui musrenbang tingkat kelurahan dan kecamatan untuk perencanaan tahun {tahun}.",
                ),
            ),
        ),
        Bab(
            "BAB III",
            "TUJUAN DAN SASARAN PERANGKAT DAERAH",
            (
                Bagian(
                    "bab3.kebijakan_nasional",
                    "3.1",
                    "Telaahan terhadap Kebijakan Nasional",
                    "Penyusunan Renja {kecamatan} memperhatikan kebijakan nasional dan provinsi serta Rencana Pembangunan Jangka Menengah Daerah {kota}.",
                ),
                Bagian(
                    "bab3.tujuan_sasaran",
                    "3.2",
                    "Tujuan dan Sasaran Renja Perangkat Daerah",
                    "Tujuan {kecamatan} adalah meningkatnya tata kelola pemerintahan dan pelayanan publik pada tingkat kecamatan, dengan sasaran meningkatnya akuntabilitas kinerja penyelenggaraan pemerintahan pada tingkat kecamatan.",
                ),
            ),
        ),
        Bab(
            "BAB IV",
            "RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH",
            (
                Bagian(
                    "bab4.rencana",
                    "4.1",
                    "Rencana Program, Kegiatan dan Sub Kegiatan",
                    "Rencana program, kegiatan dan sub kegiatan {kecamatan} tahun {tahun} beserta prakiraan maju tahun {tahun_depan} disajikan pada tabel berikut.",
                    laporan=("renja-rencana",),
                ),
            ),
        ),
        Bab(
            "BAB V",
            "PENUTUP",
            (
                Bagian(
                    "bab5.penutup",
                    "",
                    "",
                    "Rencana Kerja {kecamatan} Tahun {tahun} merupakan dokumen perencanaan yang menjadi pedoman penyusunan Rencana Kerja dan Anggaran Tahun {tahun}. Apabila terjadi rasionalisasi anggaran, akan dilakukan penyesuaian berupa penundaan program dan kegiatan yang prioritasnya lebih rendah dan penyesuaian target capaian kinerja.",
                ),
            ),
        ),
    ),
)

LKJIP = Struktur(
    jenis=JenisDokumen.LKJIP,
    judul="LAPORAN KINERJA INSTANSI PEMERINTAH",
    singkatan="LKjIP",
    kata_pengantar=KATA_PENGANTAR_LKJIP,
    bab=(
        Bab(
            "BAB I",
            "PENDAHULUAN",
            (
                Bagian(
                    "bab1.latar_belakang",
                    "1.1",
                    "Latar Belakang",
                    "Laporan Kinerja Instansi Pemerintah (LKjIP) {kecamatan} tahun {tahun} merupakan media pertanggungjawaban kinerja atas komitmen dalam Perjanjian Kinerja Tahun {tahun}, sebagai perwujudan penyelenggaraan pemerintahan yang transparan dan akuntabel, dengan mengacu pada Dokumen Pelaksanaan Anggaran Tahun {tahun}.",
                ),
                Bagian(
                    "bab1.landasan_hukum",
                    "1.2",
                    "Landasan Hukum",
                    "1. Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;\n"
                    "2. Peraturan Menteri PAN-RB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah;\n"
                    "3. Peraturan Menteri PAN-RB Nomor 12 Tahun 2015 tentang Pedoman Evaluasi atas Implementasi SAKIP.",
                ),
                Bagian(
                    "bab1.gambaran_umum",
                    "1.3",
                    "Gambaran Umum",
                    "{kecamatan} merupakan salah satu kecamatan di {kota}. Data kelurahan beserta jumlah RT dan RW disajikan pada Tabel 1.1.\n\n"
                    "Nama dan NIP, kualifikasi pendidikan, golongan dan jabatan aparatur {kecamatan} disajikan pada Tabel 1.2, susunan organisasinya pada Gambar 1.1, dan kondisi SDM aparatur berdasarkan pendidikan, pangkat dan eselon pada Tabel 1.3.",
                    laporan=("lkjip-1.1", "lkjip-1.2", "lkjip-1.3"),
                ),
            ),
        ),
        Bab(
            "BAB II",
            "PERENCANAAN KINERJA",
            (
                Bagian(
                    "bab2.perjanjian_kinerja",
                    "2.1",
                    "Perjanjian Kinerja",
                    "Perjanjian Kinerja {kecamatan} Tahun {tahun} memuat sasaran strategis, indikator kinerja dan targetnya sebagai berikut.",
                    laporan=("lkjip-2.1",),
                ),
                Bagian(
                    "bab2.program_pagu",
                    "2.2",
                    "Program Kegiatan dan Pagu Anggaran",
                    "Program dan kegiatan prioritas Tahun {tahun} beserta pagu anggarannya disajikan pada Tabel 2.2.",
                    laporan=("lkjip-2.2",),
                ),
            ),
        ),
        Bab(
            "BAB III",
            "AKUNTABILITAS KINERJA",
            (
                Bagian(
                    "bab3.pengukuran",
                    "3.1",
                    "Pengukuran Capaian Kinerja",
                    "Pengukuran tingkat capaian kinerja dilakukan dengan membandingkan target indikator kinerja yang telah ditetapkan dengan realisasinya.",
                    laporan=("lkjip-3.1",),
                ),
                Bagian(
                    "bab3.evaluasi",
                    "3.2",
                    "Evaluasi dan Analisis Capaian Kinerja",
                    "Realisasi capaian kinerja dan anggaran tahun {tahun_lalu} dan tahun {tahun} disajikan pada Laporan Rekapitulasi Kemajuan Pelaksanaan Kegiatan berikut; di bawah setiap program tercantum uraian keberhasilan, hambatan dan saran.",
                    laporan=("lkjip-rekap",),
                ),
                Bagian(
                    "bab3.keuangan",
                    "3.3",
                    "Akuntabilitas Keuangan",
                    "Akuntabilitas keuangan menyajikan pagu, realisasi dan sisa anggaran per kelurahan dan untuk kecamatan.",
                    laporan=("lkjip-keuangan",),
                ),
            ),
        ),
        Bab(
            "BAB IV",
            "PENUTUP",
            (
                Bagian(
                    "bab4.kesimpulan",
                    "4.1",
                    "Kesimpulan",
                    "LKjIP {kecamatan} Tahun {tahun} menyajikan capaian kinerja sasaran strategis dan realisasi anggaran. Capaian yang belum memenuhi target menjadi bahan perbaikan perencanaan tahun berikutnya.",
                ),
                Bagian(
                    "bab4.proyeksi",
                    "4.2",
                    "Proyeksi Masa Depan",
                    "{kecamatan} akan terus meningkatkan kualitas pelayanan publik dan akuntabilitas kinerja pada tahun {tahun_depan}.",
                ),
            ),
        ),
    ),
)

STRUKTUR: dict[str, Struktur] = {RENJA.jenis: RENJA, LKJIP.jenis: LKJIP}


def isian(kecamatan, tahun: int) -> dict[str, str]:
    """The placeholder values for a kecamatan and year."""
    return {
        "kecamatan": str(kecamatan),
        "kota": kecamatan.kota.nama,
        "tahun": str(tahun),
        "tahun_lalu": str(tahun - 1),
        "tahun_evaluasi": str(tahun - 2),
        "tahun_depan": str(tahun + 1),
    }


def teks_bawaan(teks: str, kecamatan, tahun: int) -> str:
    return teks.format(**isian(kecamatan, tahun))
