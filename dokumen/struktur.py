"""The chapters of each document, where each report table stands, and the default narrative text.

Headings and numbering follow the seed documents (Renja Kecamatan Serang 2022, LKjIP Kecamatan Walantaka
2020); the default texts are the seeds' own wording where it holds for any kecamatan, with placeholders where
the kecamatan, kota or year differ, and a kecamatan edits them in the browser. Placeholders: {kecamatan}
(e.g. "Kecamatan Walantaka"), {nama_kecamatan} ("Walantaka"), {kota} ("Kota Serang"), {nama_kota}
("Serang"), {kepala_daerah} ("Walikota Serang"), {tahun}, {tahun_lalu} (N−1), {tahun_evaluasi} (N−2),
{tahun_depan} (N+1); in a section written per sasaran indicator also {indikator}.

A section's number also gives its level: "2.1" is a section, "2.1.1" a subsection (both in the daftar isi),
"A." a lettered heading inside a section (not in the daftar isi), "" no heading at all.
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
    #: Written once per indicator of the year's sasaran strategis (LKjIP §3.1.1, §3.1.2, …): the document
    #: holds one section ``<kunci>.<indicator id>``, numbered ``<nomor>.<n>`` and headed by the indicator.
    per_indikator: bool = False

    @property
    def tingkat(self) -> int:
        """2 for "2.1", 3 for "2.1.1", 4 for a lettered heading ("A."), 0 without a heading."""
        if not self.judul:
            return 0
        bagian = self.nomor.rstrip(".").split(".")
        if not all(b.isdigit() for b in bagian):
            return 4
        return max(2, len(bagian))


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
    #: The Keputusan Camat printed before the kata pengantar (Renja): its editable parts, see dokumen/keputusan.py.
    keputusan: tuple[Bagian, ...] = ()

    def semua_bagian(self) -> list[Bagian]:
        """The sections as declared (a ``per_indikator`` section stands for the ones written from data)."""
        return [*self.keputusan, *(b for bab in self.bab for b in bab.bagian)]


KATA_PENGANTAR_RENJA = """Puji syukur kami panjatkan ke hadirat Allah SWT, karena berkat karunia-Nya tim penyusun Rencana Kerja {kecamatan} Pemerintah {kota} telah dapat menyelesaikan Rencana Kerja {kecamatan} Tahun {tahun}.

Rencana kerja ini memuat evaluasi pelaksanaan rencana kerja tahun lalu, tujuan dan sasaran, serta program, kegiatan dan sub kegiatan yang akan dilaksanakan pada tahun {tahun} beserta pendanaannya, yang terhubung langsung dengan tujuan strategis {kecamatan}.

Kami menyadari Rencana Kerja ini masih memiliki kekurangan. Kami berharap dokumen ini dapat menjadi pedoman bagi {kecamatan} maupun pihak lain yang memerlukannya."""

KATA_PENGANTAR_LKJIP = """Puji syukur kami panjatkan ke hadirat Allah SWT, karena atas rahmat-Nya Laporan Kinerja Instansi Pemerintah (LKjIP) {kecamatan} Tahun {tahun} dapat diselesaikan.

LKjIP {kecamatan} Tahun {tahun} merupakan media pertanggungjawaban kinerja atas komitmen dalam Perjanjian Kinerja Tahun {tahun}, sebagai perwujudan penyelenggaraan pemerintahan yang transparan dan akuntabel.

Kami menyadari laporan ini masih memiliki kekurangan. Saran dan masukan sangat kami harapkan untuk perbaikan di masa mendatang."""

# ------------------------------------------------------------------------------------------------------------
# Renja: the Keputusan Camat (seed 000 lines 20-93), in the order it is printed
# ------------------------------------------------------------------------------------------------------------
SK_NOMOR = "800/......./Kec.{nama_kecamatan}/......./{tahun_lalu}"

SK_MENIMBANG = """a. bahwa Rencana Kerja Organisasi Perangkat Daerah (Renja-OPD) memuat arah kebijakan Organisasi Perangkat Daerah selama kurun waktu 1 (satu) Tahun;
b. bahwa Rencana Kerja Organisasi Perangkat Daerah (Renja-SKPD) {kecamatan} {kota} disusun untuk memberikan kepastian kebijakan dalam melaksanakan program dan kegiatan {kecamatan} {kota};
c. bahwa sesuai dengan Pasal 19 Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional, Renstra SKPD ditetapkan dengan peraturan Pimpinan SKPD setelah disesuaikan dengan Rencana Pembangunan Jangka Menengah Daerah (RPJMD);
d. bahwa berdasarkan pertimbangan sebagaimana dimaksud pada huruf a, huruf b dan huruf c perlu menetapkan Surat Keputusan Camat {nama_kecamatan} {kota} tentang Rencana Kerja Organisasi Perangkat Daerah (Renja-OPD) {kecamatan} {kota} Tahun {tahun};"""

SK_MENGINGAT = """a. Undang-Undang Republik Indonesia Nomor 25 Tahun 2004 tentang Perencanaan Pembangunan Nasional;
b. Undang-Undang Republik Indonesia Nomor 33 Tahun 2004 tentang Perimbangan Keuangan antara Pemerintah Pusat dan Pemerintah Daerah (Lembaran Negara Republik Indonesia Nomor 2004 Nomor 126, Tambahan Lembaran Negara Republik Indonesia Nomor 4438);
c. Undang-Undang Republik Indonesia Nomor 17 Tahun 2007 tentang Rencana Pembangunan Jangka Panjang Nasional 2005 – 2025;
d. Undang-Undang Republik Indonesia Nomor 32 Tahun 2007 tentang Pembentukan {kota} di Provinsi Banten;
e. Undang-Undang Republik Indonesia Nomor 43 Tahun 2007 tentang Perpustakaan;
f. Undang-Undang Republik Indonesia Nomor 43 Tahun 2009 tentang Kearsipan;
g. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
h. Peraturan Pemerintah Republik Indonesia Nomor 58 Tahun 2005 tentang Pengelolaan Keuangan Daerah;
i. Peraturan Pemerintah Republik Indonesia Nomor 39 Tahun 2006 tentang Tata Cara Pengendalian dan Evaluasi Pelaksanaan Rencana Pembangunan;
j. Peraturan Pemerintah Republik Indonesia Nomor 38 Tahun 2007 Pembagian Urusan antara Pemerintah, Pemerintah Daerah Provinsi dan Pemerintah Daerah Kabupaten/Kota;
k. Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi, Kodefikasi, dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah;
l. Peraturan Daerah {kota} Nomor 2 Tahun 2012 tentang Penyelenggaraan Kearsipan Daerah;
m. Peraturan Daerah Nomor 7 Tahun 2016 Tentang Pembentukan dan Susunan Perangkat Daerah {kota};
n. Peraturan {kepala_daerah} Nomor 4 Tahun 2019 tentang Penyelenggaraan Perpustakaan;
o. Surat Edaran {kepala_daerah} Nomor 050/322-Bapp/2020 tentang Penyusunan RKPD dan Renja Perangkat Daerah Tahun {tahun_lalu};
p. RPJPD {kota} Tahun 2008-2025;
q. RKPD Provinsi Banten Tahun {tahun};
r. RKPD {kota} Tahun {tahun};"""

SK_DIKTUM = """KESATU : Rencana Kerja {kecamatan} {kota} Tahun {tahun} sebagaimana tercantum dalam lampiran Keputusan ini.
KEDUA : Rencana Kerja {kecamatan} {kota} Tahun {tahun} sebagaimana Diktum KESATU merupakan landasan bagi unit kerja di lingkungan {kecamatan} {kota} dalam melaksanakan Program dan Kegiatan sesuai dengan tugas pokok dan fungsi yang telah ditetapkan.
KETIGA : Rencana Kerja {kecamatan} {kota} Tahun {tahun} dijadikan bahan acuan dalam evaluasi kinerja {kecamatan} {kota}.
KEEMPAT : Rencana Kerja {kecamatan} {kota} Tahun {tahun} sebagaimana tercantum dalam lampiran Surat Keputusan ini merupakan satu kesatuan dan bagian yang tidak terpisahkan dari keputusan ini.
KELIMA : Keputusan ini berlaku sejak tanggal ditetapkan dengan ketentuan apabila dikemudian hari terdapat kekeliruan dalam keputusan ini, akan diadakan perubahan sebagaimana mestinya."""

KEPUTUSAN_RENJA = (
    Bagian("sk.nomor", "", "Keputusan Camat: Nomor", SK_NOMOR),
    Bagian("sk.menimbang", "", "Keputusan Camat: Menimbang", SK_MENIMBANG),
    Bagian("sk.mengingat", "", "Keputusan Camat: Mengingat", SK_MENGINGAT),
    Bagian("sk.diktum", "", "Keputusan Camat: Menetapkan (KESATU … KELIMA)", SK_DIKTUM),
)

# ------------------------------------------------------------------------------------------------------------
# Renja chapters (seed 000: daftar isi lines 108-131)
# ------------------------------------------------------------------------------------------------------------
LANDASAN_HUKUM_RENJA = """Rencana Kerja {kecamatan} Tahun {tahun} ini disusun berlandaskan pada peraturan perundangan sebagai berikut :

1. Undang-Undang Nomor 28 Tahun 1999 tentang Penyelenggaraan Negara yang bersih dan bebas dari Korupsi, Kolusi, dan Nepotisme (Lembara Negara Republik Indonesia Tahun 1999 Nomor 75 Tambahan Lembaran Negara Republik Indonesia Nomor 3851);
2. Undang-Undang Nomor 23 Tahun 2000 tentang Pembentukan Provinsi Banten (Lembaran Negara Republik Indonesia Tahun 2000 Nomor 182, Tambahan Lembaran Negara Republik Indonesia Nomor 4010);
3. Undang-Undang Nomor 33 Tahun 2004 tentang Perimbangan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2004 Nomor 126, Tambahan Lembaran Negara Republik Indonesia Nomor 4438);
4. Undang-Undang Republik Indonesia Nomor 32 Tahun 2007 tentang Pembentukan {kota} di Provinsi Banten (Lembaran Negara Republik Indonesia Tahun 2004 Nomor 98, Tambahan Lembaran Negara Republik Indonesia Nomor 4748);
5. Undang-Undang Nomor 23 Tahun 2014 Tentang Pemerintah Daerah.
6. Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan (Lembar Negara Republik Indonesia Tahun 2014 Nomor 292, Tambahan Lembar Negara Republik Indonesia Nomor 5601)
7. Peraturan Pemerintah Nomor 58 Tahun 2005 tentang Pengelolaan Keuangan Daerah;
8. Peraturan Pemerintah Nomor 71 Tahun 2010 tentang Standar Akuntansi Pemerintah.
9. Peraturan Presiden Republik Indonesia Nomor 16 Tahun 2021 tentang Pengadaan Barang/ Jasa Pemerintah.
10. Peraturan Menteri Dalam Negeri Nomor 13 Tahun 2006 tentang Pedoman Pengelolaan Keuangan Daerah sebagaimana telah diubah dengan Peraturan Menteri Dalam Negeri Nomor 21 Tahun 2011 tentang Perubahan Kedua Atas Peraturan Menteri Dalam Negeri Nomor 13 Tahun 2006 tentang Pedoman Pengelolaan Keuangan Daerah
11. Peraturan Daerah {kota} Nomor 2 Tahun 2008 tentang Rencana Pembangunan Jangka Panjang Daerah 2008-2025;
12. Peraturan Daerah {kota} Nomor 3 Tahun 2019 tentang Rencana Pembangunan Jangka Menengah Daerah (RPJMD) Tahun 2019-2023 (Lembaran Daerah {kota} Tahun 2019 Nomor 3);
13. Peraturan Walikota No 27 Tahun 2017 tentang Tugas Pokok dan Fungsi {kecamatan};
14. Peraturan {kepala_daerah} Nomor 75 Tahun {tahun_lalu} tentang Rencana Kerja Pemerintah {kota} Tahun {tahun}
15. Surat Edaran Walikota Nomor 050/ -Bapp/{tahun_lalu} tentang Penyusunan RKPD dan Renja OPD Tahun {tahun}."""

SISTEMATIKA_RENJA = """Rencana Kerja {kecamatan} Tahun {tahun} disusun dengan sistematika penulisan sebagai berikut :

BAB I PENDAHULUAN: Latar Belakang; Landasan Hukum; Maksud dan Tujuan; Sistematika Penulisan.

BAB II EVALUASI PELAKSANAAN RENJA OPD TAHUN LALU: Evaluasi Pelaksanaan Renja OPD Tahun Lalu dan capaian Renstra OPD; Analisis Kinerja Pelayanan OPD; Isu-Isu Penting Penyelenggaraan Tugas dan Fungsi OPD; Review Terhadap Rancangan Awal RKPD; Penelaahan Usulan Program dan Kegiatan Masyarakat.

BAB III TUJUAN, SASARAN, PROGRAM DAN KEGIATAN: Telaahan Terhadap Kebijakan Nasional; Tujuan dan Sasaran Renja OPD; Program dan Kegiatan.

BAB IV RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH

BAB V PENUTUP"""

KEBIJAKAN_NASIONAL = """Sebagai langkah tindak lanjut TAP MPR RI Nomor XI/MPR/1999 dan No.28 Tahun 1999 tersebut pemerintah telah menerbitkan inpres Nomor 7 Tahun 1999 tentang Akuntabilitas Kinerja Instansi Pemerintah (AKIP) Sistem akuntabilitas Kinerja Instansi Pemerintah mencakup siklus interigrasi diawali dengan disusunnya rencana strategis yang berorientasi pada hasil yang ingin dicapai selama kurun waktu 1 sampai 5 tahun dengan memperhatikan potensi, peluang dan kendala yang mungkin timbul kemudian dilanjutkan dengan penyusunan rencana kinerja tahunan, pelaksanaan program dan kegiatan, pengukuran kinerja, pelaporan kinerja serta evaluasi kinerja.

Dari siklus AKIP tersebut dapat dilihat bahwa penyusunan Rencana Kinerja merupakan fase awal dalam system AKIP. Untuk melaksanakan akuntabilitas kinerja di lingkungan pemerintah Daerah, maka setiap unit kerja menyusun rencana strategis. Rencana Strategis yang disusun oleh satuan kerja harus mempedomani Rencana Pembangunan Jangka Menengah Daerah (RPJMD) di lingkungan pemerintah itu sendiri.

Untuk itu diperlukan pengembangan dan penerapan sistem pertanggungjawaban yang tepat, transparan dan legitimit, sehingga penyelenggaraan pemerintah dan pembangunan dapat berlangsung efektif dan efisien serta bebas dari korupsi dan kolusi seta nepotisme. Setiap unit pemerintah yang ada dalam lingkungan {kota}, termasuk {kecamatan} harus berpartisipasi dalam mewujudkan terselenggarannya good governance dengan mengembangkan dan menerapkan suatu sistem AKIP."""

TUJUAN_SASARAN_RENJA = """Pernyataan atau arti kata tujuan sesungguhnya merupakan suatu keterangan yang memperjelas ataupun mengarahkan dalam rumusan yang telah ditetapkan terhadap apa yang ingin dicapai {kecamatan} {kota}. Isi dari tujuan harus dapat memprediksi atau memperkirakan kondisi atau capaian yang akan datang untuk dicapai. Pernyataan tujuan harus sederhana, spesifik, memiliki sasaran dan mencakup isu-isu utama di dalam tubuh {kecamatan} saat ini.

Sasaran merupakan bagian utama dari tujuan yang lebih spesifik dan terukur. Oleh sebab itu dalam menentukan sasaran seyogyanya harus dapat menerangkan apa yang ada di kata tujuan dan mengoperasionalkannya pada sesuatu yang terukur. Pernyataan sasaran harus sederhana dan mencakup sub issue sehingga setiap aspek utama pada tujuan dapat tercapai.

Tujuan dan Sasaran Daerah {kota} yang terkait atau sejalan dan perlu diaktualisasikan oleh {kecamatan} dijabarkan dalam Tujuan dan Sasaran Renstra {kecamatan}:

Tujuan Renstra : Meningkatnya Tata Kelola Pemerintahan dan Pelayanan Publik pada tingkat kecamatan

Sasaran Renstra : Meningkatnya akuntabilitas kinerja penyelenggaraan pemerintahan pada tingkat kecamatan"""

PROGRAM_KEGIATAN_RENJA = """Tujuan dan sasaran tersebut di atas dijabarkan dalam Program, kegiatan, dan sub kegiatan yang akan dilaksanakan pada Tahun {tahun}, dan keseluruhannya tercantum dalam Rumusan Rencana Program dan Kegiatan {kecamatan} Tahun {tahun} dan Prakiraan Maju Tahun {tahun_depan} berikut."""

PENUTUP_RENJA = """Rencana Kerja (Renja) {kecamatan} Tahun {tahun} ini merupakan dokumen perencanaan yang disusun berdasarkan Rencana Strategis (Renstra) {kecamatan}. Renja {kecamatan} Tahun {tahun} disusun sebagai upaya sinkronisasi dan sinergitas terhadap dokumen perencanaan pembangunan baik pada skala pemerintahan kota (yang sudah melakukan sinkronisasi dengan prioritas pembangunan Propinsi dan Nasional), baik yang berdimensi jangka menengah ataupun jangka panjang. Rencana Kerja ini memuat tujuan dan sasaran, program kegiatan yang harus diimplementasikan oleh seluruh jajaran organisasi dalam rangka pencapaian tujuan dan pelaksanaan tugas pokok dan fungsi {kecamatan} Tahun {tahun}.

{kecamatan} sebagai Satuan Organisasi di Lingkungan Pemerintah {kota} dalam melaksanakan tugas pokok dan fungsi dan perkembangan organisasinya dipengaruhi oleh lingkungan yang bersifat strategis. Secara terstruktur, lingkungan strategis dimaksud adalah berupa Lingkungan Internal organisasi yang terdiri atas dua faktor strategi yaitu kekuatan dan kelemahan serta Lingkungan Eksternal organisasi yang terdiri dari dua faktor strategi yaitu tantangan dan peluang.

Kecamatan memiliki peran yang penting dalam menunjang keberhasilan pemerintah daerah otonom karena merupakan ujung tombak pelayanan dan pembinaan masyarakat seperti disebutkan dalam Undang-Undang No. 23 Tahun 2014 tentang Pemerintahan Daerah. Jadi dapat dikatakan bahwa, semakin besar wewenang yang dilimpahkan semakin besar tanggung jawab Camat dalam mengemban tugasnya.

Rencana Kerja (Renja) {kecamatan} Tahun {tahun} merupakan pedoman dalam penyusunan Rencana Kerja Anggaran Tahun {tahun}, yang juga digunakan sebagai dasar penyusunan APBD. Namun demikian, jika dalam perjalanannya terjadi proses rasionalisasi anggaran yang berujung pada penurunan jumlah program/kegiatan, maka:

a. akan dilakukan penyesuaian berupa penundaan Program dan Kegiatan yang memiliki bobot prioritas lebih rendah;
b. penurunan target capaian kinerja untuk menyesuaikan rasionalisasi anggaran terhadap program/kegiatan yang diajukan dalam Renja {kecamatan} tahun {tahun}.

Perencanaan ini dibuat secara partisipatif, dengan mengupayakan semaksimal mungkin dapat memfasilitasi segenap aspirasi stake holder (pihak yang terkait dan berkepentingan) di {kecamatan}. Ruang lingkup perencanaan pembangunan di {kecamatan} ini bersifat makro dalam rangka mendukung pencapaian target dan sasaran serta visi dan misi {kota} secara keseluruhan."""

RENJA = Struktur(
    jenis=JenisDokumen.RENJA,
    judul="RENCANA KERJA",
    singkatan="Renja",
    kata_pengantar=KATA_PENGANTAR_RENJA,
    keputusan=KEPUTUSAN_RENJA,
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
                Bagian("bab1.landasan_hukum", "1.2", "Landasan Hukum", LANDASAN_HUKUM_RENJA),
                Bagian(
                    "bab1.maksud_tujuan",
                    "1.3",
                    "Maksud dan Tujuan",
                    "Maksud penyusunan Rencana Kerja {kecamatan} Tahun {tahun} adalah:\n\n"
                    "1. Memberikan arahan penyelenggaraan pemerintahan serta pelaksanaan pembangunan di {kecamatan} tahun {tahun};\n"
                    "2. Merumuskan dan menetapkan kebijakan, program dan kegiatan {kecamatan} tahun {tahun};\n"
                    "3. Sebagai panduan bagi pelaksanaan program/kegiatan {kecamatan} tahun {tahun};\n"
                    "4. Sebagai pedoman Penyusunan RKA dan DPA Tahun {tahun}.\n\n"
                    "Tujuan penyusunan Rencana Kerja {kecamatan} {tahun} adalah menyelaraskan program dan kegiatan {kecamatan} Tahun {tahun} dengan target dan sasaran pembangunan daerah dalam RKPD {kota} Tahun {tahun}, dan menjadi acuan evaluasi pelaksanaannya.",
                ),
                Bagian("bab1.sistematika", "1.4", "Sistematika Penulisan", SISTEMATIKA_RENJA),
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
                    "{kecamatan} sebagai SKPD Pembantu yang mempunyai tugas pokok dan fungsi dalam Penyusunan, Pengkoordinasian, Penyelenggaraan Pemerintah, Pembinaan dan Penatausahaan serta Pelaksanaan Tugas lain yang diberikan oleh Walikota sesuai dengan tugas dan fungsinya harus senantiasa mengkaji usulan program dan kegiatan dari masyarakat. Usulan program dan kegiatan masyarakat merupakan bagian dari kegiatan menjaring aspirasi terkait kebutuhan dan harapan pemangku kepentingan, terhadap prioritas dan sasaran pelayanan serta kebutuhan pembangunan tahun yang direncanakan sesuai dengan tugas dan fungsi {kecamatan}, sebagaimana telah dilaksanakannya musrenbang tingkat {kecamatan} Tahun {tahun_lalu} untuk perencanaan tahun {tahun}.",
                    laporan=("renja-2.5",),
                ),
            ),
        ),
        Bab(
            "BAB III",
            "TUJUAN, SASARAN, PROGRAM DAN KEGIATAN",
            (
                Bagian(
                    "bab3.kebijakan_nasional",
                    "3.1",
                    "Telaahan terhadap Kebijakan Nasional dan Provinsi",
                    KEBIJAKAN_NASIONAL,
                ),
                Bagian(
                    "bab3.tujuan_sasaran",
                    "3.2",
                    "Tujuan dan Sasaran Renja Perangkat Daerah",
                    TUJUAN_SASARAN_RENJA,
                    laporan=("renja-rumusan-indikator",),
                ),
                Bagian(
                    "bab3.program_kegiatan",
                    "3.3",
                    "Program, Kegiatan, dan Sub Kegiatan",
                    PROGRAM_KEGIATAN_RENJA,
                    laporan=("renja-rencana",),
                ),
            ),
        ),
        Bab(
            "BAB IV",
            "RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH",
            (
                Bagian(
                    "bab4.pendapatan",
                    "4.1",
                    "Rencana perkiraan Pendapatan Perangkat Daerah",
                    "Rumusan rencana perkiraan pendapatan {kecamatan} Tahun {tahun} disajikan pada Tabel 4.1.",
                    laporan=("renja-4.1",),
                ),
                Bagian(
                    "bab4.unggulan_mendesak",
                    "4.2",
                    "Rencana Program Unggulan dan Mendesak",
                    "Rumusan rencana pelaksanaan program unggulan dan mendesak Tahun {tahun} disajikan pada tabel berikut.",
                    laporan=("renja-4.2-unggulan", "renja-4.2-mendesak"),
                ),
                Bagian(
                    "bab4.usulan_kl_provinsi",
                    "4.3",
                    "Usulan Rencana Program/Kegiatan/Sub Kegiatan pada Renja K/L dan Renja PD Provinsi",
                    "Rumusan rencana program/kegiatan/sub kegiatan melalui sumber dana APBN pada Renja Kementerian/Lembaga atau APBD Provinsi pada Renja Perangkat Daerah Provinsi Tahun {tahun} disajikan pada tabel berikut. Sumber dana diisi dengan APBD Prov atau APBN.",
                    laporan=("renja-4.3-kl", "renja-4.3-provinsi"),
                ),
            ),
        ),
        Bab("BAB V", "PENUTUP", (Bagian("bab5.penutup", "", "", PENUTUP_RENJA),)),
    ),
)

# ------------------------------------------------------------------------------------------------------------
# LKjIP chapters (seed 002: daftar isi lines 34-56)
# ------------------------------------------------------------------------------------------------------------
LANDASAN_HUKUM_LKJIP = """LKjIP {kecamatan} sebagai salah satu bentuk pertanggungjawaban kegiatan tahunan yang telah disusun dalam Rencana Kerja Tahunan (RKT) dipakai sebagai salah satu tolok ukur untuk mengukur keberhasilan maupun kegagalan dalam melaksanakan kegiatan pembangunan. LKjIP {kecamatan} Tahun {tahun} disusun berdasarkan beberapa landasan sebagai berikut :

1. Undang-Undang Nomor 28 Tahun 1999 tentang Penyelenggaraan Negara yang Bersih dan Bebas Korupsi, Kolusi dan Nepotisme (Lembaran Negara Republik Indonesia Tahun 1999 Nomor 75, Tambahan Lembaran Negara Republik Indonesia Nomor 3851);
2. Undang-Undang Nomor 31 Tahun 1999 tentang Pemberantasan Tindak Pidana Korupsi sebagai mana telah diubah dengan Undang-undang Nomor 20 Tahun 2001;
3. Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara (Lembaran Negara Republik Indonesia Tahun 2003 Nomor 47, Tambahan Lembaran Negara Republik Indonesia Nomor 4286);
4. Peraturan Presiden RI Nomor 29 Tahun 2014 Tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;
5. Instruksi Presiden Indonesia Nomor 5 Tahun 2004 tentang Percepatan Pemberantasan Korupsi;
6. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 Tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja, dan tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah;
7. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 12 tahun 2015 tentang Pedoman Evaluasi atas Implementasi Sistem Akuntabilitas Kinerja Instansi Pemerintah;
8. Peraturan Menteri Dalam Negeri Nomor 86 tahun 2017 tentang Tata Cara Perencanaan, Pengendalian Dan Evaluasi Pembangunan Daerah, Tata Cara Evaluasi Rancangan Peraturan Daerah Tentang Rencana Pembangunan Jangka Panjang Daerah Dan Rencana Pembangunan Jangka Menengah Daerah, Serta Tata Cara Perubahan Rencana Pembangunan Jangka Panjang Daerah, Rencana Pembangunan Jangka Menengah Daerah, Dan Rencana Kerja Pemerintah Daerah;
9. Peraturan Daerah {kota} tentang Pembentukan dan Susunan Perangkat Daerah {kota};
10. Peraturan {kepala_daerah} tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Kecamatan."""

RENSTRA_LKJIP = """Peraturan Menteri Dalam Negeri Nomor 86 tahun 2017 mengamanatkan antara lain bahwa Rencana Strategis PD merupakan rencana pembangunan 5 (lima) tahunan PD yang disusun oleh setiap PD sesuai dengan tugas dan fungsinya masing-masing, dengan berpedoman pada dokumen Rencana Pembangunan Jangka Menengah Daerah (RPJMD).

Dokumen Renstra {kecamatan} merupakan penjabaran dari RPJMD {kota}, sehingga target capaian, sasaran dan indikator, serta program dan kegiatan dalam Renstra {kecamatan} harus selaras/konsisten dengan target capaian sasaran dan program prioritas yang terdapat dalam RPJMD.

Rencana Strategis {kecamatan} mengandung Visi dan Misi, tujuan, sasaran yang meliputi strategi, kebijakan, program dan kegiatan. Visi dan Misi tersebut tidak dapat lepas dari lingkup Visi dan Misi Pemerintah Daerah {kota}, karena seluruh Organisasi Perangkat Daerah di {kota} mengikuti Visi dan Misi {kepala_daerah}."""

RENJA_LKJIP_STRATEGI = """Permendagri Nomor 86 tahun 2017 menyebutkan bahwa Strategi adalah langkah berisikan program-program sebagai prioritas pembangunan Daerah/ Perangkat Daerah untuk mencapai sasaran. Sedangkan Arah Kebijakan adalah rumusan kerangka pikir atau kerangka kerja untuk menyelesaikan permasalahan pembangunan dan mengantisipasi isu strategis Daerah/ Perangkat Daerah yang dilaksanakan secara bertahap sebagai penjabaran strategi.

Strategi dan kebijakan {kecamatan} untuk pencapaian visi dan misi mengacu pada Renstra {kecamatan} dan RPJMD {kota}."""

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
                Bagian("bab1.landasan_hukum", "1.2", "Landasan Hukum", LANDASAN_HUKUM_LKJIP),
                Bagian("bab1.gambaran_umum", "1.3", "Gambaran Umum"),
                Bagian(
                    "bab1.geografis",
                    "A.",
                    "Kondisi Geografis",
                    "{kecamatan} merupakan salah satu kecamatan di {kota}. Data kelurahan beserta jumlah RT dan RW disajikan pada tabel berikut.",
                    laporan=("lkjip-1.1",),
                ),
                Bagian(
                    "bab1.tupoksi",
                    "B.",
                    "Tugas Pokok dan Fungsi",
                    "Kecamatan dipimpin oleh seorang Camat yang berada dibawah dan bertanggung jawab kepada {kepala_daerah} melalui Sekretaris Daerah dengan tugas menyelenggarakan tugas Kecamatan dalam lingkup urusan-urusan pemerintahan, kesejahteraan sosial, pemberdayaan masyarakat kelurahan, ekonomi dan pembangunan, serta ketentraman dan ketertiban umum sesuai dengan visi dan misi {kepala_daerah} sebagaimana terjabarkan dalam Rencana Pembangunan Jangka Menengah Daerah.\n\n"
                    "Nama dan NIP, kualifikasi pendidikan, golongan dan jabatan aparatur {kecamatan} disajikan pada Tabel 1.2, susunan organisasinya pada Gambar 1.1, dan kondisi SDM aparatur berdasarkan pendidikan, pangkat dan eselon pada Tabel 1.3.",
                    laporan=("lkjip-1.2", "lkjip-1.3"),
                ),
            ),
        ),
        Bab(
            "BAB II",
            "PERENCANAAN KINERJA",
            (
                Bagian("bab2.renstra", "2.1", "Rencana Strategis", RENSTRA_LKJIP),
                Bagian(
                    "bab2.visi",
                    "2.1.1",
                    "Visi",
                    "Visi {kecamatan} mengikuti Visi Pemerintah Daerah {kota} sebagaimana ditetapkan dalam RPJMD {kota}.",
                ),
                Bagian(
                    "bab2.misi",
                    "2.1.2",
                    "Misi",
                    "Misi adalah sesuatu yang disusun agar dapat menyukseskan Visi yang telah ditetapkan. {kecamatan} berkewajiban menjalankan Misi Pemerintah Daerah {kota} sebagaimana ditetapkan dalam RPJMD {kota}, khususnya misi yang berkaitan dengan tata kelola pemerintahan.",
                ),
                Bagian("bab2.strategi", "2.2", "Strategi dan Kebijakan", RENJA_LKJIP_STRATEGI),
                Bagian(
                    "bab2.perjanjian_kinerja",
                    "2.3",
                    "Perjanjian Kinerja",
                    "Perjanjian Kinerja {kecamatan} Tahun {tahun} memuat sasaran strategis, indikator kinerja dan targetnya sebagai berikut.",
                    laporan=("lkjip-2.1",),
                ),
                Bagian(
                    "bab2.program_pagu",
                    "",
                    "",
                    "Untuk melaksanakan kebijakan tersebut ditetapkan Program dan Kegiatan Prioritas Tahun {tahun} beserta pagu anggarannya sebagai berikut.",
                    laporan=("lkjip-2.2", "lkjip-2.3"),
                ),
            ),
        ),
        Bab(
            "BAB III",
            "AKUNTABILITAS KINERJA",
            (
                Bagian(
                    "bab3.pengantar",
                    "",
                    "",
                    "Akuntabilitas kinerja merupakan media untuk menguraikan hasil pengukuran kinerja serta evaluasi dan analisis akuntabilitas kinerja {kecamatan}.",
                ),
                Bagian(
                    "bab3.pengukuran",
                    "3.1",
                    "Pengukuran Capaian Kinerja",
                    "Pengukuran tingkat capaian kinerja dilakukan dengan membandingkan target indikator kinerja yang telah ditetapkan dengan realisasinya.",
                    laporan=("lkjip-3.1",),
                ),
                Bagian(
                    "bab3.capaian",
                    "3.1",
                    "",
                    "Target, realisasi dan capaian indikator {indikator} tahun {tahun} disajikan pada tabel Pengukuran Sasaran Strategis di atas beserta formulasi perhitungannya. Upaya yang akan dilakukan pada tahun {tahun_depan} untuk meningkatkan capaian indikator ini diuraikan oleh {kecamatan}.",
                    per_indikator=True,
                ),
                Bagian(
                    "bab3.evaluasi",
                    "3.2",
                    "Evaluasi dan Analisis Capaian Kinerja",
                    "Realisasi capaian kinerja dan anggaran tahun {tahun_lalu} dan tahun {tahun} disajikan pada Laporan Rekapitulasi Kemajuan Pelaksanaan Kegiatan berikut; di bawah setiap program tercantum uraian keberhasilan, hambatan dan saran.",
                    laporan=("lkjip-3.2", "lkjip-rekap", "lkjip-3.4"),
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
                    "Akuntabilitas Kinerja Instansi Pemerintah adalah perwujudan kewajiban suatu instansi Pemerintah untuk mempertanggungjawabkan keberhasilan/kegagalan pelaksanaan misi organisasi dalam mencapai tujuan dan sasaran yang telah ditetapkan melalui alat pertanggungjawaban secara periodik.\n\n"
                    "LKjIP {kecamatan} Tahun {tahun} menyajikan capaian kinerja sasaran strategis dan realisasi anggaran. Capaian yang belum memenuhi target menjadi bahan perbaikan perencanaan tahun berikutnya.",
                ),
                Bagian(
                    "bab4.proyeksi",
                    "4.2",
                    "Proyeksi Masa Depan",
                    "{kecamatan} akan terus meningkatkan kualitas pelayanan publik dan akuntabilitas kinerja pada tahun {tahun_depan}.\n\n"
                    "Demikian Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun Anggaran {tahun} {kecamatan} {kota} disusun, selanjutnya diajukan kepada {kepala_daerah}.",
                ),
            ),
        ),
    ),
)

STRUKTUR: dict[str, Struktur] = {RENJA.jenis: RENJA, LKJIP.jenis: LKJIP}


def _nama_kota(kota: str) -> str:
    return kota.removeprefix("Kota ").removeprefix("Kabupaten ")


def isian(kecamatan, tahun: int) -> dict[str, str]:
    """The placeholder values for a kecamatan and year."""
    kota = kecamatan.kota.nama
    kepala = "Bupati" if kota.startswith("Kabupaten ") else "Walikota"
    return {
        "kecamatan": str(kecamatan),
        "nama_kecamatan": kecamatan.nama,
        "kota": kota,
        "nama_kota": _nama_kota(kota),
        "kepala_daerah": f"{kepala} {_nama_kota(kota)}",
        "tahun": str(tahun),
        "tahun_lalu": str(tahun - 1),
        "tahun_evaluasi": str(tahun - 2),
        "tahun_depan": str(tahun + 1),
    }


def teks_bawaan(teks: str, kecamatan, tahun: int, **lain: str) -> str:
    return teks.format(**isian(kecamatan, tahun), **lain)
